"""The lines no suggestion crosses, checked after every other rule has had its say (so nothing later
can undo them except by making the session gentler still):

    G3   the days after a race or a very hard long session are active recovery (Spartan)
    P4   pain flagged and not cleared: nothing hard, no running or jumping
    P4   soreness 5+ today or yesterday, or readiness under 50: easy, low impact, 40 minutes at most
    P5   still sore days after legs: nothing hard for a week
    P1   beginners: nothing hard within 48 h after legs or 24 h before the next leg session
    P2   injury-prone: no running or jumping on a leg day, nor in the 24 h after it

Then the disagreement lines the sources leave open (G1 vs S9 vs Sayer on cardio and muscle size).
The cut-offs (40 and 45 minutes, soreness 5, readiness 50) are legday's own and say so.
"""

from __future__ import annotations

from legday.core.evidence import LEGDAY
from legday.core.model import Goal
from legday.core.rules.base import (
    HARD_AFTER_LEGS,
    IMPACT,
    STEADY,
    Ctx,
    Draft,
    easy_or_less,
    hours_between,
    not_hard,
    not_run,
)
from legday.core.rules.modality import low_impact

# legday's own lines (S6: none is validated).
SORE_LINE = 5  # soreness 5+ today or yesterday -> an easy day
READY_LINE = 50  # readiness under 50 -> an easy day
EASY_DAY_MINUTES = 40
RACE_DAY_AFTER_MINUTES = 40  # the day after a race
RACE_SECOND_DAY_MINUTES = 45  # the day after that
BEGINNER_BEFORE_LEGS = 30  # hours: "the day before", an evening session before a morning lift too
INJURY_AFTER_LEGS = 24  # hours


def _no_impact(d: Draft, ctx: Ctx, id: str, source: str, why: str) -> bool:
    """Take the run (or jumps) away: the modality module's region-aware pick from the profile's list,
    or rest, saying ``why``, when nothing low-impact is on it. True if it changed the draft."""
    if d.modality not in IMPACT:
        return False
    pick = low_impact(d, ctx)
    if pick is None:
        d.rest(id, f"{why}, and nothing low-impact on your list: rest today.", source, locked=False)
    else:
        d.modality = pick
    return True


def _shorten(d: Draft, most: int, why: str) -> None:
    before = d.minutes or most
    d.minutes = min(before, most)
    d.span = (min(d.span[0], d.minutes), d.minutes)
    d.reduced = True
    # The week's shortfall note names what made the day short: the last cut that bit, not the first
    # rule that looked at it.
    d.held_back = why if d.minutes < before else d.held_back or why


def guard(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.role == "event":
        return
    r = ctx.readiness
    if ctx.on("G3") and ctx.race_days_ago in (1, 2):
        first = ctx.race_days_ago == 1
        d.cap("easy" if first else "moderate")
        if (
            first
            and _no_impact(
                d, ctx, "G3", LEGDAY, "The day after a race is easy and low impact (legday's limit)"
            )
            and d.kind == "rest"
        ):
            return
        _shorten(d, RACE_DAY_AFTER_MINUTES if first else RACE_SECOND_DAY_MINUTES, "recovering from a race")
        d.exception = None if d.exception in ("E3", "E4") else d.exception
        if first:  # recovery from the race, not minutes towards the week's target, nor the week's day off
            d.reasons = [n for n in d.reasons if n.text != STEADY]
            d.locked = True
        d.add(
            "G3",
            "After a race, the next days are active recovery, as after any competition.",
            "Spartan",
            holds=not_hard,
        )
        d.add(
            "G3",
            (
                "The day after a race: easy and low impact, 40 minutes at most; nothing hard or over "
                "45 minutes until the third day (legday's limits)."
                if first
                else "Two days after a race: nothing hard and 45 minutes at most; normal training from "
                "tomorrow (legday's limits)."
            ),
            LEGDAY,
            holds=not_hard,
        )
    if ctx.on("P4") and r.pain:
        d.held_back = "pain"  # whatever else shortened the day, pain is what holds it back now
        d.cap("easy")
        if (
            _no_impact(
                d, ctx, "P4", "TravelRunner", "Pain flagged and not yet cleared: no running or jumping"
            )
            and d.kind == "rest"
        ):
            return
        d.add(
            "P4",
            "Pain flagged and not yet cleared by a check-in without it: nothing hard, no running or "
            "jumping. Stop if anything hurts.",
            "TravelRunner",
            holds=_gentle,
        )
    sore = [s for s in (r.soreness, ctx.sore_yesterday) if s is not None and s >= SORE_LINE]
    if ctx.on("P4") and (sore or r.score < READY_LINE):
        why = (
            f"Soreness {max(sore)}/10 {'today' if r.soreness in sore else 'yesterday'}"
            if sore
            else f"Readiness {r.score}/100"
        )
        changed = d.cap("easy")
        if _no_impact(d, ctx, "P4", LEGDAY, f"{why}: an easy, low-impact day (legday's own line)"):
            if d.kind == "rest":
                return
            changed = True
        if (d.minutes or 0) > EASY_DAY_MINUTES:
            changed = True
        _shorten(d, EASY_DAY_MINUTES, "sore or tired legs")
        # An easy day for the legs' sake is not minutes towards the week's target (it says so).
        d.reasons = [n for n in d.reasons if n.text != STEADY]
        if changed or d.kind == "cardio":
            d.add(
                "P4",
                f"{why}: an easy, low-impact day of 40 minutes at most, whatever the week's "
                "minutes say (soreness 5+ or readiness under 50 is legday's own line).",
                LEGDAY,
                holds=_gentle,
            )
    if ctx.on("P5") and ctx.lingering and d.cap("moderate"):
        d.add(
            "P5",
            "Still sore days after your last leg session: nothing hard for the rest of the week.",
            "Well+Good",
            holds=not_hard,
        )
    if ctx.beginner and ctx.on("P1") and d.hard and ctx.longest_recent is None and d.cap("moderate"):
        # A first hard session with no base under it is the "too much too fast" P5 warns of; legday's
        # reading of P1 (Alex: novices build the basics first) is a few steady weeks before any.
        d.add(
            "P1",
            "New to this and no cardio logged in the last 4 weeks: build a base of steady "
            "sessions before a hard one (legday's call).",
            LEGDAY,
            holds=not_hard,
        )
    if ctx.beginner and ctx.on("P1") and d.hard and d.exception != "G4":
        # From the usual time: a session E2 moved to exactly 48 h is still too close for a beginner.
        start = min(d.start or ctx.slot, d.moved_from or ctx.slot)
        last = ctx.legs.last_before(start)
        nxt = ctx.legs.next_after(start)
        after = last is not None and hours_between(last.ended, start) < HARD_AFTER_LEGS
        before = nxt is not None and hours_between(start, nxt.started) < BEGINNER_BEFORE_LEGS
        if (after or before) and d.cap("moderate"):
            d.add(
                "P1",
                "New to lifting: nothing hard within 48 h after a leg session or the day before "
                "one; the runner's and explosive exceptions are for experienced athletes.",
                "Alex",
                holds=not_hard,
            )
    if ctx.profile.injury_prone and ctx.on("P2") and d.modality in IMPACT:
        start = d.start or ctx.slot
        last = ctx.legs.last_before(start)
        after = last is not None and hours_between(last.ended, start) < INJURY_AFTER_LEGS
        if ctx.legs_today or after:
            was = d.modality
            if (
                _no_impact(
                    d,
                    ctx,
                    "P2",
                    "Alex",
                    "Injury-prone: no running or jumping on a leg day or in the 24 h after it",
                )
                and d.kind == "rest"
            ):
                return
            if was in ("sprints", "plyometrics"):
                d.cap("moderate")
            d.add(
                "P2",
                "Injury-prone: no running or jumping on a leg day, before or after the lift, nor in "
                "the 24 h after it; adding running to a leg day raises the risk of recurrence.",
                "Alex",
                holds=not_run,
            )


def _gentle(d: Draft) -> bool:
    return easy_or_less(d) and not_run(d)


def disagreements(d: Draft, ctx: Ctx) -> None:
    """G1 vs S9 vs Sayer: does cardio cost muscle size? Shown where a size goal meets cardio."""
    if d.kind != "cardio" or ctx.goal is not Goal.STRENGTH or not (ctx.on("G1") and ctx.on("S9")):
        return
    d.choose(
        lambda d: (
            "Cardio and muscle size: Schumann 2022 (G1) finds cardio doesn't blunt size or "
            "strength; Lundberg 2022 (S9) finds running, not cycling, blunts fibre growth; Sayer "
            "warns running after lifting can leave you short of energy. For your size goal the "
            f"plan goes {'for the ' + d.modality if d.modality else 'without running'}, and eat "
            "enough."
        ),
        holds=not_run,
    )
