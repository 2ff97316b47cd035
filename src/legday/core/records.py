"""One name for "something logged", and the short id, JSON fields and words that refer to it.

The id is a hash of the record's own values, not of where it sits in a file: it stays the same while
the record is unchanged (whatever else is logged, edited or moved around it), and an edited record
gets a new one. Two records with exactly the same values are the same entry to legday (either may
be edited or deleted) and share an id.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from legday.core.model import CardioSession, CheckIn, LegSession, Skip

Record = LegSession | CardioSession | CheckIn | Skip

_KINDS = {LegSession: "legs", CardioSession: "cardio", CheckIn: "checkin", Skip: "skip"}
KINDS = ("legs", "cardio", "checkin", "skip")


def kind_of(r: Record) -> str:
    """``"legs"``, ``"cardio"``, ``"checkin"`` or ``"skip"``; TypeError for anything else."""
    try:
        return _KINDS[type(r)]
    except KeyError:
        raise TypeError(f"not a logged record: {type(r).__name__}") from None


def _number(x: float | None) -> str | None:
    # 100 and 100.0 are equal records, so they must hash alike: every number as a float's repr
    # (exact, unlike the rounded text shown to people).
    return None if x is None else repr(float(x))


def _time(t: dt.time | None) -> str | None:
    return None if t is None else t.isoformat()


def _canonical(r: Record) -> list[Any]:
    kind = kind_of(r)
    if isinstance(r, LegSession):
        return [
            kind,
            r.date.isoformat(),
            _time(r.start),
            _number(r.minutes),
            _number(r.effort),
            [[e.name, _number(e.sets), _number(e.reps), _number(e.load), e.unit] for e in r.exercises],
        ]
    if isinstance(r, CardioSession):
        return [kind, r.date.isoformat(), _time(r.start), r.modality, _number(r.minutes), _number(r.effort)]
    if isinstance(r, CheckIn):
        return [
            kind,
            r.date.isoformat(),
            _number(r.soreness),
            _number(r.sleep_hours),
            bool(r.pain),
            [[name, _number(level)] for name, level in r.regions],
        ]
    return [kind, r.date.isoformat(), r.modality]


def record_id(r: Record) -> str:
    """8 lowercase hex characters, the same for equal records, different once a value changes."""
    # Imported here: ids are needed to edit or delete by id, never to open the app.
    import hashlib
    import json

    text = json.dumps(_canonical(r), ensure_ascii=False, separators=(",", ":"))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest()


def _hhmm(t: dt.time | None) -> str | None:
    return None if t is None else f"{t.hour:02d}:{t.minute:02d}"


def record_fields(r: Record) -> dict[str, Any]:
    """The record as JSON-ready fields (for ``legday log --json``)::

    {"id": "1a2b3c4d", "kind": "legs", "date": "2026-11-16", "start": "18:00",
     "minutes": 60, "effort": 8, "exercises": ["back squat 5x5@100kg", "box jump 4x5"]}
    """
    kind = kind_of(r)
    out: dict[str, Any] = {
        "id": record_id(r),
        "kind": kind,
        "date": r.date.isoformat(),
        "start": _hhmm(getattr(r, "start", None)),
    }
    if isinstance(r, LegSession):
        out.update(minutes=r.minutes, effort=r.effort, exercises=[str(e) for e in r.exercises])
    elif isinstance(r, CardioSession):
        out.update(modality=r.modality, minutes=r.minutes, effort=r.effort)
    elif isinstance(r, CheckIn):
        out.update(
            soreness=r.soreness,
            sleep_hours=r.sleep_hours,
            pain=r.pain,
            regions={name: level for name, level in r.regions},
        )
    else:
        out.update(modality=r.modality)
    return out


def describe(r: Record, today: dt.date | None = None) -> str:
    """A few words naming the record for undo labels and messages: ``"legs Mon 16 Nov"``,
    ``"bike Tue 17 Nov"``, ``"check-in Tue 17 Nov"``, ``"run Thu 19 Nov"``. The year is added
    unless ``today`` is given and in the same year (the core has no clock of its own)."""
    kind = kind_of(r)
    what = {"legs": "legs", "checkin": "check-in"}.get(kind) or getattr(r, "modality", kind)
    d = r.date
    year = "" if today is not None and today.year == d.year else f" {d.year}"
    return f"{what} {d:%a} {d.day} {d:%b}{year}"
