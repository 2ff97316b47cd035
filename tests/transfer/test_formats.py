"""Each export format and each of its quirks, from a fixture that looks like the real thing.

The assertions name what a lifter would check: which sets counted, which unit, which time, which
sessions were left out and why."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, Exercise, LegSession
from legday.transfer import FileFormatError, detect, plan_import, read, summary
from legday.transfer.workouts import cardio_modality, is_leg

from .conftest import fixture

D = dt.date
T = dt.time


def parse(name: str, **kw):
    return read(fixture(name).read_bytes(), name, **kw)


def legs(parsed) -> list[LegSession]:
    return [r for r in parsed.records if isinstance(r, LegSession)]


def cardio(parsed) -> list[CardioSession]:
    return [r for r in parsed.records if isinstance(r, CardioSession)]


@pytest.mark.parametrize(
    "name, fmt",
    [
        ("strong_semicolon.csv", "strong"),
        ("strong_semicolon_duration.csv", "strong"),
        ("strong_comma.csv", "strong"),
        ("strong_newest.csv", "strong"),
        ("hevy_kg.csv", "hevy"),
        ("hevy_lbs.csv", "hevy"),
        ("fitnotes_old.csv", "fitnotes"),
        ("fitnotes_new.csv", "fitnotes"),
    ],
)
def test_the_format_is_recognised_from_the_header(name, fmt):
    assert detect(fixture(name).read_bytes(), name) == fmt


def test_strong_semicolon_with_weight_unit_warmups_left_out_rpe_averaged():
    p = parse("strong_semicolon.csv")
    [session] = legs(p)
    assert session.date == D(2019, 1, 11) and session.start == T(12, 31)
    # The W set (40 kg) is a warm-up; the bench press is not leg work.
    assert session.exercises == (
        Exercise("squat (barbell)", 3, 5, 100.0, "kg"),
        Exercise("romanian deadlift (barbell)", 2, 8, 80.0, "kg"),
    )
    assert session.effort == 9  # RPE 8, 8.5 and 9 logged on the squats: 8.5 rounds up
    assert p.effort_from[session] == "rpe"
    # No duration column in this layout: 5 working sets x 3 min, at least 20 (legday's estimate).
    assert session.minutes == 20 and session in p.minutes_estimated
    assert cardio(p) == [CardioSession(D(2019, 1, 14), "run", 30, 4, T(18, 0))]
    assert p.left_out == {"upper body only": 1}  # the Push workout


def test_strong_semicolon_with_workout_duration_and_a_timer_left_running():
    p = parse("strong_semicolon_duration.csv")
    first, second = legs(p)
    assert first.minutes == 67  # "1h 7m"
    assert first not in p.minutes_estimated
    assert first.exercises[0] == Exercise("leg press", 2, 10, 180.0, "lb")
    # "216h 1m" is a timer nobody stopped: unknown, so estimated from the 2 sets.
    assert second.minutes == 20 and second in p.minutes_estimated


def test_strong_comma_layout_has_no_unit_so_the_units_option_decides():
    # No unit in the file, none set in a profile, loads that do not look like pounds: refused.
    with pytest.raises(FileFormatError, match="does not say whether its weights are kg or lb"):
        parse("strong_comma.csv")
    # The profile's units, when the person set them.
    assert legs(parse("strong_comma.csv", profile_units="kg"))[0].exercises[0].unit == "kg"
    p = parse("strong_comma.csv", units="lb", profile_units="kg")  # --units wins
    assert p.units_note == "weights in lb (--units)"
    [session] = legs(p)
    assert session.exercises[0] == Exercise("squat (barbell)", 2, 5, 150.0, "lb")  # float noise, blank set
    # "6:30:00<narrow no-break space>pm"
    assert session.date == D(2023, 6, 5) and session.start == T(18, 30)
    # 1h 12m in all, of which 15 min indoor cycling after the lifting.
    assert session.minutes == 57
    assert cardio(p) == [CardioSession(D(2023, 6, 5), "bike", 15, 4, T(19, 27))]
    assert p.left_out == {"upper body only": 1}  # the 7:05 am pull-ups


def test_strong_newest_layout_drops_rest_timer_rows_and_reads_units_from_the_header():
    p = parse("strong_newest.csv", units="lb")
    [session] = legs(p)
    assert session.minutes == 60  # Duration (sec) 3600
    assert session.exercises == (
        Exercise("squat (barbell)", 2, 5, 100.0, "kg"),  # Weight (kg) wins over --units lb
        Exercise("walking lunge (dumbbell)", 1, 12, 20.0, "kg"),
        Exercise("walking lunge (dumbbell)", 1, 12, 12.0, "kg"),  # the D (drop) set is work
    )
    assert not any("rest" in e.name for e in session.exercises)


def test_hevy_dates_newest_first_multiline_notes_and_set_types():
    p = parse("hevy_kg.csv")
    # Newest first in the file, in date order here.
    assert [r.date for r in p.records] == [D(2025, 9, 5), D(2025, 9, 9), D(2025, 9, 9)]
    [session] = legs(p)
    assert session.start == T(6, 46)  # "9 Sep 2025, 06:46"
    # warmup left out; failure and dropset sets are work.
    assert session.exercises == (
        Exercise("squat (barbell)", 1, 5, 120.0, "kg"),
        Exercise("squat (barbell)", 1, 4, 120.0, "kg"),
        Exercise("leg extension (machine)", 1, 12, 50.0, "kg"),
    )
    assert session.effort == 9  # RPE 8 and 10
    assert session.minutes == 72 - 15  # end - start, less the treadmill
    assert cardio(p) == [
        CardioSession(D(2025, 9, 5), "bike", 45, 4, T(12, 0)),
        CardioSession(D(2025, 9, 9), "run", 15, 4, T(7, 43)),
    ]


def test_hevy_in_pounds_and_miles():
    p = parse("hevy_lbs.csv", units="kg")
    [session] = legs(p)
    assert session.exercises == (Exercise("deadlift (barbell)", 2, 3, 315.0, "lb"),)
    assert cardio(p)[0].modality == "run" and cardio(p)[0].minutes == 21


def test_fitnotes_old_form_legs_category_and_cardio_rows():
    p = parse("fitnotes_old.csv", leg_time=T(7, 15))
    [session] = legs(p)
    assert session.start == T(7, 15)  # a date only: the profile's leg time
    assert session.exercises == (
        Exercise("barbell squat", 3, 5, 100.0, "kg"),
        Exercise("hack squat machine", 1, 10, 80.0, "kg"),
    )
    assert cardio(p) == [CardioSession(D(2016, 1, 22), "bike", 30, 4, None)]
    assert p.left_out == {"upper body only": 1}


def test_fitnotes_new_form_with_a_weight_unit_column():
    p = parse("fitnotes_new.csv")
    [session] = legs(p)
    assert session.exercises == (Exercise("seated leg curl", 2, 12, 90.0, "lb"),)
    assert [(c.modality, c.minutes) for c in cardio(p)] == [("bike", 20), ("run", 29)]


def test_the_summary_says_what_was_added_left_out_and_estimated():
    p = parse("strong_semicolon.csv")
    text = summary("strong.csv", plan_import(p, []))
    assert text == (
        "imported strong.csv: 2 sessions added (1 legs, 1 cardio), 0 already there, "
        "1 left out (1 upper body only); weights in kg as the file says; effort estimated for 1 "
        "(no RPE logged); minutes estimated for 1 (no length recorded)"
    )


def test_already_logged_sessions_are_recognised_even_after_an_edit():
    p = parse("hevy_kg.csv")
    edited = [LegSession(s.date, s.start, s.minutes, 5, s.exercises) for s in legs(p)]
    plan = plan_import(p, edited + cardio(p)[:1])
    assert plan.already == 2
    assert plan.new == cardio(p)[1:]


@pytest.mark.parametrize(
    "name, leg",
    [
        ("Squat (Barbell)", True),
        ("Bulgarian Split Squat", True),
        ("Calf Press on Leg Press", True),
        ("Walking Lunge (Dumbbell)", True),
        ("Hip Thrust (Barbell)", True),
        ("Hanging Leg Raise", False),
        ("Bench Press (Barbell)", False),
        ("Lat Pulldown (Cable)", False),
        ("Jump Rope", False),
    ],
)
def test_which_exercises_are_leg_work(name, leg):
    assert is_leg(name) is leg


@pytest.mark.parametrize(
    "name, modality",
    [
        ("Running (Treadmill)", "run"),
        ("Cycling (Indoor)", "bike"),
        ("Rowing (Machine)", "row"),
        ("Walking", "walk"),
        ("Walking Lunge", None),
        ("Farmer's Walk", None),
        ("Bent Over Row", None),
        ("Stair Climber", "stairs"),
        ("Elliptical Trainer", "elliptical"),
        ("Jump Rope", "jump rope"),
    ],
)
def test_which_exercises_are_cardio(name, modality):
    assert cardio_modality(name) == modality
