"""The week as seven day cells side by side; arrows and h/j/k/l move the selected day.

The grid only shows a WeekPlan and reports moves: the screen owns the selected date (moving past
Sunday means another week, which means another plan) and calls ``show`` with the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.content import Content
from textual.message import Message
from textual.widget import Widget

from legday.core import words
from legday.core.plan import DayPlan, Session, WeekPlan
from legday.tui import keys, legend
from legday.tui.widgets.looks import RemembersLooks


class DayCell(RemembersLooks):
    """One day: date, its sessions (two lines each), soreness and readiness at the bottom.

    Moving the selection swaps two cells between looks they have mostly drawn before (selected or
    not), and a week visited again has its days drawn: hence RemembersLooks."""

    DEFAULT_CSS = """
    DayCell {
        width: 1fr;
        height: 1fr;
        padding: 0 0 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(
        self, index: int, day: DayPlan | None = None, today: dt.date | None = None, selected: bool = False
    ) -> None:
        # Only the selection is a CSS class: today and past days are drawn by render(), so that a
        # change of week restyles no cell.
        super().__init__(id=f"day-{index}", classes="-selected" if selected else "")
        self.day = day
        self.today = today

    def set_day(self, day: DayPlan, today: dt.date) -> None:
        if day is self.day and today == self.today:
            return  # only the selection moved: nothing to redraw here
        self.day = day
        self.today = today
        self.refresh()

    def look(self) -> tuple:
        return self.day, self.today

    def on_click(self) -> None:
        if self.day is not None:
            self.post_message(WeekGrid.Picked(self.day.date))

    def render(self) -> Content:
        if self.day is None:
            return Content("")
        return Content("\n").join(self.lines(self.content_size.width, self.content_size.height))

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

    @dataclass
    class Moved(Message):
        """Move the selection by ``days`` (may leave the week shown)."""

        days: int

    @dataclass
    class Picked(Message):
        """A day was clicked."""

        date: dt.date

    def __init__(
        self, plan: WeekPlan | None = None, selected: dt.date | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.plan = plan
        self.selected = selected

    def compose(self):
        days = self.plan.days if self.plan else [None] * 7
        today = self.plan.today if self.plan else None
        for index, day in enumerate(days):
            yield DayCell(index, day, today, day is not None and day.date == self.selected)

    def show(self, plan: WeekPlan, selected: dt.date) -> None:
        self.plan = plan
        self.selected = selected
        for cell, day in zip(self.query(DayCell), plan.days):
            cell.set_day(day, plan.today)
            cell.set_class(day.date == selected, "-selected")

    def action_move(self, days: int) -> None:
        self.post_message(self.Moved(days))
