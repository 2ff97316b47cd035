"""Undo refuses what it cannot read whole: a step cut short anywhere is reported with its path and
line and undo stops there, changing nothing; a pending file from a newer legday is refused and
nothing is rolled back. Step names carry the machine, so two machines never write the same one."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Profile
from legday.storage import CorruptFile, NewerSchema, Store
from legday.storage.steps import END, StepFiles

NOV = dt.date(2026, 11, 16)
DEC = dt.date(2026, 12, 3)
LEGS = LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),))


def files(data_dir) -> dict:
    return {p: p.read_bytes() for p in sorted(data_dir.rglob("*")) if p.is_file() and p.name != ".lock"}


def newest_step(data_dir):
    names = StepFiles(data_dir / "undo").steps()
    return data_dir / "undo" / f"{names[-1]}.toml"


def test_a_step_says_how_many_entries_it_holds_and_ends_with_a_line_saying_so(tmp_path):
    store = Store(tmp_path)
    store.add_many([LEGS, CardioSession(NOV, "run", 30, 5), CheckIn(DEC, 3)], label="three")
    text = newest_step(tmp_path).read_text()
    assert text.splitlines()[:3] == ["schema = 1", 'label = "three"', "entries = 3"]
    assert text.endswith(f"\n{END}\n")


def test_a_step_cut_short_anywhere_stops_undo_and_changes_nothing(tmp_path, no_fsync):
    """Every cut of a step (an import and an edit across months), at any byte: undo refuses it
    with the step's path and a line, writes nothing, and the list of labels stops there too."""
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "bike", 20, 3), label="older")
    store.add_many([LEGS, CardioSession(NOV, "run", 30, 5), CheckIn(DEC, 3)], label="import")
    step = newest_step(tmp_path)
    whole = step.read_bytes()
    for cut in range(1, len(whole) - 1):  # (cutting the final newline alone leaves it whole)
        step.write_bytes(whole[:cut])
        before = files(tmp_path)
        with pytest.raises(CorruptFile) as raised:
            Store(tmp_path).undo()
        assert raised.value.path == step and raised.value.line, (cut, str(raised.value))
        assert "\n" not in str(raised.value)
        assert files(tmp_path) == before, cut
        fresh = Store(tmp_path)
        assert fresh.undo_labels() == [] and any(p.path == step for p in fresh.problems), cut
    step.write_bytes(whole)
    assert Store(tmp_path).undo() == "import"


def test_a_step_of_an_earlier_legday_with_nothing_in_it_is_refused(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "run", 30, 5), label="the run")
    step = newest_step(tmp_path)
    step.write_text('schema = 1\nlabel = "the run"\n')  # cut after its label, before [added]
    with pytest.raises(CorruptFile, match="holds nothing to undo") as raised:
        store.undo()
    assert raised.value.line == 2
    assert Store(tmp_path).all_history().cardio  # nothing undone, and the step is still there
    assert step.exists()


def test_a_step_whose_count_does_not_match_is_refused(tmp_path):
    store = Store(tmp_path)
    store.add_many([LEGS, CardioSession(NOV, "run", 30, 5)], label="two")
    step = newest_step(tmp_path)
    text = step.read_text()
    step.write_text(text.replace("entries = 2", "entries = 3"))
    with pytest.raises(CorruptFile, match="entries = 3 but the step holds 2") as raised:
        store.undo()
    assert raised.value.line == 3


def test_a_long_step_cut_short_is_found_when_listing_labels_too(tmp_path, no_fsync):
    store = Store(tmp_path)
    many = [CardioSession(NOV + dt.timedelta(days=d % 28), "run", 10 + d % 500, 4) for d in range(2000)]
    store.add_many(many, label="years")
    step = newest_step(tmp_path)
    assert step.stat().st_size > 64 * 1024  # past what labels reads whole
    assert Store(tmp_path).undo_labels() == ["years"]
    step.write_bytes(step.read_bytes()[:-200])
    fresh = Store(tmp_path)
    assert fresh.undo_labels() == [] and fresh.problems


def test_a_pending_file_from_a_newer_legday_is_refused_and_nothing_rolled_back(tmp_path):
    """A newer legday was killed midway through a change to several files: this one must not act on
    its pending file (it might mean something else), nor roll anything back."""
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "run", 30, 5))
    store.add_cardio(CardioSession(DEC, "bike", 30, 5))
    month = store.month_path(2026, 11)
    # What the newer legday wrote: "put November back as it was" - which would empty it.
    import hashlib

    digest = hashlib.sha256(month.read_bytes()).hexdigest()
    pending = store.pending_path
    pending.write_text(
        f'schema = 2\nstep = "000009-00000000"\ncommit = "written"\n\n[[file]]\n'
        f'path = "log/2026/2026-11.toml"\nbefore = "schema = 1\\n"\nafter = "{digest}"\n'
    )
    before = files(tmp_path)
    fresh = Store(tmp_path)
    assert fresh.history(NOV, NOV).cardio  # read: November is still there
    assert files(tmp_path) == before
    [problem] = [p for p in fresh.problems if p.path == pending]
    assert isinstance(problem, NewerSchema)
    assert "written by a newer legday (schema 2" in str(problem) and "left as it is" in str(problem)
    with pytest.raises(NewerSchema):
        fresh.replace(CardioSession(NOV, "run", 30, 5), CardioSession(DEC, "run", 30, 5))  # several files
    with pytest.raises(NewerSchema):
        fresh.undo()
    after = files(tmp_path)
    assert after[month] == before[month] and after[pending] == before[pending]


def test_two_machines_never_name_a_step_alike(tmp_path):
    here = Store(tmp_path, machine="aaaa1111")
    there = Store(tmp_path, machine="bbbb2222")
    here.add_cardio(CardioSession(NOV, "run", 30, 5), label="here")
    there.add_cardio(CardioSession(NOV, "bike", 30, 5), label="there")
    names = StepFiles(tmp_path / "undo").steps()
    assert names == ["000001-aaaa1111", "000002-bbbb2222"]
    # Both wrote number 3 before they saw each other (as two synced machines would): two files,
    # in a fixed order, and the next step comes after both.
    (tmp_path / "undo" / "000003-bbbb2222.toml").write_bytes(
        (tmp_path / "undo" / "000002-bbbb2222.toml").read_bytes()
    )
    (tmp_path / "undo" / "000003-aaaa1111.toml").write_bytes(
        (tmp_path / "undo" / "000001-aaaa1111.toml").read_bytes()
    )
    (tmp_path / "undo" / "000002.toml").write_bytes((tmp_path / "undo" / "000001-aaaa1111.toml").read_bytes())
    steps = StepFiles(tmp_path / "undo")
    assert steps.steps() == [
        "000001-aaaa1111",
        "000002",
        "000002-bbbb2222",
        "000003-aaaa1111",
        "000003-bbbb2222",
    ]
    assert StepFiles(tmp_path / "undo", machine="aaaa1111").next_name(steps.steps()) == "000004-aaaa1111"


def test_a_profile_step_cut_inside_the_profile_before_is_refused(tmp_path):
    """The profile before a change is the last table of its step: cut there, undo would restore a
    profile with defaults for what was cut. Refused instead."""
    store = Store(tmp_path)
    store.save_profile(Profile(goal=Goal.STRENGTH, leg_days=(0, 3)), label="first")
    store.save_profile(Profile(goal=Goal.POWER, leg_days=(1,)), label="second")
    step = newest_step(tmp_path)
    text = step.read_text()
    cut = text.index("leg_days", text.index("[profile.before]"))
    step.write_text(text[:cut])
    with pytest.raises(CorruptFile, match="cut short"):
        store.undo()
    assert Store(tmp_path).profile().goal is Goal.POWER
