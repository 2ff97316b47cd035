"""Edit, delete and undo in the store: every kind of write is one undo step, undo brings back exactly
the state before it (across months, after a restart, from another Store), and refuses rather than
guesses when the records changed since."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Profile, Skip
from legday.core.records import record_id
from legday.storage import RecordChanged, Store
from tests.storage.records import add, profiles, records

NOV = dt.date(2026, 11, 16)
DEC = dt.date(2026, 12, 3)
TYPO = LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 1000.0),))
FIXED = LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
RUN = CardioSession(NOV, "run", 30, 5, dt.time(7, 0))
BIKE = CardioSession(DEC, "bike", 45, 3)


def state(store_dir) -> tuple:
    """Everything a person could see, read by a fresh Store (nothing cached). Two entries of one
    kind at the same day and time may come back in either order (undo puts a removed one back at
    the end of its month): that order is no part of the state, so each kind is put in one order."""
    import dataclasses

    fresh = Store(store_dir)
    history = fresh.all_history()
    ordered = {
        kind: tuple(sorted(getattr(history, kind), key=lambda r: (r.date, repr(r))))
        for kind in ("legs", "cardio", "checkins", "skips")
    }
    return dataclasses.replace(history, **ordered), fresh.profile()


def files(store_dir) -> dict:
    """Bytes of every log and profile file (to check that a refused change wrote nothing)."""
    return {p: p.read_bytes() for p in sorted(store_dir.rglob("*.toml"))}


# -- replace, remove, find ----------------------------------------------------------------------------


def test_replace_fixes_a_typo_and_undo_brings_it_back(tmp_path):
    store = Store(tmp_path)
    store.add_legs(TYPO)
    store.replace(TYPO, FIXED)
    assert store.history(NOV, NOV).legs == (FIXED,)
    assert store.undo_labels()[0].startswith("edited legs Mon 16 Nov")
    assert store.undo_labels()[1].startswith("logged legs Mon 16 Nov")
    assert store.undo().startswith("edited legs")
    assert Store(tmp_path).history(NOV, NOV).legs == (TYPO,)


def test_replace_moves_an_entry_to_another_month_and_back(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    moved = CardioSession(DEC, "run", 30, 5, dt.time(7, 0))
    store.replace(RUN, moved, label="moved the run")
    history = Store(tmp_path).all_history()
    assert history.cardio == (moved,)
    assert store.undo() == "moved the run"
    assert Store(tmp_path).all_history().cardio == (RUN,)
    assert not Store(tmp_path).pending_path.exists()


def test_replace_of_a_record_no_longer_stored_writes_nothing(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    before, steps = files(tmp_path), store.undo_labels()
    with pytest.raises(RecordChanged) as raised:
        store.replace(TYPO, FIXED)
    assert "no longer in the log" in str(raised.value) and "nothing was changed" in str(raised.value)
    assert files(tmp_path) == before and store.undo_labels() == steps


def test_replace_with_an_invalid_record_writes_nothing(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    before = files(tmp_path)
    with pytest.raises(InputError):
        store.replace(RUN, CardioSession(NOV, "run", 5.5, 5))  # minutes a file cannot hold
    assert files(tmp_path) == before
    store.set_checkin(CheckIn(NOV, 3))
    store.set_checkin(CheckIn(DEC, 4))
    before = files(tmp_path)
    with pytest.raises(InputError, match="already a check-in"):
        store.replace(CheckIn(DEC, 4), CheckIn(NOV, 4))
    assert files(tmp_path) == before
    # Moving a check-in within its own day (a new soreness) is fine.
    store.replace(CheckIn(NOV, 3), CheckIn(NOV, 6))
    assert Store(tmp_path).history(NOV, NOV).checkins == (CheckIn(NOV, 6),)


def test_find_by_id_prefers_the_newest_months(tmp_path):
    store = Store(tmp_path)
    store.add_many([RUN, BIKE, TYPO])
    assert store.find(record_id(BIKE)) == BIKE
    assert store.find(record_id(TYPO).upper()) == TYPO
    assert store.find(record_id(FIXED)) is None
    store.replace(TYPO, FIXED)
    assert store.find(record_id(TYPO)) is None and store.find(record_id(FIXED)) == FIXED


def test_remove_records_a_step_and_missing_records_none(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    assert store.remove(RUN) is True
    assert store.undo_labels()[0].startswith("deleted run")
    assert store.remove(RUN) is False
    assert len(store.undo_labels()) == 2  # the failed remove recorded nothing
    store.undo()
    assert Store(tmp_path).history(NOV, NOV).cardio == (RUN,)


# -- undo of every kind of write ----------------------------------------------------------------------


WRITES = {
    "add_legs": lambda s: s.add_legs(TYPO),
    "add_cardio": lambda s: s.add_cardio(BIKE),
    "set_checkin (new day)": lambda s: s.set_checkin(CheckIn(DEC, 2)),
    "set_checkin (replacing)": lambda s: s.set_checkin(CheckIn(NOV, 9, 6.0, True)),
    "add_skip": lambda s: s.add_skip(Skip(DEC, "swim")),
    "add_many": lambda s: s.add_many([FIXED, BIKE, CheckIn(NOV, 1), Skip(NOV, "bike")]),
    "save_profile": lambda s: s.save_profile(Profile(goal=Goal.ENDURANCE)),
    "remove": lambda s: s.remove(RUN),
    "replace (same month)": lambda s: s.replace(RUN, CardioSession(NOV, "run", 40, 5)),
    "replace (other month)": lambda s: s.replace(CheckIn(NOV, 4), CheckIn(DEC, 4)),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_undo_reverses_each_kind_of_write_exactly(tmp_path, write):
    store = Store(tmp_path)
    store.add_many([RUN, CheckIn(NOV, 4)])
    store.save_profile(Profile(goal=Goal.STRENGTH))
    before_state, before_files = state(tmp_path), files(tmp_path)
    steps = len(store.undo_labels())
    WRITES[write](store)
    assert state(tmp_path) != before_state
    assert len(store.undo_labels()) == steps + 1  # exactly one step, add_many included
    assert Store(tmp_path).undo() is not None  # a fresh Store: the history is on disk
    assert state(tmp_path) == before_state
    # Byte for byte, apart from month files that did not exist before (left as empty months).
    after = files(tmp_path)
    assert {p: b for p, b in after.items() if p in before_files} == before_files
    assert len(store.undo_labels()) == steps


def test_undo_of_the_first_profile_removes_it(tmp_path):
    store = Store(tmp_path)
    store.save_profile(Profile())
    assert store.undo() == "changed the profile"
    assert store.profile() is None and not store.profile_path.exists()


def test_writes_that_change_nothing_record_nothing(tmp_path):
    store = Store(tmp_path)
    store.add_skip(Skip(NOV, "run"))
    store.set_checkin(CheckIn(NOV, 3))
    store.save_profile(Profile())
    stamp = store.stamp()
    store.add_skip(Skip(NOV, "run"))
    store.set_checkin(CheckIn(NOV, 3))
    store.save_profile(Profile())
    store.remove(RUN)
    store.replace(CheckIn(NOV, 3), CheckIn(NOV, 3))
    assert len(store.undo_labels()) == 3
    assert store.stamp() == stamp


# -- many steps, restarts, other processes' changes ---------------------------------------------------


def test_twenty_five_steps_back_newest_first_after_a_restart(tmp_path, no_fsync):
    store = Store(tmp_path)
    sessions = [CardioSession(NOV + dt.timedelta(days=n % 40), "run", 20 + n, 4) for n in range(25)]
    for n, session in enumerate(sessions):
        store.add_cardio(session, label=f"step {n}")
    restarted = Store(tmp_path)
    assert restarted.undo_labels(limit=30) == [f"step {n}" for n in reversed(range(25))]
    assert restarted.undo_labels() == [f"step {n}" for n in reversed(range(5, 25))]
    for n in reversed(range(25)):
        assert Store(tmp_path).undo() == f"step {n}"
        assert set(Store(tmp_path).all_history().cardio) == set(sessions[:n])
    assert restarted.undo() is None
    assert restarted.undo_labels() == []


def test_only_the_newest_fifty_steps_are_kept(tmp_path, no_fsync):
    store = Store(tmp_path)
    for n in range(57):
        store.add_skip(Skip(NOV, f"run {n}"), label=f"step {n}")
    labels = store.undo_labels(limit=100)
    assert labels == [f"step {n}" for n in reversed(range(7, 57))]
    assert len(list((tmp_path / "undo").glob("*.toml"))) == 50
    for _ in range(50):
        store.undo()
    assert store.undo() is None
    assert {s.modality for s in store.all_history().skips} == {f"run {n}" for n in range(7)}


def test_undo_refuses_when_the_records_changed_since(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    month = store.month_path(NOV.year, NOV.month)
    month.write_text(month.read_text().replace("30min", "35min"))  # a hand edit
    before = files(tmp_path)
    with pytest.raises(RecordChanged) as raised:
        store.undo()
    message = str(raised.value)
    assert "cannot undo" in message and "run" in message and "nothing was changed" in message
    assert files(tmp_path) == before
    assert len(store.undo_labels()) == 1  # still there: put the entry back and undo works


def test_undo_refuses_to_bring_back_a_check_in_over_a_newer_one(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    store.set_checkin(CheckIn(NOV, 3))
    store.remove(CheckIn(NOV, 3))
    # A check-in for that day written by hand since: undoing the delete would hide one of the two.
    month = store.month_path(NOV.year, NOV.month)
    month.write_text(month.read_text() + 'checkin = ["2026-11-16 soreness 7"]\n')
    before = files(tmp_path)
    with pytest.raises(RecordChanged, match="another check-in since"):
        store.undo()
    assert files(tmp_path) == before
    month.write_text(month.read_text().replace('checkin = ["2026-11-16 soreness 7"]\n', ""))
    assert store.undo().startswith("deleted check-in")
    assert Store(tmp_path).history(NOV, NOV).checkins == (CheckIn(NOV, 3),)


def test_another_process_undoes_the_newest_change_whoever_made_it(tmp_path):
    store, other = Store(tmp_path), Store(tmp_path)
    store.add_cardio(RUN, label="mine")
    other.add_cardio(BIKE, label="theirs")
    assert store.undo() == "theirs"
    assert other.undo_labels() == ["mine"]
    assert other.all_history().cardio == (RUN,)


def test_undo_with_nothing_to_undo(tmp_path):
    store = Store(tmp_path)
    assert store.undo() is None
    assert store.undo_labels() == []
    assert not (tmp_path / "undo").exists()


# -- stamp --------------------------------------------------------------------------------------------


def test_stamp_changes_on_every_write_and_undo_and_not_on_reads(tmp_path, no_fsync):
    store, other = Store(tmp_path), Store(tmp_path)
    seen = [store.stamp()]
    writes = [
        lambda: store.add_legs(TYPO),
        lambda: store.add_cardio(RUN),
        lambda: other.set_checkin(CheckIn(NOV, 3)),
        lambda: store.add_skip(Skip(NOV, "run")),
        lambda: other.add_many([BIKE]),
        lambda: store.save_profile(Profile()),
        lambda: other.replace(TYPO, FIXED),
        lambda: store.remove(RUN),
        lambda: other.undo(),
        lambda: store.undo(),
    ]
    for write in writes:  # back to back, well within one tick of a coarse file system clock
        write()
        seen.append(store.stamp())
        seen.append(other.stamp())
        # Reads in between change nothing.
        store.all_history(), other.profile(), store.undo_labels(), store.find("00000000")
        assert store.stamp() == seen[-1]
    assert len(set(seen[::2])) == len(writes) + 1
    assert seen[1::2] == seen[2::2]  # both stores see the same stamp


# -- properties ---------------------------------------------------------------------------------------

operations = st.lists(
    st.one_of(
        st.tuples(st.just("add"), records),
        st.tuples(st.just("remove"), st.integers(0, 50)),
        st.tuples(st.just("replace"), st.integers(0, 50), records),
        st.tuples(st.just("profile"), profiles),
        st.tuples(st.just("many"), st.lists(records, max_size=4)),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(ops=operations)
def test_undoing_every_change_goes_back_through_every_state(tmp_path_factory, no_fsync, ops):
    data_dir = tmp_path_factory.mktemp("undo")
    store = Store(data_dir)
    states = []
    for op in ops:
        before = state(data_dir)
        logged = [r for kind in ("legs", "cardio", "checkins", "skips") for r in getattr(before[0], kind)]
        try:
            if op[0] == "add":
                add(store, op[1])
            elif op[0] == "remove" and logged:
                store.remove(logged[op[1] % len(logged)])
            elif op[0] == "replace" and logged:
                store.replace(logged[op[1] % len(logged)], op[2])
            elif op[0] == "profile":
                store.save_profile(op[1])
            elif op[0] == "many":
                store.add_many(op[1])
        except InputError:
            assert state(data_dir) == before  # refused: nothing written
            continue
        if state(data_dir) != before:
            states.append(before)
    for before in reversed(states):
        assert store.undo() is not None
        assert state(data_dir) == before
    assert store.undo() is None


def test_an_undone_delete_puts_the_record_back_where_it_was(tmp_path):
    """Two untimed rides the same day: deleting the first and undoing gives back the same log, in the
    same order (the order a day's records are written in never depends on which was written last)."""
    store = Store(tmp_path)
    day = dt.date(2026, 11, 17)
    first, second = CardioSession(day, "walk", 30, 2), CardioSession(day, "bike", 30, 4)
    store.add_cardio(second)
    store.add_cardio(first)
    before = state(tmp_path)
    month = next((tmp_path).rglob("2026-11.toml")).read_bytes()
    store.remove(before[0].cardio[0])
    assert store.undo() is not None
    assert state(tmp_path) == before
    assert next((tmp_path).rglob("2026-11.toml")).read_bytes() == month
