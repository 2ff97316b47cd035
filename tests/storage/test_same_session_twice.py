"""The same session logged twice (same kind, day, start and everything else) is refused with one
line, so no two stored records are equal and no two share an id (ids are hashes of a record's
values). Edits, imports and undo never make a second copy either."""

from __future__ import annotations

import datetime as dt
import threading
from collections import Counter

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.core.model import CardioSession, Exercise, LegSession
from legday.core.records import record_id
from legday.storage import RecordChanged, Store

NOV = dt.date(2026, 11, 16)
LEGS = LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
RUN = CardioSession(NOV, "run", 30, 5, dt.time(7, 0))


def stored(store: Store) -> list:
    h = Store(store.data_dir).all_history()
    return [*h.legs, *h.cardio, *h.checkins, *h.skips]


def test_logging_the_same_session_again_is_refused_and_changes_nothing(tmp_path):
    store = Store(tmp_path)
    store.add_legs(LEGS)
    month = store.month_path(2026, 11)
    before, steps = month.read_bytes(), sorted((tmp_path / "undo").iterdir())
    with pytest.raises(InputError) as raised:
        store.add_legs(LEGS)
    message = str(raised.value)
    assert "\n" not in message and "logged already" in message and record_id(LEGS) in message
    assert "accepted:" in message
    assert month.read_bytes() == before and sorted((tmp_path / "undo").iterdir()) == steps
    # Anything that differs is another session: another start, other minutes.
    store.add_legs(LegSession(NOV, dt.time(7, 0), 60, 8, LEGS.exercises))
    store.add_cardio(RUN)
    store.add_cardio(CardioSession(NOV, "run", 31, 5, dt.time(7, 0)))
    assert len(stored(store)) == 4


def test_an_edit_into_a_copy_of_another_session_is_refused(tmp_path):
    store = Store(tmp_path)
    other = CardioSession(NOV, "run", 25, 5, dt.time(7, 0))
    store.add_cardio(RUN)
    store.add_cardio(other)
    before = store.month_path(2026, 11).read_bytes()
    with pytest.raises(InputError, match="logged already"):
        store.replace(other, RUN)
    assert store.month_path(2026, 11).read_bytes() == before


def test_an_import_stores_each_session_once(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(RUN)
    store.add_many([RUN, LEGS, LEGS], label="import")
    assert Counter(stored(store)) == Counter([RUN, LEGS])


def test_undo_never_puts_back_a_second_copy(tmp_path):
    """Delete a run, log the same run again, lose that step (a power cut): undoing the delete finds
    the run there and leaves it once."""
    store = Store(tmp_path)
    store.add_cardio(RUN)
    store.remove(RUN, label="delete")
    store.add_cardio(RUN, label="again")
    newest = sorted((tmp_path / "undo").glob("[0-9]*.toml"))[-1]
    newest.write_bytes(b"")  # what a power cut leaves of a step written without fsync
    assert store.undo() == "delete"
    assert stored(store) == [RUN]


def test_two_writers_logging_the_same_session_at_once_store_it_once(tmp_path):
    results: list[str] = []

    def log() -> None:
        try:
            Store(tmp_path).add_cardio(RUN)
            results.append("saved")
        except InputError:
            results.append("refused")

    threads = [threading.Thread(target=log) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["refused", "refused", "refused", "saved"]
    assert stored(Store(tmp_path)) == [RUN]


sessions = st.sampled_from(
    [
        RUN,
        CardioSession(NOV, "run", 30, 5),
        CardioSession(NOV, "bike", 30, 5),
        LEGS,
        LegSession(NOV, dt.time(18, 0), 60, 7, LEGS.exercises),
        CardioSession(dt.date(2026, 12, 1), "run", 30, 5, dt.time(7, 0)),
    ]
)
operations = st.lists(
    st.one_of(
        st.tuples(st.just("log"), sessions),
        st.tuples(st.just("edit"), st.tuples(sessions, sessions)),
        st.tuples(st.just("delete"), sessions),
        st.tuples(st.just("import"), st.lists(sessions, max_size=4)),
        st.just(("undo", None)),
    ),
    max_size=12,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(operations)
def test_no_sequence_of_changes_stores_two_equal_records(no_fsync, tmp_path_factory, ops):
    store = Store(tmp_path_factory.mktemp("twice"))
    for op, arg in ops:
        try:
            if op == "log":
                (store.add_legs if isinstance(arg, LegSession) else store.add_cardio)(arg)
            elif op == "edit":
                if type(arg[0]) is type(arg[1]):
                    store.replace(*arg)
            elif op == "delete":
                store.remove(arg)
            elif op == "import":
                store.add_many(arg)
            else:
                store.undo()
        except (InputError, RecordChanged):  # refusals are fine; a second copy is not
            pass
        records = stored(store)
        assert len({record_id(r) for r in records}) == len(records), records


def test_the_command_line_says_it_in_one_line_with_exit_2(tmp_path, capsys):
    from legday.cli import run

    args = ["--data-dir", str(tmp_path), "cardio", "run", "--minutes", "30", "--effort", "5"]
    args += ["--date", "2026-11-16", "--time", "07:00"]
    assert run(args) == 0
    capsys.readouterr()
    assert run(args) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "logged already" in err and err.startswith("legday: error:")
