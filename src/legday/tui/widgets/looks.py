"""Finished lines of a widget remembered per look, so that showing something again costs nothing.

Textual keeps a widget's styled lines only until its next refresh. Moving through the week swaps the
same few looks back and forth (a day cell selected or not, the pane showing Tuesday or Wednesday),
and styling a line afresh (text, colours, padding, border) is most of what a keystroke costs.
"""

from __future__ import annotations

from collections.abc import Hashable

from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget


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
