"""The command palette (ctrl+p): every action, named "group: verb" so that typing the group lists
its verbs ("log" -> log: workout, log: soreness, log: cardio, log: edit, log: undo).

The commands are the rows of the key table (tui/keys.py) that have a palette name, so a key and its
command run the same action and can never drift apart. Which rows are offered depends on where the
palette was opened: a view's own commands on that view, logging and undo on any view, the rest
everywhere. No screen class is imported: a screen says its place in the table in ``PLACE``. The
keys shown are the ones in use (the app's ``keymap``, remapped by settings.toml's [keymap]).
"""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from legday.tui import keys


class LegdayCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        """(name, help, action) available from the screen the palette was opened on."""
        stack = self.app.screen_stack
        home = bool(stack) and stack[0] is self.screen
        keymap = getattr(self.app, "keymap", None)  # a LegdayApp's; another app: the table's keys
        found = keys.commands(getattr(self.screen, "PLACE", None), home=home, keymap=keymap)
        # Every theme by name, so "theme: light" finds legday-light directly.
        names = getattr(self.app, "theme_names", None)  # a LegdayApp reads its theme files now
        for name in names() if names is not None else sorted(self.app.available_themes):
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
                yield Hit(
                    score, matcher.highlight(name), partial(self.app.run_action, action), help=help_text
                )
