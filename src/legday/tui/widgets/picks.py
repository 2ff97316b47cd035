"""Pick any of a few options on one line: a Choice whose cursor (←/→, h/l) moves without choosing,
and space (or the option's digit, or a click) switches the option under it on or off. At least one
option stays on: switching off the last one is refused with a bell.

Used for the cardio a person can do (the profile's list of modalities).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from textual import events

from legday.tui import keys
from legday.tui.widgets.choice import Choice


class Picks(Choice):
    DEFAULT_CSS = """
    Picks > .picks--on {
        color: $text-accent;
    }
    Picks > .picks--off {
        color: $text-muted;
    }
    Picks > .picks--cursor {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    COMPONENT_CLASSES = {"picks--on", "picks--off", "picks--cursor"}

    BINDINGS = keys.bindings("picks")  # the key table's rows (tui/keys.py)

    def __init__(
        self,
        options: Sequence[str],
        values: Sequence[str],
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(options, id=id, classes=classes)
        self.on = [option in values for option in self.options]

    @property
    def value(self) -> str:
        """The options switched on, comma separated in their order (what ``parse_modalities`` reads)."""
        return ",".join(self.values)

    @value.setter
    def value(self, value: str) -> None:
        wanted = {v.strip() for v in value.split(",")}
        self.on = [option in wanted for option in self.options]
        self.refresh()

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(o for o, on in zip(self.options, self.on) if on)

    def watch_index(self) -> None:
        self.refresh()  # moving the cursor chooses nothing: no Changed message

    def action_switch(self) -> None:
        if self.on[self.index] and sum(self.on) == 1:
            self.app.bell()  # nothing left would mean no cardio at all
            return
        self.on[self.index] = not self.on[self.index]
        self.refresh()
        self.post_message(self.Changed(self, self.value))

    def action_pick(self, number: int) -> None:
        if number <= len(self.options):
            self.index = number - 1
            self.action_switch()

    def _cells(self, i: int) -> str:
        return f"{'■' if self.on[i] else '□'} {self.labels[i]}"

    def _pieces(self, i: int) -> list[tuple[str, Style]]:
        if self.has_focus and i == self.index:
            style = "picks--cursor"
        else:
            style = "picks--on" if self.on[i] else "picks--off"
        return [(self._cells(i), self.get_component_rich_style(style, partial=True))]

    def on_click(self, event: events.Click) -> None:
        i = self._option_at(event)
        if i is not None:
            self.focus()
            self.index = i
            self.action_switch()
