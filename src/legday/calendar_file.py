"""The calendar kept current: the plan as an .ics file, rewritten after every change.

``settings.calendar_file`` names the file (``legday settings --calendar-file PATH``, or the app's
settings screen). The Journal rewrites it after every change it makes (``Journal.refresh_calendar``),
so the command line and the app keep it current from one place, and a calendar app subscribed to
the file follows the plan. The file is replaced atomically, so the calendar app never reads half of
it. Needs the ``icalendar`` package, imported only when a calendar is made.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

DEFAULT_WEEKS = 2


def calendar_bytes(plans: list, first: dt.date) -> bytes:
    """The week plans as iCalendar, their sessions from ``first`` on (ImportError without the
    icalendar package)."""
    from legday.transfer.calendar import dumps

    return dumps(plans, first)


def calendar_path(settings) -> Path | None:
    """The calendar file the settings name, or None when none is kept."""
    value = getattr(settings, "calendar_file", None)
    return Path(value).expanduser() if value else None
