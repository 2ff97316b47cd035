"""Readiness: load-based fatigue (S3) by what a session does to the legs (strain.py), fading by the day
(S7, S8), overridden by a fresh soreness rating (S6), cut by short sleep (R1, P3) and pain (P4),
explained line by line; the S5 ratio."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import LegSession
from legday.core.readiness import LegIndex, acwr, daily_loads, day_readiness, leg_strain
from legday.core.strain import (
    COURSE_DAYS,
    UNKNOWN_KIND,
    cardio_strain,
    fraction_left,
    kind_factor,
    race_like,
    recovery_days,
)
from tests.core.builders import MON, SAT, SUN, TUE, cardio, check, legs


def strains(*sessions):
    out = []
    index = LegIndex([s for s in sessions if isinstance(s, LegSession)])
    for s in sessions:
        if isinstance(s, LegSession):
            out.append(leg_strain(s, index))
        else:
            out.append(cardio_strain(s.date, s.modality, s.minutes, s.effort))
    return out


def test_fatigue_is_whole_the_first_morning_then_fades_by_the_day():
    assert [fraction_left(n) for n in range(6)] == pytest.approx([0, 1.0, 0.9, 0.6, 0.2, 0])
    assert COURSE_DAYS == 4
    # A race fades over its own recovery days, more slowly.
    slow = [fraction_left(n, 12) for n in range(1, 14)]
    assert slow == sorted(slow, reverse=True) and slow[3] > 0.6 and slow[-1] == 0


def test_fresh_legs_score_100_and_say_so():
    r = day_readiness(SUN, [], None)
    assert r.score == 100 and r.fatigue == 0
    assert r.why[0].startswith("Start at 100")
    assert "own choice" in r.why[-1] and "S6" in r.why[-1] and "projected" in r.why[-1]


def test_why_lines_show_the_load_the_day_and_the_result():
    r = day_readiness(SUN, strains(legs(SAT, 7, 60)), None)
    text = "\n".join(r.why)
    assert "Sat 21's leg session, 60 min at 7/10: load 420 (S3)." in text
    assert "A day on, all of its fatigue is still there (S7, S8): -42." in text
    assert r.score == 58 and f"projected at {r.score}/100" in r.why[-1]


def test_the_hour_of_a_session_never_changes_a_morning():
    """Counted by the day: an hour earlier or later within the day is the same morning after."""
    for at in ("05:00", "12:00", "21:45"):
        assert day_readiness(SUN, strains(legs(SAT, 7, 60, at)), None).score == 58
    # What is done today counts from tomorrow, whatever the hour.
    assert day_readiness(SAT, strains(legs(SAT, 9, 90, "05:00")), None).score == 100


def test_cardio_counts_by_what_it_does_to_the_legs():
    """A hard hour of squats costs more than four easy hours of hiking; a run more than a ride."""
    squats = day_readiness(SUN, strains(legs(SAT, 7, 60)), None).score
    hike = day_readiness(SUN, strains(cardio(SAT, "hike", 240, 3)), None).score
    assert squats < hike < 100
    run = day_readiness(SUN, strains(cardio(SAT, "run", 40, 8)), None).score
    ride = day_readiness(SUN, strains(cardio(SAT, "bike", 40, 8)), None).score
    assert run < ride
    assert kind_factor("football") == kind_factor("Sunday league football") > kind_factor("bike")
    assert kind_factor("kayak") == UNKNOWN_KIND < kind_factor("run")  # unknown: in between


def test_races_are_long_hard_efforts_and_their_recovery_scales_with_length():
    assert race_like(9, 50) and race_like(7, 80) and not race_like(8, 45) and not race_like(5, 180)
    ten_k = recovery_days(50, 9, kind_factor("run"))
    marathon = recovery_days(210, 8, kind_factor("run"))
    assert 3 <= ten_k <= 4 and marathon >= 10
    # A marathon still weighs on the legs ten days on; a hard hour of legs is gone in five.
    race = cardio_strain(SAT, "run", 210, 8)
    assert race.race and race.left(SAT + dt.timedelta(days=8)) > 0
    assert leg_strain(legs(SAT), LegIndex([])).left(SAT + dt.timedelta(days=5)) == 0


def test_sessions_add_up_but_fatigue_is_capped():
    many = [legs(SAT, 10, 120, "06:00"), legs(SAT, 10, 120, "12:00"), legs(SAT, 10, 120, "18:00")]
    r = day_readiness(SUN, strains(*many), None)
    assert r.fatigue == 85 and r.score == 15 and any("capped" in w for w in r.why)


def test_soreness_check_in_overrides_and_the_estimate_falls_back_to_the_model():
    s = strains(legs(SAT, 8, 60))
    assert day_readiness(SUN, s, check(SUN, 0)).score == 100
    assert day_readiness(SUN, s, check(SUN, 10)).score == 0
    rated = day_readiness(SUN, s, check(SUN, 3))
    assert rated.soreness_estimate == 3 and rated.rated and "projected" not in rated.why[-1]
    guessed = day_readiness(SUN, s, None)
    assert guessed.soreness is None and guessed.soreness_estimate == round(guessed.fatigue / 10) == 5


@pytest.mark.parametrize("sleep, cut", [(8, 0), (9.5, 0), (7.5, 5), (6, 5), (5.9, 15), (0, 15)])
def test_sleep_cuts(sleep, cut):
    r = day_readiness(SUN, [], check(SUN, 2, sleep))
    assert r.score == 80 - cut
    assert any("You slept" in w for w in r.why) == bool(cut)


def test_pain_caps_readiness_at_10():
    r = day_readiness(SUN, [], check(SUN, 0, pain=True))
    assert r.score == 10 and r.pain and any("P4" in w for w in r.why)


def test_leg_index_answers_before_after_and_during():
    mon, tue = legs(MON, 8, 60, "18:00"), legs(TUE, 5, 60, "07:00")
    index = LegIndex([tue, mon])
    at = dt.datetime.combine(TUE, dt.time(12))
    assert index.last_before(at) is tue
    assert index.last_hard_before(at) is mon
    assert index.ended_within(at, 24) == [mon, tue]
    assert index.next_after(dt.datetime.combine(MON, dt.time(8))) is mon
    assert index.running_at(dt.datetime.combine(TUE, dt.time(7, 30))) is tue
    assert index.running_at(at) is None
    assert index.on(TUE) == [tue]


def test_acwr_needs_four_weeks_and_flags_a_spike():
    steady = [cardio(MON - dt.timedelta(days=n), minutes=30, effort=5) for n in range(50, -1, -1)]
    assert acwr(daily_loads([], steady[-20:]), MON) is None  # under 28 days of history
    assert acwr(daily_loads([], steady), MON) == pytest.approx(1.0, abs=0.1)
    spike = steady + [cardio(MON - dt.timedelta(days=n), minutes=120, effort=9) for n in range(6, -1, -1)]
    assert acwr(daily_loads([], spike), MON) >= 1.5
    assert acwr({}, MON) is None


def test_a_floored_score_has_its_own_line_so_the_lines_add_up():
    # 9/10 leaves 10; a 5 h night takes 15: the floor at 0 is a line, not a silent clamp.
    from types import SimpleNamespace

    from tests.core.test_timeline_properties import check_readiness_adds_up

    r = day_readiness(SUN, [], check(SUN, 9, 5))
    assert r.score == 0
    assert any(line.startswith("Readiness stops at 0") for line in r.why)
    check_readiness_adds_up(SimpleNamespace(readiness=r.score, readiness_why=r.why, soreness=9))
    # Without the floor line the same steps would add up to -5, not the 0 shown.
    without = SimpleNamespace(
        readiness=0, readiness_why=tuple(x for x in r.why if "stops at 0" not in x), soreness=9
    )
    with pytest.raises(AssertionError):
        check_readiness_adds_up(without)


def test_a_race_whose_fatigue_fades_on_the_usual_course_is_not_said_to_differ():
    """Found: "a race-like effort takes 4 days to fade, not 4" after a 45-minute 10K at 9/10. The line
    names the race's course only where it is not the usual one."""
    import re

    from legday.core.model import CardioSession
    from tests.core.builders import MON, THU, plan, profile

    for minutes in (45, 200):  # a 10K race (the usual course) and a marathon (a longer one)
        week = plan(profile("endurance", event_date=MON), [CardioSession(MON, "run", minutes, 9)], THU)
        lines = [line for d in week.days for line in d.readiness_why]
        said = [m for line in lines for m in re.findall(r"takes (\d+) days to fade, not (\d+)", line)]
        assert all(a != b for a, b in said), said
        if minutes == 200:
            assert said, lines


def test_a_day_without_a_check_in_is_worded_by_where_it_lies_from_today():
    # A day gone by gets no check-in any more: its number is not "projected until this morning's".
    gone = day_readiness(SAT, strains(legs(SAT - dt.timedelta(days=1), 7, 60)), None, today=SUN)
    assert gone.why[-1].startswith("No check-in that morning: readiness ")
    assert "projected" not in gone.why[-1] and "this morning" not in gone.why[-1]
    now = day_readiness(SUN, [], None, today=SUN)
    assert now.why[-1].startswith("Readiness projected at 100/100 until this morning's check-in.")
    ahead = day_readiness(SUN + dt.timedelta(days=2), [], None, today=SUN)
    assert ahead.why[-1].startswith("Readiness projected at 100/100 until that morning's check-in.")
    # A rated morning reads the same whenever it is.
    rated = day_readiness(SAT, [], check(SAT, 2), today=SUN)
    assert rated.why[-1].startswith("Readiness 80/100.")
    assert gone.score == day_readiness(SAT, strains(legs(SAT - dt.timedelta(days=1), 7, 60)), None).score
