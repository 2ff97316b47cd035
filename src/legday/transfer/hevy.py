"""Hevy's CSV export:

    title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,
    weight_kg,reps,distance_km,duration_seconds,rpe

(``weight_lbs`` and ``distance_miles`` when the app is set to pounds and miles). Dates like
``9 Sep 2025, 06:46``, newest workout first, notes with line breaks inside quotes, and ``set_type``
warmup / normal / failure / dropset: warm-ups are left out of the session's work.
"""

from __future__ import annotations

import datetime as dt

from legday.transfer import text
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading
from legday.transfer.workouts import SetRow, Workout, check_set

SET_TYPES = ("warmup", "normal", "failure", "dropset")


def looks_like(header: list[str]) -> bool:
    return "exercise_title" in header and "start_time" in header


def read(content: str, reading: Reading) -> list[Workout]:
    name = reading.name
    header, body = text.rows(content, reading)
    if not looks_like(header):
        raise FileFormatError(
            name,
            1,
            "this is not a Hevy export (no 'exercise_title' and 'start_time' "
            "columns); accepted: the CSV from Hevy's Export workouts",
        )
    c_weight = text.column(header, "weight_kg", "weight_lbs")
    unit = "lb" if c_weight == "weight_lbs" else "kg"
    c_dist = text.column(header, "distance_km", "distance_miles", "distance_meters")
    workouts: dict[tuple, Workout] = {}
    for row in body:
        try:
            _row(row, workouts, name, c_weight, unit, c_dist)
        except FileFormatError as err:
            reading.bad_row(err.line, err.message)
    # Newest first in the file; oldest first is the order they happened.
    return sorted(workouts.values(), key=lambda w: (w.day, w.start or dt.time()))


def _row(
    row: text.Row,
    workouts: dict[tuple, Workout],
    name: str,
    c_weight: str | None,
    unit: str,
    c_dist: str | None,
) -> None:
    set_type = row.get("set_type").lower() or "normal"
    if set_type not in SET_TYPES:
        raise FileFormatError(
            name, row.line, f"set_type {text.shown(set_type)} unknown; accepted: {', '.join(SET_TYPES)}"
        )
    exercise = row.get("exercise_title")
    if not exercise:
        raise FileFormatError(
            name, row.line, "a set without an exercise_title; accepted: the export as Hevy wrote it"
        )
    reps = text.number(row.get("reps"), name, row.line, "reps", 10**6)
    load = text.number(row.get(c_weight), name, row.line, "weight", 10**6)
    seconds = text.number(row.get("duration_seconds"), name, row.line, "duration_seconds", 10**9)
    distance = text.number(row.get(c_dist), name, row.line, "distance", 10**7)
    rpe = text.number(row.get("rpe"), name, row.line, "rpe", 10)
    key = (row.get("title"), row.get("start_time"), row.get("end_time"))
    workout = workouts.get(key)
    if workout is None:
        day, start = text.when(row.get("start_time"), name, row.line)
        minutes = None
        if row.get("end_time"):
            end_day, end = text.when(row.get("end_time"), name, row.line)
            if start is not None and end is not None:
                delta = dt.datetime.combine(end_day, end) - dt.datetime.combine(day, start)
                minutes = delta.total_seconds() / 60 if delta.total_seconds() > 0 else None
        workout = workouts[key] = Workout(row.line, day, start, minutes)
    if not (reps or seconds or distance):
        return
    s = SetRow(
        line=row.line,
        exercise=exercise,
        reps=round(reps) if reps else None,
        load=load or None,
        unit=unit,
        seconds=seconds,
        distance=distance,
        rpe=rpe,
        warmup=set_type == "warmup",
    )
    check_set(s, name)
    workout.sets.append(s)
