"""Three weeks for the fifth coach's read (kinds the earlier reads did not cover): who the person is, what
they logged, and the day the plan is read on; ``test_review4_weeks.py`` holds each to what the read found.
To read one yourself:

    python -m tests.core.review4_weeks /tmp/review4        # writes /tmp/review4/<name>, prints commands
    legday plan --date 2027-09-08 --data-dir /tmp/review4/pain_midweek

Dates are fixed (September 2027; BASE is a Monday), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, Goal, LegSession, Level, Profile
from tests.core.coach_weeks import Week, ex, t, usual_weeks, write_weeks

BASE = dt.date(2027, 9, 6)  # a Monday
DAY = dt.timedelta(days=1)


def d(offset: int) -> dt.date:
    return BASE + offset * DAY


SQUATS = (ex("back squat 4x5@140kg"), ex("romanian deadlift 3x8@100kg"), ex("leg press 3x10@180kg"))
RUNNERS = (ex("romanian deadlift 3x8@70kg"), ex("reverse lunge 3x10@16kg"), ex("step-up 3x10@16kg"))
FIRST_TIME = (ex("goblet squat 4x12@20kg"), ex("walking lunge 3x12"), ex("leg curl 3x15@25kg"))


def _weeks(w: Week, weeks: int, legs: dict[int, tuple], cardio: dict[int, tuple], until: int = 0) -> None:
    usual_weeks(w, BASE, weeks, legs, cardio, until)


def pain_midweek() -> Week:
    """An injury-prone lifter (strength, intermediate; an old knee injury), legs Monday and Thursday
    evenings, rides and swims between. Wednesday morning's check-in flags pain (4/10 sore). Read on
    Wednesday."""
    w = Week(
        "an injury-prone lifter who flags pain on Wednesday",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, True, (0, 3)),
        d(2),
    )
    _weeks(
        w,
        5,
        {0: ("18:00", 60, 8, SQUATS), 3: ("18:00", 60, 8, SQUATS)},
        {1: ("bike", 30, 4, "18:00"), 2: ("swim", 40, 5, "07:00"), 5: ("bike", 45, 6, "10:00")},
        until=2,
    )
    w.checkins = [CheckIn(d(1), 3, 7.5), CheckIn(d(2), 4, 7.0, pain=True)]
    return w


def runner_after_10k() -> Week:
    """A runner (endurance, intermediate) who raced a 10K on Saturday (the event date; logged, 45 min at
    9/10), legs Tuesday and Friday mornings, easy runs and one interval session (Wednesday) a week.
    Read on Tuesday, three days after the race (2/10 sore). The test also reads Thursday before it."""
    w = Week(
        "a runner three days after a 10K",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, False, (1, 4), d(-2), leg_time=t("07:00")),
        d(1),
    )
    _weeks(
        w,
        5,
        {1: ("07:00", 45, 6, RUNNERS), 4: ("07:00", 40, 6, RUNNERS)},
        {
            0: ("run", 40, 4, "18:00"),
            2: ("run", 45, 8, "18:00"),
            3: ("run", 40, 4, "18:00"),
            6: ("run", 75, 5, "08:00"),
        },
    )
    # Race week (the week before BASE): legs Tuesday only, Wednesday's intervals short, the race Saturday.
    w.legs = [s for s in w.legs if s.date != d(-3)]
    w.cardio = [c for c in w.cardio if c.date not in (d(-5), d(-1))]
    w.cardio += [
        CardioSession(d(-5), "run", 30, 8, t("18:00")),
        CardioSession(d(-2), "run", 45, 9, t("09:00")),
    ]
    w.checkins = [CheckIn(d(-1), 5, 8.0), CheckIn(d(0), 3, 8.0), CheckIn(d(1), 2, 8.0)]
    return w


def very_sore_beginner() -> Week:
    """New to the gym (general fitness, beginner): the first leg session ever on Monday evening (lunges
    and goblet squats, 8/10), rides before it. Wednesday morning: 8/10 sore, quads 8, glutes 7. Read on
    Wednesday; the usual leg days are Monday and Thursday."""
    w = Week(
        "a beginner very sore after the first leg session",
        Profile(Goal.GENERAL, Level.BEGINNER, False, (0, 3)),
        d(2),
    )
    for n in (3, 6, 10, 13, 17, 20):
        w.cardio.append(CardioSession(d(-n), "bike", 30, 4, t("18:00")))
    w.legs.append(LegSession(d(0), t("18:00"), 50, 8, FIRST_TIME))
    w.checkins = [
        CheckIn(d(1), 6, 7.5, regions=(("quads", 6),)),
        CheckIn(d(2), 8, 7.0, regions=(("quads", 8), ("glutes", 7))),
    ]
    return w


WEEKS = {
    "pain_midweek": pain_midweek,
    "runner_10k": runner_after_10k,
    "sore_beginner": very_sore_beginner,
}


if __name__ == "__main__":
    write_weeks(WEEKS, "review4-weeks")
