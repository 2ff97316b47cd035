"""FitNotes' CSV export, both forms:

    Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time        (or Weight (lbs))
    Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time   (newer)

A date only, one row a set; all of a day's rows are one workout. The ``Legs`` category counts as leg
work whatever the name, and ``Cardio`` rows become cardio sessions (``Time`` is ``h:mm:ss``). With no
time of day, a leg session starts at the profile's usual leg time and cardio gets none; with no
length, the session's minutes are estimated from its sets.
"""

from __future__ import annotations

import datetime as dt

from legday.transfer import text
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading
from legday.transfer.workouts import SetRow, Workout, check_set


def looks_like(header: list[str]) -> bool:
    return "exercise" in header and "category" in header and "date" in header


def _unit(value: str) -> str | None:
    value = value.strip().lower()
    return "lb" if value.startswith("lb") else "kg" if value.startswith("kg") else None


def read(content: str, reading: Reading) -> list[Workout]:
    name = reading.name
    # FitNotes writes its own exercise names with commas unquoted ("Overhead Press (Each Side,
    # Dumbbells)"): the columns around the name are fixed, so the extra cells are the name's.
    header, body = text.rows(content, reading, widen="exercise")
    if not looks_like(header):
        raise FileFormatError(
            name,
            1,
            "this is not a FitNotes export (no 'Date', 'Exercise' and "
            "'Category' columns); accepted: the CSV from FitNotes' Export",
        )
    c_weight = text.column(header, "weight", prefix="weight (")
    c_unit = text.column(header, "weight unit")
    header_unit = _unit(c_weight.split("(", 1)[1]) if c_weight and "(" in c_weight else None
    workouts: dict[dt.date, Workout] = {}
    for row in body:
        try:
            _row(row, workouts, name, c_weight, c_unit, header_unit)
        except FileFormatError as err:
            reading.bad_row(err.line, err.message)
    return sorted(workouts.values(), key=lambda w: w.day)


def _row(
    row: text.Row,
    workouts: dict[dt.date, Workout],
    name: str,
    c_weight: str | None,
    c_unit: str | None,
    header_unit: str | None,
) -> None:
    day, _ = text.when(row.get("date"), name, row.line)
    exercise = row.get("exercise")
    if not exercise:
        raise FileFormatError(
            name, row.line, "a row without an exercise; accepted: the export as FitNotes wrote it"
        )
    reps = text.number(row.get("reps"), name, row.line, "reps", 10**6)
    load = text.number(row.get(c_weight), name, row.line, "weight", 10**6)
    distance = text.number(row.get("distance"), name, row.line, "distance", 10**7)
    time = row.get("time")
    minutes = text.duration_minutes(time) if time else None
    if time and minutes is None:
        raise FileFormatError(name, row.line, f"time {text.shown(time)} is not a duration; accepted: h:mm:ss")
    workout = workouts.setdefault(day, Workout(row.line, day, None, None))
    if not (reps or minutes or distance):
        return
    s = SetRow(
        line=row.line,
        exercise=exercise,
        reps=round(reps) if reps else None,
        load=load or None,
        unit=(_unit(row.get(c_unit)) if c_unit else None) or header_unit,
        seconds=minutes * 60 if minutes else None,
        distance=distance,
        category=row.get("category").lower(),
    )
    check_set(s, name)
    workout.sets.append(s)
