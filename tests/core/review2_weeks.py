"""Eighteen more weeks for a coach's read of planner v3 (the third read: weeks neither earlier reader
wrote). Who the person is, what they logged, and the day the plan is read on; ``test_review2_weeks.py``
holds each to what the read found. To read one yourself:

    python -m tests.core.review2_weeks /tmp/review2        # writes /tmp/review2/<name>, prints commands
    legday plan --date 2027-05-04 --data-dir /tmp/review2/returning_knee

Dates are fixed (May 2027; BASE is a Monday), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt

from legday.core.model import CardioSession, CheckIn, Goal, LegSession, Level, Profile
from tests.core.coach_weeks import Week, ex, t, usual_weeks, write_weeks

BASE = dt.date(2027, 5, 3)  # a Monday
DAY = dt.timedelta(days=1)


def d(offset: int) -> dt.date:
    return BASE + offset * DAY


SQUATS = (ex("back squat 4x6@100kg"), ex("romanian deadlift 3x8@80kg"), ex("leg press 3x12@160kg"))
HINGE = (ex("deadlift 3x5@140kg"), ex("bulgarian split squat 3x8@20kg"), ex("leg curl 3x12@40kg"))
EXPLOSIVE = (ex("power clean 5x3@80kg"), ex("box jump 4x5"), ex("front squat 4x4@100kg"))
KNEE_FRIENDLY = (ex("box squat 3x8@60kg"), ex("hip thrust 3x10@80kg"), ex("leg curl 3x12@30kg"))


def _weeks(w: Week, weeks: int, legs: dict[int, tuple], cardio: dict[int, tuple], until: int = 0) -> None:
    usual_weeks(w, BASE, weeks, legs, cardio, until)


def returning_runner_with_knee_history() -> Week:
    """45, a runner again after three weeks off (a sore knee, now fine), with a history of knee trouble:
    legs Monday and Thursday evenings, runs Tuesday, Wednesday, Saturday before the break. Back on
    Monday with legs; read on Tuesday, knee fine, legs a bit sore."""
    w = Week(
        "a 45-year-old runner back from three weeks off, knee history",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, True, (0, 3)),
        d(1),
    )
    usual_legs = {0: ("18:00", 45, 6, KNEE_FRIENDLY), 3: ("18:00", 45, 6, KNEE_FRIENDLY)}
    usual_runs = {1: ("run", 40, 5, "07:00"), 2: ("run", 35, 7, "18:00"), 5: ("run", 70, 5, "08:00")}
    for week in range(7, 3, -1):  # the weeks before the break, then three weeks of nothing
        mon = d(-7 * week)
        for wd, (start, minutes, effort, exercises) in usual_legs.items():
            w.legs.append(LegSession(mon + wd * DAY, t(start), minutes, effort, exercises))
        for wd, (modality, minutes, effort, start) in usual_runs.items():
            w.cardio.append(CardioSession(mon + wd * DAY, modality, minutes, effort, t(start)))
    w.legs.append(LegSession(d(0), t("18:00"), 40, 6, KNEE_FRIENDLY))
    w.checkins = [CheckIn(d(1), 4, 7.0)]
    return w


def rower_power() -> Week:
    """An advanced rower with a power goal, who rows and does nothing else: cleans and box jumps on
    Tuesday noon. Read on Wednesday, legs fine (2/10)."""
    w = Week(
        "a rower (row only) with a power goal, the day after explosive legs",
        Profile(Goal.POWER, Level.ADVANCED, False, (1,), leg_time=t("12:00"), modalities=("row",)),
        d(2),
    )
    _weeks(
        w,
        5,
        {1: ("12:00", 60, 8, EXPLOSIVE)},
        {0: ("row", 40, 5, "07:00"), 3: ("row", 20, 8, "07:00"), 5: ("row", 60, 4, "09:00")},
        until=2,
    )
    w.checkins = [CheckIn(d(2), 2, 8.0)]
    return w


def shift_worker() -> Week:
    """Lifts at 06:00 before a shift and does cardio at 22:00 after it: legs Monday and Thursday,
    a bike or a run at 22:00 most days. Read on Monday."""
    w = Week(
        "a shift worker: legs at 06:00, cardio at 22:00",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3), leg_time=t("06:00")),
        d(0),
    )
    _weeks(
        w,
        5,
        {0: ("06:00", 60, 8, SQUATS), 3: ("06:00", 60, 8, HINGE)},
        {
            0: ("bike", 20, 3, "21:30"),
            1: ("run", 30, 5, "21:30"),
            3: ("bike", 20, 3, "21:30"),
            5: ("run", 40, 5, "21:30"),
        },
    )
    w.checkins = [CheckIn(d(0), 2, 6.5)]
    return w


def four_leg_days() -> Week:
    """A bodybuilder training legs four days a week (Monday, Tuesday, Thursday, Friday), size goal,
    walks on the weekend. Read on Monday."""
    w = Week(
        "four leg days a week",
        Profile(Goal.STRENGTH, Level.ADVANCED, False, (0, 1, 3, 4)),
        d(0),
    )
    quads = (ex("hack squat 4x10@120kg"), ex("leg extension 3x15@60kg"))
    hams = (ex("romanian deadlift 4x8@100kg"), ex("leg curl 4x12@45kg"))
    _weeks(
        w,
        5,
        {
            0: ("18:00", 60, 8, quads),
            1: ("18:00", 50, 7, hams),
            3: ("18:00", 60, 8, quads),
            4: ("18:00", 50, 7, hams),
        },
        {5: ("walk", 60, 2, "10:00"), 6: ("bike", 30, 4, "10:00")},
    )
    w.checkins = [CheckIn(d(0), 3, 7.5)]
    return w


def swim_and_yoga() -> Week:
    """Swims and does yoga, nothing else (no running, no bike): general fitness, legs Wednesday.
    Read on Thursday, 6/10 sore with sore quads."""
    w = Week(
        "someone who only swims and does yoga",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (2,), modalities=("swim", "yoga")),
        d(3),
    )
    _weeks(
        w,
        4,
        {2: ("18:00", 60, 7, SQUATS)},
        {0: ("swim", 40, 5, "07:00"), 4: ("swim", 45, 5, "07:00"), 6: ("yoga", 45, 2, "09:00")},
        until=3,
    )
    w.checkins = [CheckIn(d(3), 6, 7.5, regions=(("quads", 7), ("glutes", 5)))]
    return w


def lifter_no_cardio() -> Week:
    """A lifter who rates every morning and never logs cardio: legs Monday and Thursday (strength,
    advanced). Read on Wednesday."""
    w = Week(
        "a lifter who checks in but never logs cardio",
        Profile(Goal.STRENGTH, Level.ADVANCED, False, (0, 3)),
        d(2),
    )
    _weeks(w, 6, {0: ("18:00", 80, 9, SQUATS), 3: ("18:00", 70, 8, HINGE)}, {}, until=1)
    w.checkins = [
        CheckIn(d(n), s, 7.5) for n, s in zip(range(-13, 3), [2, 4, 3, 1, 2, 4, 3, 2, 5, 4, 2, 3, 4, 3, 5, 4])
    ]
    return w


def ten_and_pain() -> Week:
    """Thursday is a leg day; the morning check-in says 10/10 with pain (a fall down the stairs the
    evening before). Read on Thursday."""
    w = Week(
        "a check-in of 10/10 with pain on a leg day",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(3),
    )
    _weeks(
        w,
        4,
        {0: ("18:00", 60, 7, SQUATS), 3: ("18:00", 60, 7, HINGE)},
        {1: ("bike", 30, 4, "18:00"), 5: ("run", 40, 5, "09:00")},
        until=3,
    )
    w.checkins = [CheckIn(d(1), 3, 8.0), CheckIn(d(2), 2, 8.0), CheckIn(d(3), 10, 6.0, True)]
    return w


def sprinter_after_explosive() -> Week:
    """An advanced 100 m sprinter (power): Monday noon cleans and box jumps, sprints on Wednesdays and
    Saturdays. Read on Tuesday, 2/10 sore."""
    w = Week(
        "a sprinter the day after an explosive leg day",
        Profile(Goal.POWER, Level.ADVANCED, False, (0, 3), leg_time=t("12:00")),
        d(1),
    )
    _weeks(
        w,
        5,
        {0: ("12:00", 60, 8, EXPLOSIVE), 3: ("12:00", 50, 7, SQUATS)},
        {2: ("sprints", 25, 9, "17:00"), 5: ("sprints", 25, 9, "10:00"), 6: ("walk", 40, 2, "10:00")},
        until=1,
    )
    w.checkins = [CheckIn(d(1), 2, 8.0)]
    return w


def pound_user_event_on_leg_day() -> Week:
    """A general-fitness lifter in pounds with a 10K on Thursday, which is a usual leg day (Monday and
    Thursday). Read on Monday."""
    w = Week(
        "a pound user with a 10K on a leg day",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3), d(3), units="lb"),
        d(0),
    )
    lb = (ex("back squat 4x6@225lb"), ex("romanian deadlift 3x8@185lb"), ex("calf raise 3x15@90lb"))
    _weeks(
        w,
        4,
        {0: ("18:00", 60, 7, lb), 3: ("18:00", 60, 7, lb)},
        {1: ("run", 35, 5, "07:00"), 5: ("run", 50, 5, "09:00")},
    )
    w.checkins = [CheckIn(d(0), 2, 7.5)]
    return w


def marathon_after_legs() -> Week:
    """A marathon on Sunday, two days after the usual Friday leg day (runner's legs, Tuesday and
    Friday). Read on Friday."""
    w = Week(
        "a marathon two days after a leg day",
        Profile(Goal.ENDURANCE, Level.ADVANCED, False, (1, 4), d(6), leg_time=t("07:00")),
        d(4),
    )
    runners = (ex("romanian deadlift 3x8@70kg"), ex("reverse lunge 3x10@16kg"), ex("step-up 3x10@16kg"))
    _weeks(
        w,
        6,
        {1: ("07:00", 45, 6, runners), 4: ("07:00", 40, 6, runners)},
        {
            0: ("run", 45, 4, "18:00"),
            2: ("run", 50, 8, "18:00"),
            3: ("run", 45, 5, "18:00"),
            6: ("run", 150, 5, "08:00"),
        },
        until=4,
    )
    w.checkins = [CheckIn(d(3), 2, 8.0), CheckIn(d(4), 2, 8.0)]
    return w


def low_end_logger() -> Week:
    """Logs what legday suggests, but always at the low end of the effort range (an easy 3-4 logged as
    3, a moderate 4-5 as 4): general fitness, legs Monday and Thursday. The week before is filled from
    the plan itself (test_review2_weeks does it); read on Thursday."""
    w = Week(
        "someone who logs the suggestions at the low end of their range",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(3),
    )
    from legday.core.planner import plan_week

    _weeks(
        w,
        4,
        {0: ("18:00", 60, 7, SQUATS), 3: ("18:00", 60, 7, HINGE)},
        {1: ("elliptical", 30, 3, "18:00"), 2: ("run", 40, 4, "18:00"), 5: ("run", 40, 4, "18:00")},
    )
    w.checkins = [CheckIn(d(0), 2, 8.0)]
    # Monday to Wednesday as legday suggested them on Monday, each at the bottom of its range.
    plan = plan_week(w.profile, w.history, d(0))
    for day in plan.days[:3]:
        for s in day.sessions:
            if s.kind == "legs" and s.status == "planned":
                w.legs.append(LegSession(day.date, s.start.time(), s.minutes, s.effort[0], SQUATS))
            elif s.status == "suggested" and s.kind in ("cardio", "recovery") and s.effort:
                w.cardio.append(CardioSession(day.date, s.modality, s.minutes, s.effort[0], s.start.time()))
    w.checkins += [CheckIn(d(3), 2, 8.0)]
    return w


def hybrid_beginner() -> Week:
    """New to lifting, training for a first Hyrox (hybrid): legs Monday, Wednesday and Friday at 07:00,
    runs in the evenings. Read on Monday."""
    w = Week(
        "a hybrid beginner (G4 is not for beginners)",
        Profile(Goal.HYBRID, Level.BEGINNER, False, (0, 2, 4), leg_time=t("07:00")),
        d(0),
    )
    _weeks(
        w,
        3,
        {0: ("07:00", 45, 6, SQUATS), 2: ("07:00", 45, 6, HINGE), 4: ("07:00", 45, 6, SQUATS)},
        {1: ("run", 30, 5, "18:00"), 3: ("run", 30, 6, "18:00"), 5: ("run", 40, 4, "09:00")},
    )
    w.checkins = [CheckIn(d(0), 2, 8.0)]
    return w


def wednesday_start() -> Week:
    """A lifter whose week starts on Wednesday: legs Tuesday and Friday (strength). Read on Thursday."""
    w = Week(
        "a week that starts on Wednesday",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (1, 4)),
        d(3),
        week_start=2,
    )
    _weeks(
        w,
        4,
        {1: ("18:00", 70, 8, SQUATS), 4: ("18:00", 60, 7, HINGE)},
        {0: ("bike", 40, 5, "18:00"), 3: ("bike", 30, 4, "18:00"), 6: ("run", 35, 5, "10:00")},
        until=3,
    )
    w.checkins = [CheckIn(d(2), 5, 7.5), CheckIn(d(3), 3, 8.0)]
    return w


def weekend_legs() -> Week:
    """Legs on Saturday and Sunday mornings (general fitness), cardio in the week. Read on Friday."""
    w = Week(
        "leg days on Saturday and Sunday",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (5, 6), leg_time=t("09:00")),
        d(4),
    )
    _weeks(
        w,
        4,
        {5: ("09:00", 60, 8, SQUATS), 6: ("09:00", 50, 7, HINGE)},
        {1: ("run", 40, 5, "18:00"), 2: ("bike", 30, 4, "18:00"), 3: ("run", 35, 6, "18:00")},
        until=4,
    )
    w.checkins = [CheckIn(d(4), 1, 8.0)]
    return w


def sunday_hiker() -> Week:
    """Hikes five hours every Sunday (effort 5), legs Tuesday and Friday (general fitness). Read on
    Monday, the morning after."""
    w = Week(
        "a hiker doing 5 h on Sundays",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (1, 4)),
        d(0),
    )
    _weeks(
        w,
        5,
        {1: ("18:00", 60, 7, SQUATS), 4: ("18:00", 60, 7, HINGE)},
        {6: ("hike", 300, 5, "08:00"), 2: ("bike", 30, 4, "18:00")},
    )
    w.checkins = [CheckIn(d(0), 4, 7.5)]
    return w


def night_lifter_morning_rider() -> Week:
    """Lifts at 21:30 on Mondays (heavy squats), rides at 06:00 on Tuesdays and Thursdays and
    Saturdays (strength). Read on Tuesday."""
    w = Week(
        "a night lifter who rides at 06:00 the next morning",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3), leg_time=t("21:30")),
        d(1),
    )
    _weeks(
        w,
        4,
        {0: ("21:30", 60, 9, SQUATS), 3: ("21:30", 60, 8, HINGE)},
        {1: ("bike", 45, 5, "06:00"), 4: ("bike", 45, 7, "06:00"), 5: ("bike", 60, 5, "06:00")},
        until=1,
    )
    w.checkins = [CheckIn(d(1), 5, 5.5)]
    return w


def gran_fondo_cyclist() -> Week:
    """An endurance cyclist (bike only) who rode a gran fondo on Sunday (4 h at 7/10, the event date):
    legs Wednesdays. Read on Monday."""
    w = Week(
        "a cyclist the day after a gran fondo",
        Profile(Goal.ENDURANCE, Level.ADVANCED, False, (2,), d(-1), modalities=("bike",)),
        d(0),
    )
    _weeks(
        w,
        5,
        {2: ("18:00", 45, 7, SQUATS)},
        {1: ("bike", 60, 7, "18:00"), 3: ("bike", 75, 5, "18:00"), 5: ("bike", 150, 5, "08:00")},
    )
    w.cardio = [c for c in w.cardio if c.date != d(-2)]
    w.cardio.append(CardioSession(d(-1), "bike", 240, 7, t("07:00")))
    w.checkins = [CheckIn(d(0), 5, 7.0, regions=(("quads", 6),))]
    return w


def short_night_leg_day() -> Week:
    """A leg day after 4.5 h of sleep (a newborn at home): general fitness, legs Monday and Thursday.
    Read on Thursday."""
    w = Week(
        "a leg day after 4.5 h of sleep",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(3),
    )
    _weeks(
        w,
        4,
        {0: ("18:00", 60, 7, SQUATS), 3: ("18:00", 60, 7, HINGE)},
        {1: ("run", 35, 5, "07:00"), 5: ("bike", 45, 4, "09:00")},
        until=3,
    )
    w.checkins = [CheckIn(d(3), 2, 4.5)]
    return w


WEEKS = {
    "returning_knee": returning_runner_with_knee_history,
    "rower_power": rower_power,
    "shift_worker": shift_worker,
    "four_leg_days": four_leg_days,
    "swim_yoga": swim_and_yoga,
    "no_cardio": lifter_no_cardio,
    "ten_pain": ten_and_pain,
    "sprinter": sprinter_after_explosive,
    "lb_event": pound_user_event_on_leg_day,
    "marathon_legs": marathon_after_legs,
    "low_end": low_end_logger,
    "hybrid_beginner": hybrid_beginner,
    "wednesday": wednesday_start,
    "weekend_legs": weekend_legs,
    "hiker": sunday_hiker,
    "night_lifter": night_lifter_morning_rider,
    "gran_fondo": gran_fondo_cyclist,
    "short_night": short_night_leg_day,
}


if __name__ == "__main__":
    write_weeks(WEEKS, "review2-weeks")
