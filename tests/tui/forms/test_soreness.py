"""The morning check-in screen in a tiny host app: what reaches save, what is shown when it is wrong."""

from __future__ import annotations

from textual.widgets import Collapsible

from legday.core.model import CheckIn
from legday.tui.screens.soreness import SorenessScreen
from legday.tui.widgets.form import Field, StatusLine
from legday.tui.widgets.slider import Slider
from tests.tui.forms.helpers import TODAY, UNSET, FormHost, disk_full

SIZE = (80, 24)


def soreness_app(existing: CheckIn | None = None, failing: Exception | None = None) -> FormHost:
    return FormHost(lambda save: SorenessScreen(TODAY, existing, save), failing)


async def test_a_digit_and_enter_saves_the_check_in():
    app = soreness_app()
    async with app.run_test(size=SIZE) as pilot:
        assert isinstance(app.focused, Slider)
        await pilot.press("6", "enter")
        await pilot.pause()
    assert app.saved == [CheckIn(TODAY, 6)]
    assert app.result is True


async def test_sleep_pain_and_one_region():
    app = soreness_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("right", "right", "right")  # 3
        await pilot.press("tab", "enter")  # open "By region"
        assert not app.screen.query_one(Collapsible).collapsed
        await pilot.press("tab", "7")  # quads 7
        await pilot.press("tab", "tab", "tab", "tab", *"7.5")  # past hamstrings, glutes, calves
        await pilot.press("tab", "space", "ctrl+s")  # pain
        await pilot.pause()
    assert app.saved == [CheckIn(TODAY, 3, sleep_hours=7.5, pain=True, regions=(("quads", 7),))]


async def test_regions_are_folded_away_and_unrated_until_touched():
    app = soreness_app()
    async with app.run_test(size=SIZE) as pilot:
        regions = app.screen.query_one("#regions", Collapsible)
        assert regions.collapsed
        assert "(optional)" in regions.title
        await pilot.press("4", "ctrl+s")
        await pilot.pause()
    assert app.saved[0].regions == ()


async def test_sleep_out_of_range_is_shown_and_nothing_is_saved():
    app = soreness_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "tab", "tab", *"25", "enter")
        await pilot.pause()
        sleep = app.screen.query_one("#sleep", Field)
        assert sleep.error == "sleep hours 25 is out of range; accepted: 0 to 24"
        assert app.screen.query_one(StatusLine).message.startswith("Not saved: sleep hours 25")
        assert app.saved == [] and app.result is UNSET
        assert sleep.input.has_focus and sleep.text == "25"
        # Fixing it clears the message as soon as the text is right, and saves.
        await pilot.press("backspace", "backspace", *"8")
        assert sleep.error is None
        await pilot.press("enter")
        await pilot.pause()
    assert app.saved == [CheckIn(TODAY, 5, sleep_hours=8.0)]


async def test_an_existing_check_in_is_shown_and_kept():
    existing = CheckIn(TODAY, 4, sleep_hours=6.5, pain=True, regions=(("glutes", 5),))
    app = soreness_app(existing)
    async with app.run_test(size=SIZE) as pilot:
        assert app.screen.query_one("#soreness", Slider).value == 4
        assert app.screen.query_one("#region-glutes", Slider).value == 5
        assert "glutes 5" in app.screen.query_one("#regions", Collapsible).title
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved == [existing]


async def test_a_storage_error_is_shown_and_the_screen_stays_open():
    app = soreness_app(failing=disk_full())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("7", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SorenessScreen)
        assert "no space left on device" in app.screen.query_one(StatusLine).message
        assert app.screen.query_one("#soreness", Slider).value == 7
    assert app.result is UNSET


async def test_escape_cancels_and_app_letters_do_nothing():
    app = soreness_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q", "w", "p")
        assert isinstance(app.screen, SorenessScreen)
        await pilot.press("escape")
        await pilot.pause()
    assert app.result is False and app.saved == []
