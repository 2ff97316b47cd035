"""Finished lines of a widget remembered per look, so that showing something again costs nothing.

Textual keeps a widget's styled lines only until its next refresh. Moving through the week swaps the
same few looks back and forth (a day cell selected or not, the pane showing Tuesday or Wednesday),
and styling a line afresh (text, colours, padding, border) is most of what a keystroke costs.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from textual.geometry import Region
from textual.strip import Strip
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
