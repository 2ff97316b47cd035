"""plan_week as a whole: the week's frame, what is logged versus planned versus suggested, the JSON
contract, the bounded history window and speed."""

from __future__ import annotations

import datetime as dt
import json

from legday.core.model import History, Skip
from legday.core.plan import to_json
from legday.core.planner import history_window, plan_week
from tests.core.builders import (
    FRI,
    MON,
    SAT,
    SUN,
    THU,
    TUE,
    WED,
    cardio,
    check,
    history,
    legs,
    plan,
    profile,
    sessions,
    suggested,
    suggestion,
)


def test_the_week_contains_today_and_starts_on_the_chosen_weekday():
    for week_start in range(7):
        week = plan_week(profile(), History(), THU, week_start)
        dates = [d.date for d in week.days]
        assert dates[0].weekday() == week_start and THU in dates and len(dates) == 7
        assert week.week_start == dates[0] and week.today == THU
    assert plan_week(profile(), History(), SUN, 0).week_start == MON
    assert plan_week(profile(), History(), MON, 6).week_start == MON - dt.timedelta(days=1)


def test_history_window_is_eight_weeks_before_the_week_to_a_week_past_its_end():
    # The week after is the planner's horizon: next week's first leg day matters to this week's end.
    assert history_window(THU) == (MON - dt.timedelta(days=56), SUN + dt.timedelta(days=7))
    assert history_window(THU, 3) == (THU - dt.timedelta(days=56), THU + dt.timedelta(days=13))


def test_past_days_show_what_was_logged_and_nothing_else():
    items = [legs(MON), cardio(TUE, "bike", 30, 3), check(TUE, 5)]
    week = plan(profile(), items, THU)
    assert [(s.kind, s.status) for s in sessions(week, MON)] == [("legs", "done")]
    assert [(s.kind, s.status, s.modality) for s in sessions(week, TUE)] == [("cardio", "done", "bike")]
    assert sessions(week, WED) == []
    assert week.day(TUE).soreness == 5
    assert all(s.status != "suggested" for d in week.days if d.date < THU for s in d.sessions)


def test_leg_days_from_today_are_planned_unless_already_logged():
    week = plan(profile(leg_days=(0, 3, 5)), [legs(MON), legs(THU, 6, 45, "07:00")], THU)
    assert [s.status for s in sessions(week, THU, "legs")] == ["done"]
    assert sessions(week, THU, "legs")[0].start.hour == 7
    sat = sessions(week, SAT, "legs")
    assert [s.status for s in sat] == ["planned"] and sat[0].start.hour == 18
    # No Saturday logged: planned from the recent sessions. Two that far apart (load 420 and 270) can't
    # both be the usual one: of equals, the later (legday's template, rules/legs.py).
    assert (sat[0].minutes, sat[0].effort) == (45, (6, 6))
    assert "none on a Saturday" in " ".join(r.text for r in sat[0].reasons)


def test_every_day_from_today_gets_a_session_with_reasons():
    week = plan(profile("general", leg_days=(0, 3)), [], WED)
    for d in week.days:
        if d.date < WED:
            continue
        assert d.sessions, d.date
        for s in d.sessions:
            assert s.reasons, s


def test_logged_cardio_replaces_the_suggestion_for_that_day():
    week = plan(profile(leg_days=()), [cardio(SUN, "swim", 45, 4)], SUN)
    assert [(s.status, s.modality) for s in sessions(week, SUN)] == [("done", "swim")]
    assert week.totals.cardio_minutes == 45


def test_a_skipped_suggestion_shows_as_skipped_and_counts_for_nothing():
    base = plan(profile(leg_days=()), [], SUN)
    s = suggestion(base, SUN)
    h = history()
    skipped = plan_week(
        profile(leg_days=()), History(h.legs, h.cardio, h.checkins, (Skip(SUN, s.modality),)), SUN
    )
    t = suggestion(skipped, SUN)
    assert t.status == "skipped" and t.modality == s.modality
    assert skipped.totals.cardio_minutes == base.totals.cardio_minutes - s.minutes


def test_hours_after_legs_count_from_the_end_of_the_last_leg_session():
    week = plan(profile(leg_days=()), [legs(SAT, 6, 90, "08:00")], SAT)
    s = suggestion(week, SAT)
    assert s.hours_after_legs == round((s.start - dt.datetime(2026, 11, 21, 9, 30)).total_seconds() / 3600, 2)


def test_suggestions_carry_effort_talk_minutes_and_start():
    for s in suggested(plan(profile("endurance", "advanced"))):
        if s.kind == "rest":
            assert s.effort is None and s.minutes is None
            continue
        assert s.effort and s.talk and s.minutes and s.start and s.intensity
        assert s.start.date() >= MON


def test_totals_add_up_the_sessions():
    week = plan(profile(), [cardio(MON, "row", 25, 8)], TUE)
    cardio_like = [
        s
        for d in week.days
        for s in d.sessions
        if s.kind in ("cardio", "recovery") and s.status in ("done", "suggested")
    ]
    assert week.totals.cardio_minutes == sum(s.minutes for s in cardio_like)
    hard = sum(s.intensity in ("tempo", "intervals", "sprints") for s in cardio_like)
    assert week.totals.hard_sessions == hard
    assert week.totals.leg_sessions == len([s for d in week.days for s in d.sessions if s.kind == "legs"])


def test_json_contract():
    week = plan(profile("strength"), [legs(MON), check(TUE, 4, 7.5)], TUE)
    data = json.loads(json.dumps(to_json(week)))
    assert data["week_start"] == "2026-11-16" and len(data["days"]) == 7
    day = data["days"][1]
    assert set(day) >= {"date", "soreness", "readiness", "sessions"} and day["soreness"] == 4
    for d in data["days"]:
        for s in d["sessions"]:
            assert set(s) >= {
                "kind",
                "status",
                "start",
                "modality",
                "intensity",
                "effort",
                "minutes",
                "hours_after_legs",
                "reasons",
            }
            assert s["kind"] in ("legs", "cardio", "recovery", "rest")
            assert s["status"] in ("done", "planned", "suggested", "skipped")
            for r in s["reasons"]:
                assert set(r) == {"id", "text", "source"}
    assert set(data["totals"]) >= {"cardio_minutes", "hard_sessions"}


def test_same_inputs_same_plan_as_json_text():
    items = [legs(MON), legs(THU, 8, 75), check(FRI, 6, 6.5), cardio(TUE, "bike", 40, 4)]
    first = json.dumps(to_json(plan(profile("hybrid", "advanced"), items, FRI)))
    again = [json.dumps(to_json(plan(profile("hybrid", "advanced"), items, FRI))) for _ in range(3)]
    assert again == [first] * 3


def years_of_history(years: int):
    start = MON - dt.timedelta(days=365 * years)
    items = []
    for n in range(365 * years + 7):
        day = start + dt.timedelta(days=n)
        if day.weekday() in (0, 3):
            items.append(legs(day, 7, 60))
        elif day.weekday() in (1, 5):
            items.append(cardio(day, "bike", 40, 4))
        items.append(check(day, n % 6, 7.5))
    return history(*items)


def test_history_beyond_the_window_changes_nothing():
    full = years_of_history(3)
    first, last = history_window(THU)

    def inside(items):
        return tuple(i for i in items if first <= i.date <= last)

    window = History(inside(full.legs), inside(full.cardio), inside(full.checkins))
    assert plan_week(profile(), full, THU) == plan_week(profile(), window, THU)


# How fast planning is, with ten years of history and with one, is measured in tests/bench/planner.py
# (a ratio in the same run; a test here would assert the wall clock of a shared machine).
