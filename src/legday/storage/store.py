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
from collections import Counter
from pathlib import Path
from typing import Any

from legday.core.model import CardioSession, CheckIn, History, LegSession, Profile, Skip
from legday.storage import codec
from legday.storage.errors import CorruptFile, NewerSchema, StorageError
from legday.storage.files import (
    atomic_write,
    file_lock,
    parse_toml,
    read_bytes,
    signature,
    sweep_temp_files,
)

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_YEAR_DIR = re.compile(r"^\d{4}$")


def check_schema(path: Path, data: dict, text: str) -> None:
    """Every file starts with ``schema = N``; refuse newer ones rather than misread them."""
    if "schema" not in data:
        raise CorruptFile(path, None, f"no 'schema' key; add the line `schema = {codec.SCHEMA}` at the top")
    found = data["schema"]
    if type(found) is not int or found < 1:
        raise CorruptFile(path, codec.locate(text, None, None, "schema"),
                          f"schema = {found!r} is not a version legday knows; accepted: "
                          + ("1" if codec.SCHEMA == 1 else f"1 to {codec.SCHEMA}"))
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

    def save_profile(self, p: Profile) -> None:
        if not isinstance(p, Profile):
            raise TypeError(f"save_profile takes a Profile, not {type(p).__name__}")
        data = codec.encode_profile(p)
        try:
            if codec.decode_profile(data) != p:
                raise codec.Bad("the profile has values a file cannot hold")
        except codec.Bad as bad:
            from legday.core.errors import InputError

            raise InputError(bad.message) from None
        import tomli_w

        payload = tomli_w.dumps(data).encode()
        path = self.profile_path
        with file_lock(self.lock_path):
            got = read_bytes(path)
            if got is not None:
                try:
                    # Refuse to replace a profile this version cannot read: it may be a person's
                    # hand edit with a typo, or a newer legday's file.
                    _decode(path, got[0], codec.decode_profile)
                except StorageError as err:
                    self._note(err)
                    raise
            sweep_temp_files(path.parent)
            st = atomic_write(path, payload)
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
                result = _decode(path, data, lambda t: codec.decode_month(t, year, month),
                                 codec.fast_month)
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
                e for e in os.scandir(self.log_dir)
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

    # -- writing logs -----------------------------------------------------------------------------

    def _change_month(self, day: dt.date, change) -> None:
        """Read-modify-write of ``day``'s month under the lock, reading the file fresh."""
        import tomli_w

        path = self.month_path(day.year, day.month)
        with file_lock(self.lock_path):
            got = read_bytes(path)
            if got is None:
                records: dict[str, list] = {kind: [] for kind in codec.KINDS}
            else:
                try:
                    records = _decode(path, got[0],
                                      lambda t: codec.decode_month(t, day.year, day.month),
                                      codec.fast_month)
                except StorageError as err:
                    self._note(err)  # never written over: the person's data may be in there
                    raise
            if change(records) is False:
                return  # nothing to change: leave the file (or its absence) as it is
            payload = tomli_w.dumps(codec.encode_month(records)).encode()
            sweep_temp_files(path.parent)
            st = atomic_write(path, payload)
        self._months[path] = (signature(st), records)
        self._clear(path)

    def _add(self, record: Any) -> None:
        kind = codec.storable(record)
        self._change_month(record.date, lambda records: records[kind].append(record))

    def add_legs(self, s: LegSession) -> None:
        if not isinstance(s, LegSession):
            raise TypeError(f"add_legs takes a LegSession, not {type(s).__name__}")
        self._add(s)

    def add_cardio(self, s: CardioSession) -> None:
        if not isinstance(s, CardioSession):
            raise TypeError(f"add_cardio takes a CardioSession, not {type(s).__name__}")
        self._add(s)

    def set_checkin(self, c: CheckIn) -> None:
        """Save the morning check-in, replacing any earlier one for that date."""
        if not isinstance(c, CheckIn):
            raise TypeError(f"set_checkin takes a CheckIn, not {type(c).__name__}")
        codec.storable(c)

        def change(records: dict[str, list]) -> None:
            records["checkin"] = [r for r in records["checkin"] if r.date != c.date] + [c]

        self._change_month(c.date, change)

    def add_skip(self, s: Skip) -> None:
        """Mark a suggested session as skipped; skipping the same thing twice records it once."""
        if not isinstance(s, Skip):
            raise TypeError(f"add_skip takes a Skip, not {type(s).__name__}")
        codec.storable(s)

        def change(records: dict[str, list]) -> bool:
            if s in records["skip"]:
                return False
            records["skip"].append(s)
            return True

        self._change_month(s.date, change)

    def add_many(self, records) -> None:
        """Save many records (an import, a benchmark's synthetic years) with one write per month
        instead of one per record. Same rules as the single adds: check-ins replace that date's,
        a skip is recorded once. Months are written one by one: if one fails (a corrupt file), the
        months before it are saved and the error says which file stopped it."""
        by_month: dict[tuple[int, int], list] = {}
        for record in records:
            codec.storable(record)
            by_month.setdefault((record.date.year, record.date.month), []).append(record)

        def change_for(batch: list):
            def change(month: dict[str, list]) -> None:
                for record in batch:
                    kind = codec.RECORD_TYPES[type(record)]
                    if kind == "checkin":
                        month[kind] = [r for r in month[kind] if r.date != record.date]
                    elif kind == "skip" and record in month[kind]:
                        continue
                    month[kind].append(record)

            return change

        for (year, month), batch in sorted(by_month.items()):
            self._change_month(dt.date(year, month, 1), change_for(batch))

    def remove(self, record: LegSession | CardioSession | CheckIn | Skip) -> bool:
        """Remove one logged record equal to ``record`` (undo, un-skip). False if it was not there."""
        kind = codec.RECORD_TYPES.get(type(record))
        if kind is None:
            raise TypeError(f"cannot remove {type(record).__name__}")
        removed = []

        def change(records: dict[str, list]) -> bool:
            if record not in records[kind]:
                return False
            records[kind].remove(record)
            removed.append(record)
            return True

        self._change_month(record.date, change)
        return bool(removed)
