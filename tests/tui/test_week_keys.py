"""Keyboard flows on the week screen, end to end: what the keys select, what is written to the data
dir, and what the screen shows afterwards."""

from __future__ import annotations

import datetime as dt

from legday.core.model import Skip
from legday.storage import Store
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.suggestion_pane import SuggestionPane
from legday.tui.widgets.week_grid import DayCell, WeekGrid
from tests.fixtures import TODAY, WEEK_START

NARROW = (80, 24)
WIDE = (120, 40)


def week(app) -> WeekScreen:
    assert isinstance(app.screen, WeekScreen)
    return app.screen


def selected_cells(app) -> list[DayCell]:
    return [cell for cell in app.screen.query(DayCell) if cell.selected]


def cell_text(app, day: dt.date) -> str:
    for cell in app.screen.query(DayCell):
        if cell.day is not None and cell.day.date == day:
            return cell.render().plain
    raise AssertionError(f"{day} is not in the grid")


def pane_text(app) -> str:
    return "\n".join(line.plain for line in app.screen.query_one(SuggestionPane).lines(70))


async def test_opens_on_today_with_one_selected_cell(make_app):
    app = make_app("typical")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        assert week(app).selected == TODAY
        cells = selected_cells(app)
        assert [c.day.date for c in cells] == [TODAY]
        assert app.focused is app.screen.query_one(WeekGrid)


async def test_arrows_and_hjkl_move_the_selection(make_app):
    app = make_app("typical")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("right")
        assert week(app).selected == TODAY + dt.timedelta(days=1)
        await pilot.press("h", "h")
        assert week(app).selected == TODAY - dt.timedelta(days=1)
        assert [c.day.date for c in selected_cells(app)] == [TODAY - dt.timedelta(days=1)]
        # The pane follows the selection.
        assert pane_text(app).startswith("Wednesday 18 Nov")
        await pilot.press("left", "l")
        assert week(app).selected == TODAY - dt.timedelta(days=1)


async def test_moving_past_the_week_end_shows_the_next_week(make_app):
    app = make_app("typical")
    async with app.run_test(size=NARROW) as pilot:
        await pilot.press("l", "l", "l", "l")  # Thu -> Mon of next week
        screen = week(app)
        assert screen.selected == dt.date(2026, 11, 23)
        assert screen.plan.week_start == dt.date(2026, 11, 23)
        assert "next week" in str(screen.query_one("#week-dates").render())
        await pilot.press("k")  # same day, one week back
        assert screen.selected == WEEK_START
        assert screen.plan.week_start == WEEK_START
        await pilot.press("j", "j")
        assert screen.plan.week_start == dt.date(2026, 11, 30)


async def test_brackets_change_week_and_t_returns_to_today(make_app):
    app = make_app("typical")
    async with app.run_test(size=NARROW) as pilot:
        screen = week(app)
        await pilot.press("right_square_bracket")
        assert screen.plan.week_start == WEEK_START + dt.timedelta(days=7)
        assert screen.selected == TODAY + dt.timedelta(days=7)
        await pilot.press("left_square_bracket", "left_square_bracket")
        assert screen.plan.week_start == WEEK_START - dt.timedelta(days=7)
        # Last week is all logged: Monday's and Thursday's legs show as done.
        assert cell_text(app, dt.date(2026, 11, 9)).splitlines()[1] == "✓ legs"
        assert cell_text(app, dt.date(2026, 11, 12)).splitlines()[1] == "✓ legs"
        assert "last week" in str(screen.query_one("#week-dates").render())
        await pilot.press("t")
        assert screen.selected == TODAY
        assert screen.plan.week_start == WEEK_START


async def test_skip_writes_the_skip_and_the_week_shows_it(make_app, tmp_path):
    app = make_app("typical")
    async with app.run_test(size=WIDE) as pilot:
        screen = week(app)
        suggestion = screen.suggestion()
        assert suggestion is not None, "the fixture's Thursday should have a suggestion to skip"
        modality = suggestion.modality
        assert f"→ {modality}" in cell_text(app, TODAY)

        await pilot.press("x")
        await pilot.pause()

        saved = Store(tmp_path / "data").history(TODAY, TODAY)
        assert Skip(TODAY, modality) in saved.skips
        statuses = [(s.modality, s.status) for s in screen.plan.day(TODAY).sessions]
        assert (modality, "skipped") in statuses
        assert f"✗ {modality}" in cell_text(app, TODAY)
        assert any("Skipped" in m for m in app.notices)


async def test_mark_done_opens_the_cardio_log_prefilled_and_saving_marks_it_done(make_app, tmp_path):
    from legday.tui.screens.log_cardio import LogCardioScreen

    app = make_app("typical")
    async with app.run_test(size=WIDE) as pilot:
        suggestion = week(app).suggestion()
        assert suggestion is not None
        await pilot.press("d")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogCardioScreen)
        assert form.prefill == suggestion
        assert form.day == TODAY

        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        logged = Store(tmp_path / "data").history(TODAY, TODAY).cardio
        assert [(c.modality, c.minutes) for c in logged] == [(suggestion.modality, suggestion.minutes)]
        assert f"✓ {suggestion.modality}" in cell_text(app, TODAY)


async def test_done_is_refused_for_a_day_that_has_not_come(make_app, tmp_path):
    app = make_app("typical")
    async with app.run_test(size=WIDE) as pilot:
        # Find a later day this week with a suggestion.
        screen = week(app)
        for _ in range(3):
            await pilot.press("l")
            if screen.suggestion() is not None:
                break
        assert screen.suggestion() is not None and screen.selected > TODAY
        await pilot.press("d")
        await pilot.pause()
        assert app.screen is screen
        assert Store(tmp_path / "data").history(screen.selected, screen.selected).cardio == ()


async def test_the_narrow_pane_toggles_with_enter(make_app):
    app = make_app("typical")
    async with app.run_test(size=NARROW) as pilot:
        totals = app.screen.query_one("#totals")
        assert totals.display
        await pilot.press("enter")
        assert not totals.display
        assert app.screen.query_one(SuggestionPane).display
        await pilot.press("enter")
        assert totals.display


async def test_footer_fits_in_80_columns_and_a_click_presses_its_key(make_app):
    """Nothing cut off at 80x24: every key of the week, with its words, inside 80 columns, on today,
    on another day and in another week. And the mouse works: a click on "? help" opens help."""
    from legday.tui.keys import KEYS
    from legday.tui.screens.help import HelpScreen
    from legday.tui.widgets.key_bar import KeyBar

    app = make_app("typical")
    async with app.run_test(size=NARROW) as pilot:
        for keys in ([], ["l"], ["right_square_bracket"], ["left_square_bracket", "left_square_bracket"]):
            await pilot.press(*keys)
            await pilot.pause()
            bar = app.screen.query_one(KeyBar)
            line = bar.render()
            assert line.cell_length <= 80, line.plain
            for words in (
                "[ ] week",
                "⏎ why",
                "d done",
                "x skip",
                "e del fix",
                "w s c log",
                "g trends",
                "u undo",
                "p setup",
                "? help",
            ):
                assert words in line.plain, (words, line.plain)
            # Every row of the key table with a bar word is in the bar (the table is the bar).
            for row in KEYS:
                if row.bar and row.where in ("week", "home"):
                    assert row.bar in line.plain, (row, line.plain)
        x = line.plain.index("? help") + 2
        await pilot.click(KeyBar, offset=(x, 0))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_week_start_comes_from_settings(make_app):
    app = make_app("typical", week_start=6)  # Sunday
    async with app.run_test(size=NARROW) as pilot:
        await pilot.pause()
        plan = week(app).plan
        assert plan.week_start == dt.date(2026, 11, 15)
        assert cell_text(app, dt.date(2026, 11, 15)).startswith("Sun 15")


async def test_week_keys_do_nothing_on_a_form(make_app):
    from legday.tui.screens.log_cardio import LogCardioScreen

    app = make_app("typical")
    async with app.run_test(size=WIDE) as pilot:
        await pilot.press("c")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogCardioScreen)
        form.set_focus(None)
        await pilot.press("w", "q", "p")
        await pilot.pause()
        assert app.screen is form
        assert app.is_running
