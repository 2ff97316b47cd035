"""The eighteen weeks of the second coach's read (``review_weeks.py``), each held to what the read found
once its class was fixed. Each week is planned as the person would read it (``legday plan --date``).
The classes themselves are held by the properties in test_timeline_properties.py; these are the cases
the read found them in."""

from __future__ import annotations

import datetime as dt

import pytest

from legday.core.model import CardioSession, CheckIn, History, LegSession
from legday.core.plan import HARD_INTENSITIES, WeekPlan
from legday.core.planner import build_week, plan_week
from tests.core.review_weeks import WEEKS, Week, d, t
from tests.core.test_timeline_properties import _exercises

DAY = dt.timedelta(days=1)


def planned(name: str) -> tuple[Week, WeekPlan]:
    week = WEEKS[name]()
    return week, plan_week(week.profile, week.history, week.today, week.week_start)


def suggested(plan: WeekPlan, date: dt.date):
    day = plan.day(date)
    assert day is not None
    return [s for s in day.sessions if s.status == "suggested" and s.kind != "rest"]


def words(s) -> str:
    return " ".join(r.text for r in s.reasons) + " " + (s.choice or "")


def hard(s) -> bool:
    return s.intensity in HARD_INTENSITIES


def test_a_lost_race_rehearsal_leaves_an_easy_flush_not_a_moderate_run_straight_after_legs():
    """Found: the CrossFit athlete's G4 tempo run, capped by S11, stayed where G4 had put it (10 minutes
    after hard legs) at 4-5/10, with no line saying why it sat there. Decided again without G4, it is
    the easy post-legs run, and the line says what took G4 away."""
    week, plan = planned("crossfit")
    for day in (week.today, week.today + 3 * DAY):  # both leg days
        (s,) = suggested(plan, day)
        assert s.intensity == "easy" and s.minutes <= 20, day
        assert "E1 over G4" in (s.choice or "") and "S11" in (s.choice or ""), day


def test_a_runner_whose_exception_was_capped_runs_easy_the_day_after_hard_legs():
    """Found: the late lifter's E3 intervals, capped by S11, kept E3's pass on E1: a moderate run the day
    after hard legs. Decided again without E3, it is easy, and the choice says S11 took the hard run."""
    week, plan = planned("late_lifter")
    (s,) = suggested(plan, week.today)
    assert s.intensity == "easy" and "E1" in {r.id for r in s.reasons}
    assert (s.choice or "").startswith("E2 over E3") and "S11" in s.choice


@pytest.mark.parametrize("name", sorted(WEEKS))
def test_every_review_week_plans_with_every_week_start_alike(name):
    week = WEEKS[name]()
    days = {}
    for ws in range(7):
        for one in plan_week(week.profile, week.history, week.today, ws).days:
            assert days.setdefault(one.date, one.sessions) == one.sessions, (name, one.date, ws)


def test_a_deload_lasts_the_week_and_the_usual_session_comes_back_after_it():
    """Found: in the powerlifter's deload week (Monday's squats at 60 %, logged), Thursday was planned at
    the full 80 minutes and 5x3 at 200 kg. A deload is a week: Thursday takes Monday's share, at its
    effort; the Monday after is the usual session again. Without the rule (P5 off) Thursday is full."""
    week, plan = planned("deload")
    thursday = next(s for s in plan.day(week.today + 2 * DAY).sessions if s.kind == "legs")
    assert thursday.effort == (5, 5) and thursday.minutes < 60
    assert "deadlift 3x3@180kg" in thursday.detail and "Deload week" in words(thursday)
    after = plan_week(week.profile, week.history, week.today, week=week.today + 6 * DAY)
    monday = next(s for s in after.days[0].sessions if s.kind == "legs")
    assert monday.effort == (9, 9) and "Deload" not in words(monday)
    loose = build_week(week.profile, week.history, week.today, 0, frozenset({"P5"}))
    full = next(s for s in loose.day(week.today + 2 * DAY).sessions if s.kind == "legs")
    assert full.effort == (8, 8) and "deadlift 5x3@200kg" in full.detail


def test_a_session_legday_planned_lighter_and_logged_as_planned_is_no_deload():
    """A short night before Monday: legday plans Monday lighter (P3). Logged as planned, it does not
    start a deload week (Thursday stays the usual session): only a session the person made lighter, for
    no reason of legday's, is a deload."""
    week = WEEKS["deload"]()
    monday = week.today - DAY
    week.legs = [s for s in week.legs if s.date != monday]
    history = week.history
    sore = History(history.legs, history.cardio, (CheckIn(monday, 2, 5.0),))
    plan = plan_week(week.profile, sore, monday)
    lighter = next(s for s in plan.day(monday).sessions if s.kind == "legs")
    assert lighter.effort[0] < 9 and "Only 5 h of sleep" in words(lighter)
    logged = LegSession(
        monday, lighter.start.time(), lighter.minutes, lighter.effort[0], _exercises(lighter.detail)
    )
    after = plan_week(
        week.profile, History((*sore.legs, logged), sore.cardio, sore.checkins), week.today, week=monday
    )
    thursday = next(s for s in after.day(monday + 3 * DAY).sessions if s.kind == "legs")
    assert "Deload" not in words(thursday) and thursday.effort == (8, 8)


def test_two_mornings_too_sore_to_walk_are_too_much_too_fast():
    """Found: rated 9/10 on Tuesday and Wednesday after a new, brutal Monday, and intervals were still
    planned for Saturday, with no word of "too much". Carlson (Well+Good): sore "to the point where you
    can't walk for days" is a sign of too much too fast. Rated 8 or more two mornings running is that
    sign (legday's reading): a P5 warning, nothing hard for the week, the next leg session lighter. Without
    P5 Saturday is hard again."""
    week, plan = planned("sore9")
    (warning,) = [w for w in plan.warnings if w.id == "P5"]
    assert "two mornings running" in warning.text and warning.source == "Well+Good"
    assert not any(hard(s) for d in plan.days for s in suggested(plan, d.date))
    thursday = next(s for s in plan.day(week.today + DAY).sessions if s.kind == "legs")
    assert "still sore days after" in words(thursday)
    loose = build_week(week.profile, week.history, week.today, 0, frozenset({"P5"}))
    assert any(hard(s) for d in loose.days for s in suggested(loose, d.date))


def test_a_planned_leg_session_starts_when_that_weekday_usually_does():
    """Found: Saturday's session, always logged at 10:00, was planned at the profile's 21:00 (the
    weekday lift's time), and its cardio squeezed in "no room for 6 h". The usual session is planned at
    that weekday's usual start; the profile's time is for weekdays with no sessions to follow."""
    week, plan = planned("early_late")
    saturday = next(s for s in plan.day(week.today + 3 * DAY).sessions if s.kind == "legs")
    assert saturday.start.time() == dt.time(10, 0)
    (after,) = suggested(plan, week.today + 3 * DAY)
    assert "No room" not in words(after)


def test_a_race_is_no_template_for_the_long_run():
    """Found: after a marathon the weekend's long run was as long as the race (trimmed only by the
    week's minutes). The long run follows the long sessions you do, not the race: here, with runs of at
    most 60 minutes besides it, the first long run after the marathon's three weeks of coming back is 75
    (legday's own start)."""
    week = WEEKS["half_after"]()
    week.cardio = [c for c in week.cardio if c.minutes <= 60] + [
        CardioSession(d(-1), "run", 215, 8, t("08:00"))
    ]
    later = plan_week(week.profile, week.history, week.today, week=week.today + 21 * DAY)
    long_runs = [s for day in later.days for s in suggested(later, day.date) if "long steady" in words(s)]
    assert long_runs and all(s.minutes <= 90 for s in long_runs)


def test_skipped_suggestions_are_no_base_for_intervals():
    """Found: three weeks of every cardio suggestion skipped, and intervals planned as if a base were
    there (with nothing logged legday can't tell a runner who doesn't log from a new one; a skip tells
    it). Read on Thursday, nothing done this week either: steady sessions first. Without the skips in the
    log the same week has its hard session."""
    week = WEEKS["skipper"]()
    thursday = week.today + 3 * DAY
    plan = plan_week(week.profile, week.history, thursday)
    assert not any(hard(s) for day in plan.days for s in suggested(plan, day.date))
    assert any("You skipped the cardio" in words(s) for day in plan.days for s in suggested(plan, day.date))
    h = week.history
    unskipped = plan_week(week.profile, History(h.legs, h.cardio, h.checkins), thursday)
    assert any(hard(s) for day in unskipped.days for s in suggested(unskipped, day.date))


def test_a_bike_only_lifter_spins_easy_on_sore_quads_instead_of_resting():
    """Found: the cyclist (bike only) rested every day after legs - "quads likely sore... nothing on
    your list spares them" - though an easy spin is the low-impact cardio M1 names for tired legs. An easy
    ride on legs sore but not very sore is no hard work for them (legday's rule); very sore (7+), or
    anything harder, still spares them."""
    week, plan = planned("cyclist")
    (s,) = suggested(plan, week.today)
    assert s.modality == "bike" and s.intensity == "easy"
    assert any(r.id == "M2" and "easy 3-4/10 keeps the load on them light" in r.text for r in s.reasons)
    h = week.history
    very = History(h.legs, h.cardio, (CheckIn(week.today, 5, 7.0, regions=(("quads", 7),)),))
    assert not suggested(plan_week(week.profile, very, week.today), week.today)  # rest


def test_cardio_is_planned_when_that_weekday_s_cardio_usually_starts():
    """Found: a runner who lifts at 21:30 got every run at 21:30, the 90-minute Sunday long run too,
    though their Sunday runs start at 09:00. A weekday's cardio goes where that weekday's logged cardio
    usually starts; the profile's leg time is for weekdays without any."""
    week, plan = planned("late_lifter")
    (long_run,) = suggested(plan, week.today + 5 * DAY)
    assert long_run.minutes >= 60 and long_run.start.time() == dt.time(9, 0)


def test_a_hard_hour_is_not_the_weeks_long_run_and_a_long_ride_does_not_set_its_length():
    """Found: the triathlete's 60-minute tempo ride counted as the week's long session, so Sunday had
    no long run; and the long run, once there, took its length from the 150-minute ride. A long session
    is steady (3-6/10), and the long run follows the long runs you do (80 minutes here)."""
    week, plan = planned("triathlete")
    (sunday,) = suggested(plan, week.today + 3 * DAY)
    assert sunday.modality == "run" and sunday.minutes == 80 and sunday.intensity not in HARD_INTENSITIES
    # The fifth read: the long ride on Saturdays and the long run on Sundays are both this person's
    # (kept week after week): the run is named as their usual long run, G3's steady long run.
    assert "long steady run" in words(sunday) or "Your usual long run on a Sunday" in words(sunday)


def test_the_first_leg_session_after_a_pain_flag_clears_is_lighter():
    """Found: pain flagged Tuesday, cleared Thursday morning, and Thursday's session was the full 5x3 at
    200 kg. The first session back after a pain flag is lighter (legday's call)."""
    week, plan = planned("pain_clears")
    thursday = next(s for s in plan.day(week.today).sessions if s.kind == "legs")
    assert thursday.effort[0] < 7 and "Pain flagged on Tue 2 and cleared since" in words(thursday)
    later = plan_week(week.profile, week.history, week.today, week=week.today + 4 * DAY)
    monday = next(s for s in later.days[0].sessions if s.kind == "legs")
    assert "Pain flagged" not in words(monday)  # Thursday's (planned) was the first back


def test_the_second_leg_day_running_is_also_the_day_after_legs():
    """Found: leg days Monday and Tuesday, and Tuesday's cardio after the lift was a run - on legs
    trained the day before too, where M2 keeps everyone else off running."""
    week, plan = planned("consecutive")
    (tuesday,) = suggested(plan, week.today + DAY)
    assert tuesday.modality not in ("run", "sprints", "plyometrics") and "M2" in {
        r.id for r in tuesday.reasons
    }
    (monday,) = suggested(plan, week.today)
    assert monday.modality == "run"  # the first leg day's light run stays (G5)


def test_the_weeks_after_a_half_marathon_bring_the_volume_back_slowly(monkeypatch):
    """Found: the week after a half marathon (105 minutes at 9/10) filled the 300-minute aim, more than
    the runner's usual week, with moderate runs from day 3 and a 105-minute long run on day 7. Legday's
    reading of G3 and S12: the first half of the 6 recovery days easy; the minutes come back over 12 days
    (a taper run backwards), so the week holds about two thirds of a usual one; the long run waits until
    the second weekend. Without the comeback (its length set to 0) the week fills up again."""
    week, plan = planned("half_after")
    usual = sum(c.minutes for c in week.cardio if d(-21) <= c.date < d(-14))  # a usual week, logged
    minutes = plan.totals.cardio_minutes
    assert minutes <= 0.7 * usual, (minutes, usual)
    for day in plan.days:
        for s in suggested(plan, day.date):
            assert s.minutes <= 60 and "long steady" not in words(s), day.date
            if (day.date - d(-1)).days <= 3:
                assert s.intensity in ("recovery", "easy"), day.date
    second = plan_week(week.profile, week.history, week.today, week=week.today + 7 * DAY)
    long_runs = [s for day in second.days for s in suggested(second, day.date) if "long steady" in words(s)]
    assert long_runs and long_runs[0].start.date() >= d(12)  # day 13 on: the 12 days are over

    import legday.core.planner as planner

    monkeypatch.setattr(planner, "COMEBACK_PER_RECOVERY_DAY", 0)
    full = plan_week(week.profile, week.history, week.today, week.week_start)
    assert full.totals.cardio_minutes > usual
    assert any("long steady" in words(s) for day in full.days for s in suggested(full, day.date))
