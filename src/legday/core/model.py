"""The things a lifter logs and sets: leg sessions, cardio, morning check-ins and the profile.

Frozen dataclasses (``Value``, core/values.py): the planner reads them, storage turns them into TOML and back, the TUI shows
them. Validation lives in the constructors (``__post_init__``) so that an invalid object cannot exist,
whichever door it came in by (CLI, form, file).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from enum import Enum
from functools import cached_property

from legday.core.errors import InputError
from legday.core.names import check_name
from legday.core.values import Value


class Goal(str, Enum):
    ENDURANCE = "endurance"
    STRENGTH = "strength"
    POWER = "power"
    HYBRID = "hybrid"
    GENERAL = "general"


class Level(str, Enum):
    BEGINNER = "beginner"
    INTERMEDIATE = "intermediate"
    ADVANCED = "advanced"


UNITS = ("kg", "lb")
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
# Regions the soreness check-in can rate one by one (folded away by default in the app).
REGIONS = ("quads", "hamstrings", "glutes", "calves")
# Modalities the app knows by name; others are accepted and treated as generic cardio.
MODALITIES = (
    "run",
    "bike",
    "swim",
    "elliptical",
    "walk",
    "row",
    "hike",
    "yoga",
    "pilates",
    "stairs",
    "sprints",
    "plyometrics",
)
# The cardio a person can choose to have available (the profile's list, ``--modalities``). Sprints and
# plyometrics are running and jumping: they come with "run" rather than being listed on their own.
CARDIO_MODALITIES = MODALITIES[: MODALITIES.index("sprints")]
COMES_WITH_RUN = ("sprints", "plyometrics")


def parse_modalities(text: str) -> tuple[str, ...]:
    """``"run, Bike,walk"`` -> ``("run", "bike", "walk")`` in the usual order; ``"all"`` -> all of them.
    An unknown or empty list is an InputError naming the accepted names."""
    accepted = f"accepted: a comma list of {','.join(CARDIO_MODALITIES)} (or all)"
    names = [part.strip().lower() for part in text.split(",") if part.strip()]
    if names == ["all"]:
        return CARDIO_MODALITIES
    if not names:
        raise InputError(f"no modalities given; {accepted}")
    for name in names:
        if name not in CARDIO_MODALITIES:
            extra = " (sprints and plyometrics come with run)" if name in COMES_WITH_RUN else ""
            raise InputError(f"unknown modality {name!r}{extra}; {accepted}")
    return tuple(m for m in CARDIO_MODALITIES if m in names)


def parse_enum(enum: type[Enum], value: str, what: str) -> Enum:
    try:
        return enum(value.strip().lower())
    except ValueError:
        accepted = ", ".join(m.value for m in enum)
        raise InputError(f"unknown {what} {value!r}; accepted: {accepted}") from None


def check_range(value: float, low: float, high: float, what: str) -> None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise InputError(f"{what} {value!r} is out of range; accepted: {low:g} to {high:g}")


class Exercise(Value):
    """One exercise line: ``back squat 5x5@100kg``. ``load`` is None for bodyweight work."""

    name: str
    sets: int
    reps: int
    load: float | None = None
    unit: str = "kg"

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InputError("exercise name is empty; accepted: a name like 'back squat'")
        check_name(self.name, "exercise name")
        check_range(self.sets, 1, 50, "sets")
        check_range(self.reps, 1, 500, "reps")
        if self.load is not None:
            check_range(self.load, 0, 2000, "load")
        if self.unit not in UNITS:
            raise InputError(f"unit {self.unit!r} unknown; accepted: kg, lb")

    def __str__(self) -> str:
        text = f"{self.name} {self.sets}x{self.reps}"
        if self.load is not None:
            text += f"@{self.load:g}{self.unit}"
        return text


def just_ended(now: dt.datetime, minutes: int) -> dt.time:
    """Start time of a session that ends now: ``now - minutes``, down to 5 minutes, not before 00:00.

    People log right after training, so "now" is the end of the session, not its start; getting
    this wrong would shift every "hours after legs" by the session's length."""
    start = now - dt.timedelta(minutes=minutes)
    if start.date() < now.date():
        return dt.time(0, 0)
    return dt.time(start.hour, start.minute - start.minute % 5)


class LegSession(Value):
    """A leg workout. ``effort`` is the session rating on the 0-10 scale (S3)."""

    date: dt.date
    start: dt.time
    minutes: int
    effort: int
    exercises: tuple[Exercise, ...] = ()

    def __post_init__(self) -> None:
        check_range(self.minutes, 1, 600, "minutes")
        check_range(self.effort, 0, 10, "effort")

    # Cached: the planner asks each session for its start and end many times a plan (fields only take
    # part in equality, hashing and storage, so the cache is invisible to them).
    @cached_property
    def started(self) -> dt.datetime:
        return dt.datetime.combine(self.date, self.start)

    @cached_property
    def ended(self) -> dt.datetime:
        return self.started + dt.timedelta(minutes=self.minutes)

    @property
    def load(self) -> int:
        """Session load, effort x minutes, in arbitrary units (S3)."""
        return self.effort * self.minutes


class CardioSession(Value):
    date: dt.date
    modality: str
    minutes: int
    effort: int
    start: dt.time | None = None

    def __post_init__(self) -> None:
        if not self.modality.strip():
            raise InputError(f"modality is empty; accepted: {', '.join(MODALITIES)} or any name")
        check_name(self.modality, "modality")
        check_range(self.minutes, 1, 600, "minutes")
        check_range(self.effort, 0, 10, "effort")

    @property
    def load(self) -> int:
        return self.effort * self.minutes


class CheckIn(Value):
    """The morning check-in: overall leg soreness 0-10, optional sleep and per-region soreness."""

    date: dt.date
    soreness: int
    sleep_hours: float | None = None
    pain: bool = False
    regions: tuple[tuple[str, int], ...] = ()

    def __post_init__(self) -> None:
        check_range(self.soreness, 0, 10, "soreness")
        if self.sleep_hours is not None:
            check_range(self.sleep_hours, 0, 24, "sleep hours")
        for region, level in self.regions:
            if region not in REGIONS:
                raise InputError(f"unknown region {region!r}; accepted: {', '.join(REGIONS)}")
            check_range(level, 0, 10, f"{region} soreness")


class Skip(Value):
    """The person chose not to do a suggested cardio session on ``date``."""

    date: dt.date
    modality: str

    def __post_init__(self) -> None:
        check_name(self.modality, "modality")


class Profile(Value):
    goal: Goal = Goal.GENERAL
    level: Level = Level.INTERMEDIATE
    injury_prone: bool = False
    # Usual leg days as weekday numbers, Monday = 0.
    leg_days: tuple[int, ...] = (0, 3)
    event_date: dt.date | None = None
    units: str = "kg"
    # Usual time of the leg session, used to place planned leg days and the cardio around them.
    leg_time: dt.time = dt.time(18, 0)
    # The cardio this person can do (no pool, no swimming); the planner chooses only among these.
    modalities: tuple[str, ...] = CARDIO_MODALITIES

    def __post_init__(self) -> None:
        # Unknown names and an empty list are refused; the order is made the usual one (and repeats
        # dropped) so that two equal lists make equal profiles.
        object.__setattr__(self, "modalities", parse_modalities(",".join(self.modalities)))
        for day in self.leg_days:
            check_range(day, 0, 6, "leg day")
        if len(set(self.leg_days)) != len(self.leg_days):
            raise InputError("leg days repeat; accepted: distinct days like mon,thu")
        if self.units not in UNITS:
            raise InputError(f"units {self.units!r} unknown; accepted: kg, lb")

    def can_do(self, modality: str) -> bool:
        """Whether the planner may suggest ``modality``: one of the list, or sprints or jumps with run."""
        if modality in COMES_WITH_RUN:
            return "run" in self.modalities
        return modality in self.modalities


_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def weekday_number(text: str) -> int:
    """``"thu"``, ``"Thurs"`` or ``"thursday"`` -> 3. Anything else is an InputError."""
    key = text.strip().lower()
    for number, name in enumerate(_DAY_NAMES):
        # At least the usual three letters, and nothing that is not part of the day's name.
        if len(key) >= 3 and name.startswith(key):
            return number
    raise InputError(f"unknown day {text!r}; accepted: {','.join(WEEKDAYS)}")


def parse_weekdays(text: str) -> tuple[int, ...]:
    """``"mon,thu"`` -> ``(0, 3)``. An empty string means no usual leg days."""
    days = {weekday_number(part) for part in text.split(",") if part.strip()}
    return tuple(sorted(days))


class History(Value):
    """What was logged, in date order. Usually a bounded window, not all of it (see storage)."""

    legs: tuple[LegSession, ...] = ()
    cardio: tuple[CardioSession, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    skips: tuple[Skip, ...] = ()
    _checkin_by_date: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_checkin_by_date", {c.date: c for c in self.checkins})

    def checkin(self, day: dt.date) -> CheckIn | None:
        return self._checkin_by_date.get(day)

    def skipped(self, day: dt.date, modality: str) -> bool:
        return Skip(day, modality) in self.skips

    def between(self, first: dt.date, last: dt.date) -> History:
        """The part of this history from ``first`` to ``last``, both included."""

        def keep(items):
            return tuple(i for i in items if first <= i.date <= last)

        return History(keep(self.legs), keep(self.cardio), keep(self.checkins), keep(self.skips))
