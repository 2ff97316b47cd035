"""legday's own JSON export: everything logged and the profile, to move machines or keep a backup.

    {"legday_export": 1,
     "profile": {"goal": "strength", "level": "intermediate", "injury_prone": false,
                 "leg_days": ["mon", "thu"], "event_date": null, "units": "kg", "leg_time": "18:00",
                 "modalities": ["run", "bike", "walk"]},
     "records": [
      {"kind": "legs", "date": "2026-11-16", "start": "18:00", "minutes": 60, "effort": 8,
       "exercises": [{"name": "back squat", "sets": 5, "reps": 5, "load": 100.0, "unit": "kg"}]},
      {"kind": "cardio", "date": "2026-11-17", "start": "07:00", "modality": "bike", "minutes": 30, "effort": 3},
      {"kind": "checkin", "date": "2026-11-17", "soreness": 6, "sleep_hours": 7.5, "pain": false,
       "regions": {"quads": 7}},
      {"kind": "skip", "date": "2026-11-19", "modality": "run"}
     ]}

One record a line, oldest first, so a diff between two backups reads like a log. ``import`` reads it
back into exactly the same records.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re

from legday.core.errors import InputError
from legday.core.model import (
    WEEKDAYS,
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    LegSession,
    Level,
    Profile,
    Skip,
    parse_enum,
    parse_modalities,
)
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading
from legday.transfer.text import YEARS
from legday.transfer.workouts import MODALITY_LIMIT, NAME_LIMIT, Parsed, check_name

VERSION = 1
KEY = "legday_export"


def looks_like(text: str) -> bool:
    return text.lstrip().startswith("{") and f'"{KEY}"' in text[:200]


# -- writing ----------------------------------------------------------------------------------------


def _time(t: dt.time | None) -> str | None:
    if t is None:
        return None
    return t.strftime("%H:%M:%S" if t.second else "%H:%M")


def profile_fields(p: Profile) -> dict:
    return {
        "goal": p.goal.value,
        "level": p.level.value,
        "injury_prone": p.injury_prone,
        "leg_days": [WEEKDAYS[d] for d in p.leg_days],
        "event_date": p.event_date.isoformat() if p.event_date else None,
        "units": p.units,
        "leg_time": _time(p.leg_time),
        "modalities": list(p.modalities),
    }


def record_fields(r) -> dict:
    if isinstance(r, LegSession):
        return {
            "kind": "legs",
            "date": r.date.isoformat(),
            "start": _time(r.start),
            "minutes": r.minutes,
            "effort": r.effort,
            "exercises": [
                {"name": e.name, "sets": e.sets, "reps": e.reps, "load": e.load, "unit": e.unit}
                for e in r.exercises
            ],
        }
    if isinstance(r, CardioSession):
        return {
            "kind": "cardio",
            "date": r.date.isoformat(),
            "start": _time(r.start),
            "modality": r.modality,
            "minutes": r.minutes,
            "effort": r.effort,
        }
    if isinstance(r, CheckIn):
        return {
            "kind": "checkin",
            "date": r.date.isoformat(),
            "soreness": r.soreness,
            "sleep_hours": r.sleep_hours,
            "pain": r.pain,
            "regions": dict(r.regions),
        }
    if isinstance(r, Skip):
        return {"kind": "skip", "date": r.date.isoformat(), "modality": r.modality}
    raise TypeError(f"cannot export {type(r).__name__}")


def dumps(profile: Profile | None, records) -> str:
    rows = sorted(records, key=lambda r: (r.date, _time(getattr(r, "start", None)) or ""))
    lines = [json.dumps(record_fields(r), ensure_ascii=False) for r in rows]
    head = json.dumps(
        {KEY: VERSION, "profile": profile_fields(profile) if profile else None}, ensure_ascii=False
    )[:-1]
    body = ",\n ".join(lines)
    return f'{head},\n "records": [\n {body}\n ]}}\n' if lines else f'{head}, "records": []}}\n'


# -- reading ----------------------------------------------------------------------------------------

_KINDS = ("legs", "cardio", "checkin", "skip")
ACCEPTED = "accepted: a file written by `legday export json`"


def _date(value) -> dt.date:
    if not isinstance(value, str) or len(value) > 20:
        raise InputError(f"date {_show(value)} is not a date; accepted: YYYY-MM-DD")
    try:
        day = dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date: {_show(value)}; accepted: a real date as YYYY-MM-DD") from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise InputError(f"the date {value} is out of range; accepted: years {YEARS[0]} to {YEARS[1]}")
    return day


def _clock(value, optional: bool, what: str = "start") -> dt.time | None:
    if value is None and optional:
        return None
    return _time_of(value, what)


def _time_of(value, what: str = "start") -> dt.time:
    if not isinstance(value, str) or len(value) > 20:
        raise InputError(f"{what} {_show(value)} is not a time; accepted: HH:MM")
    try:
        t = dt.time.fromisoformat(value)
    except ValueError:
        raise InputError(f"{what} {_show(value)} is not a time; accepted: HH:MM") from None
    if t.tzinfo is not None:
        raise InputError(
            f"{what} {_show(value)} has a time-zone offset; accepted: HH:MM, the local time of day as "
            "legday writes it"
        )
    return t


def _show(value) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _int(fields: dict, key: str) -> int:
    value = fields.get(key)
    if type(value) is not int:
        raise InputError(f"{key} {_show(value)} is not a whole number")
    return value


def _number(value, what: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not -(10**9) < value < 10**9:
        raise InputError(f"{what} {_show(value)} is not a number in range")
    return float(value)


def _bool(fields: dict, key: str) -> bool:
    value = fields.get(key, False)
    if not isinstance(value, bool):
        raise InputError(f"{key} {_show(value)} is not true or false; accepted: true, false")
    return value


def _name(value, what: str, limit: int) -> str:
    if not isinstance(value, str):
        raise InputError(f"{what} {_show(value)} is not a name")
    return check_name(value, what, limit)


def _record(f: dict):
    kind = f.get("kind")
    if kind not in _KINDS:
        raise InputError(f"kind {_show(kind)} unknown; accepted: {', '.join(_KINDS)}")
    day = _date(f.get("date"))
    if kind == "legs":
        listed = f.get("exercises") or []
        if not isinstance(listed, list):
            raise InputError(f"exercises {_show(listed)} is not a list")
        exercises = []
        for e in listed:
            if not isinstance(e, dict) or not isinstance(e.get("name"), str):
                raise InputError(
                    f"exercise {_show(e)} is not an exercise; accepted: "
                    '{"name": ..., "sets": N, "reps": N, "load": N or null, "unit": "kg"}'
                )
            load = e.get("load")
            unit = e.get("unit", "kg")
            if not isinstance(unit, str):
                raise InputError(f"unit {_show(unit)} unknown; accepted: kg, lb")
            exercises.append(
                Exercise(
                    _name(e["name"], "exercise name", NAME_LIMIT),
                    _int(e, "sets"),
                    _int(e, "reps"),
                    _number(load, "load") if load is not None else None,
                    unit,
                )
            )
        return LegSession(
            day, _time_of(f.get("start")), _int(f, "minutes"), _int(f, "effort"), tuple(exercises)
        )
    if kind == "cardio":
        return CardioSession(
            day,
            _name(f.get("modality"), "modality", MODALITY_LIMIT),
            _int(f, "minutes"),
            _int(f, "effort"),
            _clock(f.get("start"), True),
        )
    if kind == "checkin":
        sleep = f.get("sleep_hours")
        regions = f.get("regions") or {}
        if not isinstance(regions, dict) or not all(
            isinstance(k, str) and type(v) is int for k, v in regions.items()
        ):
            raise InputError(f"regions {_show(regions)} is not a table of region: soreness 0-10")
        return CheckIn(
            day,
            _int(f, "soreness"),
            _number(sleep, "sleep_hours") if sleep is not None else None,
            _bool(f, "pain"),
            tuple((k, v) for k, v in regions.items()),
        )
    return Skip(day, _name(f.get("modality"), "modality", MODALITY_LIMIT))


def _strings(value, what: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise InputError(f"{what} {_show(value)} is not a list of names")
    return value


def _profile(f) -> Profile:
    from legday.core.model import weekday_number

    if not isinstance(f, dict):
        raise InputError(f"{_show(f)} is not a profile")
    for key in ("goal", "level", "units"):
        if key in f and not isinstance(f[key], str):
            raise InputError(f"{key} {_show(f[key])} is not a name")
    modalities = _strings(f["modalities"], "modalities") if f.get("modalities") else None
    return Profile(
        goal=parse_enum(Goal, f.get("goal", "general"), "goal"),  # type: ignore[arg-type]
        level=parse_enum(Level, f.get("level", "intermediate"), "level"),  # type: ignore[arg-type]
        injury_prone=_bool(f, "injury_prone"),
        leg_days=tuple(weekday_number(d) for d in _strings(f.get("leg_days", []), "leg_days")),
        event_date=_date(f["event_date"]) if f.get("event_date") else None,
        units=f.get("units", "kg"),
        leg_time=_time_of(f.get("leg_time", "18:00"), "leg_time"),
        # Older exports have no list: every modality, as a new profile has.
        **({"modalities": parse_modalities(",".join(modalities))} if modalities else {}),
    )


# What building a record from wrong-typed JSON values can raise: each is a bad record, one line.
_BAD = (InputError, TypeError, ValueError, AttributeError, OverflowError)


class _Lines:
    """Line numbers of the records, found once (only when a record is bad): each record has
    exactly one "kind" key."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._kinds: list[int] | None = None
        self._breaks: list[int] | None = None

    def of_record(self, index: int) -> int | None:
        if self._kinds is None:
            self._kinds = [m.start() for m in re.finditer(r'"kind"', self.text)]
            self._breaks = [m.start() for m in re.finditer("\n", self.text)]
        if index >= len(self._kinds):
            return None
        assert self._breaks is not None
        return bisect.bisect_left(self._breaks, self._kinds[index]) + 1


def read(text: str, reading: Reading) -> Parsed:
    name = reading.name
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FileFormatError(
            name, err.lineno, f"not valid JSON ({err.msg}; a truncated file?); {ACCEPTED}"
        ) from None
    except RecursionError:
        raise FileFormatError(name, None, f"the JSON is nested too deeply; {ACCEPTED}") from None
    except ValueError as err:  # a number of thousands of digits
        raise FileFormatError(
            name, None, f"not valid JSON ({' '.join(str(err).split())[:80]}); {ACCEPTED}"
        ) from None
    if not isinstance(data, dict) or KEY not in data:
        raise FileFormatError(name, 1, f"this is not a legday export (no {KEY!r} key); {ACCEPTED}")
    if type(data[KEY]) is not int or not 1 <= data[KEY] <= VERSION:
        raise FileFormatError(
            name,
            1,
            f"{KEY} = {_show(data[KEY])}: not a version this legday reads; accepted: version {VERSION} "
            "(a newer legday wrote a higher one: upgrade legday to read it)",
        )
    parsed = Parsed("json")
    if data.get("profile") is not None:
        try:
            parsed.profile = _profile(data["profile"])
        except _BAD as err:
            line = text[: text.find('"profile"')].count("\n") + 1
            reading.bad_row(line, f"profile: {err}")
    records = data.get("records", [])
    if not isinstance(records, list):
        raise FileFormatError(name, None, f"'records' is not a list; {ACCEPTED}")
    lines = _Lines(text)
    for index, fields in enumerate(records):
        reading.tick()
        try:
            if not isinstance(fields, dict):
                raise InputError(f"record {_show(fields)} is not an object")
            record = _record(fields)
        except _BAD as err:
            reading.bad_row(lines.of_record(index), f"record {index + 1}: {err}")
            continue
        parsed.records.append(record)
        parsed.effort_from[record] = "logged"
    parsed.workouts = len(parsed.records)
    units = sorted(
        {
            e.unit
            for r in parsed.records
            if isinstance(r, LegSession)
            for e in r.exercises
            if e.load is not None
        }
    )
    parsed.units_note = (
        f"weights in {' and '.join(units)} as the file says" if units else "no weights in the file"
    )
    return parsed
