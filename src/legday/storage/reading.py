"""Reading a person's logs and profile, with nothing locked.

    <data_dir>/profile.toml            the profile
    <data_dir>/log/2026/2026-11.toml   everything logged in November 2026

Reads take no lock: writes replace files atomically, so a reader sees a whole old or whole new file.
Parsed files are cached by (mtime, size, inode), so the app can ask for a week again and again
without re-reading unchanged files. A file that cannot be used is skipped and listed in
``problems`` (one entry a file, gone once the file reads again); the other months stay usable.

Writers (``store.py``) read the files they change afresh with ``load_month`` / ``load_profile``, under
the lock, and tell the cache what they wrote with ``remember``.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

from legday.core.model import History, Profile
from legday.core.records import Record, record_id
from legday.storage import codec
from legday.storage.errors import Problems, StorageError
from legday.storage.files import os_error, read_bytes, signature
from legday.storage.schema import decode_file

_MONTH_FILE = re.compile(r"^(\d{4})-(\d{2})\.toml$")
_YEAR_DIR = re.compile(r"^\d{4}$")

Month = dict[str, list]  # kind -> records, for the kinds in codec.KINDS
Signature = tuple[int, int, int]


def empty_month() -> Month:
    return {kind: [] for kind in codec.KINDS}


def decode_month(path: Path, data: bytes, year: int, month: int) -> Month:
    """One month file's records; CorruptFile / NewerSchema when it cannot be used."""
    return decode_file(path, data, lambda t: codec.decode_month(t, year, month), codec.fast_month)


def decode_profile(path: Path, data: bytes) -> Profile:
    return decode_file(path, data, codec.decode_profile)


class Reader:
    """The logs and profile in ``data_dir``, read on demand and cached while unchanged."""

    def __init__(self, data_dir: Path, problems: Problems):
        self.data_dir = data_dir
        self.problems = problems
        self._months: dict[Path, tuple[Signature, Month | StorageError]] = {}
        self._profile: tuple[Signature, Profile] | None = None

    # -- where ------------------------------------------------------------------------------------

    @property
    def profile_path(self) -> Path:
        return self.data_dir / "profile.toml"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "log"

    def month_path(self, year: int, month: int) -> Path:
        return self.log_dir / f"{year:04d}" / f"{year:04d}-{month:02d}.toml"

    def month_files(self, first_year: int = 1, last_year: int = 9999) -> list[tuple[int, int, Path]]:
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
            self.problems.note(os_error("read", self.log_dir, err))
            return []
        for year_dir in years:
            try:
                entries = list(os.scandir(year_dir.path))
            except OSError as err:
                self.problems.note(os_error("read", Path(year_dir.path), err))
                continue
            for entry in entries:
                match = _MONTH_FILE.match(entry.name)
                # A month file in the wrong year folder is not where legday would look for it.
                if match and match[1] == year_dir.name and 1 <= int(match[2]) <= 12:
                    found.append((int(match[1]), int(match[2]), Path(entry.path)))
        found.sort()
        return found

    # -- the profile ------------------------------------------------------------------------------

    def profile(self) -> Profile | None:
        """The saved profile, or None on first run. Raises CorruptFile / NewerSchema / StorageError
        if profile.toml cannot be used (it is then also listed in ``problems``)."""
        path = self.profile_path
        try:
            got = read_bytes(path)
            if got is None:
                self._profile = None
                self.problems.clear_path(path)
                return None
            data, st = got
            sig = signature(st)
            if self._profile is not None and self._profile[0] == sig:
                return self._profile[1]
            assert data is not None
            profile = decode_profile(path, data)
        except StorageError as err:
            self.problems.note(err)
            raise
        self._profile = (sig, profile)
        self.problems.clear_path(path)
        return profile

    def load_profile(self) -> tuple[bytes | None, Profile | None]:
        """The profile file's bytes and profile, read fresh (for a writer, under the lock). A file
        that cannot be used raises: it may be a person's hand edit, never to be written over."""
        path = self.profile_path
        got = read_bytes(path)
        if got is None:
            return None, None
        data = got[0]
        assert data is not None
        try:
            return data, decode_profile(path, data)
        except StorageError as err:
            self.problems.note(err)
            raise

    # -- months -----------------------------------------------------------------------------------

    def month(self, year: int, month: int, path: Path | None = None) -> Month | None:
        """One month's records (cached while the file is unchanged), None if there is no file."""
        path = path or self.month_path(year, month)
        cached = self._months.get(path)
        got = read_bytes(path, cached[0] if cached is not None else None)
        if got is None:
            self._months.pop(path, None)
            self.problems.clear_path(path)
            return None
        data, st = got
        sig = signature(st)
        result: Month | StorageError
        if data is None and cached is not None:
            result = cached[1]
        else:
            assert data is not None
            try:
                result = decode_month(path, data, year, month)
            except StorageError as err:
                result = err
            self._months[path] = (sig, result)
        if isinstance(result, StorageError):
            raise result
        self.problems.clear_path(path)
        return result

    def load_month(self, year: int, month: int) -> tuple[Path, bytes | None, Month]:
        """A month read fresh from disk (for a writer, under the lock): its path, bytes, records."""
        path = self.month_path(year, month)
        got = read_bytes(path)
        if got is None:
            return path, None, empty_month()
        data = got[0]
        assert data is not None
        try:
            records = decode_month(path, data, year, month)
        except StorageError as err:
            self.problems.note(err)  # never written over: the person's data may be in there
            raise
        return path, data, records

    def remember(self, path: Path, st: os.stat_result, value: Any) -> None:
        """A writer saved ``value`` (a month's records, or the profile) as ``path``."""
        if path == self.profile_path:
            self._profile = (signature(st), value)
        else:
            self._months[path] = (signature(st), value)
        self.problems.clear_path(path)

    def forget(self, path: Path) -> None:
        """``path`` changed (or went) in a way the cache cannot follow: read it again next time."""
        self._months.pop(path, None)
        if path == self.profile_path:
            self._profile = None

    # -- what the layers above ask for --------------------------------------------------------------

    def _gather(self, months: list[tuple[int, int, Path | None]]) -> Month:
        out = empty_month()
        for year, month, path in months:
            try:
                records = self.month(year, month, path)
            except StorageError as err:
                # Skip just this month: the others are independent files and stay usable.
                self.problems.note(err)
                continue
            if records:
                for kind in codec.KINDS:
                    out[kind].extend(records[kind])
        return out

    @staticmethod
    def _history(records: Month) -> History:
        return History(
            legs=tuple(sorted(records["legs"], key=codec.sort_key("legs"))),
            cardio=tuple(sorted(records["cardio"], key=codec.sort_key("cardio"))),
            checkins=tuple(sorted(records["checkin"], key=codec.sort_key("checkin"))),
            skips=tuple(sorted(records["skip"], key=codec.sort_key("skip"))),
        )

    def history(self, first: dt.date, last: dt.date) -> History:
        """What was logged from ``first`` to ``last`` (both included). Reads only those months."""
        if first > last:
            return History()
        span = (last.year - first.year) * 12 + last.month - first.month + 1
        months: list[tuple[int, int, Path | None]]
        if span <= 36:
            months = []
            year, month = first.year, first.month
            while (year, month) <= (last.year, last.month):
                months.append((year, month, None))
                year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        else:
            # A long window: list the month files that exist rather than trying every month.
            lo, hi = (first.year, first.month), (last.year, last.month)
            months = [m for m in self.month_files(first.year, last.year) if lo <= m[:2] <= hi]
        records = self._gather(months)
        for kind in codec.KINDS:
            records[kind] = [r for r in records[kind] if first <= r.date <= last]
        return self._history(records)

    def all_history(self) -> History:
        return self._history(self._gather(list(self.month_files())))

    def exercise_names(self, months: int = 6) -> list[str]:
        """Exercise names from the newest ``months`` month files, most used first."""
        counts: Counter[str] = Counter()
        for year, month, path in self.month_files()[-months:] if months > 0 else []:
            try:
                records = self.month(year, month, path)
            except StorageError as err:
                self.problems.note(err)
                continue
            for session in records["legs"] if records else ():
                counts.update(e.name for e in session.exercises)
        return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]

    def find(self, wanted: str) -> Record | None:
        """The logged record with this id, searching the newest months first."""
        for year, month, path in reversed(self.month_files()):
            try:
                records = self.month(year, month, path)
            except StorageError as err:
                self.problems.note(err)
                continue
            for kind in codec.KINDS:
                for record in records[kind] if records else ():
                    if record_id(record) == wanted:
                        return record
        return None
