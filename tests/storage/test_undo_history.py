"""The undo history keeps what a merge needs: every step names the files it wrote with a digest of their
bytes before and after; undo records an undo step instead of deleting the step it undid; the pending
file is the machine's own."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from legday.core.model import CardioSession, Goal, Profile, Skip
from legday.storage import Store
from legday.storage.commit import Pending, digest, encode_pending
from legday.storage.steps import KEEP, MOST, StepFiles

NOV = dt.date(2026, 11, 16)
DEC = dt.date(2026, 12, 3)
RUN = CardioSession(NOV, "run", 30, 5, dt.time(7))


@pytest.fixture(autouse=True)
def _fast(no_fsync):
    pass


def sha(path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


def newest(store: Store):
    steps = StepFiles(store.undo_dir)
    name = steps.steps()[-1]
    return name, steps.read(name)


def test_each_step_names_the_files_it_wrote_with_their_digests_before_and_after(tmp_path):
    store = Store(tmp_path)
    month = store.month_path(2026, 11)
    store.add_cardio(RUN)
    _, first = newest(store)
    assert [(f.path, f.before, f.after) for f in first.files] == [("log/2026/2026-11.toml", None, sha(month))]
    before = sha(month)
    store.replace(RUN, CardioSession(DEC, "run", 30, 5))  # across two months
    _, moved = newest(store)
    assert {f.path: (f.before, f.after) for f in moved.files} == {
        "log/2026/2026-11.toml": (before, sha(month)),
        "log/2026/2026-12.toml": (None, sha(store.month_path(2026, 12))),
    }
    store.save_profile(Profile(goal=Goal.POWER))
    _, saved = newest(store)
    assert [(f.path, f.before, f.after) for f in saved.files] == [
        ("profile.toml", None, sha(store.profile_path))
    ]


def test_undo_records_an_undo_step_and_keeps_the_step_it_undid(tmp_path):
    store = Store(tmp_path, machine="aaaa1111")
    store.add_cardio(RUN, label="the run")
    store.add_skip(Skip(NOV, "bike"), label="the skip")
    assert store.undo() == "the skip"
    names = StepFiles(store.undo_dir).steps()
    assert names == ["000001-aaaa1111", "000002-aaaa1111", "000003-aaaa1111-undo"]
    undo = StepFiles(store.undo_dir).read("000003-aaaa1111-undo")
    assert undo.undoes == ("000002-aaaa1111",) and undo.removed == (Skip(NOV, "bike"),) and not undo.added
    assert undo.label == "undid the skip"
    assert [f.path for f in undo.files] == ["log/2026/2026-11.toml"]
    assert store.undo_labels() == ["the run"]  # the undone step and the undo step are passed over
    assert store.undo() == "the run" and store.undo() is None
    assert store.all_history().cardio == ()


def test_undoing_the_first_profile_records_a_step_with_no_profile_after(tmp_path):
    store = Store(tmp_path)
    store.save_profile(Profile(goal=Goal.POWER))
    assert store.undo() == "changed the profile"
    assert store.profile() is None
    _, undo = newest(store)
    assert undo.profile and undo.profile_before == Profile(goal=Goal.POWER) and undo.profile_after is None
    assert store.undo() is None


def test_an_undo_made_on_another_machine_counts_here(tmp_path):
    """Both machines' steps are in one folder (a sync tool brought them): an undo step written by
    one marks the step undone for the other."""
    here, there = Store(tmp_path, machine="aaaa1111"), Store(tmp_path, machine="bbbb2222")
    here.add_cardio(RUN, label="run here")
    there.add_skip(Skip(NOV, "bike"), label="skip there")
    assert here.undo() == "skip there"
    assert there.undo_labels() == ["run here"]


def test_add_and_undo_over_and_over_never_pushes_out_the_older_steps_undo_can_reach(tmp_path):
    store = Store(tmp_path)
    for n in range(30):
        store.add_skip(Skip(NOV, f"kept {n}"), label=f"kept {n}")
    for n in range(110):
        store.add_skip(Skip(DEC, f"gone {n}"), label=f"gone {n}")
        store.undo()
    files = list(store.undo_dir.glob("*.toml"))
    assert len(files) <= MOST
    assert store.undo_labels(limit=100) == [f"kept {n}" for n in reversed(range(30))]
    for _ in range(KEEP + 5):
        store.add_skip(Skip(DEC, f"new {_}"))
    assert len(store.undo_labels(limit=100)) == KEEP  # the newest 50 reachable


def test_the_pending_file_is_the_machines_own_and_another_machines_is_never_acted_on(tmp_path):
    here, there = Store(tmp_path, machine="aaaa1111"), Store(tmp_path, machine="bbbb2222")
    assert here.pending_path.name == "pending-aaaa1111.toml" != there.pending_path.name
    here.add_cardio(RUN)
    month = here.month_path(2026, 11)
    written = month.read_bytes()
    # The other machine's change to November, synced here before its step: its pending file says
    # "put November back as it was before" unless the step is there. This machine must not do it.
    pending = Pending("000009-bbbb2222", "written", [(month, b"schema = 1\n", digest(written))])
    there.pending_path.write_bytes(encode_pending(pending, tmp_path))
    assert here.all_history().cardio == (RUN,)
    here.add_skip(Skip(NOV, "bike"))
    assert here.history(NOV, NOV).cardio == (RUN,) and there.pending_path.exists()
