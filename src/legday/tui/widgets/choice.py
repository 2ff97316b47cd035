"""Pick one of a few options on one line, with the slider's keys: ←/→ (h/l) move the choice, a digit
picks the option with that number (1 is the first), a click picks the option under the mouse.

Unlike a RadioSet there is no separate "press": moving is choosing, so a profile field is one or two
keystrokes. Options that do not fit on a line wrap onto the next.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual import events
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

from legday.tui import keys


class Choice(Widget, can_focus=True):
    DEFAULT_CSS = """
    Choice {
        width: 1fr;
        height: auto;
        padding: 0 1;
        border-left: outer $background 0%;
    }
    Choice:focus {
        border-left: outer $accent;
        background: $boost;
    }
    Choice > .choice--chosen {
        color: $text-accent;
        text-style: bold;
    }
    Choice:focus > .choice--chosen {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    Choice > .choice--other {
        color: $text-muted;
    }
    Choice > .choice--number {
        color: $text-disabled;
    }
    """

    COMPONENT_CLASSES = {"choice--chosen", "choice--other", "choice--number"}

    BINDINGS = keys.bindings("choice")  # the key table's rows (tui/keys.py)

    index: reactive[int] = reactive(0)

    @dataclass(eq=False, repr=False)  # (see tui/messages.py)
    class Changed(Message):
        choice: Choice
        value: str

        @property
        def control(self) -> Choice:
            return self.choice

    def __init__(
        self,
        options: Sequence[str],
        value: str | None = None,
        *,
        numbered: bool = False,
        labels: Sequence[str] | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        if not options:
            raise ValueError("a Choice needs at least one option")
        self.options = list(options)
        self.labels = list(labels) if labels is not None else self.options
        self.numbered = numbered
        index = self.options.index(value) if value in self.options else 0
        self.set_reactive(Choice.index, index)
        # (line, first column, end column) of each option as last drawn, for clicks.
        self._spans: list[tuple[int, int, int]] = []

    @property
    def value(self) -> str:
        return self.options[self.index]

    @value.setter
    def value(self, value: str) -> None:
        self.index = self.options.index(value)

    def validate_index(self, index: int) -> int:
        return max(0, min(index, len(self.options) - 1))

    def watch_index(self) -> None:
        self.post_message(self.Changed(self, self.value))

    def action_move(self, delta: int) -> None:
        self.index += delta

    def action_pick(self, number: int) -> None:
        if number <= len(self.options):
            self.index = number - 1

    def _cells(self, i: int) -> str:
        mark = "●" if i == self.index else "○"
        number = f"{i + 1} " if self.numbered else ""
        return f"{number}{mark} {self.labels[i]}"

    def _layout(self, width: int) -> list[list[int]]:
        """Options per line: as many as fit, two spaces apart."""
        lines: list[list[int]] = [[]]
        used = 0
        for i in range(len(self.options)):
            size = len(self._cells(i))
            if lines[-1] and used + 2 + size > width:
                lines.append([])
                used = 0
            used += size + (2 if lines[-1] else 0)
            lines[-1].append(i)
        return lines

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._layout(width))

    def _pieces(self, i: int) -> list[tuple[str, Style]]:
        """Option ``i`` as drawn, in styled pieces (their text is ``_cells(i)``)."""
        number = self.get_component_rich_style("choice--number", partial=True)
        chosen = self.get_component_rich_style("choice--chosen", partial=True)
        other = self.get_component_rich_style("choice--other", partial=True)
        cells = self._cells(i)
        lead = len(f"{i + 1} ") if self.numbered else 0
        return [(cells[:lead], number), (cells[lead:], chosen if i == self.index else other)]

    def render(self) -> Text:
        text = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        for y, line in enumerate(self._layout(self.content_size.width)):
            if y:
                text.append("\n")
            x = 0
            for n, i in enumerate(line):
                if n:
                    text.append("  ")
                    x += 2
                for piece, style in self._pieces(i):
                    text.append(piece, style)
                width = len(self._cells(i))
                self._spans.append((y, x, x + width))
                x += width
        return text

    def _option_at(self, event: events.Click) -> int | None:
        """The option under a click, if any."""
        offset = event.get_content_offset(self)
        if offset is None:
            return None
        for i, (y, start, end) in enumerate(self._spans):  # spans are in option order
            if y == offset.y and start <= offset.x < end:
                return i
        return None

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        i = self._option_at(event)
        if i is not None:
            self.focus()
            self.index = i
