"""Heads-ups for logged cardio: the same lines the rules hold a suggestion to, asked of what was done.

A heads-up never blocks and never changes the plan; it says, for next time, which rule the session went
against. Every check here mirrors a rule that caps a suggestion (the rule's module is named), and the
exceptions that let a suggestion through (E3, E4, G4) let a logged session through too: so a session
logged exactly as legday suggested it never gets a heads-up (a property test holds the two together).
The words name the session's day, so that the same line reads right in the session's reasons and in
the week's warnings, where every heads-up also appears.
"""

from __future__ import annotations

import datetime as dt

from legday.core.evidence import LEGDAY, reason
from legday.core.model import CardioSession, Goal, Level
from legday.core.plan import Reason
from legday.core.readiness import HARD_LEG_EFFORT
from legday.core.rules.base import (
    DAY,
    IMPACT,
    LOW_SORENESS,
    NEXT_DAY_GAP,
    READY_FOR_E3,
    READY_FOR_HARD,
    Ctx,
    explosive,
    hours_between,
)
from legday.core.rules.timing import E2_FLOOR

E4_MINUTES = 30  # E4's "short" (the plan's explosive sessions are 15-25 minutes)
HARD_EFFORT = 7  # a logged session this hard is hard (S1, S2: the plan's hard ranges reach 7 and up)


def _start(c: CardioSession) -> dt.datetime | None:
    return dt.datetime.combine(c.date, c.start) if c.start else None


def exception_for(c: CardioSession, ctx: Ctx) -> str | None:
    """The exception (E3, E4, G4) that lets this hard session sit close to legs, if one does - the same
    conditions under which the rules suggest one (goals.py)."""
    start = _start(c)
    yesterday = ctx.legs_on(ctx.day - DAY)
    r = ctx.readiness
    # G4: after the lift on a leg day (its order, not the minutes between: no hour line).
    if (
        ctx.on("G4")
        and ctx.goal is Goal.HYBRID
        and ctx.profile.level is Level.ADVANCED
        and c.modality == "run"
        and start is not None
        and ctx.legs_before(start)
        and not ctx.g4_used
    ):
        return "G4"
    if yesterday and start is not None and not ctx.beginner and not ctx.legs_today:
        gap_ok = all(
            hours_between(s.ended, start) >= (NEXT_DAY_GAP if ctx.on("E5") else 0) for s in yesterday
        )
        if (
            ctx.on("E3")
            and ctx.goal is Goal.ENDURANCE
            and c.modality in ("run", "sprints")
            and gap_ok
            and (r.soreness <= LOW_SORENESS if r.soreness is not None else r.score >= READY_FOR_E3)
        ):
            return "E3"
        if (
            ctx.on("E4")
            and ctx.goal is Goal.POWER
            and c.minutes <= E4_MINUTES  # short explosive work, on whatever it was done
            and any(explosive(s) for s in yesterday)
            and r.score >= READY_FOR_HARD
            and gap_ok
        ):
            return "E4"
    return None


def heads_ups(c: CardioSession, ctx: Ctx) -> list[Reason]:
    """What ``c`` went against, as heads-ups (empty when it kept to every rule)."""
    out: list[Reason] = []
    start = _start(c)
    hard = c.effort >= HARD_EFFORT
    impact = c.modality in IMPACT
    name = f"{c.date:%a %-d} {c.modality}"
    excepted = exception_for(c, ctx) if hard else None
    trained = ctx.trained(start)
    if hard and not excepted:
        hard_legs = [s for s in trained if s.effort >= HARD_LEG_EFFORT]
        second = [s for s in ctx.legs_on(ctx.day - 2 * DAY) if s.effort >= HARD_LEG_EFFORT]
        if hard_legs and ctx.on("E2"):
            out.append(
                reason(
                    "E2",
                    f"Heads-up, {name}: hard ({c.effort}/10) on a hard leg day or the day after; hard "
                    "cardio is best left until the second day, about 48 h on.",
                    "TravelRunner",
                )
            )
        elif (
            second
            and start is not None
            and ctx.on("E2")
            and hours_between(max(s.ended for s in second), start) < E2_FLOOR
        ):
            out.append(
                reason(
                    "E2",
                    f"Heads-up, {name}: hard ({c.effort}/10) less than {E2_FLOOR} h after a hard leg "
                    "session; hard cardio is best left for about 48 h.",
                    "TravelRunner",
                )
            )
        elif trained and ctx.on("E1"):
            out.append(
                reason(
                    "E1",
                    f"Heads-up, {name}: {c.effort}/10 on a leg day or the day after; cardio close to "
                    "legs is best kept at 6/10 or below.",
                    "Well+Good",
                )
            )
    if hard and ctx.beginner and ctx.on("P1") and (trained or ctx.legs_today or ctx.legs_ahead(start)):
        out.append(
            reason(
                "P1",
                f"Heads-up, {name}: new to lifting, hard cardio on a leg day, the day after or the day "
                "before one is best avoided; build each separately first.",
                "Alex",
            )
        )
    if hard and not ctx.base and ctx.on("P1"):
        out.append(
            reason(
                "P1",
                f"Heads-up, {name}: hard without a base of steady cardio in the 4 weeks before (walks "
                "don't count); steady sessions first (legday's call).",
                LEGDAY,
            )
        )
    if (
        ctx.profile.injury_prone
        and impact
        and ctx.on("P2")
        and (ctx.legs_today or ctx.legs_on(ctx.day - DAY))
    ):
        out.append(
            reason(
                "P2",
                f"Heads-up, {name}: with your injury history, running or jumping on a leg day (or the "
                "day after) raises the risk of it coming back; low impact is safer.",
                "Alex",
            )
        )
    if hard and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and ctx.on("E6"):
        ahead = ctx.legs_ahead(start)
        if ahead:
            when = "before the lift on a leg day" if ahead[0].date == ctx.day else "the day before legs"
            out.append(
                reason(
                    "E6",
                    f"Heads-up, {name}: hard {when}; for your goal the leg session comes first, so keep "
                    "the time before it easy (legday's reading of Spartan).",
                    LEGDAY,
                )
            )
    if hard and ctx.race_days_ago is not None and ctx.on("G3"):
        k = ctx.race_days_ago
        out.append(
            reason(
                "G3",
                f"Heads-up, {name}: hard on day {k} of about {ctx.race_recovery} to come back from "
                f"{ctx.race_what or 'a race'}; those days are for active recovery (legday's scale).",
                LEGDAY,
            )
        )
    if hard and ctx.back_day is not None and ctx.on("P5"):
        out.append(
            reason(
                "P5",
                f"Heads-up, {name}: hard in the first week back after {ctx.break_days} days off; build "
                "back up first (legday's reading of 'too much too fast').",
                LEGDAY,
            )
        )
    if hard and ctx.lingering and ctx.on("P5"):
        out.append(
            reason(
                "P5",
                f"Heads-up, {name}: hard while still sore days after your hardest recent session; "
                "nothing hard until it eases.",
                "Well+Good",
            )
        )
    if (hard or impact) and ctx.readiness.pain and ctx.on("P4"):
        out.append(
            reason(
                "P4",
                f"Heads-up, {name}: pain flagged and not yet cleared; nothing hard and no running or "
                "jumping until a check-in clears it.",
                "TravelRunner",
            )
        )
    if hard and ctx.meet and ctx.event_days is not None and ctx.event_days <= 7 and ctx.on("S12"):
        out.append(
            reason(
                "S12",
                f"Heads-up, {name}: hard cardio in your meet's last week; the legs come first for it "
                "(legday's reading of Spartan).",
                LEGDAY,
            )
        )
    return out
