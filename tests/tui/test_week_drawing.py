"""How the week is drawn as the day moves: the work a keystroke does, counted, not timed (issue 18).

Day moves are timed by ``python -m tests.bench``. What is held here is what keeps them cheap:

- the selection is the grid's own background, not a CSS class (a class change matched the cell
  against the whole stylesheet on every move);
- the neighbouring weeks' days are drawn ahead while idle, so that stepping into another week draws
  at most the one cell that is selected there;
- the totals make their lines once per change, and the pane's work ahead comes in small steps;
- the work ahead starts no job while a key waits to be handled;
- a day the pane drew ahead is shown from its lines (not described again), and its scrollbar is drawn
  once per thumb.
"""

from __future__ import annotations

import datetime as dt

import pytest
from textual import events
from textual.color import Color

from legday.tui.screens.week import WeekScreen
from legday.tui.widgets import suggestion_pane
from legday.tui.widgets.suggestion_pane import PaneScrollBar, SuggestionPane
from legday.tui.widgets.week_grid import WeekGrid
from legday.tui.widgets.week_totals import WeekTotals
from tests.fixtures import TODAY
from tests.tui.conftest import until

SIZE = (80, 24)


def count_calls(obj, name: str) -> list[int]:
    calls: list[int] = []
    real = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    setattr(obj, name, counted)
    return calls


async def test_moving_the_day_restyles_nothing_and_the_selection_follows(make_app):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        grid = screen.query_one(WeekGrid)
        restyled = count_calls(app.stylesheet, "update_nodes")
        await pilot.press("right", "right", "left")
        await until(pilot, lambda: screen.selected == TODAY + dt.timedelta(days=1), "Friday")
        await pilot.pause()
        assert restyled == []
        selected = [cell for cell in grid.cells if cell.selected]
        assert [cell.day.date for cell in selected if cell.day] == [TODAY + dt.timedelta(days=1)]
        # Its background: $primary 15 % while the grid has the focus, the others the grid's own.
        variables = app.get_css_variables()
        assert selected[0].styles.background == Color.parse(variables["primary"]).with_alpha(0.15)
        others = {cell.styles.background for cell in grid.cells if not cell.selected}
        assert len(others) == 1 and selected[0].styles.background not in others


async def test_the_selection_shows_boost_when_the_grid_has_no_focus(make_app):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one(WeekGrid)
        assert grid.has_focus
        app.set_focus(None)
        await until(pilot, lambda: not grid.has_focus, "the grid without the focus")
        await pilot.pause()
        (selected,) = [cell for cell in grid.cells if cell.selected]
        assert selected.styles.background == Color.parse(app.get_css_variables()["boost"])


async def test_the_next_weeks_days_are_drawn_before_the_step_into_it(make_app):
    """Once the app has worked ahead, ] (the same day next week) makes the text of one cell at most:
    the one selected there, whose look (selected) was not made ahead. It made all seven."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        grid = screen.query_one(WeekGrid)
        journal = app.journal

        def ahead() -> bool:
            after = screen.plan.week_start + dt.timedelta(days=7)
            if not journal.is_planned(after):
                return False
            return not grid.prepare(journal.week_plan(after))  # (nothing left to make)

        await until(pilot, ahead, "next week drawn ahead")
        next_week = {TODAY + dt.timedelta(days=7 + n) for n in range(-3, 4)}
        made: list[dt.date] = []  # the days whose text was made from here on (for next week)
        for cell in grid.cells:

            def counted(width, height, cell=cell, real=cell.lines):
                made.append(cell.day.date)
                return real(width, height)

            cell.lines = counted
        await pilot.press("]")
        await until(pilot, lambda: screen.selected == TODAY + dt.timedelta(days=7), "next week")
        await pilot.pause()
        # (The work ahead goes on meanwhile, with the week after: not counted.)
        assert [day for day in made if day in next_week] in ([], [TODAY + dt.timedelta(days=7)])
        texts = [cell.render().plain for cell in grid.cells]
        assert texts[0].startswith("Mon 23") and texts[6].startswith("Sun 29")


async def test_the_totals_make_their_lines_once_per_change(make_app):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        totals = app.screen.query_one(WeekTotals)
        made = count_calls(totals, "_make_lines")
        await pilot.press("]")
        await until(pilot, lambda: made, "the next week's totals")
        await pilot.pause()
        await pilot.pause()
        assert len(made) == 1  # the week and its sparklines, together


async def test_the_pane_works_ahead_in_two_small_steps_per_day(make_app):
    """Wrapping a day and drawing it are two jobs (a key typed meanwhile waits for one only)."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(SuggestionPane)
        plan = app.journal.week_plan(TODAY + dt.timedelta(days=21))  # a week nobody drew
        day = plan.days[2]
        assert pane.prepare(day, TODAY) is True  # wrapped
        assert pane.prepare(day, TODAY) is True  # drawn
        assert pane.prepare(day, TODAY) is False  # nothing left


@pytest.mark.parametrize("size,layout", [((80, 24), True), ((120, 40), False)])
async def test_the_totals_lay_out_the_screen_only_where_their_height_follows_them(make_app, size, layout):
    """Narrow, the totals are as tall as their lines: more or fewer lines lay the screen out. Wide,
    they fill the row beside the pane: a layout there only cost a second frame per week change."""
    app = make_app("typical")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        totals = app.screen.query_one(WeekTotals)
        await until(pilot, lambda: totals.days, "the sparklines")
        asked: list[bool] = []
        real = totals.refresh

        def refresh(*args, **kwargs):
            asked.append(bool(kwargs.get("layout")))
            return real(*args, **kwargs)

        totals.refresh = refresh
        totals.show(totals.plan, ())  # no sparklines: fewer lines
        assert asked == [layout]


async def test_a_day_drawn_ahead_is_shown_without_describing_it_again(make_app, monkeypatch):
    """Describing the day (its blocks) was redone on every move, though its lines were ready."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(SuggestionPane)
        day = app.journal.week_plan(TODAY + dt.timedelta(days=21)).days[2]  # a week nobody drew
        while pane.prepare(day, TODAY):
            pass
        described: list[dt.date] = []
        real = suggestion_pane.describe_day

        def counted(day, *args, **kwargs):
            described.append(day.date)
            return real(day, *args, **kwargs)

        monkeypatch.setattr(suggestion_pane, "describe_day", counted)
        pane.show(day, TODAY)
        await pilot.pause()
        assert described == []
        assert f"{day.date:%A %d %b}" in pane.render_line(0).text  # and it is the day on show
        assert pane.blocks  # described when asked for
        assert described == [day.date]


async def test_the_panes_scrollbar_is_drawn_once_per_thumb(make_app):
    """Two days of different lengths shown in turn: each thumb is drawn once, then remembered.
    (Textual drew the bar again on every change of its thumb.)"""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(SuggestionPane)
        bar = pane.vertical_scrollbar
        width = pane.scrollable_content_region.width
        days = app.journal.week_plan(TODAY).days
        lengths = {
            len(suggestion_pane.layout(suggestion_pane.describe_day(d, TODAY), width)): d for d in days
        }
        height = pane.scrollable_content_region.height
        long = sorted(n for n in lengths if n > height)
        assert len(long) >= 2, "two days longer than the pane, of different lengths"
        short, longer = lengths[long[0]], lengths[long[-1]]
        drawn = count_calls(bar, "render")
        thumbs = []
        for n, day in enumerate((short, longer, short, longer, short)):
            if n == 2:
                drawn.clear()  # both thumbs drawn (or remembered from before) by now
            pane.show(day, TODAY)
            await pilot.pause()
            thumbs.append(bar.window_virtual_size)
        assert thumbs == [long[0], long[-1]] * 2 + [long[0]]
        assert drawn == []
        assert isinstance(bar, PaneScrollBar)


async def test_the_work_ahead_starts_no_job_while_a_key_waits(make_app):
    """A job due as a key comes in waits for it (a job of a few ms started first made the key wait),
    and the work goes on once the key is handled."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        jobs = count_calls(screen, "_one_job")
        app.post_message(events.Key("right", None))  # queued, not yet handled
        screen._work_ahead()
        assert jobs == []
        await until(pilot, lambda: screen.selected == TODAY + dt.timedelta(days=1), "the key handled")
        await until(pilot, lambda: jobs, "the work ahead going on")
