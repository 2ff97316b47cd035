"""Forms behave the same everywhere: Enter goes on from every field (a slider and a choice too) and
saves on the last, a digit on a slider sets it and goes nowhere else, ctrl+s saves from any field,
and keys typed in one burst land where they were meant to (Enter, Tab and shift+Tab run as they
arrive, not after the field they leave has handled them)."""

from __future__ import annotations

from textual.widgets import Input

from legday.core.model import CardioSession
from legday.storage import Settings
from legday.tui.screens.log_cardio import LogCardioScreen
from legday.tui.screens.log_workout import LogWorkoutScreen
from legday.tui.screens.profile import ProfileScreen
from legday.tui.widgets.choice import Choice
from legday.tui.widgets.form import Field
from legday.tui.widgets.slider import Slider
from tests.tui.conftest import until
from tests.tui.forms.helpers import NOW, TODAY, UNSET, FormHost, burst

SIZE = (80, 24)


def cardio_app() -> FormHost:
    return FormHost(lambda save: LogCardioScreen(TODAY, NOW, None, save))


def field(app, name: str) -> Field:
    return app.screen.query_one(f"#{name}", Field)


async def test_keys_typed_right_after_tab_land_in_the_next_field():
    """The bug: "bike", Tab, "25" in one burst gave "bike25" (Textual hands each key to the field
    focused when the key arrives, and a screen's Tab moved the focus only later)."""
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        burst(app, *"bike", "tab", *"25")
        await until(pilot, lambda: field(app, "minutes").text == "25", "25 in the minutes")
        assert field(app, "modality").text == "bike"
        burst(app, "shift+tab", *"run")  # back, and typing replaces the text (selected on focus)
        await until(pilot, lambda: field(app, "modality").text == "run", "shift+tab went back")
        assert field(app, "minutes").text == "25"


async def test_enter_goes_on_from_every_field_and_saves_on_the_last():
    """Cardio: what, minutes, the effort slider, date, start; Enter on each moves to the next, and on
    the start (the last) saves."""
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for typed in ("bike", "30", "", "", ""):
            await pilot.press(*typed)
            seen.append(app.focused.parent.id if isinstance(app.focused, Input) else app.focused.id)
            await pilot.press("enter")
        assert seen == ["modality", "minutes", "effort", "date", "start"]
        await until(pilot, lambda: app.result is True, "Enter on the last field saved")
    assert [(s.modality, s.minutes) for s in app.saved] == [("bike", 30)]


async def test_enter_on_a_wrong_field_stays_and_says_why():
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"bike", "enter", *"0", "enter")
        assert app.focused is field(app, "minutes").input
        assert field(app, "minutes").error == "minutes 0 is out of range; accepted: 1 to 600"


async def test_exercise_enter_enter_digit_enter_minutes_as_typed_fast():
    """The report: exercise, Enter, Enter, 8, Enter, 75 gave effort 5 and no minutes (Enter on the
    slider did nothing, so 7 and 5 went to the slider). Typed in one burst, it is now effort 8 and
    75 minutes, and Enter on the minutes goes on to the date."""
    app = FormHost(lambda save: LogWorkoutScreen(NOW, "kg", [], save))
    async with app.run_test(size=SIZE) as pilot:
        burst(app, *"deadlift 4x4@140", "enter", "enter", "8", "enter", *"75", "enter")
        date = field(app, "date")
        await until(pilot, lambda: app.focused is date.input, "on to the date")
        assert app.screen.query_one("#effort", Slider).value == 8
        assert field(app, "minutes").text == "75"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.result is True, "saved")
    (session,) = app.saved
    assert (session.effort, session.minutes, str(session.exercises[0])) == (8, 75, "deadlift 4x4@140kg")


async def test_a_digit_on_a_slider_sets_it_and_the_focus_stays():
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        slider = app.screen.query_one("#effort", Slider)
        slider.focus()
        await pilot.press("6")
        assert slider.value == 6 and slider.has_focus
        await pilot.press("right", "2")
        assert slider.value == 2 and slider.has_focus


async def test_ctrl_s_saves_from_a_slider_and_from_a_choice():
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*"walk", "tab", *"40", "tab", "2")
        assert isinstance(app.focused, Slider)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.result is True, "saved from the slider")
    assert app.saved == [CardioSession(TODAY, "walk", 40, 2, NOW.time().replace(second=0))]

    app = FormHost(lambda save: ProfileScreen(None, Settings(), ["legday-dark"], save))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        assert isinstance(app.focused, Choice)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.result is not UNSET, "saved from the choice")
    profile, _settings = app.saved[0]
    assert profile.goal.value == "endurance"


async def test_enter_moves_through_the_profile_choices_too():
    app = FormHost(lambda save: ProfileScreen(None, Settings(), ["legday-dark"], save))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter")
        assert app.focused.id == "injury"
        await pilot.press("enter")
        assert app.focused is field(app, "leg-days").input
