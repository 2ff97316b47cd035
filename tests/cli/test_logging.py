"""legs, cardio and sore: what each writes, read back through the Store, and the one-line reply."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CheckIn, Exercise

from .conftest import NOW, TODAY

MONDAY = dt.date(2026, 11, 16)


def week(store):
    return store().history(MONDAY, MONDAY + dt.timedelta(days=6))


def test_legs_writes_the_session_and_says_so(cli, store, capsys):
    rc = cli(
        "legs",
        "back squat 5x5@100kg",
        "box jump 4x5",
        "--effort",
        "8",
        "--minutes",
        "60",
        "--date",
        "2026-11-16",
        "--time",
        "18:00",
    )
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert out == "logged legs 2026-11-16 18:00: back squat 5x5@100kg, box jump 4x5 (effort 8, 60 min)\n"
    [session] = week(store).legs
    assert session.date == MONDAY
    assert session.start == dt.time(18, 0)
    assert (session.effort, session.minutes) == (8, 60)
    assert session.exercises == (
        Exercise("back squat", 5, 5, 100.0, "kg"),
        Exercise("box jump", 4, 5, None, "kg"),
    )


def test_legs_today_without_time_ends_now(cli, store, capsys):
    # NOW is 19:10: a 60-minute session logged now started at 18:10.
    assert cli("legs", "front squat 4x6@80kg", "--effort", "7", "--minutes", "60") == 0
    [session] = week(store).legs
    assert session.date == TODAY
    assert session.start == dt.time(18, 10)
    assert "18:10" in capsys.readouterr().out


def test_legs_start_rounds_down_to_five_minutes(cli, store):
    assert (
        cli("legs", "lunge 3x10", "--effort", "6", "--minutes", "45", now=dt.datetime(2026, 11, 19, 19, 13))
        == 0
    )
    assert week(store).legs[0].start == dt.time(18, 25)


def test_legs_on_another_day_without_time_uses_the_usual_leg_time(cli, store):
    assert cli("profile", "--leg-time", "06:30") == 0
    assert cli("legs", "deadlift 3x5@140kg", "--effort", "8", "--minutes", "50", "--date", "2026-11-17") == 0
    [session] = week(store).legs
    assert (session.date, session.start) == (dt.date(2026, 11, 17), dt.time(6, 30))


def test_legs_load_without_unit_takes_the_profile_units(cli, store):
    assert cli("profile", "--units", "lb") == 0
    assert cli("legs", "back squat 5x5@225", "leg press 3x10@300kg", "--effort", "8", "--minutes", "60") == 0
    [session] = week(store).legs
    assert [(e.load, e.unit) for e in session.exercises] == [(225.0, "lb"), (300.0, "kg")]


def test_legs_exercises_may_come_between_options(cli, store):
    assert (
        cli("legs", "squat 5x5@100kg", "--effort", "8", "step-up 3x10", "--minutes", "60", "--time", "17:00")
        == 0
    )
    [session] = week(store).legs
    assert [e.name for e in session.exercises] == ["squat", "step-up"]


def test_data_dir_after_the_command(data_dir, store):
    from legday.cli import run

    assert run(["sore", "4", "--data-dir", str(data_dir)], now=NOW) == 0
    assert week(store).checkins == (CheckIn(TODAY, 4),)


def test_data_dir_from_the_environment(data_dir, store, monkeypatch):
    from legday.cli import run

    monkeypatch.setenv("LEGDAY_DATA_DIR", str(data_dir))
    assert run(["sore", "5"], now=NOW) == 0
    assert week(store).checkins == (CheckIn(TODAY, 5),)


def test_cardio_writes_the_session(cli, store, capsys):
    rc = cli("cardio", "bike", "--minutes", "30", "--effort", "3", "--date", "2026-11-17", "--time", "07:00")
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert out == "logged cardio 2026-11-17 07:00: bike 30 min (effort 3)\n"
    [session] = week(store).cardio
    assert (session.date, session.modality, session.minutes, session.effort, session.start) == (
        dt.date(2026, 11, 17),
        "bike",
        30,
        3,
        dt.time(7, 0),
    )


def test_cardio_today_without_time_ends_now(cli, store):
    assert cli("cardio", "run", "--minutes", "40", "--effort", "5") == 0
    [session] = week(store).cardio
    assert (session.date, session.start) == (TODAY, dt.time(18, 30))


def test_cardio_unknown_modality_is_accepted_as_generic(cli, store, capsys):
    assert cli("cardio", "  SkiErg ", "--minutes", "20", "--effort", "6", "--date", "2026-11-18") == 0
    [session] = week(store).cardio
    assert session.modality == "skierg"
    assert session.start is None  # another day, no --time: the time is unknown, not invented
    assert capsys.readouterr().out == "logged cardio 2026-11-18: skierg 20 min (effort 6)\n"


def test_sore_writes_the_checkin(cli, store, capsys):
    assert cli("sore", "7", "--sleep", "6.5", "--pain") == 0
    assert week(store).checkins == (CheckIn(TODAY, 7, 6.5, True),)
    assert capsys.readouterr().out == "logged soreness 2026-11-19: 7/10, slept 6.5 h, pain\n"


def test_sore_again_replaces_that_days_checkin(cli, store):
    assert cli("sore", "7", "--date", "2026-11-17") == 0
    assert cli("sore", "3", "--date", "2026-11-17", "--sleep", "8") == 0
    assert week(store).checkins == (CheckIn(dt.date(2026, 11, 17), 3, 8.0),)
