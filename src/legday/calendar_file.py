"""The calendar kept current: the plan as an .ics file, rewritten after every change.

``settings.calendar_file`` names the file (``legday settings --calendar-file PATH``); whoever changes
the log (the command line, the app) calls ``refresh`` afterwards, and a calendar app subscribed to
the file follows the plan. The file is replaced atomically, so the calendar app never reads half of
it. Needs the ``icalendar`` package, imported only here and only when there is a file to write.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

DEFAULT_WEEKS = 2


def plans(store, profile, today: dt.date, first: dt.date, weeks: int, week_start: int) -> list:
    """Plans for the week containing ``first`` and the ``weeks - 1`` after it, as of ``today``."""
    from legday.core.model import Profile
    from legday.core.planner import history_window, plan_week

    profile = profile or Profile()
    out = []
    for n in range(weeks):
        week = first + dt.timedelta(days=7 * n)
        lo, hi = history_window(today, week_start, week=week)
        history = store.history(lo, hi)
        out.append(plan_week(profile, history, today, week_start, week=week))
    return out


def calendar_bytes(store, profile, today: dt.date, first: dt.date | None = None,
                   weeks: int = DEFAULT_WEEKS, week_start: int = 0) -> bytes:
    from legday.transfer.calendar import dumps

    first = first or today
    return dumps(plans(store, profile, today, first, weeks, week_start), first)


def calendar_path(settings) -> Path | None:
    value = getattr(settings, "calendar_file", None)
    return Path(value).expanduser() if value else None


def refresh(store, settings, now: dt.datetime) -> Path | None:
    """Rewrite the calendar file if one is set; returns its path (None when none is kept).
    Raises StorageError when it cannot be written (the caller reports it: the change itself is
    saved either way)."""
    from legday.storage import StorageError
    from legday.storage.files import atomic_write

    path = calendar_path(settings)
    if path is None:
        return None
    try:
        profile = store.profile()
    except StorageError:  # a profile legday cannot read: plan with the defaults, as `legday plan` does
        profile = None
    data = calendar_bytes(store, profile, now.date(), week_start=settings.week_start)
    atomic_write(path, data)
    return path
