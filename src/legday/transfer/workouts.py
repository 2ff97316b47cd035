"""From another app's workouts to legday's records.

Every importer reads its format into ``Workout``s (a start, maybe a duration, the sets in order) and
hands them to ``to_records``, which decides what legday keeps:

- a workout with leg exercises becomes a leg session listing its leg exercises as SETSxREPS@LOAD,
  working sets only (warm-ups are left out, as they are not what the session was);
- cardio exercises (running, cycling, rowing machine...) become cardio sessions;
- upper-body-only workouts are left out: legday plans around legs.

Effort: the average RPE of the working sets where any was logged; otherwise legday's estimate, and
the summary says how many sessions that was.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from legday.core.catalogue import traits
from legday.core.errors import InputError
from legday.core.model import CardioSession, Exercise, LegSession
from legday.transfer.errors import FileFormatError

# legday's estimates where an export has no RPE: a working leg session is hard but not maximal,
# cardio logged in a lifting app is most often easy to moderate.
ESTIMATED_LEG_EFFORT = 7
ESTIMATED_CARDIO_EFFORT = 4
# Minutes for a leg session whose length is unknown: about three minutes a working set with rest,
# within a plausible range (legday's estimate).
MINUTES_PER_SET = 3
ESTIMATED_MINUTES = (20, 120)
# Longer than this is a timer left running ("216h 1m"), not a session: the length is unknown.
LONGEST_SESSION = 600

# Names that say "legs" when the catalogue does not know the exercise. "leg raise" and "leg" in
# upper-body names are excluded below.
_LEG_WORDS = (
    "squat",
    "lunge",
    "leg press",
    "leg extension",
    "leg curl",
    "calf",
    "deadlift",
    "hip thrust",
    "glute",
    "hamstring",
    "quad",
    "step up",
    "step-up",
    "good morning",
    "nordic",
    "rdl",
    "hack",
    "thigh",
    "adductor",
    "abductor",
    "hip abduction",
    "hip adduction",
    "sled",
    "pistol",
    "jump",
    "leg",
)
_NOT_LEGS = ("leg raise", "leg lift", "legs up", "knee raise", "jump rope", "skipping")
# Loaded carries are timed or measured in metres but are not cardio.
_NOT_CARDIO = ("farmer", "carry", "sled")

# Cardio exercises by the words in their names, and the modality legday knows them by.
_CARDIO_WORDS = (
    ("treadmill", "run"),
    ("running", "run"),
    ("jogging", "run"),
    ("run", "run"),
    ("jog", "run"),
    ("cycling", "bike"),
    ("bike", "bike"),
    ("spin", "bike"),
    ("cycle", "bike"),
    ("rowing", "row"),
    ("rower", "row"),
    ("ergometer", "row"),
    ("erg", "row"),
    ("swimming", "swim"),
    ("swim", "swim"),
    ("elliptical", "elliptical"),
    ("cross trainer", "elliptical"),
    ("stair", "stairs"),
    ("stepmill", "stairs"),
    ("walking", "walk"),
    ("walk", "walk"),
    ("hiking", "hike"),
    ("hike", "hike"),
    ("yoga", "yoga"),
    ("pilates", "pilates"),
    ("jump rope", "jump rope"),
    ("skipping", "jump rope"),
    ("skierg", "ski erg"),
    ("ski", "ski erg"),
    ("cardio", "cardio"),
)


def exercise_name(raw: str) -> str:
    return " ".join(raw.split()).lower()


def is_leg(name: str) -> bool:
    """The catalogue decides for names it knows; otherwise words like squat, lunge, calf, deadlift."""
    name = exercise_name(name)
    if any(word in name for word in _NOT_LEGS):
        return False
    if traits(name).known:
        return True
    return any(word in name for word in _LEG_WORDS)


def cardio_modality(name: str) -> str | None:
    """The cardio modality an exercise name stands for, or None ("walking lunge" is not a walk)."""
    name = exercise_name(name)
    if is_leg(name) or any(word in name for word in _NOT_CARDIO):
        return None
    padded = f" {name.replace('(', ' ').replace(')', ' ')} "
    for word, modality in _CARDIO_WORDS:
        if f" {word} " in padded or (len(word) > 4 and word in name):
            return modality
    return None


@dataclass
class SetRow:
    """One exported set. ``warmup`` sets are not counted as the session's work."""

    line: int
    exercise: str
    reps: int | None = None
    load: float | None = None
    unit: str = "kg"
    seconds: float | None = None
    distance: float | None = None
    rpe: float | None = None
    warmup: bool = False
    category: str = ""  # FitNotes' own category ("Legs", "Cardio"), when the format has one


@dataclass
class Workout:
    line: int
    day: dt.date
    start: dt.time | None
    minutes: float | None
    sets: list[SetRow] = field(default_factory=list)
    # Effort and how it was found, for formats that record it per session (FIT).
    effort: int | None = None
    effort_from: str = ""


@dataclass
class Parsed:
    """What a file holds, as legday's records, and what was left out and why."""

    format: str
    records: list = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)
    # How the effort of each new session was found: "rpe", "heart rate", "estimate".
    effort_from: dict = field(default_factory=dict)
    minutes_estimated: set = field(default_factory=set)
    profile: object | None = None
    workouts: int = 0


def _effort_from_rpe(sets: list[SetRow]) -> int | None:
    rpes = [s.rpe for s in sets if s.rpe is not None and 0 < s.rpe <= 10]
    if not rpes:
        return None
    return max(0, min(10, int(sum(rpes) / len(rpes) + 0.5)))  # 8.5 -> 9, as people round


def _group(sets: list[SetRow], name: str, file: str) -> list[Exercise]:
    """Working sets of one exercise as SETSxREPS@LOAD entries, one per distinct (reps, load) in
    the order first done: 5,5,5 at 100 and 3 at 110 -> 3x5@100kg, 1x3@110kg."""
    counts: dict[tuple, list] = {}
    for s in sets:
        key = (s.reps, s.load, s.unit)
        counts.setdefault(key, [0, s.line])[0] += 1
    out = []
    for (reps, load, unit), (count, line) in counts.items():
        try:
            out.append(Exercise(name, min(count, 50), reps, load, unit))
        except InputError as err:
            raise FileFormatError(file, line, str(err)) from None
    return out


def _at(day: dt.date, start: dt.time, minutes: float) -> dt.time:
    moved = dt.datetime.combine(day, start) + dt.timedelta(minutes=round(minutes))
    return moved.time() if moved.date() == day else start


def to_records(workouts: list[Workout], parsed: Parsed, file: str, leg_time: dt.time) -> None:
    """Append the sessions these workouts stand for to ``parsed``."""
    for w in workouts:
        parsed.workouts += 1
        legs: dict[str, list[SetRow]] = {}
        cardio: dict[str, list[SetRow]] = {}
        cardio_first = False
        for s in w.sets:
            modality = None if s.category == "legs" else cardio_modality(s.exercise)
            if s.category == "cardio" and modality is None:
                modality = cardio_modality(s.exercise) or exercise_name(s.exercise)
            if modality is not None and (s.seconds or s.distance) and not s.reps:
                if not legs:
                    cardio_first = True
                cardio.setdefault(modality, []).append(s)
            elif (s.category == "legs" or is_leg(s.exercise)) and s.reps and not s.warmup:
                legs.setdefault(exercise_name(s.exercise), []).append(s)
        if not legs and not cardio:
            parsed.left_out["upper body only"] += 1
            continue

        cardio_sessions: list[CardioSession] = []
        cardio_minutes = 0.0
        for modality, sets in cardio.items():
            seconds = sum(s.seconds or 0 for s in sets)
            if seconds < 60:
                parsed.left_out["cardio without a time"] += 1
                continue
            minutes = min(LONGEST_SESSION, max(1, int(seconds / 60 + 0.5)))
            effort = _effort_from_rpe(sets)
            how = "rpe"
            if effort is None:
                effort, how = (
                    (w.effort, w.effort_from)
                    if w.effort is not None
                    else (ESTIMATED_CARDIO_EFFORT, "estimate")
                )
            cardio_minutes += minutes
            cardio_sessions.append((CardioSession(w.day, modality, minutes, effort, w.start), how))

        if legs:
            exercises = tuple(e for name, sets in legs.items() for e in _group(sets, name, file))
            known = w.minutes if w.minutes and 1 <= w.minutes <= LONGEST_SESSION else None
            minutes = round(known - cardio_minutes) if known and known - cardio_minutes >= 10 else None
            working = sum(len(sets) for sets in legs.values())
            estimated = minutes is None
            if estimated:
                low, high = ESTIMATED_MINUTES
                minutes = max(low, min(high, working * MINUTES_PER_SET))
            effort = _effort_from_rpe([s for sets in legs.values() for s in sets])
            how = "rpe"
            if effort is None:
                effort, how = (
                    (w.effort, w.effort_from) if w.effort is not None else (ESTIMATED_LEG_EFFORT, "estimate")
                )
            start = w.start or leg_time
            if cardio_first and w.start is not None:
                start = _at(w.day, w.start, cardio_minutes)
            session = LegSession(w.day, start, minutes, effort, exercises)
            parsed.records.append(session)
            parsed.effort_from[session] = how
            if estimated:
                parsed.minutes_estimated.add(session)
            # Cardio done after the lifting starts when the lifting ended.
            if not cardio_first and w.start is not None:
                placed = []
                for session_, how_ in cardio_sessions:
                    placed.append(
                        (
                            CardioSession(
                                session_.date,
                                session_.modality,
                                session_.minutes,
                                session_.effort,
                                _at(w.day, start, minutes),
                            ),
                            how_,
                        )
                    )
                cardio_sessions = placed
        for session_, how_ in cardio_sessions:
            parsed.records.append(session_)
            parsed.effort_from[session_] = how_
