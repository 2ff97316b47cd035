"""The lines no suggestion crosses, checked after every other rule has had its say (so nothing later
can undo them except by making the session gentler still):

    G3   the days after a race, a match or an event are active recovery (Spartan), for as many days as
         its length, effort and kind call for (legday's scale: a 10K about 3 days, a marathon 10 or more):
         the first easy, low impact and short, the first half of them easy, none of them hard
    P4   pain flagged and not cleared: nothing hard, no running or jumping
    P4   soreness 5+ today or yesterday, or readiness under 50: easy, low impact, 40 minutes at most
    P5   still sore days after a hard session: nothing hard for a week
    P5   back after a break of 2 weeks or more: nothing hard in the first week (legday's reading)
    P1   beginners, and anyone whose log holds only walks: no hard session without a base of steady
         ones (legday's reading); beginners: nothing hard on a leg day, the day after, or the day before
    P2   injury-prone: no running or jumping on a leg day, nor the day after it
    S12  before a strength meet: no hard cardio in its last week (legday's reading of Spartan)

All of them by the day, never by the hour (see base.Ctx).

Then the disagreement lines the sources leave open (G1 vs S9 vs Sayer on cardio and muscle size).
The cut-offs (40 and 45 minutes, soreness 5, readiness 50) are legday's own and say so.
"""

from __future__ import annotations

import datetime as dt

from legday.core.evidence import LEGDAY
from legday.core.model import Goal
from legday.core.rules.base import (
    DAY,
    IMPACT,
    STEADY,
    Ctx,
    Draft,
    easy_or_less,
    not_hard,
    not_run,
    readiness_words,
)
from legday.core.rules.modality import DEMAND, low_impact

# legday's own lines (S6: none is validated).
SORE_LINE = 5  # soreness 5+ today or yesterday -> an easy day
READY_LINE = 50  # readiness under 50 -> an easy day
EASY_DAY_MINUTES = 40
RACE_DAY_AFTER_MINUTES = 40  # the day after a race
RACE_SECOND_DAY_MINUTES = 45  # the day after that
RACE_LATER_MINUTES = 60  # the days after that, until the race's recovery is over
MEET_DAYS = 7  # a strength meet's last week: no hard cardio


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


def _first_back(d: Draft, ctx: Ctx, flag: dt.date, done: frozenset[str]) -> None:
    """P4, after a pain flag a check-in cleared: the first hard session of a kind (a run, jumps or
    sprints: anything with impact counts as one kind) waits until one of that kind has gone by since
    the flag, steady instead - a hard run is no way to find out whether the knee holds (legday's call:
    P4 says stop on sharp pain, nothing about coming back)."""
    impact = d.modality in IMPACT
    kinds = frozenset(IMPACT) if impact else frozenset({d.modality})
    if done & kinds or not d.cap("moderate"):
        return
    demand = DEMAND.get(d.modality or "")
    word = "run" if impact else demand.noun.removeprefix("a ").removeprefix("the ") if demand else "session"
    d.add(
        "P4",
        f"Pain flagged on {flag:%a %-d} and cleared since: nothing hard until one {word} since then has "
        "gone by, steady, to see how it holds up (legday's call). Stop if anything hurts.",
        LEGDAY,
        holds=not_hard,
    )


def guard(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest" or d.role == "event":
        return
    r = ctx.readiness
    if ctx.on("G3") and ctx.race_days_ago is not None:
        race_recovery(d, ctx)
        if d.kind == "rest":
            return
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
    if ctx.on("P4") and ctx.pain_back is not None and d.hard:
        _first_back(d, ctx, *ctx.pain_back)
    sore = [s for s in (r.soreness, ctx.sore_yesterday) if s is not None and s >= SORE_LINE]
    if ctx.on("P4") and (sore or r.score < READY_LINE):
        why = (
            f"Soreness {max(sore)}/10 {'today' if r.soreness in sore else 'yesterday'}"
            if sore
            else readiness_words(r)
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
            "Still sore days after your hardest recent session: nothing hard for the rest of the week.",
            "Well+Good",
            holds=not_hard,
        )
    if ctx.on("P5") and ctx.back_day is not None and d.cap("moderate"):
        d.add(
            "P5",
            lambda d: (
                f"Back after {ctx.break_days} days off: the first week builds back up, so nothing hard "
                "until day 8 (legday's reading of 'too much too fast'; unaccustomed work hurts most, S7)."
            ),
            LEGDAY,
            holds=not_hard,
        )
    if ctx.on("P1") and d.hard and not ctx.base and d.cap("moderate"):
        # A hard session with no base under it is the "too much too fast" P5 warns of: legday's reading
        # of P1 (Alex: novices build the basics first). Walks are not that base.
        d.add(
            "P1",
            (
                "New to this: fewer than 3 steady sessions of half an hour in the last 4 weeks (logged or planned), so "
                "build a base of steady sessions before a hard one (legday's call)."
                if ctx.no_base == "beginner"
                else "You skipped the cardio in the last 4 weeks, and fewer than 3 steady sessions of half "
                "an hour are logged or planned: steady sessions first, then a hard one (legday's call)."
                if ctx.no_base == "skips"
                else "Your last 4 weeks hold walks but no steady cardio: walks are no base for "
                "intervals, so steady sessions first (legday's call)."
            ),
            LEGDAY,
            holds=not_hard,
        )
    # By the day: a leg day, the day after it, the day before the next one.
    near_legs = ctx.trained(d.start) or ctx.legs_today or ctx.legs_ahead(d.start)
    if ctx.beginner and ctx.on("P1") and d.hard and d.exception != "G4" and near_legs and d.cap("moderate"):
        d.add(
            "P1",
            "New to lifting: nothing hard on a leg day, the day after it or the day before "
            "one; the runner's and explosive exceptions are for experienced athletes.",
            "Alex",
            holds=not_hard,
        )
    meet_week = ctx.meet and ctx.event_days is not None and ctx.event_days <= MEET_DAYS
    if meet_week and ctx.on("S12") and d.cap("moderate"):
        d.add(
            "S12",
            "Meet week: no hard cardio, so the legs are fresh for the heavy singles (legday's "
            "reading of Spartan: the heavy leg day matters more than intense cardio).",
            LEGDAY,
            holds=not_hard,
        )
    injury_day = bool(ctx.legs_today or ctx.legs_on(ctx.day - DAY))  # a leg day or the day after
    if ctx.profile.injury_prone and ctx.on("P2") and d.modality in IMPACT and injury_day:
        was = d.modality
        if (
            _no_impact(
                d,
                ctx,
                "P2",
                "Alex",
                "Injury-prone: no running or jumping on a leg day or the day after it",
            )
            and d.kind == "rest"
        ):
            return
        if was in ("sprints", "plyometrics"):
            d.cap("moderate")
        d.add(
            "P2",
            "Injury-prone: no running or jumping on a leg day, before or after the lift, nor the "
            "day after it; adding running to a leg day raises the risk of recurrence.",
            "Alex",
            holds=not_run,
        )


def race_recovery(d: Draft, ctx: Ctx) -> None:
    """G3 with legday's lengths: day 1 easy, low impact, 40 minutes at most; day 2 nothing hard, 45 at
    most; then nothing hard and an hour at most until the race's recovery days are over."""
    k, days = ctx.race_days_ago or 0, max(ctx.race_recovery, 2)
    first = k == 1
    easy = k <= -(-days // 2)  # the first half of the recovery days: easy only (legday's call)
    d.cap("easy" if easy else "moderate")
    if (
        first
        and _no_impact(
            d, ctx, "G3", LEGDAY, "The day after a race or a match is easy and low impact (legday's limit)"
        )
        and d.kind == "rest"
    ):
        return
    most = RACE_DAY_AFTER_MINUTES if first else RACE_SECOND_DAY_MINUTES if k == 2 else RACE_LATER_MINUTES
    _shorten(d, most, "recovering from a competition")
    if d.exception in ("E3", "E4"):
        d.lost, d.exception = d.exception, None
    if first:  # recovery from the race, not minutes towards the week's target, nor the week's day off
        d.reasons = [n for n in d.reasons if n.text != STEADY]
        d.locked = True
    d.add(
        "G3",
        "After a race, a match or a meet, the next days are active recovery, as after any competition.",
        "Spartan",
        holds=not_hard,
    )
    left = days - k
    rest_of = (
        # (The effort, not the volume: after a long race the minutes take longer to come back,
        # and the planner's own line says so beside this one.)
        "from tomorrow the recovery no longer caps the effort"
        if left <= 0
        else f"nothing hard for {left} more day{'s' if left > 1 else ''}"
    )
    d.add(
        "G3",
        lambda d: (
            f"Day {k} of about {days} to come back from {ctx.race_what or 'your race'}: "
            + ("easy and low impact, " if first else "easy, " if easy else "nothing hard, ")
            + f"{most} minutes at most; {rest_of} (legday's scale, by its length and effort; easy for "
            "the first half of it)."
        ),
        LEGDAY,
        holds=lambda d: (easy_or_less(d) if easy else not_hard(d)) and (d.minutes or 0) <= most,
    )


def _gentle(d: Draft) -> bool:
    return easy_or_less(d) and not_run(d)


def disagreements(d: Draft, ctx: Ctx) -> None:
    """G1 vs S9 vs Sayer: does cardio cost muscle size? Shown where the strength goal (strength or size: the
    profile doesn't say which, so the words don't either) meets cardio."""
    if d.kind != "cardio" or ctx.goal is not Goal.STRENGTH or not (ctx.on("G1") and ctx.on("S9")):
        return
    d.choose(
        lambda d: (
            "Cardio and muscle size: Schumann 2022 (G1) finds cardio doesn't blunt size or "
            "strength; Lundberg 2022 (S9) finds running, not cycling, blunts fibre growth; Sayer "
            "warns running after lifting can leave you short of energy. The strength goal covers size "
            "too, and for size anything but a run is the safer pick: the plan goes "
            f"{'for the ' + d.modality if d.modality else 'without running'}, and eat enough."
        ),
        holds=not_run,
    )
