"""Conflict copies merged by the Store: two machines (two Stores with their own machine names, each
on its own copy of the folder) change the same month while apart, a sync tool played by hand
(``two_machines.py``) leaves a conflict copy, and merging folds it in. Nothing either side logged is
lost, nothing either side deleted comes back, an edit stays an edit, a real conflict keeps both
versions and says so; the merge is one undo step and the copy is kept in merged-copies/."""

from __future__ import annotations

import datetime as dt
import errno
import os
from collections import Counter

import pytest

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Profile, Skip
from legday.storage import StorageError, Store, files
from legday.storage.merging import BACKUP, KEPT_STEP, MERGED, NOTHING_NEW, UNREADABLE, WAITING, WOULD_MERGE
from tests.storage.two_machines import TwoMachines, copy_name, put

JAN = dt.date(2027, 1, 11)
SQUAT = LegSession(JAN, dt.time(18), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
LUNGE = LegSession(JAN + dt.timedelta(days=1), dt.time(18), 45, 7, (Exercise("lunge", 3, 10, 20.0),))
BIKE = CardioSession(JAN + dt.timedelta(days=1), "bike", 30, 3, dt.time(7))
RUN = CardioSession(JAN + dt.timedelta(days=2), "run", 30, 5, dt.time(7))
WALK = CardioSession(JAN + dt.timedelta(days=3), "walk", 40, 2)
MONTH = "log/2027/2027-01.toml"


@pytest.fixture(autouse=True)
def _fast(no_fsync):
    pass


def logged(store: Store) -> Counter:
    h = store.all_history()
    return Counter([*h.legs, *h.cardio, *h.checkins, *h.skips])


def merge_all(store: Store, dry_run: bool = False) -> list:
    return [store.merge_copy(found, dry_run) for found in store.conflict_copies()]


def started(tmp_path, *records) -> TwoMachines:
    """Both machines with ``records`` logged on a, synced."""
    pair = TwoMachines(tmp_path)
    store = pair.a_store()
    for record in records:
        store.add_many([record])
    pair.sync()
    return pair


def both_merge(pair: TwoMachines) -> tuple[list, list]:
    """Each machine merges what it finds, then they sync (as two running legdays would)."""
    a, b = merge_all(pair.a_store()), merge_all(pair.b_store())
    assert pair.sync() == []  # the same bytes on both: no new conflict
    return a, b


# -- adds, edits, deletes on either side ---------------------------------------------------------------


@pytest.mark.parametrize("winner", ["a", "b"])
def test_sessions_logged_on_both_machines_are_all_kept(tmp_path, winner):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_legs(LUNGE)
    pair.b_store().add_cardio(BIKE)
    [copy] = pair.sync(winner=winner)
    assert copy == "log/2027/2027-01.sync-conflict-20270112-101010-ABCDEFG.toml"
    # Before the merge, one machine's session is only in the copy (what legday used to ignore).
    assert logged(pair.a_store()) != Counter([SQUAT, LUNGE, BIKE])
    [outcome] = merge_all(pair.a_store())
    assert outcome.state == MERGED and outcome.conflicts == () and outcome.note == ""
    assert outcome.summary == ("1 cardio session added" if winner == "a" else "1 leg session added")
    pair.sync()
    for store in (pair.a_store(), pair.b_store()):
        assert logged(store) == Counter([SQUAT, LUNGE, BIKE])
        assert store.conflict_copies() == []
        assert store.undo_labels()[0] == f"merged a copy from another device: {outcome.summary}"
    # The copy is kept, moved out of the way, not deleted.
    assert (pair.a / BACKUP / copy).read_bytes() and not (pair.a / copy).exists()


def test_an_edit_on_one_side_stays_an_edit_and_a_delete_on_the_other_stays_deleted(tmp_path):
    pair = started(tmp_path, SQUAT, BIKE, RUN)
    faster = CardioSession(RUN.date, "run", 30, 6, dt.time(7))
    pair.a_store().replace(RUN, faster)
    pair.b_store().remove(BIKE)
    pair.sync(winner="b")
    [outcome] = merge_all(pair.a_store())
    assert outcome.summary == "1 cardio session edited"
    pair.sync()
    for store in (pair.a_store(), pair.b_store()):
        assert logged(store) == Counter([SQUAT, faster])  # no old run, no bike back


def test_a_delete_undone_on_one_side_and_an_edit_on_the_other(tmp_path):
    """Undo adds a step rather than deleting one: the other machine's merge knows the delete was
    undone, so the record is there, once, and the edit made elsewhere is kept."""
    pair = started(tmp_path, SQUAT, BIKE, RUN)
    harder = CardioSession(BIKE.date, "bike", 30, 5, dt.time(7))
    a, b = pair.a_store(), pair.b_store()
    a.remove(RUN)
    a.undo()
    a.add_legs(LUNGE)
    b.replace(BIKE, harder)
    b.add_skip(Skip(WALK.date, "walk"))
    assert pair.sync(winner="a")
    a_out, b_out = both_merge(pair)
    assert (
        [o.summary for o in a_out] == [o.summary for o in b_out] == ["1 skip added, 1 cardio session edited"]
    )
    for store in (pair.a_store(), pair.b_store()):
        assert logged(store) == Counter([SQUAT, LUNGE, harder, RUN, Skip(WALK.date, "walk")])


def test_a_record_added_and_deleted_on_one_side_does_not_come_back(tmp_path):
    pair = started(tmp_path, SQUAT)
    a = pair.a_store()
    a.add_cardio(BIKE)
    pair.sync()  # the bike reaches b
    a.remove(BIKE)
    pair.b_store().add_cardio(WALK)
    pair.sync(winner="b")
    merge_all(pair.a_store())
    pair.sync()
    assert logged(pair.b_store()) == Counter([SQUAT, WALK])


def test_both_deleting_and_adding_the_same_record_does_it_once(tmp_path):
    pair = started(tmp_path, SQUAT, BIKE)
    for store in (pair.a_store(), pair.b_store()):
        store.remove(BIKE)
    pair.a_store().add_cardio(RUN)
    pair.b_store().add_cardio(RUN)
    pair.b_store().add_cardio(WALK)
    pair.sync()
    [outcome] = merge_all(pair.a_store())
    assert outcome.summary == "1 cardio session added"
    assert logged(pair.a_store()) == Counter([SQUAT, RUN, WALK])


# -- real conflicts: both versions kept, and said -------------------------------------------------------


def test_the_same_session_edited_differently_on_both_keeps_both_and_says_so(tmp_path):
    pair = started(tmp_path, BIKE)
    longer = CardioSession(BIKE.date, "bike", 45, 3, dt.time(7))
    harder = CardioSession(BIKE.date, "bike", 30, 5, dt.time(7))
    pair.a_store().replace(BIKE, longer)
    pair.b_store().replace(BIKE, harder)
    pair.sync()
    [outcome] = merge_all(pair.a_store())
    assert logged(pair.a_store()) == Counter([longer, harder])
    [said] = outcome.conflicts
    assert "bike Tue 12 Jan" in said and "edited differently on both devices: both versions kept" in said


def test_an_edit_against_a_delete_keeps_the_edit_and_says_so(tmp_path):
    pair = started(tmp_path, BIKE)
    harder = CardioSession(BIKE.date, "bike", 30, 5, dt.time(7))
    pair.a_store().remove(BIKE)
    pair.b_store().replace(BIKE, harder)
    pair.sync()
    [outcome] = merge_all(pair.b_store())
    assert logged(pair.b_store()) == Counter([harder])
    [said] = outcome.conflicts
    assert said.startswith("bike Tue 12 Jan") and said.endswith(
        "was edited on one device and deleted on the other: the edited one kept"
    )


def test_two_check_ins_for_one_morning_are_both_kept_and_said(tmp_path):
    pair = started(tmp_path, SQUAT)
    pair.a_store().set_checkin(CheckIn(JAN, 4))
    pair.b_store().set_checkin(CheckIn(JAN, 6, 7.5))
    pair.sync()
    [outcome] = merge_all(pair.a_store())
    assert logged(pair.a_store())[CheckIn(JAN, 6, 7.5)] == 1 and logged(pair.a_store())[CheckIn(JAN, 4)] == 1
    [said] = outcome.conflicts
    assert said.startswith("two check-ins on Mon 11 Jan") and said.endswith("one from each device: both kept")


def test_with_no_common_history_everything_is_kept_and_it_says_deletions_may_be_back(tmp_path):
    pair = started(tmp_path, SQUAT, BIKE)
    pair.a_store().remove(BIKE)
    pair.b_store().add_cardio(RUN)
    pair.sync()
    for side in (pair.a, pair.b):  # the history lost (a person cleared it)
        for step in (side / "undo").glob("*.toml"):
            step.unlink()
    store = pair.a_store()
    [found] = store.conflict_copies()
    # A young copy waits for its history (the other machine's steps may still be on their way)...
    waiting = store.merge_copy(found)
    assert waiting.state == WAITING and "not in the undo folder yet" in waiting.note
    assert logged(store) == Counter([SQUAT]) and (pair.a / found.copy.path).exists()
    # ...and is merged without it when asked (or once it is older): nothing lost, the bike back.
    outcome = store.merge_copy(found, force=True)
    assert logged(pair.a_store()) == Counter([SQUAT, BIKE, RUN])
    assert "may be back" in outcome.note


# -- every naming scheme, and where the copy is -----------------------------------------------------------


@pytest.mark.parametrize("scheme", ["syncthing", "dropbox", "dropbox-de", "nextcloud", "owncloud"])
def test_each_tools_copy_is_found_and_merged(tmp_path, scheme):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_cardio(WALK)
    copy_on = "loser" if scheme == "nextcloud" else "both"
    [copy] = pair.sync(winner="a", scheme=scheme, copy_on=copy_on)
    assert copy == copy_name(MONTH, scheme)
    # Nextcloud keeps the copy on the machine whose change lost: the merge happens there.
    merging_store = pair.b_store()
    [found] = merging_store.conflict_copies()
    assert found.copy.path == copy and found.copy.original == MONTH
    assert merging_store.merge_copy(found).state == MERGED
    pair.sync(scheme=scheme, copy_on=copy_on)
    assert logged(pair.a_store()) == logged(pair.b_store()) == Counter([SQUAT, BIKE, WALK])
    assert (pair.b / BACKUP / copy).exists()


def test_several_copies_of_one_month_are_merged_oldest_first(tmp_path):
    pair = started(tmp_path, SQUAT)
    month = pair.a / MONTH
    base = month.read_bytes()
    for n, (name, record) in enumerate(
        [
            ("20270112-101010-AAAAAAA", BIKE),
            ("20270113-090000-BBBBBBB", RUN),
            ("20270111-080000-CCCCCCC", WALK),
        ]
    ):
        Store(tmp_path / f"m{n}").add_many([SQUAT, record])
        put(pair.a, f"log/2027/2027-01.sync-conflict-{name}.toml", (tmp_path / f"m{n}" / MONTH).read_bytes())
    assert month.read_bytes() == base
    store = pair.a_store()
    assert [f.copy.stamp for f in store.conflict_copies()] == [
        "2027-01-11 08:00:00",
        "2027-01-12 10:10:10",
        "2027-01-13 09:00:00",
    ]
    # (made by three stores with no history in common: merged without it, when asked)
    assert [store.merge_copy(f, force=True).state for f in store.conflict_copies()] == [MERGED] * 3
    assert logged(store) == Counter([SQUAT, BIKE, RUN, WALK])


# -- one undo step, atomic ------------------------------------------------------------------------


def test_the_merge_is_one_undo_step_and_undo_takes_it_back(tmp_path):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_many([RUN, WALK])
    pair.sync()
    store = pair.a_store()
    merge_all(store)
    # (b's import, numbered like a's bike, comes after it: undo goes newest first, whoever made it)
    assert store.undo_labels()[:3] == [
        "merged a copy from another device: 2 cardio sessions added",
        "imported 2 entries",
        store.undo_labels()[2],
    ]
    assert store.undo_labels()[2].startswith("logged bike Tue 12 Jan")
    assert store.undo() == "merged a copy from another device: 2 cardio sessions added"
    assert logged(store) == Counter([SQUAT, BIKE])
    # What the merge brought in (b's import) was undone with it; next comes this machine's bike.
    assert store.undo_labels()[0].startswith("logged bike Tue 12 Jan")
    assert list((pair.a / BACKUP).rglob("*.toml"))  # the copy is still kept


def test_two_machines_merging_the_same_copy_write_the_same_bytes_and_it_undoes_once(tmp_path):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_cardio(RUN)
    pair.sync()
    both_merge(pair)  # (asserts the sync after it made no copy: identical bytes)
    steps = sorted(p.name for p in (pair.a / "undo").glob("*.toml"))
    assert steps[-2:] == ["000003-aaaa1111.toml", "000003-bbbb2222.toml"], steps  # one merge step each
    store = pair.a_store()
    assert store.undo_labels()[0].startswith("merged a copy") and not store.undo_labels()[1].startswith(
        "merged"
    )
    store.undo()  # both machines' merge steps undone together
    assert logged(store) == Counter([SQUAT, BIKE])
    # b's run came in with the merge: undone with it. Next: this machine's bike.
    assert store.undo().startswith("logged bike Tue 12 Jan")
    assert logged(store) == Counter([SQUAT])


def test_a_merge_that_fails_to_write_changes_nothing_and_leaves_the_copy(tmp_path, monkeypatch):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_cardio(RUN)
    [copy] = pair.sync()
    before = {p: p.read_bytes() for p in pair.a.rglob("*") if p.is_file() and p.name != ".lock"}
    real = os.replace
    calls = [0]

    def failing(src, dst):
        calls[0] += 1
        if calls[0] == 2:  # 1: the pending file, 2: the month
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(src, dst)

    monkeypatch.setattr(files.os, "replace", failing)
    store = pair.a_store()
    with pytest.raises(StorageError, match="disk is full"):
        merge_all(store)
    monkeypatch.undo()
    after = {p: p.read_bytes() for p in pair.a.rglob("*") if p.is_file() and p.name != ".lock"}
    assert after == before and (pair.a / copy).exists()
    assert merge_all(pair.a_store())[0].state == MERGED  # and it merges once the disk has room


def test_a_merge_repeated_after_a_crash_before_the_copy_moved_changes_nothing_more(tmp_path):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_cardio(RUN)
    [copy] = pair.sync()
    saved = (pair.a / copy).read_bytes()
    merge_all(pair.a_store())
    put(pair.a, copy, saved)  # as if legday died between writing the merge and moving the copy
    month = (pair.a / MONTH).read_bytes()
    [outcome] = merge_all(pair.a_store())
    assert outcome.state == NOTHING_NEW and (pair.a / MONTH).read_bytes() == month
    assert not (pair.a / copy).exists()
    assert len(list((pair.a / BACKUP).rglob("*.toml"))) == 2  # kept twice, never written over


# -- what is left alone ------------------------------------------------------------------------------


def test_a_copy_that_cannot_be_read_is_reported_and_left_as_it_is(tmp_path):
    pair = started(tmp_path, SQUAT)
    copy = copy_name(MONTH, "syncthing")
    put(pair.a, copy, b"schema = 1\nlegs = [\n")
    store = pair.a_store()
    [outcome] = merge_all(store)
    assert outcome.state == UNREADABLE and "not valid TOML" in outcome.note
    assert (pair.a / copy).read_bytes() == b"schema = 1\nlegs = [\n"
    assert any(p.path == pair.a / copy for p in store.problems)


def test_a_copy_whose_file_is_missing_waits(tmp_path):
    pair = started(tmp_path, SQUAT)
    copy = copy_name(MONTH, "syncthing")
    os.rename(pair.a / MONTH, pair.a / copy)  # a sync tool between its two renames
    [outcome] = merge_all(pair.a_store())
    assert outcome.state == WAITING and (pair.a / copy).exists()


def test_a_dry_run_says_what_a_merge_would_do_and_writes_nothing(tmp_path):
    pair = started(tmp_path, SQUAT)
    pair.a_store().add_cardio(BIKE)
    pair.b_store().add_legs(LUNGE)
    pair.sync()
    before = {p: p.read_bytes() for p in pair.a.rglob("*") if p.is_file() and p.name != ".lock"}
    [outcome] = merge_all(pair.a_store(), dry_run=True)
    assert (outcome.state, outcome.summary) == (WOULD_MERGE, "1 leg session added")
    assert {p: p.read_bytes() for p in pair.a.rglob("*") if p.is_file() and p.name != ".lock"} == before


def test_an_identical_copy_is_only_moved_aside(tmp_path):
    pair = started(tmp_path, SQUAT)
    put(pair.a, copy_name(MONTH, "dropbox"), (pair.a / MONTH).read_bytes())
    store = pair.a_store()
    labels = store.undo_labels()
    assert [o.state for o in merge_all(store)] == [NOTHING_NEW]
    assert store.undo_labels() == labels and store.conflict_copies() == []


# -- the profile, settings and undo steps -------------------------------------------------------------


def test_profile_fields_changed_on_each_side_are_both_kept(tmp_path):
    pair = TwoMachines(tmp_path)
    pair.a_store().save_profile(Profile(goal=Goal.STRENGTH, leg_days=(0, 3)))
    pair.sync()
    pair.a_store().save_profile(Profile(goal=Goal.POWER, leg_days=(0, 3)))
    pair.b_store().save_profile(Profile(goal=Goal.STRENGTH, leg_days=(1, 4)))
    [copy] = pair.sync(winner="b")
    assert copy == copy_name("profile.toml", "syncthing")
    [outcome] = merge_all(pair.a_store())
    assert outcome.state == MERGED and outcome.summary == "profile: goal from the other device"
    assert pair.a_store().profile() == Profile(goal=Goal.POWER, leg_days=(1, 4))
    assert pair.a_store().undo() == "merged a copy from another device: profile: goal from the other device"
    assert pair.a_store().profile() == Profile(goal=Goal.STRENGTH, leg_days=(1, 4))


def test_a_profile_field_changed_differently_on_both_keeps_the_files_and_says_so(tmp_path):
    pair = TwoMachines(tmp_path)
    pair.a_store().save_profile(Profile(goal=Goal.STRENGTH))
    pair.sync()
    pair.a_store().save_profile(Profile(goal=Goal.POWER))
    pair.b_store().save_profile(Profile(goal=Goal.ENDURANCE))
    pair.sync(winner="a")
    [outcome] = merge_all(pair.b_store())
    assert outcome.state == NOTHING_NEW
    assert outcome.conflicts == (
        "the profile's goal was changed on both devices: kept power, the other device had endurance",
    )
    assert pair.b_store().profile().goal is Goal.POWER


def test_settings_copies_are_merged_field_by_field(tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('schema = 1\ntheme = "legday-dark"\nweek_start = 0\n')
    put(
        config,
        copy_name("settings.toml", "syncthing"),
        b'schema = 1\ntheme = "legday-light"\nweek_start = 0\ncalendar_file = "/x/legday.ics"\n',
    )
    store = Store(tmp_path / "data")
    [found] = store.conflict_copies(config)
    outcome = store.merge_copy(found)
    assert outcome.summary == "settings: calendar file from the other device"
    assert outcome.conflicts == (
        "the setting theme was changed on both devices: kept legday-dark, the other device had legday-light",
    )
    text = (config / "settings.toml").read_text()
    assert 'calendar_file = "/x/legday.ics"' in text and 'theme = "legday-dark"' in text
    assert (config / BACKUP / copy_name("settings.toml", "syncthing")).exists()


def test_an_old_numbered_undo_step_copy_is_kept_as_a_step_of_its_own(tmp_path):
    store = Store(tmp_path, machine="aaaa1111")
    store.add_cardio(BIKE, label="bike")
    (tmp_path / "undo" / "000001-aaaa1111.toml").rename(tmp_path / "undo" / "000001.toml")
    other = Store(tmp_path / "other")
    other.add_cardio(RUN, label="run")
    put(
        tmp_path,
        "undo/000001.sync-conflict-20270112-101010-ABCDEFG.toml",
        next((tmp_path / "other" / "undo").glob("*.toml")).read_bytes(),
    )
    [outcome] = merge_all(store)
    assert outcome.state == KEPT_STEP
    assert sorted(store.undo_labels()) == ["bike", "run"]


# -- the change stamp sees what a sync tool writes -------------------------------------------------------


def test_the_stamp_changes_when_a_sync_tool_writes_a_month_or_a_copy(tmp_path):
    pair = started(tmp_path, SQUAT)
    store = pair.b_store()
    stamp = store.stamp()
    assert store.stamp() == stamp  # reading changes nothing
    pair.a_store().add_cardio(BIKE)
    pair.sync()  # a new version of the month, renamed into place on b
    assert store.stamp() != stamp
    stamp = store.stamp()
    put(pair.b, copy_name(MONTH, "syncthing"), b"schema = 1\n")
    assert store.stamp() != stamp
    stamp = store.stamp()
    put(pair.b, "log/2031/2031-05.toml", b"schema = 1\n")  # a new year folder
    assert store.stamp() != stamp
    stamp = store.stamp()
    put(pair.b, "log/2031/2031-06.toml", b"schema = 1\n")  # and a file in it
    assert store.stamp() != stamp
