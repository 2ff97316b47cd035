"""When and how hard, around the leg sessions: placement on a leg day (E6 priority first, E5 six hours
apart) and the caps that follow from the hours since legs (E1, E2, S1) and the leg day ahead (E6)."""

from __future__ import annotations

import datetime as dt

from legday.core.evidence import LEGDAY
from legday.core.model import Goal
from legday.core.rules.base import (
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

    if ctx.goal is Goal.ENDURANCE and ctx.on("E6"):
        # E6: the runner's run comes before the leg session.
        start = ctx.at(MORNING_RUN)
        if start + length + gap > first:
            start = first - gap - length
        if start >= ctx.at(EARLIEST) and ctx.legs.last_before(start) == ctx.legs.last_before(first):
            d.start = start
            d.add("E6", "Running is your priority, so run before the leg session, not after it.", "Well+Good")
            d.choose(
                "E6: sources disagree on the order - Spartan says lift in the morning and run at "
                "night; Sayer says go running before you lift when the run is your focus. Running is "
                "your priority, so this plan follows Sayer: the run comes first."
            )
            if gap:
                d.add("E5", f"At least {SAME_DAY_GAP} h between the run and the lift.", "Robineau 2016")
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


# Timing: how hard, given the hours since legs (E1, E2, S1) and the leg day ahead (E6).
# ---------------------------------------------------------------------------------------------------


def apply_timing(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.start is None or d.exception == "G4":
        return
    start = d.start
    yesterday = ctx.day - dt.timedelta(days=1)
    recent = [s for s in ctx.legs.ended_within(start, 48) if s.date in (ctx.day, yesterday)]
    excepted = d.exception in ("E3", "E4")
    in_e1 = bool(recent) and ctx.on("E1")
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
    hard_leg = ctx.legs.last_hard_before(start)
    in_e2 = ctx.on("E2") and hard_leg is not None and hours_between(hard_leg.ended, start) < HARD_AFTER_LEGS
    if in_e2 and not excepted and d.hard:
        # "About 48 h": when the usual slot falls an hour or two short, start a little later instead.
        later = hard_leg.ended + dt.timedelta(hours=HARD_AFTER_LEGS)
        end = later + dt.timedelta(minutes=d.minutes or 0)
        if not in_e1 and later.date() == ctx.day and end.date() == ctx.day and end.time() <= LATEST:
            d.moved_from, d.start, in_e2 = d.start, later, False
            d.pitch_hard(
                "E2", f"Starts at {later:%H:%M}, a full 48 h after your hard leg session.", "TravelRunner"
            )
        elif d.cap("moderate"):
            h = hours_between(hard_leg.ended, start)
            d.add(
                "E2",
                f"Hard leg session {h:.0f} h before: no sprints or intervals until about 48 h.",
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
    if ctx.on("E6") and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and d.hard:
        nxt = ctx.legs.next_after(start)
        if nxt is not None and hours_between(start, nxt.started) < 30 and d.cap("moderate"):
            d.add(
                "E6",
                "Legs come first for your goal: nothing hard the day before a leg session "
                "(legday's reading of Spartan: the heavy leg day matters more than intense cardio).",
                LEGDAY,
                holds=not_hard,
            )


# ---------------------------------------------------------------------------------------------------
