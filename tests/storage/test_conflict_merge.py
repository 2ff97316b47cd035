"""The record-level merge of two versions of a file: add, edit and delete on either side, conflicts,
history read from undo steps, and the properties that make it safe (nothing added on either side is
lost; nothing deleted on one side and untouched on the other comes back)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from legday.core.model import CardioSession, CheckIn, LegSession
from legday.storage.conflicts import (
    ADDED_ON_BOTH,
    DELETED_EDITED,
    EDITED_DELETED,
    EDITED_ON_BOTH,
    MISSING,
    Changes,
    Conflict,
    FieldConflict,
    FileStep,
    HistoryMismatch,
    compose,
    find_base,
    merge,
    merge_fields,
    rebuild_base,
    three_way,
    union,
)
from tests.core.hypothesis_profiles import examples
from tests.storage import records as strategies

DAY = dt.date(2027, 1, 12)
SQUAT = LegSession(DAY, dt.time(18), 60, 8)
BIKE = CardioSession(DAY, "bike", 30, 3, dt.time(7))
BIKE_HARDER = CardioSession(DAY, "bike", 30, 4, dt.time(7))
BIKE_LONGER = CardioSession(DAY, "bike", 45, 3, dt.time(7))
RUN = CardioSession(DAY + dt.timedelta(days=1), "run", 20, 5)
SORE = CheckIn(DAY, 4)
SORER = CheckIn(DAY, 6)


def slot(record):
    """Same kind, same day: one record gone and one come there is an edit (what legday's storage will pass)."""
    return (type(record).__name__, record.date)


def bag(records) -> Counter:
    return Counter(records)


# -- add / edit / delete on either side ---------------------------------------------------------------


def test_added_on_either_side_is_kept():
    result = three_way([BIKE], [BIKE, SQUAT], [BIKE, RUN])
    assert bag(result.records) == bag([BIKE, SQUAT, RUN])
    assert result.conflicts == ()
    assert result.step == Changes((RUN,), ())  # what the merge adds to the file that kept its name


def test_added_alike_on_both_is_one_entry():
    result = three_way([], [SQUAT], [SQUAT])
    assert result.records == (SQUAT,)
    assert result.step == Changes()


def test_deleted_on_one_side_stays_deleted():
    assert bag(three_way([BIKE, RUN], [RUN], [BIKE, RUN]).records) == bag([RUN])
    assert bag(three_way([BIKE, RUN], [BIKE, RUN], [RUN]).records) == bag([RUN])


def test_deleted_on_both_is_deleted_once():
    result = three_way([BIKE, RUN, SQUAT], [RUN, SQUAT], [BIKE, SQUAT])
    assert bag(result.records) == bag([SQUAT])


def test_edited_on_one_side_stays_edited():
    for ours, theirs in (([BIKE_HARDER], [BIKE]), ([BIKE], [BIKE_HARDER])):
        result = three_way([BIKE], ours, theirs, slot=slot)
        assert result.records == (BIKE_HARDER,)
        assert result.conflicts == ()


def test_edited_alike_on_both_is_one_edit():
    result = three_way([BIKE], [BIKE_HARDER], [BIKE_HARDER], slot=slot)
    assert result.records == (BIKE_HARDER,)
    assert result.conflicts == ()


def test_edited_differently_on_both_keeps_both_and_says_so():
    result = three_way([BIKE, RUN], [BIKE_HARDER, RUN], [BIKE_LONGER, RUN], slot=slot)
    assert bag(result.records) == bag([BIKE_HARDER, BIKE_LONGER, RUN])
    assert result.conflicts == (Conflict(EDITED_ON_BOTH, BIKE, BIKE_HARDER, BIKE_LONGER),)


def test_edited_on_one_side_and_deleted_on_the_other_keeps_the_edit_and_says_so():
    result = three_way([BIKE], [BIKE_HARDER], [], slot=slot)
    assert result.records == (BIKE_HARDER,)
    assert result.conflicts == (Conflict(EDITED_DELETED, BIKE, BIKE_HARDER, None),)
    result = three_way([BIKE], [], [BIKE_LONGER], slot=slot)
    assert result.records == (BIKE_LONGER,)
    assert result.conflicts == (Conflict(DELETED_EDITED, BIKE, None, BIKE_LONGER),)
    assert result.step == Changes((BIKE_LONGER,), ())


def test_one_record_only_where_one_may_be_is_reported():
    """Two check-ins for one day, one logged on each machine: both kept (nothing lost), and said."""

    def one_checkin_a_day(record):
        return record.date if isinstance(record, CheckIn) else None

    result = three_way([BIKE], [BIKE, SORE], [BIKE, SORER, RUN], unique=one_checkin_a_day)
    assert bag(result.records) == bag([BIKE, SORE, SORER, RUN])
    assert result.conflicts == (Conflict(ADDED_ON_BOTH, None, SORE, SORER),)
    # Without the key nothing is reported; the same check-in on both is no conflict.
    assert three_way([BIKE], [BIKE, SORE], [BIKE, SORER]).conflicts == ()
    assert three_way([], [SORE], [SORE], unique=one_checkin_a_day).conflicts == ()


def test_equal_records_count_one_by_one():
    # Two identical runs in the base; one side deletes one of them: one is left.
    assert three_way([RUN, RUN], [RUN], [RUN, RUN]).records == (RUN,)
    # Each side deletes one: the same entry, deleted once.
    assert three_way([RUN, RUN], [RUN], [RUN]).records == (RUN,)
    # One side logs it a second time, the other deletes it: the second one stays.
    assert three_way([RUN], [RUN, RUN], []).records == (RUN,)


def test_a_history_that_does_not_fit_is_refused():
    with pytest.raises(HistoryMismatch):
        merge([BIKE], Changes((), (RUN,)), Changes())
    with pytest.raises(HistoryMismatch):
        merge([RUN], Changes(), Changes((), (RUN, RUN)))
    with pytest.raises(HistoryMismatch):
        rebuild_base([BIKE], Changes((RUN,), ()))


def test_union_without_a_base_keeps_everything():
    result = union([BIKE, SQUAT], [BIKE, RUN])
    assert bag(result.records) == bag([BIKE, SQUAT, RUN])
    assert result.step == Changes((RUN,), ())


# -- changes from undo steps -----------------------------------------------------------------------


def test_a_step_removing_one_and_adding_one_is_an_edit():
    assert Changes.step([BIKE_HARDER], [BIKE]).edits == ((BIKE, BIKE_HARDER),)
    assert Changes.step([SQUAT, RUN], []).edits == ()
    assert Changes.step([RUN, BIKE_HARDER], [BIKE]).edits == ()  # an import that also deleted: no pairing
    assert Changes.step([RUN, BIKE_HARDER], [BIKE], slot=slot).edits == ((BIKE, BIKE_HARDER),)


def test_steps_compose():
    logged = Changes.step([SQUAT], [])
    edited = Changes.step([BIKE_HARDER], [BIKE])
    edited_again = Changes.step([BIKE_LONGER], [BIKE_HARDER])
    deleted = Changes.step([], [BIKE_LONGER])
    # an edit of an edit is one edit from the first version to the last
    assert compose([edited, edited_again]) == Changes((BIKE_LONGER,), (BIKE,), ((BIKE, BIKE_LONGER),))
    # an edited record then deleted is a deletion of the first version
    assert compose([edited, edited_again, deleted]) == Changes((), (BIKE,), ())
    # logged then edited is logged as edited
    assert compose([logged, Changes.step([RUN], [SQUAT])]) == Changes((RUN,), ())
    # logged then deleted, or edited and edited back, is nothing
    assert compose([logged, Changes.step([], [SQUAT])]) == Changes()
    assert compose([edited, Changes.step([BIKE], [BIKE_HARDER])]) == Changes()


def test_the_base_is_rebuilt_from_the_steps_of_each_side():
    base = [BIKE, RUN]
    ours_steps = [Changes.step([SQUAT], []), Changes.step([BIKE_HARDER], [BIKE])]
    theirs_steps = [Changes.step([], [RUN])]
    ours = [BIKE_HARDER, RUN, SQUAT]
    theirs = [BIKE]
    ours_changes, theirs_changes = compose(ours_steps), compose(theirs_steps)
    assert bag(rebuild_base(ours, ours_changes)) == bag(rebuild_base(theirs, theirs_changes)) == bag(base)
    result = merge(base, ours_changes, theirs_changes)
    assert bag(result.records) == bag([BIKE_HARDER, SQUAT])
    assert result.step == Changes((), (RUN,))


def test_find_base_follows_each_side_back_to_where_they_parted():
    # A month file: created on one machine (h0), then changed on both before they synced.
    made = FileStep(None, "h0", Changes.step([BIKE], []))
    ours1 = FileStep("h0", "a1", Changes.step([SQUAT], []))
    ours2 = FileStep("a1", "a2", Changes.step([BIKE_HARDER], [BIKE]))
    theirs1 = FileStep("h0", "b1", Changes.step([RUN], []))
    unrelated = FileStep("x0", "x1", Changes.step([SORE], []))
    found = find_base([theirs1, ours2, unrelated, made, ours1], "a2", "b1")
    assert found is not None and found.digest == "h0"
    assert found.ours == Changes((SQUAT, BIKE_HARDER), (BIKE,), ((BIKE, BIKE_HARDER),))
    assert found.theirs == Changes((RUN,), ())
    base = rebuild_base([SQUAT, BIKE_HARDER], found.ours)
    assert bag(base) == bag(rebuild_base([BIKE, RUN], found.theirs)) == bag([BIKE])
    assert bag(merge(base, found.ours, found.theirs).records) == bag([SQUAT, BIKE_HARDER, RUN])
    # Both made the file from nothing: they parted at "no file".
    assert find_base([made, FileStep(None, "c0", Changes.step([RUN], []))], "h0", "c0").digest is None
    # One is an older version of the other: nothing to merge on that side.
    assert find_base([made, ours1, ours2], "a2", "h0").theirs == Changes()
    # No common version (the history was pruned): the caller falls back to union.
    assert find_base([ours2, theirs1], "a2", "b1") is None
    assert find_base([], "a2", "b1") is None


def test_find_base_survives_a_file_that_went_back_to_an_earlier_version():
    there = FileStep("h0", "h1", Changes.step([RUN], []))
    back = FileStep("h1", "h0", Changes.step([], [RUN]))
    again = FileStep("h0", "h1", Changes.step([RUN], []))
    found = find_base([there, back, again, FileStep("h1", "b1", Changes.step([SQUAT], []))], "h1", "b1")
    assert found is not None and found.digest == "h1" and found.ours == Changes()


# -- fields ---------------------------------------------------------------------------------------


def test_fields_changed_on_one_side_take_that_side():
    base = {"goal": "general", "leg_days": ["mon"], "units": "kg"}
    ours = {"goal": "endurance", "leg_days": ["mon"], "units": "kg"}
    theirs = {"goal": "general", "leg_days": ["mon", "thu"], "units": "kg", "leg_time": "18:00"}
    merged, conflicts = merge_fields(base, ours, theirs)
    assert merged == {"goal": "endurance", "leg_days": ["mon", "thu"], "units": "kg", "leg_time": "18:00"}
    assert conflicts == ()


def test_fields_changed_differently_keep_ours_and_report_theirs():
    base = {"theme": "dark", "keymap": {"quit": "q", "help": "?"}}
    ours = {"theme": "nord", "keymap": {"quit": "ctrl+q", "help": "?"}}
    theirs = {"theme": "gruvbox", "keymap": {"quit": "x", "help": "f1"}}
    merged, conflicts = merge_fields(base, ours, theirs)
    assert merged == {"theme": "nord", "keymap": {"quit": "ctrl+q", "help": "f1"}}
    assert conflicts == (
        FieldConflict(("theme",), "dark", "nord", "gruvbox"),
        FieldConflict(("keymap", "quit"), "q", "ctrl+q", "x"),
    )


def test_fields_removed_on_one_side_stay_removed():
    merged, conflicts = merge_fields({"a": 1, "b": 2}, {"a": 1}, {"a": 1, "b": 2, "c": 3})
    assert merged == {"a": 1, "c": 3} and conflicts == ()
    merged, conflicts = merge_fields({"a": 1}, {}, {"a": 2})
    assert merged == {} and conflicts == (FieldConflict(("a",), 1, MISSING, 2),)


# -- properties -----------------------------------------------------------------------------------

# Few distinct values, so that both sides often touch the same records (and equal ones repeat).
small = st.integers(0, 6)


@st.composite
def histories(draw, values=small):
    """A base and, for each side, the steps it took from there (log, delete, edit), as undo records
    them, with the records each side ends with."""
    base = draw(st.lists(values, max_size=8))

    def side():
        records = list(base)
        steps = []
        for _ in range(draw(st.integers(0, 5))):
            action = draw(st.sampled_from(["log", "delete", "edit"] if records else ["log"]))
            if action == "log":
                new = draw(values)
                records.append(new)
                steps.append(Changes.step([new], []))
            else:
                old = records.pop(draw(st.integers(0, len(records) - 1)))
                added = [draw(values)] if action == "edit" else []
                records += added
                steps.append(Changes.step(added, [old]))
        return records, steps

    ours, ours_steps = side()
    theirs, theirs_steps = side()
    return base, ours, ours_steps, theirs, theirs_steps


def check_safe(base, ours, theirs, merged):
    b, o, t, m = bag(base), bag(ours), bag(theirs), bag(merged)
    for record in set(b) | set(o) | set(t):
        # Nothing added on either side is lost.
        assert m[record] >= o[record] - b[record]
        assert m[record] >= t[record] - b[record]
        # Nothing deleted on one side and untouched on the other comes back; deleted on both, deleted.
        if o[record] <= b[record] and t[record] <= b[record]:
            assert m[record] <= min(o[record], t[record])
        # Untouched on both: as it was.
        if o[record] == b[record] == t[record]:
            assert m[record] == b[record]


@examples(300)
@given(histories())
def test_merge_loses_nothing_and_resurrects_nothing(history):
    base, ours, _, theirs, _ = history
    merged = three_way(base, ours, theirs)
    check_safe(base, ours, theirs, merged.records)
    # The merge's own step takes the file that kept its name to the result.
    after = bag(ours)
    after.update(merged.step.added)
    after.subtract(merged.step.removed)
    assert +after == bag(merged.records)
    # Which side is "ours" changes nothing but the conflicts' sides.
    assert bag(three_way(base, theirs, ours).records) == bag(merged.records)


@examples(300)
@given(histories())
def test_undo_steps_tell_the_same_story_as_the_records(history):
    base, ours, ours_steps, theirs, theirs_steps = history
    ours_changes, theirs_changes = compose(ours_steps), compose(theirs_steps)
    assert bag(rebuild_base(ours, ours_changes)) == bag(base)
    assert bag(rebuild_base(theirs, theirs_changes)) == bag(base)
    from_steps = merge(base, ours_changes, theirs_changes)
    assert bag(from_steps.records) == bag(three_way(base, ours, theirs).records)
    check_safe(base, ours, theirs, from_steps.records)


@examples(200)
@given(histories())
def test_history_found_by_digest_rebuilds_the_same_base(history):
    """Steps recorded with a digest of the file before and after, as two machines would sync them:
    find_base must lead both sides back to one version, and the merge from there loses nothing."""
    base, ours, ours_steps, theirs, theirs_steps = history

    def digest(records):
        return repr(sorted(bag(records).items()))

    def file_steps(steps):
        records, out = list(base), []
        for step in steps:
            before = digest(records)
            for old in step.removed:
                records.remove(old)
            records += step.added
            out.append(FileStep(before, digest(records), step))
        return out

    found = find_base(file_steps(ours_steps) + file_steps(theirs_steps), digest(ours), digest(theirs))
    assert found is not None
    common = rebuild_base(ours, found.ours)
    assert bag(common) == bag(rebuild_base(theirs, found.theirs))
    assert digest(common) == found.digest
    merged = merge(common, found.ours, found.theirs)
    check_safe(common, ours, theirs, merged.records)


@examples(200)
@given(
    st.lists(strategies.records, max_size=6),
    st.lists(strategies.records, max_size=4),
    st.lists(strategies.records, max_size=4),
    st.data(),
)
def test_real_records_added_on_either_side_survive(base, ours_new, theirs_new, data):
    ours_kept = data.draw(st.lists(st.booleans(), min_size=len(base), max_size=len(base)))
    theirs_kept = data.draw(st.lists(st.booleans(), min_size=len(base), max_size=len(base)))
    ours = [r for r, keep in zip(base, ours_kept) if keep] + ours_new
    theirs = [r for r, keep in zip(base, theirs_kept) if keep] + theirs_new
    merged = three_way(base, ours, theirs, slot=slot)
    check_safe(base, ours, theirs, merged.records)
    for record in ours_new + theirs_new:
        if record not in base:  # (one equal to a base record deleted on that side is no addition)
            assert record in merged.records
    for record, a, b in zip(base, ours_kept, theirs_kept):
        if not (a or b) and record not in ours_new + theirs_new and base.count(record) == 1:
            assert record not in merged.records


@examples(200)
@given(st.lists(small, max_size=8), st.lists(small, max_size=8))
def test_merging_a_side_with_itself_or_the_base_changes_nothing(base, other):
    assert bag(three_way(base, base, other).records) == bag(other)
    assert bag(three_way(base, other, base).records) == bag(other)
    assert bag(three_way(base, other, other).records) == bag(other)
    assert bag(union(other, other).records) == bag(other)
