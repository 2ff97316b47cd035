"""``legday import`` end to end: what lands on disk, re-import adds nothing, --dry-run writes nothing,
bad files give one line naming the file and line and change nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, CheckIn, LegSession, Skip
from legday.storage import Store

from .conftest import all_records, fixture, snapshot

ALL_CSV = [
    "strong_semicolon.csv",
    "strong_semicolon_duration.csv",
    "strong_comma.csv",
    "strong_newest.csv",
    "hevy_kg.csv",
    "hevy_lbs.csv",
    "fitnotes_old.csv",
    "fitnotes_new.csv",
]


# Files that do not say their unit are imported with --units.
UNITS = {"strong_comma.csv": ["--units", "kg"]}


@pytest.mark.parametrize("name", ALL_CSV)
def test_importing_the_same_file_again_adds_nothing(cli, data_dir, capsys, name):
    options = UNITS.get(name, [])
    assert cli("import", str(fixture(name)), *options) == 0
    first = capsys.readouterr().out
    records = all_records(data_dir)
    assert records and "added" in first
    files = snapshot(data_dir / "log")
    assert cli("import", str(fixture(name)), *options) == 0
    again = capsys.readouterr().out
    assert f": 0 sessions added, {len(records)} already there" in again
    assert snapshot(data_dir / "log") == files


def test_dry_run_prints_what_would_be_added_and_writes_nothing(cli, data_dir, capsys):
    assert cli("import", str(fixture("hevy_kg.csv")), "--dry-run") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1].startswith("checked hevy_kg.csv: 3 sessions would be added (1 legs, 2 cardio)")
    assert out[1].startswith("  + 2025-09-09 Tue  legs 06:46 · 57 min · effort 9 · squat (barbell) 1x5@120kg")
    assert not data_dir.exists() or not (data_dir / "log").exists()


def test_units_default_to_the_profile(cli, data_dir):
    assert cli("profile", "--units", "lb") == 0
    assert cli("import", str(fixture("strong_comma.csv"))) == 0
    [session] = [r for r in all_records(data_dir) if isinstance(r, LegSession)]
    assert {e.unit for e in session.exercises} == {"lb"}


def test_the_imported_history_reaches_the_planner(cli, data_dir, capsys):
    """A new user imports, then asks for the plan: the imported leg day shows as done."""
    assert cli("import", str(fixture("strong_newest.csv"))) == 0
    capsys.readouterr()
    assert cli("plan", "--date", "2024-05-02", "--json", now=dt.datetime(2024, 5, 2, 8, 0)) in (0,)
    import json

    plan = json.loads(capsys.readouterr().out)
    wed = next(d for d in plan["days"] if d["date"] == "2024-05-01")
    done = [s for s in wed["sessions"] if s["status"] == "done" and s["kind"] == "legs"]
    assert done and "squat (barbell) 2x5@100kg" in done[0]["detail"]
    thu = next(d for d in plan["days"] if d["date"] == "2024-05-02")
    assert any(s["hours_after_legs"] for s in thu["sessions"] if s["kind"] != "rest")


BAD = {
    "wrong format": ("notes.csv", b"name,phone\nann,123\n", "notes.csv:1: cannot tell which app wrote this"),
    "binary junk": ("photo.csv", bytes(range(256)) * 4, "photo.csv: this is not a text export"),
    "truncated": (
        "strong.csv",
        fixture("strong_newest.csv").read_bytes()[:-120],
        "strong.csv:7: 6 cells where the header has 13",
    ),
    "impossible date": (
        "strong.csv",
        fixture("strong_semicolon.csv")
        .read_bytes()
        .replace(b"2019-01-13 09:05:10", b"2027-13-45 09:05:10", 1),
        "strong.csv:9: not a date: '2027-13-45 09:05:10' does not exist",
    ),
    "hevy bad set type": (
        "hevy.csv",
        fixture("hevy_lbs.csv").read_bytes().replace(b'"normal",315', b'"heavy",315', 1),
        "hevy.csv:3: set_type 'heavy' unknown; accepted: warmup, normal, failure, dropset",
    ),
    "reps out of range": (
        "fitnotes.csv",
        fixture("fitnotes_old.csv").read_bytes().replace(b"100.0,5", b"100.0,5000", 1),
        "fitnotes.csv:2: reps 5000 in one set of 'barbell squat' (a typo?); accepted: at most 100 reps"
        " a set (legday's line) (1 bad row in the file; --skip-bad-rows imports the rest)",
    ),
    "empty": ("empty.csv", b"", "empty.csv: the file is empty"),
    "json truncated": (
        "backup.json",
        b'{"legday_export": 1, "records": [\n {"kind": "legs",',
        "backup.json:2: not valid JSON",
    ),
    "fit forced on csv": (
        "strong.csv",
        fixture("strong_comma.csv").read_bytes(),
        "strong.csv: this is not a FIT file",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_file_gives_one_line_naming_file_and_line_and_writes_nothing(
    cli, data_dir, tmp_path, capsys, case
):
    name, data, expected = BAD[case]
    assert (
        cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--date", "2016-01-21") == 0
    )
    before = snapshot(data_dir)
    path = tmp_path / name
    path.write_bytes(data)
    args = ["import", str(path)] + (["--format", "fit"] if case == "fit forced on csv" else [])
    assert cli(*args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("legday: error: ")
    assert expected in err
    assert "accepted:" in err
    assert snapshot(data_dir) == before


def test_a_bad_row_at_the_end_means_nothing_of_the_file_is_imported(cli, data_dir, tmp_path, capsys):
    data = (
        fixture("strong_semicolon.csv").read_bytes()
        + b'2019-01-20 10:00:00;"Leg";"Squat";1;abc;kg;5;;;;0;;\n'
    )
    path = tmp_path / "strong.csv"
    path.write_bytes(data)
    assert cli("import", str(path)) == 2
    assert "strong.csv:12: weight 'abc' is not a number" in capsys.readouterr().err
    assert not (data_dir / "log").exists()


def test_a_corrupt_month_in_the_way_stops_the_whole_import(cli, data_dir, capsys):
    bad = data_dir / "log" / "2025" / "2025-09.toml"
    bad.parent.mkdir(parents=True)
    bad.write_text("schema = 1\nlegs = [\n")
    assert cli("import", str(fixture("hevy_kg.csv"))) == 1
    assert "2025-09.toml" in capsys.readouterr().err
    assert bad.read_text() == "schema = 1\nlegs = [\n"
    assert [p.name for p in (data_dir / "log").rglob("*.toml")] == ["2025-09.toml"]


def test_unknown_format_option_is_refused(cli, capsys):
    assert cli("import", str(fixture("hevy_kg.csv")), "--format", "excel") == 2
    assert "format 'excel' unknown; accepted: strong, hevy, fitnotes, fit, json" in capsys.readouterr().err


def test_a_missing_file_is_one_line(cli, capsys):
    assert cli("import", "/nonexistent/strong.csv") == 2
    assert "no such file" in capsys.readouterr().err


def _everything(data_dir):
    store = Store(data_dir)
    day = dt.date(2026, 11, 16)
    from legday.core.model import Exercise, Profile

    store.save_profile(
        Profile(units="lb", leg_days=(1, 4), leg_time=dt.time(6, 30), modalities=("bike", "walk", "row"))
    )
    store.add_many(
        [
            LegSession(
                day,
                dt.time(18, 0),
                60,
                8,
                (
                    Exercise("back squat", 5, 5, 100.0, "kg"),
                    Exercise("box jump", 4, 5),
                    Exercise("odd, name", 3, 8, 20.5, "lb"),
                ),
            ),
            LegSession(day.replace(month=1), dt.time(7, 5, 30), 45, 6, ()),
            CardioSession(day + dt.timedelta(days=1), "bike", 30, 3, dt.time(7, 0)),
            CardioSession(day + dt.timedelta(days=2), "aqua jogging", 25, 4, None),
            CheckIn(day + dt.timedelta(days=1), 6, 7.5, True, (("quads", 7), ("glutes", 5))),
            CheckIn(day + dt.timedelta(days=2), 2),
            Skip(day + dt.timedelta(days=3), "run"),
        ]
    )


def test_export_json_then_import_into_an_empty_folder_gives_back_the_same_log(
    cli, data_dir, tmp_path, capsys
):
    _everything(data_dir)
    backup = tmp_path / "backup.json"
    assert cli("export", "json", "-o", str(backup)) == 0
    fresh = tmp_path / "fresh"
    assert cli("import", str(backup), data=fresh) == 0
    out = capsys.readouterr().out
    assert "7 records added" in out and "profile restored" in out
    assert sorted(map(repr, all_records(fresh))) == sorted(map(repr, all_records(data_dir)))
    assert Store(fresh).profile() == Store(data_dir).profile()
    # and once more: nothing new
    assert cli("import", str(backup), data=fresh) == 0
    assert "0 records added, 7 already there" in capsys.readouterr().out


def test_export_csv_has_one_row_per_record(cli, data_dir, capsys):
    _everything(data_dir)
    assert cli("export", "csv") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "kind,date,start,modality,minutes,effort,exercises,soreness,sleep_hours,pain,regions"
    assert len(lines) == 1 + 7
    assert (
        'legs,2026-11-16,18:00,,60,8,"back squat 5x5@100kg; box jump 4x5; odd, name 3x8@20.5lb",,,,' in lines
    )
    assert "checkin,2026-11-17,,,,,,6,7.5,yes,quads 7; glutes 5" in lines


def test_export_options_for_the_calendar_only(cli, capsys):
    assert cli("export", "json", "--weeks", "3") == 2
    assert "--date and --weeks are for the calendar" in capsys.readouterr().err
    assert cli("export", "pdf") == 2
    assert "accepted: ics, json, csv" in capsys.readouterr().err


def test_a_fit_file_without_the_extra_says_how_to_get_it(cli, tmp_path, capsys, monkeypatch):
    import sys

    from .fitfile import cardio_activity

    monkeypatch.setitem(sys.modules, "fitdecode", None)  # as if legday[fit] were not installed
    path = tmp_path / "run.fit"
    path.write_bytes(cardio_activity(dt.datetime(2026, 3, 3, 6, 30, tzinfo=dt.UTC), sport=1, minutes=30))
    assert cli("import", str(path)) == 2
    assert (
        "reading FIT files needs the fit extra; accepted: pip install 'legday[fit]'"
        in capsys.readouterr().err
    )


def test_one_undo_takes_a_whole_import_back(cli, data_dir):
    assert cli("sore", "4", "--date", "2025-09-08") == 0
    before = all_records(data_dir)
    assert cli("import", str(fixture("hevy_kg.csv"))) == 0
    assert len(all_records(data_dir)) == len(before) + 3
    store = Store(data_dir)
    assert store.undo() == "imported hevy_kg.csv (3 entries)"
    assert all_records(data_dir) == before


def test_a_restored_backup_is_one_undo_step_records_and_profile_together(cli, data_dir, tmp_path, capsys):
    """A backup carries the profile; restoring it on a new machine and then `legday undo` leaves the
    folder as it was before: no records and no profile (one step, not two)."""
    _everything(data_dir)
    backup = tmp_path / "backup.json"
    assert cli("export", "json", "-o", str(backup)) == 0
    fresh = tmp_path / "fresh"
    assert cli("import", str(backup), data=fresh) == 0
    assert Store(fresh).profile() is not None and all_records(fresh)
    capsys.readouterr()
    assert cli("undo", data=fresh) == 0
    assert capsys.readouterr().out.startswith("undid: imported backup.json (7 entries)")
    assert Store(fresh).profile() is None and all_records(fresh) == []
    assert cli("undo", data=fresh) == 1  # nothing else was recorded
