"""The workout form's start time: logged right after training, "now" is when the session ended."""

from __future__ import annotations

import datetime as dt

from legday.tui.screens.log_workout import LogWorkoutScreen
from legday.tui.widgets.form import Field
from tests.tui.forms.helpers import FormHost

NOW = dt.datetime(2026, 11, 19, 19, 12)


async def test_start_follows_minutes_until_edited():
    app = FormHost(lambda save: LogWorkoutScreen(NOW, "kg", [], save))
    async with app.run_test(size=(100, 40)) as pilot:
        screen = app.screen
        start = screen.query_one("#start", Field)
        assert start.text == "19:12"
        screen.query_one("#minutes", Field).input.value = "70"
        await pilot.pause()
        assert start.text == "18:00"  # 19:12 - 70 min = 18:02, down to 5 minutes
        start.input.value = "17:30"
        screen.query_one("#minutes", Field).input.value = "45"
        await pilot.pause()
        assert start.text == "17:30"  # the person's own time is never overwritten
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [s.start for s in app.saved] == [dt.time(17, 30)] and app.saved[0].minutes == 45
