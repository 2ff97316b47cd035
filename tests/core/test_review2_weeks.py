"""The eighteen weeks of the third coach's read (``review2_weeks.py``), each held to what the read found:
the classes it found fixed (each with the property that rules it out in test_timeline_properties.py),
and what it found right, as behaviour. Each week is planned as the person would read it
(``legday plan --date``)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from legday.core.plan import WeekPlan
from legday.core.planner import plan_week
from tests.core.reading_weeks import hard, holds_from_every_week_start, leg_session, live, plan_of, suggested
from tests.core.review2_weeks import WEEKS, Week, d
from tests.core.test_timeline_properties import RUN_WORDS

DAY = dt.timedelta(days=1)


def planned(name: str, **kw) -> tuple[Week, WeekPlan]:
    return plan_of(WEEKS[name](), **kw)


def lines(s) -> list:
    return [*s.reasons, *s.addons]


@pytest.mark.parametrize("name", sorted(WEEKS))
def test_every_week_is_the_same_from_any_week_start_and_every_line_holds(name):
    """The read found no week whose days changed with the weekday the week starts on, and no safety line
    crossed; every reason is true of its session by the properties' own checks."""
    holds_from_every_week_start(name, WEEKS[name]())


# --- What was wrong, and its class fixed -------------------------------------------------------------------


def test_a_cyclist_is_told_of_rides_not_runs():
    """Found: the cyclist (bike only) the week after a gran fondo was told "Running first for your goal:
    key runs go on days away from legs", "Running is your priority", "the long run waits" and offered a
    "Runner's leg day" (Spartan's advice for runners). The endurance athlete's sport is the one on their
    list (base.sport_words): key rides, the long ride; no runner's leg day without running on the list."""
    week, plan = planned("gran_fondo")
    said = [r for s in live(plan) for r in lines(s) if r.id in ("E6", "E3", "G3")]
    assert said and not any(RUN_WORDS.search(r.text) for r in said)
    wednesday = leg_session(plan, d(2))
    assert any("Riding first for your goal: key rides" in r.text for r in wednesday.reasons)
    assert any("Riding is your priority" in r.text for r in wednesday.reasons)
    assert not any(r.id == "E3" for r in wednesday.addons)
    (today,) = suggested(plan, week.today)
    assert any("the long ride waits" in r.text for r in today.reasons)


def test_a_general_lifter_after_a_10k_is_not_told_of_a_long_run_they_never_get():
    """Found: after the pound user's 10K (general fitness), each day said "the long run waits until
    then", though the plan gives a long steady session only to the endurance goal (G3). Said only to
    them; the runner is still told."""
    _, plan = planned("lb_event")
    after = [s for day in (d(4), d(5), d(6)) for s in suggested(plan, day)]
    assert after and all(any("come back over" in r.text for r in s.reasons) for s in after)
    assert not any("long" in r.text for s in after for r in s.reasons if "come back over" in r.text)
    _, later = planned("marathon_legs", week=d(7))
    comeback = [r for s in live(later) for r in s.reasons if "come back over" in r.text]
    assert comeback and all("the long run waits" in r.text for r in comeback)


def test_a_hybrid_beginner_is_not_told_of_running_around_a_leg_day_that_has_none():
    """Found: the Hyrox beginner's leg days said "legs today, running around it", though P1 keeps a
    beginner from running on a leg day and the day after it, and no run came near any of them."""
    _, plan = planned("hybrid_beginner")
    for day in (d(0), d(2), d(4)):
        (e6,) = [r for r in leg_session(plan, day).reasons if r.id == "E6"]
        assert "running around it" not in e6.text and "on the days the legs allow" in e6.text


def test_a_hikers_sunday_hike_is_kept_and_brings_no_days_off():
    """Found (third read): the hiker's week (5 h every Sunday at 5/10) came to 90 minutes, Monday, Thursday
    and Saturday off because the 7 days before each already held the aim's top (the hike), and Sunday's
    hike became 30 minutes of intervals. Found wrong (fifth read): the aim's top is where the plan stops
    adding training, not a limit on walking or hiking, and a long easy day kept week after week is the
    person's. Now easy walking and hiking count towards the aim but not against its top, Sunday is the
    usual hike as it is done, and no day is off for the hike's minutes."""
    _, plan = planned("hiker")
    assert not any(
        r.id == "G6" and "already hold" in r.text
        for day in plan.days
        for s in day.sessions
        for r in s.reasons
    )
    (sunday,) = suggested(plan, d(6))
    assert sunday.modality == "hike" and sunday.minutes == 300 and not hard(sunday)
    assert any("Your usual long hike on a Sunday" in r.text for r in sunday.reasons)
    # The week past the aim's top says why: the walking and hiking in it, which the top doesn't count.
    walked = sum(s.minutes for day in plan.days for s in day.sessions if s.modality in ("walk", "hike"))
    (note,) = [n for n in plan.notes if "past the aim's" in n.text]
    assert f"{plan.totals.cardio_minutes} min, past the aim's 180: {walked} of them" in note.text
    assert not any(hard(s) for s in suggested(plan, d(6)))


def test_the_first_week_back_after_three_weeks_off_holds_less_than_a_usual_week_before_them(monkeypatch):
    """Found: the knee-history runner's first week back after 22 days off held 180 minutes of cardio - the
    aim's floor, more than the 145 of a usual week before the break - with runs at their usual length
    (only the 45-minute cap and "nothing hard" applied). The first week back ramps its minutes as after a
    race: about half on the day back, nearly all by day 7 (legday's), and the week's note says so.
    Without the ramp (BACK_FIRST 1) the week is back at 180."""
    week, plan = planned("returning_knee")
    usual = sum(c.minutes for c in week.cardio if d(-49) <= c.date < d(-42))
    assert plan.totals.cardio_minutes < usual
    (tuesday,) = suggested(plan, week.today)
    assert tuesday.minutes <= 25 and any(
        r.id == "P5" and "25 min today, about 60% of the 40" in r.text for r in tuesday.reasons
    )
    (note,) = [n for n in plan.notes if "short of" in n.text]
    assert note.id == "P5" and "coming back from a break" in note.text and "Sun" not in note.text
    assert not any(hard(s) for s in live(plan))

    import legday.core.planner as planner

    monkeypatch.setattr(planner, "BACK_FIRST", 1.0)
    full = plan_week(week.profile, week.history, week.today)
    assert full.totals.cardio_minutes >= 180


@pytest.mark.parametrize("name", ["no_cardio", "wednesday", "night_lifter", "shift_worker"])
def test_a_strength_lifter_is_not_told_of_a_size_goal_they_never_set(name):
    """Found: lifters with the strength goal (a powerlifter's as much as a bodybuilder's) read "For your
    size goal the plan goes for the bike" on every ride. The profile says strength, which covers size; the
    line says so and names the pick."""
    _, plan = planned(name)
    said = [s.choice for s in live(plan) if s.choice and "Cardio and muscle size" in s.choice]
    assert said and not any("your size goal" in c for c in said)
    assert all("covers size too" in c for c in said)


def test_a_hybrid_beginner_whose_leg_days_leave_no_run_is_told_so_and_what_would_make_room():
    """Found: the beginner training for a first Hyrox (legs Monday, Wednesday, Friday) got no run all
    week - P1 keeps a beginner off running on a leg day and the day after it, and Sunday was the day off
    - and nothing said so. The week's notes say it (legday's reading of P1) and what would make room; with
    legs on Monday and Friday only, the same person gets a run."""
    week, plan = planned("hybrid_beginner")
    assert not any(s.modality == "run" for s in live(plan))
    (note,) = [n for n in plan.notes if n.id == "P1"]
    assert note.source == "legday" and "Mon, Wed, Fri" in note.text and "One leg day fewer" in note.text

    two = replace(week.profile, leg_days=(0, 4))
    fewer = plan_week(two, week.history, week.today)
    assert any(s.modality == "run" for s in live(fewer)) and not [n for n in fewer.notes if n.id == "P1"]


def test_a_shift_workers_leg_day_ride_goes_when_they_ride_not_straight_after_a_0600_lift():
    """Found: the shift worker lifts at 06:00 and rides at 21:30 on leg days (15 h apart: E5 kept), and
    the plan put the ride at 07:10, "straight after as a cool-down", when they are at work. On a leg day
    the cardio goes where that weekday's leg-day cardio usually starts when that is 6 h or more after the
    lift; the short flush straight after is the fallback. Logged 20 minutes after the lift, it stays a
    flush."""
    _, plan = planned("shift_worker")
    for day in (d(0), d(3)):
        (ride,) = suggested(plan, day)
        assert ride.start.time() == dt.time(21, 30) and ride.intensity == "easy"
        assert any(r.id == "E5" and r.text.startswith("At least 6 h after the lift") for r in ride.reasons)
    early = WEEKS["shift_worker"]()
    early.cardio = [
        replace(c, start=dt.time(7, 20)) if c.date.weekday() in (0, 3) else c for c in early.cardio
    ]
    flush = plan_week(early.profile, early.history, early.today)
    (ride,) = suggested(flush, d(0))
    assert ride.start.time() == dt.time(7, 10)


# --- What the read found right, held ------------------------------------------------------------------------


def test_the_rower_rows_and_the_hard_row_waits_48_hours_after_explosive_legs():
    """Right: a row-only power athlete rows every day (the plan says what it would pick otherwise), easy
    the day after explosive legs, and the one hard session is short and explosive, about 48 h on."""
    week, plan = planned("rower_power")
    sessions = [s for day in plan.days[2:] for s in suggested(plan, day.date)]
    assert sessions and all(s.modality == "row" for s in sessions)
    (wednesday,) = suggested(plan, week.today)
    assert wednesday.intensity == "easy"
    hard_ones = [s for s in sessions if hard(s)]
    assert len(hard_ones) == 1 and hard_ones[0].intensity == "sprints"
    assert hard_ones[0].hours_after_legs >= 47


def test_four_leg_days_keep_the_cardio_short_and_easy_and_lighten_the_fourth():
    """Right: four leg days a week leave cardio as short easy flushes after the lift and easy days between;
    nothing hard; the fourth leg session, on legs projected tired, is planned lighter and says the
    projection is one."""
    _, plan = planned("four_leg_days")
    assert not any(hard(s) for s in live(plan))
    friday = leg_session(plan, d(4))
    assert friday.effort[0] < 7 and any("projected" in r.text for r in friday.reasons)
    for day in (d(0), d(1), d(3)):
        (flush,) = suggested(plan, day)
        assert flush.minutes <= 20 and flush.intensity == "easy"


def test_the_swimmer_swims_and_sore_quads_get_a_gentle_day():
    """Right: someone who only swims and does yoga gets swims, gentle the morning they rate 6/10 with
    quads at 7, easy the day after, and a hard swim only once the legs are ready."""
    week, plan = planned("swim_yoga")
    assert {s.modality for s in live(plan)} == {"swim"}
    (today,) = suggested(plan, week.today)
    assert today.intensity == "recovery" and any(r.id == "P4" for r in today.reasons)
    (friday,) = suggested(plan, d(4))
    assert not hard(friday) and friday.minutes <= 40


def test_ten_out_of_ten_with_pain_on_a_leg_day_is_rest_until_a_check_in_clears_it():
    """Right: 10/10 with pain on Thursday morning: no leg session, rest every day until a check-in
    without pain, and the week says the shortfall is the pain's."""
    _, plan = planned("ten_pain")
    assert not any(s.kind == "legs" for day in plan.days[3:] for s in day.sessions)
    assert all(not suggested(plan, day.date) for day in plan.days[3:])
    (note,) = [n for n in plan.notes if "short of" in n.text]
    assert note.id == "P4" and "pain" in note.text


def test_the_sprinter_sprints_48_hours_after_hard_legs_and_never_the_day_before_them():
    """Right: the sprints come about 48 h after the Thursday legs, nothing hard the day after explosive
    legs or the day before a leg day. (Questionable in the third read, found right in the fifth: the
    power goal is legs-first - G2 keeps hard cardio away from explosive work, and E6's reading of
    Spartan's strength focus keeps the day before a leg session free of it - and Wednesday's sprints at
    17:00 would sit 19 h before Thursday's heavy squats, a gap E2 asks about 48 h for the other way
    round. E4 pairs explosive with explosive only the day after an explosive session.)"""
    _, plan = planned("sprinter")
    hard_ones = [(day.date, s) for day in plan.days for s in suggested(plan, day.date) if hard(s)]
    assert [date for date, _ in hard_ones] == [d(5)]
    assert hard_ones[0][1].modality == "sprints" and hard_ones[0][1].hours_after_legs >= 47


def test_a_10k_on_a_leg_day_tapers_rests_the_day_before_and_comes_back_easy():
    """Right: the pound user's 10K falls on Thursday, a usual leg day: Monday's legs are tapered (fewer
    sets, same weights, in pounds), Wednesday is rest, Thursday is the event (no leg session), and the
    days after it are easy and low impact first."""
    _, plan = planned("lb_event")
    monday = leg_session(plan, d(0))
    assert monday.minutes < 60 and "225lb" in monday.detail and any(r.id == "S12" for r in monday.reasons)
    assert not suggested(plan, d(2)) and not any(s.kind == "legs" for s in plan.day(d(3)).sessions)
    (friday,) = suggested(plan, d(4))
    assert friday.intensity == "easy" and friday.modality not in ("run", "sprints", "plyometrics")


def test_a_marathon_two_days_after_legs_rests_the_day_before_and_comes_back_over_a_week():
    """Right: Friday (two days out, a usual leg day) drops the legs for the race and runs short; Saturday
    is rest; the week after has nothing hard, no heavy legs, and the Tuesday leg session dropped."""
    week, plan = planned("marathon_legs")
    assert not any(s.kind == "legs" for s in plan.day(week.today).sessions)
    (friday,) = suggested(plan, week.today)
    assert friday.minutes <= 20 and any(r.id == "S12" for r in friday.reasons)
    assert not suggested(plan, d(5))
    after = plan_week(week.profile, week.history, week.today, week=d(7))
    assert not any(hard(s) for s in live(after))
    assert all(s.effort[0] <= 5 for s in live(after) if s.kind == "legs")
    assert not any(s.kind == "legs" for s in after.day(d(8)).sessions)


def test_logging_the_suggestions_at_the_low_end_earns_no_heads_up_and_changes_nothing_ahead():
    """Right: Monday to Wednesday logged as suggested, each at the bottom of its effort range: no heads-up
    on any of them, and Thursday on reads as logging them at the top of the range would."""
    _, plan = planned("low_end")
    done = [s for day in plan.days[:3] for s in day.sessions if s.status == "done" and s.kind == "cardio"]
    assert len(done) == 3 and not plan.warnings
    assert not any(r.text.startswith("Heads-up") for s in done for r in s.reasons)
    top = WEEKS["low_end"]()
    top.cardio = [replace(c, effort=c.effort + 1) if c.date >= d(0) else c for c in top.cardio]
    other = plan_week(top.profile, top.history, top.today)
    for date in (d(3), d(4), d(5)):
        assert [(s.kind, s.modality, s.intensity, s.minutes) for s in plan.day(date).sessions] == [
            (s.kind, s.modality, s.intensity, s.minutes) for s in other.day(date).sessions
        ], date


def test_weekend_legs_rest_on_friday_and_stack_only_light_cardio_after_the_lifts():
    """Right: legs Saturday and Sunday mornings; Friday, the day before, is the week's day off (fresh legs
    for a legs-first goal); after each lift a short easy flush, the second day's low impact."""
    week, plan = planned("weekend_legs")
    assert not suggested(plan, week.today)
    (saturday,) = suggested(plan, d(5))
    (sunday,) = suggested(plan, d(6))
    assert saturday.minutes <= 20 and sunday.minutes <= 20 and sunday.modality != "run"
    assert not any(hard(s) for s in live(plan))


def test_a_night_lifter_rides_easy_and_the_hard_ride_waits_about_48_hours():
    """Right: lifting at 21:30, the next morning's ride is a short recovery walk on a 5/10, 5.5 h night;
    the hard session is two days after Thursday's lift, not before 42 h."""
    week, plan = planned("night_lifter")
    (tuesday,) = suggested(plan, week.today)
    assert tuesday.intensity == "recovery" and {"P3", "P4"} <= {r.id for r in tuesday.reasons}
    hard_ones = [s for s in live(plan) if hard(s)]
    assert len(hard_ones) == 1 and hard_ones[0].hours_after_legs >= 42


def test_a_gran_fondo_is_a_race_the_week_after_comes_back_from():
    """Right (once its words were the cyclist's): the 4-hour ride at 7/10 on the event date is a race:
    easy days first, the Wednesday legs at effort 5 at most, nothing hard until its recovery is over, and
    the minutes back slowly."""
    _, plan = planned("gran_fondo")
    wednesday = leg_session(plan, d(2))
    assert wednesday.effort[0] <= 5 and any(r.id == "G3" for r in wednesday.reasons)
    for day in plan.days[:5]:
        for s in suggested(plan, day.date):
            assert not hard(s) and s.modality == "bike", day.date
    assert plan.totals.cardio_minutes < 180


def test_a_short_night_on_a_leg_day_makes_the_lift_lighter_and_the_run_after_it_shorter():
    """Right: 4.5 h of sleep before Thursday's legs: the session is lighter (P3), the run after it short
    and easy, and the week's note names the short night."""
    week, plan = planned("short_night")
    thursday = leg_session(plan, week.today)
    assert thursday.effort[0] < 7 and any(r.id == "P3" for r in thursday.reasons)
    (run,) = suggested(plan, week.today)
    assert run.minutes <= 15 and run.intensity == "easy"


def test_a_lifter_who_never_logs_cardio_gets_easy_rides_and_the_day_before_legs_stays_steady():
    """Right: no cardio logged ever: rides (S9), easy while the legs are sore, and nothing hard the day
    before a leg session."""
    _, plan = planned("no_cardio")
    assert {s.modality for s in live(plan) if s.kind == "cardio"} <= {"bike"}
    assert not any(hard(s) for day in (d(2), d(6)) for s in suggested(plan, day))


def test_a_week_that_starts_on_wednesday_plans_the_days_it_would_from_monday():
    """Right: the week on screen runs Wednesday to Tuesday and holds the same days the Monday week does."""
    week, plan = planned("wednesday")
    assert plan.days[0].date == d(2) and plan.days[-1].date == d(8)
    monday = plan_week(week.profile, week.history, week.today, 0)
    for day in monday.days:
        if d(2) <= day.date <= d(6):
            assert plan.day(day.date).sessions == day.sessions


def _both_reads():
    from tests.core import review3_weeks

    return [(f"review2:{n}", make) for n, make in WEEKS.items()] + [
        (f"review3:{n}", make) for n, make in review3_weeks.WEEKS.items()
    ]


@pytest.mark.parametrize(("name", "make"), _both_reads(), ids=[n for n, _ in _both_reads()])
def test_doing_what_the_week_says_earns_no_heads_up_and_changes_nothing_ahead(name, make):
    """Found right in all 24 weeks of both reads: the next days logged as suggested (at the top of each
    range, as the plan counts them; and at the bottom) earn no heads-up, and logged at the top change
    nothing the plan holds for the days after."""
    from tests.core.test_timeline_properties import _history, as_logged, kind_of

    week = make()
    h = week.history
    plan = plan_week(week.profile, h, week.today, week.week_start)
    last = min(week.today + 3 * DAY, plan.days[-1].date - DAY)
    if last < week.today:
        return
    for top in (True, False):
        legs, cardio = as_logged(plan, week.today, last, top)
        checkins = [c for c in h.checkins if c.date <= week.today]
        logged = _history([*h.legs, *legs], [*h.cardio, *cardio], checkins, h.skips)
        later = plan_week(week.profile, logged, last + DAY, week.week_start, week=plan.days[0].date)
        done = [s for day in later.days for s in day.sessions if s.status == "done" and s.record in cardio]
        assert len(done) == len(cardio)
        assert not [r for s in done for r in s.reasons if r.text.startswith("Heads-up")], (name, top)
        if top:
            for day in later.days:
                if day.date > last:
                    assert [(*kind_of(s), s.start, s.minutes) for s in plan.day(day.date).sessions] == [
                        (*kind_of(s), s.start, s.minutes) for s in day.sessions
                    ], (name, day.date)
