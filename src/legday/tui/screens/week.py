"""The home screen: the week grid, its totals, and the suggestion pane for the selected day.

The screen owns the selected date and reports it to the app with a DaySelected message (new logs
default to it). It is given the Journal it shows: moving into another week asks the journal for that
week's plan (cached there), and every change the journal announces (a save here or in another
legday process) re-plans the day on screen. At 100 columns and wider the pane sits beside
the totals; below that it shares the space under the grid with them. Enter gives it all of that space.

The footer's keys never change with the selection (rebuilding the footer would cost more than the
rest of a keystroke); a key that cannot act on the selected day says why in a notification.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from legday.core.plan import DayPlan, Session, WeekPlan
from legday.journal import Change, Journal
from legday.tui import keys, legend
from legday.tui.messages import DaySelected
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.week_grid import WeekGrid
from legday.tui.widgets.week_notes import NO_NOTES, WeekNotes
from legday.tui.widgets.week_totals import WeekTotals

if TYPE_CHECKING:
    from textual.timer import Timer

    from legday.tui.widgets.suggestion_pane import SuggestionPane

# The screen's stylesheet: read by the app with its own (see LegdayApp.CSS_PATH), or by any app
# that shows the screen.
STYLESHEET = Path(__file__).with_name("week.tcss")
AFTER_FRAME = 0.02  # seconds after a key's action: see WeekScreen._after_frame
WORK_STEP = 0.004  # seconds between two jobs of the work ahead (keys and frames go in between)


def week_notes(plan: WeekPlan) -> WeekNotes:
    """The plan's warnings and notes, which the pane shows in full with every day."""
    return WeekNotes(plan.warnings, plan.notes)


class WeekScreen(Screen):
    # week.tcss is read by the app with its own stylesheet (see LegdayApp.CSS_PATH).
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (34, "-tall")]

    PLACE = "week"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self._unsubscribe: Callable[[], None] | None = None
        self.selected: dt.date = dt.date.min
        self.plan: WeekPlan | None = None
        self._who = ""
        self._pane: SuggestionPane | None = None  # built lazily, see on_suggestion_pane_ready
        self._ahead: Timer | None = None  # the next job of the work ahead (_work_ahead)
        # Start with the size classes the first resize would give, so that the first frame is not
        # styled twice (every class change restyles the whole screen).
        width, height = self.app.size
        self.set_class(width >= 100, "-wide", update=False)
        self.set_class(width < 100, "-narrow", update=False)
        self.set_class(height >= 34, "-tall", update=False)
        self.set_class(height < 34, "-short", update=False)

    def compose(self):
        # The plan is made before the widgets exist, so they are built showing it: one styling pass.
        today = self.journal.today()
        self.selected = today
        self.plan = plan = self.journal.week_plan(today)
        with Horizontal(id="week-title"):
            yield Static(id="week-dates")
            yield Static(id="week-profile")
        yield WeekGrid(plan, today, id="grid")
        with Horizontal(id="lower"):
            yield WeekTotals(id="totals")
        yield KeyBar()

    def on_mount(self) -> None:
        # Kept, not queried: a query on every keystroke costs more than the rest of a small move.
        self._grid = self.query_one(WeekGrid)
        self._totals = self.query_one(WeekTotals)
        self._dates = self.query_one("#week-dates", Static)
        self._profile = self.query_one("#week-profile", Static)
        if self.plan is not None:
            self._show_title(self.plan)
            self._totals.show(self.plan, ())
        self.post_message(DaySelected(self.selected))
        # Called as the change is made: the change and the re-plan land in the same frame.
        self._unsubscribe = self.journal.subscribe(self._journal_changed)
        # The pane and the sparklines (which need the weeks before this one): after the first frame.
        self.call_after_refresh(self._mount_pane)
        self.call_after_refresh(self._show_recent)

    def on_unmount(self) -> None:
        if self._unsubscribe is not None:
            self._unsubscribe()

    async def _mount_pane(self) -> None:
        # Not when the screen is already closing (q pressed as the first frame showed).
        if self.is_attached and self.app.return_code is None:
            # Imported here: the pane is not part of the first frame.
            from legday.tui.widgets.suggestion_pane import SuggestionPane

            await self.query_one("#lower", Horizontal).mount(SuggestionPane(id="pane"))

    def _show_recent(self) -> None:
        if self.plan is not None:
            self._totals.show(self.plan, self.journal.recent_days(self.plan) or ())
        self._put_off_work_ahead()

    def _after_frame(self, callback) -> None:
        """Run ``callback`` once the frame the last key asked for is on screen. (call_after_refresh
        can run before it: the screen may go idle before the widgets have reported their changes.)
        The frame starts within a millisecond or two of the key's action, and once started is drawn
        in one go, so a short timer lands after it."""
        self.set_timer(AFTER_FRAME, callback)

    def _work_ahead(self) -> None:
        """While nobody is pressing anything, one small job at a time (a key pressed meanwhile waits
        for one at most), most useful first: this week's days for the pane (the selected day's
        neighbours first: most moves stay in the week), then plan the weeks either side (and the
        week before last) and draw their days in the grid (stepping past either end of the week),
        then the neighbours' days for the pane. Every key puts the next job off until its frame is
        out (select)."""
        self._ahead = None
        plan = self.plan
        if plan is None:
            return
        if self._input_waiting():
            # A key came in as this job fell due: it goes first (its move puts the work off until
            # its frame is out); a job started now would make it wait.
            self._ahead = self.set_timer(WORK_STEP, self._work_ahead)
            return
        start = plan.week_start
        neighbours = [start + dt.timedelta(days=7 * weeks) for weeks in (1, -1)]
        if self._one_job(plan, neighbours):
            self._ahead = self.set_timer(WORK_STEP, self._work_ahead)

    def _input_waiting(self) -> bool:
        """Is a key (or anything else) queued for the app, this screen or the focused widget?"""
        focused = self.focused
        return bool(
            self.app.message_queue_size
            or self.message_queue_size
            or (focused is not None and focused.message_queue_size)
        )

    def _one_job(self, plan: WeekPlan, neighbours: list[dt.date]) -> bool:
        """Do the most useful job left; False when there is none."""
        journal = self.journal
        if self._prepare_week(plan, near=self.selected):
            return True
        # (The week before last: last week's sparklines need it, so stepping back shows them at once.)
        for day in (*neighbours, plan.week_start - dt.timedelta(days=14)):
            if not journal.is_planned(day):
                journal.week_plan(day)
                return True
        if any(self._grid.prepare(journal.week_plan(day)) for day in neighbours):
            return True
        return any(self._prepare_week(journal.week_plan(day)) for day in neighbours)

    def _put_off_work_ahead(self) -> None:
        """The next job of the work ahead once this key's frame is out (see _after_frame)."""
        if self._ahead is not None:
            self._ahead.stop()
        self._ahead = self.set_timer(AFTER_FRAME, self._work_ahead)

    def _prepare_week(self, plan: WeekPlan, near: dt.date | None = None) -> bool:
        """One job of drawing ``plan``'s days in the pane ahead (those nearest ``near`` first); False
        when none is left."""
        if self._pane is None:
            return False
        week, today = week_notes(plan), self.journal.today()
        days = plan.days if near is None else sorted(plan.days, key=lambda d: abs((d.date - near).days))
        return any(self._pane.prepare(day, today, week) for day in days)

    # -- showing --------------------------------------------------------------------------------

    def select(self, day: dt.date, *, replan: bool = False) -> None:
        """Select ``day``, fetching its week's plan if it is not the one shown."""
        if day != self.selected:
            self.selected = day
            self.post_message(DaySelected(day))
        plan = self.plan
        new_week = replan or plan is None or not plan.week_start <= day < plan.week_start + dt.timedelta(7)
        if new_week or plan is None:
            plan = self.plan = self.journal.week_plan(day)
        self._grid.show(plan, day)
        self._show_pane()
        if new_week:
            self._show_title(plan)
            # The sparklines in the same frame: the work ahead has usually planned the weeks they
            # need; otherwise planning one here (a few ms) costs less than a second frame later.
            self._totals.show(plan, self.journal.recent_days(plan) or ())
        self._put_off_work_ahead()

    def replan(self) -> None:
        """After a change: the same day, a fresh plan."""
        self.select(self.selected, replan=True)

    def _journal_changed(self, change: Change) -> None:
        if self.is_attached:
            self.replan()

    def _show_title(self, plan: WeekPlan) -> None:
        last = plan.week_start + dt.timedelta(days=6)
        iso_week = plan.week_start.isocalendar().week
        relative = self._relative_week(plan)
        # Fixed sizes: redraw without a layout of the screen (week changes stay quick).
        self._dates.update(
            Content.assemble(
                ("legday", "$primary bold"),
                ("  ", ""),
                (f"{plan.week_start:%d %b} - {last:%d %b %Y}", "bold"),
                (f" · week {iso_week}", "$foreground-muted"),
                (" · ", "$foreground-muted"),
                (relative, "$accent"),
            ),
            layout=False,
        )
        profile = self.journal.profile
        who = f"{profile.goal.value} · {profile.level.value}"
        if who != self._who:
            self._who = who
            self._profile.update(Content.styled(who, "$foreground-muted"))

    def _relative_week(self, plan: WeekPlan) -> str:
        this_week = self.journal.week_start_of(self.journal.today())
        weeks = (plan.week_start - this_week).days // 7
        if weeks == 0:
            return "this week"
        if weeks == 1:
            return "next week"
        if weeks == -1:
            return "last week"
        return f"{abs(weeks)} weeks {'ahead' if weeks > 0 else 'ago'}"

    def _show_pane(self) -> None:
        # The pane is mounted lazily, after the first frame; until then there is nothing to update
        # and its Ready message brings us back here.
        if self._pane is not None:
            week = week_notes(self.plan) if self.plan is not None else None
            self._pane.show(self.selected_day, self.journal.today(), week or NO_NOTES)

    def on_suggestion_pane_ready(self, message: SuggestionPane.Ready) -> None:
        self._pane = message.pane
        self._show_pane()

    @property
    def selected_day(self) -> DayPlan | None:
        return self.plan.day(self.selected) if self.plan else None

    def suggestion(self) -> Session | None:
        """The selected day's first suggestion that can be marked done or skipped."""
        day = self.selected_day
        if day is None:
            return None
        return next((s for s in day.sessions if legend.is_actionable(s)), None)

    # -- keys -----------------------------------------------------------------------------------

    def action_week(self, weeks: int) -> None:
        self.select(self.selected + dt.timedelta(days=7 * weeks))

    def action_move(self, days: int) -> None:
        self.select(self.selected + dt.timedelta(days=days))

    def action_today(self) -> None:
        self.select(self.journal.today())

    def action_toggle_pane(self) -> None:
        self.toggle_class("-pane")

    def action_mark_done(self) -> None:
        session = self.suggestion()
        if session is None:
            self.notify("Nothing suggested on this day to mark done.", severity="warning")
            return
        if self.selected > self.journal.today():
            self.notify("That day has not come yet: mark it done on the day.", severity="warning")
            return
        from legday.tui import forms

        forms.log_cardio(self, self.journal, self.selected, prefill=session)

    def action_skip(self) -> None:
        session = self.suggestion()
        if session is None:
            self.notify("Nothing suggested on this day to skip.", severity="warning")
            return
        from legday.tui import forms
        from legday.tui.replan import skip_notice

        before, day = self.plan, self.selected
        forms.attempt(self, lambda: self.journal.skip(day, session), "Skip not saved")
        after = self.journal.week_plan(day)
        if before is not None and after is not before:  # saved, and re-planned
            self.notify(skip_notice(before, after, session, day), timeout=10, markup=False)

    def action_edit(self) -> None:
        from legday.tui import forms

        forms.edit_day(self, self.journal, self.selected_day, self.selected)

    def action_delete(self) -> None:
        from legday.tui import forms

        forms.delete_from_day(self, self.journal, self.selected_day, self.selected)

    def on_week_grid_moved(self, message: WeekGrid.Moved) -> None:
        self.action_move(message.days)

    def on_week_grid_picked(self, message: WeekGrid.Picked) -> None:
        self.select(message.date)
