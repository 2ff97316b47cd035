"""Six more weeks for a coach's read (the fourth read: kinds none of the earlier ones covered). Who the
person is, what they logged, and the day the plan is read on; ``test_review3_weeks.py`` holds each to what
the read found. To read one yourself:

    python -m tests.core.review3_weeks /tmp/review3        # writes /tmp/review3/<name>, prints commands
    legday plan --date 2027-06-09 --data-dir /tmp/review3/marathon_unlogged

Dates are fixed (June 2027; BASE is a Monday), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, Goal, LegSession, Level, Profile
from tests.core.coach_weeks import Week, ex, t, usual_weeks, write_weeks

BASE = dt.date(2027, 6, 7)  # a Monday
DAY = dt.timedelta(days=1)


def d(offset: int) -> dt.date:
    return BASE + offset * DAY


RUNNERS = (ex("romanian deadlift 3x8@70kg"), ex("reverse lunge 3x10@16kg"), ex("step-up 3x10@16kg"))
SQUATS = (ex("back squat 5x3@180kg"), ex("pause squat 3x3@150kg"), ex("leg press 3x10@200kg"))
PULLS = (ex("deadlift 5x2@220kg"), ex("romanian deadlift 3x6@140kg"), ex("leg curl 3x12@50kg"))
GOBLET = (ex("goblet squat 3x10@16kg"), ex("glute bridge 3x12"), ex("leg curl 2x12@20kg"))
CALVES = (ex("back squat 4x6@100kg"), ex("calf raise 4x15@80kg"), ex("box jump 4x5"))


def _weeks(w: Week, weeks: int, legs: dict[int, tuple], cardio: dict[int, tuple], until: int = 0) -> None:
    usual_weeks(w, BASE, weeks, legs, cardio, until)


def marathon_unlogged() -> Week:
    """A marathoner whose race was on Sunday (the event date in the profile) and who logged nothing since
    Friday: not the race, no check-in. Legs Tuesday and Friday mornings, long runs of 2-2.5 h on Sundays
    before the taper. Read on Wednesday, three days after the race."""
    w = Week(
        "a marathoner three days after a marathon that was never logged",
        Profile(Goal.ENDURANCE, Level.ADVANCED, False, (1, 4), d(-1), leg_time=t("07:00")),
        d(2),
    )
    usual_runs = {0: ("run", 45, 4, "18:00"), 2: ("run", 50, 8, "18:00"), 3: ("run", 45, 5, "18:00")}
    for week in range(6, 2, -1):  # the build-up, then the two weeks of the taper
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon + DAY, t("07:00"), 45, 6, RUNNERS),
            LegSession(mon + 4 * DAY, t("07:00"), 40, 6, RUNNERS),
        ]
        w.cardio += [
            CardioSession(mon + wd * DAY, m, mins, e, t(s)) for wd, (m, mins, e, s) in usual_runs.items()
        ]
        w.cardio.append(CardioSession(mon + 6 * DAY, "run", 120 + 10 * week, 5, t("08:00")))
    for week in (2, 1):
        mon = d(-7 * week)
        w.legs.append(LegSession(mon + DAY, t("07:00"), 30, 5, RUNNERS))
        w.cardio += [
            CardioSession(mon + wd * DAY, m, mins // week + 10, e, t(s))
            for wd, (m, mins, e, s) in usual_runs.items()
        ]
    w.cardio.append(CardioSession(d(-8), "run", 90, 5, t("08:00")))
    w.checkins = [CheckIn(d(-3), 2, 8.0)]
    return w


def beginner_three_leg_days() -> Week:
    """Six weeks into lifting (general fitness, beginner): goblet squats Monday, Wednesday and Friday
    evenings, a walk or an easy ride between. Read on Monday."""
    w = Week(
        "a beginner with three leg days",
        Profile(Goal.GENERAL, Level.BEGINNER, False, (0, 2, 4)),
        d(0),
    )
    _weeks(
        w,
        5,
        {0: ("18:00", 40, 6, GOBLET), 2: ("18:00", 40, 6, GOBLET), 4: ("18:00", 40, 6, GOBLET)},
        {1: ("bike", 25, 4, "18:00"), 3: ("walk", 40, 3, "18:00"), 5: ("bike", 30, 4, "10:00")},
    )
    w.checkins = [CheckIn(d(0), 3, 7.5)]
    return w


def powerlifting_meet() -> Week:
    """A powerlifter with a meet on Saturday (the event date): heavy squats Mondays, pulls Thursdays, a
    short spin after each and intervals on the bike on Wednesdays. Read on Monday of meet week."""
    w = Week(
        "a powerlifter in meet week",
        Profile(Goal.STRENGTH, Level.ADVANCED, False, (0, 3), d(5)),
        d(0),
    )
    _weeks(
        w,
        5,
        {0: ("18:00", 90, 9, SQUATS), 3: ("18:00", 80, 8, PULLS)},
        {2: ("bike", 30, 8, "18:00"), 5: ("walk", 45, 2, "10:00")},
    )
    w.checkins = [CheckIn(d(0), 2, 8.0)]
    return w


def walker_only() -> Week:
    """Logs only walks (an hour most days at 3/10) and legs Tuesday and Friday (general fitness,
    intermediate). Read on Wednesday, legs fine."""
    w = Week(
        "someone who logs only walks",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (1, 4)),
        d(2),
    )
    _weeks(
        w,
        5,
        {1: ("18:00", 50, 7, SQUATS), 4: ("18:00", 50, 7, PULLS)},
        {
            0: ("walk", 60, 3, "07:00"),
            2: ("walk", 60, 3, "07:00"),
            3: ("walk", 45, 3, "07:00"),
            6: ("walk", 90, 3, "10:00"),
        },
        until=2,
    )
    w.checkins = [CheckIn(d(2), 2, 8.0)]
    return w


def sore_calves() -> Week:
    """Calf raises and box jumps in every leg session (Monday and Thursday, general fitness); the calves
    sore (7/10) on Tuesday and again on Thursday morning, the rest fine. Read on Thursday."""
    w = Week(
        "sore calves only, on a leg day",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(3),
    )
    _weeks(
        w,
        4,
        {0: ("18:00", 60, 7, CALVES), 3: ("18:00", 60, 7, CALVES)},
        {1: ("run", 35, 5, "07:00"), 5: ("run", 45, 5, "09:00")},
        until=3,
    )
    w.checkins = [
        CheckIn(d(1), 3, 7.5, regions=(("calves", 7),)),
        CheckIn(d(3), 3, 7.5, regions=(("calves", 7),)),
    ]
    return w


def sunday_start() -> Week:
    """A lifter whose week starts on Sunday in settings: legs Saturday and Monday (strength), runs on
    Wednesday and a hard ride on Sunday mornings. Read on Sunday."""
    w = Week(
        "a week that starts on Sunday, legs on Saturday and Monday",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 5), leg_time=t("10:00")),
        d(6),
        week_start=6,
    )
    _weeks(
        w,
        4,
        {0: ("10:00", 70, 8, SQUATS), 5: ("10:00", 60, 8, PULLS)},
        {2: ("run", 40, 5, "18:00"), 6: ("bike", 45, 8, "09:00")},
        until=6,
    )
    w.checkins = [CheckIn(d(6), 4, 7.0)]
    return w


WEEKS = {
    "marathon_unlogged": marathon_unlogged,
    "beginner_three": beginner_three_leg_days,
    "meet_week": powerlifting_meet,
    "walker": walker_only,
    "sore_calves": sore_calves,
    "sunday_start": sunday_start,
}


if __name__ == "__main__":
    write_weeks(WEEKS, "review3-weeks")
