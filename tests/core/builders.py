"""Small builders for the core tests: a fixed week, leg sessions, check-ins and ways to pick sessions
out of a plan. The week under test runs Monday 16 to Sunday 22 November 2026."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, History, LegSession, Level, Profile
from legday.core.plan import HARD_INTENSITIES, Session, WeekPlan
from legday.core.planner import build_week

MON = dt.date(2026, 11, 16)
TUE, WED, THU, FRI, SAT, SUN = (MON + dt.timedelta(days=n) for n in range(1, 7))
SQUATS = (Exercise("back squat", 5, 5, 100.0), Exercise("leg curl", 3, 12, 40.0))
EXPLOSIVE = (Exercise("power clean", 5, 3, 70.0), Exercise("box jump", 4, 5))


def profile(goal: str = "general", level: str = "intermediate", leg_days=(0, 3), **kw) -> Profile:
    return Profile(goal=Goal(goal), level=Level(level), leg_days=tuple(leg_days), **kw)


def legs(
    day: dt.date,
    effort: int = 7,
    minutes: int = 60,
    at: str = "18:00",
    exercises: tuple[Exercise, ...] = SQUATS,
) -> LegSession:
    return LegSession(day, dt.time.fromisoformat(at), minutes, effort, exercises)


def cardio(
    day: dt.date, modality: str = "run", minutes: int = 30, effort: int = 4, at: str | None = "18:00"
) -> CardioSession:
    return CardioSession(day, modality, minutes, effort, dt.time.fromisoformat(at) if at else None)


def check(day: dt.date, soreness: int, sleep: float | None = None, pain: bool = False) -> CheckIn:
    return CheckIn(day, soreness, sleep, pain)


def history(*items) -> History:
    def of(kind):
        return tuple(sorted((i for i in items if isinstance(i, kind)), key=lambda i: i.date))

    return History(of(LegSession), of(CardioSession), of(CheckIn))


def plan(
    prof: Profile,
    items: Iterable = (),
    today: dt.date = MON,
    disabled: Iterable[str] = (),
    week_start: int = 0,
) -> WeekPlan:
    return build_week(prof, history(*items), today, week_start, frozenset(disabled))


def sessions(week: WeekPlan, day: dt.date, kind: str | None = None) -> list[Session]:
    found = week.day(day)
    assert found is not None, f"{day} is not in the week"
    return [s for s in found.sessions if kind is None or s.kind == kind]


def suggestion(week: WeekPlan, day: dt.date) -> Session:
    """The one suggested (or planned event) non-leg session on ``day``."""
    found = [s for s in sessions(week, day) if s.kind != "legs" and s.status != "done"]
    assert len(found) == 1, f"expected one suggestion on {day}, got {found}"
    return found[0]


def suggested(week: WeekPlan) -> list[Session]:
    return [s for d in week.days for s in d.sessions if s.status == "suggested"]


def ids(session: Session) -> set[str]:
    return {r.id for r in session.reasons}


def addon_ids(session: Session) -> set[str]:
    return {r.id for r in session.addons}


def is_hard(session: Session) -> bool:
    return session.intensity in HARD_INTENSITIES or (session.effort is not None and session.effort[1] > 6)
