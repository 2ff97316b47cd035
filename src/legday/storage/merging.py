"""Conflict copies found in legday's folders, and merged back into the files they belong to.

A sync tool (Syncthing, Dropbox, Nextcloud) that finds a file changed on two machines keeps one
version under the file's name and the other beside it as a *conflict copy* (``conflicts.py`` knows
their names). legday never ignores one: ``find`` lists them, and ``Merger.merge`` folds each back in.

- A month file: record by record (``conflicts.merge``). What both versions came from is found in the
  undo history, which every machine writes into the same folder: each step names the files it wrote
  with a digest of their bytes before and after, so the two versions lead back, step by step, to the
  version they parted from (``conflicts.find_base``). Then what either side added is kept, and what
  either side deleted or edited stays deleted or edited; the same entry edited differently on both
  keeps both versions, and the result says so. When the history does not reach back that far
  (steps pruned, a hand edit), everything from both sides is kept (``conflicts.union``) and the
  result says that something deleted may be back.
- The profile: field by field (``conflicts.merge_fields``), from the profile both versions came from
  (found the same way); a field changed differently on both keeps the version in the file and says
  what the copy had.
- settings.toml: field by field, with no history (settings are not undo steps): what only the copy
  has is taken, and a field set differently on both keeps the file's value and says so.
- An undo step: a copy that differs is a different step of the same number (legday before step names
  had a machine part): kept as a step of its own, under a name of its own.

A merge is written like every other change: under the lock, atomically, as one undo step (which undo
reverses), recorded durably. The copy is then moved into ``merged-copies/`` beside the files (the same
path below it), never deleted. The file that kept its name is "ours" on every machine, and the result
is the same bytes whichever machine merges: two machines that both merge the same copy write the same
file (a sync tool sees no conflict in that), and their two steps carry the same ``merge`` id, undone
as one (``undo.walk``).

A copy whose file is missing (a sync tool between renaming the old version and putting the new one in
its place) is left for the next look; a copy or file that cannot be read is reported and left as it is.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from legday.core.model import CheckIn, Profile
from legday.core.records import Record, describe, kind_of
from legday.core.values import Value
from legday.storage import codec
from legday.storage.errors import StorageError
from legday.storage.files import (
    atomic_write,
    file_lock,
    fsync_dir,
    os_error,
    read_bytes,
    sweep_temp_files,
    write_into,
)
from legday.storage.reading import Month, Reader, decode_month, decode_profile, empty_month
from legday.storage.schema import read_table
from legday.storage.steps import Step, StepFiles, decode_step, is_step_name

if TYPE_CHECKING:
    from legday.storage import conflicts
    from legday.storage.conflicts import Conflict, ConflictCopy, FieldConflict

# conflicts.py (names and the record-level merge) is imported where a copy is found or merged: the
# journal looks for copies every time it opens, and nearly always finds none, so opening the app
# does not pay for importing it (~5 ms).

BACKUP = "merged-copies"
GRACE = 10 * 60  # seconds a copy waits for its history to arrive before it is merged without
_NO_HISTORY_YET = (
    "its history is not in the undo folder yet (still syncing?): merged once it is, or with "
    "`legday doctor --merge`"
)
# Every scheme's name says "conflict" in some language: names without one are not even parsed.
_HINTS = ("conflict", "conflit", "konflikt")

# What became of a copy (``Outcome.state``).
MERGED = "merged"  # its changes are in the file now (one undo step), and it was moved aside
WOULD_MERGE = "would merge"  # (a dry run) a merge would change the file
NOTHING_NEW = "nothing new"  # the file holds everything the copy has: moved aside, no step
KEPT_STEP = "kept as a step"  # an undo step's copy, kept as a step of its own
WAITING = "waiting"  # the file it belongs to is not there (being synced?): left for the next look
UNREADABLE = "unreadable"  # it, or its file, cannot be read: reported, left as it is

TOOLS = {  # by conflicts.SYNCTHING, DROPBOX, NEXTCLOUD, OWNCLOUD (spelled out: see above)
    "syncthing": "Syncthing",
    "dropbox": "Dropbox",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
}
_NOUNS = {
    "legs": ("leg session", "leg sessions"),
    "cardio": ("cardio session", "cardio sessions"),
    "checkin": ("check-in", "check-ins"),
    "skip": ("skip", "skips"),
}


class Found(Value):
    """A conflict copy on disk: what its name says (``copy``, paths relative to ``root``), and where."""

    copy: ConflictCopy
    root: Path  # the data folder, or the config folder for settings.toml

    @property
    def path(self) -> Path:
        return self.root / self.copy.path

    @property
    def original(self) -> Path:
        return self.root / self.copy.original


class Outcome(Value):
    """What merging one copy did (or, on a dry run, would do)."""

    found: Found
    state: str  # MERGED, WOULD_MERGE, NOTHING_NEW, KEPT_STEP, WAITING or UNREADABLE
    summary: str = ""  # "1 leg session added, 1 cardio session edited"; fields for the profile
    conflicts: tuple[str, ...] = ()  # one sentence each: both versions kept, or which one won
    note: str = ""  # why it was not merged, or a caveat (no common history: deletions may be back)
    counts: Counter[str] = field(default_factory=Counter)  # ("added", "legs") -> n, for the words

    @property
    def changed(self) -> bool:
        return self.state in (MERGED, WOULD_MERGE, KEPT_STEP)


# -- finding copies -----------------------------------------------------------------------------------


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def find(data_dir: Path, config_dir: Path | None = None) -> list[Found]:
    """Conflict copies of legday's files: the profile and settings beside them, month files in
    their year folders, undo steps. Oldest first within each file (the order to merge them in).
    A few folder listings; nothing is read."""
    found: list[Found] = []

    def look(root: Path, folder: str, only: str | None = None) -> None:
        prefix = f"{folder}/" if folder else ""
        for name in _names(root / folder if folder else root):
            if any(hint in name.lower() for hint in _HINTS):
                from legday.storage import conflicts

                copy = conflicts.conflict_copy(prefix + name)
                if copy is not None and only in (None, copy.file):
                    found.append(Found(copy, root))

    look(data_dir, "")
    for year in sorted(_names(data_dir / "log")):
        if year.isdigit() and len(year) == 4:
            look(data_dir, f"log/{year}")
    look(data_dir, "undo")
    if config_dir is None or Path(config_dir) == data_dir / "config":
        look(data_dir, "config")
    else:
        look(Path(config_dir), "", only="settings")  # only settings.toml lives there
    return sorted(found, key=lambda f: (f.root != data_dir, f.copy.original, f.copy.stamp or "", f.copy.path))


# -- words ----------------------------------------------------------------------------------------------


def _counted(counts: Counter[str]) -> str:
    parts = []
    for verb in ("added", "edited", "deleted"):
        for kind in codec.KINDS:
            n = counts[f"{verb} {kind}"]
            if n:
                parts.append(f"{n} {_NOUNS[kind][n != 1]} {verb}")
    return ", ".join(parts)


def _conflict_words(conflict: Conflict, today: dt.date) -> str:
    from legday.storage import conflicts

    record = conflict.base or conflict.ours or conflict.theirs
    assert record is not None
    what = describe(record, today)
    if conflict.what == conflicts.EDITED_ON_BOTH:
        return f"{what} was edited differently on both devices: both versions kept, delete the wrong one"
    if conflict.what in (conflicts.EDITED_DELETED, conflicts.DELETED_EDITED):
        return f"{what} was edited on one device and deleted on the other: the edited one kept"
    return f"two {_NOUNS[kind_of(record)][1]} on {what.split(' ', 1)[1]}, one from each device: both kept"


def _field_words(conflict: FieldConflict, whose: str) -> str:
    from legday.storage import conflicts

    key = ".".join(conflict.key)

    def shown(value: Any) -> str:
        if value is conflicts.MISSING:
            return "none"
        if isinstance(value, list):
            return ",".join(map(str, value)) or "none"
        return str(value)

    return (
        f"{whose} {key} was changed on both devices: kept {shown(conflict.ours)}, "
        f"the other device had {shown(conflict.theirs)}"
    )


def merge_id(found: Found, ours: bytes | None, theirs: bytes) -> str:
    """The same for every machine that merges this copy into this version of its file."""
    text = f"{found.copy.original}\n{_digest(ours)}\n{_digest(theirs)}"
    return hashlib.blake2b(text.encode("utf-8"), digest_size=8).hexdigest()


def _digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _unique(record: Record) -> tuple | None:
    """Only one check-in a day."""
    return ("checkin", record.date) if isinstance(record, CheckIn) else None


# -- merging ---------------------------------------------------------------------------------------------


class Merger:
    """Merges copies into the files of one data folder, with the Store's rooms: ``reader`` (files read
    fresh), ``steps`` (the history), ``commit`` (writing a change under the lock as one step)."""

    def __init__(self, data_dir: Path, reader: Reader, steps: StepFiles, commit: Any):
        self.data_dir = data_dir
        self.reader = reader
        self.steps = steps
        self.commit = commit
        self._force = False

    def merge(self, found: Found, dry_run: bool = False, force: bool = False) -> Outcome:
        """Merge one copy (``dry_run``: say what a merge would do, write nothing). StorageError only
        for a write that failed (nothing is changed then); what cannot be read is an UNREADABLE
        outcome. A copy whose history is not (yet) in the undo folder waits for it while the copy
        is young (``GRACE``): the other machine's steps may still be on their way, and without
        them a merge must keep everything, deletions included. ``force``: merge it anyway."""
        self._force = force
        if found.copy.file == "settings":
            with file_lock(found.original.parent / ".lock"):  # (the lock save_settings takes)
                return self._merge_settings(found, dry_run)
        with self.commit.writing():
            try:
                theirs = _read(found.path)
                if theirs is None:
                    return Outcome(found, NOTHING_NEW, note="gone already (merged by another legday)")
                ours = _read(found.original)
            except StorageError as err:
                return Outcome(found, UNREADABLE, note=_why(err, found))
            if found.copy.file == "undo":
                return self._keep_step(found, ours, theirs, dry_run)
            if ours is None:
                return Outcome(
                    found,
                    WAITING,
                    note=f"{found.copy.original} is not there (still being synced?): merged once it is",
                )
            if ours == theirs:
                return self._aside(found, Outcome(found, NOTHING_NEW, note="the same as the file"), dry_run)
            # Read both first: one that cannot be read is reported and the copy left where it is
            # (a write that fails later raises, and changes nothing).
            try:
                if found.copy.file == "month":
                    key = (int(found.original.stem[:4]), int(found.original.stem[5:7]))
                    mine = decode_month(found.original, ours, *key)
                    other = decode_month(found.path, theirs, *key)
                else:
                    mine_p = decode_profile(found.original, ours)
                    other_p = decode_profile(found.path, theirs)
            except StorageError as err:
                return Outcome(found, UNREADABLE, note=_why(err, found))
            if found.copy.file == "month":
                return self._merge_month(found, key, (ours, mine), (theirs, other), dry_run)
            return self._merge_profile(found, (ours, mine_p), (theirs, other_p), dry_run)

    def _young(self, found: Found) -> bool:
        """Is the copy younger than ``GRACE`` (and no merge forced)? Its ctime is when it was
        renamed into place (its mtime is the version's own, older)."""
        if self._force:
            return False
        try:
            return time.time() - os.stat(found.path).st_ctime < GRACE
        except OSError:
            return False

    # -- the history ----------------------------------------------------------------------------

    def _history(self) -> list[tuple[Step, Path]]:
        """Every step that can be read (one that cannot only leaves a gap in what is known)."""
        out = []
        for name in self.steps.steps():
            try:
                out.append((self.steps.read(name), self.steps.path(name)))
            except StorageError:
                continue
        return out

    def _month_steps(self, where: str, key: tuple[int, int]) -> list[conflicts.FileStep]:
        """Each step that wrote this month file, as the digests of the file before and after it and
        what it did to the file's records."""
        from legday.storage import conflicts

        def mine(records: Iterable[Record]) -> list[Record]:
            return [r for r in records if (r.date.year, r.date.month) == key]

        return [
            conflicts.FileStep(
                f.before, f.after, conflicts.Changes.step(mine(step.added), mine(step.removed)), path.stem
            )
            for step, path in self._history()
            for f in step.files
            if f.path == where
        ]

    # -- month files ----------------------------------------------------------------------------

    def _merge_month(
        self,
        found: Found,
        key: tuple[int, int],
        ours_read: tuple[bytes, Month],
        theirs_read: tuple[bytes, Month],
        dry_run: bool,
    ) -> Outcome:
        from legday.storage import conflicts

        path = found.original
        year, month = key
        (ours, ours_month), (theirs, theirs_month) = ours_read, theirs_read
        mine = [r for kind in codec.KINDS for r in ours_month[kind]]
        other = [r for kind in codec.KINDS for r in theirs_month[kind]]
        history = self._month_steps(found.copy.original, (year, month))
        base = conflicts.find_base(history, _digest(ours), _digest(theirs))
        merged = None
        if base is not None:
            try:
                start = conflicts.rebuild_base(mine, base.ours)
                if Counter(start) != Counter(conflicts.rebuild_base(other, base.theirs)):
                    raise conflicts.HistoryMismatch("the two sides lead back to different versions")
                merged = conflicts.merge(start, base.ours, base.theirs, _unique)
            except conflicts.HistoryMismatch:
                merged = None
        note = ""
        if merged is None:
            if self._young(found):
                return Outcome(found, WAITING, note=_NO_HISTORY_YET)
            merged = conflicts.union(mine, other, _unique)
            note = (
                "the undo history does not reach back to where the two versions parted: everything "
                "from both is kept, so an entry deleted on one device may be back"
            )
        counts: Counter[str] = Counter()
        # The copy's edits that the merge brings in are edits here too (the rest adds and deletes).
        gone, come = Counter(merged.step.removed), Counter(merged.step.added)
        edits = [
            (old, new)
            for old, new in (base.theirs.edits if base is not None and not note else ())
            if gone[old] > 0 and come[new] > 0
        ]
        news = {new for _old, new in edits}
        olds = {old for old, _new in edits}
        for record in merged.step.added:
            counts[f"{'edited' if record in news else 'added'} {kind_of(record)}"] += 1
        for record in merged.step.removed:
            if record not in olds:
                counts[f"deleted {kind_of(record)}"] += 1
        today = dt.date.today()
        said = tuple(_conflict_words(c, today) for c in merged.conflicts)
        if not merged.step.added and not merged.step.removed:
            return self._aside(found, Outcome(found, NOTHING_NEW, note="the file holds all it has"), dry_run)
        summary = _counted(counts)
        if dry_run:
            return Outcome(found, WOULD_MERGE, summary, said, note if merged.step.added else "", counts)
        from legday.storage import monthtext

        new: Month = empty_month()
        for record in merged.records:
            new[kind_of(record)].append(record)
        # The comments the copy's entries had come with them.
        notes = monthtext.comments(theirs, theirs_month, list(merged.step.added))
        payload = monthtext.month_bytes(ours, ours_month, new, notes, (year, month))
        step = Step(
            f"merged a copy from another device: {summary}",
            tuple(merged.step.added),
            tuple(merged.step.removed),
            comments=notes,
            merge=merge_id(found, ours, theirs),
            brings=base.theirs_steps if base is not None and not note else (),
        )
        stats = self.commit.apply([(path, ours, payload)], step, durable=True)
        self.reader.remember(path, stats[path], new)
        return self._aside(
            found, Outcome(found, MERGED, summary, said, note if merged.step.added else "", counts)
        )

    # -- the profile ----------------------------------------------------------------------------

    def _profile_at(self, digest: str | None) -> tuple[bool, Profile | None]:
        """(known, the profile) as the version with this digest held it, from the steps."""
        if digest is None:
            return True, None
        for step, _path in self._history():
            for f in step.files:
                if f.path != "profile.toml" or not step.profile:
                    continue
                if f.after == digest:
                    return True, step.profile_after
                if f.before == digest:
                    return True, step.profile_before
        return False, None

    def _merge_profile(
        self,
        found: Found,
        ours_read: tuple[bytes, Profile],
        theirs_read: tuple[bytes, Profile],
        dry_run: bool,
    ) -> Outcome:
        from legday.storage import conflicts

        (ours, mine), (theirs, other) = ours_read, theirs_read
        steps: list[conflicts.FileStep[Any]] = [
            conflicts.FileStep(f.before, f.after, conflicts.Changes(), path.stem)
            for step, path in self._history()
            for f in step.files
            if f.path == "profile.toml"
        ]
        base = conflicts.find_base(steps, _digest(ours), _digest(theirs))
        known, start = self._profile_at(base.digest) if base is not None else (False, None)
        if not known and self._young(found):
            return Outcome(found, WAITING, note=_NO_HISTORY_YET)
        note = "" if known else "no common version in the undo history: what differs keeps the file's value"

        def table(p: Profile | None) -> dict:
            data = codec.encode_profile(p) if p is not None else {}
            data.pop("schema", None)
            return data

        ours_table, theirs_table = table(mine), table(other)
        # Without a common version, every field that differs is a clash: the file's value is kept.
        merged_table, clashes = conflicts.merge_fields(
            table(start) if known else {}, ours_table, theirs_table
        )
        try:
            result = codec.decode_profile({"schema": codec.SCHEMA, **merged_table})
        except (codec.Bad, ValueError, TypeError) as bad:
            return Outcome(found, UNREADABLE, note=f"the merged profile is not valid ({bad}); left as it is")
        said = tuple(_field_words(c, "the profile's") for c in clashes)
        taken = sorted(k for k in merged_table if merged_table[k] != ours_table.get(k, conflicts.MISSING))
        if result == mine:
            outcome = Outcome(found, NOTHING_NEW, conflicts=said, note=note)
            return self._aside(found, outcome, dry_run)
        summary = "profile: " + ", ".join(k.replace("_", " ") for k in taken) + " from the other device"
        if dry_run:
            return Outcome(found, WOULD_MERGE, summary, said, note)
        step = Step(
            f"merged a copy from another device: {summary}",
            profile=True,
            profile_before=mine,
            profile_after=result,
            merge=merge_id(found, ours, theirs),
            brings=base.theirs_steps if base is not None and known else (),
        )
        payload = codec.profile_bytes(result)
        stats = self.commit.apply([(found.original, ours, payload)], step, durable=True)
        self.reader.remember(found.original, stats[found.original], result)
        return self._aside(found, Outcome(found, MERGED, summary, said, note))

    # -- settings -------------------------------------------------------------------------------

    def _merge_settings(self, found: Found, dry_run: bool) -> Outcome:
        from legday.storage import conflicts

        try:
            theirs = _read(found.path)
            if theirs is None:
                return Outcome(found, NOTHING_NEW, note="gone already (merged by another legday)")
            ours = _read(found.original)
            if ours is None:
                return Outcome(found, WAITING, note=f"{found.copy.original} is not there: merged once it is")
            mine = read_table(found.original, ours)[0]
            other = read_table(found.path, theirs)[0]
        except StorageError as err:
            return Outcome(found, UNREADABLE, note=_why(err, found))
        # No history for settings: a field only the copy has is taken, one that differs keeps the file's.
        merged, clashes = conflicts.merge_fields({}, mine, other)
        said = tuple(_field_words(c, "the setting") for c in clashes if c.key != ("schema",))
        taken = [k for k in merged if k not in mine]
        if not taken:
            return self._aside(found, Outcome(found, NOTHING_NEW, conflicts=said), dry_run)
        summary = "settings: " + ", ".join(k.replace("_", " ") for k in taken) + " from the other device"
        if dry_run:
            return Outcome(found, WOULD_MERGE, summary, said)
        import tomli_w

        sweep_temp_files(found.original.parent)
        # Into the file: a settings.toml that is a link (a dotfiles manager's) stays a link.
        write_into(found.original, tomli_w.dumps(merged).encode())
        return self._aside(found, Outcome(found, MERGED, summary, said))

    # -- undo steps -----------------------------------------------------------------------------

    def _keep_step(self, found: Found, ours: bytes | None, theirs: bytes, dry_run: bool) -> Outcome:
        """An undo step's copy: the same bytes, moved aside; a readable different step, kept as a step
        of its own (same number, a name of its own); anything else, moved aside."""
        name = Path(found.copy.original).stem
        if ours == theirs:
            return self._aside(found, Outcome(found, NOTHING_NEW, note="the same as the step"), dry_run)
        if not is_step_name(name):
            return self._aside(found, Outcome(found, NOTHING_NEW, note="not an undo step"), dry_run)
        try:
            decode_step(found.path, theirs)
        except StorageError as err:
            return self._aside(found, Outcome(found, NOTHING_NEW, note=f"set aside: {err.message}"), dry_run)
        seq, _, rest = name.partition("-")
        undo = "-undo" if rest.endswith("-undo") else ""
        # The step's own name when it is free, else one of its own (same number: same place in time).
        kept = name if ours is None else f"{seq}-{hashlib.blake2b(theirs, digest_size=4).hexdigest()}{undo}"
        summary = f"undo step {name} from another device kept as {kept}"
        if dry_run:
            return Outcome(found, WOULD_MERGE, summary)
        target = self.steps.path(kept)
        if not target.exists():
            atomic_write(target, theirs)
        return self._aside(found, Outcome(found, KEPT_STEP, summary))

    # -- the copy, moved aside -------------------------------------------------------------------

    def _aside(self, found: Found, outcome: Outcome, dry_run: bool = False) -> Outcome:
        """Move the copy into ``merged-copies/`` (same path below it), atomically; never over another
        file there (a name of its own instead)."""
        if dry_run:
            return outcome
        target = found.root / BACKUP / found.copy.path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            n = 1
            while target.exists():
                n += 1
                name = Path(found.copy.path).name
                stem, dot, ext = name.rpartition(".")
                target = target.with_name(f"{stem} ({n}).{ext}" if dot else f"{name} ({n})")
            os.rename(found.path, target)
        except FileNotFoundError:
            return outcome  # moved meanwhile (by another legday that merged it too)
        except OSError as err:
            raise os_error("move", found.path, err) from None
        fsync_dir(found.path.parent)
        fsync_dir(target.parent)
        return outcome


def _why(err: StorageError, found: Found) -> str:
    """Why a copy cannot be merged, in a few words: which file (the copy, or the file it belongs to),
    the line, and what is wrong there."""
    which = "the copy" if err.path == found.path else found.copy.original
    where = f"line {err.line} of {which}" if err.line else which
    return f"{where}: {getattr(err, 'message', None) or err}"


def _read(path: Path) -> bytes | None:
    got = read_bytes(path)
    return None if got is None else got[0]


def words(outcomes: Iterable[Outcome]) -> str:
    """One sentence for what merging did: ``merged a copy from another device: 1 leg session added``
    (counts summed over month copies; the profile's and settings' own words after)."""
    merged = [o for o in outcomes if o.state == MERGED]
    if not merged:
        return ""
    counts: Counter[str] = Counter()
    others: list[str] = []
    for outcome in merged:
        if outcome.counts:
            counts.update(outcome.counts)
        else:
            others.append(outcome.summary)
    what = ", ".join(filter(None, [_counted(counts), *others]))
    many = len(merged) > 1
    return f"merged {len(merged) if many else 'a'} cop{'ies' if many else 'y'} from another device: {what}"
