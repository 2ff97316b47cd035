"""Writes that fail — read-only folder, full disk, a failure midway — leave the old file exactly as it
was, no temp file behind, and a StorageError saying what is wrong and what to do."""

from __future__ import annotations

import datetime as dt
import errno
import os

import pytest

from legday.core.model import CardioSession, Profile
from legday.storage import Settings, StorageError, Store, files, save_settings

NOV = dt.date(2026, 11, 16)
RUN = CardioSession(NOV, "run", 30, 5)
BIKE = CardioSession(NOV, "bike", 20, 3)


def leftovers(root) -> list[str]:
    return [p.name for p in root.rglob("*") if p.name.endswith(".tmp")]


@pytest.fixture
def store_with_month(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    path = store.month_path(NOV.year, NOV.month)
    return store, path, path.read_bytes()


def fail_with(code: int):
    def fail(*args, **kwargs):
        raise OSError(code, os.strerror(code))

    return fail


@pytest.mark.parametrize(
    "step, code, words",
    [
        ("replace", errno.EIO, "cannot save"),
        ("replace", errno.EROFS, "read-only"),
        ("fsync", errno.EIO, "cannot save"),
        ("write", errno.ENOSPC, "disk is full"),
    ],
)
def test_failure_midway_keeps_old_file_and_leaves_no_temp(store_with_month, monkeypatch, step, code, words):
    store, path, before = store_with_month
    if step == "write":
        real_write = os.write

        def half_then_full(fd, data):
            # Half the bytes reach the temp file, then the disk is full: the classic torn write.
            if len(data) > 8:
                real_write(fd, bytes(data[: len(data) // 2]))
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        monkeypatch.setattr(files.os, "write", half_then_full)
    else:
        monkeypatch.setattr(files.os, step, fail_with(code))

    with pytest.raises(StorageError) as raised:
        store.add_cardio(BIKE)
    message = str(raised.value)
    assert words in message and str(path) in message and "Nothing was changed" in message
    assert "\n" not in message
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(store.data_dir) == []
    assert Store(store.data_dir).history(NOV, NOV).cardio == (RUN,)


def test_interrupt_midway_also_cleans_up(store_with_month, monkeypatch):
    """Not only OSError: Ctrl-C during the write leaves no temp file either."""
    store, path, before = store_with_month

    real_replace = os.replace

    def interrupted(src, dst, *args, **kwargs):
        # Only legday's own rename into the data folder: os.replace is the process's own, and the
        # test runner and hypothesis (same process) rename files of theirs meanwhile.
        if str(store.data_dir) in str(dst):
            raise KeyboardInterrupt
        return real_replace(src, dst, *args, **kwargs)

    monkeypatch.setattr(files.os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        store.add_cardio(BIKE)
    assert path.read_bytes() == before
    assert leftovers(store.data_dir) == []


def test_read_only_data_dir_simulated(store_with_month, monkeypatch):
    """Root ignores permissions, so a read-only folder is simulated: creating any file fails EROFS."""
    store, path, before = store_with_month
    real_open = os.open

    def read_only_open(file, flags, *args, **kwargs):
        if flags & os.O_CREAT:
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(file))
        return real_open(file, flags, *args, **kwargs)

    monkeypatch.setattr(files.os, "open", read_only_open)
    (store.data_dir / ".lock").unlink()  # so even taking the lock has to create a file
    with pytest.raises(StorageError) as raised:
        store.add_cardio(BIKE)
    assert "read-only" in str(raised.value)
    with pytest.raises(StorageError):
        store.save_profile(Profile())
    # Reading still works on a read-only disk.
    assert store.history(NOV, NOV).cardio == (RUN,)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not (store.data_dir / "profile.toml").exists()
    assert leftovers(store.data_dir) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root ignores file permissions")
def test_read_only_data_dir_for_real(store_with_month):
    store, path, before = store_with_month
    year_dir = path.parent
    os.chmod(year_dir, 0o555)
    try:
        with pytest.raises(StorageError) as raised:
            store.add_cardio(BIKE)
        assert "permission denied" in str(raised.value)
    finally:
        os.chmod(year_dir, 0o755)
    assert path.read_bytes() == before
    assert leftovers(store.data_dir) == []


def test_data_dir_under_a_file(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    store = Store(blocker / "legday")
    with pytest.raises(StorageError, match="not a folder"):
        store.profile()
    with pytest.raises(StorageError) as raised:
        store.add_cardio(RUN)
    assert "not a folder" in str(raised.value)
    with pytest.raises(StorageError):
        save_settings(blocker / "config", Settings())
    assert blocker.read_text() == "x"


def test_settings_write_failure_keeps_old_file(tmp_path, monkeypatch):
    save_settings(tmp_path, Settings(theme="legday-light"))
    before = (tmp_path / "settings.toml").read_bytes()
    monkeypatch.setattr(files.os, "replace", fail_with(errno.ENOSPC))
    with pytest.raises(StorageError):
        save_settings(tmp_path, Settings(week_start=6))
    monkeypatch.undo()
    assert (tmp_path / "settings.toml").read_bytes() == before
    assert leftovers(tmp_path) == []


def test_temp_files_from_a_killed_writer_are_swept_by_the_next_write(store_with_month):
    store, path, _ = store_with_month
    stale = path.parent / f".{path.name}.legday-99999-3.tmp"
    stale.write_text("half a file")
    unrelated = path.parent / ".notes.swp"
    unrelated.write_text("an editor's file")
    store.add_cardio(BIKE)
    assert not stale.exists()
    assert unrelated.exists()


def test_lock_held_too_long_gives_a_clear_error(store_with_month, monkeypatch):
    import fcntl

    store, _path, _before = store_with_month
    holder = os.open(store.data_dir / ".lock", os.O_RDWR)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another open file: excludes us like another process would
    monkeypatch.setattr(files, "LOCK_TIMEOUT", 0.2)
    try:
        with pytest.raises(StorageError) as raised, files.file_lock(store.data_dir / ".lock", timeout=0.2):
            pass
        assert "another legday process" in str(raised.value)
    finally:
        os.close(holder)
    store.add_cardio(BIKE)  # and once released, writing works again
    assert len(Store(store.data_dir).history(NOV, NOV).cardio) == 2
