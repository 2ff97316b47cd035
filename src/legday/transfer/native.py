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

import datetime as dt
import json

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
from legday.transfer.workouts import Parsed

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


def _date(value) -> dt.date:
    if not isinstance(value, str):
        raise InputError(f"date {value!r} is not a date; accepted: YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise InputError(f"not a date: {value!r}; accepted: a real date as YYYY-MM-DD") from None


def _clock(value, optional: bool) -> dt.time | None:
    if value is None and optional:
        return None
    try:
        return dt.time.fromisoformat(value)
    except (TypeError, ValueError):
        raise InputError(f"start {value!r} is not a time; accepted: HH:MM") from None


def _int(fields: dict, key: str) -> int:
    value = fields.get(key)
    if type(value) is not int:
        raise InputError(f"{key} {value!r} is not a whole number")
    return value


def _record(f: dict):
    kind = f.get("kind")
    if kind not in _KINDS:
        raise InputError(f"kind {kind!r} unknown; accepted: {', '.join(_KINDS)}")
    day = _date(f.get("date"))
    if kind == "legs":
        exercises = []
        for e in f.get("exercises") or []:
            if not isinstance(e, dict) or not isinstance(e.get("name"), str):
                raise InputError(
                    f"exercise {e!r} is not an exercise; accepted: "
                    '{"name": ..., "sets": N, "reps": N, "load": N or null, "unit": "kg"}'
                )
            load = e.get("load")
            if load is not None and (type(load) not in (int, float)):
                raise InputError(f"load {load!r} is not a number")
            exercises.append(
                Exercise(
                    e["name"],
                    _int(e, "sets"),
                    _int(e, "reps"),
                    float(load) if load is not None else None,
                    e.get("unit", "kg"),
                )
            )
        return LegSession(
            day, _clock(f.get("start"), False), _int(f, "minutes"), _int(f, "effort"), tuple(exercises)
        )
    if kind == "cardio":
        if not isinstance(f.get("modality"), str):
            raise InputError(f"modality {f.get('modality')!r} is not a name")
        return CardioSession(
            day, f["modality"], _int(f, "minutes"), _int(f, "effort"), _clock(f.get("start"), True)
        )
    if kind == "checkin":
        sleep = f.get("sleep_hours")
        if sleep is not None and type(sleep) not in (int, float):
            raise InputError(f"sleep_hours {sleep!r} is not a number")
        regions = f.get("regions") or {}
        if not isinstance(regions, dict):
            raise InputError(f"regions {regions!r} is not a table of region: soreness")
        return CheckIn(
            day,
            _int(f, "soreness"),
            sleep,
            bool(f.get("pain", False)),
            tuple((k, v) for k, v in regions.items()),
        )
    if not isinstance(f.get("modality"), str):
        raise InputError(f"modality {f.get('modality')!r} is not a name")
    return Skip(day, f["modality"])


def _profile(f: dict) -> Profile:
    from legday.core.model import weekday_number

    try:
        return Profile(
            goal=parse_enum(Goal, f.get("goal", "general"), "goal"),
            level=parse_enum(Level, f.get("level", "intermediate"), "level"),
            injury_prone=bool(f.get("injury_prone", False)),
            leg_days=tuple(weekday_number(d) for d in f.get("leg_days", [])),
            event_date=_date(f["event_date"]) if f.get("event_date") else None,
            units=f.get("units", "kg"),
            leg_time=_clock(f.get("leg_time", "18:00"), False),
            # Older exports have no list: every modality, as a new profile has.
            **({"modalities": parse_modalities(",".join(f["modalities"]))} if f.get("modalities") else {}),
        )
    except (AttributeError, TypeError):
        raise InputError(f"the profile {f!r} has a value of the wrong type") from None


def _line_of(text: str, index: int) -> int | None:
    """The line of the index-th record: each record has exactly one "kind" key."""
    at = -1
    for _ in range(index + 1):
        at = text.find('"kind"', at + 1)
        if at < 0:
            return None
    return text.count("\n", 0, at) + 1


def parse(text: str, name: str) -> Parsed:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        raise FileFormatError(
            name,
            err.lineno,
            f"not valid JSON ({err.msg}; a truncated file?); "
            "accepted: a file written by `legday export json`",
        ) from None
    if not isinstance(data, dict) or KEY not in data:
        raise FileFormatError(
            name,
            1,
            f"this is not a legday export (no {KEY!r} key); accepted: a file written by `legday export json`",
        )
    if type(data[KEY]) is not int or data[KEY] > VERSION:
        raise FileFormatError(
            name,
            1,
            f"{KEY} = {data[KEY]!r}: written by a newer legday; accepted: "
            f"version {VERSION} (upgrade legday to read it)",
        )
    parsed = Parsed("json")
    if data.get("profile") is not None:
        try:
            parsed.profile = _profile(data["profile"])
        except InputError as err:
            line = text[: text.find('"profile"')].count("\n") + 1
            raise FileFormatError(name, line, f"profile: {err}") from None
    records = data.get("records", [])
    if not isinstance(records, list):
        raise FileFormatError(
            name, None, "'records' is not a list; accepted: a file written by `legday export json`"
        )
    for index, fields in enumerate(records):
        try:
            if not isinstance(fields, dict):
                raise InputError(f"record {fields!r} is not an object")
            record = _record(fields)
        except InputError as err:
            raise FileFormatError(name, _line_of(text, index), f"record {index + 1}: {err}") from None
        parsed.records.append(record)
        parsed.effort_from[record] = "logged"
    parsed.workouts = len(parsed.records)
    return parsed
