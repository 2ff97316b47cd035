"""Readiness: load-based fatigue (S3) that decays over days (S7, S8), overridden by a fresh soreness
rating (S6), cut by short sleep (R1, P3) and pain (P4), explained line by line; the S5 ratio."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.readiness import (
    DECAY,
    LegIndex,
    acwr,
    daily_loads,
    day_readiness,
    decay,
)
from tests.core.builders import MON, SAT, SUN, TUE, cardio, check, legs


def test_decay_is_flat_for_a_day_then_fades_to_nothing_by_day_four():
    assert decay(-1) == 0 and decay(0) == decay(24) == 1
    assert decay(48) == pytest.approx(0.8) and decay(72) == pytest.approx(0.4)
    assert decay(96) == decay(200) == 0
    samples = [decay(h) for h in range(0, 100, 3)]
    assert samples == sorted(samples, reverse=True)
    assert DECAY[-1][0] == 96


def test_fresh_legs_score_100_and_say_so():
    r = day_readiness(SUN, LegIndex([]), None)
    assert r.score == 100 and r.fatigue == 0
    assert r.why[0].startswith("Start at 100")
    assert "own choice" in r.why[-1] and "S6" in r.why[-1]


def test_why_lines_show_the_load_the_hours_and_the_result():
    r = day_readiness(SUN, LegIndex([legs(SAT, 7, 60)]), None)
    text = "\n".join(r.why)
    assert "effort 7 x 60 min = load 420 (S3)" in text
    assert "12 h on, 100% of its fatigue is left (S7, S8): -42." in text  # Sat 19:00 to Sun 07:00
    assert r.score == 58 and f"Readiness {r.score}/100" in r.why[-1]


def test_an_evening_session_does_not_count_that_morning():
    assert day_readiness(SAT, LegIndex([legs(SAT, 9, 90)]), None).score == 100


def test_sessions_add_up_but_fatigue_is_capped():
    many = [legs(SAT, 10, 120, "06:00"), legs(SAT, 10, 120, "12:00"), legs(SAT, 10, 120, "18:00")]
    r = day_readiness(SUN, LegIndex(many), None)
    assert r.fatigue == 85 and r.score == 15 and any("capped" in w for w in r.why)


def test_soreness_check_in_overrides_and_the_estimate_falls_back_to_the_model():
    index = LegIndex([legs(SAT, 8, 60)])
    assert day_readiness(SUN, index, check(SUN, 0)).score == 100
    assert day_readiness(SUN, index, check(SUN, 10)).score == 0
    rated = day_readiness(SUN, index, check(SUN, 3))
    assert rated.soreness_estimate == 3
    guessed = day_readiness(SUN, index, None)
    assert guessed.soreness is None and guessed.soreness_estimate == round(guessed.fatigue / 10) == 5


@pytest.mark.parametrize("sleep, cut", [(8, 0), (9.5, 0), (7.5, 5), (6, 5), (5.9, 15), (0, 15)])
def test_sleep_cuts(sleep, cut):
    r = day_readiness(SUN, LegIndex([]), check(SUN, 2, sleep))
    assert r.score == 80 - cut
    assert any("Slept" in w for w in r.why) == bool(cut)


def test_pain_caps_readiness_at_10():
    r = day_readiness(SUN, LegIndex([]), check(SUN, 0, pain=True))
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

    from tests.core.test_truth_properties import check_readiness_adds_up

    r = day_readiness(SUN, LegIndex([]), check(SUN, 9, 5))
    assert r.score == 0
    assert any(line.startswith("Readiness stops at 0") for line in r.why)
    check_readiness_adds_up(SimpleNamespace(readiness=r.score, readiness_why=r.why))
    # Without the floor line the same steps would add up to -5, not the 0 shown.
    without = SimpleNamespace(readiness=0, readiness_why=tuple(x for x in r.why if "stops at 0" not in x))
    with pytest.raises(AssertionError):
        check_readiness_adds_up(without)
