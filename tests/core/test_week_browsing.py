"""Browsing weeks: the planner shows another week than today's, still as of today. A past week is
only what was logged; a future week is planned from its first day."""

from __future__ import annotations

import datetime as dt

from legday.core.planner import history_window, plan_week
from tests.core.builders import MON, SUN, THU, TUE, cardio, history, legs, profile

NEXT_MON = MON + dt.timedelta(days=7)


def test_a_past_week_shows_what_was_logged_and_suggests_nothing():
    logged = history(legs(MON), cardio(TUE, "bike"))
    week = plan_week(profile(), logged, NEXT_MON + dt.timedelta(days=2), week=THU)
    assert week.week_start == MON and week.today == NEXT_MON + dt.timedelta(days=2)
    statuses = {s.status for d in week.days for s in d.sessions}
    assert statuses == {"done"}, statuses
    assert [s.modality for s in week.day(TUE).sessions] == ["bike"]
    # Sunday was the week's last day, not "today": it gets no suggestion.
    assert all(s.status == "done" for s in week.day(SUN).sessions)


def test_a_future_week_plans_every_day_and_its_leg_days():
    week = plan_week(profile(leg_days=(0, 3)), history(legs(MON)), MON, week=NEXT_MON)
    assert week.week_start == NEXT_MON and week.today == MON
    planned_legs = [d.date for d in week.days for s in d.sessions if s.kind == "legs"]
    assert planned_legs == [NEXT_MON, NEXT_MON + dt.timedelta(days=3)]
    assert all(s.status in ("planned", "suggested") for d in week.days for s in d.sessions)
    assert all(d.sessions for d in week.days)


def test_the_window_follows_the_week_shown():
    first, last = history_window(MON, 0, week=NEXT_MON)
    assert last == NEXT_MON + dt.timedelta(days=13) and first < MON  # the week shown and the one after
    assert history_window(MON, 0) == history_window(MON, 0, week=SUN)
