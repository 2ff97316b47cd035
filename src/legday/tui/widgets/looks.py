"""Finished lines of a widget remembered per look, so that showing something again costs nothing.

Textual keeps a widget's styled lines only until its next refresh. Moving through the week swaps the
same few looks back and forth (a day cell selected or not, the pane showing Tuesday or Wednesday),
and styling a line afresh (text, colours, padding, border) is most of what a keystroke costs.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

from rich.segment import Segment
from textual.content import Content
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

T = TypeVar("T")


class Same(Generic[T]):
    """``thing`` in a look, compared by identity: hashing a whole DayPlan on every draw cost more than
    drawing from the remembered lines. Plans are never changed in place (the journal makes a new one
    on every change), so the same object means the same look; holding it keeps its id from being
    reused while the look is remembered."""

    __slots__ = ("thing",)

    def __init__(self, thing: T) -> None:
        self.thing = thing

    def __hash__(self) -> int:
        return id(self.thing)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Same) and other.thing is self.thing


class RemembersLooks(Widget):
    """A widget whose finished lines are kept for its last ``LOOKS`` looks."""

    LOOKS = 12

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._looks: dict[Hashable, list[Strip]] = {}

    def look(self) -> Hashable:
        """Everything the widget's own drawing depends on (its styles and size are added)."""
        raise NotImplementedError

    def render_lines(self, crop: Region) -> list[Strip]:
        # The theme's name too: content colours such as $accent are looked up when drawn.
        key = (self.look(), self.size, crop, self.background_colors, self.visual_style, self.app.theme)
        strips = self._looks.get(key)
        if strips is None:
            strips = self._looks[key] = super().render_lines(crop)
            if len(self._looks) > self.LOOKS:
                del self._looks[next(iter(self._looks))]
        return strips


def line_strips(
    lines: list[Content],
    width: int,
    style: VisualStyle,
    parse_style: Callable[[str | VisualStyle], VisualStyle],
) -> list[Strip]:
    """``lines`` as strips ``width`` cells wide, each cut with an ellipsis where it is longer (as
    ``text-wrap: nowrap; text-overflow: ellipsis`` would), in plain Rich styles on ``style``.

    What Textual does with a widget's Content, without what these widgets do not use: splitting a
    joined text into lines again, and a style of its own for every span of every line (with its
    offset, for text selection), which was about half of drawing the week."""
    rich_base = style.rich_style
    strips = []
    for line in lines:
        line = line.truncate(width, ellipsis=True)
        segments = [
            Segment(text, part.rich_style) for text, part in line.render(style, "", parse_style=parse_style)
        ]
        strips.append(Strip(segments).extend_cell_length(width, rich_base))
    return strips
