"""Shared fixture data for the app's tests, snapshots and screenshots.

Every scenario is written through the real ``Store`` into a data directory, so the tests read the
same files a person's machine would hold. "Today" is fixed: Thursday 19 November 2026, 07:30, three
days after Monday's leg session and on the morning of Thursday's.

    write_first_run(data_dir)   nothing at all: no profile, no logs (the app opens the welcome)
    write_typical_week(data_dir) a general-fitness lifter, legs Monday and Thursday, two weeks logged
    write_very_sore_day(data_dir) the typical week, but this morning's soreness is 9 after 5 h sleep

``SCENARIOS`` maps a short name to its writer, for parametrised tests.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from legday.core.model import (
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    LegSession,
    Level,
    Profile,
)

# A Thursday. The week (Monday start) runs from 16 to 22 November 2026.
FIXED_NOW = dt.datetime(2026, 11, 19, 7, 30)
TODAY = FIXED_NOW.date()
WEEK_START = dt.date(2026, 11, 16)


def fixed_clock() -> dt.datetime:
    """A clock for ``build_app(..., clock=fixed_clock)``: always FIXED_NOW."""
    return FIXED_NOW


def _day(offset: int) -> dt.date:
    """Days relative to TODAY: _day(-3) is Monday 16 November."""
    return TODAY + dt.timedelta(days=offset)


TYPICAL_PROFILE = Profile(
    goal=Goal.GENERAL,
    level=Level.INTERMEDIATE,
    injury_prone=False,
    leg_days=(0, 3),
    units="kg",
    leg_time=dt.time(18, 0),
)

SQUAT_DAY = (
    Exercise("back squat", 5, 5, 100.0, "kg"),
    Exercise("romanian deadlift", 3, 8, 80.0, "kg"),
    Exercise("walking lunge", 3, 12, 20.0, "kg"),
    Exercise("calf raise", 4, 15, None, "kg"),
)
HINGE_DAY = (
    Exercise("deadlift", 4, 4, 140.0, "kg"),
    Exercise("bulgarian split squat", 3, 10, 16.0, "kg"),
    Exercise("leg curl", 3, 12, 40.0, "kg"),
)


def _store(data_dir: Path):
    # Imported here so that importing this module stays cheap and works while storage is young.
    from legday.storage import Store

    Path(data_dir).mkdir(parents=True, exist_ok=True)
    return Store(Path(data_dir))


def write_first_run(data_dir: Path) -> Path:
    """An empty data directory: a first run, no profile, no history."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    return Path(data_dir)


def write_typical_week(data_dir: Path) -> Path:
    """Two weeks of a general-fitness lifter with legs on Monday and Thursday.

    Last week: legs Mon 9 and Thu 12, easy cardio between, a long walk on Sunday.
    This week so far: legs Monday 16 (hard), sore 6 on Tuesday with an easy bike, sore 3 on
    Wednesday with a steady run, sore 2 this (Thursday) morning; Thursday's legs still to come.
    """
    store = _store(data_dir)
    store.save_profile(TYPICAL_PROFILE)

    # Last week (Mon 9 - Sun 15 November).
    store.add_legs(LegSession(_day(-10), dt.time(18, 0), 65, 7, SQUAT_DAY))
    store.add_legs(LegSession(_day(-7), dt.time(18, 0), 60, 7, HINGE_DAY))
    store.add_cardio(CardioSession(_day(-9), "bike", 30, 3, dt.time(7, 0)))
    store.add_cardio(CardioSession(_day(-8), "run", 35, 5, dt.time(18, 30)))
    store.add_cardio(CardioSession(_day(-6), "swim", 30, 3, dt.time(12, 0)))
    store.add_cardio(CardioSession(_day(-5), "run", 40, 7, dt.time(9, 0)))
    store.add_cardio(CardioSession(_day(-4), "walk", 60, 2, dt.time(10, 0)))
    for offset, sore, sleep in [
        (-10, 2, 7.5),
        (-9, 5, 7.0),
        (-8, 3, 8.0),
        (-7, 2, 7.0),
        (-6, 6, 6.5),
        (-5, 4, 8.0),
        (-4, 2, 8.5),
    ]:
        store.set_checkin(CheckIn(_day(offset), sore, sleep_hours=sleep))

    # This week (Mon 16 - Sun 22 November), today Thursday 19.
    store.add_legs(LegSession(_day(-3), dt.time(18, 0), 70, 8, SQUAT_DAY))
    store.add_cardio(CardioSession(_day(-2), "bike", 25, 3, dt.time(7, 15)))
    store.add_cardio(CardioSession(_day(-1), "run", 30, 4, dt.time(18, 0)))
    store.set_checkin(CheckIn(_day(-3), 2, sleep_hours=8.0))
    store.set_checkin(CheckIn(_day(-2), 6, sleep_hours=7.0, regions=(("quads", 7), ("glutes", 5))))
    store.set_checkin(CheckIn(_day(-1), 3, sleep_hours=7.5))
    store.set_checkin(CheckIn(TODAY, 2, sleep_hours=8.0))
    return Path(data_dir)


def write_very_sore_day(data_dir: Path) -> Path:
    """The typical week, but this morning the legs are very sore (9 of 10) after 5 h of sleep."""
    write_typical_week(data_dir)
    store = _store(data_dir)
    store.set_checkin(CheckIn(TODAY, 9, sleep_hours=5.0, regions=(("quads", 9), ("hamstrings", 8))))
    return Path(data_dir)


def write_three_months(data_dir: Path) -> Path:
    """The typical fortnight after twelve earlier weeks, for the trends view: legs Monday and
    Thursday, cardio two to four times a week. Shaped so each part of the chart has something to
    show: a slow build, a heavy week six weeks back (the load ratio goes above the band), a week away
    (nothing logged, 10 weeks back), a week with a missed Thursday and a skipped run, hard weeks
    against easy ones, and a week nobody rated (no soreness or readiness)."""
    from legday.core.model import Skip

    write_typical_week(data_dir)
    store = _store(data_dir)
    monday = WEEK_START - dt.timedelta(days=14)  # the Monday before the typical fortnight
    for back in range(12, 0, -1):  # 12 weeks back .. 1 week back (before the fortnight)
        week = monday - dt.timedelta(days=7 * (back - 1))
        if back == 10:
            continue  # a week away
        heavy = back == 6
        build = 12 - back  # 0 .. 11
        store.add_legs(LegSession(week, dt.time(18, 0), 55 + build, 8 if heavy else 7, SQUAT_DAY))
        if back != 4:  # a missed Thursday
            store.add_legs(
                LegSession(
                    week + dt.timedelta(days=3),
                    dt.time(18, 0),
                    50 + build,
                    9 if heavy else 6 + build % 2,
                    HINGE_DAY,
                )
            )
        store.add_cardio(CardioSession(week + dt.timedelta(days=1), "bike", 25 + 2 * build, 3, dt.time(7, 0)))
        store.add_cardio(
            CardioSession(
                week + dt.timedelta(days=5),
                "run",
                30 + build + (40 if heavy else 0),
                7 if back % 3 == 0 else 4,
                dt.time(9, 0),
            )
        )
        if back % 2 == 0 or heavy:
            store.add_cardio(
                CardioSession(week + dt.timedelta(days=6), "walk", 45 + 3 * build, 2, dt.time(10, 0))
            )
        if heavy:
            store.add_cardio(CardioSession(week + dt.timedelta(days=2), "bike", 75, 8, dt.time(18, 0)))
            store.add_cardio(CardioSession(week + dt.timedelta(days=4), "row", 40, 8, dt.time(7, 0)))
        if back == 4:
            store.add_skip(Skip(week + dt.timedelta(days=2), "run"))
        if back == 8:
            continue  # nobody rated that week
        for offset in range(7):
            sore = (
                (7 if heavy else 3 + build % 4)
                if offset in (1, 4)
                else (2 + build % 3 if offset in (2, 5) else build % 2)
            )
            store.set_checkin(
                CheckIn(week + dt.timedelta(days=offset), sore, sleep_hours=7.0 if offset % 3 else 8.0)
            )
    return Path(data_dir)


SCENARIOS: dict[str, Callable[[Path], Path]] = {
    "first_run": write_first_run,
    "typical": write_typical_week,
    "very_sore": write_very_sore_day,
    "three_months": write_three_months,
}
