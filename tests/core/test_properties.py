"""Invariants of plan_week over random profiles, histories and dates (hypothesis).

Whatever was logged and whoever the person is, the plan:
- has 7 consecutive days starting on ``week_start`` and containing today, readiness 0-100;
- never goes above moderate within 6 h after legs unless the hybrid rule G4 says so;
- has no hard session on a hard leg day or the day after it, nor under 42 h after it on the second day
  (E2's "about 48 h", a band of days), unless E3, E4 or G4 says so;
- gives every suggestion at least one reason with a known evidence ID and one of its sources;
- suggests nothing for days already past;
- is deterministic and does not change when handed more history than its window.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json

from hypothesis import given
from hypothesis import strategies as st

from legday.core.evidence import EVIDENCE, LEGDAY, SOURCES
from legday.core.model import CardioSession, CheckIn, Exercise, Goal, History, LegSession, Level, Profile
from legday.core.plan import to_json
from legday.core.planner import history_window, plan_week
from legday.core.readiness import HARD_LEG_EFFORT
from tests.core.builders import MON, is_hard
from tests.core.hypothesis_profiles import examples

FAST = examples(60)
MODALITIES = ("run", "bike", "swim", "walk", "sprints", "row", "kayak")

# Raw integers, turned into model objects afterwards: much cheaper for hypothesis to draw than nested
# builds, which keeps the whole core suite fast.
WORKOUTS = tuple(
    tuple(Exercise(n, 3, 5, 60.0) for n in names)
    for names in (
        (),
        ("back squat", "leg curl"),
        ("power clean", "box jump"),
        ("bulgarian split squat", "nordic curl"),
        ("zercher thing",),
        ("leg press", "calf raise", "box jump"),
    )
)
FIRST_DAY, LAST_DAY = -70, 13


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def clock(quarter: int) -> dt.time:
    """Quarter hours from 05:00 to 21:45."""
    return dt.time(5 + quarter // 4, 15 * (quarter % 4))


offsets = st.integers(FIRST_DAY, LAST_DAY)
quarters = st.integers(0, 67)
leg_rows = st.tuples(
    offsets, quarters, st.integers(10, 150), st.integers(0, 10), st.integers(0, len(WORKOUTS) - 1)
)
cardio_rows = st.tuples(
    offsets, st.integers(0, len(MODALITIES) - 1), st.integers(5, 150), st.integers(0, 10), st.integers(-1, 67)
)
checkin_rows = st.tuples(offsets, st.integers(0, 10), st.integers(-1, 24), st.booleans())


@st.composite
def histories(draw) -> History:
    legs = [
        LegSession(day(d), clock(q), m, e, WORKOUTS[w])
        for d, q, m, e, w in draw(st.lists(leg_rows, max_size=14))
    ]
    cardio = [
        CardioSession(day(d), MODALITIES[k], m, e, clock(q) if q >= 0 else None)
        for d, k, m, e, q in draw(st.lists(cardio_rows, max_size=12))
    ]
    checks = {
        day(d): CheckIn(day(d), s, h / 2 if h >= 0 else None, p)
        for d, s, h, p in draw(st.lists(checkin_rows, max_size=10))
    }
    return History(
        tuple(sorted(legs, key=lambda s: s.date)),
        tuple(sorted(cardio, key=lambda s: s.date)),
        tuple(checks[d] for d in sorted(checks)),
    )


@st.composite
def profiles(draw) -> Profile:
    event = draw(st.one_of(st.none(), offsets))
    return Profile(
        goal=draw(st.sampled_from(list(Goal))),
        level=draw(st.sampled_from(list(Level))),
        injury_prone=draw(st.booleans()),
        leg_days=tuple(sorted(draw(st.sets(st.integers(0, 6), max_size=4)))),
        event_date=None if event is None else day(event),
        leg_time=clock(draw(quarters)),
    )


todays = st.integers(0, 13).map(day)
week_starts = st.integers(0, 6)


def leg_spans(plan, history):
    """(start, end, effort) of every leg session the plan knows: logged ones and those it planned."""
    spans = [(s.started, s.ended, s.effort) for s in history.legs]
    for d in plan.days:
        for s in d.sessions:
            if s.kind == "legs" and s.status == "planned":
                spans.append((s.start, s.start + dt.timedelta(minutes=s.minutes), s.effort[0]))
    return spans


def suggestions(plan):
    return [s for d in plan.days for s in d.sessions if s.status == "suggested"]


def check_shape(plan, today, week_start):
    dates = [d.date for d in plan.days]
    assert len(dates) == 7 and dates[0].weekday() == week_start and today in dates
    assert all((b - a).days == 1 for a, b in itertools.pairwise(dates))
    for day in plan.days:
        assert 0 <= day.readiness <= 100
        assert day.readiness_why and "own choice" in day.readiness_why[-1]
        for s in day.sessions:
            if s.status == "suggested":
                assert day.date >= today  # nothing is suggested for the past
                assert s.reasons, s
            for r in (*s.reasons, *s.addons):
                assert r.id in EVIDENCE and r.source in SOURCES
                assert r.source in EVIDENCE[r.id].sources or r.source == LEGDAY
            if s.effort is not None:
                assert 0 <= s.effort[0] <= s.effort[1] <= 10
            if s.hours_after_legs is not None:
                assert s.hours_after_legs >= 0
    json.dumps(to_json(plan))  # the CLI's contract serialises


def check_nothing_hard_within_6_h_after_legs_unless_G4(plan, spans):
    for s in suggestions(plan):
        if s.start is None or not is_hard(s):
            continue
        near = [
            end for start, end, _ in spans if start <= s.start and (s.start - end) < dt.timedelta(hours=6)
        ]
        if near:
            assert "G4" in {r.id for r in s.reasons}, s


def check_nothing_hard_within_48_h_after_hard_legs_unless_E3_E4(plan, spans):
    """E2 as a band of days: not on a hard leg day (after the lift) nor the day after it; on the second
    day after it, hard work starts at least 42 h after the lift ended."""
    for s in suggestions(plan):
        if s.start is None or not is_hard(s):
            continue
        close = [
            end
            for start, end, effort in spans
            if effort >= HARD_LEG_EFFORT
            and start <= s.start
            and (
                (s.start.date() - start.date()).days <= 1
                or ((s.start.date() - start.date()).days == 2 and s.start - end < dt.timedelta(hours=42))
            )
        ]
        if close:
            assert {"E3", "E4", "G4"} & {r.id for r in s.reasons}, s


@examples(150)
@given(profiles(), histories(), todays, week_starts)
def test_plan_invariants(profile, history, today, week_start):
    # One generated case, every invariant: generating histories is the slow part, so share it.
    plan = plan_week(profile, history, today, week_start)
    check_shape(plan, today, week_start)
    spans = leg_spans(plan, history)
    check_nothing_hard_within_6_h_after_legs_unless_G4(plan, spans)
    check_nothing_hard_within_48_h_after_hard_legs_unless_E3_E4(plan, spans)


@FAST
@given(profiles(), histories(), todays, week_starts)
def test_deterministic_and_blind_to_history_outside_the_window(profile, history, today, week_start):
    plan = plan_week(profile, history, today, week_start)
    assert plan == plan_week(profile, history, today, week_start)
    first, last = history_window(today, week_start)

    def inside(items):
        return tuple(i for i in items if first <= i.date <= last)

    windowed = History(inside(history.legs), inside(history.cardio), inside(history.checkins))
    assert plan_week(profile, windowed, today, week_start) == plan


@examples(60)
@given(
    profiles(),
    st.lists(st.tuples(offsets, st.integers(0, 1439), st.integers(1, 600), st.integers(0, 10)), max_size=10),
    todays,
    week_starts,
)
def test_odd_logs_never_crash(profile, rows, today, week_start):
    # Midnight starts and ten-hour sessions spill into the next day: the planner copes.
    legs = [
        LegSession(day(d), dt.time(t // 60, t % 60), m, e, WORKOUTS[e % len(WORKOUTS)]) for d, t, m, e in rows
    ]
    history = History(tuple(sorted(legs, key=lambda s: s.date)))
    plan = plan_week(profile, history, today, week_start)
    assert len(plan.days) == 7
    assert all(s.reasons for s in suggestions(plan))


@examples(80)
@given(
    profiles(),
    st.integers(0, 67),
    st.integers(10, 150),
    st.integers(HARD_LEG_EFFORT, 10),
    st.integers(1, 2),
    st.integers(0, 3),
)
def test_the_48_h_rule_holds_for_hard_legs_at_any_hour(profile, quarter, minutes, effort, back, soreness):
    # Aimed at E2's own ground: one hard leg session a day or two before today, at any hour.
    today = day(6)
    leg = LegSession(today - dt.timedelta(days=back), clock(quarter), minutes, effort, WORKOUTS[quarter % 6])
    history = History((leg,), (), (CheckIn(today, soreness),))
    plan = plan_week(Profile(profile.goal, profile.level, profile.injury_prone, ()), history, today)
    check_nothing_hard_within_48_h_after_hard_legs_unless_E3_E4(plan, leg_spans(plan, history))
