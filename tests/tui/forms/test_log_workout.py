"""The leg workout form in a tiny host app: typing, completion, rows, validation, saving, leaving."""

from __future__ import annotations

import datetime as dt

from textual.widgets import Button

from legday.core.model import Exercise, LegSession
from legday.tui.screens.log_workout import DEFAULT_EFFORT, ExerciseRow, LogWorkoutScreen
from legday.tui.widgets.form import ConfirmDiscard, Field, StatusLine
from legday.tui.widgets.slider import Slider
from tests.tui.forms.helpers import NOW, TODAY, UNSET, FormHost, disk_full

SIZE = (80, 24)


def workout_app(units: str = "kg", names=(), failing: Exception | None = None) -> FormHost:
    return FormHost(lambda save: LogWorkoutScreen(NOW, units, list(names), save), failing)


def rows(app) -> list[ExerciseRow]:
    return app.screen.rows


def fill(app, text: str) -> None:
    """Put text in the focused input at once (typing is exercised in the first tests; key by key
    through Pilot it costs ~0.1 s a character)."""
    app.focused.value = text


async def test_a_whole_session_typed_and_saved_with_ctrl_s():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        # Completion: "bulg" + → takes "bulgarian split squat"; Enter goes to a new line.
        await pilot.press(*"bulg", "right", *" 3x10@16", "enter")
        assert len(rows(app)) == 2 and rows(app)[1].input.has_focus
        fill(app, "back squat 5x5@100kg")
        await pilot.press("enter")
        fill(app, "calf raise 4x15")
        await pilot.press("enter", "enter")  # an empty line: on to the effort slider
        assert isinstance(app.focused, Slider)
        await pilot.press("8", "tab", "6", "5", "ctrl+s")
        await pilot.pause()
    assert app.saved == [
        LegSession(
            date=TODAY,
            start=dt.time(6, 25),  # logged at 07:30, right after 65 minutes of training
            minutes=65,
            effort=8,
            exercises=(
                Exercise("bulgarian split squat", 3, 10, 16.0, "kg"),
                Exercise("back squat", 5, 5, 100.0, "kg"),
                Exercise("calf raise", 4, 15, None, "kg"),
            ),
        )
    ]
    assert app.result is True


async def test_own_names_complete_first_and_units_follow_the_profile():
    app = workout_app(units="lb", names=["zercher squat"])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"zer", "right", *" 3x5@185", "enter")
        assert rows(app)[0].text == "zercher squat 3x5@185"
        # Date and start are editable: yesterday evening.
        date = app.screen.query_one("#date", Field).input
        start = app.screen.query_one("#start", Field).input
        date.value, start.value = "2026-11-18", "18:15"
        minutes = app.screen.query_one("#minutes", Field).input
        minutes.value = "50"
        await pilot.press("ctrl+s")
        await pilot.pause()
    session = app.saved[0]
    assert session.exercises == (Exercise("zercher squat", 3, 5, 185.0, "lb"),)
    assert (session.date, session.start, session.minutes) == (dt.date(2026, 11, 18), dt.time(18, 15), 50)
    assert session.effort == DEFAULT_EFFORT


async def test_a_bad_line_says_what_is_accepted_and_nothing_is_saved():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        fill(app, "squat 5x")
        await pilot.press("enter")
        row = rows(app)[0]
        assert row.error.startswith("cannot read exercise 'squat 5x'; accepted: NAME SETSxREPS")
        assert "back squat 5x5@100kg" in row.error
        assert len(rows(app)) == 1 and row.input.has_focus  # Enter on a bad line stays on it
        app.screen.query_one("#minutes", Field).input.value = "60"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.saved == [] and app.result is UNSET
        assert app.screen.query_one(StatusLine).message.startswith("Not saved: cannot read exercise")
        # Typing the rest clears the message.
        row.input.focus()
        await pilot.press("end", "5")
        assert row.error is None


async def test_every_field_shows_its_own_message_and_the_first_is_focused():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        date = app.screen.query_one("#date", Field)
        start = app.screen.query_one("#start", Field)
        minutes = app.screen.query_one("#minutes", Field)
        date.input.value, start.input.value, minutes.input.value = "2026-13-01", "25:00", "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert minutes.error == "minutes 0 is out of range; accepted: 1 to 600"
        assert date.error == "not a date: '2026-13-01'; accepted: a real date as YYYY-MM-DD"
        assert start.error == "not a time: '25:00'; accepted: HH:MM, 00:00 to 23:59"
        assert minutes.input.has_focus
    assert app.saved == []


async def test_minutes_are_required():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        fill(app, "deadlift 4x4@140")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen.query_one("#minutes", Field).error == (
            "minutes '' is not a whole number; accepted: 1 to 600"
        )
    assert app.saved == []


async def test_rows_are_added_and_removed_with_keys_and_renumbered():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        fill(app, "a 1x1")
        await pilot.press("ctrl+n")
        fill(app, "b 2x2")
        await pilot.press("ctrl+n")
        fill(app, "c 3x3")
        assert [r.text for r in rows(app)] == ["a 1x1", "b 2x2", "c 3x3"]
        rows(app)[1].input.focus()
        await pilot.press("ctrl+d")
        assert [r.text for r in rows(app)] == ["a 1x1", "c 3x3"]
        labels = [str(r.query_one(".field--label").content) for r in rows(app)]
        assert labels == ["1.", "2."]
        assert rows(app)[1].input.has_focus
        await pilot.press("ctrl+d", "ctrl+d")
        # The last line is never removed, only emptied.
        assert [r.text for r in rows(app)] == [""]


async def test_escape_with_unsaved_input_asks_first():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        fill(app, "back squat 5x5@100")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        assert app.screen.query_one("#keep", Button).has_focus
        await pilot.press("n")  # keep editing: everything is still there
        await pilot.pause()
        assert isinstance(app.screen, LogWorkoutScreen)
        assert rows(app)[0].text == "back squat 5x5@100"
        await pilot.press("escape", "y")
        await pilot.pause()
    assert app.result is False and app.saved == []


async def test_escape_with_nothing_typed_leaves_at_once():
    app = workout_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")
        await pilot.pause()
        assert app.result is False


async def test_a_storage_error_is_shown_and_nothing_typed_is_lost():
    app = workout_app(failing=disk_full())
    async with app.run_test(size=SIZE) as pilot:
        fill(app, "deadlift 4x4@140")
        await pilot.press("enter")
        app.screen.query_one("#minutes", Field).input.value = "45"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogWorkoutScreen)
        assert "no space left on device" in app.screen.query_one(StatusLine).message
        assert rows(app)[0].text == "deadlift 4x4@140"
        assert app.screen.query_one("#minutes", Field).text == "45"
    assert app.result is UNSET
