"""The person's settings and theme files, as plain values: what every layer may hold and pass on.

Storage reads and writes them (``legday.storage.settings``, ``legday.storage.themes``), the journal
hands them out, and the app applies them. They live here, beside the Profile, so that the command
line and the app get them from the journal without knowing where they are kept.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from legday.core.values import Value


class Settings(Value):
    theme: str = "legday-dark"
    week_start: int = 0  # Monday = 0 ... Sunday = 6
    # An .ics file legday rewrites after every change, for a calendar app subscribed to it.
    calendar_file: str | None = None
    # A soreness check-in event each coming morning in the calendar (the file and ``legday export
    # ics``), at this time; off with ``morning_reminder = False``.
    morning_reminder: bool = True
    morning_reminder_time: dt.time = dt.time(7, 30)
    # The [keymap] table as written: (key id, keys, "path:line" for messages), in file order. Which
    # ids and keys are right is the app's business (tui/keys.py); saving keeps the table as it is.
    keymap: tuple[tuple[str, str, str], ...] = ()


class ThemeFile(Value):
    """One theme file as a table (``schema`` checked and removed); what the keys mean is the
    app's business."""

    path: Path
    table: dict
    text: str  # for finding the line of a bad value

    def line_of(self, key: str) -> int | None:
        return line_of(self.text, key)


class ThemeProblem(Value):
    """A theme file skipped: where, and what is wrong."""

    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def line_of(text: str, key: str) -> int | None:
    """The line where ``key = ...`` is set, so a bad value can be reported with its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None
