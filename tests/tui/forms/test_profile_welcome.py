"""The profile screen and the first-run welcome in a tiny host app."""

from __future__ import annotations

import datetime as dt

from legday.core.model import Goal, Level, Profile
from legday.storage import Settings
from legday.tui.screens.profile import ProfileScreen
from legday.tui.screens.welcome import WelcomeScreen
from legday.tui.widgets.choice import Choice
from legday.tui.widgets.form import ConfirmDiscard, Field, StatusLine
from legday.tui.widgets.picks import Picks
from tests.tui.conftest import until
from tests.tui.forms.helpers import UNSET, FormHost, burst, disk_full

SIZE = (80, 24)
THEMES = ["legday-contrast", "legday-dark", "legday-light", "textual-dark"]
RUNNER = Profile(
    goal=Goal.ENDURANCE,
    level=Level.ADVANCED,
    leg_days=(1,),
    event_date=dt.date(2027, 4, 18),
    units="kg",
    leg_time=dt.time(7, 0),
)


def profile_app(profile=RUNNER, settings=None, failing=None) -> FormHost:
    settings = settings or Settings()
    app = FormHost(lambda save: ProfileScreen(profile, settings, THEMES, save, app.preview), failing)
    return app


async def test_every_setting_changes_with_a_few_keys_and_is_saved():
    app = profile_app()
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#goal", Choice).has_focus
        await pilot.press("right")  # goal: endurance -> strength
        await pilot.press("tab", "1")  # level: beginner
        await pilot.press("tab", "l")  # injury-prone: yes
        await pilot.press("tab", *"mon,thu", "enter")  # leg days (the text was selected on focus)
        await pilot.press(*"18:30", "enter")  # leg time
        await pilot.press("l", "space")  # cardio: the cursor to bike, switched off
        await pilot.press("tab", "l")  # units: lb
        await pilot.press("tab", "7")  # week starts on sunday
        await pilot.press("tab", "right")  # theme: legday-dark -> legday-light, shown at once
        assert app.theme == "legday-light"
        await pilot.press("ctrl+s")
        await pilot.pause()
    profile, settings = app.saved[0]
    assert profile == Profile(
        goal=Goal.STRENGTH,
        level=Level.BEGINNER,
        injury_prone=True,
        leg_days=(0, 3),
        event_date=RUNNER.event_date,  # not on this screen: kept as it was
        units="lb",
        leg_time=dt.time(18, 30),
        modalities=("run", "swim", "elliptical", "walk", "row", "hike", "yoga", "pilates", "stairs"),
    )
    assert settings == Settings(theme="legday-light", week_start=6)
    assert app.result is True


async def test_wrong_leg_days_say_what_is_accepted():
    app = profile_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#leg-days", Field).input.value = "mon,funday"
        await pilot.press("ctrl+s")
        await pilot.pause()
        leg_days = app.screen.query_one("#leg-days", Field)
        assert leg_days.error == "unknown day 'funday'; accepted: mon,tue,wed,thu,fri,sat,sun"
        assert leg_days.input.has_focus
    assert app.saved == [] and app.result is UNSET


async def test_escape_after_changes_asks_and_puts_the_theme_back():
    app = profile_app()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#theme", Choice).focus()
        await pilot.press("right")
        assert app.theme == "legday-light"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("y")
        await pilot.pause()
        assert app.theme == "legday-dark"
    assert app.result is False and app.saved == []


async def test_no_profile_yet_shows_the_defaults_and_says_so():
    app = profile_app(profile=None)
    async with app.run_test(size=SIZE) as pilot:
        assert "No profile yet" in str(app.screen.query_one("#note").content)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved == [(Profile(), Settings())]


async def test_profile_storage_error_is_shown_and_the_screen_stays():
    app = profile_app(failing=disk_full())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ProfileScreen)
        assert "no space left on device" in app.screen.query_one(StatusLine).message
        assert app.screen.query_one("#goal", Choice).value == "strength"
    assert app.result is UNSET


def welcome_app(failing=None) -> FormHost:
    return FormHost(lambda save: WelcomeScreen(save), failing)


async def test_welcome_two_digits_and_two_enters():
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")  # strength, and on to the level
        assert "cardio stays short and easy" in str(app.screen.query_one("#goal-means").content)
        assert app.screen.query_one("#level", Choice).has_focus
        await pilot.press("3")  # advanced, and on to the leg days
        assert app.screen.query_one("#leg-days", Picks).has_focus
        await pilot.press("enter", "enter")  # Monday and Thursday as shown, kg: saved
        await pilot.pause()
    assert app.saved == [Profile(goal=Goal.STRENGTH, level=Level.ADVANCED, leg_days=(0, 3), units="kg")]
    assert app.result is True


async def test_welcome_asks_the_leg_days_and_the_units_a_key_or_two_each():
    """1 and 4 switch Monday and Thursday off, 2 and 5 switch Tuesday and Friday on; 2 is lb."""
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "1", "1", "4", "2", "5", "enter", "2", "enter")
        await pilot.pause()
    assert app.saved == [Profile(goal=Goal.HYBRID, level=Level.BEGINNER, leg_days=(1, 4), units="lb")]
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "2", "1", "4", "enter", "enter")  # no usual leg days at all
        await pilot.pause()
    assert app.saved == [Profile(goal=Goal.GENERAL, level=Level.INTERMEDIATE, leg_days=())]


async def test_welcome_keys_typed_in_one_burst_each_land_on_their_question():
    """Digits and Enter run as they arrive: typed faster than the screen redraws, "2 1 ⏎ 2 ⏎" still
    answers strength, beginner, the days shown, lb (a digit once landed on the question just left)."""
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "2", "1", "enter", "2", "enter")
        await until(pilot, lambda: app.result is not UNSET, "the welcome saved")
    assert app.saved == [Profile(goal=Goal.STRENGTH, level=Level.BEGINNER, leg_days=(0, 3), units="lb")]


async def test_welcome_arrows_and_enter_or_just_enter_for_the_defaults():
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("left", "enter", "left", "enter", "enter", "right", "enter")
        await pilot.pause()
    assert app.saved == [Profile(goal=Goal.HYBRID, level=Level.BEGINNER, units="lb")]
    app = welcome_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("enter", "enter", "enter", "enter")
        await pilot.pause()
    assert app.saved == [Profile(goal=Goal.GENERAL, level=Level.INTERMEDIATE)]


async def test_welcome_storage_error_is_shown_and_escape_means_later():
    app = welcome_app(failing=disk_full())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "1", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        assert "no space left on device" in app.screen.query_one(StatusLine).message
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False


async def test_the_cardio_list_switches_with_space_and_digits_and_keeps_one():
    app = profile_app(profile=Profile(modalities=("bike", "walk")))
    async with app.run_test(size=SIZE) as pilot:
        picks = app.screen.query_one("#modalities")
        picks.focus()
        await pilot.press("3")  # swim (the third) on; the cursor is on it now
        assert picks.values == ("bike", "swim", "walk")
        await pilot.press("right", "right", "space")  # elliptical, walk: walk off
        assert picks.values == ("bike", "swim")
        await pilot.press("h", "h", "h", "space")  # back to bike: off
        await pilot.press("3")  # swim is the last one left: it stays on
        assert picks.values == ("swim",)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved[0][0].modalities == ("swim",)


async def test_the_calendar_file_is_checked_and_saved_with_the_settings(tmp_path):
    app = profile_app()
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#calendar-file", Field)
        assert field.text == ""  # none kept yet
        field.input.focus()
        await pilot.press(*str(tmp_path), "ctrl+s")  # a folder: refused, nothing saved
        await pilot.pause()
        assert app.saved == [] and "is a folder" in (field.error or "")
        field.input.value = str(tmp_path / "plan.ics")
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved[0][1] == Settings(calendar_file=str(tmp_path / "plan.ics"))


async def test_an_empty_calendar_field_stops_the_calendar(tmp_path):
    app = profile_app(settings=Settings(calendar_file=str(tmp_path / "plan.ics")))
    async with app.run_test(size=SIZE) as pilot:
        field = app.screen.query_one("#calendar-file", Field)
        assert field.text == str(tmp_path / "plan.ics")
        field.input.value = ""
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved[0][1].calendar_file is None


async def test_the_morning_reminder_is_set_in_the_profile():
    """The last two fields: the check-in reminder (on, at 07:30 by default) goes off, and its time
    moves; both are saved with the settings."""
    app = profile_app()
    async with app.run_test(size=(100, 40)) as pilot:
        reminder = app.screen.query_one("#reminder", Choice)
        assert reminder.value == "on"
        time = app.screen.query_one("#reminder-time", Field)
        assert time.text == "07:30"
        reminder.focus()
        await pilot.press("2")  # off
        time.input.value = "06:15"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.result is True, "saved")
    _profile, settings = app.saved[0]
    assert settings.morning_reminder is False
    assert settings.morning_reminder_time == dt.time(6, 15)
