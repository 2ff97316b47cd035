"""The undo history and the month files never disagree in a way that makes undo destroy data: not
when a write fails midway (the error path rolls back), and not when the process dies between two
file writes (the next reader or writer settles it)."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from legday.core.model import CardioSession, CheckIn, Goal
from legday.storage import RecordChanged, StorageError, Store, files
from tests.storage.crash_points import DEC, MADE_AGAIN, NOV, OPS, RUN, prepare

SCRIPT = Path(__file__).with_name("crash_points.py")


def snapshot(data_dir: Path) -> tuple:
    """What a person sees: everything logged, the profile, the undo labels (a fresh Store)."""
    store = Store(data_dir)
    history = store.all_history()
    records = tuple(sorted(map(repr, (*history.legs, *history.cardio, *history.checkins, *history.skips))))
    return records, store.profile(), tuple(store.undo_labels(limit=50))


def file_bytes(data_dir: Path) -> dict:
    return {p: p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file() and p.name != ".lock"}


# -- a write that fails midway ------------------------------------------------------------------------


def fail_call(monkeypatch, n: int, code: int = errno.EIO) -> None:
    """The n-th os.replace from now fails (each atomic file write ends in one)."""
    real = os.replace
    calls = [0]

    def replace(src, dst):
        calls[0] += 1
        if calls[0] == n:
            raise OSError(code, os.strerror(code))
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", replace)


@pytest.mark.parametrize("op", [op for op, (_, _, several) in OPS.items() if several])
@pytest.mark.parametrize("n", [1, 2, 3, 4])
def test_a_failed_write_of_a_change_to_several_files_leaves_everything_as_it_was(
    tmp_path, monkeypatch, op, n
):
    prepare(tmp_path, op)
    before, before_bytes = snapshot(tmp_path), file_bytes(tmp_path)
    store = Store(tmp_path)
    fail_call(monkeypatch, n)
    try:
        OPS[op][1](store)
    except StorageError as err:
        assert "Nothing was changed" in str(err)
        monkeypatch.undo()
        assert snapshot(tmp_path) == before
        assert file_bytes(tmp_path) == before_bytes  # the pending file is gone too
    else:
        monkeypatch.undo()  # this change made fewer writes than n: it completed
        assert snapshot(tmp_path) != before
    assert not [p for p in tmp_path.rglob("*.tmp")]


def test_a_failed_step_write_keeps_the_change_and_says_it_cannot_be_undone(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.add_cardio(RUN, label="the run")
    fail_call(monkeypatch, 2, errno.ENOSPC)  # 1: the month file, 2: the undo step
    store.set_checkin(CheckIn(NOV, 3))
    monkeypatch.undo()
    assert Store(tmp_path).history(NOV, NOV).checkins == (CheckIn(NOV, 3),)  # saved
    [problem] = store.problems
    assert "saved but cannot be undone" in str(problem) and "disk is full" in str(problem)
    assert store.undo_labels() == ["the run"]


# -- a process killed between two file writes ---------------------------------------------------------


def _expected(tmp_path: Path, op: str) -> tuple[tuple, tuple, dict]:
    """The snapshot before the change, after it, and every snapshot on the way back by undo, keyed
    by its undo labels (labels identify a point in the history)."""
    data_dir = tmp_path / "expected"
    store = prepare(data_dir, op)
    before = snapshot(data_dir)
    OPS[op][1](store)
    after = snapshot(data_dir)
    by_labels = {before[2]: before, after[2]: after}
    while store.undo() is not None:
        now = snapshot(data_dir)
        by_labels[now[2]] = now
    return before, after, by_labels


@pytest.mark.parametrize("op", list(OPS))
def test_a_change_killed_between_file_writes(tmp_path, op):
    before, after, by_labels = _expected(tmp_path, op)
    root = tmp_path / "crashes"
    result = subprocess.run(
        [sys.executable, str(SCRIPT), str(root), op], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    codes = {int(k): v for k, v in json.loads(result.stdout).items()}
    crashes = [k for k, code in codes.items() if code == 9]
    assert codes[max(codes)] == 0 and len(crashes) >= 2, codes  # it died at 2+ points, then completed
    several = OPS[op][2]
    for k in crashes:
        data_dir = root / str(k)
        seen = snapshot(data_dir)  # reading settles an interrupted change
        assert not Store(data_dir).pending_path.exists()
        assert seen[:2] in (before[:2], after[:2]), f"died after write {k}: half a change is visible"
        if several:
            # All or nothing, the history included.
            assert seen in (before, after), f"died after write {k}: the history disagrees"
        if seen in (before, after):
            # Undo walks back through the same states as without the crash.
            store = Store(data_dir)
            if seen == before and op in MADE_AGAIN:
                OPS[op][1](store)
                assert snapshot(data_dir) == after, f"died after write {k}: made again, it differs"
            while (label := store.undo()) is not None:
                assert snapshot(data_dir) == by_labels[snapshot(data_dir)[2]], f"after undoing {label}"
            continue
        # A change to one file saved, its step not: it stays saved, and undo never takes it away
        # (each older step is undone only if its own records are still as it left them).
        assert seen[:2] == after[:2] and seen[2] == before[2]
        store = Store(data_dir)
        try:
            while store.undo() is not None:
                pass
        except RecordChanged:
            pass
        final = Store(data_dir)
        history = final.all_history()
        if op == "check-in replacing one":
            assert CheckIn(NOV, 9) in history.checkins
        elif op == "delete":
            assert RUN not in history.cardio
        elif op == "profile":
            assert final.profile().goal == Goal.HYBRID
    # The next write sweeps away temp files a killed writer left.
    for k in crashes:
        Store(root / str(k)).add_cardio(CardioSession(DEC, "walk", 10, 1))
    assert not [p for p in root.rglob("*.tmp")]


def test_a_pending_change_is_settled_by_the_next_reader(tmp_path):
    """Directly: a pending file whose step was never written means roll back; with the step
    written, the same pending file means the change stands."""
    from legday.storage.commit import Pending, digest, encode_pending
    from legday.storage.steps import StepFiles

    store = prepare(tmp_path, "replace across months")
    before = snapshot(tmp_path)
    months = [store.month_path(NOV.year, NOV.month), store.month_path(DEC.year, DEC.month)]
    old = [m.read_bytes() if m.exists() else None for m in months]
    store.replace(RUN, CardioSession(DEC, "run", 30, 5), label="op")
    after = snapshot(tmp_path)
    steps = StepFiles(tmp_path / "undo")
    name = steps.steps()[-1]
    pending = Pending(name, "written", [(m, b, digest(m.read_bytes())) for m, b in zip(months, old)])
    pending_path = store.pending_path

    pending_path.write_bytes(encode_pending(pending, tmp_path))  # the step is there: done
    assert snapshot(tmp_path) == after
    assert not pending_path.exists()

    steps.remove(name)  # as if the process died before writing the step
    pending_path.write_bytes(encode_pending(pending, tmp_path))
    assert snapshot(tmp_path) == before
    assert not pending_path.exists()


# -- a power cut after a save: the step was written without fsync ----------------------------------


@pytest.mark.parametrize("left", [b"", b"\0" * 300], ids=["empty", "zeros"])
def test_a_step_a_power_cut_left_empty_is_passed_over_as_lost(tmp_path, left):
    """A change to one file fsyncs the month file and its folder but not its undo step, so a power
    cut may leave the step empty or zero-filled (what file systems leave of unsynced data). That
    is a lost step, as if never written: not reported as damage, and undo goes on with the older
    ones (which still check the files before reversing anything)."""
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "run", 30, 4), label="the run")
    store.add_cardio(CardioSession(NOV, "bike", 20, 3), label="the bike")
    newest = sorted((tmp_path / "undo").glob("[0-9]*.toml"))[-1]
    newest.write_bytes(left)
    assert store.undo_labels() == ["the run"]
    assert not store.problems
    assert store.undo() == "the run"  # the bike's step was lost: its change stays
    assert [c.modality for c in store.all_history().cardio] == ["bike"]
    assert not newest.exists() and store.undo() is None


def test_a_save_costs_two_fsyncs_and_both_are_for_the_log(tmp_path, monkeypatch):
    """The month file and its folder are fsync'd (the person's data survives a power cut); the undo
    step is not (see above). A change to several files keeps every fsync: there the step is the
    mark that the change was completed."""
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "run", 30, 4))  # folders made, first step written
    synced: list[str] = []
    real_fsync, real_open = os.fsync, os.open
    names: dict[int, str] = {}

    def opening(path, *args, **kwargs):
        fd = real_open(path, *args, **kwargs)
        names[fd] = str(path)
        return fd

    def fsync(fd):
        synced.append(names.get(fd, "?"))
        return real_fsync(fd)

    monkeypatch.setattr(files.os, "open", opening)
    monkeypatch.setattr(files.os, "fsync", fsync)
    store.add_cardio(CardioSession(NOV, "bike", 20, 3))
    assert len(synced) == 2, synced
    assert all("undo" not in name for name in synced), synced
    assert any(name.endswith(".tmp") and "2026-11" in name for name in synced), synced
    synced.clear()
    store.replace(CardioSession(NOV, "bike", 20, 3), CardioSession(DEC, "bike", 20, 3))  # two months
    assert any("undo" in name for name in synced) and len(synced) > 2, synced
