"""Bringing history in and taking it out: other apps' exports -> legday's records, and legday's
records and plan -> JSON, CSV and iCalendar.

Plain Python on top of ``legday.core`` only; the optional libraries (``fitdecode`` for FIT files,
``icalendar`` for calendars) are imported inside the functions that need them.

    parsed = read(data, "strong.csv", units="kg", leg_time=profile.leg_time)   # or raises
    plan = plan_import(parsed, existing_records)
    print(summary("strong.csv", plan))
"""

from __future__ import annotations

import datetime as dt

from legday.transfer.errors import FileFormatError
from legday.transfer.merge import ImportPlan, plan_import, summary
from legday.transfer.workouts import Parsed

FORMATS = ("strong", "hevy", "fitnotes", "fit", "json")

__all__ = ["FORMATS", "FileFormatError", "ImportPlan", "Parsed", "detect", "plan_import", "read", "summary"]

ACCEPTED = "a CSV export from Strong, Hevy or FitNotes, a FIT activity file, or legday's own JSON"


def detect(data: bytes, name: str) -> str:
    """Which format a file is in, from the file itself: FIT by its signature, JSON by legday's key,
    CSV by its header row."""
    from legday.transfer import fitnotes, hevy, native, strong, text

    if text.is_fit(data):
        return "fit"
    content = text.decode(data, name)
    if native.looks_like(content):
        return "json"
    if content.lstrip().startswith(("{", "[")):
        raise FileFormatError(name, 1, f"this JSON is not a legday export; accepted: {ACCEPTED}")
    header = [
        text.normal(c) for c in text.first_line(content).split(text.delimiter(text.first_line(content)))
    ]
    for fmt, module in (("strong", strong), ("hevy", hevy), ("fitnotes", fitnotes)):
        if module.looks_like(header):
            return fmt
    if not header or header == [""]:
        raise FileFormatError(name, None, f"the file is empty; accepted: {ACCEPTED}")
    shown = text.first_line(content)[:60]
    raise FileFormatError(
        name,
        1,
        f"cannot tell which app wrote this (header {shown!r}); accepted: "
        f"{ACCEPTED}, or say which with --format",
    )


def read(
    data: bytes, name: str, fmt: str | None = None, units: str = "kg", leg_time: dt.time = dt.time(18, 0)
) -> Parsed:
    """Parse a whole file into records. Raises FileFormatError (file and line) or InputError; reads
    the whole file before returning, so a bad row anywhere means nothing is imported."""
    from legday.transfer import fit, fitnotes, hevy, native, strong, text

    fmt = fmt or detect(data, name)
    if fmt not in FORMATS:
        raise FileFormatError(name, None, f"format {fmt!r} unknown; accepted: {', '.join(FORMATS)}")
    if fmt == "fit":
        if not text.is_fit(data):
            raise FileFormatError(
                name,
                None,
                "this is not a FIT file (no .FIT signature); accepted: an activity file from a watch",
            )
        return fit.parse(data, name, units, leg_time)
    content = text.decode(data, name)
    if fmt == "json":
        return native.parse(content, name)
    module = {"strong": strong, "hevy": hevy, "fitnotes": fitnotes}[fmt]
    return module.parse(content, name, units, leg_time)
