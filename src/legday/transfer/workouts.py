"""From another app's workouts to legday's records.

Every importer reads its format into ``Workout``s (a start, maybe a duration, the sets in order) and
hands them to ``to_records``, which decides what legday keeps. legday's lines, each a constant here
and each named in the README:

- **A leg session** is a workout whose leg working sets are at least a third (``LEG_SHARE``) of its
  strength working sets (warm-ups, cardio and sets a watch could not name are not counted), or that
  holds at least ``BIG_LEG_SETS`` (5) working sets of the big leg lifts (squats, deadlifts, leg press,
  lunges, Olympic lifts: the catalogue's heavy or single-leg work) whatever else the day held. It is
  saved listing its leg exercises as SETSxREPS@LOAD, working sets only. A power clean or a few calf
  raises on a pressing day do not make it a leg day: that workout is left out as "little leg work".
- **Cardio** exercises (running, cycling, rowing machine, jump rope...) become cardio sessions,
  whether logged by time, distance or reps (jump rope by reps: ``SKIPS_PER_MINUTE``). Under a minute
  is left out as "cardio under a minute"; with no time at all, "cardio without a time".
- Workouts with no leg work are left out ("upper body only"): legday plans around legs.
- **Implausible values are bad rows**: reps over ``MOST_REPS`` (a ``1000`` typo), a load no human
  lifts (``HEAVIEST_KG``, ``HEAVIEST_MACHINE_KG`` on a leg press or sled), a set over 10 hours.
- **A timer left running**: a workout longer than ``LONGEST_SESSION`` minutes (4 hours) has an unknown
  length; it is estimated from the sets, and the summary says "timer left running".

Effort: the average RPE of the working sets where any was logged (or the session's own RPE, from a
watch); otherwise legday's estimate, and the summary says how many sessions that was.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from dataclasses import field
from functools import lru_cache

from legday.core.catalogue import traits
from legday.core.errors import InputError
from legday.core.model import CardioSession, Exercise, LegSession, Profile
from legday.core.values import MutableValue
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import BadRow, Reading

# legday's estimates where an export has no RPE: a working leg session is hard but not maximal,
# cardio logged in a lifting app is most often easy to moderate.
ESTIMATED_LEG_EFFORT = 7
ESTIMATED_CARDIO_EFFORT = 4
# Minutes for a leg session whose length is unknown: about three minutes a working set with rest,
# within a plausible range (legday's estimate).
MINUTES_PER_SET = 3
ESTIMATED_MINUTES = (20, 120)
# Longer than this is a timer left running ("6h 16m", "216h 1m"), not a session: the length is
# then estimated from the sets (legday's line: 4 hours).
LONGEST_SESSION = 240
# A leg session: leg working sets are at least this share of the strength working sets, or at
# least this many working sets of the big leg lifts.
LEG_SHARE = 1 / 3
BIG_LEG_SETS = 5
# More reps than this in one set of a strength exercise is a typo (a bad row).
MOST_REPS = 100
# Heavier than this is no human lift (a bad row): 500 kg is about the deadlift world record; a leg
# press or sled carries more, up to 1,000 kg.
HEAVIEST_KG = 500
HEAVIEST_MACHINE_KG = 1000
_MACHINE_WORDS = ("leg press", "sled", "hack", "calf", "machine", "smith", "pendulum", "belt squat")
LB_PER_KG = 2.20462
# A set or cardio entry longer than this is a typo (a bad row).
LONGEST_SET_SECONDS = 10 * 3600
# Jump rope logged by reps only: minutes at this many skips a minute (legday's estimate).
SKIPS_PER_MINUTE = 100
# Names from a file: at most this long, and no control characters.
NAME_LIMIT = 100
MODALITY_LIMIT = 40

UPPER_BODY_ONLY = "upper body only"
LITTLE_LEG_WORK = "little leg work"
NOT_NAMED = "exercises the watch did not name"
NO_SETS = "strength without sets"
NO_TIME = "cardio without a time"
UNDER_A_MINUTE = "cardio under a minute"

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
    # The same lifts in the other languages Strong and FitNotes export in (names typed in them).
    "kniebeuge",
    "kreuzheben",
    "ausfallschritt",
    "beinpresse",
    "wadenheben",
    "beinstrecker",
    "beinbeuger",
    "sentadilla",
    "peso muerto",
    "zancada",
    "prensa de piernas",
    "soulevé de terre",
    "fente",
    "presse à cuisses",
    "mollets",
    "agachamento",
    "levantamento terra",
)
_NOT_LEGS = ("leg raise", "leg lift", "legs up", "knee raise", "jump rope", "skipping")
# Loaded carries are timed or measured in metres but are not cardio.
_NOT_CARDIO = ("farmer", "carry", "sled", "crunch", "long cycle")

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
    ("jumprope", "jump rope"),
    ("skipping", "jump rope"),
    ("skierg", "ski erg"),
    ("ski", "ski erg"),
    ("cardio", "cardio"),
)

# Bidirectional-text controls: invisible, and they reorder what a terminal shows.
_BIDI = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def exercise_name(raw: str) -> str:
    return " ".join(raw.split()).lower()


def check_name(raw: str, what: str, limit: int = NAME_LIMIT) -> str:
    """A name from a file as legday keeps it (spaces tidied), or InputError: empty, longer than
    ``limit``, or holding control characters (a terminal would run them as escape codes)."""
    name, problem = _checked(raw, what, limit)
    if problem:
        raise InputError(problem)
    return name


@lru_cache(maxsize=4096)
def _checked(raw: str, what: str, limit: int) -> tuple[str, str]:
    """(tidied name, "" or what is wrong): an export repeats each name on every set."""
    name = " ".join(raw.split())
    if not name:
        return name, f"{what} is empty; accepted: a name like 'back squat'"
    if any(unicodedata.category(c) == "Cc" or c in _BIDI for c in name):
        return name, f"{what} {name[:40]!r} holds control characters; accepted: printable text"
    if len(name) > limit:
        return (
            name,
            f"{what} {name[:37] + '...'!r} is longer than {limit} characters; accepted: a shorter name",
        )
    return name, ""


@lru_cache(maxsize=4096)
def is_leg(name: str) -> bool:
    """The catalogue decides for names it knows; otherwise words like squat, lunge, calf, deadlift."""
    name = exercise_name(name)
    if any(word in name for word in _NOT_LEGS):
        return False
    if traits(name).known:
        return True
    return any(word in name for word in _LEG_WORDS)


@lru_cache(maxsize=4096)
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


class SetRow(MutableValue):
    """One exported set. ``warmup`` sets are not counted as the session's work. ``unit`` is None
    where the file does not say (decided once for the whole file: ``units.resolve``); ``known`` is
    False for a set a watch could not name."""

    line: int
    exercise: str
    reps: int | None = None
    load: float | None = None
    unit: str | None = "kg"
    seconds: float | None = None
    distance: float | None = None
    rpe: float | None = None
    warmup: bool = False
    category: str = ""  # FitNotes' own category ("Legs", "Cardio"), when the format has one
    known: bool = True
    leg: bool | None = None  # decided by the format (a watch's exercise category), else by name


class Workout(MutableValue):
    line: int
    day: dt.date
    start: dt.time | None
    minutes: float | None
    sets: list[SetRow] = field(default_factory=list)
    # Effort and how it was found, for formats that record it per session (FIT).
    effort: int | None = None
    effort_from: str = ""
    # A watch's strength session: its effort comes from its RPE or legday's estimate, never from
    # heart rate.
    strength: bool = False
    # Why the format already knows this workout is left out ("not exercise (driving)"), if it does.
    left_out: str = ""


class Parsed(MutableValue):
    """What a file holds, as legday's records, and what was left out and why."""

    format: str
    records: list = field(default_factory=list)
    left_out: Counter = field(default_factory=Counter)
    # How the effort of each new session was found: "rpe", "heart rate", "estimate".
    effort_from: dict = field(default_factory=dict)
    minutes_estimated: set = field(default_factory=set)
    # Sessions whose timer was left running (their length is estimated; a subset of the above).
    timers: set = field(default_factory=set)
    profile: Profile | None = None
    workouts: int = 0
    # Rows left out as bad (with --skip-bad-rows; without it the first one stops the import).
    bad_rows: list[BadRow] = field(default_factory=list)
    # The unit of the weights and why, for the summary: "weights in lb (--units)".
    units_note: str = ""
    rows: int = 0


def check_set(s: SetRow, file: str) -> None:
    """Values no lifter logs are a bad row (a FileFormatError naming the line); so is a name with
    control characters or longer than ``NAME_LIMIT``. The name is tidied in place."""
    try:
        s.exercise = check_name(s.exercise, "exercise name")
    except InputError as err:
        raise FileFormatError(file, s.line, str(err)) from None
    name = exercise_name(s.exercise)
    cardio = cardio_modality(name) is not None
    if s.reps is not None and s.reps > MOST_REPS and not cardio:
        raise FileFormatError(
            file,
            s.line,
            f"reps {s.reps} in one set of {name[:40]!r} (a typo?); accepted: at most {MOST_REPS} "
            "reps a set (legday's line)",
        )
    if s.load:
        limit = _heaviest(name)
        unit = s.unit or "lb"  # a file that does not say: the larger number it could be
        kg = s.load / LB_PER_KG if unit == "lb" else s.load
        if kg > limit:
            raise FileFormatError(
                file,
                s.line,
                f"a load of {s.load:g} {s.unit or 'kg or lb'} on {name[:40]!r} is more than anyone "
                f"lifts; accepted: up to {limit} kg ({round(limit * LB_PER_KG):,} lb), legday's line",
            )
    if s.seconds is not None and s.seconds > LONGEST_SET_SECONDS:
        raise FileFormatError(
            file,
            s.line,
            f"{s.seconds:g} seconds in one set of {name[:40]!r} (over 10 hours); accepted: the "
            "time the set took",
        )


@lru_cache(maxsize=4096)
def _heaviest(name: str) -> int:
    return HEAVIEST_MACHINE_KG if any(word in name for word in _MACHINE_WORDS) else HEAVIEST_KG


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
        key = (s.reps, s.load, s.unit or "kg")
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


def _is_leg_set(s: SetRow) -> bool:
    if s.leg is not None:
        return s.leg
    return s.category == "legs" or is_leg(s.exercise)


def _cardio_of(s: SetRow) -> str | None:
    if s.category == "legs" or s.leg:
        return None
    modality = cardio_modality(s.exercise)
    if s.category == "cardio" and modality is None:
        name = exercise_name(s.exercise)
        modality = name if len(name) <= MODALITY_LIMIT else "cardio"
    return modality


def _seconds(s: SetRow, modality: str) -> float:
    if s.seconds:
        return s.seconds
    if modality == "jump rope" and s.reps:
        return s.reps / SKIPS_PER_MINUTE * 60
    return 0.0


def _big_sets(legs: dict[str, list[SetRow]]) -> int:
    """Working sets of the big leg lifts: the catalogue's heavy compounds and single-leg work."""
    total = 0
    for name, sets in legs.items():
        t = traits(name)
        if t.known and (t.heavy_compound or t.single_leg):
            total += len(sets)
    return total


def _no_legs_reason(w: Workout, strength: list[SetRow]) -> str:
    if any(not s.known for s in w.sets):
        return NOT_NAMED
    return UPPER_BODY_ONLY if strength or not w.strength else NO_SETS


def to_records(workouts: list[Workout], parsed: Parsed, reading: Reading, leg_time: dt.time) -> None:
    """Append the sessions these workouts stand for to ``parsed``. A session the model refuses
    (a name it does not take, too many sets) is a bad row."""
    file = reading.name
    for w in workouts:
        parsed.workouts += 1
        if w.left_out:
            parsed.left_out[w.left_out] += 1
            continue
        legs: dict[str, list[SetRow]] = {}
        cardio: dict[str, list[SetRow]] = {}
        strength: list[SetRow] = []  # working sets of strength exercises, named
        cardio_first = False
        for s in w.sets:
            modality = _cardio_of(s)
            if modality is not None:
                if not legs:
                    cardio_first = True
                cardio.setdefault(modality, []).append(s)
                continue
            if s.warmup or not s.reps or not s.known:
                continue
            strength.append(s)
            if _is_leg_set(s):
                legs.setdefault(exercise_name(s.exercise), []).append(s)
        leg_sets = sum(len(sets) for sets in legs.values())
        if legs and leg_sets < LEG_SHARE * len(strength) and _big_sets(legs) < BIG_LEG_SETS:
            parsed.left_out[LITTLE_LEG_WORK] += 1
            legs = {}
        elif not legs and not cardio:
            parsed.left_out[_no_legs_reason(w, strength)] += 1
            continue

        cardio_sessions: list[tuple[CardioSession, str]] = []
        cardio_minutes = 0.0
        for modality, sets in cardio.items():
            seconds = sum(_seconds(s, modality) for s in sets)
            if seconds <= 0:
                parsed.left_out[NO_TIME] += 1
                continue
            if seconds < 60:
                parsed.left_out[UNDER_A_MINUTE] += 1
                continue
            minutes = min(600, int(seconds / 60 + 0.5))
            effort = _effort_from_rpe(sets)
            how = "rpe"
            if effort is None:
                effort, how = (
                    (w.effort, w.effort_from)
                    if w.effort is not None
                    else (ESTIMATED_CARDIO_EFFORT, "estimate")
                )
            try:
                session_ = CardioSession(w.day, modality, minutes, effort, w.start)
            except InputError as err:
                reading.bad_row(sets[0].line, str(err))
                continue
            cardio_minutes += minutes
            cardio_sessions.append((session_, how))

        if legs:
            timer = w.minutes is not None and w.minutes > LONGEST_SESSION
            known = w.minutes if w.minutes and 1 <= w.minutes <= LONGEST_SESSION else None
            length = round(known - cardio_minutes) if known and known - cardio_minutes >= 10 else None
            estimated = length is None
            if length is None:
                low, high = ESTIMATED_MINUTES
                length = max(low, min(high, leg_sets * MINUTES_PER_SET))
            minutes = length
            effort = _effort_from_rpe([s for sets in legs.values() for s in sets])
            how = "rpe"
            if effort is None:
                effort, how = (
                    (w.effort, w.effort_from) if w.effort is not None else (ESTIMATED_LEG_EFFORT, "estimate")
                )
            start = w.start or leg_time
            if cardio_first and w.start is not None:
                start = _at(w.day, w.start, cardio_minutes)
            try:
                exercises = tuple(e for name, sets in legs.items() for e in _group(sets, name, file))
                session = LegSession(w.day, start, minutes, effort, exercises)
            except FileFormatError as err:
                reading.bad_row(err.line, err.message)
                continue
            except InputError as err:
                reading.bad_row(w.line, str(err))
                continue
            parsed.records.append(session)
            parsed.effort_from[session] = how
            if estimated:
                parsed.minutes_estimated.add(session)
            if timer:
                parsed.timers.add(session)
            # Cardio done after the lifting starts when the lifting ended.
            if not cardio_first and w.start is not None:
                cardio_sessions = [
                    (
                        CardioSession(c.date, c.modality, c.minutes, c.effort, _at(w.day, start, minutes)),
                        how_,
                    )
                    for c, how_ in cardio_sessions
                ]
        for session_, how_ in cardio_sessions:
            parsed.records.append(session_)
            parsed.effort_from[session_] = how_
