"""The cardio a person can do (the profile's list), what the legs need, and sore regions.

Each test first checks what the behaviour makes the plan do, then plans the same situation without it
(the whole list, no region ratings, or the rule switched off) and checks that the plan no longer does
it: every test here fails if its behaviour is removed. The property tests at the end hold the safety
lines over random profiles and histories. Week: Monday 16 - Sunday 22 November 2026 (builders.py).
"""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
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
    FRI,
    MON,
    SAT,
    SUN,
    TUE,
    cardio,
    check,
    ids,
    is_hard,
    legs,
    plan,
    profile,
    suggested,
    suggestion,
)
from tests.core.hypothesis_profiles import examples

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
    # A fresh runner's hard day wants intervals on a run; without a run they go on the bike.
    def sunday(modalities=CARDIO_MODALITIES):
        week = plan(profile("endurance", leg_days=NO_LEG_DAYS, modalities=modalities), [check(FRI, 0)], FRI)
        return suggestion(week, FRI)

    s = sunday(("bike", "walk", "row"))
    assert s.modality == "bike" and is_hard(s)
    # The bike carries a runner's intervals: nothing to say of running to someone who doesn't run.
    assert not any("would pick" in t for t in texts(s))
    # A walk can't: the session comes down to easy, and the line says why.
    walk = sunday(("walk", "yoga"))
    assert walk.modality == "walk" and walk.intensity == "easy"
    assert "The plan would pick a run today if it were on your list: a walk instead." in texts(walk)
    full = sunday()
    assert full.modality == "run" and not any("would pick" in t for t in texts(full))


def test_the_substitute_is_the_nearest_listed_option_not_the_first_one():
    # No elliptical for a general lifter the day after legs (M2's pick): the bike is next nearest,
    # even though the list also holds a walk (which could not carry a steady session).
    week = plan(profile("general", modalities=("bike", "walk")), [legs(MON)], TUE)
    s = suggestion(week, TUE)
    assert s.modality == "bike" and "M2" not in ids(s)  # no "instead of a run" to someone who doesn't run
    assert "The plan would pick the elliptical today if it were on your list: a ride instead." in texts(s)
    assert suggestion(plan(profile("general"), [legs(MON)], TUE), TUE).modality == "elliptical"


def test_the_stand_in_for_a_run_is_one_the_person_does():
    """A beginner who rides (and logs no runs) is offered the bike the day after legs, not the
    elliptical they never use: the stand-in for a run is the nearest low-impact one they logged in the
    six weeks before (a walk does not stand in for a run). With none logged, the nearest to a run."""

    def tuesday(*logged, level="beginner"):
        week = plan(profile("general", level), [legs(MON), *logged], TUE)
        return suggestion(week, TUE)

    rides = [cardio(MON - dt.timedelta(days=n), "bike", 30, 4) for n in (2, 5, 9)]
    s = tuesday(*rides)
    assert s.modality == "bike" and "M2" in ids(s)
    assert "A ride instead of a run" in " ".join(texts(s))
    assert tuesday(*rides, level="intermediate").modality == "bike"
    assert tuesday(cardio(SUN - dt.timedelta(days=7), "row", 30, 4)).modality == "row"
    assert tuesday().modality == "elliptical"  # nothing logged: the nearest to a run
    walks = [cardio(MON - dt.timedelta(days=n), "walk", 40, 3) for n in (2, 5)]
    assert tuesday(*walks).modality == "elliptical"  # a walk carries no steady session
    # Of two they do, the nearer to a run; one logged seven weeks ago no longer counts.
    both = [*rides, cardio(SAT - dt.timedelta(days=7), "elliptical", 30, 4)]
    assert tuesday(*both).modality == "elliptical"
    assert tuesday(cardio(MON - dt.timedelta(days=50), "bike", 30, 4)).modality == "elliptical"


def test_sprints_come_with_run_and_turn_into_bike_sprints_without_it():
    def sunday(modalities=CARDIO_MODALITIES):
        week = plan(
            profile("power", "advanced", NO_LEG_DAYS, modalities=modalities),
            [legs(SAT, 7, 40, "17:00", EXPLOSIVE), check(SUN, 2)],
            SUN,
        )
        return suggestion(week, SUN)

    assert sunday().modality == "sprints"
    s = sunday(("bike", "swim"))
    assert (s.modality, s.intensity) == ("bike", "sprints") and "E4" in ids(s)
    assert not any("100-200 m" in t for t in texts(s))  # the running words stay with running
    assert "The plan would pick sprints today if running were on your list: a ride instead." in texts(s)


def test_an_option_that_cannot_carry_the_session_brings_its_intensity_down():
    # Only yoga: a free, ready day would hold intervals; yoga is never hard.
    week = plan(profile("general", leg_days=NO_LEG_DAYS, modalities=("yoga",)), [check(SUN, 0)], SUN)
    s = suggestion(week, SUN)
    assert s.modality == "yoga" and not is_hard(s) and s.effort[1] <= 2
    # Yoga is mobility, not zone-2 cardio: the day becomes a recovery day and says nothing of zone 2.
    assert s.kind == "recovery" and not any("zone-2" in t for t in texts(s))
    assert is_hard(suggestion(plan(profile("general", leg_days=NO_LEG_DAYS), [check(SUN, 0)], SUN), SUN))


def test_size_goal_without_a_bike_keeps_the_run_and_says_why():
    # S9 prefers cycling to running for size; a preference, not a safety line.
    week = plan(profile("strength", leg_days=NO_LEG_DAYS, modalities=("run", "walk")), [check(SUN, 0)], SUN)
    s = suggestion(week, SUN)
    assert s.modality == "run" and "S9" not in ids(s)  # S9's reasons always mean "not a run"
    assert s.choice and "S9 vs your list" in s.choice and "no bike on your list" in s.choice
    assert (
        suggestion(plan(profile("strength", leg_days=NO_LEG_DAYS), [check(SUN, 0)], SUN), SUN).modality
        == "bike"
    )


def test_a_lifter_who_can_only_run_runs_easy_the_day_after_legs_and_is_told_why():
    def tuesday(modalities):
        return suggestion(plan(profile("general", modalities=modalities), [legs(MON)], TUE), TUE)

    s = tuesday(("run",))
    assert s.modality == "run" and not is_hard(s) and "M2" not in ids(s)
    assert s.choice and "M2 vs your list" in s.choice
    assert tuesday(("run", "row")).modality == "row"


def test_a_beginner_who_can_only_run_rests_the_day_after_legs():
    def tuesday(modalities):
        return suggestion(plan(profile("general", "beginner", modalities=modalities), [], MON), TUE)

    s = tuesday(("run",))
    assert s.kind == "rest" and ids(s) == {"P1"} and "nothing else on your list" in texts(s)[0]
    assert tuesday(("run", "bike")).modality == "bike"


def test_a_recovery_day_without_a_gentle_option_on_the_list_is_rest():
    def sunday(modalities):
        return suggestion(
            plan(profile("general", leg_days=NO_LEG_DAYS, modalities=modalities), [check(SUN, 6)], SUN), SUN
        )

    assert sunday(("run",)).kind == "rest"
    assert "Nothing on your list can stand in for a walk" in texts(sunday(("run",)))[0]
    assert sunday(("run", "swim")).kind == "recovery" and sunday(("run", "swim")).modality == "swim"


# --- What the legs need: sore regions (legday's own reasoning, M2) ----------------------------------


def rated(day, soreness, **regions) -> CheckIn:
    return CheckIn(day, soreness, regions=tuple((r, regions[r]) for r in REGION_NAMES if r in regions))


def e3_sunday(checkin, off=(), modalities=CARDIO_MODALITIES):
    """A runner the day after legs, low overall soreness: the runner's exception wants a hard run."""
    week = plan(
        profile("endurance", leg_days=NO_LEG_DAYS, modalities=modalities),
        [legs(SAT, 6, 45), checkin],
        SUN,
        off,
    )
    return suggestion(week, SUN)


def test_sore_calves_mean_no_running_and_the_reason_names_them():
    s = e3_sunday(rated(SUN, 2, calves=6))
    assert s.modality not in ("run", "sprints", "plyometrics", "stairs", "hike")
    # The runner's exception is a hard *run*: off the run it is no exception, so the day is steady.
    assert not is_hard(s) and "E3" not in ids(s)
    why = next(r for r in s.reasons if r.id == "M2")
    assert why.source == "legday" and why.text.startswith("Calves sore (rated 6/10 this morning)")
    assert "not a run" in why.text
    assert e3_sunday(rated(SUN, 2, calves=6), off={"M2"}).modality == "run"
    assert e3_sunday(rated(SUN, 2, quads=3)).modality == "run"  # rated, but not sore enough to matter


def test_sore_quads_mean_not_the_bike_but_a_swim_or_a_walk():
    def tuesday(checkin, modalities=CARDIO_MODALITIES):
        week = plan(profile("strength", modalities=modalities), [legs(MON), checkin], TUE)
        return suggestion(week, TUE)

    assert tuesday(rated(TUE, 4)).modality == "bike"  # S9's ride, when the quads are fine
    s = tuesday(rated(TUE, 4, quads=7))
    assert s.modality in ("swim", "walk")
    assert any(r.id == "M2" and "Quads sore" in r.text and "not a ride" in r.text for r in s.reasons)
    no_pool = tuesday(rated(TUE, 4, quads=7), ("run", "bike", "walk", "row"))
    assert no_pool.modality == "walk"
    assert any(
        "the plan would pick a swim today if it were on your list: a walk instead" in t
        for t in texts(no_pool)
    )


def test_yesterdays_region_rating_still_counts_today_and_two_days_on_as_a_projection():
    """A region rating holds the next day as it is; with no check-in since, it is still spared two days
    on at a point less (S7: sore at 48 h about as at 24 h), said as a projection. A check-in since
    without it clears it, and a rating that fades under the line (5 -> 4) no longer spares it."""

    def sunday(*checkins):
        week = plan(profile("endurance", leg_days=NO_LEG_DAYS), [legs(FRI, 6, 45), *checkins], SUN)
        return suggestion(week, SUN)

    s = sunday(rated(SAT, 2, calves=7))
    assert s.modality != "run" and any("rated 7/10 yesterday" in t for t in texts(s))
    assert sunday(rated(SAT, 2)).modality == "run"
    two_days = sunday(rated(FRI, 2, calves=7))
    assert two_days.modality != "run"
    assert any("likely still sore (rated 7/10 on Fri" in t and "projected" in t for t in texts(two_days))
    assert sunday(rated(FRI, 2, calves=7), rated(SAT, 2)).modality == "run"
    assert sunday(rated(FRI, 2, calves=5)).modality == "run"


def test_without_region_ratings_the_regions_the_last_session_loaded_count():
    # Rated 5/10 overall after box jumps and calf raises: that soreness is likely in the calves.
    jumps = (Exercise("box jump", 4, 5), Exercise("calf raise", 4, 12, 60.0))

    def saturday(soreness, off=()):
        week = plan(
            profile("endurance", leg_days=NO_LEG_DAYS),
            [legs(FRI, 7, 50, "18:00", jumps), check(SAT, soreness)],
            SAT,
            off,
        )
        return suggestion(week, SAT)

    s = saturday(5)
    assert s.modality not in ("run", "stairs", "hike")
    assert any(
        r.id == "M2"
        and r.source == "legday"
        and "calves" in r.text
        and "box jump, calf raise loaded them" in r.text
        for r in s.reasons
    )
    # P4 off too: soreness 5 today also keeps the day low impact (issue 7, item 7).
    assert saturday(5, off={"M2", "P4"}).modality == "run"
    assert saturday(4).modality == "run"  # rated below the line: nothing is spared


def test_cardio_on_sore_legs_prefers_a_walk_to_yoga_when_neither_bike_nor_swim_fits():
    # Sore quads, glutes and calves rule out bike and row; with no pool the walk (easy cardio) beats
    # yoga (mobility), though yoga loads the legs even less.
    jumps = (Exercise("box jump", 4, 5), Exercise("back squat", 5, 5, 90.0), Exercise("calf raise", 4, 15))
    week = plan(
        profile("endurance", leg_days=NO_LEG_DAYS, modalities=("bike", "walk", "row", "yoga")),
        [legs(SAT, 8, 60, "18:00", jumps), check(SUN, 5)],
        SUN,
    )
    s = suggestion(week, SUN)
    assert s.modality == "walk" and s.kind == "cardio"
    assert any(
        "the plan would pick a swim today if it were on your list: a walk instead" in t for t in texts(s)
    )


def test_the_catalogue_knows_which_regions_an_exercise_loads():
    from legday.core.catalogue import EXERCISE_NAMES, regions_loaded, traits

    assert traits("back squat").regions == {"quads", "glutes"}
    assert traits("seated calf raises").regions == {"calves"}  # unknown spelling, found by its words
    assert traits("paused romanian deadlift").regions == {"hamstrings", "glutes"}
    assert regions_loaded(["leg curl", "box jump"]) == {"hamstrings", "quads", "glutes", "calves"}
    assert all(traits(n).regions <= set(REGION_NAMES) for n in EXERCISE_NAMES)
    assert sum(1 for n in EXERCISE_NAMES if not traits(n).regions) <= 1  # hip adduction only


# --- What the legs need: recovery days (M1) ---------------------------------------------------------


def recovery_sunday(checkin, injury_prone=False, modalities=CARDIO_MODALITIES, off=()):
    week = plan(
        profile("general", leg_days=NO_LEG_DAYS, injury_prone=injury_prone, modalities=modalities),
        [legs(SAT, 7, 60), checkin],
        SUN,
        off,
    )
    s = suggestion(week, SUN)
    assert s.kind == "recovery", s
    return s


def test_a_recovery_day_walks_when_the_legs_are_tired_rather_than_very_sore():
    s = recovery_sunday(check(SUN, 6))
    assert s.modality == "walk" and any(r.id == "M1" and "blood flowing" in r.text for r in s.reasons)


def test_very_sore_legs_get_yoga_their_weight_off_not_a_walk():
    s = recovery_sunday(rated(SUN, 7, hamstrings=7))
    assert s.modality == "yoga"
    assert any(r.id == "M1" and r.source == "legday" and "7/10" in r.text for r in s.reasons)
    assert recovery_sunday(rated(SUN, 7, hamstrings=7), off={"M1"}).modality != "yoga"
    assert recovery_sunday(rated(SUN, 6, hamstrings=4)).modality == "walk"


def test_very_sore_quads_or_calves_or_an_injury_get_a_swim_and_pilates_stands_in_for_yoga():
    assert recovery_sunday(rated(SUN, 6, calves=8)).modality == "swim"
    assert recovery_sunday(rated(SUN, 7), injury_prone=True).modality == "swim"
    no_yoga = recovery_sunday(rated(SUN, 7, glutes=7), modalities=("run", "bike", "pilates"))
    assert no_yoga.modality == "pilates"
    assert "The plan would pick yoga today if it were on your list: pilates instead." in texts(no_yoga)


def test_a_long_steady_session_without_running_on_the_list_is_a_hike():
    week = plan(
        profile("endurance", leg_days=NO_LEG_DAYS, modalities=("bike", "hike", "swim")), [check(SAT, 1)], SAT
    )
    s = suggestion(week, SAT)
    assert s.modality == "hike" and (s.minutes or 0) >= 60
    with_run = plan(profile("endurance", leg_days=NO_LEG_DAYS), [check(SAT, 1)], SAT)
    assert suggestion(with_run, SAT).modality == "run"


# --- Recovery add-ons (R3) ---------------------------------------------------------------------------


def r3_text(session) -> str:
    return next((r.text for r in session.addons if r.id == "R3"), "")


def test_recovery_addons_are_complete_with_massage_as_the_best_supported():
    week = plan(profile("general"), [legs(MON)], TUE)
    text = r3_text(suggestion(week, TUE))
    for care in ("stretch", "foam roll", "massage", "cold water", "ice bath", "contrast", "compression"):
        assert care in text, care
    assert "massage eases soreness most, the best-supported" in text.lower()
    assert text.index("massage") < text.index("cold water")  # best-supported first
    assert r3_text(suggestion(plan(profile("general"), [legs(MON)], TUE, {"R3"}), TUE)) == ""


def test_leg_sessions_and_recovery_days_carry_the_recovery_addons_too():
    leg = next(s for s in plan(profile()).day(MON).sessions if s.kind == "legs")
    assert "massage" in r3_text(leg)
    unguarded = next(s for s in plan(profile(), disabled={"R3"}).day(MON).sessions if s.kind == "legs")
    assert r3_text(unguarded) == ""
    # A recovery day with no leg session in the 48 h before: soreness is why it is a recovery day.
    sore = suggestion(plan(profile(leg_days=NO_LEG_DAYS), [check(SUN, 6)], SUN), SUN)
    assert sore.kind == "recovery" and "massage" in r3_text(sore)


# --- Properties ------------------------------------------------------------------------------------

FAST = examples(80)
WORKOUTS = tuple(
    tuple(Exercise(n, 3, 5, 60.0) for n in names)
    for names in (
        (),
        ("back squat", "leg curl"),
        ("power clean", "box jump"),
        ("calf raise", "walking lunge"),
        ("romanian deadlift", "nordic curl"),
        ("leg extension",),
        ("mystery machine",),
    )
)
LOGGED = ("run", "bike", "swim", "walk", "sprints", "row", "kayak")
REGION_NAMES = ("quads", "hamstrings", "glutes", "calves")


def day(n: int) -> dt.date:
    return MON + dt.timedelta(days=n)


def clock(quarter: int) -> dt.time:
    return dt.time(5 + quarter // 4, 15 * (quarter % 4))


offsets = st.integers(-14, 13)
leg_rows = st.tuples(
    offsets, st.integers(0, 67), st.integers(10, 120), st.integers(0, 10), st.integers(0, len(WORKOUTS) - 1)
)
cardio_rows = st.tuples(offsets, st.sampled_from(LOGGED), st.integers(5, 120), st.integers(0, 10))
checkin_rows = st.tuples(
    offsets,
    st.integers(0, 10),
    st.booleans(),
    st.dictionaries(st.sampled_from(REGION_NAMES), st.integers(0, 10)),
)


@st.composite
def histories(draw) -> History:
    legs_ = sorted(
        (
            LegSession(day(d), clock(q), m, e, WORKOUTS[w])
            for d, q, m, e, w in draw(st.lists(leg_rows, max_size=8))
        ),
        key=lambda s: s.date,
    )
    cardio = sorted(
        (CardioSession(day(d), k, m, e) for d, k, m, e in draw(st.lists(cardio_rows, max_size=6))),
        key=lambda s: s.date,
    )
    checks = {}
    for d, soreness, pain, regions in draw(st.lists(checkin_rows, max_size=8)):
        rated = tuple((r, regions[r]) for r in REGION_NAMES if r in regions)
        checks[day(d)] = CheckIn(day(d), soreness, None, pain, rated)
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


def sore_that_day(history: History, date: dt.date) -> dict[str, int]:
    """Regions rated 5/10 or more for ``date``, with their rating: that day's check-in, or yesterday's
    if it has none."""
    found = [c for c in history.checkins if c.date == date]
    if not found:
        found = [c for c in history.checkins if c.date == date - dt.timedelta(days=1)]
    return {r: level for c in found for r, level in c.regions if level >= 5}


@FAST
@given(profiles(), histories(), st.integers(0, 13).map(day), st.sampled_from([0, 6]))
def test_no_suggestion_ever_loads_hard_a_region_rated_sore(prof, history, today, week_start):
    from legday.core.rules.modality import DEMAND, Sore, hard_on

    week = plan_week(prof, history, today, week_start)
    rated = History(checkins=tuple(c for c in history.checkins if c.date <= today))  # mornings come
    for d in week.days:
        sore = sore_that_day(rated, d.date)
        for s in d.sessions:
            if s.status != "suggested" or s.kind not in ("cardio", "recovery"):
                continue
            if "calves" in sore:  # the plain-words version of the rule
                assert s.modality not in ("run", "sprints", "plyometrics"), (d.date, s)
            # Hard on a region: a modality that works it hard, unless kept easy without impact while
            # the region is sore but not very sore (an easy spin on sore quads: M1's low-impact cardio).
            assert not [r for r, v in sore.items() if hard_on(s.modality, Sore(r, v, True), s.intensity)], (
                d.date,
                sore,
                s,
            )
            for r, v in sore.items():
                if v >= 7 or s.intensity not in ("recovery", "easy"):
                    assert DEMAND[s.modality].load(r) < 2, (d.date, sore, s)


@FAST
@given(profiles(), histories(), st.integers(0, 13).map(day), st.sampled_from([0, 6]))
def test_a_session_moved_for_its_modality_is_never_a_run_or_jumps(prof, history, today, week_start):
    """M2 (the muscles you trained, or a sore region), S9 and P2 lines always mean "not a run"."""
    week = plan_week(prof, history, today, week_start)
    for s in suggested(week):
        if s.kind != "rest" and ids(s) & {"M2", "S9", "P2"}:
            assert s.modality not in ("run", "sprints", "plyometrics"), s


# --- The guards' low-impact pick is the modality module's, region-aware and from the list ----------------


def test_a_guard_that_takes_the_run_away_picks_from_the_list_and_spares_sore_regions():
    """The day after a race (G3: low impact) the guard's pick is one the person can do, with no stale
    "the plan would pick a ride" line; with nothing low-impact on the list the day is rest, saying
    why. The pick itself spares sore regions and puts the injury-prone in the water."""
    from legday.core.readiness import LegIndex, day_readiness
    from legday.core.rules.base import Ctx, cardio_draft
    from legday.core.rules.modality import low_impact

    def friday(modalities=CARDIO_MODALITIES):
        week = plan(
            profile("endurance", "advanced", leg_days=NO_LEG_DAYS, modalities=modalities),
            [CardioSession(dt.date(2026, 11, 19), "run", 75, 7, dt.time(9))],
            FRI,
        )
        return suggestion(week, FRI)

    no_bike = friday(("run", "swim", "walk"))
    assert no_bike.modality == "swim" and not any("would pick" in t for t in texts(no_bike))
    only_run = friday(("run",))
    assert only_run.kind == "rest" and "nothing low-impact on your list" in texts(only_run)[0]
    assert friday().modality not in ("run", "sprints", "plyometrics")

    def pick(checkin=None, modalities=CARDIO_MODALITIES, injury_prone=False):
        prof = profile("endurance", leg_days=NO_LEG_DAYS, modalities=modalities, injury_prone=injury_prone)
        index = LegIndex([])
        ctx = Ctx(
            SAT,
            prof,
            day_readiness(SAT, [], checkin),
            index,
            [],
            checkins={SAT: checkin} if checkin else {},
        )
        return low_impact(cardio_draft(SAT, "zone2", "run", "moderate", 40, (25, 60), 80), ctx)

    assert pick() == "elliptical"  # nearest to a run
    assert pick(rated(SAT, 3, calves=7)) not in ("stairs", "hike")
    assert pick(rated(SAT, 3, quads=7)) in ("swim", "walk")  # not the bike, the elliptical or the rower
    assert pick(injury_prone=True) == "swim"
    assert (
        pick(modalities=("run", "hike")) == "hike" and pick(rated(SAT, 3, calves=7), ("run", "hike")) is None
    )


# --- Words about what is not on the list ----------------------------------------------------------------

# How a sentence may name each modality: its noun and, where there is one, the activity.
NAMED = {
    "run": ("run", "running"),
    "bike": ("ride", "bike", "cycling"),
    "swim": ("swim", "swimming"),
    "elliptical": ("elliptical",),
    "walk": ("walk", "walking"),
    "row": ("row", "rowing"),
    "hike": ("hike", "hiking"),
    "stairs": ("stair machine",),
    "yoga": ("yoga",),
    "pilates": ("pilates",),
}
CLAIMS = re.compile(r"\b(suits?|best|better|kindest|ideal)\b", re.I)


def _clauses(text: str) -> list[str]:
    return [c for c in re.split(r"[.;:](?:\s|$)", text) if c.strip()]


@examples(150)
@given(profiles(), histories(), st.integers(0, 13).map(day), st.sampled_from([0, 3]))
def test_nothing_off_the_list_is_ever_said_to_suit_the_person(prof, history, today, week_start):
    """Found by a coach: a walker was told "a run would suit today best". Whatever the list, a clause
    that names cardio the person does not list never calls it best, better, kindest or suitable: it can
    only say what the plan would pick if it were on the list, or what the session is not."""
    week = plan_week(prof, history, today, week_start)
    unlisted = [m for m in NAMED if not prof.can_do(m)]
    for d in week.days:
        for s in d.sessions:
            if s.status != "suggested":
                continue
            lines = [r.text for r in (*s.reasons, *s.addons)] + ([s.choice] if s.choice else [])
            for line in lines:
                check_would_pick(line, s, prof)
                for clause in _clauses(line):
                    if not CLAIMS.search(clause):
                        continue
                    for m in unlisted:
                        for word in NAMED[m]:
                            assert not re.search(rf"\b{word}\b", clause, re.I), (
                                prof.modalities,
                                clause,
                                line,
                            )


WOULD_PICK = re.compile(r"would pick (.+?) today if (?:it|running) were on your list: (.+?) instead")


def check_would_pick(line: str, s, prof) -> None:
    """Found by a coach: "the plan would pick sprints today" on an easy row that a later rule had made
    easy. The line names what is off the list and what the session is, as it ends up: sprints or jumps
    only on a hard session, and never for a pick that is on the list."""
    from legday.core.rules.modality import DEMAND

    found = WOULD_PICK.search(line)
    if not found:
        return
    wish, pick = found.groups()
    by_noun = {DEMAND[m].noun: m for m in DEMAND}
    assert by_noun.get(pick) == s.modality, (line, s.modality)
    assert wish in by_noun and not prof.can_do(by_noun[wish]), (line, prof.modalities)
    if by_noun[wish] in ("sprints", "plyometrics"):
        assert s.intensity in ("tempo", "intervals", "sprints"), (line, s.intensity)
