"""Records <-> TOML. Reading checks every value (type and range) so that whatever a person typed
into a file either becomes a valid record or a CorruptFile pointing at its line.

Each record is written as one line that reads like the command line, for instance

    legs = ["2026-11-16 18:00 60min effort 8: back squat 5x5@100kg, box jump 4x5"]
    cardio = ["2026-11-17 07:00 bike 30min effort 3"]
    checkin = ["2026-11-17 soreness 4, sleep 7.5h, pain, quads 6"]
    skip = ["2026-11-19 run"]

whenever that line reads back as exactly the same record; otherwise (a name with a comma, a time with
seconds, a bodyweight exercise in lb...) as a table with one key per field. Readers accept both, so a
person may also write ``[[legs]]`` tables by hand. Why lines: they are what a lifter reads and greps,
and the standard library's TOML parser (pure Python) reads a string ~5x faster than the same record
as a table, which keeps ten years of history within the 300 ms budget.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from legday.core.errors import InputError
from legday.core.model import (
    CARDIO_MODALITIES,
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
    parse_modalities,
    weekday_number,
)
from legday.core.parse import parse_exercise
from legday.core.records import Record

SCHEMA = 1  # the schema this version writes and the newest it reads

# Record lists in a month file, in the order they are written.
KINDS = ("legs", "cardio", "checkin", "skip")


class Bad(Exception):
    """A value that fails validation; ``kind``/``index``/``key`` help find its line."""

    def __init__(
        self, message: str, kind: str | None = None, index: int | None = None, key: str | None = None
    ):
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
        raise Bad(f"each {kind} entry must be a line in quotes or a table, found {table!r}")
    extra = table.keys() - keys
    if extra:
        # Refused rather than ignored: a later rewrite of the month would silently drop it.
        key = sorted(extra)[0]
        raise Bad(f"unknown key '{key}' in {kind}; accepted: {', '.join(sorted(keys))}", key=key)


# -- numbers, dates and times in one-line records -----------------------------------------------------

_NUM = r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?"
_DATE_RE = r"(?P<date>\d{4}-\d{2}-\d{2})"
_TIME_RE = r"(?P<start>\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)"


def _number(x: float) -> str:
    """Shortest text that reads back as the same number: 100 not 100.0, 82.5, 7.25."""
    short = f"{x:g}"
    return short if float(short) == x else repr(float(x))


def _time(t: dt.time) -> str:
    return t.strftime("%H:%M") if not (t.second or t.microsecond) else t.isoformat()


def _parse_date(text: str, key: str = "date") -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise Bad(f"{text!r} is not a real date; accepted: YYYY-MM-DD", key=key) from None


def _parse_time(text: str) -> dt.time:
    if len(text) > 1 and text[1] == ":":
        text = "0" + text
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise Bad(f"{text!r} is not a time; accepted: HH:MM, 00:00 to 23:59", key="start") from None


def _line_error(kind: str, text: str, form: str) -> Bad:
    return Bad(f"cannot read {kind} {text!r}; accepted: {form} or a table")


def _checked(build, *args, key: str | None = None, **kwargs):
    try:
        return build(*args, **kwargs)
    except InputError as err:
        raise Bad(str(err), key=key) from None


def _one_line(record: Any, to_line, from_line, to_table) -> str | dict:
    """The one-line form if it reads back as exactly ``record``, else the table form."""
    try:
        line = to_line(record)
        if line is not None and from_line(line) == record:
            return line
    except (Bad, ValueError, TypeError):
        pass
    return to_table(record)


# -- exercises --------------------------------------------------------------------------------------

_EXERCISE_KEYS = frozenset({"name", "sets", "reps", "load", "unit"})
EXERCISE_FORM = "'NAME SETSxREPS[@LOAD(kg|lb)]' like 'back squat 5x5@100kg'"
_EXERCISE_LINE = re.compile(
    rf"^(?P<name>\S.*?)\s+(?P<sets>\d+)\s*x\s*(?P<reps>\d+)"
    rf"(?:\s*@\s*(?P<load>{_NUM})\s*(?P<unit>kg|lb)?|\s+(?P<bwunit>kg|lb))?$",
    re.DOTALL,
)
# Exercise lines repeat a lot (same lifts, same loads): parse each distinct line once. Exercises are
# frozen, so sharing one object between sessions is safe.
_exercise_memo: dict[str, Exercise] = {}


def exercise_line(ex: Exercise) -> str:
    text = f"{ex.name} {ex.sets}x{ex.reps}"
    if ex.load is not None:
        return f"{text}@{_number(ex.load)}{ex.unit}"
    return text if ex.unit == "kg" else f"{text} {ex.unit}"


def _exercise_from_line(text: str) -> Exercise:
    match = _EXERCISE_LINE.match(text)
    if match is None:
        try:  # what the command line accepts ("5 x 5 @ 100 kgs", "82,5") is fine in a file too
            return parse_exercise(text)
        except InputError:
            raise Bad(f"cannot read exercise {text!r}; accepted: {EXERCISE_FORM}", key="exercises") from None
    load = match["load"]
    return _checked(
        Exercise,
        match["name"],
        int(match["sets"]),
        int(match["reps"]),
        float(load) if load is not None else None,
        match["unit"] or match["bwunit"] or "kg",
        key="exercises",
    )


def encode_exercise(ex: Exercise) -> str | dict:
    return _one_line(ex, exercise_line, _exercise_from_line, _exercise_table)


def _exercise_table(ex: Exercise) -> dict:
    table: dict[str, Any] = {"name": ex.name, "sets": ex.sets, "reps": ex.reps}
    if ex.load is not None:
        table["load"] = ex.load
    table["unit"] = ex.unit
    return table


def decode_exercise(value: Any) -> Exercise:
    if type(value) is str:
        ex = _exercise_memo.get(value)
        if ex is None:
            ex = _exercise_from_line(value)
            if len(_exercise_memo) > 20_000:
                _exercise_memo.clear()
            _exercise_memo[value] = ex
        return ex
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


# -- leg sessions -----------------------------------------------------------------------------------

_LEGS_KEYS = frozenset({"date", "start", "minutes", "effort", "exercises"})
LEGS_FORM = "'YYYY-MM-DD HH:MM MINUTESmin effort N: EXERCISE, EXERCISE'"
_LEGS_LINE = re.compile(
    rf"^\s*{_DATE_RE}\s+{_TIME_RE}\s+(?P<minutes>\d+)\s*min\s+effort\s+(?P<effort>\d+)"
    r"\s*(?::\s*(?P<exercises>.*?))?\s*$",
    re.DOTALL,
)
_COMMA = re.compile(r"\s*,\s*")


def _legs_line(s: LegSession) -> str:
    text = f"{s.date.isoformat()} {_time(s.start)} {s.minutes}min effort {s.effort}"
    if s.exercises:
        text += ": " + ", ".join(exercise_line(e) for e in s.exercises)
    return text


def _legs_from_line(text: str) -> LegSession:
    match = _LEGS_LINE.match(text)
    if match is None:
        raise _line_error("leg session", text, LEGS_FORM)
    exercises = match["exercises"]
    return _checked(
        LegSession,
        _parse_date(match["date"]),
        _parse_time(match["start"]),
        int(match["minutes"]),
        int(match["effort"]),
        tuple(decode_exercise(e) for e in _COMMA.split(exercises)) if exercises else (),
    )


def _legs_table(s: LegSession) -> dict:
    return {
        "date": s.date,
        "start": s.start,
        "minutes": s.minutes,
        "effort": s.effort,
        "exercises": [encode_exercise(e) for e in s.exercises],
    }


def encode_legs(s: LegSession) -> str | dict:
    return _one_line(s, _legs_line, _legs_from_line, _legs_table)


def decode_legs(t: Any) -> LegSession:
    if type(t) is str:
        return _legs_from_line(t)
    _only(t, "legs", _LEGS_KEYS)
    exercises = _get(t, "exercises", "legs", _LIST, 'a list like ["back squat 5x5@100kg"]', [])
    return _checked(
        LegSession,
        _get(t, "date", "legs", _DATE, "a date like 2026-11-16"),
        _get(t, "start", "legs", _TIME, "a time like 18:00:00"),
        _get(t, "minutes", "legs", _INT, "a whole number of minutes"),
        _get(t, "effort", "legs", _INT, "a whole number 0-10"),
        tuple(decode_exercise(e) for e in exercises),
    )


# -- cardio -----------------------------------------------------------------------------------------

_CARDIO_KEYS = frozenset({"date", "modality", "minutes", "effort", "start"})
CARDIO_FORM = "'YYYY-MM-DD [HH:MM] MODALITY MINUTESmin effort N'"
_CARDIO_LINE = re.compile(
    rf"^\s*{_DATE_RE}\s+(?:{_TIME_RE}\s+)?(?P<modality>\S.*?)\s+(?P<minutes>\d+)\s*min"
    r"\s+effort\s+(?P<effort>\d+)\s*$",
    re.DOTALL,
)


def _cardio_line(s: CardioSession) -> str:
    when = f" {_time(s.start)}" if s.start is not None else ""
    return f"{s.date.isoformat()}{when} {s.modality} {s.minutes}min effort {s.effort}"


def _cardio_from_line(text: str) -> CardioSession:
    match = _CARDIO_LINE.match(text)
    if match is None:
        raise _line_error("cardio session", text, CARDIO_FORM)
    start = match["start"]
    return _checked(
        CardioSession,
        _parse_date(match["date"]),
        match["modality"],
        int(match["minutes"]),
        int(match["effort"]),
        _parse_time(start) if start else None,
    )


def _cardio_table(s: CardioSession) -> dict:
    table: dict[str, Any] = {"date": s.date, "modality": s.modality, "minutes": s.minutes, "effort": s.effort}
    if s.start is not None:
        table["start"] = s.start
    return table


def encode_cardio(s: CardioSession) -> str | dict:
    return _one_line(s, _cardio_line, _cardio_from_line, _cardio_table)


def decode_cardio(t: Any) -> CardioSession:
    if type(t) is str:
        return _cardio_from_line(t)
    _only(t, "cardio", _CARDIO_KEYS)
    return _checked(
        CardioSession,
        _get(t, "date", "cardio", _DATE, "a date like 2026-11-16"),
        _get(t, "modality", "cardio", _STR, 'a name in quotes like "bike"'),
        _get(t, "minutes", "cardio", _INT, "a whole number of minutes"),
        _get(t, "effort", "cardio", _INT, "a whole number 0-10"),
        _get(t, "start", "cardio", _TIME, "a time like 07:00:00", None),
    )


# -- morning check-ins ------------------------------------------------------------------------------

_CHECKIN_KEYS = frozenset({"date", "soreness", "sleep_hours", "pain", *REGIONS})
CHECKIN_FORM = "'YYYY-MM-DD soreness N[, sleep HOURSh][, pain][, quads N]'"
_CHECKIN_LINE = re.compile(
    rf"^\s*{_DATE_RE}\s+soreness\s+(?P<soreness>\d+)\s*(?:,\s*(?P<rest>.*?))?\s*$", re.DOTALL
)
_SLEEP = re.compile(rf"^sleep\s+(?P<hours>{_NUM})\s*h$")
_REGION = re.compile(r"^(?P<region>[a-z]+)\s+(?P<level>\d+)$")


def _checkin_line(c: CheckIn) -> str:
    parts = [f"{c.date.isoformat()} soreness {c.soreness}"]
    if c.sleep_hours is not None:
        parts.append(f"sleep {_number(c.sleep_hours)}h")
    if c.pain:
        parts.append("pain")
    parts.extend(f"{region} {level}" for region, level in c.regions)
    return ", ".join(parts)


def _checkin_from_line(text: str) -> CheckIn:
    match = _CHECKIN_LINE.match(text)
    if match is None:
        raise _line_error("check-in", text, CHECKIN_FORM)
    sleep = None
    pain = False
    regions = []
    rest = match["rest"]
    for part in _COMMA.split(rest) if rest else ():
        if part == "pain":
            pain = True
        elif (m := _SLEEP.match(part)) is not None:
            sleep = float(m["hours"])
        elif (m := _REGION.match(part)) is not None and m["region"] in REGIONS:
            regions.append((m["region"], int(m["level"])))
        else:
            raise Bad(
                f"cannot read {part!r} in check-in {text!r}; accepted: sleep HOURSh, pain, "
                f"or a region ({', '.join(REGIONS)}) with a level 0-10"
            )
    return _checked(CheckIn, _parse_date(match["date"]), int(match["soreness"]), sleep, pain, tuple(regions))


def _checkin_table(c: CheckIn) -> dict:
    table: dict[str, Any] = {"date": c.date, "soreness": c.soreness}
    if c.sleep_hours is not None:
        table["sleep_hours"] = c.sleep_hours
    if c.pain:
        table["pain"] = True
    for region, level in c.regions:  # as plain keys: quads = 6
        table[region] = level
    return table


def encode_checkin(c: CheckIn) -> str | dict:
    return _one_line(c, _checkin_line, _checkin_from_line, _checkin_table)


def decode_checkin(t: Any) -> CheckIn:
    if type(t) is str:
        return _checkin_from_line(t)
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


# -- skipped suggestions ----------------------------------------------------------------------------

_SKIP_KEYS = frozenset({"date", "modality"})
_SKIP_LINE = re.compile(rf"^\s*{_DATE_RE}\s+(?P<modality>\S.*?)\s*$", re.DOTALL)


def _skip_line(s: Skip) -> str:
    return f"{s.date.isoformat()} {s.modality}"


def _skip_from_line(text: str) -> Skip:
    match = _SKIP_LINE.match(text)
    if match is None:
        raise _line_error("skip", text, "'YYYY-MM-DD MODALITY'")
    return Skip(_parse_date(match["date"]), match["modality"])


def encode_skip(s: Skip) -> str | dict:
    return _one_line(s, _skip_line, _skip_from_line, lambda s: {"date": s.date, "modality": s.modality})


def decode_skip(t: Any) -> Skip:
    if type(t) is str:
        return _skip_from_line(t)
    _only(t, "skip", _SKIP_KEYS)
    return Skip(
        _get(t, "date", "skip", _DATE, "a date like 2026-11-16"),
        _get(t, "modality", "skip", _STR, 'a name in quotes like "run"'),
    )


ENCODERS: dict[str, Callable[[Any], str | dict]] = {
    "legs": encode_legs,
    "cardio": encode_cardio,
    "checkin": encode_checkin,
    "skip": encode_skip,
}
DECODERS: dict[str, Callable[[Any], Record]] = {
    "legs": decode_legs,
    "cardio": decode_cardio,
    "checkin": decode_checkin,
    "skip": decode_skip,
}
# The table form of each kind (what a [[kind]] table holds), for files that keep entries as tables.
TABLES: dict[str, Callable[[Any], dict]] = {
    "legs": _legs_table,
    "cardio": _cardio_table,
    "checkin": _checkin_table,
    "skip": lambda s: {"date": s.date, "modality": s.modality},
}
RECORD_TYPES: dict[type, str] = {
    LegSession: "legs",
    CardioSession: "cardio",
    CheckIn: "checkin",
    Skip: "skip",
}


def sort_key(kind: str):
    """Date order; within a day, by start time (sessions without one first). Cheap: for reading, where
    the file's own order (see ``file_order``) already settles ties."""
    if kind in ("legs", "cardio"):
        return lambda r: (r.date, r.start or dt.time.min)
    return lambda r: r.date


def file_order(kind: str):
    """The order records are written in: ``sort_key``, then the line itself, so the order never depends
    on which record was written last (an undone delete puts a record back where it was, not at the end
    of its day)."""
    key, encode = sort_key(kind), ENCODERS[kind]
    return lambda r: (key(r), str(encode(r)))


def storable(record: Any) -> str:
    """Check that a record will read back exactly as given; returns its kind. Raises InputError for
    what the model lets through but a file cannot hold (e.g. 5.0 minutes, a region given twice)."""
    kind = RECORD_TYPES.get(type(record))
    if kind is None:
        raise TypeError(f"cannot store {type(record).__name__}")
    if kind == "checkin":
        names = [r for r, _ in record.regions]
        if len(set(names)) != len(names):
            raise InputError(
                "a region is rated twice; accepted: each of quads, hamstrings, glutes, calves at most once"
            )
    if type(record.date) is not dt.date:
        raise InputError(f"date {record.date!r} is not a plain date; accepted: a date like 2026-11-16")
    try:
        back = DECODERS[kind](ENCODERS[kind](record))
    except Bad as err:
        raise InputError(err.message) from None
    except (TypeError, ValueError) as err:
        raise InputError(f"cannot store {kind} entry: {err}") from None
    if back != record:
        raise InputError(f"cannot store {record!r} as given; check the types of its values")
    return kind


# -- month files ------------------------------------------------------------------------------------


# The exact shape this module writes (via tomli_w): `schema = N`, then `kind = [`, one plain string per
# line, `]`. For that shape alone, a line-by-line read gives what tomllib would, about 15x faster:
# every accepted line is valid TOML whose value is plain to see (no escapes, no control characters,
# no duplicate keys). Anything else (hand edits, tables, comments) goes to tomllib, which also gives
# the line of any syntax error.
_FAST_ITEM = re.compile(r'    "([^"\\\x00-\x08\x0a-\x1f\x7f]*)",')
_FAST_SCHEMA = re.compile(r"schema = ([1-9][0-9]{0,8})")
_FAST_OPEN = {f"{kind} = [": kind for kind in KINDS}


def fast_month(text: str) -> dict[str, Any] | None:
    """The month file as tomllib would read it, if it has exactly the written shape; else None."""
    data: dict[str, Any] = {}
    current: list | None = None
    item = _FAST_ITEM.fullmatch
    for line in text.split("\n"):
        if current is not None:
            match = item(line)
            if match is not None:
                current.append(match[1])
            elif line == "]":
                current = None
            else:
                return None
        elif line in _FAST_OPEN and _FAST_OPEN[line] not in data:
            current = data[_FAST_OPEN[line]] = []
        elif line == "":
            continue
        elif "schema" not in data and (match := _FAST_SCHEMA.fullmatch(line)) is not None:
            data["schema"] = int(match[1])
        else:
            return None
    return data if current is None else None


def decode_month(data: dict, year: int, month: int) -> dict[str, list]:
    """The records of one month file (schema already checked). Raises Bad with kind and index."""
    records: dict[str, list] = {}
    for key in data:
        if key != "schema" and key not in DECODERS:
            raise Bad(f"unknown table '{key}'; accepted: {', '.join(KINDS)}", key=key)
    for kind in KINDS:
        items = data.get(kind, [])
        if type(items) is not list:
            raise Bad(f'\'{kind}\' must be a list like {kind} = ["...", "..."]', key=kind)
        decode = DECODERS[kind]
        out = []
        for index, table in enumerate(items):
            try:
                record = decode(table)
            except Bad as err:
                err.kind, err.index = kind, index
                raise
            except (ValueError, TypeError, OverflowError) as err:
                # Whatever slipped past the checks above (a 5,000-digit number...) is still a bad
                # entry in this file, not a crash.
                raise Bad(f"cannot read this {kind} entry: {err}", kind, index) from None
            if record.date.year != year or record.date.month != month:
                raise Bad(
                    f"date {record.date} does not belong in the file for {year:04d}-{month:02d}; "
                    f"move that entry to log/{record.date.year:04d}/{record.date:%Y-%m}.toml",
                    kind,
                    index,
                    "date",
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
            # In place when it can: the caller keeps the month in memory in the order it is written.
            ordered = items if isinstance(items, list) else sorted(items, key=file_order(kind))
            if ordered is items:
                items.sort(key=file_order(kind))
            data[kind] = [encode(r) for r in ordered]
    return data


# -- profile ----------------------------------------------------------------------------------------

_PROFILE_KEYS = frozenset(
    {"schema", "goal", "level", "injury_prone", "leg_days", "event_date", "units", "leg_time", "modalities"}
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
        "modalities": list(p.modalities),
    }
    if p.event_date is not None:
        data["event_date"] = p.event_date
    return data


def decode_profile(t: dict) -> Profile:
    _only(t, "profile", _PROFILE_KEYS)
    defaults = Profile()
    goal = _get(
        t,
        "goal",
        "profile",
        _STR,
        '"endurance", "strength", "power", "hybrid" or "general"',
        defaults.goal.value,
    )
    level = _get(
        t, "level", "profile", _STR, '"beginner", "intermediate" or "advanced"', defaults.level.value
    )
    days = _get(
        t,
        "leg_days",
        "profile",
        _LIST,
        'a list like ["mon", "thu"]',
        [WEEKDAYS[d] for d in defaults.leg_days],
    )
    leg_days = []
    for day in days:
        try:
            number = weekday_number(day) if type(day) is str else None
        except InputError:
            number = None
        if number is None:
            raise Bad(f"unknown leg day {day!r}; accepted: {', '.join(WEEKDAYS)}", key="leg_days")
        leg_days.append(number)
    # A profile from before the list existed has no key: everything is available, as it was then.
    names = _get(
        t, "modalities", "profile", _LIST, 'a list like ["run", "bike", "walk"]', list(defaults.modalities)
    )
    for name in names:
        if type(name) is not str or name.strip().lower() not in CARDIO_MODALITIES:
            raise Bad(
                f"unknown modality {name!r}; accepted: a list of some of {', '.join(CARDIO_MODALITIES)}",
                key="modalities",
            )
    modalities = _checked(parse_modalities, ",".join(names), key="modalities")
    try:
        goal_value = Goal(goal)
        level_value = Level(level)
    except ValueError:
        key = "goal" if goal not in {g.value for g in Goal} else "level"
        accepted = Goal if key == "goal" else Level
        raise Bad(
            f"unknown {key} {t[key]!r}; accepted: {', '.join(m.value for m in accepted)}", key=key
        ) from None
    return _checked(
        Profile,
        goal=goal_value,
        level=level_value,
        injury_prone=_get(t, "injury_prone", "profile", _BOOL, "true or false", False),
        leg_days=tuple(leg_days),
        event_date=_get(t, "event_date", "profile", _DATE, "a date like 2027-05-01", None),
        units=_get(t, "units", "profile", _STR, '"kg" or "lb"', "kg"),
        leg_time=_get(t, "leg_time", "profile", _TIME, "a time like 18:00:00", defaults.leg_time),
        modalities=modalities,
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
            end = next((n for n in range(start + 1, len(lines)) if re.match(r"^\s*\[", lines[n])), len(lines))
        else:
            found = locate_inline(lines, kind, index)
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


def locate_inline(lines: list[str], kind: str, index: int) -> int | None:
    opening = re.compile(rf'^\s*"?{re.escape(kind)}"?\s*=\s*\[')
    for n, line in enumerate(lines):
        match = opening.match(line)
        if not match:
            continue
        if line[match.end() :].strip():  # elements on the opening line: can't tell them apart
            return n
        count = -1
        for m in range(n + 1, len(lines)):
            stripped = lines[m].lstrip()
            if stripped.startswith("]"):
                return None
            if stripped[:1] in ('"', "'", "{"):
                count += 1
                if count == index:
                    return m
        return None
    return None


def profile_bytes(p: Profile) -> bytes:
    """The profile file's bytes (unchecked: see ``Store.save_profile`` for the check)."""
    import tomli_w

    return tomli_w.dumps(encode_profile(p)).encode()
