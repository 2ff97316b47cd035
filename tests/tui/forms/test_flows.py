"""End to end through the real app (build_app over the fixture files, fixed Thursday 19 November
2026): open a form from the week screen, save, then check the data dir and the re-planned week."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CheckIn, Exercise, LegSession
from legday.storage import Store
from legday.tui.screens.log_workout import LogWorkoutScreen
from legday.tui.screens.soreness import SorenessScreen
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.slider import Slider
from legday.tui.widgets.week_grid import DayCell
from tests.fixtures import TODAY

WIDE = (120, 40)


def cell_text(app, day: dt.date) -> str:
    for cell in app.screen.query(DayCell):
        if cell.day is not None and cell.day.date == day:
            return cell.render().plain
    raise AssertionError(f"{day} is not in the grid")


def legs_today(app) -> list:
    return [s for s in app.screen.plan.day(TODAY).sessions if s.kind == "legs"]


async def test_log_a_workout_from_the_week_screen(make_app, tmp_path):
    app = make_app("typical")
    data = tmp_path / "data"
    async with app.run_test(size=WIDE) as pilot:
        assert [s.status for s in legs_today(app)] == ["planned"]
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, LogWorkoutScreen)
        await pilot.press(*"fro", "right", *" 4x6@80", "enter")  # completed from the catalogue
        app.focused.value = "leg curl 3x12@40"  # (set at once: key by key costs ~0.1 s a key)
        await pilot.press("enter", "enter")
        assert isinstance(app.focused, Slider)
        await pilot.press("6", "tab", *"55", "ctrl+s")
        await pilot.pause()

        assert isinstance(app.screen, WeekScreen)
        expected = LegSession(
            TODAY,
            dt.time(6, 35),  # saved at 07:30 after 55 minutes of training
            55,
            6,
            (Exercise("front squat", 4, 6, 80.0, "kg"), Exercise("leg curl", 3, 12, 40.0, "kg")),
        )
        # On disk: this month's file has the lines, and the store reads the session back.
        month = (data / "log" / "2026" / "2026-11.toml").read_text()
        assert "front squat 4x6@80kg" in month and "leg curl 3x12@40kg" in month
        assert expected in Store(data).history(TODAY, TODAY).legs
        # On screen: today's legs are done, with the minutes logged.
        assert [s.status for s in legs_today(app)] == ["done"]
        assert "55'" in cell_text(app, TODAY)


async def test_morning_check_in_moves_the_slider_and_replans_the_week(make_app, tmp_path):
    app = make_app("typical")
    data = tmp_path / "data"
    async with app.run_test(size=WIDE) as pilot:
        week = app.screen
        before = week.plan.day(TODAY)
        assert before.soreness == 2 and "sore 2" in cell_text(app, TODAY)
        await pilot.press("s")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, SorenessScreen)
        assert form.query_one("#soreness", Slider).value == 2  # this morning's check-in, to adjust
        await pilot.press("right", "right", "9", "enter")
        await pilot.pause()

        assert app.screen is week
        # On disk: the check-in replaced this morning's, and kept its sleep hours.
        assert Store(data).history(TODAY, TODAY).checkin(TODAY) == CheckIn(TODAY, 9, sleep_hours=8.0)
        # On screen: the week is re-planned at once around the new soreness.
        after = week.plan.day(TODAY)
        assert after.soreness == 9 and "sore 9" in cell_text(app, TODAY)
        assert after.readiness < before.readiness
        assert after.sessions != before.sessions
        hard_before = max(s.effort[1] for s in before.sessions if s.kind == "cardio" and s.effort)
        assert all(
            s.effort is None or s.effort[1] < hard_before for s in after.sessions if s.kind == "cardio"
        )
