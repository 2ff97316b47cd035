"""What one import keeps track of while it reads: rows read (for progress and the row limit), rows
that could not be used (bad rows), and whether the person cancelled.

Every importer reads through a ``Reading``. A bad row is recorded and reading goes on, so that the
error (or, with ``--skip-bad-rows``, the summary) can say how many there were; ``finish`` then
decides: without ``skip_bad_rows`` the first bad row stops the whole import (nothing is written),
with it the good rows are kept and each bad one is listed as ``file:line: why``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import field

from legday.core.values import MutableValue, Value
from legday.transfer.errors import FileFormatError

# legday's limits for one file: far above any real export (five years of Strong is about 15,000
# rows and 1.3 MB), low enough that a runaway file is refused in seconds, not minutes.
MAX_ROWS = 500_000
# How often (in rows) progress is reported and a cancel is noticed.
TICK = 500
SKIP_HINT = "--skip-bad-rows imports the rest"


class Cancelled(Exception):
    """The person cancelled the import while the file was read; nothing was written."""


class BadRow(Value):
    line: int | None
    why: str

    def where(self, name: str) -> str:
        return f"{name}:{self.line}" if self.line else name


class Reading(MutableValue):
    """One file being read. ``progress(rows)`` is called every few hundred rows from the reading
    thread; ``cancelled()`` is asked as often, and a True answer stops the import."""

    name: str
    skip_bad_rows: bool = False
    progress: Callable[[int], None] | None = None
    cancelled: Callable[[], bool] | None = None
    max_rows: int = MAX_ROWS
    rows: int = 0
    bad: list[BadRow] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def tick(self, count: int = 1) -> None:
        """``count`` more rows read."""
        before = self.rows
        self.rows += count
        if self.rows > self.max_rows:
            raise FileFormatError(
                self.name,
                None,
                f"more than {self.max_rows:,} rows, more than any real export holds; accepted: a "
                "file of at most that many rows (split a bigger one)",
            )
        if self.rows // TICK != before // TICK:
            self.check()

    def check(self) -> None:
        if self.cancelled is not None and self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.rows)

    def bad_row(self, line: int | None, why: str) -> None:
        self.bad.append(BadRow(line, why))

    def refuse_bad_rows(self) -> None:
        """Without ``skip_bad_rows`` a bad row anywhere stops the import: the first one named, the
        count given, and the way to import the rest."""
        if not self.bad or self.skip_bad_rows:
            return
        first = self.bad[0]
        count = len(self.bad)
        rows = "1 bad row" if count == 1 else f"{count:,} bad rows"
        raise FileFormatError(self.name, first.line, f"{first.why} ({rows} in the file; {SKIP_HINT})")
