"""The Store: a person's profile and logs as TOML files in one data folder, and every change to them.

    <data_dir>/profile.toml            the profile
    <data_dir>/log/2026/2026-11.toml   everything logged in November 2026
    <data_dir>/undo/                   the undo history, one file per change
    <data_dir>/.lock                   taken by writers (flock), so two processes never interleave
    <data_dir>/merged-copies/          sync tools' conflict copies, once merged (``merging.py``)

The Store puts together four rooms, each its own module:

- ``reading.py``: the files read (and cached) with no lock; ``problems`` lists the ones skipped;
- ``commit.py``: a change written under the lock, all of it or none, crash or not;
- ``steps.py``: the undo history's files;
- ``undo.py``: reversing the newest step, or refusing.

Every change here is a read-modify-write under the lock: the files it touches are read fresh from
disk, their new contents and what was removed and added are worked out (if anything is wrong, it
raises, and nothing is written yet), then the commit writes them with the undo step. Two processes
logging at once therefore lose nothing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from legday.core.errors import InputError
from legday.core.model import CardioSession, CheckIn, History, LegSession, Profile, Skip
from legday.core.records import Record, describe, record_id
from legday.storage import codec, merging
from legday.storage.commit import Commit, FileChange
from legday.storage.errors import Problems, RecordChanged, StorageError
from legday.storage.files import read_bytes
from legday.storage.reading import Month, Reader
from legday.storage.steps import Step, StepFiles

# A change: given ``month_of(date)`` (that month's records as lists, to edit in place), edit them.
Change = Callable[[Callable[[dt.date], Month]], None]


class Store:
    """legday's files in ``data_dir``. Creating one reads nothing; each call reads what it needs."""

    def __init__(self, data_dir: Path, machine: str | None = None):
        """``machine``: this machine's part of undo step names (default: ``steps.device()``)."""
        self.data_dir = Path(data_dir)
        # Files skipped while reading (CorruptFile, NewerSchema, or an unreadable file): each has
        # .path, .line and .message, and str() is a one-line message for the person.
        self.problems = Problems()
        self._reader = Reader(self.data_dir, self.problems)
        self._steps = StepFiles(self.data_dir / "undo", machine)
        self._commit = Commit(self.data_dir, self._steps, self.problems, self._reader.forget)
        self._merger = merging.Merger(self.data_dir, self._reader, self._steps, self._commit)
        self._years: tuple[int, list[Path]] = (-1, [])  # (log folder's mtime, its year folders)

    # -- where ------------------------------------------------------------------------------------

    @property
    def profile_path(self) -> Path:
        return self._reader.profile_path

    @property
    def log_dir(self) -> Path:
        return self._reader.log_dir

    @property
    def lock_path(self) -> Path:
        return self._commit.lock_path

    @property
    def undo_dir(self) -> Path:
        return self._steps.dir

    @property
    def pending_path(self) -> Path:
        """This machine's record of a change to several files in progress (``commit.py``)."""
        return self._commit.pending_path

    def month_path(self, year: int, month: int) -> Path:
        return self._reader.month_path(year, month)

    def stamp(self) -> tuple:
        """Changes on every write by any legday process, and whenever a sync tool puts a file into
        one of legday's folders (a month, a step, a conflict copy: its temp file renamed into place
        changes the folder's mtime), and on nothing else: the lock file's stat and the mtimes of the
        data, log, year and undo folders (a handful of stats)."""
        log = _mtime(self.log_dir)
        if log != self._years[0]:
            try:
                years = sorted(e.path for e in os.scandir(self.log_dir) if e.name.isdigit() and e.is_dir())
            except OSError:
                years = []
            self._years = (log, [Path(y) for y in years])
        folders = (self.data_dir, self.undo_dir, *self._years[1])
        return (self._commit.stamp(), log, *map(_mtime, folders))

    # -- reading ----------------------------------------------------------------------------------

    def profile(self) -> Profile | None:
        """The saved profile, or None on first run. Raises CorruptFile / NewerSchema / StorageError
        if profile.toml cannot be used (it is then also listed in ``problems``)."""
        self._commit.settle_before_reading()
        return self._reader.profile()

    def history(self, first: dt.date, last: dt.date) -> History:
        """What was logged from ``first`` to ``last`` (both included). Reads only those months;
        a month that cannot be read is skipped and listed in ``problems``."""
        self._commit.settle_before_reading()
        return self._reader.history(first, last)

    def all_history(self) -> History:
        """Everything ever logged (for statistics). Unreadable months are skipped and listed."""
        self._commit.settle_before_reading()
        return self._reader.all_history()

    def exercise_names(self, months: int = 6) -> list[str]:
        """Exercise names from the newest ``months`` month files, most used first (for completion)."""
        return self._reader.exercise_names(months)

    def find(self, record_id: str) -> Record | None:
        """The logged record with this id (see ``legday.core.records``), searching the newest months
        first; None if there is none. Months that cannot be read are skipped and listed."""
        self._commit.settle_before_reading()
        return self._reader.find(record_id.strip().lower())

    # -- changes ----------------------------------------------------------------------------------

    def save_profile(self, p: Profile, label: str | None = None) -> None:
        """Save the profile as one undo step (undo brings the previous one back)."""
        if not isinstance(p, Profile):
            raise TypeError(f"save_profile takes a Profile, not {type(p).__name__}")
        payload = _profile_bytes(p)
        path = self.profile_path
        with self._commit.writing():
            # Refuses to replace a profile this version cannot read: it may be a person's hand
            # edit with a typo, or a newer legday's file.
            before, old = self._reader.load_profile()
            if before == payload:
                return  # nothing to change, nothing to undo
            step = Step(label or "changed the profile", profile=True, profile_before=old, profile_after=p)
            stats = self._commit.apply([(path, before, payload)], step)
        self._reader.remember(path, stats[path], p)

    def _add(self, record: Any, label: str | None) -> None:
        kind = codec.storable(record)

        def change(month_of) -> None:
            month = month_of(record.date)
            if record in month[kind]:
                raise logged_already(record)
            month[kind].append(record)

        self._change(change, label or f"logged {describe(record, dt.date.today())}")

    def add_legs(self, s: LegSession, label: str | None = None) -> None:
        if not isinstance(s, LegSession):
            raise TypeError(f"add_legs takes a LegSession, not {type(s).__name__}")
        self._add(s, label)

    def add_cardio(self, s: CardioSession, label: str | None = None) -> None:
        if not isinstance(s, CardioSession):
            raise TypeError(f"add_cardio takes a CardioSession, not {type(s).__name__}")
        self._add(s, label)

    def set_checkin(self, c: CheckIn, label: str | None = None) -> None:
        """Save the morning check-in, replacing any earlier one for that date (undo brings the
        earlier one back)."""
        if not isinstance(c, CheckIn):
            raise TypeError(f"set_checkin takes a CheckIn, not {type(c).__name__}")
        codec.storable(c)

        def change(month_of) -> None:
            records = month_of(c.date)
            records["checkin"] = [r for r in records["checkin"] if r.date != c.date] + [c]

        self._change(change, label or f"logged {describe(c, dt.date.today())}")

    def add_skip(self, s: Skip, label: str | None = None) -> None:
        """Mark a suggested session as skipped; skipping the same thing twice records it once."""
        if not isinstance(s, Skip):
            raise TypeError(f"add_skip takes a Skip, not {type(s).__name__}")
        codec.storable(s)

        def change(month_of) -> None:
            records = month_of(s.date)
            if s not in records["skip"]:
                records["skip"].append(s)

        self._change(change, label or f"skipped {describe(s, dt.date.today())}")

    def add_many(
        self, records: Iterable[Record], label: str | None = None, profile: Profile | None = None
    ) -> None:
        """Save many records (an import, a benchmark's synthetic years): all of them or, if anything
        is wrong (a record a file cannot hold, a month file that cannot be read), none, with one
        write per month and ONE undo step. Same rules as the single adds: check-ins replace that
        date's, a session or skip already logged is not stored again (here quietly: an import
        reports what it found already there itself). ``profile`` (legday's own export carries one) is saved in
        the same step when no profile is saved yet, and left out when one is."""
        batch = list(records)
        for record in batch:
            codec.storable(record)
        if profile is not None:
            _profile_bytes(profile)  # a profile a file cannot hold: refused before anything is written

        def change(month_of) -> None:
            for record in batch:
                month = month_of(record.date)
                kind = codec.RECORD_TYPES[type(record)]
                if kind == "checkin":
                    month[kind] = [r for r in month[kind] if r.date != record.date]
                elif record in month[kind]:
                    continue  # logged already (or twice in the batch): stored once
                month[kind].append(record)

        self._change(
            change, label or (lambda added, removed: f"imported {len(added)} {_entries(len(added))}"), profile
        )

    def remove(self, record: Record, label: str | None = None) -> bool:
        """Remove one logged record equal to ``record`` (a delete, an un-skip) as one undo step.
        False if it was not there (nothing is written then)."""
        kind = codec.RECORD_TYPES.get(type(record))
        if kind is None:
            raise TypeError(f"cannot remove {type(record).__name__}")

        def change(month_of) -> None:
            records = month_of(record.date)
            if record in records[kind]:
                records[kind].remove(record)

        return self._change(change, label or f"deleted {describe(record, dt.date.today())}")

    def replace(self, old: Record, new: Record, label: str | None = None) -> None:
        """Replace the stored ``old`` with ``new`` (an edit; the two may be in different months), as
        one undo step. ``new`` is checked before anything is written. Raises RecordChanged if ``old``
        is no longer stored, InputError if ``new`` cannot be stored (e.g. a check-in moved onto a day
        that has one); nothing is written then."""
        old_kind = codec.RECORD_TYPES.get(type(old))
        if old_kind is None:
            raise TypeError(f"cannot replace {type(old).__name__}")
        new_kind = codec.storable(new)

        def change(month_of) -> None:
            source = month_of(old.date)
            if old not in source[old_kind]:
                raise RecordChanged(
                    f"the {describe(old, dt.date.today())} entry is no longer in the log (changed or "
                    "deleted meanwhile, perhaps by another legday); nothing was changed",
                    self.month_path(old.date.year, old.date.month),
                )
            source[old_kind].remove(old)
            target = month_of(new.date)
            if new_kind == "checkin" and any(c.date == new.date for c in target["checkin"]):
                from legday.storage import undo

                raise InputError(
                    f"there is already a check-in on {undo.day(new.date)}; "
                    "accepted: a day without one (edit or delete that one instead)"
                )
            if new_kind == "skip" and new in target["skip"]:
                return  # already recorded once
            if new in target[new_kind]:
                raise logged_already(new)
            target[new_kind].append(new)

        self._change(change, label or f"edited {describe(new, dt.date.today())}", carry=(old, new))

    def _change(
        self,
        change: Change,
        label: str | Callable[[list, list], str],
        profile: Profile | None = None,
        carry: tuple[Record, Record] | None = None,
    ) -> bool:
        """Run ``change(month_of)`` under the lock, then save the months it changed as one undo
        step. ``label`` is the step's label, or a function of (added, removed) giving it.
        ``profile``: also save this profile, in the same step, if none is saved (a backup restored
        on a new machine). ``carry``: (old, new) of an edit, whose comment in the file goes with it.
        False if nothing changed."""
        from legday.storage import monthtext  # (writing only: start-up, which reads, skips it)

        with self._commit.writing():
            loaded: dict[tuple[int, int], tuple[Path, bytes | None, Month, Month]] = {}

            def month_of(day: dt.date) -> Month:
                key = (day.year, day.month)
                if key not in loaded:
                    path, before, records = self._reader.load_month(*key)
                    loaded[key] = (path, before, records, {k: list(v) for k, v in records.items()})
                return loaded[key][3]

            change(month_of)
            changed = []
            added: list[Record] = []
            removed: list[Record] = []
            notes: dict[Record, str] = {}  # comments of the entries taken out (for the step, and undo)
            for key, (path, before, old, new) in sorted(loaded.items()):
                plus, minus = _difference(old, new)
                if plus or minus:
                    added += plus
                    removed += minus
                    notes.update(monthtext.comments(before, old, minus))
                    changed.append((key, path, before, old, new))
            if carry is not None and carry[0] in notes:
                notes[carry[1]] = notes[carry[0]]  # an edited entry keeps its comment
            files: list[FileChange] = []
            saved: dict[Path, Month] = {}
            for key, path, before, old, new in changed:
                files.append((path, before, monthtext.month_bytes(before, old, new, notes, key)))
                saved[path] = new
            restored = None
            if profile is not None and read_bytes(self.profile_path) is None:
                restored = profile
                files.append((self.profile_path, None, _profile_bytes(profile)))
            if not files:
                return False
            text = label if isinstance(label, str) else label(added, removed)
            step = Step(
                text,
                tuple(added),
                tuple(removed),
                profile=restored is not None,
                profile_after=restored,
                comments=notes,
            )
            stats = self._commit.apply(files, step)
        for path, records in saved.items():
            self._reader.remember(path, stats[path], records)
        if restored is not None:
            self._reader.remember(self.profile_path, stats[self.profile_path], restored)
        return True

    # -- undo -------------------------------------------------------------------------------------

    def undo_labels(self, limit: int = 20) -> list[str]:
        """Labels of the changes undo would reverse, newest first. Stops at a step file that cannot
        be read (listed in ``problems``; undo stops there too until it is moved aside)."""
        from legday.storage import undo  # (not needed to open the app: imported when asked)

        self._commit.settle_before_reading()
        return undo.labels(self._steps, self.problems, limit)

    def undo(self) -> str | None:
        """Reverse the newest change made by any legday process (on any machine sharing the folder);
        returns its label, or None if there is nothing to undo. The reversal is recorded as an undo
        step (history is never deleted: see ``undo.py``). Raises StorageError (RecordChanged when its
        records were changed since, CorruptFile when its step file cannot be read) and then writes
        nothing."""
        from legday.storage import undo

        with self._commit.writing():
            try:
                names, name, head = undo.newest(self._steps)
            except StorageError as err:
                self.problems.note(err)
                raise
            if name is None or head is None:
                return None
            try:
                step = self._steps.read(name)
            except StorageError as err:
                self.problems.note(err)
                raise
            self.problems.clear_path(self._steps.path(name))
            reversal = undo.reverse(step, self._reader)
            # A merge's twins (the same merge made on another machine) and the steps it brought
            # in from the other machine are undone with it.
            undone = undo.twins(self._steps, names, name, head)
            reverses = undo.undo_step(step, tuple(dict.fromkeys([*undone, *step.brings])))
            stats = self._commit.apply(reversal.files, reverses, durable=True)
        for path, records in reversal.months.items():
            self._reader.remember(path, stats[path], records)
        if step.profile:
            if reversal.profile is None:
                self._reader.forget(self.profile_path)
            else:
                self._reader.remember(self.profile_path, stats[self.profile_path], reversal.profile)
        return step.label

    # -- conflict copies (sync tools) ----------------------------------------------------------------

    def conflict_copies(self, config_dir: Path | None = None) -> list[merging.Found]:
        """Sync tools' conflict copies of legday's files in the data folder (and of settings.toml
        in ``config_dir``), oldest first for each file. A few folder listings."""
        return merging.find(self.data_dir, config_dir)

    def merge_copy(self, found: merging.Found, dry_run: bool = False, force: bool = False) -> merging.Outcome:
        """Merge one conflict copy into its file as one undo step, and move the copy into
        ``merged-copies/`` (``dry_run``: only say what that would do; ``force``: merge a young copy
        even without its history, keeping everything). See ``merging.py``."""
        self._commit.settle_before_reading()
        outcome = self._merger.merge(found, dry_run, force)
        if outcome.state == merging.UNREADABLE:
            self.problems.note(
                StorageError(
                    f"{found.path}: a conflict copy of {found.copy.original}, not merged: {outcome.note}; "
                    "fix it in a text editor or move it aside",
                    found.path,
                )
            )
        else:
            self.problems.clear_path(found.path)
        return outcome

    def check(self) -> list[StorageError]:
        """Read every file legday keeps here (the profile, every month, every undo step, the
        pending file) and list those that cannot be used, each once (for ``legday doctor``)."""
        self.problems.clear()
        with contextlib.suppress(StorageError):
            self.profile()
        self.all_history()
        try:
            names = self._steps.steps()
        except StorageError as err:
            self.problems.note(err)
            names = []
        for name in names:
            try:
                self._steps.read(name)
            except StorageError as err:
                if not self._steps.torn(name):
                    self.problems.note(err)
        return list(self.problems)


def _mtime(path: Path) -> int:
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return 0


def logged_already(record: Record) -> InputError:
    """The same session logged twice (same kind, day, start and everything else): refused, so that
    no two stored records are equal, and none share an id (``legday.core.records``)."""
    start = getattr(record, "start", None)
    when = f" {start:%H:%M}" if start is not None else ""
    return InputError(
        f"{describe(record, dt.date.today())}{when} is logged already, exactly the same (id "
        f"{record_id(record)}); accepted: a session not logged yet (one done twice needs its start "
        "time), or edit the one logged"
    )


def _difference(old: Month, new: Month) -> tuple[list, list]:
    """(added, removed) between two versions of a month, counting equal records one by one."""
    added: list = []
    removed: list = []
    for kind in codec.KINDS:
        before, after = Counter(old[kind]), Counter(new[kind])
        added += (after - before).elements()
        removed += (before - after).elements()
    return added, removed


def _profile_bytes(p: Profile) -> bytes:
    """The profile file's bytes; InputError if a file cannot hold the profile exactly."""
    data = codec.encode_profile(p)
    try:
        if codec.decode_profile(data) != p:
            raise codec.Bad("the profile has values a file cannot hold")
    except codec.Bad as bad:
        raise InputError(bad.message) from None
    return codec.profile_bytes(p)


def _entries(n: int) -> str:
    return "entry" if n == 1 else "entries"
