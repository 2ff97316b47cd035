"""Nothing a lifter needs is hidden or contradicted on the week: every warning is readable in full
(at the top of the pane, safety first) at 80x24 and 120x40, a dropped leg day shows where it went,
and the totals count hard / moderate / easy as the sessions are labelled."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.plan import HARD_INTENSITIES, DayPlan, Reason
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.suggestion_pane import SuggestionPane, WeekNotes, describe_day, layout
from legday.tui.widgets.week_grid import DayCell
from legday.tui.widgets.week_totals import WeekTotals
from tests.fixtures import TODAY
from tests.tui.conftest import until

SATURDAY = TODAY + dt.timedelta(days=2)


def flat(text: str) -> str:
    return " ".join(text.split())


async def open_week(app, pilot) -> WeekScreen:
    await until(pilot, lambda: isinstance(app.screen, WeekScreen) and app.screen._pane is not None, "pane")
    return app.screen


def pane_text(screen: WeekScreen) -> str:
    pane = screen.query_one(SuggestionPane)
    return flat("\n".join(line.plain for line in pane.lines(pane.scrollable_content_region.width)))


def cell_text(screen: WeekScreen, day: dt.date) -> str:
    cell = next(c for c in screen.query(DayCell) if c.day is not None and c.day.date == day)
    return "\n".join(line.plain for line in cell.lines(cell.content_size.width, cell.content_size.height))


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
async def test_the_safety_warning_is_in_full_at_the_top_of_the_pane(make_app, size):
    """The very sore morning: "Still sore (9/10) 3 days after ..." was cut with "..." under the grid
    and shown nowhere else. Now the pane opens with it, whole, before the day's sessions."""
    app = make_app("very_sore")
    async with app.run_test(size=size) as pilot:
        screen = await open_week(app, pilot)
        (warning,) = [w for w in screen.plan.warnings if w.id == "P5"]
        text = pane_text(screen)
        assert flat(warning.text) in text
        assert text.index(flat(warning.text)) < text.index("rest suggested")
        # The totals name it rather than cut it.
        totals = "\n".join(line.plain for line in screen.query_one(WeekTotals)._lines(60))
        assert "!  P5  in full in the pane" in totals and "…" not in totals
        # The pane starts at its top, so at 80x24 the warning is on screen as the week opens.
        assert screen.query_one(SuggestionPane).scroll_offset.y == 0


def test_warnings_come_safety_first_and_notes_at_the_end():
    day = DayPlan(TODAY, 3, 60)
    ratio = Reason("S5", "This week's load is 1.6x your monthly average.", "Gabbett 2016")
    sore = Reason("P5", "Still sore (7/10) 3 days after your leg session.", "Well+Good")
    note = Reason("G6", "120 min, 30 short of 150, on purpose.", "legday")
    lines = [line.plain for line in layout(describe_day(day, TODAY, WeekNotes((ratio, sore), (note,))), 200)]
    text = "\n".join(lines)
    assert text.index("Still sore") < text.index("1.6x") < text.index("30 short")
    assert lines[1].startswith("! Still sore")


async def test_a_dropped_leg_day_shows_where_it_went(make_app):
    """Rated 9/10 on Thursday, the leg day is dropped and offered on Saturday: Thursday's cell says
    legs→Sat, Saturday's says from Thu, and the pane says both in words."""
    app = make_app("very_sore")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_week(app, pilot)
        thursday = screen.plan.day(TODAY)
        rest = next(s for s in thursday.sessions if s.kind == "rest")
        assert rest.moved_to == SATURDAY
        assert "legs→Sat" in cell_text(screen, TODAY)
        assert "from Thu" in cell_text(screen, SATURDAY)
        assert "the leg session moves to Sat 21" in pane_text(screen)
        await pilot.press("right", "right")
        await until(pilot, lambda: "moved here from Thu 19" in pane_text(screen), "Saturday's pane")


def mix_by_label(days: tuple[DayPlan, ...]) -> tuple[int, int, int]:
    hard = moderate = easy = 0
    for day in days:
        for s in day.sessions:
            if s.kind not in ("cardio", "recovery") or s.status == "skipped" or s.intensity is None:
                continue
            if s.intensity in HARD_INTENSITIES:
                hard += 1
            elif s.intensity == "moderate":
                moderate += 1
            else:
                easy += 1
    return hard, moderate, easy


@pytest.mark.parametrize("scenario", ["typical", "very_sore"])
async def test_the_totals_count_sessions_as_they_are_labelled(make_app, scenario):
    """ "0 hard · 5 easy, 100 % easy" sat beside sessions labelled moderate: the mix now counts each
    session by the label the grid and the pane give it."""
    app = make_app(scenario)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_week(app, pilot)
        for weeks in (0, 1):
            plan = screen.plan
            hard, moderate, easy = mix_by_label(plan.days)
            totals = "\n".join(line.plain for line in screen.query_one(WeekTotals)._lines(38))
            assert f"{hard} hard, {moderate} moderate, {easy} easy" in totals
            if weeks == 0:
                await pilot.press("]")
                await until(pilot, lambda shown=plan: screen.plan is not shown, "next week")


async def test_the_gap_after_legs_is_the_real_one(make_app):
    """Thursday's legs run 18:00-19:00 and the run starts at 19:10: "10 min after legs" (0.2 h made
    it 12)."""
    app = make_app("typical")
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_week(app, pilot)
        run = next(s for s in screen.plan.day(TODAY).sessions if s.kind != "legs")
        assert run.start is not None and run.start.strftime("%H:%M") == "19:10"
        assert "at 19:10 · 10 min after legs" in pane_text(screen)


@pytest.mark.parametrize("scenario", ["typical", "very_sore", "three_months"])
async def test_no_totals_line_is_cut_beside_the_pane_or_at_80_columns(make_app, scenario):
    """The totals' lines fit the 38 columns beside the pane (120x40) and the 78 of an 80-column
    terminal, so nothing there ends in "…"."""
    app = make_app(scenario)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_week(app, pilot)
        totals = screen.query_one(WeekTotals)
        for width in (38, 78):
            for weeks in (-1, 0, 1):
                plan = screen.journal.week_plan(TODAY + dt.timedelta(days=7 * weeks))
                totals.plan = plan
                assert all(line.cell_length <= width for line in totals._lines(width)), width
