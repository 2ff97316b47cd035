"""Bringing history in and taking it out: other apps' exports -> legday's records, and legday's
records and plan -> JSON, CSV and iCalendar.

Plain Python on top of ``legday.core`` only; the optional libraries (``fitdecode`` for FIT files,
``icalendar`` for calendars) are imported inside the functions that need them.

    loaded = load("~/strong.csv", units=None, profile_units="kg")   # reads, or raises one line
    plan = plan_import(loaded.parsed, existing_records)
    print(summary(loaded.name, plan))

Reading never writes and touches nothing shared, so it can run in a worker thread; ``progress``
hears how many rows were read and ``cancelled`` can stop it (``Cancelled``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from legday.core.values import Value
from legday.transfer.errors import FileFormatError
from legday.transfer.merge import ImportPlan, plan_import, summary
from legday.transfer.reading import Cancelled, Reading
from legday.transfer.workouts import Parsed

FORMATS = ("strong", "hevy", "fitnotes", "fit", "json")
UNITS = ("kg", "lb")

__all__ = [
    "FORMATS",
    "Cancelled",
    "FileFormatError",
    "ImportPlan",
    "Loaded",
    "Parsed",
    "detect",
    "load",
    "plan_import",
    "read",
    "summary",
]

ACCEPTED = "a CSV export from Strong, Hevy or FitNotes, a FIT activity file, or legday's own JSON"


def detect(data: bytes, name: str) -> str:
    """Which format a file is in, from the file itself: FIT by its signature, JSON by legday's key,
    CSV by its header row (or, for Strong in another language, by the shape of its rows)."""
    from legday.transfer import fitnotes, hevy, native, strong, text

    if text.is_fit(data):
        return "fit"
    content = text.decode(data, name)
    if native.looks_like(content):
        return "json"
    if content.lstrip().startswith(("{", "[")):
        raise FileFormatError(name, 1, f"this JSON is not a legday export; accepted: {ACCEPTED}")
    line = text.first_line(content)
    header = [text.normal(c) for c in line.split(text.delimiter(line))]
    for fmt, module in (("strong", strong), ("hevy", hevy), ("fitnotes", fitnotes)):
        if module.looks_like(header):
            return fmt
    if not header or header == [""]:
        raise FileFormatError(name, None, f"the file is empty; accepted: {ACCEPTED}")
    if strong.by_shape(header, text.sample(content)) is not None:
        return "strong"
    raise FileFormatError(
        name,
        1,
        f"cannot tell which app wrote this (header {text.shown(line, 60)}); accepted: "
        f"{ACCEPTED}, or say which with --format",
    )


def check_options(fmt: str | None, units: str | None) -> tuple[str | None, str | None]:
    """``--format`` and ``--units`` as given (any case, ``lbs`` for lb), or InputError."""
    from legday.core.errors import InputError

    if fmt is not None:
        fmt = fmt.strip().lower()
        if fmt not in FORMATS:
            raise InputError(f"format {text_of(fmt)} unknown; accepted: {', '.join(FORMATS)}")
    if units is not None:
        units = units.strip().lower()
        units = {"lbs": "lb", "kgs": "kg"}.get(units, units)
        if units not in UNITS:
            raise InputError(f"units {text_of(units)} unknown; accepted: kg, lb")
    return fmt, units


def text_of(value: str) -> str:
    from legday.transfer.text import shown

    return shown(value)


def read(
    data: bytes,
    name: str,
    fmt: str | None = None,
    units: str | None = None,
    leg_time: dt.time = dt.time(18, 0),
    *,
    profile_units: str | None = None,
    skip_bad_rows: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Parsed:
    """Parse a whole file into records. ``units``: --units; ``profile_units``: the profile's units
    when the person set them. Raises FileFormatError (file and line) or InputError; reads the whole
    file before returning, so a bad row anywhere means nothing is imported -- unless
    ``skip_bad_rows``, when the bad rows are listed in ``Parsed.bad_rows`` instead."""
    from legday.transfer import fit, fitnotes, hevy, native, strong, text
    from legday.transfer import units as unit_rules
    from legday.transfer.workouts import to_records

    reading = Reading(name, skip_bad_rows, progress, cancelled)
    fmt = fmt or detect(data, name)
    if fmt not in FORMATS:
        raise FileFormatError(name, None, f"format {text_of(fmt)} unknown; accepted: {', '.join(FORMATS)}")
    if fmt == "fit":
        if not text.is_fit(data):
            raise FileFormatError(
                name,
                None,
                "this is not a FIT file (no .FIT signature); accepted: an activity file from a watch",
            )
        workouts = fit.read(data, reading)
    else:
        content = text.decode(data, name)
        if fmt == "json":
            parsed = native.read(content, reading)
            reading.refuse_bad_rows()
            parsed.bad_rows, parsed.rows = list(reading.bad), reading.rows
            return parsed
        module = {"strong": strong, "hevy": hevy, "fitnotes": fitnotes}[fmt]
        workouts = module.read(content, reading)
    reading.refuse_bad_rows()
    note = unit_rules.resolve(workouts, reading, units, profile_units)
    parsed = Parsed(fmt)
    to_records(workouts, parsed, reading, leg_time)
    reading.refuse_bad_rows()
    parsed.bad_rows, parsed.units_note, parsed.rows = list(reading.bad), note, reading.rows
    reading.check()
    return parsed


class Loaded(Value):
    """A file read and checked, not yet compared with the log: its name and what it holds."""

    name: str
    parsed: Parsed


def load(
    path: str | Path,
    fmt: str | None = None,
    units: str | None = None,
    *,
    profile_units: str | None = None,
    leg_time: dt.time = dt.time(18, 0),
    skip_bad_rows: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Loaded:
    """Open (a regular file of bounded size, see ``source``) and read an export. Writes nothing."""
    from legday.transfer.source import read_export

    fmt, units = check_options(fmt, units)
    given = str(path)
    data = read_export(given)
    name = Path(given.strip()).name
    if cancelled is not None and cancelled():
        raise Cancelled()
    parsed = read(
        data,
        name,
        fmt,
        units,
        leg_time,
        profile_units=profile_units,
        skip_bad_rows=skip_bad_rows,
        progress=progress,
        cancelled=cancelled,
    )
    return Loaded(name, parsed)
