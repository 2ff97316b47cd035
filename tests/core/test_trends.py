"""Weekly trends against weeks worked out by hand: loads (S3), minutes and the hard/easy mix as the
planner counts them, soreness and readiness means, the ratio (S5) and the fitness-fatigue model (S4)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.core.model import CardioSession, CheckIn, History, LegSession, Skip
from legday.core.planner import plan_week
from legday.core.readiness import acwr
from legday.core.trends import (
    WeekTrend,
    Window,
    fitness_fatigue,
    to_json,
    trends_window,
    week_words,
    weekly_trends,
)

from .builders import cardio, check, legs, profile
from .test_properties import MODALITIES, WORKOUTS, profiles

D = dt.date


def history(*items) -> History:
    """Like builders.history, skips included."""

    def of(kind):
        return tuple(sorted((i for i in items if isinstance(i, kind)), key=lambda i: i.date))

    return History(of(LegSession), of(CardioSession), of(CheckIn), of(Skip))


END = D(2026, 11, 19)  # Thursday; its week runs Mon 16 - Sun 22 November
PROFILE = profile(leg_days=(0, 3))


def fortnight():
    """Last week: every morning rated, two leg days, three cardio sessions (one hard).
    This week to Thursday: legs Monday, an easy bike, a skipped run; Thursday's legs not yet."""
    last_week = [
        legs(D(2026, 11, 9), effort=7, minutes=60),  # 420
        legs(D(2026, 11, 12), effort=8, minutes=50),  # 400
        cardio(D(2026, 11, 10), "bike", 30, 3),  # 90, easy
        cardio(D(2026, 11, 14), "run", 20, 8),  # 160, hard (intervals)
        cardio(D(2026, 11, 15), "walk", 40, 2),  # 80, recovery: counts as easy
        *(check(D(2026, 11, 9) + dt.timedelta(days=n), s) for n, s in enumerate([2, 6, 4, 1, 5, 3, 0])),
    ]
    this_week = [
        legs(D(2026, 11, 16), effort=8, minutes=70),  # 560
        cardio(D(2026, 11, 17), "bike", 25, 3),  # 75, easy
        Skip(D(2026, 11, 18), "run"),
        check(D(2026, 11, 16), 2),  # readiness 80
        check(D(2026, 11, 17), 6, sleep=9.0),  # 40 (sleep 9 h: no cut)
        check(D(2026, 11, 18), 3),  # 70
        check(D(2026, 11, 19), 1, pain=True),  # 90, capped at 10 by pain
        cardio(D(2026, 11, 20), "run", 60, 5),  # after END: must not count
    ]
    return history(*last_week, *this_week)


def test_two_weeks_by_hand():
    trends = weekly_trends(PROFILE, fortnight(), END, weeks=2)
    last, this = trends.weeks
    assert (last.week_start, this.week_start) == (D(2026, 11, 9), D(2026, 11, 16))
    assert (last.leg_load, last.cardio_load) == (420 + 400, 90 + 160 + 80)
    assert (last.cardio_minutes, last.hard, last.easy) == (30 + 20 + 40, 1, 2)
    assert last.soreness == (2 + 6 + 4 + 1 + 5 + 3 + 0) / 7  # 3.0
    assert last.readiness == 100 - 10 * 3.0  # every morning rated, no sleep given: 100 - 10 x soreness
    assert last.days == 7 and last.leg_sessions == 2
    # This week counts only to Thursday: Friday's run is not in it.
    assert (this.leg_load, this.cardio_load) == (560, 75)
    assert (this.cardio_minutes, this.hard, this.easy) == (25, 0, 1)
    assert this.soreness == (2 + 6 + 3 + 1) / 4
    assert this.readiness == (80 + 40 + 70 + 10) / 4
    assert this.days == 4 and this.last_day == END
    # Under four weeks of history: no ratio (S5 needs the chronic month).
    assert last.acwr is None and this.acwr is None
    assert this.target_minutes == (150, 180)


def test_moderate_sessions_are_counted_as_the_weeks_totals_count_them():
    """Found by a coach: the week said "1 hard, 1 moderate, 4 easy" and trends "1 hard, 5 easy". A
    moderate run (effort 5) is one of ``easy`` (every session not hard, the JSON contract) and is
    counted in ``moderate`` too, as the plan's totals count it; the words say all three."""
    h = history(
        cardio(D(2026, 11, 16), "run", 40, 5),  # moderate
        cardio(D(2026, 11, 17), "bike", 30, 3),  # easy
        cardio(D(2026, 11, 18), "run", 30, 8),  # hard
    )
    trends = weekly_trends(PROFILE, h, END, weeks=1)
    (week,) = trends.weeks
    assert (week.hard, week.easy, week.moderate) == (1, 2, 1)
    totals = plan_week(PROFILE, h, END + dt.timedelta(days=7), week=END).totals
    assert (totals.hard_sessions, totals.easy_sessions, totals.moderate_sessions) == (1, 2, 1)
    assert any("1 hard, 1 moderate, 1 easy" in r.text for r in week_words(PROFILE, week, trends.weeks))
    assert to_json(trends)["weeks"][0]["moderate"] == 1


def test_a_week_nobody_rated_has_no_soreness_or_readiness():
    h = history(legs(D(2026, 11, 16), effort=7, minutes=60), cardio(D(2026, 11, 17), "bike", 30, 3))
    (week,) = weekly_trends(PROFILE, h, END, weeks=1).weeks
    assert week.leg_load == 420 and week.cardio_load == 90
    assert week.soreness is None and week.readiness is None
    empty = weekly_trends(PROFILE, history(), END, weeks=3)
    assert [(w.leg_load, w.cardio_load, w.cardio_minutes, w.hard, w.easy) for w in empty.weeks] == [
        (0,) * 5
    ] * 3


def _steady(load_days: int, effort: int = 5, minutes: int = 40):
    """A 40-minute effort-5 bike (load 200) every day for ``load_days`` days up to END."""
    return history(
        *(cardio(END - dt.timedelta(days=n), "bike", minutes, effort, at=None) for n in range(load_days))
    )


def test_ratio_and_model_for_a_steady_load_by_hand():
    trends = weekly_trends(PROFILE, _steady(200), END, weeks=2)
    last, this = trends.weeks
    # S5 as the planner runs it: both averages from zero, 56 days up to the day counted.
    la, lc = 2 / 8, 2 / 29
    assert this.acwr == round((1 - (1 - la) ** 56) / (1 - (1 - lc) ** 56), 2)
    assert last.acwr == this.acwr  # the same steady load: the same ratio
    # S4: from zero the look-back (56 days) before the week, to the day counted.
    days = 56 + 4  # Mon 16 - 56 days .. Thu 19
    assert this.fitness == round(200 * (1 - (41 / 42) ** days), 1)
    assert this.fatigue == round(200 * (1 - (6 / 7) ** days), 1)
    # Whole weeks of the same load.
    assert last.cardio_load == 7 * 200 and this.cardio_load == 4 * 200
    assert last.cardio_minutes == 7 * 40 and (last.hard, last.easy) == (0, 7)


def test_ratio_is_the_planners_for_a_past_week():
    h = history(
        *(cardio(END - dt.timedelta(days=n), "run", 30 + n % 20, 3 + n % 5, at=None) for n in range(90)),
        legs(D(2026, 11, 2)),
        legs(D(2026, 11, 9), effort=9, minutes=90),
    )
    week = weekly_trends(PROFILE, h, END, weeks=3).weeks[1]  # 9-15 November
    planned = plan_week(PROFILE, h, D(2026, 11, 16), week=D(2026, 11, 9))
    assert week.acwr is not None and week.acwr == planned.totals.acwr
    assert (week.cardio_minutes, week.hard, week.easy) == (
        planned.totals.cardio_minutes,
        planned.totals.hard_sessions,
        planned.totals.easy_sessions,
    )


def test_a_sudden_jump_is_a_warning_in_the_words():
    # A quiet month (load 30 a day), then a week of load 400 a day: the ratio goes over 1.5.
    quiet = [cardio(END - dt.timedelta(days=n), "walk", 15, 2, at=None) for n in range(10, 70)]
    hard = [cardio(END - dt.timedelta(days=n), "bike", 50, 8, at=None) for n in range(0, 10)]
    trends = weekly_trends(PROFILE, history(*quiet, *hard), END, weeks=2)
    week = trends.weeks[-1]
    assert week.acwr is not None and week.acwr >= 1.5
    words = week_words(PROFILE, week, trends.weeks)
    s5 = [r for r in words if r.id == "S5"]
    assert len(s5) == 1 and "disputed" in s5[0].text
    # Mon-Thu of this week: four effort-8 bikes (hard), nothing easy.
    assert (week.hard, week.easy) == (4, 0)
    assert any(r.id == "S11" and "4 hard, 0 moderate, 0 easy: 0% not hard" in r.text for r in words)


def test_words_name_what_was_heavy_and_missed():
    trends = weekly_trends(PROFILE, fortnight(), END, weeks=2)
    last, this = trends.weeks
    words = [r.text for r in week_words(PROFILE, last, trends.weeks)]
    assert any("legs on Mon 09 Nov, 60 min at effort 7 (load 420)" in t for t in words)
    assert any("Cardio 90 min: 60 min short of the 150-180 min band" in t for t in words)
    assert any("1 hard, 0 moderate, 2 easy: 67% not hard" in t for t in words)
    now = [r.text for r in week_words(PROFILE, this, trends.weeks)]
    assert any(t == "Skipped: run Wed 18." for t in now)
    # Thursday's legs may still come today: not missed yet.
    assert not any("usual leg day" in t for t in now)
    # A week later, with Thursday gone by, it is missed.
    later = weekly_trends(PROFILE, fortnight(), D(2026, 11, 22), weeks=1)
    words = [r.text for r in week_words(PROFILE, later.weeks[0], later.weeks)]
    assert "No leg session on your usual leg day: Thu 19." in words


def test_weeks_start_on_the_chosen_day():
    trends = weekly_trends(PROFILE, fortnight(), END, weeks=2, week_start=6)  # Sunday
    assert [w.week_start for w in trends.weeks] == [D(2026, 11, 8), D(2026, 11, 15)]
    # Sun 15 Nov's walk now falls in the second week.
    assert trends.weeks[1].cardio_minutes == 40 + 25


def test_window_is_the_weeks_and_the_look_back_only():
    assert trends_window(END, 12) == (D(2026, 11, 16) - dt.timedelta(days=7 * 11 + 56), END)
    assert trends_window(END, 1) == (D(2026, 11, 16) - dt.timedelta(days=56), END)


@pytest.mark.parametrize("weeks", [0, 53, -1, True, 2.5])
def test_weeks_out_of_range_are_refused(weeks):
    with pytest.raises(InputError, match="accepted: 1 to 52"):
        Window(PROFILE, history(), END, weeks)


def test_json_has_the_contract_keys():
    data = to_json(weekly_trends(PROFILE, fortnight(), END, weeks=2))
    keys = {
        "week_start",
        "leg_load",
        "cardio_load",
        "cardio_minutes",
        "hard",
        "easy",
        "moderate",
        "soreness",
        "readiness",
        "acwr",
    }
    assert all(keys <= set(w) for w in data["weeks"])
    assert data["weeks"][0]["week_start"] == "2026-11-09" and data["weeks"][0]["leg_load"] == 820
    assert data["weeks"][1]["acwr"] is None


# -- the numbers from the records equal the numbers from the planned weeks ---------------------------


def by_the_plan(window: Window, ws: dt.date) -> WeekTrend:
    """A week's numbers the slow way, as they were first written: read off ``plan_week`` for the
    week, planned as of the day after it. ``Window.week`` must give exactly these."""
    last = min(ws + dt.timedelta(days=6), window.end)
    plan = plan_week(window.profile, window.history, ws + dt.timedelta(days=7), window.week_start, week=ws)
    days = [d for d in plan.days if d.date <= last]
    rated = [d.soreness for d in days if d.soreness is not None]
    soreness = round(sum(rated) / len(rated), 1) if rated else None
    rated_days = [d for d in days if d.soreness is not None]  # the mornings rated, and only those
    readiness = round(sum(d.readiness for d in rated_days) / len(rated_days), 1) if rated else None
    legs_in = [s for s in window.history.legs if ws <= s.date <= last]
    cardio_in = [s for s in window.history.cardio if ws <= s.date <= last]
    lookback = ws - dt.timedelta(days=56)
    ratio = acwr({d: v for d, v in window.loads.items() if lookback <= d <= last}, last)
    fitness, fatigue = fitness_fatigue(window.loads, lookback, last)
    t = plan.totals
    return WeekTrend(
        ws,
        last,
        sum(s.load for s in legs_in),
        sum(s.load for s in cardio_in),
        t.cardio_minutes,
        t.hard_sessions,
        t.easy_sessions,
        len(legs_in),
        soreness,
        readiness,
        ratio,
        t.target_minutes,
        round(fitness, 1),
        round(fatigue, 1),
        t.moderate_sessions,
    )


SPAN = 16 * 7  # days of history before END: up to 16 weeks shown, the look-back partly covered
_days = st.integers(-SPAN, 6)  # some records fall after the end counted: they must not count
_times = st.integers(0, 95)  # quarter hours over the whole day, late evenings included


def _at(quarter: int) -> dt.time:
    return dt.time(quarter // 4, 15 * (quarter % 4))


@st.composite
def long_histories(draw) -> History:
    legs_rows = draw(
        st.lists(
            st.tuples(
                _days, _times, st.integers(10, 180), st.integers(0, 10), st.integers(0, len(WORKOUTS) - 1)
            ),
            max_size=30,
        )
    )
    cardio_rows = draw(
        st.lists(
            st.tuples(
                _days,
                st.integers(0, len(MODALITIES) - 1),
                st.integers(5, 200),
                st.integers(0, 10),
                st.integers(-1, 95),
            ),
            max_size=30,
        )
    )
    check_rows = draw(
        st.lists(st.tuples(_days, st.integers(0, 10), st.integers(-1, 24), st.booleans()), max_size=40)
    )
    skip_rows = draw(st.lists(st.tuples(_days, st.integers(0, len(MODALITIES) - 1)), max_size=6))
    off = lambda n: END + dt.timedelta(days=n)  # noqa: E731
    return history(
        *(LegSession(off(d), _at(q), m, e, WORKOUTS[w]) for d, q, m, e, w in legs_rows),
        *(
            CardioSession(off(d), MODALITIES[k], m, e, _at(q) if q >= 0 else None)
            for d, k, m, e, q in cardio_rows
        ),
        *{off(d): CheckIn(off(d), s, h / 2 if h >= 0 else None, p) for d, s, h, p in check_rows}.values(),
        *(Skip(off(d), MODALITIES[k]) for d, k in skip_rows),
    )


@given(profiles(), long_histories(), st.integers(-20, 0), st.integers(1, 16), st.integers(0, 6))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_the_numbers_from_the_records_equal_the_planned_weeks(prof, h, end_offset, weeks, week_start):
    window = Window(prof, h, END + dt.timedelta(days=end_offset), weeks, week_start)
    for ws in window.starts:
        assert window.week(ws) == by_the_plan(window, ws), ws


def test_the_plan_is_made_only_when_the_words_ask_for_it(monkeypatch):
    import legday.core.trends as trends

    made = []
    real = trends.plan_week
    monkeypatch.setattr(trends, "plan_week", lambda *a, **k: made.append(k["week"]) or real(*a, **k))
    result = weekly_trends(PROFILE, fortnight(), END, weeks=2)
    assert made == []  # the numbers alone: no week planned
    last = result.weeks[0]
    words = [r.text for r in week_words(PROFILE, last, result.weeks)]
    assert made == [last.week_start] and any("Heaviest session" in t for t in words)
    week_words(PROFILE, last, result.weeks)
    assert made == [last.week_start]  # planned once, then kept
