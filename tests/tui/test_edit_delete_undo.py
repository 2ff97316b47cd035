"""Edit, delete and undo in the app (Pilot): the keys, the pick list, the filled-in forms, the
confirmation, the notifications, and what reaches the files. Also: a write by another legday
process re-plans the open week."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, Exercise, LegSession
from legday.storage import Store
from legday.tui.screens.week import WeekScreen
from tests.fixtures import SQUAT_DAY, TODAY
from tests.tui.conftest import palette_offers, until

SIZE = (100, 30)
MONDAY = dt.date(2026, 11, 16)
TUESDAY = dt.date(2026, 11, 17)
MONDAY_LEGS = LegSession(MONDAY, dt.time(18, 0), 70, 8, SQUAT_DAY)
TUESDAY_BIKE = CardioSession(TUESDAY, "bike", 25, 3, dt.time(7, 15))


def messages(app) -> list[str]:
    return list(app.notices)  # every notification shown (tests/tui/conftest.py: record_notices)


def store(tmp_path) -> Store:
    return Store(tmp_path / "data")


async def go_to(pilot, day: dt.date) -> None:
    screen = pilot.app.screen
    assert isinstance(screen, WeekScreen)
    steps = (day - screen.selected).days
    await pilot.press(*(["l"] * steps if steps > 0 else ["h"] * -steps))
    await pilot.pause()
    assert screen.selected == day


async def test_edit_a_leg_session_from_the_pick_list_in_the_filled_in_form(make_app, tmp_path):
    from legday.tui.screens.log_workout import LogWorkoutScreen
    from legday.tui.screens.pick import PickRecord

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, MONDAY)
        await pilot.press("e")
        await pilot.pause()
        # Monday has the leg session and the morning check-in: a list to pick from.
        assert isinstance(app.screen, PickRecord)
        assert [type(r).__name__ for r in app.screen.records] == ["LegSession", "CheckIn"]
        await pilot.press("1")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogWorkoutScreen)
        assert [row.text for row in form.rows] == [str(e) for e in SQUAT_DAY]
        assert form.query_one("#minutes").text == "70" and form.query_one("#start").text == "18:00"
        assert str(form.query_one("#title").render()).startswith("Edit leg workout")
        form.rows[0].input.value = "back squat 5x5@105kg"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert any("Edited legs Mon 16 Nov" in m for m in messages(app)), messages(app)
        day = app.screen.plan.day(MONDAY)
        assert "back squat 5x5@105kg" in (day.sessions[0].detail or "")
    [saved] = store(tmp_path).history(MONDAY, MONDAY).legs
    assert saved.exercises[0] == Exercise("back squat", 5, 5, 105.0, "kg")
    assert saved.exercises[1:] == SQUAT_DAY[1:] and saved.minutes == 70


async def test_delete_a_cardio_log_asks_first_and_undo_brings_it_back(make_app, tmp_path):
    from legday.tui.screens.pick import PickRecord
    from legday.tui.widgets.form import Confirm

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, TUESDAY)
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, PickRecord)
        await pilot.press("1")  # the bike (sessions first, then the check-in)
        await pilot.pause()
        assert isinstance(app.screen, Confirm)
        assert "bike" in app.screen.question
        await pilot.press("n")  # changed their mind: nothing deleted
        await pilot.pause()
        assert store(tmp_path).history(TUESDAY, TUESDAY).cardio == (TUESDAY_BIKE,)

        await pilot.press("delete", "1")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert store(tmp_path).history(TUESDAY, TUESDAY).cardio == ()
        assert all(s.modality != "bike" for s in app.screen.plan.day(TUESDAY).sessions)
        assert any("Deleted bike Tue 17 Nov" in m for m in messages(app)), messages(app)

        await pilot.press("u")
        await pilot.pause()
        assert store(tmp_path).history(TUESDAY, TUESDAY).cardio == (TUESDAY_BIKE,)
        assert any("Undid: deleted bike Tue 17 Nov" in m for m in messages(app)), messages(app)
        assert any(s.modality == "bike" and s.status == "done" for s in app.screen.plan.day(TUESDAY).sessions)


async def test_ctrl_z_undoes_a_skip_and_walks_further_back(make_app, tmp_path):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")  # skip today's suggestion
        await pilot.pause()
        assert store(tmp_path).history(TODAY, TODAY).skips
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store(tmp_path).history(TODAY, TODAY).skips == ()
        assert any(m.startswith("Undid: skipped") for m in messages(app)), messages(app)
        # Further back: the fixture's own writes (it logged through the Store), newest first.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert store(tmp_path).history(TODAY, TODAY).checkins == ()


async def test_only_a_day_with_logs_can_be_edited_or_deleted(make_app):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, dt.date(2026, 11, 20))  # Friday: nothing logged yet
        await pilot.press("e", "delete")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert any("Nothing logged on Fri 20 Nov to edit" in m for m in messages(app))
        assert any("Nothing logged on Fri 20 Nov to delete" in m for m in messages(app))


async def test_nothing_to_undo_says_so(make_app):
    app = make_app("first_run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        from legday.tui.screens.welcome import WelcomeScreen

        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("escape")  # the welcome: later
        await pilot.pause()
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in messages(app)


async def test_a_record_changed_meanwhile_is_not_saved_and_the_form_stays_open(make_app, tmp_path):
    from legday.tui.screens.log_cardio import LogCardioScreen

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await go_to(pilot, TUESDAY)
        await pilot.press("e", "1")
        await pilot.pause()
        assert isinstance(app.screen, LogCardioScreen)
        store(tmp_path).remove(TUESDAY_BIKE)  # another legday deletes it meanwhile
        app.screen.query_one("#minutes").input.value = "40"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, LogCardioScreen)
        status = app.screen.status.message or ""
        assert status.startswith("Not saved:") and "nothing" in status, status
    assert store(tmp_path).history(TUESDAY, TUESDAY).cardio == ()


async def test_a_write_by_another_legday_replans_the_open_week(make_app, tmp_path):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.journal.check_outside()  # nothing happened: one stat, no re-plan
        store(tmp_path).add_cardio(CardioSession(TODAY, "swim", 30, 3, dt.time(6, 0)))
        # The app looks once a second: wait for that look, not for a second.
        await until(pilot, lambda: any("another legday" in m for m in messages(app)), "the app noticed")
        sessions = app.screen.plan.day(TODAY).sessions
        assert any(s.modality == "swim" and s.status == "done" for s in sessions)


async def test_a_copy_from_another_device_is_told_once_with_what_it_brought(make_app, tmp_path):
    """A sync tool leaves another machine's November beside ours while the app runs: the app merges
    it and says what came in, in one toast (not also the plain "changed by another legday")."""
    from tests.journal.test_conflict_copies import COPY, arrive, other_machine
    from tests.tui.conftest import fixed_clock

    app = make_app("typical")
    data = tmp_path / "data"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        swim = CardioSession(TODAY, "swim", 30, 3, dt.time(6, 0))
        arrive(data, COPY, other_machine(data, tmp_path, fixed_clock, swim))
        await until(pilot, lambda: any("another device" in m for m in messages(app)), "the merge was told")
        await pilot.pause()
        told = [m for m in messages(app) if "another" in m]
        assert told == ["Merged a copy from another device: 1 cardio session added. The week is re-planned."]
        assert any(s.modality == "swim" for s in app.screen.plan.day(TODAY).sessions)


async def test_edit_delete_and_undo_are_in_the_palette(make_app, tmp_path):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("ctrl+p", *"log: undo")
        await until(pilot, lambda: palette_offers(app, "log: undo"))
        await pilot.press("enter")
        await pilot.pause()
        assert store(tmp_path).history(TODAY, TODAY).skips == ()


async def test_settings_changed_by_another_legday_are_applied(make_app, tmp_path):
    """`legday settings --week-start sun --theme legday-light` in another terminal: the open app
    notices (one more stat a second), re-plans the week from Sunday and takes the theme."""
    from legday.storage import Settings, save_settings

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.plan.week_start.weekday() == 0 and app.theme == "legday-dark"
        save_settings(tmp_path / "config", Settings(theme="legday-light", week_start=6))
        await until(pilot, lambda: app.journal.settings.week_start == 6, "the app read the new settings")
        assert app.screen.plan.week_start.weekday() == 6  # Sunday 15 November
        assert app.theme == "legday-light"
        assert not app.journal.check_outside()  # noticed once


def test_the_journal_notices_settings_written_by_another_process(tmp_path):
    from legday.journal import journal_at
    from tests.fixtures import fixed_clock, write_typical_week

    write_typical_week(tmp_path / "data")
    here = journal_at(tmp_path / "data", tmp_path / "config", fixed_clock)
    there = journal_at(tmp_path / "data", tmp_path / "config", fixed_clock)
    seen = []
    here.subscribe(seen.append)
    assert here.week_plan(TODAY).week_start.weekday() == 0
    assert not here.check_outside()
    there.save_settings(type(there.settings)(week_start=2))
    assert here.check_outside()
    assert seen[-1].outside and seen[-1].settings
    assert here.settings.week_start == 2 and here.week_plan(TODAY).week_start.weekday() == 2
    assert not here.check_outside()
    here.save_settings(type(here.settings)(week_start=3))  # its own write is not news to itself
    assert not here.check_outside()
