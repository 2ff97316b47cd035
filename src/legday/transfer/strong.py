"""Strong's CSV export, in every layout it has shipped:

    Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes                      (2016)
    Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes
    (the same, with ;Workout Duration at the end)
    Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE
    (the same without Notes and Workout Notes)
    "Workout #","Date","Workout Name","Duration (sec)","Exercise Name","Set Order","Weight (kg)",...

and the same layouts in Strong's other languages (``Datum,Workout-Name,Dauer,Name der Übung,...``),
recognised by their shape rather than their header words: the column count and order, a date and
time in the first column, set orders, numbers where numbers go.

One row per set. Set orders: a number (a working set), ``W``/``WARM_UP`` (warm-up: left out of the
session's work), ``D``/``DROP``/``DROP_SET`` and ``F``/``FAILURE`` (work). Rest-timer rows (``Rest
Timer``, ``Ruhezeit``: a word in the set order and no reps or weight) are left out in any language.
Blank sets, float noise in weights, durations like ``1h 7m`` or ``31min`` (``216h 1m`` is a timer
left running), 12-hour times with a narrow no-break space before ``pm`` are read as meant. The comma
layout has no unit column: see ``units``.
"""

from __future__ import annotations

from legday.core.values import Value
from legday.transfer import text
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading
from legday.transfer.workouts import SetRow, Workout, check_set

WARM_UP, WORK = "warm-up", "work"
SET_ORDERS = {
    "w": WARM_UP,
    "warm_up": WARM_UP,
    "warmup": WARM_UP,
    "warm up": WARM_UP,
    "warm-up": WARM_UP,
    "d": WORK,
    "drop": WORK,
    "drop_set": WORK,
    "dropset": WORK,
    "drop set": WORK,
    "f": WORK,
    "failure": WORK,
    "n": WORK,
    "normal": WORK,
}
SET_ORDERS_ACCEPTED = "a number, W, D, F, WARM_UP, DROP or FAILURE"

# The layouts by position, with English names for their columns (an export in another language is
# read through these). Each column's role: "date", "order", "number", "duration", "unit", "count"
# (the workout number) or "" (free text), for recognising a layout by its shape.
LAYOUTS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("date", "date"),
        ("workout name", ""),
        ("duration", "duration"),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("reps", "number"),
        ("distance", "number"),
        ("seconds", "number"),
        ("notes", ""),
        ("workout notes", ""),
        ("rpe", "number"),
    ),
    (
        ("date", "date"),
        ("workout name", ""),
        ("duration", "duration"),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("reps", "number"),
        ("distance", "number"),
        ("seconds", "number"),
        ("rpe", "number"),
    ),
    (
        ("date", "date"),
        ("workout name", ""),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("weight unit", "unit"),
        ("reps", "number"),
        ("rpe", "number"),
        ("distance", "number"),
        ("distance unit", ""),
        ("seconds", "number"),
        ("notes", ""),
        ("workout notes", ""),
        ("workout duration", "duration"),
    ),
    (
        ("date", "date"),
        ("workout name", ""),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("weight unit", "unit"),
        ("reps", "number"),
        ("rpe", "number"),
        ("distance", "number"),
        ("distance unit", ""),
        ("seconds", "number"),
        ("notes", ""),
        ("workout notes", ""),
    ),
    (
        ("workout #", "count"),
        ("date", "date"),
        ("workout name", ""),
        ("duration (sec)", "number"),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("reps", "number"),
        ("rpe", "number"),
        ("distance", "number"),
        ("seconds", "number"),
        ("notes", ""),
        ("workout notes", ""),
    ),
    (
        ("date", "date"),
        ("workout name", ""),
        ("exercise name", ""),
        ("set order", "order"),
        ("weight", "number"),
        ("reps", "number"),
        ("distance", "number"),
        ("seconds", "number"),
        ("notes", ""),
    ),
)
_KG_WORDS = ("kg", "kgs", "kilograms")
_LB_WORDS = ("lb", "lbs", "pound", "pounds")


def looks_like(header: list[str]) -> bool:
    return "exercise name" in header and "set order" in header


def _fits(role: str, cell: str) -> bool:
    cell = cell.strip()
    if role == "date":
        try:
            _day, time = text.when(cell, "", 0)
        except FileFormatError:
            return False
        return time is not None
    if role == "number":
        try:
            text.number(cell, "", 0, "", float("inf"))
        except FileFormatError:
            return False
        return True
    if role == "count":
        return cell.isascii() and cell.isdigit()
    if role == "order":
        return bool(cell) and len(cell) <= 40
    if role == "duration":
        return not cell or text.duration_minutes(cell) is not None
    if role == "unit":
        return cell.lower() in ("", *_KG_WORDS, *_LB_WORDS)
    return True


def by_shape(header: list[str], rows: list[list[str]]) -> list[str] | None:
    """English column names for an export whose header is in another language, when its shape is
    one of Strong's layouts (every sampled row fits); None when it is not."""
    if not rows:
        return None
    for layout in LAYOUTS:
        if len(layout) != len(header):
            continue
        if all(
            len(row) == len(layout) and all(_fits(r, c) for (_, r), c in zip(layout, row)) for row in rows
        ):
            names = [n for n, _ in layout]
            # The weight column keeps its unit when the header gives one: "Gewicht (kg)", "kg".
            weight = names.index("weight")
            names[weight] = _weight_name(header[weight])
            return names
    return None


def _weight_name(cell: str) -> str:
    """``weight (kg)`` keeps its unit; a column headed only by a unit (2016's ``kg``) names it."""
    unit = cell.rsplit("(", 1)[1].rstrip(")").strip() if "(" in cell else cell.strip()
    if unit in _KG_WORDS:
        return "weight (kg)"
    if unit in _LB_WORDS:
        return "weight (lbs)"
    return "weight"


def _unit(value: str) -> str | None:
    value = value.strip().lower()
    if value in _LB_WORDS:
        return "lb"
    if value in _KG_WORDS:
        return "kg"
    return None


def header_names(content: str, reading: Reading) -> list[str] | None:
    """The column names to read ``content`` with: the file's own (English) or, for another
    language or the 2016 layout, the layout's names found by shape. None: not a Strong export."""
    header = [
        text.normal(c) for c in text.first_line(content).split(text.delimiter(text.first_line(content)))
    ]
    if looks_like(header):
        if "weight" not in header and any(h in (*_KG_WORDS, *_LB_WORDS) for h in header):
            # 2016: the weight column is headed by its unit, the distance column by its own.
            return [_weight_name(h) if h in (*_KG_WORDS, *_LB_WORDS) else h for h in header]
        return None  # the file's own names
    names = by_shape(header, text.sample(content))
    if names is None:
        raise FileFormatError(
            reading.name,
            1,
            "this is not a Strong export (neither its header nor its columns match a layout of "
            "Strong's Export data); accepted: the CSV from Strong's Export data",
        )
    return names


class _Columns(Value):
    """Which column holds what, found once from the header."""

    date: str
    title: str | None
    number: str | None
    duration_sec: str | None
    duration: str | None
    weight: str | None
    weight_unit: str | None
    reps: str | None
    rpe: str | None
    distance: str | None
    seconds: str | None
    unit: str | None  # from the header: "Weight (kg)", 2016's "kg"


def read(content: str, reading: Reading) -> list[Workout]:
    name = reading.name
    header, body = text.rows(content, reading, header=header_names(content, reading))
    date = text.column(header, "date")
    if date is None:
        raise FileFormatError(name, 1, "the header has no 'Date' column; accepted: Strong's export as is")
    weight = text.column(header, "weight", prefix="weight (")
    columns = _Columns(
        date=date,
        title=text.column(header, "workout name"),
        number=text.column(header, "workout #"),
        duration_sec=text.column(header, "duration (sec)", "duration (seconds)"),
        duration=text.column(header, "duration", "workout duration"),
        weight=weight,
        weight_unit=text.column(header, "weight unit"),
        reps=text.column(header, "reps"),
        rpe=text.column(header, "rpe"),
        distance=text.column(header, "distance", "km", "mi", "miles", prefix="distance ("),
        seconds=text.column(header, "seconds"),
        unit=_unit(weight.rsplit("(", 1)[1].rstrip(")")) if weight and "(" in weight else None,
    )
    workouts: dict[tuple, Workout] = {}
    for row in body:
        try:
            _row(row, columns, workouts, name)
        except FileFormatError as err:
            reading.bad_row(err.line, err.message)
    return list(workouts.values())


def _row(row: text.Row, c: _Columns, workouts: dict[tuple, Workout], name: str) -> None:
    exercise = row.get("exercise name")
    order = row.get("set order")
    if exercise.lower() == "rest timer" or order.lower() == "rest timer":
        return
    digits = order.replace(".", "", 1)
    kind = WORK if digits.isascii() and digits.isdigit() else SET_ORDERS.get(order.lower())
    reps = text.number(row.get(c.reps), name, row.line, "reps", 10**6)
    load = text.number(row.get(c.weight), name, row.line, "weight", 10**6)
    if kind is None:
        if not reps and not load:
            return  # a rest timer, in whatever language the app was set to
        raise FileFormatError(
            name, row.line, f"set order {text.shown(order)} unknown; accepted: {SET_ORDERS_ACCEPTED}"
        )
    day, start = text.when(row.get(c.date), name, row.line)
    key = (row.get(c.number), row.get(c.date), row.get(c.title))
    workout = workouts.get(key)
    if workout is None:
        minutes = None
        if c.duration_sec and row.get(c.duration_sec):
            seconds = text.number(row.get(c.duration_sec), name, row.line, "duration", 10**9)
            minutes = seconds / 60 if seconds else None
        elif c.duration:
            minutes = text.duration_minutes(row.get(c.duration))
        workout = workouts[key] = Workout(row.line, day, start, minutes)
    if not exercise:
        raise FileFormatError(
            name, row.line, "a set without an exercise name; accepted: the export as Strong wrote it"
        )
    seconds = text.number(row.get(c.seconds), name, row.line, "seconds", 10**9)
    distance = text.number(row.get(c.distance), name, row.line, "distance", 10**7)
    rpe = text.number(row.get(c.rpe), name, row.line, "RPE", 10)
    if not (reps or seconds or distance):
        return  # a blank set: ticked off with nothing in it
    s = SetRow(
        line=row.line,
        exercise=exercise,
        reps=round(reps) if reps else None,
        load=load or None,
        unit=(_unit(row.get(c.weight_unit)) if c.weight_unit else None) or c.unit,
        seconds=seconds,
        distance=distance,
        rpe=rpe,
        warmup=kind == WARM_UP,
    )
    check_set(s, name)
    workout.sets.append(s)
