"""The week as a whole - any seven days in a row, not the calendar week on screen (so the plan is the
same whichever day your week starts on). Each day is decided in order, looking at the six days before
it (what was logged, and from today on what was planned) and at the leg days expected after it:

    S11  about one session in five hard, and never two hard days in a row
    P5   at least one day off in any seven (recovery takes 24-48 h or more; light sessions don't speed
         it, S10): the day before a leg session for a legs-first goal, else the least ready day, at
         the latest on the seventh day
    G6   2-3 h of cardio in any seven days, with S11's WHO floor of 150 minutes: a steady session gets
         its share of the weekly aim (``share``), and is trimmed - or becomes a day off - when the six
         days before it already hold the aim's top

Nothing is crammed in to make up for days that were missed: a week short of the aim says why.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from legday.core.model import Goal, Profile
from legday.core.rules.base import EFFORT, READY_FOR_HARD, Ctx, Draft, on_foot
from legday.core.values import Value

DAY = dt.timedelta(days=1)
# Logged cardio at this effort or more counts as a hard session (S11).
HARD_CARDIO_EFFORT = 7
STEP = 5  # minutes move in 5-minute steps
# The minutes each kind of session starts from, before the weekly aim shares them out (legday's own).
POST_LEGS = {Goal.STRENGTH: 20, Goal.GENERAL: 20, Goal.ENDURANCE: 20, Goal.POWER: 15, Goal.HYBRID: 20}
LONG = 75
STEADY_SPAN = (25, 60)
HARD_SPAN = (30, 45)
LONG_SPAN = (60, 90)


# Goals that train for races: the week aims past G6's 3 hours, to the top of WHO's range.
RACING = (Goal.ENDURANCE, Goal.HYBRID)


def target(on: Callable[[str], bool], goal: Goal = Goal.GENERAL) -> tuple[int, int]:
    """G6 says 2-3 h; WHO (S11) asks 150-300 minutes of moderate activity. For most goals the plan aims
    where they overlap (150-180); an endurance or hybrid racer, from G6's 3 hours to WHO's 300 (legday's
    choice by goal)."""
    if goal in RACING and on("S11"):
        return (180, 300)
    return (150, 180) if on("S11") else (120, 180)


def _fives(x: float) -> int:
    return int(round(x / STEP) * STEP)


def share(profile: Profile, on: Callable[[str], bool]) -> int:
    """The minutes of a steady session, so that a usual week of this profile lands in the middle of the
    aim: the aim, less the leg days' short sessions and the weekend's long one, over the other training
    days (one day in seven is off). Depends on the profile only, never on the calendar."""
    low, high = target(on, profile.goal)
    aim = (low + high) / 2
    legs = len(profile.leg_days)
    post = 0 if profile.level.value == "beginner" else POST_LEGS[profile.goal]
    free = max(7 - legs - 1, 1)
    long = LONG if profile.goal is Goal.ENDURANCE and free >= 2 else 0
    steady = free - (1 if long else 0)
    per = (aim - legs * post - long) / steady if steady else STEADY_SPAN[0]
    return max(STEADY_SPAN[0], min(STEADY_SPAN[1], _fives(per)))


def give_share(d: Draft, ctx: Ctx) -> None:
    """G6: steady and hard sessions start at the week's share; the long session gives way when the
    share is at its floor (the week is full already)."""
    if not ctx.on("G6") or d.reduced or d.locked or d.kind != "cardio":
        return
    if d.role == "zone2" or d.role == "hard":
        d.minutes = max(d.span[0], min(d.span[1], ctx.share))
    elif d.role == "long" and ctx.share <= STEADY_SPAN[0]:
        d.minutes = d.span[0]


# What holds a day back when the six days before it hold the aim's top already (a long hike, say): the
# week's shortfall note names these days with the others it holds back, not only the sore ones.
FULL_WEEK = "the 7 days before already at the aim's top"


class Behind(Value):
    """What the six days before a day hold (logged; and from today on, planned)."""

    minutes: int  # cardio minutes (skipped suggestions count for nothing)
    sessions: int  # cardio sessions
    hard_days: frozenset[dt.date]  # days with a hard cardio session
    last_free: dt.date | None  # the last day without training (None: none in the six)
    hard_tomorrow: bool = False  # a hard session already logged for tomorrow
    on_foot: int = 0  # of ``minutes``, easy walking and hiking (not counted against the aim's top)


def hard_cap(d: Draft, ctx: Ctx, behind: Behind) -> None:
    """S11: about 80 % of sessions easy, 20 % hard, in any seven days; never two hard days in a row."""
    if not ctx.on("S11") or not d.hard:
        return
    yesterday = (ctx.day - DAY) in behind.hard_days
    cap = max(1, round((behind.sessions + 1) / 5))
    kept = len(behind.hard_days)
    if not (yesterday or behind.hard_tomorrow) and kept < cap:
        return
    d.cap("moderate")
    why = (
        "the day next to another hard one stays steady"
        if yesterday or behind.hard_tomorrow
        else f"the 6 days before already hold {kept} hard session{'s' if kept != 1 else ''}"
    )
    d.add("S11", f"About 80% of sessions easy, 20% hard: {why}.", "Seiler 2010")


def day_off(d: Draft, ctx: Ctx, why: str) -> None:
    """P5: this is the day off the seven days need (the planner picks it: see ``rest_pick``) - the week's
    rhythm, not a day held back (the shortfall note leaves it out)."""
    d.held_back = None
    d.rest(
        "P5",
        f"A day off: recovery takes 24-48 h or more, light sessions don't speed it (S10), {why}.",
        "Sayer",
        locked=False,
    )


# P5's rhythm (legday's own): a day off every 4 to 7 days, at the latest on the seventh.
REST_EVERY = (4, 7)


def rest_pick(
    day: dt.date,
    behind: Behind,
    candidates: list[dt.date],
    goal: Goal,
    leg_day: Callable[[dt.date], bool],
    readiness: Callable[[dt.date], float],
    rest_anyway: Callable[[dt.date], bool] = lambda c: False,
) -> str | None:
    """P5: is ``day`` the day off? One falls 4 to 7 days after the last (at the latest on the seventh,
    so any seven days hold one). Among the days in that span that can still be off (``candidates``):
    a day that is rest anyway (the day before an event) is it, and no other day is taken off for it
    (S12 keeps how often you train: race week does not lose a second session); else for a legs-first
    goal the last one before a leg day (fresh legs for it); else the least ready, when one is projected
    under READY_FOR_HARD (the latest of equals); else the last one. Returns why when it is this day,
    else None."""
    last = behind.last_free or day - 7 * DAY
    first, deadline = last + REST_EVERY[0] * DAY, last + REST_EVERY[1] * DAY
    options = [c for c in candidates if first <= c <= deadline]
    if day not in options or any(rest_anyway(c) for c in options if c != day):
        return None
    before_legs = [c for c in options if leg_day(c + DAY)]
    if goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and before_legs:
        return "and tomorrow's leg session gets fresh legs" if before_legs[-1] == day else None
    low = [c for c in options if readiness(c) < READY_FOR_HARD]
    if low:
        pick = min(low, key=lambda c: (readiness(c), -c.toordinal()))
        return "on the day your legs are least ready of the next few" if pick == day else None
    return "as a week's training without one would be too much" if options[-1] == day else None


def trim(d: Draft, ctx: Ctx, behind: Behind) -> None:
    """G6: no seven days over the aim's top: shorten this session to what is left, down to its
    shortest; a steady session with nothing left becomes a day off."""
    if not ctx.on("G6") or d.kind == "rest" or not d.minutes or d.role == "event":
        return
    _, high = target(ctx.on, ctx.goal)
    # Easy walking and hiking count for nothing here, before or today (ON_FOOT): a 5-hour hike brings
    # no days off, and the usual long walk is not cut to what the week has left.
    counted = behind.minutes - behind.on_foot
    if on_foot(d.modality, EFFORT[d.intensity][1] if d.intensity else 3):
        return
    if counted + d.minutes <= high:
        return
    if d.role not in ("zone2", "long", "hard") or d.reduced or d.locked:
        return
    room = max(high - counted, 0)
    before = d.minutes
    d.minutes = max(d.span[0], room - room % STEP)
    if d.minutes < before:
        d.held_back = FULL_WEEK  # the week's shortfall note names it (the last cut that bit)
    if counted + d.minutes > high and d.role == "zone2":
        d.held_back = FULL_WEEK
        besides = f" besides {behind.on_foot} of easy walking or hiking" if behind.on_foot else ""
        d.rest(
            "G6",
            f"The 6 days before already hold {counted} minutes of cardio{besides}: {high} in any 7 days "
            "is the most the plan aims at.",
            "Well+Good",
            locked=False,
        )
