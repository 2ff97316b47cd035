"""A damaged undo history is reported with its file and line, never written over, and never stops
logging: undo stops at a step it cannot read until that file is moved aside."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, CheckIn, Profile
from legday.storage import CorruptFile, NewerSchema, StorageError, Store

NOV = dt.date(2026, 11, 16)
DEC = dt.date(2026, 12, 3)


def logged(store: Store, n: int) -> list[CardioSession]:
    sessions = [CardioSession(NOV, "run", 20 + i, 4) for i in range(n)]
    for i, session in enumerate(sessions):
        store.add_cardio(session, label=f"step {i}")
    return sessions


def steps(data_dir) -> list:
    return sorted((data_dir / "undo").glob("[0-9]*.toml"))


def test_a_damaged_step_is_reported_left_alone_and_undo_stops_there(tmp_path):
    store = Store(tmp_path)
    sessions = logged(store, 3)
    damaged = steps(tmp_path)[-1]
    lines = damaged.read_text().splitlines()
    lines[6] = '    "2026-11-16 run 22min effort 44",'  # effort out of range, on line 7
    damaged.write_text("\n".join(lines) + "\n")
    before = damaged.read_bytes()

    with pytest.raises(CorruptFile) as raised:
        store.undo()
    err = raised.value
    assert err.path == damaged and err.line == 7 and "effort" in str(err)
    assert f"{damaged}:7" in str(err) and "move it aside" in str(err)
    assert "\n" not in str(err)
    assert store.all_history().cardio == tuple(sorted(sessions, key=lambda s: s.minutes))

    # Logging still works, and what is logged after it can be undone.
    store.add_cardio(CardioSession(DEC, "bike", 30, 3), label="the bike")
    assert store.undo_labels() == ["the bike"]  # the list stops at the damaged step...
    assert any(p.path == damaged for p in store.problems)  # ...and says why
    assert store.undo() == "the bike"
    with pytest.raises(CorruptFile):
        store.undo()
    assert damaged.read_bytes() == before  # never written over

    # Moved aside, it is no longer a step: undo goes on with the older ones.
    damaged.rename(damaged.with_name(damaged.name + ".bad"))
    assert store.undo_labels() == ["step 1", "step 0"]
    assert store.undo() == "step 1"
    assert (tmp_path / "undo" / (damaged.name + ".bad")).read_bytes() == before


@pytest.mark.parametrize(
    "text, line, words",
    [
        ('schema = 1\nlabel = "x"\n[added]\nlegs = [ oops\n', 4, "not valid TOML"),
        ('schema = 1\n\n[added]\ncardio = ["2026-11-16 run 20min effort 4"]\n', 2, "no label"),
        ('schema = 1\nlabel = "x"\nwhen = 3\n', 3, "unknown key 'when'"),
        ('label = "x"\n', None, "schema"),
        ('schema = 1\nlabel = "x"\n[added]\ndance = ["2026-11-16"]\n', 3, "unknown kind 'dance'"),
        (
            'schema = 1\nlabel = "x"\n\n[removed]\ncheckin = [\n    "2026-11-16 soreness 3",\n'
            '    "2026-11-16 soreness eleven",\n]\n',
            7,
            "check-in",
        ),
        ('schema = 1\nlabel = "x"\n[profile]\nbefore = { goal = "sleep" }\n', 3, "'after'"),
        ('schema = 1\nlabel = "x"\n[profile.after]\ngoal = "sleep"\n', 3, "goal"),
    ],
)
def test_each_kind_of_damage_names_file_and_line(tmp_path, text, line, words):
    store = Store(tmp_path)
    logged(store, 1)
    damaged = steps(tmp_path)[-1]
    damaged.write_text(text)
    with pytest.raises(CorruptFile) as raised:
        store.undo()
    assert raised.value.path == damaged and raised.value.line == line, str(raised.value)
    assert words in str(raised.value)
    assert damaged.read_text() == text
    assert store.undo_labels() == [] and store.problems


def test_a_step_from_a_newer_legday_is_refused(tmp_path):
    store = Store(tmp_path)
    logged(store, 1)
    damaged = steps(tmp_path)[-1]
    damaged.write_text(damaged.read_text().replace("schema = 1", "schema = 7"))
    with pytest.raises(NewerSchema):
        store.undo()
    assert store.all_history().cardio  # nothing undone


def test_an_undo_folder_that_cannot_be_used_does_not_stop_logging(tmp_path):
    store = Store(tmp_path)
    (tmp_path / "undo").write_text("not a folder\n")
    store.add_cardio(CardioSession(NOV, "run", 30, 5))
    store.save_profile(Profile())
    assert Store(tmp_path).history(NOV, NOV).cardio == (CardioSession(NOV, "run", 30, 5),)
    assert any("saved but cannot be undone" in str(p) for p in store.problems)
    with pytest.raises(StorageError, match="not a folder"):
        store.undo()
    assert store.undo_labels() == []
    # A change to several files needs the history to be all or nothing: it is refused whole.
    with pytest.raises(StorageError):
        store.replace(CardioSession(NOV, "run", 30, 5), CardioSession(DEC, "run", 30, 5))
    assert Store(tmp_path).history(NOV, DEC).cardio == (CardioSession(NOV, "run", 30, 5),)
    assert (tmp_path / "undo").read_text() == "not a folder\n"


def test_a_damaged_pending_file_is_reported_and_left_and_logging_goes_on(tmp_path):
    store = Store(tmp_path)
    logged(store, 1)
    pending = store.pending_path
    pending.write_text("schema = 1\nstep = [\n")
    store.set_checkin(CheckIn(NOV, 3))  # one file: fine
    assert Store(tmp_path).history(NOV, NOV).checkins == (CheckIn(NOV, 3),)
    assert any(p.path == pending for p in store.problems)
    with pytest.raises(CorruptFile) as raised:  # several files: refused, nothing written
        store.undo()
    assert raised.value.path == pending
    assert pending.read_text() == "schema = 1\nstep = [\n"
    assert Store(tmp_path).history(NOV, NOV).checkins == (CheckIn(NOV, 3),)


def test_a_hand_edited_step_is_read_whole(tmp_path):
    """The label is read from the top of the file when it is where legday writes it, otherwise from
    the whole file: a step rewritten by hand still works."""
    store = Store(tmp_path)
    [_session] = logged(store, 1)
    step = steps(tmp_path)[-1]
    step.write_text(
        '# my note\nschema = 1\nlabel = "hand made"\n\n[added]\ncardio = ["2026-11-16 run 20min effort 4"]\n'
    )
    assert store.undo_labels() == ["hand made"]
    assert store.undo() == "hand made"
    assert store.all_history().cardio == ()
