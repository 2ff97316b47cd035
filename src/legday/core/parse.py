"""Parsing what people type: exercise lines, dates, times. Every failure is an InputError whose
message says what was wrong and what is accepted; nothing else escapes."""

from __future__ import annotations

import datetime as dt
import re

from legday.core.errors import InputError
from legday.core.model import Exercise

EXERCISE_FORMAT = "NAME SETSxREPS[@LOAD[kg|lb]], e.g. 'back squat 5x5@100kg' or 'box jump 4x5'"

_EXERCISE = re.compile(
    r"""^\s*(?P<name>.*?\S)\s+
        (?P<sets>\d{1,3})\s*[x×]\s*(?P<reps>\d{1,4})
        (?:\s*@\s*(?P<load>\d{1,4}(?:[.,]\d{1,2})?)\s*(?P<unit>kg|kgs|lb|lbs)?)?\s*$""",
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


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InputError(f"not a date: {text!r}; accepted: a real date as YYYY-MM-DD") from None


def parse_time(text: str) -> dt.time:
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text or "")
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise InputError(f"not a time: {text!r}; accepted: HH:MM, 00:00 to 23:59")
    return dt.time(int(match[1]), int(match[2]))


def parse_int(text: str, low: int, high: int, what: str) -> int:
    try:
        value = int(str(text).strip())
    except ValueError:
        raise InputError(f"{what} {text!r} is not a whole number; accepted: {low} to {high}") from None
    if not low <= value <= high:
        raise InputError(f"{what} {value} is out of range; accepted: {low} to {high}")
    return value


def parse_float(text: str, low: float, high: float, what: str) -> float:
    try:
        value = float(str(text).strip().replace(",", "."))
    except ValueError:
        raise InputError(f"{what} {text!r} is not a number; accepted: {low:g} to {high:g}") from None
    if not low <= value <= high or value != value:
        raise InputError(f"{what} {value:g} is out of range; accepted: {low:g} to {high:g}")
    return value
