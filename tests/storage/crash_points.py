"""A change killed at each point between its file writes, in a separate process:

    python crash_points.py ROOT OP
        for K = 1, 2, ...: sets up ROOT/K with five logged changes (see ``setup``), then forks a
        process that runs change OP and dies (os._exit, as a power cut or SIGKILL would leave it)
        right after its K-th file operation (a file written by rename, a step or the pending file
        deleted); stops at the first K where OP completes. Prints JSON {K: exit code}.

The test then opens each ROOT/K and checks what a person would find (test_undo_crash.py).
Forking happens here, in a fresh single-threaded process, not inside the test runner.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from pathlib import Path

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Profile
from legday.storage import Store
from legday.storage import commit as commit_module
from legday.storage import steps as steps_module

NOV, DEC, JAN = dt.date(2026, 11, 16), dt.date(2026, 12, 3), dt.date(2027, 1, 5)
RUN = CardioSession(NOV, "run", 30, 5, dt.time(7, 0))
BIKE = CardioSession(DEC, "bike", 45, 3)
BIKE_JAN = CardioSession(JAN, "bike", 45, 3)


def setup(store: Store) -> None:
    store.add_cardio(RUN, label="1 run")
    store.add_cardio(BIKE, label="2 bike")
    store.set_checkin(CheckIn(NOV, 4), label="3 check-in")
    store.save_profile(Profile(goal=Goal.STRENGTH), label="4 profile")
    store.replace(BIKE, BIKE_JAN, label="5 bike moved to January")


def _extra_profile(store: Store) -> None:
    store.save_profile(Profile(goal=Goal.POWER), label="6 profile")


def _conflict_copy(store: Store) -> None:
    """Another machine's November, with a walk logged there, left by a sync tool as a conflict copy."""
    import shutil

    other = store.data_dir.with_name(store.data_dir.name + "-other")
    shutil.copytree(store.data_dir, other)
    Store(other, machine="bbbb2222").add_cardio(CardioSession(NOV, "walk", 40, 2), label="walk there")
    month = store.month_path(NOV.year, NOV.month)
    copy = month.with_name("2026-11.sync-conflict-20261117-101010-ABCDEFG.toml")
    copy.write_bytes((other / month.relative_to(store.data_dir)).read_bytes())
    for step in (other / "undo").glob("*-bbbb2222.toml"):  # its step, synced too
        shutil.copy(step, store.undo_dir / step.name)
    shutil.rmtree(other)


# name: (more setup, the change that is killed, whether it writes several files)
OPS = {
    "replace across months": (
        None,
        lambda s: s.replace(RUN, CardioSession(DEC, "run", 30, 5), label="op"),
        True,
    ),
    "import": (
        None,
        lambda s: s.add_many(
            [
                LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),)),
                CardioSession(DEC, "swim", 20, 4),
                CheckIn(JAN, 2),
                CheckIn(NOV, 6),
            ],
            label="op",
        ),
        True,
    ),
    "undo across months": (None, lambda s: s.undo(), True),
    "undo of a profile": (_extra_profile, lambda s: s.undo(), True),
    "merge of a conflict copy": (_conflict_copy, lambda s: s.merge_copy(s.conflict_copies()[0]), True),
    "check-in replacing one": (None, lambda s: s.set_checkin(CheckIn(NOV, 9), label="op"), False),
    "delete": (None, lambda s: s.remove(RUN, label="op"), False),
    "profile": (None, lambda s: s.save_profile(Profile(goal=Goal.HYBRID), label="op"), False),
}


# Changes that are made again after a crash left them undone, before undo is walked back: before a
# merge, the other machine's step is in the history but its change only in the copy (undo would refuse
# it); legday merges copies before anything else (the journal does on opening).
MADE_AGAIN = {"merge of a conflict copy"}


def prepare(data_dir: Path, op: str) -> Store:
    store = Store(data_dir)
    setup(store)
    extra = OPS[op][0]
    if extra is not None:
        extra(store)
    return Store(data_dir)


def _die_after(k: int) -> None:
    """Make the k-th file operation of this process its last."""
    count = [0]

    def counted(fn):
        def wrapper(*args, **kwargs):
            result = fn(*args, **kwargs)
            count[0] += 1
            if count[0] == k:
                os._exit(9)
            return result

        return wrapper

    commit_module.atomic_write = counted(commit_module.atomic_write)
    steps_module.atomic_write = counted(steps_module.atomic_write)
    steps_module.StepFiles.remove = counted(steps_module.StepFiles.remove)
    commit_module.Commit._clear_pending = counted(commit_module.Commit._clear_pending)


def main(root: str, op: str) -> None:
    results = {}
    for k in range(1, 30):
        data_dir = Path(root) / str(k)
        prepare(data_dir, op)
        pid = os.fork()
        if pid == 0:
            try:
                _die_after(k)
                OPS[op][1](Store(data_dir))
            except BaseException:
                os._exit(3)
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        results[k] = os.waitstatus_to_exitcode(status)
        if results[k] != 9:
            break
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
