"""The week as seven day cells side by side; arrows and h/j/k/l move the selected day.

The grid only shows a WeekPlan and reports moves: the screen owns the selected date (moving past
Sunday means another week, which means another plan) and calls ``show`` with the result.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable
from dataclasses import dataclass

from textual import events
from textual.color import Color
from textual.content import Content
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip
from textual.style import Style as VisualStyle
from textual.widget import Widget

from legday.core import words
from legday.core.plan import DayPlan, Session, WeekPlan
from legday.tui import keys, legend
from legday.tui.widgets.looks import RemembersLooks, Same, line_strips


class DayCell(RemembersLooks):
    """One day: date, its sessions (two lines each), soreness and readiness at the bottom.

    Moving the selection swaps two cells between looks they have mostly drawn before (selected or
    not), and a week visited again has its days drawn: hence RemembersLooks. The text is drawn line
    by line (Textual's line API) from strips made once per look, with plain Rich styles: as one
    Content, Textual split it into lines again and gave every span of every line a style of its own
    (for text selection, which a day cell has no use for), most of the grid's drawing time. The
    neighbouring weeks' lines are made ahead, while idle (``prepare``)."""

    DEFAULT_CSS = """
    DayCell {
        width: 1fr;
        height: 1fr;
        padding: 0 0 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    # Text lines kept per look: this week's and both neighbours' days, and the selected one.
    TEXT_LOOKS = 24

    def __init__(
        self, index: int, day: DayPlan | None = None, today: dt.date | None = None, selected: bool = False
    ) -> None:
        super().__init__(id=f"day-{index}")
        self.day = day
        self.today = today
        # The selection is an inline background (set_selected), not a CSS class: a class change
        # matches the node against the whole stylesheet again, on every move.
        self.selected = selected
        self._text: dict[Hashable, list[Strip]] = {}
        self._drawing: list[Strip] | None = None  # the look being drawn (render_lines)

    def set_day(self, day: DayPlan, today: dt.date) -> None:
        if day is self.day and today == self.today:
            return  # only the selection moved: nothing to redraw here
        self.day = day
        self.today = today
        self.refresh()

    def set_selected(self, selected: bool, background: Color) -> None:
        """Selected (on ``background``) or not (the grid's own background)."""
        if selected == self.selected and (not selected or self.styles.background == background):
            return
        self.selected = selected
        if selected:
            self.styles.background = background
        else:
            self.styles.clear_rule("background")
            self.refresh()

    def look(self) -> tuple:
        return Same(self.day), self.today

    def on_click(self) -> None:
        if self.day is not None:
            self.post_message(WeekGrid.Picked(self.day.date))

    def render(self) -> Content:
        """The cell's text as one Content (what ``render_line`` draws, line by line)."""
        if self.day is None:
            return Content("")
        return Content("\n").join(self.lines(self.content_size.width, self.content_size.height))

    def render_lines(self, crop: Region) -> list[Strip]:
        # The look's text strips, looked up once per draw (not once per line).
        self._drawing = self.text_strips(self.day, self.today, self.visual_style)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        strips = self._drawing
        if strips is None:
            strips = self.text_strips(self.day, self.today, self.visual_style)
        width = self.content_size.width
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, self.visual_style.rich_style)

    def prepare(self, day: DayPlan, today: dt.date, selected_style: VisualStyle | None = None) -> bool:
        """Make ``day``'s lines ahead of time (when idle), in this cell's look when not selected (or
        in ``selected_style``), so that a week shown later costs only its placing. False if they were
        made already."""
        style = selected_style or self._plain_style()
        if style is None or self._text_key(day, today, style) in self._text:
            return False
        self.text_strips(day, today, style)
        return True

    def _plain_style(self) -> VisualStyle | None:
        """This cell's style when not selected (None while it is: its style is the selected one)."""
        return None if self.selected else self.visual_style

    def _text_key(self, day: DayPlan | None, today: dt.date | None, style: VisualStyle) -> Hashable:
        return Same(day), today, self.content_size, style, self.app.theme

    def text_strips(self, day: DayPlan | None, today: dt.date | None, style: VisualStyle) -> list[Strip]:
        """``day``'s lines, each a strip the cell's width, in ``style`` (remembered per look)."""
        key = self._text_key(day, today, style)
        strips = self._text.get(key)
        if strips is not None:
            return strips
        width, height = self.content_size
        strips = []
        if day is not None and width > 0 and height > 0:
            lines = self._lines_of(day, today, width, height)
            strips = line_strips(lines, width, style, self.app.stylesheet.parse_style)
        self._text[key] = strips
        if len(self._text) > self.TEXT_LOOKS:
            del self._text[next(iter(self._text))]
        return strips

    def notify_style_update(self) -> None:
        # A theme change: the lines hold the old colours.
        self._text.clear()
        super().notify_style_update()

    def _lines_of(self, day: DayPlan, today: dt.date | None, width: int, height: int) -> list[Content]:
        shown = self.day, self.today
        self.day, self.today = day, today
        try:
            return self.lines(width, height)
        finally:
            self.day, self.today = shown

    def lines(self, width: int, height: int) -> list[Content]:
        """The cell's text for a ``width`` x ``height`` cell: sessions that do not fit become
        "+N more", and soreness and readiness always keep the last two lines."""
        day = self.day
        assert day is not None
        width, height = max(1, width), max(1, height)
        header_style = "bold reverse $accent" if day.date == self.today else "bold"
        lines: list[Content] = [Content.styled(day.date.strftime("%a %d"), header_style)]

        footer = [self._soreness_line(day), self._readiness_line(day)]
        room = height - 1 - len(footer)
        body: list[Content] = []
        sessions = list(day.sessions)
        # Tall cells (big terminals) give each session a second line of detail.
        detail_lines = 2 if room >= 3 * len(sessions) else 1
        for number, session in enumerate(sessions):
            chunk = self._session_lines(session, width, detail_lines)
            left = len(sessions) - number - 1
            # Keep a line for "+N more" when the rest will not fit.
            reserve = 1 if left and len(body) + len(chunk) + 2 > room else 0
            if len(body) + len(chunk) + reserve > room:
                body.append(Content.styled(f"+{len(sessions) - number} more", "$foreground-muted"))
                break
            body.extend(chunk)
        lines.extend(body[: max(0, room)])
        lines.extend([Content("")] * max(0, room - len(body)))
        lines.extend(footer[: max(0, height - 1)])
        if day.date < (self.today or day.date):
            # Past days recede: their plain text muted, their colours kept.
            lines = [line.stylize_before("$foreground-muted") for line in lines]
        return lines

    @staticmethod
    def _session_lines(session: Session, width: int, detail_lines: int = 1) -> list[Content]:
        first = legend.session_line(session)
        if session.kind == "rest":
            if session.moved_to is None:
                return [first]
            # A leg day the plan dropped: where it went (the pane says why).
            return [first, Content.styled(f"legs→{session.moved_to:%a}", "$foreground-muted")]
        # Most important first: minutes, how hard (the colour says it too), when, the effort range.
        parts: list[str] = []
        if session.moved_from is not None:
            parts.append(f"from {session.moved_from:%a}")
        if session.minutes:
            parts.append(legend.minutes_text(session))
        if session.kind != "legs" and session.intensity:
            parts.append(session.intensity)
        if session.start and session.status != "done":
            parts.append(session.start.strftime("%H:%M"))
        if session.effort and session.kind != "legs":
            parts.append(f"effort {words.effort_range(session.effort)}")
        # Fill the detail lines with whole words only: a cut-off "19:3" helps nobody.
        lines = [""] * detail_lines
        for part in parts:
            for index, text in enumerate(lines):
                if len(text) + 1 + len(part) <= width:
                    lines[index] = text + " " + part
                    break
        style = "$foreground-muted strike" if session.status == "skipped" else "$foreground-muted"
        return [first, *(Content.styled(text, style) for text in lines if text)]

    @staticmethod
    def _soreness_line(day: DayPlan) -> Content:
        if day.soreness is None:
            return Content.styled("sore -", "$foreground-muted")
        return Content.assemble(
            ("sore ", "$foreground-muted"), (str(day.soreness), legend.soreness_style(day.soreness))
        )

    @staticmethod
    def _readiness_line(day: DayPlan) -> Content:
        return Content.assemble(
            ("ready ", "$foreground-muted"), (str(day.readiness), legend.readiness_style(day.readiness))
        )


class WeekGrid(Widget, can_focus=True):
    """Seven DayCells. Focusable: it owns the day-moving keys."""

    # The day moves of the key table (tui/keys.py).
    BINDINGS = keys.bindings("grid")

    DEFAULT_CSS = """
    WeekGrid {
        layout: horizontal;
        height: 10;
    }
    """

    @dataclass(eq=False, repr=False)
    class Moved(Message):
        """Move the selection by ``days`` (may leave the week shown)."""

        days: int

    @dataclass(eq=False, repr=False)
    class Picked(Message):
        """A day was clicked."""

        date: dt.date

    def __init__(
        self, plan: WeekPlan | None = None, selected: dt.date | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.selected = selected
        days = plan.days if plan else [None] * 7
        today = plan.today if plan else None
        # Kept, not queried: a query on every keystroke costs more than the rest of a small move.
        self.cells = [
            DayCell(index, day, today, day is not None and day.date == selected)
            for index, day in enumerate(days)
        ]
        self._backgrounds: dict[tuple[str, bool], Color] = {}

    def compose(self):
        yield from self.cells

    def on_mount(self) -> None:
        self._show_selection()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._show_selection())

    def on_focus(self, event: events.Focus) -> None:
        self._show_selection(focused=True)

    def on_blur(self, event: events.Blur) -> None:
        # (has_focus still says True while the Blur is handled.)
        self._show_selection(focused=False)

    def selection_background(self, focused: bool | None = None) -> Color:
        """The selected day's background: $boost, or a tint of $primary while the grid has the
        focus (as a stylesheet rule would say it, looked up once per theme)."""
        focused = self.has_focus if focused is None else focused
        key = (self.app.theme, focused)
        colour = self._backgrounds.get(key)
        if colour is None:
            # The theme's variables as Textual last generated them (on every theme change, before
            # theme_changed_signal): generating them again here cost a millisecond at start-up.
            variables = self.app.theme_variables or self.app.get_css_variables()
            if focused:
                colour = Color.parse(variables["primary"]).with_alpha(0.15)
            else:
                colour = Color.parse(variables["boost"])
            self._backgrounds[key] = colour
        return colour

    def _show_selection(self, focused: bool | None = None) -> None:
        background = self.selection_background(focused)
        for cell in self.cells:
            cell.set_selected(cell.day is not None and cell.day.date == self.selected, background)

    def show(self, plan: WeekPlan, selected: dt.date) -> None:
        self.plan = plan
        self.selected = selected
        for cell, day in zip(self.cells, plan.days):
            cell.set_day(day, plan.today)
        self._show_selection()

    def prepare(self, plan: WeekPlan) -> bool:
        """Make ``plan``'s days' lines ahead of time, one cell at a time (work done while idle):
        False once all seven are made."""
        return any(cell.prepare(day, plan.today) for cell, day in zip(self.cells, plan.days))

    def action_move(self, days: int) -> None:
        self.post_message(self.Moved(days))
