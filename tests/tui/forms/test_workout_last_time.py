"""Logging as fast as a lifting app: each exercise line shows its last sets as soon as its name is
typed, names complete from history first, and ctrl+r fills in the last leg session on the weekday
(again: the one before), so repeating last week's session is a handful of keys."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from legday.core.model import Exercise, LegSession
from legday.storage import Store
from legday.tui.app import build_app
from legday.tui.screens.log_workout import LastTime, LogWorkoutScreen, name_typed, repeat_order
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.form import Field
from legday.tui.widgets.slider import Slider
from tests.fixtures import FIXED_NOW, HINGE_DAY, SQUAT_DAY, TODAY, TYPICAL_PROFILE, fixed_clock
from tests.tui.conftest import palette_offers, record_notices, until
from tests.tui.forms.helpers import NOW, FormHost

SIZE = (80, 24)
LAST_THURSDAY = TODAY - dt.timedelta(days=7)
MONDAY = TODAY - dt.timedelta(days=3)
FIVE = (
    Exercise("front squat", 5, 3, 90.0, "kg"),
    Exercise("romanian deadlift", 3, 8, 85.0, "kg"),
    Exercise("bulgarian split squat", 3, 10, 18.0, "kg"),
    Exercise("leg curl", 3, 12, 45.0, "kg"),
    Exercise("calf raise", 4, 15, None, "kg"),
)
HISTORY = [  # newest first, as Journal.leg_sessions gives them
    LegSession(MONDAY, dt.time(18, 0), 70, 8, SQUAT_DAY),
    LegSession(LAST_THURSDAY, dt.time(18, 0), 60, 7, FIVE),
    LegSession(MONDAY - dt.timedelta(days=7), dt.time(18, 0), 65, 7, SQUAT_DAY[:2]),
    LegSession(LAST_THURSDAY - dt.timedelta(days=7), dt.time(18, 0), 60, 7, HINGE_DAY),
]


def form_app(history=HISTORY) -> FormHost:
    return FormHost(lambda save: LogWorkoutScreen(NOW, "kg", [], save, history=history))


def subtitle(app, row: int = 0) -> str:
    return str(app.screen.rows[row].input.border_subtitle)


def test_the_name_is_read_from_a_line_as_typed():
    assert name_typed("Back  Squat 5x5@1") == "back squat"
    assert name_typed("back squat") == "back squat"
    assert name_typed("  leg curl 3x12@40kg ") == "leg curl"
    assert name_typed("") == ""


def test_last_time_is_newest_first_and_found_by_name_or_by_the_name_begun():
    last = LastTime(HISTORY)
    assert last.line("back squat") == "last: 16 Nov 5x5@100kg · 9 Nov 5x5@100kg"
    assert last.line("back squat 5x5@10") == "last: 16 Nov 5x5@100kg · 9 Nov 5x5@100kg"
    assert last.line("bac") == "back squat, last: 16 Nov 5x5@100kg · 9 Nov 5x5@100kg"
    assert last.line("calf raise") == "last: 16 Nov 4x15 · 12 Nov 4x15"
    assert last.line("zercher squat") == "" and last.line("") == ""
    # A name the person has not logged is not guessed from a number typed after a prefix.
    assert last.line("ba 5x5") == ""


def test_repeat_takes_the_weekday_first_then_the_newest_then_the_rest():
    order = repeat_order(HISTORY, TODAY)  # a Thursday
    assert [s.date for s in order] == [LAST_THURSDAY, MONDAY, HISTORY[2].date, HISTORY[3].date]
    assert repeat_order(HISTORY, TODAY + dt.timedelta(days=1))[0].date == MONDAY  # no Friday: newest
    assert repeat_order([], TODAY) == []


async def test_the_last_sets_show_on_the_line_as_soon_as_the_name_is_typed():
    """Typing "back squat" puts its last two sessions' sets on the line's border; a name begun
    ("rom") shows the one the completion offers; an unknown name shows nothing."""
    app = form_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"back squat")
        assert subtitle(app) == "last: 16 Nov 5x5@100kg · 9 Nov 5x5@100kg"
        await pilot.press(*" 5x5@105", "enter")
        assert subtitle(app, 1) == ""
        await pilot.press(*"rom")
        assert (
            subtitle(app, 1) == "romanian deadlift, last: 16 Nov 3x8@80kg · 12 Nov 3x8@85kg · 9 Nov 3x8@80kg"
        )
        await pilot.press("right")  # → takes the completion: the person's own name comes first
        assert app.screen.rows[1].text == "romanian deadlift"
        assert subtitle(app, 1).startswith("last: 16 Nov 3x8@80kg")
        await pilot.press("ctrl+u", *"zercher")
        assert subtitle(app, 1) == ""


async def test_ctrl_r_fills_in_last_thursday_then_the_one_before():
    app = form_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        screen = app.screen
        assert [r.text for r in screen.rows] == [str(e) for e in FIVE]
        assert screen.query_one("#effort", Slider).value == 7
        assert screen.query_one("#minutes", Field).text == "60"
        assert screen.query_one("#start", Field).text == "06:30"  # ended now (07:30), 60 minutes long
        assert "as Thu 12 Nov" in str(screen.query_one("#title").content)
        await pilot.press("ctrl+r")
        assert [r.text for r in screen.rows] == [str(e) for e in SQUAT_DAY]
        assert screen.query_one("#effort", Slider).value == 8
        assert "as Mon 16 Nov" in str(screen.query_one("#title").content)
        assert [str(r.query_one(".field--label").content) for r in screen.rows] == ["1.", "2.", "3.", "4."]


async def test_ctrl_r_with_nothing_logged_says_so():
    app = form_app(history=[])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+r")
        assert "Nothing to repeat" in app.screen.status.message
        assert [r.text for r in app.screen.rows] == [""]


def write_history(data: Path) -> None:
    store = Store(data)
    store.save_profile(TYPICAL_PROFILE)
    for session in HISTORY:
        store.add_legs(session)


async def test_repeating_last_weeks_five_exercise_session_takes_three_keys(tmp_path):
    """The count: w (the form), ctrl+r (last Thursday's five exercises, effort and minutes), ctrl+s.
    At most about ten keys was the aim; it is three, and the session is saved for today."""
    data = tmp_path / "data"
    write_history(data)
    app = record_notices(build_app(data, tmp_path / "config", fixed_clock, steady=True))
    typed = ["w", "ctrl+r", "ctrl+s"]
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WeekScreen), "the week")
        for key in typed:
            await pilot.press(key)
        await until(pilot, lambda: isinstance(app.screen, WeekScreen), "saved and back on the week")
    assert len(typed) <= 10
    logged = [s for s in Store(data).history(TODAY, TODAY).legs]
    assert logged == [LegSession(TODAY, dt.time(6, 30), 60, 7, FIVE)]
    assert FIXED_NOW.time() == dt.time(7, 30)


async def test_the_palette_repeats_the_last_leg_session_from_the_week(tmp_path):
    data = tmp_path / "data"
    write_history(data)
    app = build_app(data, tmp_path / "config", fixed_clock, steady=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WeekScreen), "the week")
        await pilot.press("ctrl+p", *"repeat last leg")
        await until(pilot, lambda: palette_offers(app, "log: repeat last leg session"))
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, LogWorkoutScreen), "the workout form")
        await until(pilot, lambda: len(app.screen.rows) == 5, "filled in")
        assert [r.text for r in app.screen.rows] == [str(e) for e in FIVE]
