"""The command palette (ctrl+p): every action, named "group: verb" so that typing the group lists
its verbs ("log" -> log: workout, log: soreness, log: cardio).

Each command is an action string run on the app (``app.…``) or on the week screen (``screen.…``);
the same actions the keys run, so a key and its command can never drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class Command:
    name: str
    help: str
    action: str
    key: str = ""
    week_only: bool = False


COMMANDS: tuple[Command, ...] = (
    Command("log: workout", "Log a leg workout: exercises, sets x reps @ load, effort", "app.log_workout", "w"),
    Command("log: soreness", "Morning check-in: soreness 0-10, sleep, pain", "app.soreness", "s"),
    Command("log: cardio", "Log a cardio session", "app.log_cardio", "c"),
    Command("week: previous", "Show the week before", "screen.week(-1)", "[", week_only=True),
    Command("week: next", "Show the week after", "screen.week(1)", "]", week_only=True),
    Command("week: today", "Jump to today", "screen.today", "t", week_only=True),
    Command("day: previous", "Select the day before", "screen.move(-1)", "← h", week_only=True),
    Command("day: next", "Select the day after", "screen.move(1)", "→ l", week_only=True),
    Command("suggestion: mark done", "Log the selected day's suggestion as done", "screen.mark_done", "d",
            week_only=True),
    Command("suggestion: skip", "Skip the selected day's suggestion and re-plan", "screen.skip", "x",
            week_only=True),
    Command("suggestion: show why", "Show or hide the suggestion pane (narrow terminals)",
            "screen.toggle_pane", "enter", week_only=True),
    Command("view: trends", "The weeks behind you, drawn: load, cardio, mix, soreness, load ratio",
            "app.trends", "g"),
    Command("profile: edit", "Goal, level, leg days, units, week start, theme", "app.profile", "p"),
    Command("theme: choose", "Pick a colour theme (remembered)", "app.change_theme"),
    Command("app: help", "Keys, what the colours mean, the evidence", "app.help", "?"),
    Command("app: keys panel", "Show the keys panel beside the screen", "app.show_help_panel"),
    Command("app: quit", "Quit legday", "app.quit", "q"),
)


class LegdayCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """(name, help, action) available from the screen the palette was opened on."""
        from legday.tui.screens.week import WeekScreen

        on_week = isinstance(self.screen, WeekScreen)
        found = [
            (c.name, f"{c.help} · key {c.key}" if c.key else c.help, c.action)
            for c in COMMANDS
            if on_week or not c.week_only
        ]
        # Every theme by name, so "theme: light" finds legday-light directly.
        for name in sorted(self.app.available_themes):
            found.append((f"theme: {name}", "Switch to this theme (remembered)", f"app.theme({name!r})"))
        return found

    async def discover(self) -> Hits:
        for name, help_text, action in self._commands():
            if not name.startswith("theme: ") or name == "theme: choose":
                yield DiscoveryHit(name, partial(self.app.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, action in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text)
