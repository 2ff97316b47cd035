"""First run: four questions (goal, level, usual leg days, kg or lb), a key or two each, and the week
is planned.

Keys: a digit picks an option; on the goal and the level it also moves on; on the leg days it switches
that day (1 Monday ... 7 Sunday) on or off. ←/→ move, Enter moves on and, on the last question, saves.
"2 2 ⏎ ⏎" is a strength-focused intermediate lifter with legs on Monday and Thursday, in kg. Everything
else has a sensible default and lives in the profile (p). The digits and Enter are priority keys, so
keys typed in one burst each land on the question they were meant for.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Label, Static

from legday.core.model import UNITS, WEEKDAYS, Goal, Level, Profile
from legday.tui import keys
from legday.tui.widgets.choice import Choice
from legday.tui.widgets.form import FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.picks import Picks

# One line on what each answer means for the plan (the app's own words; see evidence G1-G5, P1).
GOALS = {
    Goal.ENDURANCE: "running or racing comes first; the key run is kept away from leg day",
    Goal.STRENGTH: "stronger or bigger legs; cardio stays short and easy, as recovery",
    Goal.POWER: "jumps, sprints, sport; hard cardio is kept away from explosive work",
    Goal.HYBRID: "Hyrox, obstacle races, CrossFit; running on tired legs, in doses",
    Goal.GENERAL: "fitness and health; a light run after lifting is fine",
}
LEVELS = {
    Level.BEGINNER: "under a year of regular leg training; more rest between",
    Level.INTERMEDIATE: "a year or more of steady training",
    Level.ADVANCED: "years of structured training; harder combinations allowed",
}


class WelcomeScreen(FormScreen):
    CSS_PATH = "welcome.tcss"

    PLACE = "welcome"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, save: Callable[[Profile], None]) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="box"):
            yield Static("Welcome to legday", id="title")
            yield Static(
                "legday plans your cardio around leg day and says why. Four questions; the rest "
                "waits in the profile (p). History from Strong, Hevy or FitNotes: ctrl+p, data: import.",
                id="intro",
            )
            default = Profile()
            yield Label("What do you train for?", classes="question first")
            yield Choice([g.value for g in Goal], default.goal.value, numbered=True, id="goal")
            yield Static(GOALS[default.goal], id="goal-means", classes="means")
            yield Label("How long have you trained legs?", classes="question")
            yield Choice([lv.value for lv in Level], default.level.value, numbered=True, id="level")
            yield Static(LEVELS[default.level], id="level-means", classes="means")
            yield Label("Your usual leg days (a digit switches one; none is fine)", classes="question")
            yield Picks(
                WEEKDAYS,
                [WEEKDAYS[d] for d in default.leg_days],
                numbered=True,
                allow_none=True,
                labels=[d.capitalize() for d in WEEKDAYS],
                id="leg-days",
            )
            yield Label("Weights in", classes="question")
            yield Choice(UNITS, default.units, numbered=True, id="units")
            yield Static(
                "A number picks and goes on (on the leg days it switches that day); ←/→ move; ⏎ goes on, "
                "and saves on the last.",
                id="keys",
            )
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#goal", Choice).focus()

    @on(Choice.Changed, "#goal")
    def _goal_changed(self, event: Choice.Changed) -> None:
        self.query_one("#goal-means", Static).update(GOALS[Goal(event.value)])

    @on(Choice.Changed, "#level")
    def _level_changed(self, event: Choice.Changed) -> None:
        self.query_one("#level-means", Static).update(LEVELS[Level(event.value)])

    async def action_answer(self, number: int) -> None:
        """A digit: picks on the question with the focus (switches a day on the leg days); on the goal
        and the level it then moves to the next question."""
        focused = await self.settle()
        if not isinstance(focused, Choice) or number > len(focused.options):
            self.app.bell()
            return
        focused.action_pick(number)
        if not isinstance(focused, Picks) and focused.id in ("goal", "level"):
            self.focus_next()

    async def action_next(self) -> None:
        await self.settle()
        chain = self.focus_chain
        if not chain or self.focused is chain[-1]:
            self.action_save()
        else:
            self.focus_next()

    def build(self) -> Profile:
        days = self.query_one("#leg-days", Picks).values
        return Profile(
            goal=Goal(self.query_one("#goal", Choice).value),
            level=Level(self.query_one("#level", Choice).value),
            leg_days=tuple(WEEKDAYS.index(d) for d in days),
            units=self.query_one("#units", Choice).value,
        )

    def deliver(self, profile: Profile) -> None:
        self.save(profile)
