"""Six weeks for the sixth coach's read (kinds the earlier reads did not cover): who the person is, what
they logged, and the day the plan is read on; ``test_review5_weeks.py`` holds each to what the read found.
To read one yourself:

    python -m tests.core.review5_weeks /tmp/review5        # writes /tmp/review5/<name>, prints commands
    legday plan --date 2027-11-04 --data-dir /tmp/review5/masters_knee

Dates are fixed (November 2027; BASE is a Monday), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, Goal, LegSession, Level, Profile
from tests.core.coach_weeks import Week, ex, t, usual_weeks, write_weeks

BASE = dt.date(2027, 11, 1)  # a Monday
DAY = dt.timedelta(days=1)


def d(offset: int) -> dt.date:
    return BASE + offset * DAY


RUNNERS = (ex("romanian deadlift 3x8@50kg"), ex("step-up 3x10@10kg"), ex("calf raise 3x15"))
SQUATS = (ex("back squat 5x3@150kg"), ex("front squat 3x5@100kg"), ex("walking lunge 3x12@24kg"))
PULLS = (ex("deadlift 5x3@200kg"), ex("romanian deadlift 3x8@120kg"), ex("hip thrust 3x10@140kg"))
CYCLISTS = (ex("back squat 3x6@90kg"), ex("bulgarian split squat 3x8@16kg"))
HAMSTRINGS = (ex("romanian deadlift 4x8@110kg"), ex("nordic curl 3x6"), ex("leg curl 3x12@45kg"))
LIFTERS = (ex("back squat 4x6@120kg"), ex("leg press 3x10@200kg"), ex("leg curl 3x12@45kg"))


def _weeks(w: Week, weeks: int, legs: dict[int, tuple], cardio: dict[int, tuple], until: int = 0) -> None:
    usual_weeks(w, BASE, weeks, legs, cardio, until)


def masters_knee() -> Week:
    """A 58-year-old club runner (endurance, intermediate) with a history of knee trouble (injury-prone;
    legday has no age, so that is what says it): legs Monday and Thursday at 07:00, an easy run Tuesday,
    a tempo run Friday evening, the long run Sunday. Wednesday morning's check-in flags pain (the knee,
    3/10 sore), two days before Friday's tempo; Thursday's is clear (2/10). Read on Thursday."""
    w = Week(
        "a masters runner with a knee pain flag two days before a tempo run",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, True, (0, 3), leg_time=t("07:00")),
        d(3),
    )
    _weeks(
        w,
        6,
        {0: ("07:00", 45, 6, RUNNERS), 3: ("07:00", 40, 6, RUNNERS)},
        {1: ("run", 40, 4, "18:00"), 4: ("run", 40, 7, "18:00"), 6: ("run", 75, 5, "08:00")},
        until=2,
    )
    w.checkins = [CheckIn(d(1), 2, 7.0), CheckIn(d(2), 3, 7.0, pain=True), CheckIn(d(3), 2, 7.5)]
    return w


def hybrid_back_to_back() -> Week:
    """An advanced hybrid athlete (Hyrox in five weeks): heavy squats Monday evening, deadlifts Tuesday
    evening, the long run Wednesday morning, a row Thursday, intervals Saturday. Read on Tuesday, Monday's
    squats logged (9/10), 4/10 sore."""
    w = Week(
        "a hybrid athlete with two leg days back to back and a long run after",
        Profile(Goal.HYBRID, Level.ADVANCED, False, (0, 1), d(37), leg_time=t("17:30")),
        d(1),
    )
    _weeks(
        w,
        6,
        {0: ("17:30", 75, 9, SQUATS), 1: ("17:30", 70, 8, PULLS)},
        {
            2: ("run", 90, 5, "07:00"),
            3: ("row", 40, 5, "07:00"),
            5: ("run", 50, 8, "09:00"),
            6: ("run", 40, 3, "09:00"),
        },
        until=1,
    )
    w.checkins = [CheckIn(d(1), 4, 7.5, regions=(("quads", 4), ("glutes", 3)))]
    return w


def cyclist_after_illness() -> Week:
    """A cyclist (endurance, intermediate; rides, walks and swims, no running) with legs on Tuesday
    evenings: six usual weeks, then three weeks of nothing (an illness). Wednesday's check-in, the first
    thing logged in 21 days, says 6/10 sore. Read on Wednesday."""
    w = Week(
        "a cyclist back from a three-week illness, 6/10 sore",
        Profile(
            Goal.ENDURANCE,
            Level.INTERMEDIATE,
            False,
            (1,),
            modalities=("bike", "walk", "swim"),
        ),
        d(2),
    )
    usual_weeks(
        w,
        d(-21),
        6,
        {1: ("18:00", 45, 7, CYCLISTS)},
        {
            0: ("bike", 45, 3, "18:00"),
            2: ("bike", 60, 5, "18:00"),
            3: ("bike", 45, 8, "18:00"),
            5: ("bike", 150, 5, "09:00"),
        },
        until=1,
    )
    w.checkins = [CheckIn(d(2), 6, 7.0)]
    return w


def walker_very_sore() -> Week:
    """A lifter (strength, intermediate) whose only cardio is walking (the profile lists walk alone):
    legs Monday and Thursday evenings, walks most days. Monday's session was new and hamstring-heavy
    (Nordic curls for the first time, 9/10). Thursday morning, the leg day: 9/10 sore, hamstrings 9.
    Read on Thursday."""
    w = Week(
        "a lifter who only walks, 9/10 sore on a leg day",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3), modalities=("walk",)),
        d(3),
    )
    _weeks(
        w,
        5,
        {0: ("18:00", 60, 8, LIFTERS), 3: ("18:00", 60, 8, LIFTERS)},
        {1: ("walk", 45, 3, "12:30"), 2: ("walk", 45, 3, "12:30"), 5: ("walk", 90, 3, "10:00")},
        until=0,
    )
    w.legs.append(LegSession(d(0), t("18:00"), 70, 9, HAMSTRINGS))
    w.cardio += [
        CardioSession(d(1), "walk", 40, 3, t("12:30")),
        CardioSession(d(2), "walk", 30, 3, t("12:30")),
    ]
    w.checkins = [
        CheckIn(d(1), 6, 7.0, regions=(("hamstrings", 6),)),
        CheckIn(d(2), 8, 6.5, regions=(("hamstrings", 8),)),
        CheckIn(d(3), 9, 6.0, regions=(("hamstrings", 9), ("glutes", 5))),
    ]
    return w


def half_on_saturday() -> Week:
    """A club runner (endurance, intermediate) racing a half marathon on Saturday: legs Monday and
    Thursday evenings, intervals Tuesday, an easy run Wednesday, the long run Sunday. Monday's legs and
    Tuesday's short intervals logged. Read on Wednesday (2/10 sore)."""
    w = Week(
        "a runner whose half marathon is on Saturday, with Thursday a leg day",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, False, (0, 3), d(5)),
        d(2),
    )
    _weeks(
        w,
        6,
        {0: ("18:00", 45, 6, RUNNERS), 3: ("18:00", 45, 6, RUNNERS)},
        {
            1: ("run", 50, 8, "18:00"),
            2: ("run", 45, 4, "18:00"),
            4: ("run", 30, 3, "07:00"),
            6: ("run", 100, 5, "08:00"),
        },
        until=2,
    )
    w.checkins = [CheckIn(d(1), 2, 8.0), CheckIn(d(2), 2, 8.0)]
    return w


def late_legs_early_run() -> Week:
    """General fitness, intermediate: legs Tuesday at 22:00 (after the children are in bed), a run at
    06:00 the next morning, a longer one Saturday. This week's Tuesday legs (9/10) and Wednesday's
    06:00 run (35 min at 7/10, harder than usual) are logged. Read on Wednesday (5/10 sore)."""
    w = Week(
        "late-night legs, then an early run the next morning",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (1, 4), leg_time=t("22:00")),
        d(2),
    )
    _weeks(
        w,
        5,
        {1: ("22:00", 60, 8, LIFTERS), 4: ("22:00", 60, 8, LIFTERS)},
        {2: ("run", 35, 5, "06:00"), 5: ("run", 60, 5, "09:00")},
        until=2,
    )
    w.legs = [s for s in w.legs if s.date != d(1)]
    w.legs.append(LegSession(d(1), t("22:00"), 60, 9, LIFTERS))
    w.cardio.append(CardioSession(d(2), "run", 35, 7, t("06:00")))
    w.checkins = [CheckIn(d(1), 1, 7.0), CheckIn(d(2), 5, 6.0)]
    return w


WEEKS = {
    "masters_knee": masters_knee,
    "hybrid_b2b": hybrid_back_to_back,
    "cyclist_ill": cyclist_after_illness,
    "walker_sore": walker_very_sore,
    "half_saturday": half_on_saturday,
    "late_early": late_legs_early_run,
}


if __name__ == "__main__":
    write_weeks(WEEKS, "review5-weeks")
