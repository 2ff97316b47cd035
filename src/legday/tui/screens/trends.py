"""The trends view: the last weeks, one column each, and the selected week in words.

A second top-level view beside the week. It is given its data, it does not go looking for it:
``load(weeks)`` returns a ``core.trends.Window`` (the history those weeks need, read by whoever owns
the files), ``open_week(day)`` shows a week in the week view, and ``subscribe(callback)`` (optional)
calls back when what was logged changes, returning a function that stops it.

Cost: a week's numbers come from its records (``Window.week``, under a millisecond); only the
selected week is planned in full, for its words. The newest weeks are worked out first, ``CHUNK`` at a
time, one chunk per frame, so a span of 52 weeks never holds a frame for long; columns not done yet show
a dot. Weeks already worked out are kept until the data changes, so flipping between 12 and 52 weeks,
or leaving and coming back, costs only the new weeks and the drawing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from legday.core.trends import DEFAULT_WEEKS, WeekTrend, Window, week_words
from legday.tui import keys
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.trend_chart import TrendChart

if TYPE_CHECKING:
    from textual.css.styles import RulesMap

# Weeks worked out per frame: what + adds at most (26 to 52), so a step of the span is one frame.
CHUNK = 26
# What + and - step through.
SPANS = (4, 8, 12, 26, 52)
AFTER_FRAME = 0.02  # seconds: see WeekScreen._after_frame


class TrendsScreen(Screen):
    CSS_PATH = "trends.tcss"
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    PLACE = "trends"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(
        self,
        load: Callable[[int], Window],
        open_week: Callable[[dt.date], None],
        subscribe: Callable[[Callable[..., None]], Callable[[], None]] | None = None,
        weeks: int = DEFAULT_WEEKS,
    ) -> None:
        super().__init__()
        self._load, self._open_week, self._subscribe = load, open_week, subscribe
        self._unsubscribe: Callable[[], None] | None = None
        self.span = weeks
        self.window: Window | None = None
        # (week start, last day counted) -> its numbers; a week's numbers never depend on the span.
        self.cache: dict[tuple[dt.date, dt.date], WeekTrend] = {}
        self.selected = weeks - 1
        self._stale = False
        height = self.app.size.height
        self.set_class(height >= 34, "-tall", update=False)
        self.set_class(height < 34, "-short", update=False)

    def compose(self):
        with Horizontal(id="trends-title"):
            yield Static(id="trends-dates")
            yield Static(id="trends-legend")
        yield TrendChart(id="chart")
        with VerticalScroll(id="words"):
            yield Static(id="words-text")
        yield KeyBar()

    def on_mount(self) -> None:
        self._chart = self.query_one(TrendChart)
        self._dates = self.query_one("#trends-dates", Static)
        self._text = self.query_one("#words-text", Static)
        self.query_one("#trends-legend", Static).update(
            Content.assemble(
                ("█", "$primary"),
                (" legs ", "$foreground-muted"),
                ("█", "$success"),
                (" cardio", "$foreground-muted"),
            )
        )
        if self._subscribe is not None:
            self._unsubscribe = self._subscribe(self._changed)
        self.reload()
        self._chart.focus()

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()

    def on_resize(self) -> None:
        # A new size: the columns' width and, past 34 rows, the tall rows (fitness and fatigue) are
        # new; drawn again once the size classes are (they change with the resize).
        if self.window is not None:
            self.call_after_refresh(self._show)

    def on_screen_resume(self) -> None:
        # Back from another view: what changed meanwhile is worked out again.
        if self._stale:
            self.reload()

    def _changed(self, *_args) -> None:
        self.cache.clear()
        if self.is_current:
            self.reload()
        else:
            self._stale = True

    # -- data -----------------------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the window for ``span`` weeks and draw; the newest weeks first (see CHUNK)."""
        self._stale = False
        self.window = self._load(self.span)
        self.selected = max(0, min(self.selected, self.span - 1))
        self._work()

    def _work(self) -> None:
        window = self.window
        if window is None:
            return
        todo = [ws for ws in reversed(window.starts) if (ws, window.end) not in self.cache][:CHUNK]
        for ws in todo:
            self.cache[ws, window.end] = window.week(ws)
        self._show()
        if any((ws, window.end) not in self.cache for ws in window.starts):
            self.set_timer(AFTER_FRAME, self._work)

    def weeks(self) -> list[WeekTrend | None]:
        window = self.window
        if window is None:
            return []
        return [self.cache.get((ws, window.end)) for ws in window.starts]

    @property
    def selected_week(self) -> WeekTrend | None:
        weeks = self.weeks()
        return weeks[self.selected] if 0 <= self.selected < len(weeks) else None

    # -- showing --------------------------------------------------------------------------------------

    def _show(self) -> None:
        window = self.window
        if window is None:
            return
        self._chart.show(window.starts, self.weeks(), self.selected, tall=self.has_class("-tall"))
        start = window.starts[self.selected]
        this = window.starts[-1]
        ago = (this - start).days // 7
        when = "this week" if ago == 0 else "last week" if ago == 1 else f"{ago} weeks ago"
        title = Content.assemble(
            ("legday", "$primary bold"),
            ("  ", ""),
            ("trends", "bold"),
            (f" · {len(window.starts)} weeks", "$foreground-muted"),
            (" · ", "$foreground-muted"),
            (f"week of {start:%d %b %Y}", "bold"),
            (" · ", "$foreground-muted"),
            (when, "$accent"),
        )
        self._dates.update(title, layout=False)  # one line whatever it says: no layout pass
        self._show_words()

    def _show_words(self) -> None:
        week = self.selected_week
        if week is None or self.window is None:
            self._text.update(Content.styled("Working this week out…", "$foreground-muted"))
            return
        known = [w for w in self.weeks() if w is not None]
        lines = []
        for reason in week_words(self.window.profile, week, known):
            lines.append(
                Content.assemble(
                    (f"{reason.id:<4}", "$accent bold"),
                    reason.text,
                    (f"  {reason.source}", "$foreground-muted") if reason.source else "",
                )
            )
        model = Content.assemble(
            ("S4  ", "$accent bold"),
            f"Model, not measurement: fitness {week.fitness:g}, fatigue {week.fatigue:g} "
            "(load averaged over 42 and 7 days).",
            ("  Banister", "$foreground-muted"),
        )
        lines.append(model)
        text = Content("\n").join(lines)
        # As tall as the words before (as it mostly is, moving across weeks): no layout pass, which
        # would repaint the whole screen rather than the chart and the words.
        size = self._text.content_size
        # (A widget's styles are the rules Content.get_height reads, as Textual's own Static passes them.)
        rules = cast("RulesMap", self._text.styles)
        same = bool(size.width) and text.get_height(rules, size.width) == size.height
        self._text.update(text, layout=not same)

    # -- keys -----------------------------------------------------------------------------------------

    def action_move(self, step: int) -> None:
        if self.window is None:
            return
        self.selected = max(0, min(len(self.window.starts) - 1, self.selected + step))
        self._show()

    def action_first(self) -> None:
        self.action_move(-len(self.window.starts) if self.window else 0)

    def action_last(self) -> None:
        self.action_move(len(self.window.starts) if self.window else 0)

    def action_span(self, step: int) -> None:
        bigger = [s for s in SPANS if s > self.span]
        smaller = [s for s in SPANS if s < self.span]
        span = (bigger[0] if bigger else self.span) if step > 0 else (smaller[-1] if smaller else self.span)
        if span == self.span:
            return
        # Keep the same week selected, counted from the newest.
        from_end = self.span - 1 - self.selected
        self.span = span
        self.selected = max(0, span - 1 - from_end)
        self.reload()

    def action_scroll_words(self, lines: int) -> None:
        words = self.query_one("#words", VerticalScroll)
        words.scroll_relative(y=lines, animate=False)

    def action_open(self) -> None:
        if self.window is not None:
            start = self.window.starts[self.selected]
            self._open_week(min(start, self.window.end))

    def on_trend_chart_picked(self, message: TrendChart.Picked) -> None:
        self.selected = message.index
        self._show()
