"""The Store: a person's profile and logs as TOML files in one data directory.

    <data_dir>/profile.toml            the profile
    <data_dir>/log/2026/2026-11.toml   everything logged in November 2026
    <data_dir>/.lock                   taken by writers (flock), so two processes never interleave

Reads take no lock: writes replace files atomically, so a reader sees a whole old or whole new file.
Every change is a read-modify-write of one month file under the lock, read fresh from disk, so two
processes logging at once lose nothing. Parsed months are cached by (mtime, size, inode), so the app
can ask for a week again and again without re-reading unchanged files.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from legday.core.errors import InputError
from legday.core.model import CardioSession, CheckIn, History, LegSession, Profile, Skip
from legday.core.records import Record, describe
from legday.core.records import record_id as _record_id
from legday.storage import codec
from legday.storage.errors import CorruptFile, NewerSchema, RecordChanged, StorageError
from legday.storage.files import (
    atomic_write,
    file_lock,
    os_error,
    parse_toml,
    read_bytes,
    signature,
    sweep_temp_files,
)
from legday.storage.undo import Pending, Step, UndoFiles, digest

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_YEAR_DIR = re.compile(r"^\d{4}$")


def check_schema(path: Path, data: dict, text: str) -> None:
    """Every file starts with ``schema = N``; refuse newer ones rather than misread them."""
    if "schema" not in data:
        raise CorruptFile(path, None, f"no 'schema' key; add the line `schema = {codec.SCHEMA}` at the top")
    found = data["schema"]
    if type(found) is not int or found < 1:
        raise CorruptFile(
            path,
            codec.locate(text, None, None, "schema"),
            f"schema = {found!r} is not a version legday knows; accepted: "
            + ("1" if codec.SCHEMA == 1 else f"1 to {codec.SCHEMA}"),
        )
    if found > codec.SCHEMA:
        raise NewerSchema(path, found, codec.SCHEMA)


def _decode(path: Path, data: bytes, decode, fast=None) -> Any:
    table = text = None
    if fast is not None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # parse_toml reports it with its line
        else:
            table = fast(text)
    if table is None:
        table, text = parse_toml(path, data)
    check_schema(path, table, text)
    try:
        return decode(table)
    except codec.Bad as bad:
        raise CorruptFile(path, codec.locate(text, bad.kind, bad.index, bad.key), bad.message) from None
    except (ValueError, TypeError, OverflowError) as err:
        raise CorruptFile(path, None, f"cannot read it: {err}") from None


class Store:
    """legday's files in ``data_dir``. Creating one reads nothing; each call reads what it needs."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        # Files skipped while reading (CorruptFile, NewerSchema, or an unreadable file): each has
        # .path, .line and .message, and str() is a one-line message for the person.
        self.problems: list[StorageError] = []
        self._months: dict[Path, tuple[tuple[int, int, int], Any]] = {}
        self._profile: tuple[tuple[int, int, int], Any] | None = None
        self._undo = UndoFiles(self.data_dir / "undo")
        self._bad_pending: StorageError | None = None

    # -- paths ----------------------------------------------------------------------------------

    @property
    def profile_path(self) -> Path:
        return self.data_dir / "profile.toml"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "log"

    @property
    def lock_path(self) -> Path:
        return self.data_dir / ".lock"

    def month_path(self, year: int, month: int) -> Path:
        return self.log_dir / f"{year:04d}" / f"{year:04d}-{month:02d}.toml"

    # -- problems ---------------------------------------------------------------------------------

    def _note(self, err: StorageError) -> None:
        self.problems[:] = [p for p in self.problems if p.path != err.path]
        self.problems.append(err)

    def _clear(self, path: Path) -> None:
        if self.problems:
            self.problems[:] = [p for p in self.problems if p.path != path]

    # -- profile ----------------------------------------------------------------------------------

    def profile(self) -> Profile | None:
        """The saved profile, or None on first run. Raises CorruptFile / NewerSchema / StorageError
        if profile.toml cannot be used (it is then also listed in ``problems``)."""
        self._settle_before_reading()
        path = self.profile_path
        try:
            got = read_bytes(path)
            if got is None:
                self._profile = None
                self._clear(path)
                return None
            data, st = got
            sig = signature(st)
            if self._profile is not None and self._profile[0] == sig:
                return self._profile[1]
            profile = _decode(path, data, codec.decode_profile)
        except StorageError as err:
            self._note(err)
            raise
        self._profile = (sig, profile)
        self._clear(path)
        return profile

    def save_profile(self, p: Profile, label: str | None = None) -> None:
        """Save the profile as one undo step (undo brings the previous one back)."""
        if not isinstance(p, Profile):
            raise TypeError(f"save_profile takes a Profile, not {type(p).__name__}")
        payload = _profile_bytes(p)
        path = self.profile_path
        with self._writing():
            got = read_bytes(path)
            old = None
            if got is not None:
                try:
                    # Refuse to replace a profile this version cannot read: it may be a person's
                    # hand edit with a typo, or a newer legday's file.
                    old = _decode(path, got[0], codec.decode_profile)
                except StorageError as err:
                    self._note(err)
                    raise
                if got[0] == payload:
                    return  # nothing to change, nothing to undo
            step = Step(label or "changed the profile", profile=True, profile_before=old, profile_after=p)
            st = self._apply([(path, None if got is None else got[0], payload)], step)[path]
        self._profile = (signature(st), p)
        self._clear(path)

    # -- reading logs -----------------------------------------------------------------------------

    def _month(self, year: int, month: int, path: Path | None = None) -> dict[str, list] | None:
        """One month's records (cached while the file is unchanged), None if there is no file."""
        path = path or self.month_path(year, month)
        cached = self._months.get(path)
        got = read_bytes(path, cached[0] if cached is not None else None)
        if got is None:
            self._months.pop(path, None)
            self._clear(path)
            return None
        data, st = got
        sig = signature(st)
        if data is None and cached is not None:
            result = cached[1]
        else:
            try:
                result = _decode(path, data, lambda t: codec.decode_month(t, year, month), codec.fast_month)
            except StorageError as err:
                result = err
            self._months[path] = (sig, result)
        if isinstance(result, StorageError):
            raise result
        self._clear(path)
        return result

    def _gather(self, months: list[tuple[int, int, Path | None]]) -> dict[str, list]:
        out: dict[str, list] = {kind: [] for kind in codec.KINDS}
        for year, month, path in months:
            try:
                records = self._month(year, month, path)
            except StorageError as err:
                # Skip just this month: the others are independent files and stay usable.
                self._note(err)
                continue
            if records:
                for kind in codec.KINDS:
                    out[kind].extend(records[kind])
        return out

    @staticmethod
    def _history(records: dict[str, list]) -> History:
        return History(
            legs=tuple(sorted(records["legs"], key=codec.sort_key("legs"))),
            cardio=tuple(sorted(records["cardio"], key=codec.sort_key("cardio"))),
            checkins=tuple(sorted(records["checkin"], key=codec.sort_key("checkin"))),
            skips=tuple(sorted(records["skip"], key=codec.sort_key("skip"))),
        )

    def history(self, first: dt.date, last: dt.date) -> History:
        """What was logged from ``first`` to ``last`` (both included). Reads only those months;
        a month that cannot be read is skipped and listed in ``problems``."""
        self._settle_before_reading()
        if first > last:
            return History()
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        if span <= 36:
            months: list[tuple[int, int, Path | None]] = []
            year, month = first.year, first.month
            while (year, month) <= (last.year, last.month):
                months.append((year, month, None))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            # A long window: list the month files that exist rather than trying every month.
            lo, hi = (first.year, first.month), (last.year, last.month)
            months = [m for m in self._month_files(first.year, last.year) if lo <= m[:2] <= hi]
        records = self._gather(months)
        for kind in codec.KINDS:
            records[kind] = [r for r in records[kind] if first <= r.date <= last]
        return self._history(records)

    def _month_files(self, first_year: int = 1, last_year: int = 9999) -> list[tuple[int, int, Path]]:
        """Every month file on disk (within those years), oldest first."""
        found = []
        try:
            years = [
                e
                for e in os.scandir(self.log_dir)
                if _YEAR_DIR.match(e.name) and first_year <= int(e.name) <= last_year and e.is_dir()
            ]
        except FileNotFoundError:
            return []
        except OSError as err:
            from legday.storage.files import os_error

            self._note(os_error("read", self.log_dir, err))
            return []
        for year_dir in years:
            try:
                entries = list(os.scandir(year_dir.path))
            except OSError as err:
                from legday.storage.files import os_error

                self._note(os_error("read", Path(year_dir.path), err))
                continue
            for entry in entries:
                match = _MONTH_FILE.match(entry.name)
                # A month file in the wrong year folder is not where legday would look for it.
                if match and match[1] == year_dir.name and 1 <= int(match[2]) <= 12:
                    found.append((int(match[1]), int(match[2]), Path(entry.path)))
        found.sort()
        return found

    def all_history(self) -> History:
        """Everything ever logged (for statistics). Unreadable months are skipped and listed."""
        self._settle_before_reading()
        return self._history(self._gather(self._month_files()))

    def exercise_names(self, months: int = 6) -> list[str]:
        """Exercise names from the newest ``months`` month files, most used first (for completion)."""
        counts: Counter[str] = Counter()
        for year, month, path in self._month_files()[-months:] if months > 0 else []:
            try:
                records = self._month(year, month, path)
            except StorageError as err:
                self._note(err)
                continue
            for session in records["legs"] if records else ():
                counts.update(e.name for e in session.exercises)
        return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    # -- writing ----------------------------------------------------------------------------------
    #
    # Every change runs under the lock: read the files it touches fresh from disk, work out their new
    # contents and what was removed and added (if anything is wrong, raise: nothing is written yet),
    # write them, record the undo step. Why a crash never makes undo destroy data:
    # - A change to one file (every log, edit within a month, delete, profile save): the file, durably
    #   (fsync'd, its folder fsync'd), then its step with no fsync at all, so a save costs two fsyncs,
    #   both for the person's data. A crash between (or a power cut soon after) leaves the change
    #   saved but its step lost, or empty / zero-filled, which undo treats as lost (``torn``) and
    #   passes over. Undo checks every step against the files before reversing it (below), so an
    #   older step whose records a lost step changed is refused, not forced.
    # - A change to several files (an edit that moves an entry to another month, an import, every
    #   undo): first undo/pending.toml with each file's old bytes and a hash of its new bytes, then
    #   the files, then the step is written (or, for an undo, deleted), then pending.toml is deleted.
    #   The next writer that finds pending.toml settles it under the lock: if the step shows the change
    #   was completed, pending.toml just goes; otherwise each file that holds exactly what the change
    #   wrote gets its old bytes back. A crash therefore leaves all of the change or none of it.
    # - Undo reverses a step only if everything it added is still there and what it removed can go
    #   back (no other check-in on that day since); otherwise RecordChanged and nothing is written.

    @property
    def undo_dir(self) -> Path:
        return self.data_dir / "undo"

    @contextmanager
    def _writing(self) -> Iterator[None]:
        with file_lock(self.lock_path):
            self._settle_pending()
            yield

    def _settle_pending(self) -> None:
        """Finish or roll back a change to several files that a crash interrupted (see above)."""
        self._bad_pending = None
        try:
            pending = self._undo.read_pending(self.data_dir)
        except StorageError as err:
            # Left as it is, and reported; changes to one file (logging) still work meanwhile.
            self._note(err)
            self._bad_pending = err
            return
        if pending is not None:
            try:
                self._roll_back_unless_done(pending)
            finally:
                self._bump_stamp()

    def _settle_before_reading(self) -> None:
        """Reads take no lock, but a change to several files cut short by a crash must not be seen
        half done: if one is pending, take the lock (waiting for a live writer to finish) and settle
        it. One stat when there is none."""
        if not os.path.exists(self._undo.pending_path):
            return
        try:
            with self._writing():
                pass
        except StorageError as err:
            self._note(err)

    def _roll_back_unless_done(self, pending: Pending) -> None:
        exists = self._undo.path(pending.seq).exists()
        done = exists if pending.commit == "written" else not exists
        if not done:
            for path, before, after in pending.files:
                got = read_bytes(path)
                if digest(None if got is None else got[0]) != after:
                    continue  # the change never got to this file
                if before is None:
                    with suppress(FileNotFoundError):
                        os.unlink(path)
                else:
                    atomic_write(path, before)
                self._months.pop(path, None)
        self._undo.clear_pending()
        self._clear(self._undo.pending_path)

    def _bump_stamp(self) -> None:
        """Move the lock file's mtime forward (strictly: two writes in one clock tick still differ),
        so that any process can notice a change with one stat (``stamp``)."""
        with suppress(OSError):
            old = os.stat(self.lock_path).st_mtime_ns
            new = max(time.time_ns(), old + 1)
            os.utime(self.lock_path, ns=(new, new))

    def stamp(self) -> tuple:
        """Changes on every write by any legday process, and on nothing else (one os.stat)."""
        try:
            st = os.stat(self.lock_path)
        except OSError:
            return ()
        return (st.st_mtime_ns, st.st_ino)

    def _apply(
        self,
        files: list[tuple[Path, bytes | None, bytes | None]],
        step: Step | None = None,
        undoing: int | None = None,
    ) -> dict[Path, os.stat_result]:
        """Write ``files`` (path, bytes before or None, bytes after or None to delete) and record
        ``step``, or delete step ``undoing``, in the order described above. Call under the lock."""
        try:
            return self._apply_in_order(files, step, undoing)
        finally:
            # Last, so that whoever notices the new stamp also finds the new undo step.
            self._bump_stamp()

    def _apply_in_order(self, files, step: Step | None, undoing: int | None) -> dict[Path, os.stat_result]:
        assert (step is None) != (undoing is None)
        undo = self._undo
        several = len(files) > 1 or undoing is not None
        seq = undoing
        if step is not None:
            try:
                steps = undo.steps()
            except StorageError as err:
                if several:
                    raise
                self._note(_unrecorded(err, undo.dir))
                step = None
            else:
                seq = steps[-1] + 1 if steps else 1
        pending = None
        if several:
            if self._bad_pending is not None:
                raise self._bad_pending
            pending = Pending(
                seq,
                "removed" if undoing is not None else "written",
                [(path, before, digest(after)) for path, before, after in files],
            )
            sweep_temp_files(undo.dir)
            undo.write_pending(pending, self.data_dir)
        stats: dict[Path, os.stat_result] = {}
        try:
            for path, _before, after in files:
                if after is None:
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass
                    except OSError as err:
                        raise os_error("save", path, err) from None
                else:
                    sweep_temp_files(path.parent)
                    stats[path] = atomic_write(path, after)
                self._months.pop(path, None)
            if undoing is not None:
                undo.remove(undoing)
            elif several and step is not None:
                undo.write(seq, step)
        except BaseException:
            if pending is not None:
                with suppress(Exception):  # if this fails too, the next writer settles it
                    self._roll_back_unless_done(pending)
            raise
        if pending is not None:
            try:
                undo.clear_pending()
            except StorageError as err:
                self._note(err)  # harmless: the step shows the change is complete
        if step is not None and not several:
            try:
                sweep_temp_files(undo.dir)
                # Not fsync'd (see above): a power cut may lose the step, never the change.
                undo.write(seq, step, durable=False)
            except StorageError as err:
                self._note(_unrecorded(err, undo.dir))
                step = None
            else:
                self._clear(undo.dir)
        if step is not None:
            undo.prune(seq)
        return stats

    def _load_month(self, year: int, month: int) -> tuple[Path, bytes | None, dict[str, list]]:
        """A month read fresh from disk (under the lock): its path, bytes and records."""
        path = self.month_path(year, month)
        got = read_bytes(path)
        if got is None:
            return path, None, {kind: [] for kind in codec.KINDS}
        try:
            records = _decode(path, got[0], lambda t: codec.decode_month(t, year, month), codec.fast_month)
        except StorageError as err:
            self._note(err)  # never written over: the person's data may be in there
            raise
        return path, got[0], records

    def _change(self, change, label, profile: Profile | None = None) -> bool:
        """Run ``change(month_of)`` under the lock, where ``month_of(date)`` gives that month's
        records as lists to edit; then save the months it changed as one undo step. ``label`` is the
        step's label, or a function of (added, removed) giving it. ``profile``: also save this
        profile, in the same step, if none is saved (a backup restored on a new machine). False if
        nothing changed."""
        import tomli_w

        with self._writing():
            loaded: dict[tuple[int, int], tuple[Path, bytes | None, dict, dict]] = {}

            def month_of(day: dt.date) -> dict[str, list]:
                key = (day.year, day.month)
                if key not in loaded:
                    path, before, records = self._load_month(*key)
                    loaded[key] = (path, before, records, {k: list(v) for k, v in records.items()})
                return loaded[key][3]

            change(month_of)
            files, added, removed, saved = [], [], [], {}
            for _key, (path, before, old, new) in sorted(loaded.items()):
                plus, minus = _difference(old, new)
                if plus or minus:
                    added += plus
                    removed += minus
                    files.append((path, before, tomli_w.dumps(codec.encode_month(new)).encode()))
                    saved[path] = new
            restored = None
            if profile is not None and read_bytes(self.profile_path) is None:
                restored = profile
                files.append((self.profile_path, None, _profile_bytes(profile)))
            if not files:
                return False
            text = label if isinstance(label, str) else label(added, removed)
            step = Step(
                text, tuple(added), tuple(removed), profile=restored is not None, profile_after=restored
            )
            stats = self._apply(files, step)
        for path, records in saved.items():
            self._months[path] = (signature(stats[path]), records)
            self._clear(path)
        if restored is not None:
            self._profile = (signature(stats[self.profile_path]), restored)
            self._clear(self.profile_path)
        return True

    def _add(self, record: Any, label: str | None) -> None:
        kind = codec.storable(record)
        self._change(
            lambda month_of: month_of(record.date)[kind].append(record),
            label or f"logged {describe(record, dt.date.today())}",
        )

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

    def add_many(self, records, label: str | None = None, profile: Profile | None = None) -> None:
        """Save many records (an import, a benchmark's synthetic years): all of them or, if anything
        is wrong (a record a file cannot hold, a month file that cannot be read), none, with one
        write per month and ONE undo step. Same rules as the single adds: check-ins replace that
        date's, a skip is recorded once. ``profile`` (legday's own export carries one) is saved in
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
                elif kind == "skip" and record in month[kind]:
                    continue
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
                raise InputError(
                    f"there is already a check-in on {_day(new.date)}; "
                    "accepted: a day without one (edit or delete that one instead)"
                )
            if new_kind == "skip" and new in target["skip"]:
                return  # already recorded once
            target[new_kind].append(new)

        self._change(change, label or f"edited {describe(new, dt.date.today())}")

    def find(self, record_id: str) -> Record | None:
        """The logged record with this id (see ``legday.core.records``), searching the newest months
        first; None if there is none. Months that cannot be read are skipped and listed."""
        self._settle_before_reading()
        wanted = record_id.strip().lower()
        for year, month, path in reversed(self._month_files()):
            try:
                records = self._month(year, month, path)
            except StorageError as err:
                self._note(err)
                continue
            for kind in codec.KINDS:
                for record in records[kind] if records else ():
                    if _record_id(record) == wanted:
                        return record
        return None

    # -- undo -------------------------------------------------------------------------------------

    def undo_labels(self, limit: int = 20) -> list[str]:
        """Labels of the changes undo would reverse, newest first. Stops at a step file that cannot
        be read (listed in ``problems``; undo stops there too until it is moved aside)."""
        self._settle_before_reading()
        labels: list[str] = []
        try:
            steps = self._undo.steps()
        except StorageError as err:
            self._note(err)
            return labels
        for seq in reversed(steps):
            if len(labels) >= limit:
                break
            try:
                labels.append(self._undo.label(seq))
            except StorageError as err:
                if self._undo.torn(seq):
                    continue  # lost in a power cut: undo passes over it (and drops it)
                self._note(err)
                break
            self._clear(self._undo.path(seq))
        return labels

    def undo(self) -> str | None:
        """Reverse the newest change made by any legday process; returns its label, or None if
        there is nothing to undo. Raises StorageError (RecordChanged when its records were changed
        since, CorruptFile when its step file cannot be read) and then writes nothing."""
        import tomli_w

        with self._writing():
            steps = self._undo.steps()
            # Steps a power cut left empty were lost, not damaged: dropped, undo goes on with older.
            while steps and self._undo.torn(steps[-1]):
                self._undo.remove(steps.pop())
            if not steps:
                return None
            seq = steps[-1]
            try:
                step = self._undo.read(seq)
            except StorageError as err:
                self._note(err)
                raise
            self._clear(self._undo.path(seq))
            files: list[tuple[Path, bytes | None, bytes | None]] = []
            saved: dict[Path, dict] = {}
            months: dict[tuple[int, int], tuple[list, list]] = {}
            for record in step.added:
                months.setdefault((record.date.year, record.date.month), ([], []))[0].append(record)
            for record in step.removed:
                months.setdefault((record.date.year, record.date.month), ([], []))[1].append(record)
            for (year, month), (added, removed) in sorted(months.items()):
                path, before, records = self._load_month(year, month)
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
                            f"cannot undo “{step.label}”: {_day(record.date)} "
                            "has another check-in since; nothing was changed",
                            path,
                        )
                    if kind == "skip" and record in new[kind]:
                        continue
                    new[kind].append(record)
                files.append((path, before, tomli_w.dumps(codec.encode_month(new)).encode()))
                saved[path] = new
            profile_after = None
            if step.profile:
                path = self.profile_path
                got = read_bytes(path)
                current = None
                if got is not None:
                    try:
                        current = _decode(path, got[0], codec.decode_profile)
                    except StorageError as err:
                        self._note(err)
                        raise
                if current != step.profile_after:
                    raise RecordChanged(
                        f"cannot undo “{step.label}”: the profile was changed since; nothing was changed",
                        path,
                    )
                profile_after = step.profile_before
                payload = (
                    None
                    if profile_after is None
                    else tomli_w.dumps(codec.encode_profile(profile_after)).encode()
                )
                files.append((path, None if got is None else got[0], payload))
            stats = self._apply(files, undoing=seq)
        for path, records in saved.items():
            self._months[path] = (signature(stats[path]), records)
            self._clear(path)
        if step.profile:
            self._profile = (
                None if profile_after is None else (signature(stats[self.profile_path]), profile_after)
            )
            self._clear(self.profile_path)
        return step.label


def _difference(old: dict[str, list], new: dict[str, list]) -> tuple[list, list]:
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
    import tomli_w

    data = codec.encode_profile(p)
    try:
        if codec.decode_profile(data) != p:
            raise codec.Bad("the profile has values a file cannot hold")
    except codec.Bad as bad:
        raise InputError(bad.message) from None
    return tomli_w.dumps(data).encode()


def _day(d: dt.date) -> str:
    return describe(CheckIn(d, 0), dt.date.today()).removeprefix("check-in ")


def _entries(n: int) -> str:
    return "entry" if n == 1 else "entries"


def _unrecorded(err: StorageError, undo_dir: Path) -> StorageError:
    """The change was saved but its undo step could not be: say so (logging is never blocked by
    the undo history). Listed under the undo folder, until a later step is recorded."""
    return StorageError(f"the change was saved but cannot be undone: {err.message}", undo_dir)
