"""What real exports really hold, one quirk a test, each from a small fixture written to reproduce it
(never a copy of a real file): units the file does not say, bad rows and --skip-bad-rows, values no
lifter logs, timers left running, which workouts are leg sessions, cardio logged by reps, Strong's
set-order words, its 2016 layout and its other languages, FitNotes' unquoted commas."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, Exercise, LegSession
from legday.transfer import FileFormatError, detect, plan_import, read, summary
from legday.transfer.merge import bad_row_lines

from .conftest import all_records, fixture

D = dt.date
T = dt.time


def parse(name: str, **kw):
    return read(fixture(name).read_bytes(), name, **kw)


def legs(parsed) -> list[LegSession]:
    return [r for r in parsed.records if isinstance(r, LegSession)]


def cardio(parsed) -> list[CardioSession]:
    return [r for r in parsed.records if isinstance(r, CardioSession)]


# -- units ------------------------------------------------------------------------------------------


def test_a_file_without_a_unit_is_refused_with_one_line_asking_for_units(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_comma.csv"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "strong_comma.csv: this file does not say whether its weights are kg or lb" in err
    assert "accepted: --units kg or --units lb" in err
    assert not (data_dir / "log").exists()


def test_the_units_option_is_used_and_the_summary_says_so(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_comma.csv")), "--units", "LBS") == 0
    assert "weights in lb (--units)" in capsys.readouterr().out
    [session] = [r for r in all_records(data_dir) if isinstance(r, LegSession)]
    assert {e.unit for e in session.exercises} == {"lb"}


def test_a_profile_the_person_saved_gives_the_units_and_the_summary_says_so(cli, data_dir, capsys):
    assert cli("profile", "--units", "lb") == 0
    capsys.readouterr()
    assert cli("import", str(fixture("strong_comma.csv"))) == 0
    assert "weights in lb (your profile's units)" in capsys.readouterr().out


def test_clear_evidence_of_pounds_is_used_and_named():
    """Barbell loads of a 45 lb bar with 25 and 45 lb plates (135, 185, 225...) and no unit column."""
    p = parse("strong_pounds.csv")
    assert {e.unit for s in legs(p) for e in s.exercises} == {"lb"}
    assert p.units_note.startswith("weights in lb (the file does not say; 32 of its 32 barbell sets are at")
    assert "45 lb bar" in p.units_note


def test_pounds_evidence_against_a_kg_profile_asks_instead_of_choosing():
    with pytest.raises(FileFormatError, match="your profile says kg, but its loads look like pounds"):
        parse("strong_pounds.csv", profile_units="kg")
    assert legs(parse("strong_pounds.csv", units="kg", profile_units="kg"))[0].exercises[0].unit == "kg"


def test_kilogram_loads_are_not_taken_for_pounds():
    """strong_comma.csv's 150 kg squats and 40 kg curls: no pound evidence, so no guess."""
    with pytest.raises(FileFormatError, match="does not say whether its weights are kg or lb"):
        parse("strong_comma.csv")


def test_a_file_whose_leg_work_carries_no_weight_needs_no_unit():
    data = (
        b"Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE\n"
        b"2024-01-08 7:00:00 am,Legs,30m,Pistol Squat,1,0,8,0,0,,,\n"
        b"2024-01-08 7:00:00 am,Legs,30m,Pistol Squat,2,0,8,0,0,,,\n"
        b"2024-01-08 7:00:00 am,Legs,30m,Bicep Curl (Dumbbell),1,12,10,0,0,,,\n"
    )
    p = read(data, "bodyweight.csv")
    assert [str(e) for e in legs(p)[0].exercises] == ["pistol squat 2x8"]
    assert p.units_note == "weights in kg (no leg work with weights in the file)"


def test_importing_again_with_other_units_says_to_undo_the_earlier_import(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_comma.csv")), "--units", "kg") == 0
    capsys.readouterr()
    assert cli("import", str(fixture("strong_comma.csv")), "--units", "lb") == 0
    out = capsys.readouterr().out
    assert "0 sessions added, 2 already there (1 of them logged with weights in kg, not lb" in out
    assert "undo that earlier import first (legday undo), then import again" in out
    assert cli("undo") == 0
    assert cli("import", str(fixture("strong_comma.csv")), "--units", "lb") == 0
    [session] = [r for r in all_records(data_dir) if isinstance(r, LegSession)]
    assert {e.unit for e in session.exercises} == {"lb"}


# -- bad rows ---------------------------------------------------------------------------------------


def test_bad_rows_stop_the_import_naming_the_first_counting_all_and_offering_the_flag(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_bad_rows.csv"))) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("legday: error: strong_bad_rows.csv:3: reps 1000 in one set of 'squat (barbell)'")
    assert "(3 bad rows in the file; --skip-bad-rows imports the rest)" in err
    assert not (data_dir / "log").exists()


def test_skip_bad_rows_imports_the_rest_and_lists_each_row_left_out(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_bad_rows.csv")), "--skip-bad-rows") == 0
    out = capsys.readouterr().out.splitlines()
    assert "3 bad rows left out" in out[0]
    assert out[1:] == [
        "  left out: strong_bad_rows.csv:3: reps 1000 in one set of 'squat (barbell)' (a typo?); "
        "accepted: at most 100 reps a set (legday's line)",
        "  left out: strong_bad_rows.csv:5: weight 'abc' is not a number; accepted: a number from 0 up",
        "  left out: strong_bad_rows.csv:7: a load of 1400 kg on 'deadlift (barbell)' is more than anyone "
        "lifts; accepted: up to 500 kg (1,102 lb), legday's line",
    ]
    first, second = sorted(
        (r for r in all_records(data_dir) if isinstance(r, LegSession)), key=lambda r: r.date
    )
    assert [str(e) for e in first.exercises] == ["squat (barbell) 2x5@100kg", "leg press 1x10@180kg"]
    assert [str(e) for e in second.exercises] == ["deadlift (barbell) 2x3@140kg"]


def test_skip_bad_rows_with_dry_run_writes_nothing(cli, data_dir, capsys):
    assert cli("import", str(fixture("strong_bad_rows.csv")), "--skip-bad-rows", "--dry-run") == 0
    assert "  left out: strong_bad_rows.csv:3:" in capsys.readouterr().out
    assert not (data_dir / "log").exists()


def test_a_load_on_a_leg_press_may_be_heavier_than_on_a_bar():
    data = (
        b"Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes\n"
        b'2021-02-01 18:00:00;"Legs";"Leg Press";1;700;kg;8;;;;0;"";""\n'
        b'2021-02-01 18:00:00;"Legs";"Leg Press";2;1200;kg;8;;;;0;"";""\n'
        b'2021-02-01 18:00:00;"Legs";"Squat (Barbell)";1;1100;lb;1;;;;0;"";""\n'
    )
    p = read(data, "strong.csv", skip_bad_rows=True)
    assert [str(e) for e in legs(p)[0].exercises] == ["leg press 1x8@700kg", "squat (barbell) 1x1@1100lb"]
    assert [(b.line, b.why.split(" is more")[0]) for b in p.bad_rows] == [
        (3, "a load of 1200 kg on 'leg press'")
    ]


def test_a_wrong_cell_count_is_a_bad_row_too():
    data = fixture("strong_newest.csv").read_bytes() + b'"3","2024-05-05 10:00:00","Legs"\n'
    p = read(data, "strong.csv", skip_bad_rows=True)
    assert legs(p) and [b.line for b in p.bad_rows] == [9]
    assert "3 cells where the header has 13" in p.bad_rows[0].why


def test_the_summary_and_the_list_of_rows_left_out():
    p = parse("strong_bad_rows.csv", skip_bad_rows=True)
    plan = plan_import(p, [])
    assert "; 3 bad rows left out; weights in kg as the file says" in summary("s.csv", plan)
    assert bad_row_lines("s.csv", plan)[0].startswith("s.csv:3: reps 1000")


# -- timers left running ----------------------------------------------------------------------------


def test_a_session_over_four_hours_is_a_timer_left_running(cli, data_dir, capsys):
    p = parse("strong_timer.csv", units="kg")
    long, short = legs(p)
    # "6h 16m": not a session's length; estimated from its 5 working sets (3 min a set, at least 20).
    assert long.minutes == 20 and long in p.timers and long in p.minutes_estimated
    assert short.minutes == 235 and short not in p.timers  # "3h 55m" is under the line
    assert cli("import", str(fixture("strong_timer.csv")), "--units", "kg") == 0
    assert "1 timer left running (over 4 hours; its length estimated)" in capsys.readouterr().out


# -- which workouts are leg sessions ----------------------------------------------------------------


def test_a_power_clean_on_a_pressing_day_is_not_a_leg_day_but_five_squat_sets_are():
    p = parse("strong_mixed_days.csv", units="kg")
    [session] = legs(p)
    # Full body: 5 of 19 sets are squats, under a third, but five working sets of a big leg lift.
    assert session.date == D(2022, 5, 4)
    assert session.exercises == (Exercise("squat (barbell)", 5, 5, 100.0, "kg"),)
    # Push + Clean: 2 of 12 sets; Pull: two calf raise sets of 8.
    assert p.left_out == {"little leg work": 2}


def test_the_summary_counts_the_workouts_it_did_not_call_legs():
    text = summary("s.csv", plan_import(parse("strong_mixed_days.csv", units="kg"), []))
    assert "1 session added (1 legs), 0 already there, 2 left out (2 little leg work)" in text


# -- cardio -----------------------------------------------------------------------------------------


def test_jump_rope_by_reps_is_cardio_and_under_a_minute_is_said_as_such():
    p = parse("strong_cardio_reps.csv")
    # 500 skips at legday's 100 a minute: 5 minutes.
    assert cardio(p) == [CardioSession(D(2024, 8, 20), "jump rope", 5, 4, T(15, 52))]
    assert p.left_out == {
        "cardio under a minute": 1,  # the 45-second walk
        "cardio without a time": 1,  # a run with a distance and no time
        "upper body only": 1,  # bicycle crunches are not a bike ride
    }


# -- Strong's layouts -------------------------------------------------------------------------------


def test_strong_newest_set_order_words_warm_up_failure_drop():
    p = parse("strong_newest_words.csv")
    [session] = legs(p)
    # WARM_UP sets are left out; FAILURE, DROP and DROP_SET are work; the Rest Timer row is not a set.
    assert session.exercises == (
        Exercise("squat (barbell)", 2, 5, 110.0, "kg"),
        Exercise("squat (barbell)", 1, 4, 110.0, "kg"),
        Exercise("leg extension (machine)", 1, 12, 60.0, "kg"),
        Exercise("leg extension (machine)", 1, 10, 45.0, "kg"),
        Exercise("leg extension (machine)", 1, 10, 30.0, "kg"),
    )
    assert session.minutes == 67 and session.effort == 9  # RPE 8, 9, 10


def test_an_unknown_set_order_word_with_a_set_in_it_is_a_bad_row():
    data = fixture("strong_newest_words.csv").read_bytes().replace(b'"FAILURE"', b'"BONUS"')
    with pytest.raises(FileFormatError, match=r":7: set order 'BONUS' unknown; accepted: a number, W, D, F"):
        read(data, "strong.csv")


def test_strong_2016_layout_reads_the_kg_and_km_columns():
    assert detect(fixture("strong_2016.csv").read_bytes(), "strong.csv") == "strong"
    p = parse("strong_2016.csv")
    [session] = legs(p)
    # 5 squat sets of 17 (set order 0 is a working set here): the big-lift line makes it legs.
    assert session.exercises == (
        Exercise("squat", 3, 5, 70.0, "kg"),
        Exercise("squat", 2, 5, 72.5, "kg"),
    )
    assert p.units_note == "weights in kg as the file says"
    assert cardio(p) == [CardioSession(D(2016, 10, 4), "run", 28, 4, T(8, 2))]


def test_strong_2016_layout_in_pounds():
    data = fixture("strong_2016.csv").read_bytes().replace(b",kg,", b",lbs,", 1)
    [session] = legs(read(data, "strong.csv"))
    assert {e.unit for e in session.exercises} == {"lb"}


def test_strong_in_german_is_recognised_by_its_shape_and_its_rest_rows_left_out():
    data = fixture("strong_german.csv").read_bytes()
    assert detect(data, "strong.csv") == "strong"
    p = read(data, "strong.csv", units="kg")
    [session] = legs(p)
    assert session.date == D(2025, 8, 4) and session.start == T(18, 12)
    assert session.minutes == 47  # "47min"
    assert session.exercises == (
        Exercise("kniebeuge (langhantel)", 2, 8, 60.0, "kg"),
        Exercise("romanian deadlift (barbell)", 1, 10, 50.0, "kg"),
        Exercise("pistol squat", 1, 6),
    )
    assert p.left_out == {"upper body only": 1}  # the pull-ups; no "Ruhezeit" row became a set
    # Without --units the German file is asked about like an English one.
    with pytest.raises(FileFormatError, match="does not say whether its weights are kg or lb"):
        read(data, "strong.csv")
    # and --format strong reads it too
    assert legs(read(data, "strong.csv", "strong", units="kg")) == [session]


def test_strong_in_another_language_without_notes_columns_by_shape():
    """Made-up French header words: only the shape (10 columns, a date, a duration, set orders,
    numbers) says it is Strong's layout without notes."""
    p = parse("strong_french_nonotes.csv", units="kg")
    [session] = legs(p)
    assert session.exercises == (
        Exercise("leg press", 1, 12, 140.0, "kg"),
        Exercise("leg press", 1, 10, 160.0, "kg"),
        Exercise("calf raise (machine)", 1, 15, 70.0, "kg"),
    )
    assert session.minutes == 62 and session.effort == 9


def test_a_csv_that_only_looks_like_strong_by_column_count_is_not_taken_for_it():
    data = ("a,b,c,d,e,f,g,h,i,j,k,l\n" + "x,1,2,3,4,5,6,7,8,9,10,11\n").encode()
    with pytest.raises(FileFormatError, match="cannot tell which app wrote this"):
        detect(data, "other.csv")


# -- FitNotes ---------------------------------------------------------------------------------------


def test_fitnotes_names_with_unquoted_commas_are_rebuilt_from_the_fixed_columns():
    p = parse("fitnotes_commas.csv")
    [session] = legs(p)
    assert session.exercises == (
        Exercise("leg press (single leg, machine)", 2, 12, 80.0, "kg"),
        Exercise("bulgarian split squat (dumbbells, each leg)", 1, 10, 16.0, "kg"),
        Exercise("step up (box, dumbbells, each leg)", 1, 10, 12.0, "kg"),
    )
    assert p.left_out == {"upper body only": 1}  # the overhead presses, read whole
    assert p.bad_rows == []


# -- names ------------------------------------------------------------------------------------------


def test_a_name_with_terminal_escape_codes_is_a_bad_row():
    data = (
        fixture("strong_newest.csv")
        .read_bytes()
        .replace(b"Walking Lunge (Dumbbell)", b"Lunge\x1b]0;pwned\x07", 1)
    )
    with pytest.raises(FileFormatError, match=r"strong.csv:6: exercise name .* holds control characters"):
        read(data, "strong.csv")


def test_a_very_long_name_is_a_bad_row():
    data = fixture("strong_newest.csv").read_bytes().replace(b"Walking Lunge (Dumbbell)", b"Lunge " * 40, 1)
    p = read(data, "strong.csv", skip_bad_rows=True)
    assert [b.line for b in p.bad_rows] == [6]
    assert "longer than 100 characters" in p.bad_rows[0].why


def test_digits_are_ascii_digits():
    data = fixture("strong_newest.csv").read_bytes().replace(b'"100","5"', '"１００","5"'.encode(), 1)
    with pytest.raises(FileFormatError, match=r":2: weight '１００' is not a number"):
        read(data, "strong.csv")
    data = fixture("strong_newest.csv").read_bytes().replace(b'"100","5"', b'"1_00","5"', 1)
    with pytest.raises(FileFormatError, match=r":2: weight '1_00' is not a number"):
        read(data, "strong.csv")
