"""Files a person names (export ``-o``, the calendar file, settings.toml) are written *into*: a link
is followed and stays a link; folders, devices and pipes are refused; nothing lands inside legday's
own data or config folder; ``-`` is the standard output. Every refusal is one line, an InputError
(exit 2 on the command line), and writes nothing."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from legday.core.errors import InputError
from legday.storage import Refused, StorageError
from legday.storage.files import read_bytes, write_into

DATA = b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def refused(target, keep_out=None) -> str:
    with pytest.raises(Refused) as raised:
        write_into(target, DATA, keep_out)
    message = str(raised.value)
    assert isinstance(raised.value, InputError) and isinstance(raised.value, StorageError)
    assert "\n" not in message and "accepted:" in message
    return message


def test_a_link_is_written_through_and_stays_a_link(tmp_path):
    synced = tmp_path / "Sync" / "legday.ics"
    synced.parent.mkdir()
    synced.write_bytes(b"old")
    link = tmp_path / "legday.ics"
    link.symlink_to(synced)
    write_into(link, DATA)
    assert link.is_symlink() and os.readlink(link) == str(synced)
    assert synced.read_bytes() == DATA


def test_a_link_to_nothing_yet_creates_its_target(tmp_path):
    link = tmp_path / "plan.ics"
    link.symlink_to(tmp_path / "target.ics")
    write_into(link, DATA)
    assert link.is_symlink() and (tmp_path / "target.ics").read_bytes() == DATA


def test_the_file_keeps_its_permissions(tmp_path):
    target = tmp_path / "plan.ics"
    target.write_bytes(b"old")
    target.chmod(0o644)
    write_into(target, DATA)
    assert stat.S_IMODE(target.stat().st_mode) == 0o644 and target.read_bytes() == DATA


def test_a_folder_is_refused(tmp_path):
    assert "is a folder" in refused(tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_pipe_is_refused_without_waiting(tmp_path):
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert "not a regular file" in refused(pipe)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)  # still the pipe, not replaced


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null here")
def test_a_device_is_refused_and_not_replaced(tmp_path):
    assert "not a regular file" in refused("/dev/null")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    link = tmp_path / "out.csv"
    link.symlink_to("/dev/null")  # through a link too
    assert "not a regular file" in refused(link)


def test_nothing_lands_in_legdays_own_folders(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    data.mkdir()
    config.mkdir()
    (data / "profile.toml").write_bytes(b"schema = 1\n")
    keep_out = {"data": data, "config": config}
    assert "inside legday's data folder" in refused(data / "profile.toml", keep_out)
    assert "inside legday's data folder" in refused(data / "log" / "new.csv", keep_out)
    assert "inside legday's data folder" in refused(data, keep_out)
    assert "inside legday's config folder" in refused(config / "settings.toml", keep_out)
    # A link pointing in, or a path that only reaches in through "..", is caught by where it lands.
    link = tmp_path / "export.csv"
    link.symlink_to(data / "profile.toml")
    assert "inside legday's data folder" in refused(link, keep_out)
    assert "inside legday's data folder" in refused(tmp_path / "x" / ".." / "data" / "p.csv", keep_out)
    assert (data / "profile.toml").read_bytes() == b"schema = 1\n"
    assert sorted(p.name for p in data.rglob("*")) == ["profile.toml"]
    # Beside them is fine.
    write_into(tmp_path / "export.csv.real", DATA, keep_out)


def test_a_dash_is_the_standard_output(tmp_path, capsysbinary, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_into("-", DATA, {"data": tmp_path})
    assert capsysbinary.readouterr().out == DATA
    assert list(tmp_path.iterdir()) == []  # no file called "-"


def test_an_empty_path_is_refused():
    assert "no file given" in refused("")


def test_reading_a_pipe_does_not_wait(tmp_path):
    pipe = tmp_path / "2026-11.toml"
    os.mkfifo(pipe)
    with pytest.raises(StorageError, match="not a regular file"):
        read_bytes(pipe)


# -- the command line: exit 2, one line, nothing written ------------------------------------------------


def test_export_into_the_data_folder_or_a_device_is_exit_2(tmp_path, capsys):
    from legday.cli import run

    data = tmp_path / "data"
    assert run(["--data-dir", str(data), "cardio", "run", "--minutes", "30", "--effort", "4"]) == 0
    profile_before = sorted((p, p.read_bytes()) for p in data.rglob("*") if p.is_file() and p.name != ".lock")
    for target in (data / "profile.toml", data / "log", tmp_path):
        capsys.readouterr()
        assert run(["--data-dir", str(data), "export", "csv", "-o", str(target)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and err.startswith("legday: error:"), err
    after = sorted((p, p.read_bytes()) for p in data.rglob("*") if p.is_file() and p.name != ".lock")
    assert after == profile_before
    assert run(["--data-dir", str(data), "export", "csv", "-o", "-"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("kind,date,") and "exported" not in out
