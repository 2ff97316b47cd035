"""Modality: what to do the session on.

First the goal's wish (a run, mostly) meets the rules that move it to something kinder: S9 (size: cycle,
don't run), M2 (running doubles down on legs trained a day or two ago), P1 (beginners don't run right
after legs), P2 (injury-prone: low impact after leg day, swimming kindest). Then three things decide the
final pick, in this order:

    what the legs need   a recovery day moves the legs gently or takes their weight off (M1)
    sore regions         a session never loads hard a region that is sore today (legday's own reasoning,
                         so it credits legday): rated in the morning check-in, or, without ratings, the
                         regions the last leg session loaded while the legs are still estimated sore
    the profile's list   only what the person can do (no pool, no swim); when the best option is not
                         on the list the reason says what it would have been and what replaces it

A substitute is the nearest option (``NEAREST``) that adds no impact the wish didn't have, spares the sore
regions and can carry the session's intensity; when none can carry it, the intensity comes down. The
words are written once the pick is final, so they always name the modality the person will see.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from legday.core.catalogue import regions_loaded
from legday.core.model import COMES_WITH_RUN, REGIONS, CheckIn, Goal
from legday.core.rules.base import HARD_AFTER_LEGS, RANK, Ctx, Draft, hours_since_legs

# legday's own lines (S6: no validated cut-off exists).
SORE_REGION = 5  # a region rated (or estimated) this sore is spared heavy work
UNLOAD_SORENESS = 7  # this sore overall, a recovery day takes the weight off the legs instead of walking


@dataclass(frozen=True)
class Demand:
    """What a modality asks of the legs: load per region (0 little, 1 some, 2 heavy; legday's reading of
    M1 and M2), impact, the hardest intensity it sensibly carries, and words for the reasons."""

    loads: tuple[int, int, int, int]  # quads, hamstrings, glutes, calves (REGIONS order)
    impact: bool
    top: str
    noun: str  # "a run", "a swim"

    def load(self, region: str) -> int:
        return self.loads[REGIONS.index(region)]


DEMAND: dict[str, Demand] = {
    "run": Demand((2, 2, 2, 2), True, "intervals", "a run"),
    "sprints": Demand((2, 2, 2, 2), True, "sprints", "sprints"),
    "plyometrics": Demand((2, 1, 2, 2), True, "sprints", "jumps"),
    "bike": Demand((2, 1, 1, 1), False, "sprints", "a ride"),
    "elliptical": Demand((2, 1, 2, 1), False, "intervals", "the elliptical"),
    "row": Demand((2, 1, 2, 0), False, "sprints", "a row"),
    "stairs": Demand((2, 0, 2, 2), False, "intervals", "the stair machine"),
    "hike": Demand((2, 1, 2, 2), False, "moderate", "a hike"),
    "swim": Demand((0, 0, 0, 0), False, "intervals", "a swim"),
    "walk": Demand((0, 0, 0, 1), False, "easy", "a walk"),
    "yoga": Demand((0, 0, 0, 0), False, "easy", "yoga"),
    "pilates": Demand((0, 0, 0, 0), False, "easy", "pilates"),
}

# Nearest substitutes for each wish, best first: similar movement and effort before anything else.
NEAREST: dict[str, tuple[str, ...]] = {
    "run": ("run", "elliptical", "bike", "row", "stairs", "hike", "swim", "walk", "yoga", "pilates"),
    "sprints": ("sprints", "plyometrics", "bike", "row", "stairs", "elliptical", "swim", "run"),
    "plyometrics": ("plyometrics", "sprints", "bike", "row", "stairs", "elliptical", "swim", "run"),
    "bike": ("bike", "row", "elliptical", "swim", "stairs", "walk", "hike", "yoga", "pilates", "run"),
    "elliptical": ("elliptical", "bike", "row", "swim", "stairs", "walk", "hike", "yoga", "pilates",
                   "run"),
    "row": ("row", "bike", "elliptical", "swim", "stairs", "walk", "hike", "yoga", "pilates", "run"),
    "swim": ("swim", "row", "bike", "elliptical", "walk", "yoga", "pilates", "hike", "stairs", "run"),
    "walk": ("walk", "swim", "yoga", "pilates", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "yoga": ("yoga", "pilates", "swim", "walk", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "pilates": ("pilates", "yoga", "swim", "walk", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "hike": ("hike", "walk", "elliptical", "stairs", "bike", "row", "swim", "run", "yoga", "pilates"),
    "stairs": ("stairs", "elliptical", "bike", "row", "hike", "run", "swim", "walk", "yoga", "pilates"),
}
IMPACT = frozenset(m for m, demand in DEMAND.items() if demand.impact)


@dataclass(frozen=True)
class Sore:
    region: str
    level: int
    rated: bool  # from a check-in, or else estimated from the last leg session
    why: str  # "rated 7/10 this morning", "Mon's back squat loaded them"


def sore_regions(ctx: Ctx, d: Draft) -> list[Sore]:
    """Regions sore enough today to spare, sorest first. A check-in's region ratings count that day and
    the next (soreness builds over 24-48 h, S7: legday's choice to carry it); without ratings, the
    regions the last leg session loaded hard, if it ended under 48 h ago and the legs are still
    estimated at least SORE_REGION/10 sore."""
    rated = _rated(ctx)
    if rated is not None:
        checkin, words = rated
        found = [Sore(r, level, True, f"rated {level}/10 {words}")
                 for r, level in checkin.regions if level >= SORE_REGION]
    else:
        found = []
        last = ctx.legs.last_before(d.start or ctx.slot)
        level = ctx.readiness.soreness_estimate
        if (last is not None and level >= SORE_REGION and d.role != "post_legs"
                and (d.start or ctx.slot) - last.ended < dt.timedelta(hours=HARD_AFTER_LEGS)):
            loaded = regions_loaded(e.name for e in last.exercises)
            for region in REGIONS:
                if region in loaded:
                    names = ", ".join(dict.fromkeys(e.name for e in last.exercises
                                                    if region in regions_loaded([e.name])))
                    found.append(Sore(region, level, False, f"{last.date:%a}'s {names} loaded them"))
    return sorted(found, key=lambda s: (-s.level, REGIONS.index(s.region)))


def _rated(ctx: Ctx) -> tuple[CheckIn, str] | None:
    today = ctx.checkins.get(ctx.day)
    if today is not None:
        return (today, "this morning") if today.regions else None
    yesterday = ctx.checkins.get(ctx.day - dt.timedelta(days=1))
    if yesterday is not None and yesterday.regions:
        return yesterday, "yesterday"
    return None


def choose_modality(d: Draft, ctx: Ctx) -> None:
    if d.kind not in ("cardio", "recovery") or d.role == "event" or d.modality not in DEMAND:
        return
    moved: list[str] = []
    if d.kind == "recovery":
        _recovery_need(d, ctx)
    elif d.exception != "G4":
        moved = _kinder_than_running(d, ctx)
    settle(d, ctx, moved[-1] if moved else None)
    if d.kind == "rest":
        return
    for rule in moved:
        text, source = _MOVED_WORDS[rule]
        if rule == "S9" and d.modality != "bike":
            text = "Not a run: running, not cycling, blunts muscle growth."
        noun = DEMAND[d.modality].noun
        d.add(rule, text.format(m=noun, M=_cap(noun)), source)


def _kinder_than_running(d: Draft, ctx: Ctx) -> list[str]:
    """S9, M2, P1, P2: move the goal's run to something kinder where they apply. Returns the rules that
    moved it; their words are written once the pick is final."""
    if d.modality in COMES_WITH_RUN:
        return []
    after = hours_since_legs(ctx, d)
    recent = after is not None and after < HARD_AFTER_LEGS and not d.role == "long"
    moved: list[str] = []
    low_impact = [m for m in ctx.profile.modalities if m not in IMPACT]
    # S9: for a size goal, cycle: running (not cycling) blunts fibre growth. A preference, so without
    # a bike on the list the run stays (and the reason says so).
    if ctx.goal is Goal.STRENGTH and ctx.on("S9") and d.modality == "run":
        if ctx.profile.can_do("bike"):
            d.modality = "bike"
            moved.append("S9")
        else:
            d.add("S9", "A ride would be better for size (running, not cycling, blunts muscle growth), "
                        "but it is not on your list: a run it is.", "Lundberg 2022")
    # M2: running doubles down on the legs you trained, so the day after goes low impact -
    # except for runners (it is their sport) and the light run G5 stacks straight after lifting.
    if (recent and d.modality == "run" and ctx.on("M2") and d.role != "post_legs"
            and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL)):
        if low_impact:
            d.modality = "elliptical" if ctx.goal is Goal.GENERAL else "bike"
            moved.append("M2")
        else:
            d.add("M2", "Running loads the same muscles you trained, but nothing on your list spares "
                        "them the impact: keep the run easy and short.", "Sayer")
    # P1: beginners don't run right after leg training (no gentler option listed: rest, see settle).
    if recent and d.modality == "run" and ctx.beginner and ctx.on("P1"):
        d.modality = "bike"
        moved.append("P1")
    # P2: injury-prone -> low impact after leg day, and swimming is kindest (M1).
    if recent and ctx.profile.injury_prone and ctx.on("P2") and d.modality != "swim":
        d.modality = "swim"
        moved.append("P2")
    return moved


# Why the run moved, written from the final pick (``{m}`` is what the person will do, ``{M}`` capitalised).
_MOVED_WORDS = {
    "S9": ("{M} rather than a run: running, not cycling, blunts muscle growth.", "Lundberg 2022"),
    "M2": ("{M} instead of a run: running would load the muscles you trained again, with impact.",
           "Sayer"),
    "P1": ("New to lifting: no running this close to leg day; {m} instead, easy.", "Alex"),
    "P2": ("Injury-prone: low impact after leg day; swimming is the kindest (M1).", "Alex"),
}


def _recovery_need(d: Draft, ctx: Ctx) -> None:
    """M1 on a recovery day (the draft arrives as a walk, or a swim for the injury-prone)."""


# A rule that took the run away, when nothing on the list can replace it: the day's rest says why.
_NOTHING_ELSE = {
    "P1": ("New to lifting: no running this close to leg day, and nothing else on your list: rest today.",
           "Alex"),
    "P2": ("Injury-prone: no impact after leg day, and nothing low-impact on your list: rest today.",
           "Alex"),
}


def settle(d: Draft, ctx: Ctx, moved_by: str | None = None) -> None:
    """Make the draft's modality one the profile lists. Called when the rules pick it and again after
    the week is balanced (a capped sprint session turns into a ride there). ``moved_by``: the rule that
    moved the session off a run, if any."""
    if d.kind not in ("cardio", "recovery") or d.role == "event" or d.modality not in DEMAND:
        return
    wish = d.modality
    if ctx.profile.can_do(wish):
        return
    pick = _substitute(wish, d, ctx)
    if pick is None:
        if moved_by in _NOTHING_ELSE:
            d.rest(moved_by, *_NOTHING_ELSE[moved_by], locked=False)
        else:
            d.rest("M1", f"Nothing on your list can stand in for {DEMAND[wish].noun} today: rest instead.",
                   "legday", locked=False)
        return
    _use(d, pick)
    d.add("M1", f"{_cap(DEMAND[wish].noun)} would suit today best, but it is not on your list: "
                f"{DEMAND[pick].noun} instead.", "legday")


def _substitute(wish: str, d: Draft, ctx: Ctx) -> str | None:
    """The nearest listed option that adds no impact the wish lacked; one that can carry the session's
    intensity if there is one."""
    options = [m for m in NEAREST[wish] if ctx.profile.can_do(m)
               and (m not in IMPACT or wish in IMPACT) and (d.kind != "recovery" or m not in IMPACT)]
    if not options:
        return None
    carrying = [m for m in options if d.intensity is None or RANK[DEMAND[m].top] >= RANK[d.intensity]]
    return (carrying or options)[0]


def _use(d: Draft, modality: str) -> None:
    """Switch to ``modality``, bringing the intensity down to what it carries (yoga is never hard)."""
    d.modality = modality
    top = DEMAND[modality].top
    if d.intensity is not None and RANK[d.intensity] > RANK[top]:
        d.cap(top)
        d.modality = modality  # cap() turns steady sprints into a ride; the pick stands


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
