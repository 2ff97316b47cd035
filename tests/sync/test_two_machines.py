"""Two machines, one log, for real: two Syncthing instances on loopback, each with its own copy of the
data folder, and a legday journal on each (as the app or a command would have it, with its own machine
name and settings folder). Both log while apart, then they sync, then legday merges what Syncthing left:
both machines end with the same log, nothing lost, nothing resurrected. Skipped where Syncthing is not
installed (Debian: ``apt-get install syncthing``; ``.ci/run`` installs it)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from legday.core.model import CardioSession, CheckIn, Exercise, LegSession
from legday.journal import Change, Journal, journal_at
from legday.storage.conflicts import conflict_copy
from tests.sync.syncthing import SyncthingPair, installed, snapshot

pytestmark = pytest.mark.skipif(
    installed() is None,
    reason="syncthing is not installed (Debian: apt-get install syncthing); the two-machine sync tests need it",
)

NOW = dt.datetime(2027, 1, 15, 8, 0)
SQUAT = LegSession(dt.date(2027, 1, 11), dt.time(18), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
BIKE = CardioSession(dt.date(2027, 1, 12), "bike", 30, 3, dt.time(7))
SWIM = CardioSession(dt.date(2027, 1, 13), "swim", 40, 4, dt.time(7))
# Logged apart:
LUNGE = LegSession(dt.date(2027, 1, 14), dt.time(18), 45, 7, (Exercise("lunge", 3, 10, 20.0),))
HARDER_BIKE = CardioSession(dt.date(2027, 1, 12), "bike", 30, 5, dt.time(7))
RUN = CardioSession(dt.date(2027, 1, 14), "run", 30, 5, dt.time(7))
SORE = CheckIn(dt.date(2027, 1, 15), 4, 7.5)


def logged(journal: Journal) -> Counter:
    return Counter(journal.records())


def test_two_machines_logging_apart_end_with_the_same_log(tmp_path):
    with SyncthingPair.start(tmp_path) as pair:

        def machine(instance, name: str) -> Journal:
            return journal_at(instance.folder, tmp_path / f"{name}-config", lambda: NOW, machine=name * 8)

        a, b = machine(pair.a, "a"), machine(pair.b, "b")
        heard: list[Change] = []
        b.subscribe(heard.append)

        # Together: what a logs reaches b, and b's change notice sees the files Syncthing wrote.
        for record in (SQUAT, BIKE, SWIM):
            a.log(record)
        pair.wait_in_sync()
        assert b.check_outside() is True
        assert logged(b) == Counter([SQUAT, BIKE, SWIM])

        # Apart: both log; a edits the bike, b deletes the swim, deletes the squat and undoes that.
        with pair.apart():
            a.log(LUNGE)
            a.replace(BIKE, HARDER_BIKE)
            b.log(RUN)
            b.remove(SWIM)
            b.remove(SQUAT)
            b.undo()
            b.log(SORE)
        pair.wait_in_sync()
        copies = [conflict_copy(p) for p in snapshot(pair.a.folder)]
        months = [c for c in copies if c is not None and c.file == "month"]
        assert [c.original for c in months] == ["log/2027/2027-01.toml"], copies  # Syncthing's copy
        assert not [c for c in copies if c is not None and c.file != "month"]  # steps never collide

        # Each legday notices the change (as the app does, once a second) and merges the copy.
        heard.clear()
        assert a.check_outside() is True and b.check_outside() is True
        pair.wait_in_sync()

        expected = Counter([SQUAT, HARDER_BIKE, LUNGE, RUN, SORE])  # the swim stays deleted
        assert logged(a) == logged(b) == expected
        files = snapshot(pair.a.folder)
        assert files == snapshot(pair.b.folder)
        assert not [p for p in files if conflict_copy(p) is not None]  # merged, none left
        kept = [p for p in files if p.startswith("merged-copies/log/2027/2027-01.sync-conflict-")]
        assert len(kept) == 1, files.keys()  # the copy kept, not deleted
        assert not [p for p in files if p.startswith("undo/pending")]
        [notice] = [c for c in heard if c.message]
        assert notice.outside and notice.message.startswith("Merged a copy from another device: ")
        assert notice.warning == ""  # no real conflict here

        # The merge is one step of the undo history, on both machines.
        assert a.undo_labels()[0] == b.undo_labels()[0]
        assert a.undo_labels()[0].startswith("merged a copy from another device: ")

        # Together again: an edit on one and a delete on the other of different entries, one sync.
        a.replace(RUN, CardioSession(RUN.date, "run", 35, 5, dt.time(7)))
        pair.wait_in_sync()
        b.check_outside()
        b.remove(LUNGE)
        pair.wait_in_sync()
        a.check_outside()
        final = Counter([SQUAT, HARDER_BIKE, CardioSession(RUN.date, "run", 35, 5, dt.time(7)), SORE])
        assert logged(a) == logged(b) == final
