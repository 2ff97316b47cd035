"""Hostile input (issue 16): what used to end in a traceback, a wrong number or a terminal taken over.

- Extreme dates, arguments that are not UTF-8, very long host names, an empty ``--data-dir``: one line,
  exit 2, nothing written.
- Digits are ASCII digits: ``1_0``, fullwidth and Arabic-Indic digits are refused.
- Names are text: control characters (C0, ESC, DEL, C1), bidi overrides and line separators are
  refused by the model's constructors, so the command line, the app and every import get the same
  check; where a name is printed it is escaped anyway, and an error echoing one never carries it raw.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import subprocess
import sys

import pytest

from legday.cli import run
from legday.core.errors import InputError
from legday.core.model import CardioSession, Exercise, LegSession, Skip
from legday.core.names import MAX_NAME, check_name, escaped
from legday.core.parse import LAST_DAY, parse_date, parse_float, parse_int, parse_time

from .conftest import NOW, one_line_error, snapshot

RAW_CONTROL = ("\x1b", "\x07", "\x9b", "\u202e", "\u2028")


@pytest.fixture
def lived_in(cli, data_dir, capsys):
    assert cli("profile", "--goal", "strength", "--leg-days", "mon,thu") == 0
    assert (
        cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--date", "2026-11-16") == 0
    )
    capsys.readouterr()
    return data_dir


BAD = {
    "plan at the end of the calendar": ("plan", "--date", "9999-12-31"),
    "plan at its start": ("plan", "--date", "0001-01-01"),
    "trends at the end": ("trends", "--date", "9999-12-31"),
    "log back to year 1": ("log", "--to", "0001-01-05"),
    "export ics at the end": ("export", "ics", "--date", "9999-12-28"),
    "an event in year 9999": ("profile", "--event-date", "9999-12-31"),
    "a week date": ("plan", "--date", "2026-W47-4"),
    "a date without dashes": ("plan", "--date", "20261119"),
    "underscore digits": ("sore", "1_0"),
    "fullwidth digits": ("sore", "１０"),
    "Arabic-Indic digits": ("sore", "١٠"),
    "underscore minutes": ("cardio", "run", "--minutes", "1_0", "--effort", "3"),
    "exponent sleep": ("sore", "4", "--sleep", "1e1"),
    "fullwidth time": ("cardio", "run", "--minutes", "20", "--effort", "3", "--time", "１８:００"),
    "fullwidth sets": ("legs", "squat ５x5", "--effort", "8", "--minutes", "60"),
    "a 5000-digit number": ("sore", "9" * 5000),
    "escape code in an exercise": ("legs", "squat\x1b]0;pwned\x07 5x5", "--effort", "8", "--minutes", "60"),
    "CSI in a modality": ("cardio", "run\x1b[2J", "--minutes", "20", "--effort", "3"),
    "C1 in a modality": ("cardio", "run\x9b2J", "--minutes", "20", "--effort", "3"),
    "bidi override in a modality": ("cardio", "\u202erun", "--minutes", "20", "--effort", "3"),
    "DEL in an exercise": ("legs", "squat\x7f 5x5", "--effort", "8", "--minutes", "60"),
    "a 101-character exercise": ("legs", "a" * (MAX_NAME + 1) + " 5x5", "--effort", "8", "--minutes", "60"),
    "escape code in an edit": ("edit", "ID", "--modality", "bike\x1b[31m"),
    "not UTF-8": ("sore", "\udcff\udcfe"),
    "a NUL character": ("sore", "3\x00"),
    "an empty data dir": ("--data-dir", "", "sore", "3"),
    "a blank data dir": ("--data-dir", "  ", "plan"),
    "a 300-character host": ("serve", "--host", "a" * 300),
    "a host with a space": ("serve", "--host", "my host"),
    "a host with an escape code": ("serve", "--host", "\x1b]0;x\x07"),
    "tabs out of range": ("serve", "--max-tabs", "100"),
}


@pytest.mark.parametrize("args", BAD.values(), ids=BAD.keys())
def test_bad_input_is_one_line_exit_2_and_writes_nothing(lived_in, cli, capsys, args):
    if "ID" in args:  # the id of the cardio session logged here
        assert cli("cardio", "run", "--minutes", "30", "--effort", "3", "--date", "2026-11-17") == 0
        assert cli("log", "--from", "2026-11-17") == 0
        record_id = capsys.readouterr().out.split()[0]
        args = tuple(record_id if a == "ID" else a for a in args)
    before = snapshot(lived_in)
    assert cli(*args) == 2
    out, err = capsys.readouterr()
    line = one_line_error(err)
    assert "; accepted: " in line
    assert not any(c in line for c in RAW_CONTROL)
    assert out == ""
    assert snapshot(lived_in) == before


def test_the_last_days_accepted_plan_and_the_first_refused_one_names_the_range(lived_in, cli, capsys):
    assert cli("plan", "--date", LAST_DAY.isoformat(), "--json") == 0
    assert cli("trends", "--date", "1900-01-01", "--weeks", "52", "--json") == 0
    capsys.readouterr()
    assert cli("plan", "--date", (LAST_DAY + dt.timedelta(days=1)).isoformat()) == 2
    assert "out of range; accepted: a date from 1900-01-01 to 2199-12-31" in capsys.readouterr().err


def test_an_empty_data_dir_never_means_the_usual_folder(tmp_path, capsys):
    """``--data-dir ''`` (an unset shell variable) is refused before anything is opened: the usual
    folder (here a temp XDG folder) is not created."""
    usual = tmp_path / "xdg-data"
    assert run(["--data-dir", "", "sore", "3"], now=NOW) == 2
    assert "--data-dir is empty" in one_line_error(capsys.readouterr().err)
    assert run(["sore", "3", "--data-dir", ""], now=NOW) == 2
    capsys.readouterr()
    assert not usual.exists()


def test_not_utf8_from_a_real_shell_is_one_line(tmp_path):
    """Bytes that are not UTF-8, as a shell passes them: named by position, shown as bytes."""
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path / "x"), XDG_CONFIG_HOME=str(tmp_path / "c"))
    done = subprocess.run(
        [sys.executable, "-m", "legday", "--data-dir", str(tmp_path / "d").encode(), "sore", b"\xff\xfe"],
        capture_output=True,
        env=env,
    )
    assert done.returncode == 2
    [line] = done.stderr.decode().splitlines()
    assert line == r"legday: error: argument 4 (b'\xff\xfe') is not UTF-8 text; accepted: UTF-8 text"
    assert not (tmp_path / "d").exists()


# -- names -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "char",
    [
        "\x00",
        "\x1b",
        "\x07",
        "\t",
        "\n",
        "\x7f",
        "\x85",
        "\x9b",
        "\u202e",
        "\u2066",
        "\u200f",
        "\u2028",
        "\udcff",
    ],
)
def test_every_door_refuses_a_control_character_in_a_name(char):
    """The constructors are the one check: the command line, the app's forms, storage and every
    import build records through them."""
    name = f"back{char}squat"
    for make in (
        lambda: Exercise(name, 5, 5, 100.0),
        lambda: CardioSession(dt.date(2026, 11, 17), name, 30, 3),
        lambda: Skip(dt.date(2026, 11, 17), name),
    ):
        with pytest.raises(InputError) as refused:
            make()
        message = str(refused.value)
        assert "control character" in message and "accepted: letters, digits" in message
        assert char not in message  # the message shows it escaped, never raw


def test_names_may_be_any_printable_text_up_to_the_limit():
    for name in (
        "Squat (Barbell)",
        "sentadilla búlgara",
        "スクワット",
        "Kettlebell 20’’/20’’",
        "a" * MAX_NAME,
    ):
        assert Exercise(name, 5, 5).name == name
        assert CardioSession(dt.date(2026, 11, 17), name, 30, 3).modality == name
    with pytest.raises(InputError, match=f"{MAX_NAME + 1} characters long"):
        check_name("a" * (MAX_NAME + 1), "exercise name")


def test_escaped_shows_what_a_name_holds():
    assert escaped("plain run") == "plain run"
    assert escaped("run\x1b[2J\u202e\x9b") == "run\\x1b[2J\\u202e\\x9b"
    assert escaped("ok\udcff") == "ok\\udcff"


def test_a_month_file_holding_an_escape_code_is_one_line_naming_it_escaped(lived_in, cli, capsys):
    """A name written into a file by hand (or by an older legday): the file is refused as any file
    legday cannot use (exit 1, file and line), and the line shows the code, it does not send it."""
    [month] = [p for p in lived_in.rglob("*.toml") if "back squat" in p.read_text() and "undo" not in p.parts]
    month.write_text(month.read_text().replace("back squat", "back\\u001b]0;pwned\\u0007 squat"))
    before = snapshot(lived_in)
    assert cli("log", "--from", "2026-11-01") == 1
    out, err = capsys.readouterr()
    line = one_line_error(err)
    assert f"{month}:" in line and "back\\x1b]0;pwned\\x07 squat" in line
    assert not any(c in out + err for c in RAW_CONTROL)
    assert snapshot(lived_in) == before


def test_log_and_the_logged_echo_print_names_escaped(lived_in, cli, capsys, monkeypatch):
    """Should a name with a control code ever get past the constructors (say a future import that
    builds records another way), ``legday log`` and the ``logged ...`` echo still print it escaped.
    The check is switched off here to make such a record."""
    import legday.core.model as model

    monkeypatch.setattr(model, "check_name", lambda text, what: None)
    assert (
        cli("cardio", "run\x1b]0;pwned\x07", "--minutes", "20", "--effort", "3", "--date", "2026-11-18") == 0
    )
    assert cli("legs", "squat\x1b[2J 5x5", "--effort", "7", "--minutes", "50", "--date", "2026-11-19") == 0
    assert cli("log", "--from", "2026-11-16") == 0
    out = capsys.readouterr().out
    assert "logged cardio 2026-11-18: run\\x1b]0;pwned\\x07 20 min" in out
    assert "squat\\x1b[2j 5x5" in out  # exercise names are kept lower case
    assert "\x1b" not in out and "\x07" not in out
    assert len([line for line in out.splitlines() if "\\x1b" in line]) == 4  # two echoes, two log lines


# -- the core parsers --------------------------------------------------------------------------------


def test_ascii_digits_only():
    assert parse_int(" 7 ", 0, 10, "effort") == 7 and parse_int("+3", 0, 10, "effort") == 3
    assert parse_float("7,5", 0, 24, "sleep") == 7.5 and parse_float(".5", 0, 24, "sleep") == 0.5
    assert parse_time("06:30") == dt.time(6, 30) and parse_date(" 2026-11-19 ") == dt.date(2026, 11, 19)
    for text in ("1_0", "１０", "١٠", "٣", "1e1", "0x1", "nan", "inf", "", " ", "½"):
        with pytest.raises(InputError):
            parse_int(text, 0, 10, "effort")
        with pytest.raises(InputError):
            parse_float(text, 0, 24, "sleep")
    for text in ("１２:００", "٠٦:٣٠", "6:3"):
        with pytest.raises(InputError):
            parse_time(text)
    for text in ("２０２６-１１-１９", "2026-11-19T00:00", "+2026-11-19", "2026-11-31"):
        with pytest.raises(InputError):
            parse_date(text)


def test_a_leg_session_keeps_its_exercises_through_the_check():
    """The name check changes nothing for a good record: built, compared and replaced as before."""
    session = LegSession(dt.date(2026, 11, 16), dt.time(18), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
    assert dataclasses.replace(session, effort=7).exercises == session.exercises
