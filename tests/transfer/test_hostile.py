"""Hostile paths and files: anything but a regular file of bounded size is one line (exit 2); reading
stops at a row limit; JSON with a huge number, deep nesting, a time-zone offset or "pain": "no" is
one line, never a traceback; names from a file are checked; the CSV export runs no formulas; a
slow import shows its progress on a terminal."""

from __future__ import annotations

import io
import json
import os

import pytest

from legday.core.model import CardioSession, CheckIn, LegSession
from legday.transfer import FileFormatError, read, source
from legday.transfer import reading as reading_module

from .conftest import fixture, snapshot


def one_line_error(cli, capsys, *args) -> str:
    assert cli(*args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("legday: error: "), err
    return err


# -- what can be imported ---------------------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_is_refused_at_once_not_waited_on(cli, tmp_path, capsys, data_dir):
    pipe = tmp_path / "strong.csv"
    os.mkfifo(pipe)
    err = one_line_error(cli, capsys, "import", str(pipe))
    assert "strong.csv is a named pipe, not a file; accepted: the path of an exported file" in err
    assert snapshot(data_dir) == {}


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero here")
def test_a_device_is_refused(cli, capsys):
    err = one_line_error(cli, capsys, "import", "/dev/zero")
    assert "/dev/zero is a device, not a file" in err


def test_a_folder_is_refused(cli, tmp_path, capsys):
    err = one_line_error(cli, capsys, "import", str(tmp_path))
    assert "is a folder" in err


def test_a_symlink_to_an_export_is_read_through(cli, tmp_path, capsys, data_dir):
    link = tmp_path / "latest.csv"
    link.symlink_to(fixture("hevy_kg.csv"))
    assert cli("import", str(link)) == 0
    assert "imported latest.csv: 3 sessions added" in capsys.readouterr().out


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(cli, tmp_path, capsys, monkeypatch):
    big = tmp_path / "big.csv"
    with big.open("wb") as f:
        f.truncate(3 * 1024 * 1024 // 2)  # 1.5 MB, sparse: nothing is actually written
    monkeypatch.setattr(source, "MAX_BYTES", 1024 * 1024)
    err = one_line_error(cli, capsys, "import", str(big))
    assert "big.csv is 1.5 MB, more than any real export; accepted: a file of at most 1 MB" in err


def test_the_size_limit_is_fifty_megabytes():
    assert source.MAX_BYTES == 50 * 1024 * 1024
    assert reading_module.MAX_ROWS == 500_000


def test_reading_stops_at_the_row_limit():
    from legday.transfer import strong, text
    from legday.transfer.reading import Reading

    content = text.decode(fixture("strong_semicolon.csv").read_bytes(), "strong.csv")
    with pytest.raises(
        FileFormatError, match=r"strong\.csv: more than 5 rows, more than any real export holds"
    ):
        strong.read(content, Reading("strong.csv", max_rows=5))


def test_a_cancelled_read_stops_and_says_so():
    from legday.transfer import Cancelled

    rows = fixture("strong_semicolon.csv").read_bytes().splitlines()
    big = b"\n".join([rows[0], *rows[1:] * 200]) + b"\n"
    seen: list[int] = []
    with pytest.raises(Cancelled):
        read(big, "strong.csv", progress=seen.append, cancelled=lambda: len(seen) >= 2)
    assert seen == [500, 1000]


# -- JSON -------------------------------------------------------------------------------------------

GOOD = {
    "legday_export": 1,
    "profile": None,
    "records": [
        {
            "kind": "cardio",
            "date": "2026-11-17",
            "start": "07:00",
            "modality": "bike",
            "minutes": 30,
            "effort": 3,
        },
        {"kind": "checkin", "date": "2026-11-17", "soreness": 6, "sleep_hours": 7.5, "pain": False},
    ],
}


def with_record(**changes) -> bytes:
    data = json.loads(json.dumps(GOOD))
    data["records"][0].update(changes)
    return json.dumps(data, indent=1).encode()


@pytest.mark.parametrize(
    "case, data, expected",
    [
        (
            "huge number",
            b'{"legday_export": 1, "records": [{"minutes": ' + b"9" * 5000 + b"}]}",
            "not valid JSON",
        ),
        (
            "deep nesting",
            b'{"legday_export": 1, "records": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
            "nested too deeply",
        ),
        ("time zone", with_record(start="07:00+02:00"), "start '07:00+02:00' has a time-zone offset"),
        (
            "pain as a word",
            with_record(kind="checkin", soreness=3, pain="no"),
            "pain 'no' is not true or false",
        ),
        ("a date far away", with_record(date="9999-12-31"), "the date 9999-12-31 is out of range"),
        ("a float for a count", with_record(minutes=30.0), "minutes 30.0 is not a whole number"),
        (
            "a huge load",
            with_record(kind="legs", exercises=[{"name": "squat", "sets": 1, "reps": 1, "load": 10**400}]),
            "load",
        ),
        (
            "a modality with escape codes",
            with_record(modality="bike\x1b[2J"),
            "modality 'bike\\x1b[2J' holds control characters",
        ),
        ("a long modality", with_record(modality="b" * 41), "longer than 40 characters"),
        ("a newer version", b'{"legday_export": 2, "records": []}', "upgrade legday to read it"),
        ("not an object", with_record(regions=[1, 2], kind="checkin", soreness=1), "regions"),
    ],
)
def test_hostile_json_is_one_line_and_writes_nothing(cli, tmp_path, capsys, data_dir, case, data, expected):
    path = tmp_path / "backup.json"
    path.write_bytes(data)
    err = one_line_error(cli, capsys, "import", str(path))
    assert expected in err, err
    assert "Traceback" not in err
    assert snapshot(data_dir) == {}


def test_the_good_records_of_a_json_file_with_a_bad_one_import_with_skip_bad_rows():
    data = json.loads(json.dumps(GOOD))
    data["records"].insert(0, {"kind": "checkin", "date": "2026-11-16", "soreness": 2, "pain": "no"})
    parsed = read(json.dumps(data, indent=1).encode(), "backup.json", skip_bad_rows=True)
    assert [type(r) for r in parsed.records] == [CardioSession, CheckIn]
    assert [(b.line, b.why) for b in parsed.bad_rows] == [
        (6, "record 1: pain 'no' is not true or false; accepted: true, false")
    ]


# -- the CSV export ---------------------------------------------------------------------------------


def test_the_csv_export_makes_formula_cells_inert(cli, data_dir, tmp_path, capsys):
    import datetime as dt

    from legday.core.model import Exercise
    from legday.storage import Store

    Store(data_dir).add_many(
        [
            LegSession(
                dt.date(2026, 11, 16),
                dt.time(18, 0),
                60,
                8,
                (Exercise('=HYPERLINK("http://x","y")', 1, 5), Exercise("back squat", 1, 5)),
            ),
            CardioSession(dt.date(2026, 11, 17), "+cmd|' /C calc'!A0", 30, 3),
            CardioSession(dt.date(2026, 11, 18), "@SUM(1+1)", 30, 3),
            CardioSession(dt.date(2026, 11, 19), "-2+3", 30, 3),
            # A name cannot start with a tab or a carriage return: the model refuses control
            # characters (legday/core/names.py).
        ]
    )
    capsys.readouterr()
    assert cli("export", "csv") == 0
    out = capsys.readouterr().out
    import csv

    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["exercises"] for r in rows if r["kind"] == "legs"] == [
        '\'=HYPERLINK("http://x","y") 1x5; back squat 1x5'
    ]
    assert [r["modality"] for r in rows if r["kind"] == "cardio"] == [
        "'+cmd|' /C calc'!A0",
        "'@SUM(1+1)",
        "'-2+3",
    ]
    for row in rows:
        for value in row.values():
            assert not value or value[0] not in "=+-@\t\r", row


# -- progress on the terminal -----------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_shows_rows_read_only_after_a_second_and_is_wiped_at_the_end():
    from legday.cli.transfer import Progress

    now = [0.0]
    out = Terminal()
    progress = Progress("strong.csv", out, clock=lambda: now[0])
    progress(500)
    assert out.getvalue() == ""  # under a second: nothing
    now[0] = 1.2
    progress(12_000)
    assert out.getvalue() == "\rreading strong.csv: 12,000 rows"
    progress(13_000)
    assert out.getvalue().endswith("\rreading strong.csv: 13,000 rows")
    progress.done()
    assert out.getvalue().endswith("\r" + " " * len("reading strong.csv: 13,000 rows") + "\r")


def test_progress_is_silent_when_stderr_is_not_a_terminal():
    from legday.cli.transfer import Progress

    out = io.StringIO()
    progress = Progress("strong.csv", out, clock=iter([0.0, 5.0, 9.0]).__next__)
    progress(12_000)
    progress.done()
    assert out.getvalue() == ""


def test_the_command_line_import_hands_its_progress_to_the_reading(cli, monkeypatch, tmp_path):
    """What `legday import` passes down is called with the rows read (every 500)."""
    from legday.cli import transfer as cli_transfer

    heard: list[int] = []

    class Recording(cli_transfer.Progress):
        def __call__(self, rows: int) -> None:
            heard.append(rows)

    monkeypatch.setattr(cli_transfer, "Progress", Recording)
    rows = fixture("strong_semicolon.csv").read_bytes().splitlines()
    path = tmp_path / "strong.csv"
    path.write_bytes(b"\n".join([rows[0], *rows[1:] * 60]) + b"\n")
    assert cli("import", str(path), "--dry-run") == 0
    assert heard == [500, 600]
