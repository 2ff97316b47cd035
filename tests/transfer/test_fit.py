"""FIT activity files (extra legday[fit]): strength sets and cardio sessions, effort from RPE or heart
rate, local time from the file's own offset; damaged files give one line. Skipped cleanly when
fitdecode is not installed (the test extra installs it, so CI runs these)."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, Exercise, LegSession
from legday.transfer import FileFormatError, detect, read

from .conftest import all_records, snapshot
from .fitfile import cardio_activity, strength_activity

pytest.importorskip("fitdecode")

UTC = dt.UTC
SQUAT, LUNGE, BENCH, WARM_UP = 28, 17, 0, 31


def test_a_strength_activity_becomes_a_leg_session_of_its_active_leg_sets():
    data = strength_activity(
        dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC),
        [
            (WARM_UP, 10, 40, True),
            (SQUAT, 5, 100, True),
            (SQUAT, 0, 0, False),
            (SQUAT, 5, 100, True),
            (SQUAT, 5, 100, True),
            (LUNGE, 10, 20.5, True),
            (BENCH, 8, 80, True),
        ],
        minutes=62,
        rpe=80,
        utc_offset_hours=1,
    )
    assert detect(data, "x.fit") == "fit"
    parsed = read(data, "x.fit")
    [session] = parsed.records
    assert session == LegSession(
        dt.date(2026, 3, 2),
        dt.time(18, 0),
        62,
        8,
        (Exercise("squat", 3, 5, 100.0, "kg"), Exercise("lunge", 1, 10, 20.5, "kg")),
    )
    assert parsed.effort_from[session] == "rpe"


@pytest.mark.parametrize(
    "sport, sub_sport, modality",
    [(1, 0, "run"), (2, 6, "bike"), (4, 15, "elliptical"), (15, 14, "row"), (11, 0, "walk")],
)
def test_a_cardio_activity_becomes_cardio_with_effort_from_heart_rate(sport, sub_sport, modality):
    data = cardio_activity(
        dt.datetime(2026, 3, 3, 6, 30, tzinfo=UTC),
        sport=sport,
        sub_sport=sub_sport,
        minutes=35,
        avg_hr=150,
        max_hr=172,
        utc_offset_hours=-5,
    )
    parsed = read(data, "run.fit")
    [session] = parsed.records
    # 150 of an assumed maximum of 190 bpm is 79 %: effort 6 in legday's bands.
    assert session == CardioSession(dt.date(2026, 3, 3), modality, 35, 6, dt.time(1, 30))
    assert parsed.effort_from[session] == "heart rate"


def test_without_rpe_or_heart_rate_the_effort_is_estimated():
    data = cardio_activity(dt.datetime(2026, 3, 3, 6, 30, tzinfo=UTC), sport=2, minutes=20)
    parsed = read(data, "ride.fit")
    assert parsed.effort_from[parsed.records[0]] == "estimate"


def test_an_upper_body_strength_activity_is_left_out():
    data = strength_activity(dt.datetime(2026, 3, 4, 17, 0, tzinfo=UTC), [(BENCH, 8, 80, True)], minutes=40)
    parsed = read(data, "bench.fit")
    assert parsed.records == [] and parsed.left_out == {"upper body only": 1}


@pytest.mark.parametrize(
    "damage, words",
    [
        (lambda b: b[:-30], "cannot read this FIT file"),
        (lambda b: b[:40] + bytes([b[40] ^ 0xFF]) + b[41:], "cannot read this FIT file"),
    ],
)
def test_a_damaged_fit_file_is_one_line_and_writes_nothing(cli, data_dir, tmp_path, capsys, damage, words):
    good = cardio_activity(dt.datetime(2026, 3, 3, 6, 30, tzinfo=UTC), sport=1, minutes=35, avg_hr=150)
    path = tmp_path / "run.fit"
    path.write_bytes(damage(good))
    assert cli("import", str(path)) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and f"run.fit: {words}" in err and "accepted:" in err
    assert snapshot(data_dir) == {}


def test_a_fit_file_that_is_not_an_activity_is_refused():
    data = strength_activity(
        dt.datetime(2026, 3, 4, 17, 0, tzinfo=UTC), [(SQUAT, 5, 100, True)], minutes=40, file_type=2
    )
    with pytest.raises(FileFormatError, match="not an activity"):
        read(data, "settings.fit")


def test_import_from_the_command_line_and_again_adds_nothing(cli, data_dir, tmp_path, capsys):
    path = tmp_path / "legs.fit"
    path.write_bytes(
        strength_activity(dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC), [(SQUAT, 5, 100, True)] * 3, minutes=50)
    )
    assert cli("import", str(path)) == 0
    assert "1 session added (1 legs)" in capsys.readouterr().out
    assert len(all_records(data_dir)) == 1
    assert cli("import", str(path)) == 0
    assert "0 sessions added, 1 already there" in capsys.readouterr().out


UNKNOWN = 65534
DEADLIFT, TRICEPS, SIT_UP, ROW, CURL = 8, 30, 27, 23, 7


def test_exercise_categories_as_tuples_of_numbers_are_named_through_the_fit_profile():
    """A watch records candidate categories as an array of numbers, with subtypes: the first it
    could name counts (deadlift subtype 0 is the barbell deadlift, squat subtype 0 the leg press)."""
    data = strength_activity(
        dt.datetime(2025, 10, 20, 10, 21, tzinfo=UTC),
        [
            ((DEADLIFT, LUNGE, SQUAT), 6, 116, True, (0, 0xFFFF, 0xFFFF)),
            ((DEADLIFT, SQUAT, LUNGE), 8, 126, True, (0, 0xFFFF, 0xFFFF)),
            ((UNKNOWN, SQUAT, LUNGE), 8, 60, True, (0xFFFF, 0, 0xFFFF)),  # the first it could name: squat
            ((SQUAT, LUNGE, BENCH), 10, 100, True, (0, 0xFFFF, 0xFFFF)),
            ((UNKNOWN, UNKNOWN, UNKNOWN), 10, 0, True),  # not named: counted neither way
            ((TRICEPS, CURL, TRICEPS), 12, 10, True, (6, 0xFFFF, 0xFFFF)),
        ],
        minutes=64,
        rpe=40,
        utc_offset_hours=3,
    )
    parsed = read(data, "strength.fit")
    [session] = parsed.records
    assert session == LegSession(
        dt.date(2025, 10, 20),
        dt.time(13, 21),
        64,
        4,
        (
            Exercise("barbell deadlift", 1, 6, 116.0, "kg"),
            Exercise("barbell deadlift", 1, 8, 126.0, "kg"),
            Exercise("leg press", 1, 8, 60.0, "kg"),
            Exercise("leg press", 1, 10, 100.0, "kg"),
        ),
    )
    assert parsed.effort_from[session] == "rpe"


def test_a_strength_session_without_rpe_gets_legdays_estimate_not_its_heart_rate():
    data = strength_activity(
        dt.datetime(2026, 3, 2, 17, 0, tzinfo=UTC), [(SQUAT, 5, 100, True)] * 4, minutes=50, avg_hr=175
    )
    parsed = read(data, "legs.fit")
    [session] = parsed.records
    assert session.effort == 7 and parsed.effort_from[session] == "estimate"


def test_upper_body_only_is_said_only_of_sets_the_watch_named_as_upper_body():
    named = strength_activity(
        dt.datetime(2026, 3, 4, 17, 0, tzinfo=UTC), [(BENCH, 8, 80, True), (ROW, 10, 50, True)], minutes=40
    )
    assert read(named, "upper.fit").left_out == {"upper body only": 1}
    unnamed = strength_activity(
        dt.datetime(2026, 3, 4, 17, 0, tzinfo=UTC),
        [((UNKNOWN, UNKNOWN), 8, 80, True), (BENCH, 8, 80, True)],
        minutes=40,
    )
    assert read(unnamed, "what.fit").left_out == {"exercises the watch did not name": 1}


def test_a_little_leg_work_in_a_watch_session_is_not_a_leg_day():
    data = strength_activity(
        dt.datetime(2026, 3, 4, 17, 0, tzinfo=UTC),
        [(LUNGE, 10, 0, True), *[(BENCH, 8, 80, True)] * 3, *[(SIT_UP, 20, 0, True)] * 3],
        minutes=40,
    )
    assert read(data, "mostly_upper.fit").left_out == {"little leg work": 1}


def test_multisport_transitions_are_not_sessions():
    from .fitfile import multisport_activity

    data = multisport_activity(
        dt.datetime(2018, 5, 27, 7, 33, tzinfo=UTC),
        [(5, 0, 33), (3, 0, 3), (2, 0, 74), (3, 0, 1), (1, 0, 47)],
        utc_offset_hours=2,
    )
    parsed = read(data, "triathlon.fit")
    assert [(r.modality, r.minutes, r.start) for r in parsed.records] == [
        ("swim", 33, dt.time(9, 33)),
        ("bike", 74, dt.time(10, 9)),
        ("run", 47, dt.time(11, 24)),
    ]
    assert parsed.left_out == {}


def test_a_cardio_session_under_a_minute_is_said_as_such():
    data = cardio_activity(dt.datetime(2026, 3, 3, 6, 30, tzinfo=UTC), sport=11, minutes=0.75)
    parsed = read(data, "walk.fit")
    assert parsed.records == [] and parsed.left_out == {"cardio under a minute": 1}
