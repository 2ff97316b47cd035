"""What a session does to the legs, by its kind, and how long that lasts.

Every session is load, effort x minutes (S3). What the legs feel of it depends on what the session
does to them: lowering and landing (eccentric and impact work) damage muscle, easy pedalling or walking
barely does (S7: the soreness comes from eccentric work; S8: drop jumps slowed running for 48 h). So a
leg session counts in full, and cardio by two of legday's own factors:

    KIND     how hard the modality is on the legs per unit of load, against a leg session (1.0):
             sprints and jumps 0.8, running 0.5, field and court sports 0.45 (sprints and cutting
             between walking and jogging), hiking 0.4 (the descents), stairs 0.35, cycling, rowing
             and the elliptical 0.25, walking 0.15, swimming 0.1, yoga and pilates 0.05; a name
             legday doesn't know 0.4
    EFFORT   how much of that an effort carries: easy (up to 4/10) 0.3, moderate (5-6) 0.6, hard 1.0

So four hours of easy hiking (720 load) leave the legs 9 points down the morning after, a hard hour of
squats (7 x 60 = 420) 42, 35 minutes of intervals at 8 (280) 14, a marathon (210 minutes at 8) 84.

How long it lasts. Soreness after hard leg work is about as bad 24 h and 48 h on, less at 72 h, less
again at 96 h (S7): a session's fatigue is counted whole the first morning after it, 90 % the second,
60 % the third, 20 % the fourth, and gone on the fifth - by the day, not by the hour, so a session at
06:00 and one at 20:00 weigh the same the next morning (no cliff at "24 h"). A race or a match is
more: a long hard effort (8/10 or more over 45 minutes, or 7 over 75) takes days to come back from,
scaled by its length, effort and kind (legday's own: a 10K about 3 days, a football match 4, a half
marathon about 6, a marathon 10 to 12; at most 3 weeks). Its fatigue fades over those days instead of four, and for
those days nothing hard is planned, the first half of them easy (G3, with legday's lengths); its
minutes come back over twice as many days, and the long run with them (planner.COMEBACK_*).
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
from functools import lru_cache

from legday.core.values import Value

# legday's own factors (S6: nothing here is a validated number; they order kinds, they don't measure).
KIND: dict[str, float] = {
    "sprints": 0.8,
    "plyometrics": 0.8,
    "run": 0.5,
    "hike": 0.4,
    "stairs": 0.35,
    "bike": 0.25,
    "row": 0.25,
    "elliptical": 0.25,
    "walk": 0.15,
    "swim": 0.1,
    "yoga": 0.05,
    "pilates": 0.05,
}
# Sports logged by name: cutting, sprinting and landing, like running or harder.
SPORTS = (
    "football",
    "soccer",
    "rugby",
    "basketball",
    "handball",
    "hockey",
    "tennis",
    "squash",
    "badminton",
    "volleyball",
    "netball",
    "lacrosse",
    "futsal",
    "match",
    "game",
    "race",
    "trail",
    "crossfit",
    "hyrox",
    "spartan",
    "obstacle",
)
SPORT_KIND = 0.45
UNKNOWN_KIND = 0.4
POINTS_PER_LOAD = 1 / 10  # readiness points per unit of load (see readiness.py)

# The usual course of a session's fatigue, by mornings after it (S7).
COURSE_DAYS = 4
_CURVE = ((0.0, 1.0), (0.25, 0.9), (0.5, 0.6), (0.75, 0.2), (1.0, 0.0))
# Race-like: a long hard effort (legday's own lines).
RACE_EFFORT, RACE_MINUTES = 8, 45
LONG_RACE_EFFORT, LONG_RACE_MINUTES = 7, 75
# Recovery days after a race: minutes x kind x effort / 84, 3 at least, 21 at most (legday's own).
RECOVERY_DIVISOR = 84
MIN_RECOVERY, MAX_RECOVERY = 3, 21
# How far back anything can still weigh on a morning.
LONGEST_COURSE = MAX_RECOVERY


def kind_factor(modality: str) -> float:
    """How hard ``modality`` is on the legs per unit of load (a leg session is 1.0)."""
    name = modality.strip().lower()
    if name in KIND:
        return KIND[name]
    if any(word in name for word in SPORTS):
        return SPORT_KIND
    for known, factor in KIND.items():  # "trail run", "hill sprints", "spin bike"
        if known in name:
            return factor
    if "cycl" in name or "spin" in name:
        return KIND["bike"]
    return UNKNOWN_KIND


def effort_share(effort: int) -> float:
    if effort >= 7:
        return 1.0
    if effort >= 5:
        return 0.6
    return 0.3


def race_like(effort: int, minutes: int) -> bool:
    """A long hard effort: a race, a match, a very hard long session (legday's own lines). The plan
    never suggests one: its hard sessions are 45 minutes at most, its long ones moderate."""
    return (effort >= RACE_EFFORT and minutes > RACE_MINUTES) or (
        effort >= LONG_RACE_EFFORT and minutes >= LONG_RACE_MINUTES
    )


def recovery_days(minutes: int, effort: int, kind: float) -> int:
    """Days to come back from a race-like effort: a 10K (50 min at 9, running) 3, a football match (90
    at 8) 4, a half marathon about 6, a marathon (210 min at 8) 10 (legday's own scale)."""
    days = math.ceil(minutes * kind * effort / RECOVERY_DIVISOR)
    return max(MIN_RECOVERY, min(MAX_RECOVERY, days))


@lru_cache(maxsize=1024)
def fraction_left(days: int, course: int = COURSE_DAYS) -> float:
    """Share of a session's fatigue left on the morning ``days`` after its day (1 = the next morning)."""
    if days < 1:
        return 0.0
    x = (days - 1) / course
    for (x0, f0), (x1, f1) in itertools.pairwise(_CURVE):
        if x <= x1:
            return f0 + (f1 - f0) * (x - x0) / (x1 - x0)
    return 0.0


class Strain(Value):
    """One session as the legs feel it: ``points`` the morning after (before it fades), ``course`` the
    mornings it lasts, ``recovery`` the days nothing hard follows a race-like effort (0 otherwise)."""

    date: dt.date
    points: float
    course: int
    what: str  # "legs", "run", "football", "event"
    effort: int
    minutes: int
    factor: float = 1.0  # the kind factor x effort share (1.0 for legs)
    status: str = "done"  # done | planned | suggested | projected (an event date not logged)
    recovery: int = 0
    notes: tuple[str, ...] = ()  # leg sessions: new exercises, lowering-heavy work

    @property
    def load(self) -> int:
        return self.effort * self.minutes

    @property
    def race(self) -> bool:
        return self.recovery > 0

    def left(self, day: dt.date) -> float:
        return fraction_left((day - self.date).days, self.course)


def cardio_strain(
    date: dt.date, modality: str, minutes: int, effort: int, status: str = "done", *, scaled: bool = True
) -> Strain:
    """A cardio session's strain. ``scaled`` False: every unit of load counts in full, as a leg
    session's does (the tests switch the kind factors off this way)."""
    kind = kind_factor(modality) if scaled else 1.0
    factor = kind * effort_share(effort) if scaled else 1.0
    points = effort * minutes * POINTS_PER_LOAD * factor
    recovery = recovery_days(minutes, effort, kind) if race_like(effort, minutes) else 0
    return Strain(
        date,
        points,
        max(COURSE_DAYS, recovery),
        modality,
        effort,
        minutes,
        factor,
        status,
        recovery,
    )
