"""The cardio log in a tiny host app: prefilled from a suggestion, or typed from scratch."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession
from legday.core.plan import Session
from legday.core.talk import talk_words
from legday.tui.screens.log_cardio import DEFAULT_EFFORT, LogCardioScreen
from legday.tui.widgets.form import ConfirmDiscard, Field, StatusLine
from legday.tui.widgets.slider import Slider
from tests.tui.forms.helpers import NOW, TODAY, UNSET, FormHost, disk_full

SIZE = (80, 24)
TOMORROW = TODAY + dt.timedelta(days=1)
SUGGESTED = Session(
    kind="cardio",
    status="suggested",
    start=dt.datetime.combine(TOMORROW, dt.time(7, 0)),
    modality="bike",
    intensity="easy",
    effort=(3, 4),
    minutes=30,
)


def cardio_app(day=TODAY, prefill=None, failing=None) -> FormHost:
    return FormHost(lambda save: LogCardioScreen(day, NOW, prefill, save), failing)


def field(app, name: str) -> Field:
    return app.screen.query_one(f"#{name}", Field)


async def test_a_suggestion_prefills_everything_and_ctrl_s_logs_it():
    app = cardio_app(TOMORROW, SUGGESTED)
    async with app.run_test(size=SIZE) as pilot:
        assert "Suggested: bike, easy, effort 3-4, 30 min, at 07:00" in str(
            app.screen.query_one("#suggested").content
        )
        slider = app.screen.query_one("#effort", Slider)
        assert slider.words_now == talk_words(4)  # 3-4: the top, as the plan counts it, still easy
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved == [CardioSession(TOMORROW, "bike", 30, 4, dt.time(7, 0))]
    assert app.result is True


async def test_typed_from_scratch_with_completion_and_enter_through_the_fields():
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        assert field(app, "start").text == "07:30"  # today: the time defaults to now
        await pilot.press(*"el", "right", "enter")  # "el" -> elliptical, then on to minutes
        assert field(app, "modality").text == "elliptical"
        await pilot.press(*"40", "enter", "right", "tab", "enter", "enter")  # effort +1, date, start
        await pilot.pause()
    assert app.saved == [CardioSession(TODAY, "elliptical", 40, DEFAULT_EFFORT + 1, dt.time(7, 30))]


async def test_another_day_without_a_suggestion_leaves_the_time_empty():
    app = cardio_app(day=TODAY - dt.timedelta(days=2))
    async with app.run_test(size=SIZE) as pilot:
        assert field(app, "start").text == ""
        field(app, "modality").input.value = "Swim"
        field(app, "minutes").input.value = "30"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert app.saved == [CardioSession(TODAY - dt.timedelta(days=2), "swim", 30, DEFAULT_EFFORT)]


async def test_empty_modality_and_bad_minutes_are_explained():
    app = cardio_app()
    async with app.run_test(size=SIZE) as pilot:
        field(app, "minutes").input.value = "half an hour"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert field(app, "modality").error.startswith("modality is empty; accepted: run, bike")
        assert field(app, "minutes").error == (
            "minutes 'half an hour' is not a whole number; accepted: 1 to 600"
        )
        assert field(app, "modality").input.has_focus
    assert app.saved == [] and app.result is UNSET


async def test_changing_a_prefilled_log_then_escape_asks():
    app = cardio_app(TOMORROW, SUGGESTED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("escape")  # nothing changed: leaves at once
        await pilot.pause()
        assert app.result is False
    app = cardio_app(TOMORROW, SUGGESTED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", "right", "escape")  # effort changed
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDiscard)
        await pilot.press("y")
        await pilot.pause()
    assert app.result is False and app.saved == []


async def test_a_storage_error_is_shown_and_the_screen_stays():
    app = cardio_app(TOMORROW, SUGGESTED, failing=disk_full())
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogCardioScreen)
        assert "no space left on device" in app.screen.query_one(StatusLine).message
    assert app.result is UNSET


async def test_d_prefills_the_suggested_effort_so_the_session_keeps_its_intensity():
    """A moderate run is 4-5: the low end (4) logged it as easy. Every intensity the planner suggests
    is pre-filled at an effort that logs as that intensity (sprints, logged at 8-9, read intervals:
    still hard)."""
    from legday.core.plan import INTENSITIES, logged_intensity
    from legday.core.rules.base import EFFORT

    for intensity in INTENSITIES:
        minutes = 30 if intensity in ("intervals", "sprints") else 40
        session = Session(
            kind="cardio",
            status="suggested",
            modality="run",
            intensity=intensity,
            effort=EFFORT[intensity],
            minutes=minutes,
        )
        app = cardio_app(TODAY, session)
        async with app.run_test(size=SIZE) as pilot:
            effort = app.screen.query_one("#effort", Slider).value
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert EFFORT[intensity][0] <= effort <= EFFORT[intensity][1]
        logged = logged_intensity(app.saved[0].effort, app.saved[0].minutes)
        assert logged == intensity or (intensity, logged) == ("sprints", "intervals"), intensity
