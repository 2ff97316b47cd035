"""Pick any of a few options on one line: a Choice whose cursor (←/→, h/l) moves without choosing,
and space (or the option's digit, or a click) switches the option under it on or off. At least one
option stays on (switching off the last one is refused with a bell), unless ``allow_none``.

Used for the cardio a person can do (the profile's list of modalities) and the usual leg days (the
first run, numbered so that a digit switches a day).
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
        numbered: bool = False,
        allow_none: bool = False,
        labels: Sequence[str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(options, numbered=numbered, labels=labels, id=id, classes=classes)
        self.on = [option in values for option in self.options]
        self.allow_none = allow_none

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
        if self.on[self.index] and sum(self.on) == 1 and not self.allow_none:
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
        number = f"{i + 1} " if self.numbered else ""
        return f"{number}{'■' if self.on[i] else '□'} {self.labels[i]}"

    def _pieces(self, i: int) -> list[tuple[str, Style]]:
        if self.has_focus and i == self.index:
            style = "picks--cursor"
        else:
            style = "picks--on" if self.on[i] else "picks--off"
        cells = self._cells(i)
        lead = len(f"{i + 1} ") if self.numbered else 0
        number = self.get_component_rich_style("choice--number", partial=True)
        return [(cells[:lead], number), (cells[lead:], self.get_component_rich_style(style, partial=True))]

    def on_click(self, event: events.Click) -> None:
        i = self._option_at(event)
        if i is not None:
            self.focus()
            self.index = i
            self.action_switch()
