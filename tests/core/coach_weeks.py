"""Ten weeks written for a coach's read of planner v3 (issue 14): who the person is, what they logged,
and the day the plan is read on. ``test_coach_weeks.py`` holds each to what the read found; to read one
yourself, write it to a folder and ask the command line:

    python -m tests.core.coach_weeks /tmp/coach        # writes /tmp/coach/<name>, prints the commands
    legday plan --date 2026-12-03 --data-dir /tmp/coach/marathoner

Dates are fixed (December 2026), so the weeks read the same on any day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from legday.core.model import (
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    History,
    LegSession,
    Level,
    Profile,
    Skip,
)

BASE = dt.date(2026, 12, 3)  # a Thursday


def d(offset: int) -> dt.date:
    return BASE + dt.timedelta(days=offset)


def t(text: str) -> dt.time:
    return dt.time.fromisoformat(text)


def ex(text: str) -> Exercise:
    from legday.core.parse import parse_exercise

    return parse_exercise(text)


@dataclass
class Week:
    who: str
    profile: Profile
    today: dt.date
    legs: list[LegSession] = field(default_factory=list)
    cardio: list[CardioSession] = field(default_factory=list)
    checkins: list[CheckIn] = field(default_factory=list)
    week_start: int = 0
    skips: list[Skip] = field(default_factory=list)

    @property
    def history(self) -> History:
        return History(
            tuple(sorted(self.legs, key=lambda s: (s.date, s.start))),
            tuple(sorted(self.cardio, key=lambda s: s.date)),
            tuple(sorted(self.checkins, key=lambda c: c.date)),
            tuple(sorted(self.skips, key=lambda s: s.date)),
        )


RUNNERS_LEGS = (ex("romanian deadlift 3x8@70kg"), ex("reverse lunge 3x10@16kg"), ex("step-up 3x10@16kg"))
SQUATS = (ex("back squat 5x3@180kg"), ex("pause squat 3x3@150kg"), ex("leg press 3x10@200kg"))
PULLS = (ex("deadlift 5x2@220kg"), ex("romanian deadlift 3x6@140kg"), ex("leg curl 3x12@50kg"))


def marathoner() -> Week:
    """Ten days before a marathon, the taper under way. Legs Tuesday and Friday mornings (a runner's
    leg day), intervals on Wednesdays, the long run on Sundays (120-150 minutes)."""
    w = Week(
        "a marathoner ten days out",
        Profile(Goal.ENDURANCE, Level.ADVANCED, False, (1, 4), d(10), leg_time=t("07:00")),
        d(0),
    )
    for week in range(6, 0, -1):
        mon = d(-3 - 7 * (week - 1))  # Mondays: Nov 30, Nov 23, ...
        w.legs += [LegSession(mon + dt.timedelta(1), t("07:00"), 45, 6, RUNNERS_LEGS)]
        w.legs += [LegSession(mon + dt.timedelta(4), t("07:00"), 40, 6, RUNNERS_LEGS)]
        w.cardio += [
            CardioSession(mon + dt.timedelta(2), "run", 45, 8, t("18:00")),
            CardioSession(mon + dt.timedelta(3), "run", 50, 5, t("18:00")),
            CardioSession(mon + dt.timedelta(5), "run", 40, 4, t("09:00")),
            CardioSession(mon + dt.timedelta(6), "run", 120 + 5 * week, 5, t("08:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(-1), 3, 7.5), CheckIn(d(0), 2, 8.0)]
    return w


def powerlifter() -> Week:
    """A meet on Saturday; heavy squats Mondays, pulls Thursdays; a short spin after legs."""
    w = Week(
        "a powerlifter five days before a meet",
        Profile(Goal.STRENGTH, Level.ADVANCED, False, (0, 3), d(2)),
        d(-3),
    )
    for week in range(5, 0, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 90, 9, SQUATS),
            LegSession(mon + dt.timedelta(3), t("18:00"), 80, 8, PULLS),
        ]
        w.cardio += [
            CardioSession(mon, "bike", 15, 3, t("19:40")),
            CardioSession(mon + dt.timedelta(5), "walk", 45, 2),
        ]
    w.checkins = [CheckIn(d(-3), 2, 8.0)]
    return w


def footballer() -> Week:
    """Saturday's match (90 minutes), training Tuesday and Thursday evenings, a gym leg session on
    Mondays at noon. Read on Sunday, sore after the match."""
    w = Week(
        "a footballer the day after a match",
        Profile(
            Goal.POWER,
            Level.INTERMEDIATE,
            False,
            (0,),
            leg_time=t("12:00"),
            modalities=("run", "bike", "swim", "walk"),
        ),
        d(3),
    )
    for week in range(4, -1, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(
                mon,
                t("12:00"),
                50,
                7,
                (ex("power clean 5x3@60kg"), ex("box jump 4x5"), ex("bulgarian split squat 3x8@20kg")),
            )
        ]
        w.cardio += [
            CardioSession(mon + dt.timedelta(1), "football", 75, 6, t("19:00")),
            CardioSession(mon + dt.timedelta(3), "football", 75, 6, t("19:00")),
            CardioSession(mon + dt.timedelta(5), "football", 90, 8, t("15:00")),
        ]
    w.checkins = [CheckIn(d(3), 6, 7.0, regions=(("hamstrings", 6), ("calves", 5)))]
    return w


def sixty_year_old_beginner() -> Week:
    """New to lifting at 60: machines and goblet squats on Tuesdays and Fridays, walks and an easy
    bike; short nights."""
    w = Week(
        "a 60-year-old beginner",
        Profile(
            Goal.GENERAL,
            Level.BEGINNER,
            False,
            (1, 4),
            leg_time=t("10:00"),
            modalities=("bike", "walk", "swim"),
        ),
        d(-1),
    )
    kit = (ex("goblet squat 3x10@12kg"), ex("leg press 3x12@60kg"), ex("step-up 2x8"))
    for week in range(3, -1, -1):
        tue = d(-2 - 7 * week)
        w.legs += [LegSession(tue, t("10:00"), 40, 5, kit)]
        if week:
            w.legs += [LegSession(tue + dt.timedelta(3), t("10:00"), 40, 5, kit)]
        w.cardio += [
            CardioSession(tue - dt.timedelta(1), "walk", 40, 3, t("09:00")),
            CardioSession(tue + dt.timedelta(1), "bike", 20, 3, t("10:00")),
        ]
    w.checkins = [CheckIn(d(-1), 5, 6.5, regions=(("quads", 6),))]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    return w


def hybrid() -> Week:
    """Training for a Hyrox in three weeks: legs Monday, Wednesday and Friday at 06:30, runs and a race
    simulation on Saturdays."""
    w = Week(
        "a hybrid athlete three weeks out",
        Profile(Goal.HYBRID, Level.ADVANCED, False, (0, 2, 4), d(18), leg_time=t("06:30")),
        d(-3),
    )
    for week in range(4, 0, -1):
        mon = d(-3 - 7 * week)
        for k in (0, 2, 4):
            w.legs += [
                LegSession(
                    mon + dt.timedelta(k),
                    t("06:30"),
                    60,
                    7,
                    (ex("front squat 4x6@90kg"), ex("walking lunge 3x20@24kg"), ex("sled push 4x4@100kg")),
                )
            ]
        w.cardio += [
            CardioSession(mon + dt.timedelta(1), "run", 45, 7, t("18:00")),
            CardioSession(mon + dt.timedelta(3), "run", 60, 5, t("18:00")),
            CardioSession(mon + dt.timedelta(5), "hyrox simulation", 75, 8, t("09:00")),
            CardioSession(mon + dt.timedelta(6), "run", 80, 4, t("09:00")),
        ]
    return w


def pound_user() -> Week:
    """Works in pounds, and the week starts on Sunday: legs Sunday and Wednesday, rides and rows."""
    w = Week(
        "a pound user whose week starts on Sunday",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (6, 2), units="lb", leg_time=t("17:30")),
        d(-2),
        week_start=6,
    )
    for week in range(4, 0, -1):
        sun = d(-4 - 7 * week + 7)
        w.legs += [
            LegSession(sun, t("17:30"), 70, 8, (ex("back squat 5x5@275lb"), ex("hip thrust 4x8@315lb")))
        ]
        w.legs += [
            LegSession(
                sun + dt.timedelta(3), t("17:30"), 60, 7, (ex("deadlift 3x5@365lb"), ex("leg curl 3x12@90lb"))
            )
        ]
        w.cardio += [
            CardioSession(sun + dt.timedelta(1), "bike", 30, 4, t("07:00")),
            CardioSession(sun + dt.timedelta(5), "row", 30, 6, t("10:00")),
        ]
    w.legs = [s for s in w.legs if s.date < w.today]
    w.cardio = [c for c in w.cardio if c.date < w.today]
    w.checkins = [CheckIn(d(-3), 4, 7.0)]
    return w


def back_from_six_weeks_off() -> Week:
    """Six weeks of steady training, six weeks off (a broken wrist), back on Monday."""
    w = Week(
        "back after six weeks off",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(-3),
    )
    for week in range(12, 6, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 8, (*SQUATS[:1], ex("walking lunge 3x12@20kg"))),
            LegSession(mon + dt.timedelta(3), t("18:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + dt.timedelta(1), "run", 40, 7, t("18:00")),
            CardioSession(mon + dt.timedelta(5), "run", 70, 5, t("09:00")),
        ]
    return w


def injury_prone_runner() -> Week:
    """A runner with a history of calf strains, no pool; the day after Monday's legs."""
    w = Week(
        "an injury-prone runner without a pool",
        Profile(Goal.ENDURANCE, Level.INTERMEDIATE, True, (0, 3), modalities=("run", "bike", "walk")),
        d(-2),
    )
    for week in range(3, -1, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(
                mon,
                t("18:00"),
                50,
                7,
                (ex("romanian deadlift 3x8@60kg"), ex("calf raise 3x15"), ex("box jump 3x5")),
            )
        ]
        if week:
            w.legs += [LegSession(mon + dt.timedelta(3), t("18:00"), 45, 6, RUNNERS_LEGS)]
            w.cardio += [
                CardioSession(mon + dt.timedelta(2), "run", 40, 7, t("18:00")),
                CardioSession(mon + dt.timedelta(6), "run", 75, 5, t("09:00")),
            ]
    w.checkins = [CheckIn(d(-2), 4, 7.5, regions=(("calves", 5),))]
    return w


def very_sore_leg_day() -> Week:
    """Monday's session tried Nordic curls and walking lunges for the first time; Thursday morning,
    the leg day, rated 8."""
    w = Week(
        "very sore on a leg day",
        Profile(Goal.GENERAL, Level.INTERMEDIATE, False, (0, 3)),
        d(0),
    )
    for week in range(3, 0, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 60, 7, (*SQUATS[:1], ex("leg curl 3x12@40kg"))),
            LegSession(mon + dt.timedelta(3), t("18:00"), 55, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + dt.timedelta(1), "bike", 30, 4, t("18:00")),
            CardioSession(mon + dt.timedelta(5), "run", 40, 5, t("10:00")),
        ]
    w.legs += [
        LegSession(
            d(-3),
            t("18:00"),
            75,
            9,
            (ex("back squat 5x5@100kg"), ex("nordic curl 3x6"), ex("walking lunge 4x12@24kg")),
        )
    ]
    w.cardio += [CardioSession(d(-2), "bike", 25, 3, t("18:00"))]
    w.checkins = [
        CheckIn(d(-2), 6, 7.5),
        CheckIn(d(-1), 7, 7.0),
        CheckIn(d(0), 8, 7.0, regions=(("hamstrings", 8),)),
    ]
    return w


def lifter_after_a_10k() -> Week:
    """A lifter who ran a 10K on Sunday (48 minutes, all out). Monday is a leg day."""
    w = Week(
        "a lifter the day after a 10K",
        Profile(Goal.STRENGTH, Level.INTERMEDIATE, False, (0, 3)),
        d(-3),
    )
    for week in range(4, 0, -1):
        mon = d(-3 - 7 * week)
        w.legs += [
            LegSession(mon, t("18:00"), 70, 8, SQUATS),
            LegSession(mon + dt.timedelta(3), t("18:00"), 60, 7, PULLS),
        ]
        w.cardio += [
            CardioSession(mon + dt.timedelta(2), "run", 30, 5, t("07:00")),
            CardioSession(mon + dt.timedelta(5), "run", 40, 5, t("09:00")),
        ]
    w.cardio += [CardioSession(d(-4), "run", 48, 9, t("09:30"))]
    return w


WEEKS = {
    "marathoner": marathoner,
    "powerlifter": powerlifter,
    "footballer": footballer,
    "beginner60": sixty_year_old_beginner,
    "hybrid": hybrid,
    "pounds": pound_user,
    "back": back_from_six_weeks_off,
    "injury": injury_prone_runner,
    "verysore": very_sore_leg_day,
    "tenk": lifter_after_a_10k,
}


def write(week: Week, data_dir: Path) -> None:
    """The week into a data folder, through legday's own storage (and its settings beside it)."""
    from legday.storage import Settings, Store, save_settings

    data_dir.mkdir(parents=True, exist_ok=True)
    store = Store(data_dir)
    store.save_profile(week.profile)
    for s in week.legs:
        store.add_legs(s)
    for c in week.cardio:
        store.add_cardio(c)
    for c in week.checkins:
        store.set_checkin(c)
    for s in week.skips:
        store.add_skip(s)
    (data_dir / "config").mkdir(exist_ok=True)
    save_settings(data_dir / "config", Settings(week_start=week.week_start))


def usual_weeks(
    w: Week, base: dt.date, weeks: int, legs: dict[int, tuple], cardio: dict[int, tuple], until: int = 0
) -> None:
    """``weeks`` usual weeks before ``base`` (a Monday), plus ``until`` days into its week: ``legs`` by
    weekday as (start, minutes, effort, exercises), ``cardio`` by weekday as (modality, minutes, effort,
    start)."""
    day = dt.timedelta(days=1)
    mondays = [base - 7 * n * day for n in range(weeks, 0, -1)]
    for mon in [*mondays, base]:
        for wd, (start, minutes, effort, exercises) in legs.items():
            if mon < base or wd < until:
                w.legs.append(LegSession(mon + wd * day, t(start), minutes, effort, exercises))
        for wd, (modality, minutes, effort, start) in cardio.items():
            if mon < base or wd < until:
                w.cardio.append(CardioSession(mon + wd * day, modality, minutes, effort, t(start)))


def write_weeks(weeks: dict[str, Callable[[], Week]], default_root: str) -> None:
    """``python -m tests.core.<module> [folder]``: each week into its own data folder, and the command
    that reads it."""
    import sys

    root = Path(sys.argv[1] if len(sys.argv) > 1 else default_root)
    for name, make in weeks.items():
        week = make()
        write(week, root / name)
        print(f"legday plan --date {week.today.isoformat()} --data-dir {root / name}    # {week.who}")


if __name__ == "__main__":
    write_weeks(WEEKS, "coach-weeks")
