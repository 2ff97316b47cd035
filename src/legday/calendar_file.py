"""The calendar kept current: the plan as an .ics file, rewritten after every change.

``settings.calendar_file`` names the file (``legday settings --calendar-file PATH``, or the app's
settings screen). The Journal rewrites it after every change it makes (``Journal.refresh_calendar``),
so the command line and the app keep it current from one place, and a calendar app subscribed to
the file follows the plan. The file is replaced atomically, so the calendar app never reads half of
it. When it cannot be written, the warning says so and that the change itself was saved
(``not_written``). Needs the ``icalendar`` package, imported only when a calendar is made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

DEFAULT_WEEKS = 2


def calendar_bytes(plans: list, first: dt.date, reminder: dt.time | None = None) -> bytes:
    """The week plans as iCalendar, their sessions from ``first`` on, timed in the system's zone,
    and a soreness check-in at ``reminder`` each coming morning (None: none). ImportError without
    the icalendar package."""
    from legday.transfer.calendar import dumps, system_zone

    return dumps(plans, first, zone=system_zone(), reminder=reminder)


def reminder_time(settings) -> dt.time | None:
    """The morning check-in reminder's time the settings ask for, or None when it is off."""
    if not getattr(settings, "morning_reminder", False):
        return None
    return getattr(settings, "morning_reminder_time", None)


def not_written(error: object) -> str:
    """The warning after the calendar file could not be rewritten: why, and that the change that
    led here was saved all the same (the error's own "Nothing was changed" is about the calendar
    file only, and would read as if the change were lost)."""
    reason = str(error).strip()
    for tail in (" Nothing was changed", "; nothing was changed", " nothing was changed"):
        if reason.rstrip(".").endswith(tail.strip()):
            reason = reason.rstrip(".")[: -len(tail.strip())].rstrip(" .;")
            break
    return f"the calendar file was not updated ({reason}); your change was saved"


def calendar_path(settings) -> Path | None:
    """The calendar file the settings name, or None when none is kept."""
    value = getattr(settings, "calendar_file", None)
    return Path(value).expanduser() if value else None
