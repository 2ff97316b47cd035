"""``legday doctor``: conflict copies and unreadable files listed, with what a merge would do; ``--merge``
merges; ``--json`` for scripts; exit 0 when nothing is left to look after, 1 when something is, 2 for
bad arguments. Any other command merges copies as it opens the folder and says so on stderr."""

from __future__ import annotations

import datetime as dt
import json
import shutil

from legday.core.model import CardioSession
from legday.journal import journal_at
from tests.cli.conftest import NOW, snapshot

COPY = "log/2026/2026-11.sync-conflict-20261119-070000-ABCDEFG.toml"


def with_copy(cli, data_dir, tmp_path) -> None:
    """A run logged here; a bike logged on another machine (its steps synced), left as a copy."""
    assert cli("cardio", "run", "--minutes", "30", "--effort", "5", "--date", "2026-11-17") == 0
    there = tmp_path / "there"
    shutil.copytree(data_dir, there)
    other = journal_at(there, tmp_path / "there-config", lambda: NOW, machine="bbbb2222")
    other.log(CardioSession(dt.date(2026, 11, 18), "bike", 45, 3))
    for step in (there / "undo").glob("*-bbbb2222.toml"):
        shutil.copy(step, data_dir / "undo" / step.name)
    (data_dir / COPY).write_bytes((there / "log/2026/2026-11.toml").read_bytes())


def test_doctor_lists_a_copy_and_what_a_merge_would_do_and_changes_nothing(cli, data_dir, tmp_path, capsys):
    with_copy(cli, data_dir, tmp_path)
    capsys.readouterr()
    before = snapshot(data_dir)
    assert cli("doctor") == 1  # something to look after
    out = capsys.readouterr().out
    assert f"data folder: {data_dir}" in out
    assert "conflict copies: 1" in out and COPY in out
    assert "Syncthing's copy of log/2026/2026-11.toml, made 2026-11-19 07:00:00" in out
    assert "a merge would bring in: 1 cardio session added" in out
    assert "unreadable files: none" in out and "legday doctor --merge" in out
    assert {k: v for k, v in snapshot(data_dir).items() if k != ".lock"} == {
        k: v for k, v in before.items() if k != ".lock"
    }


def test_doctor_merge_merges_as_one_undo_step(cli, data_dir, tmp_path, capsys):
    with_copy(cli, data_dir, tmp_path)
    capsys.readouterr()
    assert cli("doctor", "--merge") == 0
    out = capsys.readouterr().out
    assert "merged: 1 cardio session added" in out and "merged-copies/" in out
    assert not (data_dir / COPY).exists() and (data_dir / "merged-copies" / COPY).exists()
    assert cli("log", "--from", "2026-11-01") == 0
    listed = capsys.readouterr().out
    assert "run · 30 min" in listed and "bike · 45 min" in listed
    assert cli("undo") == 0
    assert capsys.readouterr().out == "undid: merged a copy from another device: 1 cardio session added\n"
    assert cli("doctor") == 0
    assert "conflict copies: none" in capsys.readouterr().out


def test_doctor_json(cli, data_dir, tmp_path, capsys):
    with_copy(cli, data_dir, tmp_path)
    (data_dir / "log/2026/2026-10.toml").write_text("schema = 1\ncardio = [\n")
    capsys.readouterr()
    assert cli("doctor", "--json") == 1
    report = json.loads(capsys.readouterr().out)
    assert report["healthy"] is False and report["data_dir"] == str(data_dir)
    [copy] = report["copies"]
    assert copy == {
        "path": str(data_dir / COPY),
        "belongs_to": str(data_dir / "log/2026/2026-11.toml"),
        "tool": "Syncthing",
        "made": "2026-11-19 07:00:00",
        "state": "would merge",
        "summary": "1 cardio session added",
        "conflicts": [],
        "note": "",
    }
    [problem] = report["unreadable"]
    assert "2026-10.toml" in problem and "not valid TOML" in problem


def test_a_healthy_folder(cli, capsys):
    assert cli("cardio", "run", "--minutes", "30", "--effort", "5") == 0
    capsys.readouterr()
    assert cli("doctor") == 0
    assert capsys.readouterr().out.splitlines()[1:] == ["conflict copies: none", "unreadable files: none"]


def test_doctor_bad_arguments_exit_2(cli, capsys):
    assert cli("doctor", "--merg") == 2
    err = capsys.readouterr().err
    assert err.startswith("legday: error:") and "legday doctor [--merge] [--json]" in err


def test_any_command_merges_a_copy_as_it_opens_and_says_so_on_stderr(cli, data_dir, tmp_path, capsys):
    with_copy(cli, data_dir, tmp_path)
    capsys.readouterr()
    assert cli("log", "--from", "2026-11-01", "--json") == 0
    captured = capsys.readouterr()
    assert captured.err == "legday: note: Merged a copy from another device: 1 cardio session added.\n"
    assert len(json.loads(captured.out)["records"]) == 2  # stdout stays JSON
    assert not (data_dir / COPY).exists()
