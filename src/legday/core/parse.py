"""Parsing what people type: exercise lines, dates, times, numbers. Every failure is an InputError whose
message says what was wrong and what is accepted; nothing else escapes.

Digits are ASCII digits. Python's ``int()`` and ``\\d`` would also take ``1_0``, fullwidth ``１０`` and
Arabic-Indic ``١٠``: a stray key on another keyboard layout would then log a number nobody typed.
Dates stay within FIRST_DAY..LAST_DAY, so that the weeks around one never leave the calendar."""

from __future__ import annotations

import datetime as dt
import re

from legday.core.errors import InputError
from legday.core.model import Exercise

EXERCISE_FORMAT = "NAME SETSxREPS[@LOAD[kg|lb]], e.g. 'back squat 5x5@100kg' or 'box jump 4x5'"

_EXERCISE = re.compile(
    r"""^\s*(?P<name>.*?\S)\s+
        (?P<sets>[0-9]{1,3})\s*[x×]\s*(?P<reps>[0-9]{1,4})
        (?:\s*@\s*(?P<load>[0-9]{1,4}(?:[.,][0-9]{1,2})?)\s*(?P<unit>kg|kgs|lb|lbs)?)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_exercise(text: str, default_unit: str = "kg") -> Exercise:
    """``"back squat 5x5@100kg"`` -> Exercise. The unit defaults to the profile's units."""
    match = _EXERCISE.match(text or "")
    if not match:
        raise InputError(f"cannot read exercise {text!r}; accepted: {EXERCISE_FORMAT}")
    unit = (match["unit"] or default_unit).lower().rstrip("s")
    load = match["load"]
    return Exercise(
        name=" ".join(match["name"].split()).lower(),
        sets=int(match["sets"]),
        reps=int(match["reps"]),
        load=float(load.replace(",", ".")) if load else None,
        unit=unit,
    )


# The days a date may be: the planner and trends look weeks back and ahead of the day asked for,
# which must stay inside Python's calendar (years 1 to 9999).
FIRST_DAY = dt.date(1900, 1, 1)
LAST_DAY = dt.date(2199, 12, 31)

_DATE = re.compile(r"\s*([0-9]{4})-([0-9]{2})-([0-9]{2})\s*")
_INT = re.compile(r"\s*([+-]?[0-9]+)\s*")
_FLOAT = re.compile(r"\s*([+-]?(?:[0-9]+(?:[.,][0-9]*)?|[.,][0-9]+))\s*")


def parse_date(text: str) -> dt.date:
    match = _DATE.fullmatch(text) if isinstance(text, str) else None
    try:
        day = dt.date(int(match[1]), int(match[2]), int(match[3])) if match else None
    except ValueError:
        day = None
    if day is None:
        raise InputError(f"not a date: {text!r}; accepted: a real date as YYYY-MM-DD")
    if not FIRST_DAY <= day <= LAST_DAY:
        raise InputError(f"date {day} is out of range; accepted: a date from {FIRST_DAY} to {LAST_DAY}")
    return day


def parse_time(text: str) -> dt.time:
    match = re.fullmatch(r"\s*([0-9]{1,2}):([0-9]{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(f"not a time: {text!r}; accepted: HH:MM, 00:00 to 23:59")
    return dt.time(int(match[1]), int(match[2]))


def parse_int(text: str, low: int, high: int, what: str) -> int:
    match = _INT.fullmatch(str(text))
    if not match:
        raise InputError(f"{what} {text!r} is not a whole number; accepted: {low} to {high}")
    digits = match[1]
    if len(digits.lstrip("+-").lstrip("0")) > 12:  # far out of any range legday has
        raise InputError(f"{what} {digits[:12]}... is out of range; accepted: {low} to {high}")
    value = int(digits)
    if not low <= value <= high:
        raise InputError(f"{what} {value} is out of range; accepted: {low} to {high}")
    return value


def parse_float(text: str, low: float, high: float, what: str) -> float:
    match = _FLOAT.fullmatch(str(text))
    if not match:
        raise InputError(f"{what} {text!r} is not a number; accepted: {low:g} to {high:g}")
    number = match[1].replace(",", ".")
    if len(number.lstrip("+-").split(".")[0].lstrip("0")) > 12:
        raise InputError(f"{what} {number[:12]}... is out of range; accepted: {low:g} to {high:g}")
    value = float(number)
    if not low <= value <= high:
        raise InputError(f"{what} {value:g} is out of range; accepted: {low:g} to {high:g}")
    return value
