"""Strong's CSV export, in the four header layouts it has shipped:

    Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes
    (the same, with ;Workout Duration at the end)
    Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
    "Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order","Weight (kg)",...

One row per set. Quirks handled: ``Rest Timer`` rows (dropped), set orders ``W`` (warm-up), ``D``
(drop set) and ``F`` (failure), blank sets, float noise in weights, durations like ``1h 7m`` (and
``216h 1m``, a timer left running: unknown), 12-hour times with a narrow no-break space before
``pm``. The ``,`` layout has no unit column: the unit comes from ``--units`` or the profile.
"""

from __future__ import annotations

import datetime as dt

from legday.transfer import text
from legday.transfer.errors import FileFormatError
from legday.transfer.workouts import Parsed, SetRow, Workout, to_records


def looks_like(header: list[str]) -> bool:
    return "exercise name" in header and "set order" in header


def _unit(value: str, fallback: str) -> str:
    value = value.strip().lower()
    if value in ("lb", "lbs", "pound", "pounds"):
        return "lb"
    if value in ("kg", "kgs", "kilograms"):
        return "kg"
    return fallback


def parse(data: str, name: str, units: str, leg_time: dt.time) -> Parsed:
    header, body = text.rows(data, name)
    if not looks_like(header):
        raise FileFormatError(
            name,
            1,
            "this is not a Strong export (no 'Exercise Name' and 'Set Order' "
            "columns); accepted: the CSV from Strong's Export data",
        )
    c_date = text.column(header, "date")
    c_title = text.column(header, "workout name")
    c_number = text.column(header, "workout #")
    c_dur_sec = text.column(header, "duration (sec)", "duration (seconds)")
    c_dur = text.column(header, "duration", "workout duration")
    c_ex = "exercise name"
    c_weight = text.column(header, "weight", prefix="weight (")
    c_weight_unit = text.column(header, "weight unit")
    c_reps = text.column(header, "reps")
    c_rpe = text.column(header, "rpe")
    c_dist = text.column(header, "distance", prefix="distance (")
    c_secs = text.column(header, "seconds")
    if c_date is None:
        raise FileFormatError(name, 1, "the header has no 'Date' column; accepted: Strong's export as is")
    header_unit = units
    if c_weight and "(" in c_weight:
        header_unit = _unit(c_weight.split("(", 1)[1].rstrip(")"), units)

    workouts: dict[tuple, Workout] = {}
    for row in body:
        exercise = row.get(c_ex)
        order = row.get("set order")
        if exercise.lower() == "rest timer" or order.lower() == "rest timer":
            continue
        day, start = text.when(row.get(c_date), name, row.line)
        key = (row.get(c_number), row.get(c_date), row.get(c_title))
        workout = workouts.get(key)
        if workout is None:
            minutes = None
            if c_dur_sec and row.get(c_dur_sec):
                seconds = text.number(row.get(c_dur_sec), name, row.line, "duration", 10**9)
                minutes = seconds / 60 if seconds else None
            elif c_dur:
                minutes = text.duration_minutes(row.get(c_dur))
            workout = workouts[key] = Workout(row.line, day, start, minutes)
        if not exercise:
            raise FileFormatError(
                name, row.line, "a set without an exercise name; accepted: the export as Strong wrote it"
            )
        reps = text.number(row.get(c_reps), name, row.line, "reps", 500)
        load = text.number(row.get(c_weight), name, row.line, "weight", 2000)
        seconds = text.number(row.get(c_secs), name, row.line, "seconds", 10**7)
        distance = text.number(row.get(c_dist), name, row.line, "distance", 10**6)
        rpe = text.number(row.get(c_rpe), name, row.line, "RPE", 10)
        if not (reps or seconds or distance):
            continue  # a blank set: ticked off with nothing in it
        unit = _unit(row.get(c_weight_unit), header_unit) if c_weight_unit else header_unit
        workout.sets.append(
            SetRow(
                line=row.line,
                exercise=exercise,
                reps=int(reps) if reps else None,
                load=load or None,
                unit=unit,
                seconds=seconds,
                distance=distance,
                rpe=rpe,
                warmup=order.strip().upper() == "W",
            )
        )
    parsed = Parsed("strong")
    to_records(list(workouts.values()), parsed, name, leg_time)
    return parsed
