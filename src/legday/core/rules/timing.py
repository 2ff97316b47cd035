"""When and how hard, around the leg sessions: placement on a leg day (E6 priority first, E5 six hours
apart) and the caps that follow from the days since legs (E1, E2, S1) and the leg day ahead (E6).

What a session may be is decided by the day (the leg day, the day after, the second day after); hours
only say when it starts. So a lift an hour earlier or later moves the session, never changes it."""

from __future__ import annotations

import datetime as dt

from legday.core.evidence import LEGDAY
from legday.core.model import Goal
from legday.core.readiness import HARD_LEG_EFFORT
from legday.core.rules.base import (
    DAY,
    EARLIEST,
    FLUSH_MINUTES,
    HARD_AFTER_LEGS,
    LATEST,
    MORNING_RUN,
    SAME_DAY_GAP,
    Ctx,
    Draft,
    easy_or_less,
    hours_between,
    not_hard,
)
from legday.core.rules.modality import noun


def place(d: Draft, ctx: Ctx) -> None:
    """Give the draft its start time. Without legs that day: the usual training time. On a leg day the
    runner runs first (E6); everyone else goes after the lift, 6 h after it (E5) unless the session is a
    short easy flush, which may follow straight away (G1) - and that is the fallback when 6 h won't fit
    the day."""
    if d.kind == "rest" or d.start is not None:
        return
    if not ctx.legs_today:
        d.start = _clear_of_legs(ctx.slot, ctx, d)
        return
    first = min(s.started for s in ctx.legs_today)
    last_end = max(s.ended for s in ctx.legs_today)
    length = dt.timedelta(minutes=d.minutes or 0)
    flush = d.intensity in ("recovery", "easy") and (d.minutes or 0) <= FLUSH_MINUTES and d.exception is None
    gap = dt.timedelta(hours=SAME_DAY_GAP if ctx.on("E5") and not flush and d.exception != "G4" else 0)

    if ctx.goal is Goal.ENDURANCE and ctx.on("E6") and d.modality == "run":
        # E6: the runner's run comes before the leg session - 6 h before it (E5): the short-flush
        # allowance is for a cool-down after the lift, not a run before it.
        gap = dt.timedelta(hours=SAME_DAY_GAP if ctx.on("E5") else 0)
        start = ctx.at(MORNING_RUN)
        if start + length + gap > first:
            start = first - gap - length
        if start >= ctx.at(EARLIEST) and ctx.legs.last_before(start) == ctx.legs.last_before(first):
            d.start = start
            # Running is the priority, so a run goes first; a later rule that makes it something else
            # (a ride, a swim) leaves no line saying the priority went first.
            d.add(
                "E6",
                lambda d: f"Your priority goes first: {noun(d)} before the leg session, not after it.",
                "Well+Good",
                holds=_a_run,
            )
            d.choose(
                lambda d: (
                    "E6: sources disagree on the order - Spartan says lift in the morning and run at "
                    "night; Sayer says go running before you lift when the run is your focus. Running is "
                    f"your priority, so this plan follows Sayer: {noun(d)} comes first."
                ),
                holds=_a_run,
            )
            if gap:
                d.add(
                    "E5",
                    lambda d: f"At least {SAME_DAY_GAP} h between {noun(d)} and the lift.",
                    "Robineau 2016",
                )
            return
    if ctx.goal is Goal.ENDURANCE:
        gap = dt.timedelta(hours=SAME_DAY_GAP if ctx.on("E5") and not flush else 0)
    # Where the person's own cardio on this weekday's leg days usually goes, when that keeps E5's 6 h
    # (a shift worker lifts at 06:00 and rides at 21:30): there, not straight after the lift.
    usual = ctx.after_legs_time
    if usual is not None and ctx.on("E5") and d.exception is None:
        at = ctx.at(usual)
        end = at + length
        if (
            at >= last_end + dt.timedelta(hours=SAME_DAY_GAP)
            and end.date() == ctx.day
            and end.time() <= LATEST
        ):
            d.start = at
            d.add("E5", _apart_words, "Robineau 2016")
            return
    start = last_end + max(gap, dt.timedelta(minutes=10))
    if start.date() == ctx.day and (start + length).date() == ctx.day and (start + length).time() <= LATEST:
        d.start = start
        if gap:
            d.add("E5", _apart_words, "Robineau 2016")
        elif flush and ctx.on("E5"):
            d.choose(
                "E5 vs G1: same-day sessions are best 6 h apart, but something this short and "
                "easy right after the lift doesn't blunt strength, so it follows as a cool-down.",
                holds=easy_or_less,
            )
        return
    # No room to keep 6 h apart: make it a short easy flush straight after the lift.
    d.start = last_end + dt.timedelta(minutes=10)
    d.minutes = min(d.minutes or FLUSH_MINUTES, FLUSH_MINUTES)
    d.span = (min(d.span[0], d.minutes), d.minutes)
    if d.exception is None:
        d.cap("easy")
    if ctx.on("E5"):
        d.add(
            "E5",
            "No room for 6 h between lift and cardio today, so keep it short and easy, straight after.",
            "Robineau 2016",
        )


def _a_run(d: Draft) -> bool:
    return d.modality == "run"


def _apart_words(d: Draft) -> str:
    """E5's line, true of where the session ended up: "lift in the morning, run at night" only when it
    is the evening after a morning lift."""
    text = f"At least {SAME_DAY_GAP} h after the lift: same-day sessions go well apart"
    if d.start is not None and d.start.time() >= dt.time(17, 0):
        return text + " (lift in the morning, cardio at night)."
    return text + "."


def _clear_of_legs(start: dt.datetime, ctx: Ctx, d: Draft) -> dt.datetime:
    """Don't start in the middle of a leg session (odd logs can put one there)."""
    running = ctx.legs.running_at(start)
    if running is not None:
        return running.ended + dt.timedelta(minutes=10)
    return start


# Timing: how hard, given the days since legs (E1, E2, S1) and the leg day ahead (E6).
# ---------------------------------------------------------------------------------------------------
# E2's "about 48 h" is a band, not a line (legday's reading): no hard cardio on a hard leg day or the
# day after it; on the second day after it, hard work starts about 48 h after the lift ended, as late as
# the day allows - and never under 42 h, which only a lift ending in the small hours could force.
E2_FLOOR = 42  # hours


def apply_timing(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.start is None or d.exception == "G4":
        return
    start = d.start
    excepted = d.exception in ("E3", "E4")
    trained = ctx.trained(start)
    in_e1 = bool(trained) and ctx.on("E1")
    if in_e1 and not excepted:
        if d.cap("moderate"):
            d.add(
                "E1",
                "Legs were trained today or yesterday, so cardio stays at 6/10 or below.",
                "Well+Good",
                holds=not_hard,
            )
        elif d.role != "post_legs":
            d.add("E1", "Close to leg day: low to moderate effort only.", "Well+Good", holds=not_hard)
    hard_recent = [s for s in trained if s.effort >= HARD_LEG_EFFORT]
    in_e2 = ctx.on("E2") and bool(hard_recent)
    if in_e2 and not excepted and d.cap("moderate"):
        d.add(
            "E2",
            "A hard leg session today or yesterday: no sprints or intervals until the second day "
            "after it, about 48 h on.",
            "TravelRunner",
            holds=not_hard,
        )
    second = [s for s in ctx.legs_on(ctx.day - 2 * DAY) if s.effort >= HARD_LEG_EFFORT]
    if ctx.on("E2") and second and d.hard and not excepted:
        # The second day after a hard leg session: hard is fine, started about 48 h after it.
        end = max(s.ended for s in second)
        wanted = end + dt.timedelta(hours=HARD_AFTER_LEGS)
        latest = ctx.at(LATEST) - dt.timedelta(minutes=d.minutes or 0)
        later = min(wanted, latest)
        if later > start:
            if hours_between(end, later) >= E2_FLOOR:
                d.moved_from, d.start = start, later

                def starts_at(d: Draft, end: dt.datetime = end) -> str:
                    at = d.start or later
                    return (
                        f"Starts at {at:%H:%M}, {hours_between(end, at):.0f} h after your hard leg "
                        "session: hard work waits about 48 h."
                    )

                d.pitch_hard("E2", starts_at, "TravelRunner")
            elif d.cap("moderate"):
                in_e2 = True
                d.add(
                    "E2",
                    "Your hard leg session ended too late for a hard session today to start about 48 h "
                    "after it: steady instead.",
                    "TravelRunner",
                    holds=not_hard,
                )
    if (in_e1 or in_e2) and not excepted and ctx.on("S1") and d.cap("easy"):
        # Easy after legs is also short: an easy 2 km run, 20 min bike, 30 min swim (G1).
        d.span = (min(d.span[0], 20), min(d.span[1], 40))
        d.minutes = min(d.minutes or 30, d.span[1])
        d.add(
            "S1",
            "Easy after legs means 3-4/10, talking comfortably: 6 is the ceiling, not the target.",
            "Foster 2009",
            holds=easy_or_less,
        )
    # E6: strength, power and general fitness put legs first - don't tire them the day before.
    ahead = ctx.legs_ahead(d.start) if d.hard else []
    if ctx.on("E6") and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and ahead and d.cap("moderate"):
        when = "before the lift on a leg day" if ahead[0].date == ctx.day else "the day before a leg session"
        d.add(
            "E6",
            f"Legs come first for your goal: nothing hard {when} (legday's reading of Spartan: the heavy "
            "leg day matters more than intense cardio).",
            LEGDAY,
            holds=lambda d: not_hard(d) and bool(ctx.legs_ahead(d.start)),
        )


# ---------------------------------------------------------------------------------------------------
