"""Records <-> TOML tables. Reading checks every value (type and range) so that whatever a person
typed into a file either becomes a valid record or a CorruptFile pointing at its line.

Exercises are stored as the line a lifter types, "back squat 5x5@100kg", whenever that line reads
back as exactly the same exercise; otherwise (odd names, loads with many decimals, a unit without a
load) as a small table {name, sets, reps, load, unit}. Readers accept both.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from legday.core.errors import InputError
from legday.core.model import (
    REGIONS,
    WEEKDAYS,
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    LegSession,
    Level,
    Profile,
    Skip,
)
from legday.core.parse import parse_exercise

SCHEMA = 1  # the schema this version writes and the newest it reads

# Table names in a month file, in the order they are written.
KINDS = ("legs", "cardio", "checkin", "skip")


class Bad(Exception):
    """A value that fails validation; ``kind``/``index``/``key`` help find its line."""

    def __init__(self, message: str, kind: str | None = None, index: int | None = None,
                 key: str | None = None):
        super().__init__(message)
        self.message = message
        self.kind = kind
        self.index = index
        self.key = key


# -- value checks -----------------------------------------------------------------------------------


def _get(table: dict, key: str, kind: str, want: tuple[type, ...], what: str, default: Any = ...) -> Any:
    try:
        value = table[key]
    except KeyError:
        if default is ...:
            raise Bad(f"{kind} entry has no '{key}'; add {key} = {what}", key=None) from None
        return default
    # bool is an int in Python, and a datetime is a date: neither is what the file means here.
    if type(value) not in want:
        raise Bad(f"{key} = {value!r} is not {what}", key=key)
    return value


_DATE = (dt.date,)
_TIME = (dt.time,)
_INT = (int,)
_NUMBER = (int, float)
_STR = (str,)
_BOOL = (bool,)
_LIST = (list,)


def _only(table: Any, kind: str, keys: frozenset[str]) -> None:
    if type(table) is not dict:
        raise Bad(f"each {kind} entry must be a table, found {table!r}")
    extra = table.keys() - keys
    if extra:
        # Refused rather than ignored: a later rewrite of the month would silently drop it.
        key = sorted(extra)[0]
        raise Bad(f"unknown key '{key}' in {kind}; accepted: {', '.join(sorted(keys))}", key=key)


def _checked(build, *args, key: str | None = None, **kwargs):
    try:
        return build(*args, **kwargs)
    except InputError as err:
        raise Bad(str(err), key=key) from None


# -- exercises --------------------------------------------------------------------------------------

_EXERCISE_KEYS = frozenset({"name", "sets", "reps", "load", "unit"})


def encode_exercise(ex: Exercise) -> str | dict:
    text = str(ex)
    try:
        if parse_exercise(text) == ex:
            return text
    except InputError:
        pass
    table: dict[str, Any] = {"name": ex.name, "sets": ex.sets, "reps": ex.reps}
    if ex.load is not None:
        table["load"] = ex.load
    table["unit"] = ex.unit
    return table


def decode_exercise(value: Any) -> Exercise:
    if type(value) is str:
        try:
            return parse_exercise(value)
        except InputError as err:
            raise Bad(str(err), key="exercises") from None
    _only(value, "exercise", _EXERCISE_KEYS)
    return _checked(
        Exercise,
        _get(value, "name", "exercise", _STR, "a name in quotes"),
        _get(value, "sets", "exercise", _INT, "a whole number"),
        _get(value, "reps", "exercise", _INT, "a whole number"),
        _get(value, "load", "exercise", _NUMBER, "a number", None),
        _get(value, "unit", "exercise", _STR, '"kg" or "lb"', "kg"),
        key="exercises",
    )


# -- log records ------------------------------------------------------------------------------------

_LEGS_KEYS = frozenset({"date", "start", "minutes", "effort", "exercises"})
_CARDIO_KEYS = frozenset({"date", "modality", "minutes", "effort", "start"})
_CHECKIN_KEYS = frozenset({"date", "soreness", "sleep_hours", "pain", *REGIONS})
_SKIP_KEYS = frozenset({"date", "modality"})


def encode_legs(s: LegSession) -> dict:
    return {
        "date": s.date,
        "start": s.start,
        "minutes": s.minutes,
        "effort": s.effort,
        "exercises": [encode_exercise(e) for e in s.exercises],
    }


def decode_legs(t: Any) -> LegSession:
    _only(t, "legs", _LEGS_KEYS)
    exercises = _get(t, "exercises", "legs", _LIST, "a list like [\"back squat 5x5@100kg\"]", [])
    return _checked(
        LegSession,
        _get(t, "date", "legs", _DATE, "a date like 2026-11-16"),
        _get(t, "start", "legs", _TIME, "a time like 18:00:00"),
        _get(t, "minutes", "legs", _INT, "a whole number of minutes"),
        _get(t, "effort", "legs", _INT, "a whole number 0-10"),
        tuple(decode_exercise(e) for e in exercises),
    )


def encode_cardio(s: CardioSession) -> dict:
    table: dict[str, Any] = {"date": s.date, "modality": s.modality, "minutes": s.minutes,
                             "effort": s.effort}
    if s.start is not None:
        table["start"] = s.start
    return table


def decode_cardio(t: Any) -> CardioSession:
    _only(t, "cardio", _CARDIO_KEYS)
    return _checked(
        CardioSession,
        _get(t, "date", "cardio", _DATE, "a date like 2026-11-16"),
        _get(t, "modality", "cardio", _STR, 'a name in quotes like "bike"'),
        _get(t, "minutes", "cardio", _INT, "a whole number of minutes"),
        _get(t, "effort", "cardio", _INT, "a whole number 0-10"),
        _get(t, "start", "cardio", _TIME, "a time like 07:00:00", None),
    )


def encode_checkin(c: CheckIn) -> dict:
    table: dict[str, Any] = {"date": c.date, "soreness": c.soreness}
    if c.sleep_hours is not None:
        table["sleep_hours"] = c.sleep_hours
    if c.pain:
        table["pain"] = True
    # Regions as plain keys (quads = 6): short, and one line per check-in in the file.
    for region, level in c.regions:
        table[region] = level
    return table


def decode_checkin(t: Any) -> CheckIn:
    _only(t, "checkin", _CHECKIN_KEYS)
    regions = tuple(
        (key, _get(t, key, "checkin", _INT, "a whole number 0-10")) for key in t if key in REGIONS
    )
    return _checked(
        CheckIn,
        _get(t, "date", "checkin", _DATE, "a date like 2026-11-16"),
        _get(t, "soreness", "checkin", _INT, "a whole number 0-10"),
        _get(t, "sleep_hours", "checkin", _NUMBER, "a number of hours", None),
        _get(t, "pain", "checkin", _BOOL, "true or false", False),
        regions,
    )


def encode_skip(s: Skip) -> dict:
    return {"date": s.date, "modality": s.modality}


def decode_skip(t: Any) -> Skip:
    _only(t, "skip", _SKIP_KEYS)
    return Skip(
        _get(t, "date", "skip", _DATE, "a date like 2026-11-16"),
        _get(t, "modality", "skip", _STR, 'a name in quotes like "run"'),
    )


ENCODERS = {"legs": encode_legs, "cardio": encode_cardio, "checkin": encode_checkin, "skip": encode_skip}
DECODERS = {"legs": decode_legs, "cardio": decode_cardio, "checkin": decode_checkin, "skip": decode_skip}
RECORD_TYPES = {LegSession: "legs", CardioSession: "cardio", CheckIn: "checkin", Skip: "skip"}


def sort_key(kind: str):
    """Date order; within a day, by start time (sessions without one first)."""
    if kind in ("legs", "cardio"):
        return lambda r: (r.date, r.start or dt.time.min)
    return lambda r: r.date


def storable(record: Any) -> str:
    """Check that a record will read back exactly as given; returns its kind. Raises InputError for
    what the model lets through but a file cannot hold (e.g. 5.0 minutes, a region given twice)."""
    kind = RECORD_TYPES.get(type(record))
    if kind is None:
        raise TypeError(f"cannot store {type(record).__name__}")
    if kind == "checkin":
        names = [r for r, _ in record.regions]
        if len(set(names)) != len(names):
            raise InputError("a region is rated twice; accepted: each of quads, hamstrings, "
                             "glutes, calves at most once")
    try:
        back = DECODERS[kind](ENCODERS[kind](record))
    except Bad as err:
        raise InputError(err.message) from None
    if back != record:
        raise InputError(f"cannot store {record!r} as given; check the types of its values")
    return kind


# -- month files ------------------------------------------------------------------------------------


def decode_month(data: dict, year: int, month: int) -> dict[str, list]:
    """The records of one month file (schema already checked). Raises Bad with kind and index."""
    records: dict[str, list] = {}
    for key in data:
        if key != "schema" and key not in DECODERS:
            raise Bad(f"unknown table '{key}'; accepted: {', '.join(KINDS)}", key=key)
    for kind in KINDS:
        items = data.get(kind, [])
        if type(items) is not list:
            raise Bad(f"'{kind}' must be a list of tables ([[{kind}]])", key=kind)
        decode = DECODERS[kind]
        out = []
        for index, table in enumerate(items):
            try:
                record = decode(table)
            except Bad as err:
                err.kind, err.index = kind, index
                raise
            if record.date.year != year or record.date.month != month:
                raise Bad(
                    f"date {record.date} does not belong in the file for {year:04d}-{month:02d}; "
                    f"move that entry to log/{record.date.year:04d}/{record.date:%Y-%m}.toml",
                    kind, index, "date",
                )
            out.append(record)
        records[kind] = out
    return records


def encode_month(records: dict[str, list]) -> dict:
    data: dict[str, Any] = {"schema": SCHEMA}
    for kind in KINDS:
        items = records.get(kind)
        if items:
            encode = ENCODERS[kind]
            data[kind] = [encode(r) for r in sorted(items, key=sort_key(kind))]
    return data


# -- profile ----------------------------------------------------------------------------------------

_PROFILE_KEYS = frozenset(
    {"schema", "goal", "level", "injury_prone", "leg_days", "event_date", "units", "leg_time"}
)


def encode_profile(p: Profile) -> dict:
    data: dict[str, Any] = {
        "schema": SCHEMA,
        "goal": getattr(p.goal, "value", p.goal),
        "level": getattr(p.level, "value", p.level),
        "injury_prone": p.injury_prone,
        "leg_days": [WEEKDAYS[d] for d in p.leg_days],
        "leg_time": p.leg_time,
        "units": p.units,
    }
    if p.event_date is not None:
        data["event_date"] = p.event_date
    return data


def decode_profile(t: dict) -> Profile:
    _only(t, "profile", _PROFILE_KEYS)
    defaults = Profile()
    goal = _get(t, "goal", "profile", _STR, '"endurance", "strength", "power", "hybrid" or "general"',
                defaults.goal.value)
    level = _get(t, "level", "profile", _STR, '"beginner", "intermediate" or "advanced"',
                 defaults.level.value)
    days = _get(t, "leg_days", "profile", _LIST, 'a list like ["mon", "thu"]',
                [WEEKDAYS[d] for d in defaults.leg_days])
    leg_days = []
    for day in days:
        if type(day) is not str or day.strip().lower()[:3] not in WEEKDAYS:
            raise Bad(f"unknown leg day {day!r}; accepted: {', '.join(WEEKDAYS)}", key="leg_days")
        leg_days.append(WEEKDAYS.index(day.strip().lower()[:3]))
    try:
        goal_value = Goal(goal)
        level_value = Level(level)
    except ValueError:
        key = "goal" if goal not in {g.value for g in Goal} else "level"
        accepted = Goal if key == "goal" else Level
        raise Bad(f"unknown {key} {t[key]!r}; accepted: {', '.join(m.value for m in accepted)}",
                  key=key) from None
    return _checked(
        Profile,
        goal=goal_value,
        level=level_value,
        injury_prone=_get(t, "injury_prone", "profile", _BOOL, "true or false", False),
        leg_days=tuple(leg_days),
        event_date=_get(t, "event_date", "profile", _DATE, "a date like 2027-05-01", None),
        units=_get(t, "units", "profile", _STR, '"kg" or "lb"', "kg"),
        leg_time=_get(t, "leg_time", "profile", _TIME, "a time like 18:00:00", defaults.leg_time),
    )


# -- finding the line of a bad entry ----------------------------------------------------------------


def locate(text: str, kind: str | None, index: int | None, key: str | None) -> int | None:
    """Best guess at the line of a bad entry: the ``index``-th [[kind]] header (or inline table in a
    ``kind = [ ... ]`` array), refined to the ``key = `` line within it. None when not found."""
    lines = text.splitlines()
    start, end = 0, len(lines)
    if kind is not None and index is not None:
        header = re.compile(rf'^\s*\[\[\s*"?{re.escape(kind)}"?\s*\]\]')
        heads = [n for n, line in enumerate(lines) if header.match(line)]
        if heads:
            if index >= len(heads):
                return None
            start = heads[index]
            end = next((n for n in range(start + 1, len(lines))
                        if re.match(r"^\s*\[", lines[n])), len(lines))
        else:
            found = _locate_inline(lines, kind, index)
            if found is None:
                return None
            return found + 1  # one line holds the whole entry; key refinement adds nothing
    if key is None:
        return start + 1 if kind is not None and index is not None else None
    pattern = re.compile(rf'^\s*"?{re.escape(key)}"?\s*=')
    for n in range(start, end):
        if pattern.match(lines[n]):
            return n + 1
    return start + 1 if kind is not None and index is not None else None


def _locate_inline(lines: list[str], kind: str, index: int) -> int | None:
    opening = re.compile(rf'^\s*"?{re.escape(kind)}"?\s*=\s*\[')
    for n, line in enumerate(lines):
        match = opening.match(line)
        if not match:
            continue
        if "{" in line[match.end():]:
            return n if index == 0 else None
        count = -1
        for m in range(n + 1, len(lines)):
            stripped = lines[m].lstrip()
            if stripped.startswith("]"):
                return None
            if stripped.startswith("{"):
                count += 1
                if count == index:
                    return m
        return None
    return None
