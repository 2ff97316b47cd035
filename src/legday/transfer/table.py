"""``legday export csv``: everything logged, one row a record, oldest first, for a spreadsheet.

    kind,date,start,modality,minutes,effort,exercises,soreness,sleep_hours,pain,regions
    legs,2026-11-16,18:00,,60,8,back squat 5x5@100kg; box jump 4x5,,,,
    cardio,2026-11-17,07:00,bike,30,3,,,,,
    checkin,2026-11-17,,,,,,6,7.5,no,quads 7; glutes 5
    skip,2026-11-19,,run,,,,,,,

Columns that do not apply to a kind are empty. Exercises and regions are joined with "; ".

A spreadsheet runs a cell that starts with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return
before one) as a formula, and a name can come from an imported file: such a cell is written with a
leading apostrophe (``'=HYPERLINK(...)``), which spreadsheets show as text and do not run.
"""

from __future__ import annotations

import csv
import io

from legday.core.model import CardioSession, CheckIn, LegSession, Skip

COLUMNS = (
    "kind",
    "date",
    "start",
    "modality",
    "minutes",
    "effort",
    "exercises",
    "soreness",
    "sleep_hours",
    "pain",
    "regions",
)


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert; numbers as they are."""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _start(t) -> str:
    if t is None:
        return ""
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def _row(r) -> dict:
    if isinstance(r, LegSession):
        return {
            "kind": "legs",
            "date": r.date.isoformat(),
            "start": _start(r.start),
            "minutes": r.minutes,
            "effort": r.effort,
            "exercises": "; ".join(str(e) for e in r.exercises),
        }
    if isinstance(r, CardioSession):
        return {
            "kind": "cardio",
            "date": r.date.isoformat(),
            "start": _start(r.start),
            "modality": r.modality,
            "minutes": r.minutes,
            "effort": r.effort,
        }
    if isinstance(r, CheckIn):
        return {
            "kind": "checkin",
            "date": r.date.isoformat(),
            "soreness": r.soreness,
            "sleep_hours": "" if r.sleep_hours is None else f"{r.sleep_hours:g}",
            "pain": "yes" if r.pain else "no",
            "regions": "; ".join(f"{name} {level}" for name, level in r.regions),
        }
    if isinstance(r, Skip):
        return {"kind": "skip", "date": r.date.isoformat(), "modality": r.modality}
    raise TypeError(f"cannot export {type(r).__name__}")


def dumps(records) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, COLUMNS, lineterminator="\n")
    writer.writeheader()
    for r in sorted(records, key=lambda r: (r.date, _start(getattr(r, "start", None)))):
        writer.writerow({key: cell(value) for key, value in _row(r).items()})
    return out.getvalue()
