"""Bad input: exit 2, one line on stderr saying what is wrong and what is accepted, no traceback, and
not one byte of the data directory changed. Trouble with the files: exit 1, one line naming the file."""

from __future__ import annotations

import re

import pytest

from legday.cli import run

from .conftest import NOW, one_line_error, snapshot

LEGS = ("legs", "back squat 5x5@100kg")
BAD_INPUT = {
    "soreness 11": (("sore", "11"), "soreness 11 is out of range; accepted: 0 to 10"),
    "soreness negative": (("sore", "-1"), "accepted: 0 to 10"),
    "soreness word": (("sore", "very"), "not a whole number; accepted: 0 to 10"),
    "effort 12": (
        (*LEGS, "--effort", "12", "--minutes", "60"),
        "effort 12 is out of range; accepted: 0 to 10",
    ),
    "exercise without reps": (
        ("legs", "squat 5x", "--effort", "8", "--minutes", "60"),
        "cannot read exercise 'squat 5x'; accepted: NAME SETSxREPS",
    ),
    "exercise without sets": (("legs", "squat", "--effort", "8", "--minutes", "60"), "cannot read exercise"),
    "30 February": (
        (*LEGS, "--effort", "8", "--minutes", "60", "--date", "2026-02-30"),
        "not a date: '2026-02-30'; accepted: a real date as YYYY-MM-DD",
    ),
    "month 13": (("plan", "--date", "2026-13-01"), "accepted: a real date as YYYY-MM-DD"),
    "time 25:00": ((*LEGS, "--effort", "8", "--minutes", "60", "--time", "25:00"), "accepted: HH:MM"),
    "unknown goal": (
        ("profile", "--goal", "marathon"),
        "unknown goal 'marathon'; accepted: endurance, strength, power, hybrid, general",
    ),
    "unknown level": (("profile", "--level", "expert"), "accepted: beginner, intermediate, advanced"),
    "unknown leg day": (("profile", "--leg-days", "mon,funday"), "unknown day 'funday'; accepted: mon,"),
    "unknown units": (("profile", "--units", "stone"), "accepted: kg, lb"),
    "bad event date": (("profile", "--event-date", "soon"), "accepted: a real date"),
    "minutes abc": (
        ("cardio", "run", "--minutes", "abc", "--effort", "3"),
        "minutes 'abc' is not a whole number; accepted: 1 to 600",
    ),
    "minutes 0": (("cardio", "run", "--minutes", "0", "--effort", "3"), "accepted: 1 to 600"),
    "sleep 30": (("sore", "4", "--sleep", "30"), "sleep hours 30 is out of range; accepted: 0 to 24"),
    "legs without effort": (
        (*LEGS, "--minutes", "60"),
        "the following arguments are required: --effort; accepted: legday legs EXERCISE...",
    ),
    "legs without exercises": (
        ("legs", "--effort", "8", "--minutes", "60"),
        "required: EXERCISE; accepted: legday legs",
    ),
    "cardio without options": (("cardio", "run"), "required: --minutes, --effort; accepted: legday cardio"),
    "sore without level": (("sore",), "required: LEVEL; accepted: legday sore LEVEL"),
    "unknown option": (("plan", "--week"), "unrecognized arguments: --week; accepted: legday plan"),
    "option without value": (("sore", "3", "--sleep"), "expected one argument; accepted: legday sore"),
    "unknown command": (("squat",), "unknown command 'squat'; accepted: legs, cardio, sore, profile, plan"),
    "empty modality": (("cardio", " ", "--minutes", "20", "--effort", "3"), "modality is empty; accepted:"),
}


@pytest.fixture
def lived_in(cli, data_dir, capsys):
    """A data directory with a profile and some history, so there is something to damage."""
    assert cli("profile", "--goal", "strength", "--leg-days", "mon,thu") == 0
    assert (
        cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--date", "2026-11-16") == 0
    )
    assert cli("sore", "6", "--date", "2026-11-17") == 0
    capsys.readouterr()
    return data_dir


@pytest.mark.parametrize("args, expected", BAD_INPUT.values(), ids=BAD_INPUT.keys())
def test_bad_input_is_one_line_exit_2_and_touches_nothing(lived_in, cli, capsys, args, expected):
    before = snapshot(lived_in)
    assert cli(*args) == 2
    out, err = capsys.readouterr()
    line = one_line_error(err)
    assert expected in line
    assert "; accepted: " in line
    assert out == ""
    assert snapshot(lived_in) == before


@pytest.mark.parametrize(
    "args",
    [
        ("sore", "11"),
        ("profile", "--goal", "marathon"),
        ("legs", "squat 5x", "--effort", "8", "--minutes", "6"),
    ],
)
def test_bad_input_creates_no_data_directory(data_dir, cli, capsys, args):
    assert cli(*args) == 2
    assert not data_dir.exists()


def test_top_level_errors_are_one_line_too(capsys):
    assert run(["--data-dir"], now=NOW) == 2
    line = one_line_error(capsys.readouterr().err)
    assert "expected one argument" in line and "accepted: legday [--data-dir DIR]" in line


def test_help_and_version_exit_0(capsys):
    assert run(["--version"]) == 0
    assert re.fullmatch(r"legday \d+\.\d+\.\d+\S*\n", capsys.readouterr().out)
    assert run(["legs", "--help"]) == 0
    assert "EXERCISE" in capsys.readouterr().out


def _files(data_dir):
    return sorted(p for p in data_dir.rglob("*.toml"))


def _log_file(data_dir):
    """The file holding the logs (not the profile, not an undo step): the one that mentions the leg
    session."""
    [path] = [p for p in _files(data_dir) if "back squat" in p.read_text() and "undo" not in p.parts]
    return path


def test_corrupt_file_is_exit_1_naming_file_and_line(lived_in, cli, capsys):
    path = _log_file(lived_in)
    lines = path.read_text().splitlines()
    lines.insert(2, "this is = = not toml")
    path.write_text("\n".join(lines) + "\n")
    before = snapshot(lived_in)

    assert cli("legs", "lunge 3x10", "--effort", "5", "--minutes", "30", "--date", "2026-11-18") == 1
    line = one_line_error(capsys.readouterr().err)
    assert re.search(re.escape(str(path)) + r":3\b", line), line
    assert snapshot(lived_in) == before


def test_corrupt_profile_is_exit_1_for_profile_and_legs(lived_in, cli, capsys):
    path = lived_in / "profile.toml"
    path.write_text(path.read_text().replace("goal = ", "goal = = "))
    before = snapshot(lived_in)
    assert cli("profile", "--level", "advanced") == 1
    assert str(path) in one_line_error(capsys.readouterr().err)
    assert cli("legs", "lunge 3x10", "--effort", "5", "--minutes", "30") == 1
    assert str(path) in one_line_error(capsys.readouterr().err)
    assert snapshot(lived_in) == before


def test_newer_schema_is_exit_1_naming_the_file(lived_in, cli, capsys):
    path = _log_file(lived_in)
    text = path.read_text()
    assert re.search(r"^schema = \d+$", text, re.M)
    path.write_text(re.sub(r"^schema = \d+$", "schema = 999", text, flags=re.M))
    before = snapshot(lived_in)

    assert cli("sore", "2", "--date", "2026-11-18") == 1
    line = one_line_error(capsys.readouterr().err)
    assert str(path) in line and "newer" in line
    assert snapshot(lived_in) == before
