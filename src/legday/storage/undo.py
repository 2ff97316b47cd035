"""Undo: reverse the newest step of the undo history, whoever made it, or refuse and change nothing.

A step (``steps.py``) lists what its change removed and added. Reversing it takes out what it added
and puts back what it removed, month by month, and puts the profile before it back. It is done only
if the files still agree with the step: everything it added is still there, exactly, and what it
removed can go back (no other check-in on that day since). Otherwise ``RecordChanged`` says which
entry and nothing is written. Steps a power cut left empty are lost, not damaged: they are dropped
and undo goes on with older ones; a step that cannot be read stops undo (``CorruptFile``, with its
path and line) until it is moved aside.

Undo deletes no history: it records an *undo step* that puts back what the step removed and takes
out what it added, and names the step it undid (``steps.py``). The step undone stays on disk, so a
machine that shares the folder through a sync tool knows the change was made and then undone (what
merging a conflict copy needs). The steps undo can reach are found by walking the history newest
first past undo steps and the steps they undid (``walk``).

Every undo is a change to several files (the months, and the undo step), so it goes through the
commit's pending file: a crash leaves all of it or none (``commit.py``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import suppress
from dataclasses import field
from pathlib import Path

from legday.core.model import CheckIn, Profile
from legday.core.records import Record, describe
from legday.core.values import MutableValue
from legday.storage import codec
from legday.storage.commit import FileChange
from legday.storage.errors import Problems, RecordChanged, StorageError
from legday.storage.reading import Month, Reader
from legday.storage.steps import Head, Step, StepFiles, is_undo


def walk(steps: StepFiles, names: list[str]) -> Iterator[tuple[str, Head]]:
    """The steps undo can reverse, newest first, with their heads: not undo steps, not steps an undo
    step undid, and a merge once (two machines that merged the same copy made one change). Raises
    StorageError at a step that cannot be read (undo stops there)."""
    undone: set[str] = set()
    merges: set[str] = set()
    undone_merges: set[str] | None = None  # the merges of the steps undone, read when first needed
    for name in reversed(names):
        if name in undone:
            continue
        try:
            head = steps.head(name)
        except StorageError:
            if steps.torn(name):
                continue  # lost in a power cut: passed over (and dropped by the next undo)
            raise
        if is_undo(name):
            undone.update(head.undoes)
            undone_merges = None
            continue
        if head.merge:
            if undone_merges is None:
                undone_merges = set()
                for other in undone:
                    with suppress(StorageError):
                        undone_merges.add(steps.head(other).merge)
            if head.merge in merges or head.merge in undone_merges:
                continue
            merges.add(head.merge)
        yield name, head


def twins(steps: StepFiles, names: list[str], name: str, head: Head) -> tuple[str, ...]:
    """``name`` and the other steps that made the same merge (on other machines)."""
    if not head.merge:
        return (name,)
    found = [name]
    for other in names:
        if other != name and not is_undo(other):
            with suppress(StorageError):
                if steps.head(other).merge == head.merge:
                    found.append(other)
    return tuple(found)


def labels(steps: StepFiles, problems: Problems, limit: int) -> list[str]:
    """Labels of the changes undo would reverse, newest first. Stops at a step file that cannot
    be read (listed in ``problems``; undo stops there too until it is moved aside)."""
    found: list[str] = []
    try:
        names = steps.steps()
    except StorageError as err:
        problems.note(err)
        return found
    try:
        for name, head in walk(steps, names):
            if len(found) >= limit:
                break
            found.append(head.label)
            problems.clear_path(steps.path(name))
    except StorageError as err:
        problems.note(err)
    return found


def newest(steps: StepFiles) -> tuple[list[str], str | None, Head | None]:
    """The step names, and the step undo reverses next with its head, after dropping the newest
    steps a power cut left empty. Call under the lock."""
    names = steps.steps()
    while names and steps.torn(names[-1]):
        steps.remove(names.pop())
    for name, head in walk(steps, names):
        return names, name, head
    return names, None, None


class Reversal(MutableValue):
    """What undoing a step writes: the files, the months' records after it, and the profile after
    it (when the step changed the profile)."""

    files: list[FileChange] = field(default_factory=list)
    months: dict[Path, Month] = field(default_factory=dict)
    profile: Profile | None = None
    step: Step | None = None  # the undo step to record


def undo_step(step: Step, undone: tuple[str, ...]) -> Step:
    """The step that records undoing ``step`` (made by the steps named ``undone``): the other way round."""
    return Step(
        f"undid {step.label}",
        added=step.removed,
        removed=step.added,
        profile=step.profile,
        profile_before=step.profile_after if step.profile else None,
        profile_after=step.profile_before if step.profile else None,
        comments=step.comments,
        undoes=undone,
    )


def reverse(step: Step, reader: Reader) -> Reversal:
    """The files that undo ``step``, read fresh (call under the lock). Raises RecordChanged, and
    then nothing is written."""
    from legday.storage.monthtext import month_bytes

    out = Reversal()
    months: dict[tuple[int, int], tuple[list[Record], list[Record]]] = {}
    for record in step.added:
        months.setdefault((record.date.year, record.date.month), ([], []))[0].append(record)
    for record in step.removed:
        months.setdefault((record.date.year, record.date.month), ([], []))[1].append(record)
    for (year, month), (added, removed) in sorted(months.items()):
        path, before, records = reader.load_month(year, month)
        new = {k: list(v) for k, v in records.items()}
        for record in added:
            kind = codec.RECORD_TYPES[type(record)]
            if record not in new[kind]:
                raise RecordChanged(
                    f"cannot undo “{step.label}”: the {describe(record, dt.date.today())} "
                    "entry was changed or deleted since; nothing was changed",
                    path,
                )
            new[kind].remove(record)
        for record in removed:
            kind = codec.RECORD_TYPES[type(record)]
            if kind == "checkin" and any(c.date == record.date for c in new[kind]):
                raise RecordChanged(
                    f"cannot undo “{step.label}”: {day(record.date)} "
                    "has another check-in since; nothing was changed",
                    path,
                )
            if record in new[kind]:
                continue  # there again (a skip, or the same session logged anew): stored once
            new[kind].append(record)
        out.files.append((path, before, month_bytes(before, records, new, step.comments, (year, month))))
        out.months[path] = new
    if step.profile:
        path = reader.profile_path
        before, current = reader.load_profile()
        if current != step.profile_after:
            raise RecordChanged(
                f"cannot undo “{step.label}”: the profile was changed since; nothing was changed", path
            )
        out.profile = step.profile_before
        payload = None if out.profile is None else codec.profile_bytes(out.profile)
        out.files.append((path, before, payload))
    return out


def day(d: dt.date) -> str:
    """``Mon 16 Nov`` (with the year when it is not this year), as undo labels name a day."""
    return describe(CheckIn(d, 0), dt.date.today()).removeprefix("check-in ")
