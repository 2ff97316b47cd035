"""The cardio a person can do (the profile's list), what the legs need, and sore regions.

Each test first checks what the behaviour makes the plan do, then plans the same situation without it
(the whole list, no region ratings, or the rule switched off) and checks that the plan no longer does
it: every test here fails if its behaviour is removed. The property tests at the end hold the safety
lines over random profiles and histories. Week: Monday 16 - Sunday 22 November 2026 (builders.py).
"""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.model import (
    CARDIO_MODALITIES,
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    History,
    LegSession,
    Level,
    Profile,
)
from legday.core.planner import plan_week
from tests.core.builders import (
    EXPLOSIVE,
    MON,
    SAT,
    SUN,
    TUE,
    check,
    ids,
    is_hard,
    legs,
    plan,
    profile,
    suggested,
    suggestion,
)

NO_LEG_DAYS = ()


def live(week) -> list:
    return [s for s in suggested(week) if s.kind in ("cardio", "recovery")]


def texts(session) -> list[str]:
    return [r.text for r in session.reasons]


# --- The profile's list ----------------------------------------------------------------------------

def test_the_plan_chooses_only_among_the_listed_modalities():
    def picked(modalities=CARDIO_MODALITIES):
        week = plan(profile("endurance", "advanced", modalities=modalities), [], MON)
        return {s.modality for s in live(week)}

    assert "run" in picked()  # a runner runs ...
    assert picked(("bike", "swim")) <= {"bike", "swim"}  # ... unless running is not on the list
    assert picked(("bike", "swim"))


def test_a_missing_best_option_is_named_with_what_replaces_it():
    # The runner's exception (E3) wants intervals on a run; without a run they go on the bike.
    def sunday(modalities=CARDIO_MODALITIES):
        week = plan(profile("endurance", leg_days=NO_LEG_DAYS, modalities=modalities),
                    [legs(SAT, 6, 45), check(SUN, 2)], SUN)
        return suggestion(week, SUN)

    s = sunday(("bike", "walk", "row"))
    assert s.modality == "bike" and is_hard(s) and "E3" in ids(s)
    assert "A run would suit today best, but it is not on your list: a ride instead." in texts(s)
    full = sunday()
    assert full.modality == "run" and not any("not on your list" in t for t in texts(full))


def test_the_substitute_is_the_nearest_listed_option_not_the_first_one():
    # No elliptical for a general lifter the day after legs (M2's pick): the bike is next nearest,
    # even though the list also holds a walk (which could not carry a steady session).
    week = plan(profile("general", modalities=("bike", "walk")), [legs(MON)], TUE)
    s = suggestion(week, TUE)
    assert s.modality == "bike" and "M2" in ids(s)
    assert "The elliptical would suit today best, but it is not on your list: a ride instead." in texts(s)
    assert suggestion(plan(profile("general"), [legs(MON)], TUE), TUE).modality == "elliptical"


def test_sprints_come_with_run_and_turn_into_bike_sprints_without_it():
    def sunday(modalities=CARDIO_MODALITIES):
        week = plan(profile("power", "advanced", NO_LEG_DAYS, modalities=modalities),
                    [legs(SAT, 7, 40, "17:00", EXPLOSIVE), check(SUN, 2)], SUN)
        return suggestion(week, SUN)

    assert sunday().modality == "sprints"
    s = sunday(("bike", "swim"))
    assert (s.modality, s.intensity) == ("bike", "sprints") and "E4" in ids(s)


def test_an_option_that_cannot_carry_the_session_brings_its_intensity_down():
    # Only yoga: a free, ready day would hold intervals; yoga is never hard.
    week = plan(profile("general", leg_days=NO_LEG_DAYS, modalities=("yoga",)), [check(SUN, 0)], SUN)
    s = suggestion(week, SUN)
    assert s.modality == "yoga" and not is_hard(s) and s.effort[1] <= 4
    assert is_hard(suggestion(plan(profile("general", leg_days=NO_LEG_DAYS), [check(SUN, 0)], SUN), SUN))


def test_size_goal_without_a_bike_keeps_the_run_and_says_why():
    # S9 prefers cycling to running for size; a preference, not a safety line.
    week = plan(profile("strength", leg_days=NO_LEG_DAYS, modalities=("run", "walk")), [check(SUN, 0)], SUN)
    s = suggestion(week, SUN)
    assert s.modality == "run" and "S9" in ids(s)
    assert any("not on your list: a run it is" in t for t in texts(s))
    assert suggestion(plan(profile("strength", leg_days=NO_LEG_DAYS), [check(SUN, 0)], SUN),
                      SUN).modality == "bike"


def test_a_beginner_who_can_only_run_rests_the_day_after_legs():
    def tuesday(modalities):
        return suggestion(plan(profile("general", "beginner", modalities=modalities), [], MON), TUE)

    s = tuesday(("run",))
    assert s.kind == "rest" and ids(s) == {"P1"} and "nothing else on your list" in texts(s)[0]
    assert tuesday(("run", "bike")).modality == "bike"


def test_a_recovery_day_without_a_gentle_option_on_the_list_is_rest():
    def sunday(modalities):
        return suggestion(plan(profile("general", leg_days=NO_LEG_DAYS, modalities=modalities),
                               [check(SUN, 6)], SUN), SUN)

    assert sunday(("run",)).kind == "rest"
    assert "Nothing on your list can stand in for a walk" in texts(sunday(("run",)))[0]
    assert sunday(("run", "swim")).kind == "recovery" and sunday(("run", "swim")).modality == "swim"


# --- Properties ------------------------------------------------------------------------------------

FAST = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORKOUTS = tuple(tuple(Exercise(n, 3, 5, 60.0) for n in names) for names in (
    (), ("back squat", "leg curl"), ("power clean", "box jump"), ("calf raise", "walking lunge"),
    ("romanian deadlift", "nordic curl"), ("leg extension",), ("mystery machine",)))
LOGGED = ("run", "bike", "swim", "walk", "sprints", "row", "kayak")
REGION_NAMES = ("quads", "hamstrings", "glutes", "calves")


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def clock(quarter: int) -> dt.time:
    return dt.time(5 + quarter // 4, 15 * (quarter % 4))


offsets = st.integers(-14, 13)
leg_rows = st.tuples(offsets, st.integers(0, 67), st.integers(10, 120), st.integers(0, 10),
                     st.integers(0, len(WORKOUTS) - 1))
cardio_rows = st.tuples(offsets, st.sampled_from(LOGGED), st.integers(5, 120), st.integers(0, 10))
checkin_rows = st.tuples(offsets, st.integers(0, 10), st.booleans(),
                         st.dictionaries(st.sampled_from(REGION_NAMES), st.integers(0, 10)))


@st.composite
def histories(draw) -> History:
    legs_ = sorted((LegSession(day(d), clock(q), m, e, WORKOUTS[w])
                    for d, q, m, e, w in draw(st.lists(leg_rows, max_size=8))), key=lambda s: s.date)
    cardio = sorted((CardioSession(day(d), k, m, e) for d, k, m, e in draw(st.lists(cardio_rows, max_size=6))),
                    key=lambda s: s.date)
    checks = {day(d): CheckIn(day(d), s, None, p, tuple((r, v) for r, v in sorted(regions.items(),
                                                                                   key=lambda i: REGION_NAMES.index(i[0]))))
              for d, s, p, regions in draw(st.lists(checkin_rows, max_size=8))}
    return History(tuple(legs_), tuple(cardio), tuple(checks[k] for k in sorted(checks)))


@st.composite
def profiles(draw) -> Profile:
    chosen = draw(st.sets(st.sampled_from(CARDIO_MODALITIES), min_size=1))
    return Profile(
        goal=draw(st.sampled_from(list(Goal))),
        level=draw(st.sampled_from(list(Level))),
        injury_prone=draw(st.booleans()),
        leg_days=tuple(sorted(draw(st.sets(st.integers(0, 6), max_size=3)))),
        event_date=draw(st.one_of(st.none(), offsets.map(day))),
        modalities=tuple(m for m in CARDIO_MODALITIES if m in chosen),
    )


@FAST
@given(profiles(), histories(), st.integers(0, 13).map(day), st.sampled_from([0, 6]))
def test_no_suggestion_is_ever_outside_the_profiles_list(prof, history, today, week_start):
    week = plan_week(prof, history, today, week_start)
    for s in suggested(week):
        if s.kind in ("cardio", "recovery"):
            assert prof.can_do(s.modality), (s.modality, prof.modalities)
