"""Sixteen more weeks for a coach's read of planner v3 (the second read: weeks nobody had read before).
Who the person is, what they logged, and the day the plan is read on; ``test_review_weeks.py`` holds
each to what the read found. To read one yourself:

    python -m tests.core.review_weeks /tmp/review        # writes /tmp/review/<name>, prints the commands
    legday plan --date 2027-03-01 --data-dir /tmp/review/half_before

Dates are fixed (March 2027; BASE is a Monday), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, Goal, LegSession, Level, Profile, Skip
from tests.core.coach_weeks import Week, ex, t, write_weeks

BASE = dt.date(2027, 3, 1)  # a Monday
DAY = dt.timedelta(days=1)


def d(offset: int) -> dt.date:
    return BASE + offset * DAY


RUNNERS_LEGS = (ex("romanian deadlift 3x8@70kg"), ex("reverse lunge 3x10@16kg"), ex("step-up 3x10@16kg"))
SQUATS = (ex("back squat 5x5@140kg"), ex("romanian deadlift 3x8@100kg"), ex("leg curl 3x12@45kg"))
PULLS = (ex("deadlift 5x3@200kg"), ex("front squat 3x5@110kg"), ex("leg press 3x10@220kg"))


def _runner_weeks(w: Week, weeks: int, leg_day: int = 1, long_day: int = 5) -> None:
    """A club runner's usual weeks before BASE: an easy run Mondays, legs on ``leg_day`` evenings,
    intervals Wednesdays, easy Thursdays, the long run on ``long_day``."""
    for week in range(weeks, 0, -1):
        mon = d(-7 * week)
        w.legs.append(LegSession(mon + leg_day * DAY, t("18:00"), 45, 6, RUNNERS_LEGS))
        w.cardio += [
            CardioSession(mon, "run", 40, 4, t("07:00")),
            CardioSession(mon + 2 * DAY, "run", 45, 8, t("18:00")),
            CardioSession(mon + 3 * DAY, "run", 40, 4, t("07:00")),
            CardioSession(mon + long_day * DAY, "run", 90 + 5 * (weeks - week), 5, t("08:00")),
        ]


def half_before() -> Week:
    """A club runner six days before a half marathon (Sunday). Legs Tuesdays, intervals Wednesdays,
    the long run Saturdays. Read on Monday."""
    w = Week(
        "a runner the week of a half marathon",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, False, (1,), d(6)),
        d(0),
    )
    _runner_weeks(w, 6)
    w.checkins = [CheckIn(d(0), 2, 7.5)]
    return w


def half_after() -> Week:
    """The same runner the day after the half (1 h 45 all out, logged). Read on Monday."""
    w = Week(
        "a runner the day after a half marathon",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, False, (1,), d(-1)),
        d(0),
    )
    _runner_weeks(w, 6)
    w.cardio = [c for c in w.cardio if c.date < d(-7)]
    w.legs = [s for s in w.legs if s.date < d(-7)]
    # Race week: a short taper, then the race.
    w.legs.append(LegSession(d(-6), t("18:00"), 30, 5, RUNNERS_LEGS))
    w.cardio += [
        CardioSession(d(-7), "run", 30, 4, t("07:00")),
        CardioSession(d(-5), "run", 30, 7, t("18:00")),
        CardioSession(d(-3), "run", 25, 4, t("07:00")),
        CardioSession(d(-1), "run", 105, 9, t("09:00")),
    ]
    w.checkins = [CheckIn(d(0), 6, 7.0, regions=(("quads", 7), ("calves", 6)))]
    return w


def triathlete() -> Week:
    """An advanced triathlete: swim, bike and run; legs Wednesday mornings. Read on Thursday."""
    w = Week(
        "a triathlete",
        Profile(
            Goal.ENDURANCE,
            Level.ADVANCED,
            False,
            (2,),
            leg_time=t("07:00"),
            modalities=("run", "bike", "swim"),
        ),
        d(3),
    )
    for week in range(5, -1, -1):
        mon = d(-7 * week)
        w.legs.append(LegSession(mon + 2 * DAY, t("07:00"), 45, 7, RUNNERS_LEGS))
        w.cardio += [
            CardioSession(mon, "swim", 45, 5, t("07:00")),
            CardioSession(mon + DAY, "bike", 60, 7, t("18:00")),
            CardioSession(mon + 2 * DAY, "run", 40, 4, t("18:00")),
            CardioSession(mon + 3 * DAY, "swim", 50, 6, t("07:00")),
            CardioSession(mon + 4 * DAY, "run", 45, 7, t("18:00")),
            CardioSession(mon + 5 * DAY, "bike", 150, 5, t("08:00")),
            CardioSession(mon + 6 * DAY, "run", 80, 5, t("08:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(3), 3, 7.5)]
    return w


def powerlifter_deload() -> Week:
    """A powerlifter in a planned deload week: Monday's squats at 60 % (logged), Thursday's pulls to
    come. Read on Tuesday."""
    w = Week(
        "a powerlifter in a deload week",
        Profile(Goal.STRENGTH, Level.ADVANCED, False, (0, 3)),
        d(1),
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 90, 9, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 80, 8, PULLS),
        ]
        w.cardio += [
            CardioSession(mon, "bike", 15, 3, t("19:40")),
            CardioSession(mon + 5 * DAY, "walk", 45, 2, t("10:00")),
        ]
    w.legs.append(
        LegSession(
            d(0),
            t("18:00"),
            50,
            5,
            (ex("back squat 3x5@85kg"), ex("romanian deadlift 2x8@60kg"), ex("leg curl 2x12@30kg")),
        )
    )
    w.checkins = [CheckIn(d(1), 1, 8.0)]
    return w


def crossfit() -> Week:
    """An advanced CrossFit athlete (hybrid): two leg days (Monday and Thursday, 06:00), metcons on
    Tuesdays and Fridays, a run on Saturdays. Read on Monday."""
    w = Week(
        "a CrossFit athlete with two leg days",
        Profile(Goal.HYBRID, Level.ADVANCED, False, (0, 3), leg_time=t("06:00")),
        d(0),
    )
    for week in range(5, 0, -1):
        mon = d(-7 * week)
        kit = (ex("back squat 5x5@120kg"), ex("box jump 4x10"), ex("walking lunge 3x20@20kg"))
        w.legs += [
            LegSession(mon, t("06:00"), 60, 8, kit),
            LegSession(mon + 3 * DAY, t("06:00"), 60, 8, (ex("deadlift 5x3@170kg"), ex("wall ball 4x20"))),
        ]
        w.cardio += [
            CardioSession(mon + DAY, "crossfit", 30, 8, t("06:00")),
            CardioSession(mon + 4 * DAY, "crossfit", 30, 8, t("06:00")),
            CardioSession(mon + 5 * DAY, "run", 50, 5, t("09:00")),
        ]
    return w


def walker() -> Week:
    """A beginner (general fitness) who walks, and only walks: goblet squats on Tuesdays and Fridays.
    Read on Monday."""
    w = Week(
        "a beginner who only walks",
        Profile(Goal.GENERAL, Level.BEGINNER, False, (1, 4), leg_time=t("12:30"), modalities=("walk",)),
        d(0),
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        kit = (ex("goblet squat 3x10@8kg"), ex("glute bridge 3x12"))
        w.legs += [
            LegSession(mon + DAY, t("12:30"), 30, 5, kit),
            LegSession(mon + 4 * DAY, t("12:30"), 30, 5, kit),
        ]
        for k in (0, 2, 3, 5, 6):
            w.cardio.append(CardioSession(mon + k * DAY, "walk", 40, 3, t("08:00")))
    return w


def cyclist() -> Week:
    """A strength-goal lifter whose only cardio is the bike. Legs Monday and Thursday. Read on Tuesday,
    the day after a hard squat session."""
    w = Week(
        "a cyclist with a strength goal",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3), modalities=("bike",)),
        d(1),
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 75, 8, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 70, 8, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + 2 * DAY, "bike", 60, 6, t("07:00")),
            CardioSession(mon + 5 * DAY, "bike", 90, 5, t("09:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(1), 5, 7.0)]
    return w


def pain_clears() -> Week:
    """Pain flagged Tuesday (a tweaked knee), no check-in Wednesday, a clean check-in Thursday, a leg
    day. Read on Thursday."""
    w = Week(
        "a pain flag that clears mid-week",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(3),
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 7, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + DAY, "run", 30, 5, t("07:00")),
            CardioSession(mon + 5 * DAY, "run", 45, 5, t("09:00")),
        ]
    w.legs = [s for s in w.legs if s.date < d(1)]
    w.cardio = [c for c in w.cardio if c.date < d(1)]
    w.checkins = [CheckIn(d(1), 4, 7.0, pain=True), CheckIn(d(3), 2, 7.5)]
    return w


def skipper() -> Week:
    """Lifts Mondays and Thursdays, skips every cardio suggestion (logged as skipped). Read on Monday."""
    from legday.core.planner import plan_week

    w = Week(
        "someone who skips every suggestion", Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)), d(0)
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 7, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 60, 7, PULLS),
        ]
    # Each day, as that day's plan had it: its suggestion, skipped.
    for n in range(21, 0, -1):
        day = d(-n)
        plan = plan_week(w.profile, w.history, day)
        for s in plan.day(day).sessions:
            if s.status == "suggested" and s.kind in ("cardio", "recovery") and s.modality:
                w.skips.append(Skip(day, s.modality))
    return w


def early_and_late() -> Week:
    """A run at 06:00 and legs at 21:00 on the same Wednesday (strength goal). Read on Wednesday night,
    both logged."""
    w = Week(
        "cardio at 06:00, legs at 21:00",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (2, 5), leg_time=t("21:00")),
        d(2),
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon + 2 * DAY, t("21:00"), 60, 8, SQUATS),
            LegSession(mon + 5 * DAY, t("10:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + 2 * DAY, "run", 40, 5, t("06:00")),
            CardioSession(mon + 4 * DAY, "bike", 40, 5, t("07:00")),
        ]
    w.legs = [s for s in w.legs if s.date <= w.today]
    w.cardio = [c for c in w.cardio if c.date <= w.today]
    w.checkins = [CheckIn(d(2), 2, 7.0)]
    return w


def consecutive() -> Week:
    """Leg days on Monday and Tuesday (quads, then hinges). Read on Monday."""
    w = Week(
        "leg days on consecutive days",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 1)),
        d(0),
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 8, (ex("back squat 5x5@110kg"), ex("leg press 3x12@180kg"))),
            LegSession(
                mon + DAY, t("18:00"), 55, 7, (ex("romanian deadlift 4x8@90kg"), ex("calf raise 4x15"))
            ),
        ]
        w.cardio += [
            CardioSession(mon + 3 * DAY, "run", 35, 6, t("07:00")),
            CardioSession(mon + 5 * DAY, "bike", 60, 5, t("09:00")),
        ]
    return w


def saturday_start() -> Week:
    """A lifter whose week starts on Saturday: legs Fridays and Tuesdays. Read on Saturday."""
    w = Week(
        "a week that starts on Saturday",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (1, 4)),
        d(5),
        week_start=5,
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon + DAY, t("18:00"), 70, 8, SQUATS),
            LegSession(mon + 4 * DAY, t("18:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + 3 * DAY, "row", 30, 6, t("07:00")),
            CardioSession(mon + 6 * DAY, "run", 45, 5, t("09:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(5), 5, 7.0)]
    return w


def sore_nine_twice() -> Week:
    """A new programme on Monday, and 9/10 sore on Tuesday and Wednesday. Legs Mondays and Thursdays.
    Read on Wednesday."""
    w = Week(
        "9/10 sore two days running",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(2),
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 50, 6, (ex("leg press 4x10@150kg"), ex("leg curl 3x12@40kg"))),
            LegSession(mon + 3 * DAY, t("18:00"), 50, 6, (ex("leg press 4x10@150kg"), ex("calf raise 3x15"))),
        ]
        w.cardio.append(CardioSession(mon + 5 * DAY, "bike", 45, 5, t("09:00")))
    w.legs.append(
        LegSession(
            d(0),
            t("18:00"),
            80,
            9,
            (ex("back squat 5x8@90kg"), ex("walking lunge 4x20@20kg"), ex("nordic curl 4x6")),
        )
    )
    w.checkins = [CheckIn(d(1), 9, 6.5), CheckIn(d(2), 9, 7.0)]
    return w


def event_tomorrow() -> Week:
    """A 10K tomorrow (Tuesday) for a general-fitness lifter whose leg day is Monday. Read on Monday."""
    w = Week(
        "an event tomorrow",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3), d(1)),
        d(0),
    )
    for week in range(4, 0, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 7, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + 2 * DAY, "run", 40, 6, t("07:00")),
            CardioSession(mon + 5 * DAY, "run", 55, 5, t("09:00")),
        ]
    return w


def injury_prone_advanced_runner() -> Week:
    """An advanced runner with a history of shin splints; legs Tuesday and Friday. Read on Wednesday."""
    w = Week(
        "an injury-prone advanced runner",
        Profile(Goal.ENDURANCE, Level.ADVANCED, True, (1, 4)),
        d(2),
    )
    for week in range(5, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon + DAY, t("18:00"), 50, 7, RUNNERS_LEGS),
            LegSession(mon + 4 * DAY, t("18:00"), 45, 6, (ex("hip thrust 4x8@100kg"), ex("box jump 3x5"))),
        ]
        w.cardio += [
            CardioSession(mon, "run", 50, 5, t("07:00")),
            CardioSession(mon + 2 * DAY, "run", 45, 8, t("18:00")),
            CardioSession(mon + 3 * DAY, "swim", 40, 4, t("07:00")),
            CardioSession(mon + 6 * DAY, "run", 100, 5, t("08:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(2), 3, 8.0)]
    return w


def layoff_then_huge() -> Week:
    """Six weeks of training, three weeks of nothing, then a huge leg session on Monday (two hours at
    10/10). Read on Tuesday."""
    w = Week(
        "three weeks off, then a huge leg session",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3)),
        d(1),
    )
    for week in range(9, 3, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 8, SQUATS),
            LegSession(mon + 3 * DAY, t("18:00"), 60, 7, PULLS),
        ]
        w.cardio.append(CardioSession(mon + 5 * DAY, "bike", 40, 5, t("09:00")))
    w.legs.append(LegSession(d(0), t("18:00"), 120, 10, (*SQUATS, *PULLS)))
    w.checkins = [CheckIn(d(1), 7, 6.0)]
    return w


def power_after_explosive() -> Week:
    """A power athlete (a jumper): cleans and box jumps Monday noon. Read on Tuesday, legs fine."""
    w = Week(
        "a power athlete the day after explosive legs",
        Profile(Goal.POWER, Level.ADVANCED, False, (0, 3), leg_time=t("12:00")),
        d(1),
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs += [
            LegSession(mon, t("12:00"), 60, 8, (ex("power clean 5x3@90kg"), ex("box jump 5x4"))),
            LegSession(mon + 3 * DAY, t("12:00"), 60, 8, (ex("back squat 5x3@150kg"), ex("broad jump 4x4"))),
        ]
        w.cardio += [
            CardioSession(mon + DAY, "sprints", 20, 8, t("12:30")),
            CardioSession(mon + 5 * DAY, "bike", 40, 4, t("09:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(1), 2, 8.0)]
    return w


def late_lifter_runner() -> Week:
    """A runner who lifts late (Monday 21:30-22:30); intervals the next day. Read on Tuesday."""
    w = Week(
        "a runner who lifts late",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, False, (0,), leg_time=t("21:30")),
        d(1),
    )
    for week in range(4, -1, -1):
        mon = d(-7 * week)
        w.legs.append(LegSession(mon, t("21:30"), 60, 7, RUNNERS_LEGS))
        w.cardio += [
            CardioSession(mon + 2 * DAY, "run", 40, 5, t("18:00")),
            CardioSession(mon + 4 * DAY, "run", 40, 7, t("18:00")),
            CardioSession(mon + 6 * DAY, "run", 90, 5, t("09:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(1), 2, 8.0)]
    return w


WEEKS = {
    "half_before": half_before,
    "half_after": half_after,
    "triathlete": triathlete,
    "deload": powerlifter_deload,
    "crossfit": crossfit,
    "walker": walker,
    "cyclist": cyclist,
    "pain_clears": pain_clears,
    "skipper": skipper,
    "early_late": early_and_late,
    "consecutive": consecutive,
    "saturday": saturday_start,
    "sore9": sore_nine_twice,
    "event_tomorrow": event_tomorrow,
    "injury_advanced": injury_prone_advanced_runner,
    "layoff_huge": layoff_then_huge,
    "power_explosive": power_after_explosive,
    "late_lifter": late_lifter_runner,
}


if __name__ == "__main__":
    write_weeks(WEEKS, "review-weeks")
