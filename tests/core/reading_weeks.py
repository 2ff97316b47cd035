"""What the coach-read test modules (``test_review*_weeks.py``) ask of a planned week, in one place."""

from __future__ import annotations

import datetime as dt

from legday.core.plan import HARD_INTENSITIES, WeekPlan
from legday.core.planner import plan_week
from tests.core.coach_weeks import Week
from tests.core.test_timeline_properties import check_every_reason_is_true, check_safety

IMPACT = ("run", "sprints", "plyometrics")


def plan_of(person: Week, **kw) -> tuple[Week, WeekPlan]:
    """The week as the person reads it: from their today, their week start (``week=`` another week)."""
    return person, plan_week(person.profile, person.history, person.today, person.week_start, **kw)


def suggested(plan: WeekPlan, date: dt.date):
    day = plan.day(date)
    assert day is not None
    return [s for s in day.sessions if s.status == "suggested" and s.kind != "rest"]


def live(plan: WeekPlan):
    return [s for day in plan.days for s in day.sessions if s.status in ("planned", "suggested")]


def leg_session(plan: WeekPlan, date: dt.date):
    return next(s for s in plan.day(date).sessions if s.kind == "legs")


def hard(s) -> bool:
    return s.intensity in HARD_INTENSITIES


def holds_from_every_week_start(name: str, week: Week) -> None:
    """The same days whichever weekday the week starts on, and, from the person's own week start,
    every reason true of its session and no safety line crossed (the properties' own checks)."""
    days: dict = {}
    for ws in range(7):
        plan = plan_week(week.profile, week.history, week.today, ws)
        for one in plan.days:
            assert days.setdefault(one.date, one.sessions) == one.sessions, (name, one.date, ws)
        if ws == week.week_start:
            check_every_reason_is_true(plan, week.profile, week.history)
            check_safety(plan, week.profile, week.history)
