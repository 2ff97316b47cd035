"""Modality: what to do the session on.

First the goal's wish (a run, mostly) meets the rules that move it to something kinder: S9 (size: cycle,
don't run), M2 (running doubles down on legs trained a day or two ago), P1 (beginners don't run right
after legs), P2 (injury-prone: low impact after leg day, swimming kindest). Then three things decide the
final pick, in this order:

    what the legs need   a recovery day moves the legs gently or takes their weight off (M1)
    sore regions         a session never loads hard a region that is sore today (legday's own reasoning,
                         so it credits legday): rated in today's or yesterday's check-in; or, when only
                         overall soreness is rated (or nothing is, and the estimate is high), the regions
                         the last leg session loaded
    the profile's list   only what the person can do (no pool, no swim); when the best option is not
                         on the list the reason says what it would have been and what replaces it

A substitute adds no impact the wish didn't have and spares the sore regions; among those, the one that
comes closest to carrying the session's intensity, then the one that loads sore regions least, then the
nearest to the wish (``NEAREST``). When it cannot carry the intensity, the intensity comes down (yoga or
pilates in place of cardio make it a recovery day). When nothing on the list fits, the day is rest. The
words are written once the pick is final, so they always name the modality the person will see.
"""

from __future__ import annotations

import datetime as dt

from legday.core.catalogue import traits
from legday.core.model import COMES_WITH_RUN, REGIONS, CheckIn, Goal
from legday.core.rules.base import RANK, STEADY, Ctx, Draft, Note, not_run, recently_trained
from legday.core.values import Value

# legday's own lines (S6: no validated cut-off exists).
SORE_REGION = 5  # a region rated this sore (or legs rated this sore overall) is spared heavy work ...
LIKELY_SORE = 6  # ... and, with no rating at all, the regions the last session loaded at this estimate
UNLOAD_SORENESS = 7  # rated this sore, a recovery day takes the weight off the legs instead of walking
# A region rated sore is still spared, as a projection, on the days after the one after its rating,
# until a check-in says otherwise: a point less each day (S7: sore at 24 h about as at 48 h, less at
# 72 h and 96 h), for at most this many days after the rating.
REGION_CARRY_DAYS = 3


class Demand(Value):
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
    "plyometrics": Demand((2, 2, 2, 2), True, "sprints", "jumps"),
    "bike": Demand((2, 1, 1, 1), False, "sprints", "a ride"),
    "elliptical": Demand((2, 1, 2, 1), False, "intervals", "the elliptical"),
    "row": Demand((2, 1, 2, 0), False, "sprints", "a row"),
    "stairs": Demand((2, 0, 2, 2), False, "intervals", "the stair machine"),
    "hike": Demand((2, 1, 2, 2), False, "moderate", "a hike"),
    "swim": Demand((0, 0, 0, 0), False, "intervals", "a swim"),
    "walk": Demand((0, 0, 0, 1), False, "easy", "a walk"),
    # Mobility, not cardio: they carry a recovery day, and stand in for cardio only when nothing else can.
    "yoga": Demand((0, 0, 0, 0), False, "recovery", "yoga"),
    "pilates": Demand((0, 0, 0, 0), False, "recovery", "pilates"),
}
MOBILITY = ("yoga", "pilates")

# Nearest substitutes for each wish, best first: similar movement and effort before anything else.
NEAREST: dict[str, tuple[str, ...]] = {
    "run": ("run", "elliptical", "bike", "row", "stairs", "hike", "swim", "walk", "yoga", "pilates"),
    "sprints": ("sprints", "plyometrics", "bike", "row", "stairs", "elliptical", "swim", "run"),
    "plyometrics": ("plyometrics", "sprints", "bike", "row", "stairs", "elliptical", "swim", "run"),
    "bike": ("bike", "row", "elliptical", "swim", "stairs", "walk", "hike", "yoga", "pilates", "run"),
    "elliptical": ("elliptical", "bike", "row", "swim", "stairs", "walk", "hike", "yoga", "pilates", "run"),
    "row": ("row", "bike", "elliptical", "swim", "stairs", "walk", "hike", "yoga", "pilates", "run"),
    "swim": ("swim", "row", "bike", "elliptical", "walk", "yoga", "pilates", "hike", "stairs", "run"),
    "walk": ("walk", "swim", "yoga", "pilates", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "yoga": ("yoga", "pilates", "swim", "walk", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "pilates": ("pilates", "yoga", "swim", "walk", "bike", "elliptical", "row", "hike", "stairs", "run"),
    "hike": ("hike", "walk", "elliptical", "stairs", "bike", "row", "swim", "run", "yoga", "pilates"),
    "stairs": ("stairs", "elliptical", "bike", "row", "hike", "run", "swim", "walk", "yoga", "pilates"),
}
IMPACT = frozenset(m for m, demand in DEMAND.items() if demand.impact)
# What can stand in for a run's steady or hard work without its impact: a walk, a hike or yoga carry
# too little (legday's reading of M1's list).
STAND_INS = frozenset(m for m, dm in DEMAND.items() if not dm.impact and RANK[dm.top] >= RANK["intervals"])


def stand_in(ctx: Ctx, first: str) -> str:
    """The low-impact stand-in for a run: among those on the list, the nearest to a run that the person
    logged in the six weeks before (the beginner who rides gets the bike); ``first`` when they logged
    none (legday's choice: what someone does is what they can do well and enjoy)."""
    done = [m for m in NEAREST["run"] if m in STAND_INS and m in ctx.logged and ctx.profile.can_do(m)]
    return done[0] if done else first


def noun(d: Draft) -> str:
    """ "an easy run", "a ride", "sprints": what the person will do, in words (from the final pick)."""
    demand = DEMAND.get(d.modality or "")
    word = demand.noun if demand else "cardio"
    if d.intensity in ("recovery", "easy") and word.startswith("a "):
        return f"an easy {word[2:]}"
    return word


def loads_hard(modality: str | None) -> tuple[str, ...]:
    """The regions ``modality`` loads hard, in REGIONS order; () for one legday doesn't know."""
    demand = DEMAND.get(modality or "")
    return tuple(r for r in REGIONS if demand.load(r) == 2) if demand else ()


class Sore(Value):
    region: str
    level: int
    rated: bool  # from a check-in; else estimated from the last leg session
    when: str = ""  # a rating's day: "this morning", "yesterday", "on Thu"
    rated_as: int | None = None  # a projection's rating on that day (``level`` is today's projection)
    how: str = ""  # an estimate's basis: "you rated your legs 5/10"
    day: str = ""  # and its cause: the day ("Mon") and the exercises that loaded the region
    names: tuple[str, ...] = ()


def sore_regions(ctx: Ctx, d: Draft) -> list[Sore]:
    """Regions sore enough today to spare, sorest first. A check-in's region ratings count that day and
    the next (soreness builds over 24-48 h, S7; carrying it is legday's choice). Without ratings: the
    regions the last leg session loaded hard, if it ended under 48 h before and the legs are still
    rated at least SORE_REGION/10 sore overall, or estimated at least LIKELY_SORE/10. Not for the cardio
    straight after a leg session: what it just loaded is not sore yet."""
    rated = _rated(ctx)
    projected = _projected(ctx) if rated is None else None
    if rated is not None:
        checkin, when = rated
        found = [Sore(r, level, True, when=when) for r, level in checkin.regions if level >= SORE_REGION]
    elif projected:
        found = projected
    else:
        found = []
        # The day after legs or the second day (S7: soreness peaks at 24-48 h), never the leg day.
        recent = [*ctx.legs_on(ctx.day - dt.timedelta(days=1)), *ctx.legs_on(ctx.day - dt.timedelta(days=2))]
        last = max(recent, key=lambda s: s.ended) if recent else None
        # Rated overall but not by region: the soreness is likely where the session loaded. Not rated
        # at all: the estimate, with a higher bar, as it is only a guess.
        rated_overall = ctx.readiness.soreness
        level = rated_overall if rated_overall is not None else ctx.readiness.soreness_estimate
        bar = SORE_REGION if rated_overall is not None else LIKELY_SORE
        if last is not None and level >= bar and d.role != "post_legs":
            for region in REGIONS:
                names = list(
                    dict.fromkeys(e.name for e in last.exercises if region in traits(e.name).regions)
                )
                if names:
                    how = (
                        f"you rated your legs {level}/10"
                        if rated_overall is not None
                        else f"legs estimated at {level}/10"
                    )
                    found.append(
                        Sore(region, level, False, how=how, day=f"{last.date:%a}", names=tuple(names))
                    )
    return sorted(found, key=lambda s: (-s.level, REGIONS.index(s.region)))


def _projected(ctx: Ctx) -> list[Sore]:
    """Regions rated sore two or three days ago, with no check-in since: each a point less a day after
    the first (REGION_CARRY_DAYS), spared while still at SORE_REGION or more - a projection until this
    morning's check-in (legday's reading of S7: calves rated 7/10 on Thursday are not fresh for
    Saturday's intervals just because no one rated them on Friday)."""
    for ago in range(0, REGION_CARRY_DAYS + 1):
        checkin = ctx.checkins.get(ctx.day - ago * dt.timedelta(days=1))
        if checkin is None:
            continue
        if ago < 2:  # today's or yesterday's rating holds as it is (see _rated)
            return []
        when = f"on {checkin.date:%a}"
        found = [
            Sore(r, level - (ago - 1), True, when=when, rated_as=level)
            for r, level in checkin.regions
            if level - (ago - 1) >= SORE_REGION
        ]
        return found
    return []


def _rated(ctx: Ctx) -> tuple[CheckIn, str] | None:
    """The check-in whose region ratings hold today: today's, or yesterday's when today has none."""
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
    need = None
    if d.kind == "recovery":
        need = _recovery_need(d, ctx)
    elif d.exception != "G4":
        moved = _kinder_than_running(d, ctx)
    why: list[Note] = []
    settle(d, ctx, moved[-1] if moved else None, why)
    if d.kind == "rest":
        return
    if moved:  # S9, M2, P1, P2 moved it: not onto hard work the person has not done (settle's rule too)
        _new_to_them(d, ctx, d.modality, why)
    noun = DEMAND[d.modality].noun
    # "Instead of a run" is said to people who run; without running on the list the move is silent.
    for rule in moved if ctx.profile.can_do("run") else ():
        text, source = _MOVED_WORDS[rule]
        if rule == "S9" and d.modality != "bike":
            text = "Not a run: running, not cycling, blunts muscle growth."
        if rule == "P2" and d.modality != "swim":  # "swimming is kindest" only to someone who swims
            text = "Injury-prone: low impact on a leg day and the day after it; {m} instead of a run."
        d.add(rule, text.format(m=noun, M=_cap(noun)), source, holds=not_run)
    for n in why:
        d.add(n.id, n.text, n.source, n.holds)
    if need is not None:
        words = _GENTLE_WORDS.get((need, d.modality), _GENTLE_WORDS[need, None])
        d.add(
            "M1",
            words.format(M=_cap(noun), level=_soreness_level(ctx)),
            "legday" if need == "unload" else "Alex",
        )


def _kinder_than_running(d: Draft, ctx: Ctx) -> list[str]:
    """S9, M2, P1, P2: move the goal's run to something kinder where they apply. Returns the rules that
    moved it; their words are written once the pick is final."""
    if d.modality in COMES_WITH_RUN:
        return []
    # On a leg day or the day after it (by the day: no hour line to fall either side of).
    recent = recently_trained(ctx, d) and d.role != "long"
    wish = d.modality
    moved: list[str] = []
    low_impact = [m for m in ctx.profile.modalities if m not in IMPACT]
    # S9: for a size goal, cycle: running (not cycling) blunts fibre growth. A preference, so without
    # a bike on the list the run stays (and the reason says so).
    if ctx.goal is Goal.STRENGTH and ctx.on("S9") and d.modality == "run":
        if ctx.profile.can_do("bike"):
            d.modality = "bike"
            moved.append("S9")
        else:
            # A line of "which way the plan went", not a reason: S9's reasons always mean "not a run".
            # Said only if the final session is still a run (a later rule may make it a walk).
            d.choose(
                "S9 vs your list: for muscle size the plan would pick a ride if it could (running, "
                "not cycling, blunts muscle growth, Lundberg 2022), but there is no bike on your list, "
                "so it stays a run.",
                holds=_a_run,
            )
    # M2: running doubles down on the legs you trained, so the day after goes low impact -
    # except for runners (it is their sport) and the light run G5 stacks straight after lifting (not
    # on a second leg day running, which is also the day after legs).
    if (
        recent
        and d.modality == "run"
        and ctx.on("M2")
        and (d.role != "post_legs" or ctx.legs_on(ctx.day - dt.timedelta(days=1)))
        and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL)
    ):
        if low_impact:
            d.modality = stand_in(ctx, "elliptical" if ctx.goal is Goal.GENERAL else "bike")
            moved.append("M2")
        else:
            d.choose(
                "M2 vs your list: running loads the muscles you trained again (Sayer), but "
                "nothing low-impact is on your list, so it stays a run, kept easy.",
                holds=_a_run,
            )
    # P1: beginners don't run right after leg training (no gentler option listed: rest, see settle).
    if recent and d.modality == "run" and ctx.beginner and ctx.on("P1"):
        d.modality = stand_in(ctx, "bike")
        moved.append("P1")
    # P2: injury-prone -> low impact after leg day, and swimming is kindest (M1).
    # (Said even when M2 or P1 already picked the swim the person does: P2 is why it must be one.)
    if recent and ctx.profile.injury_prone and ctx.on("P2") and wish != "swim":
        d.modality = "swim"
        moved.append("P2")
    return moved


def _a_run(d: Draft) -> bool:
    return d.modality == "run"


# Why the run moved, written from the final pick (``{m}`` is what the person will do, ``{M}`` capitalised).
_MOVED_WORDS = {
    "S9": ("{M} rather than a run: running, not cycling, blunts muscle growth.", "Lundberg 2022"),
    "M2": ("{M} instead of a run: running would load the muscles you trained again, with impact.", "Sayer"),
    "P1": ("New to lifting: no running on a leg day or the day after it; {m} instead.", "Alex"),
    "P2": (
        "Injury-prone: low impact on a leg day and the day after it; swimming is the kindest (M1).",
        "Alex",
    ),
}


def _recovery_need(d: Draft, ctx: Ctx) -> str | None:
    """M1 on a recovery day, by what the legs need (legday's reading): legs this sore (UNLOAD_SORENESS
    overall or in a region) want their weight off - yoga for a sore back of the legs or soreness all
    over, a swim for sore quads or calves (the water carries them) and for the injury-prone (M1: kindest
    to an injury); otherwise a walk gets blood flowing. Returns the need ("unload" or "move"); None
    with M1 off (the plan then knows no gentler option than its usual one)."""
    if not ctx.on("M1"):
        return None
    d.reasons = [r for r in d.reasons if r.id != "M1"]  # written again once the pick is final
    rated = _rated(ctx)
    regions = sorted(rated[0].regions, key=lambda rv: -rv[1]) if rated else []
    if _soreness_level(ctx) < UNLOAD_SORENESS:
        d.modality = "swim" if ctx.profile.injury_prone else "walk"
        return "move"
    if ctx.profile.injury_prone or (regions and regions[0][0] in ("quads", "calves")):
        d.modality = "swim"
    else:
        d.modality = "yoga"
    return "unload"


def _soreness_level(ctx: Ctx) -> int:
    """The worst soreness rated for the day, overall or in a region (an estimate never unloads: walking
    is fine on legs that are only expected to be sore)."""
    rated = _rated(ctx)
    return max([ctx.readiness.soreness or 0, *(v for _, v in (rated[0].regions if rated else ()))])


# M1 on a recovery day: (need, final pick) -> words; (need, None) when there are no special words.
_GENTLE_WORDS = {
    ("move", "walk"): "{M}: low impact, kind to sore legs, and it gets blood flowing.",
    ("move", "swim"): "{M}: low impact, and swimming is kindest to an injury.",
    ("move", None): "{M}: low impact, kind to sore legs.",
    ("unload", "yoga"): "{M}: gentle stretching and mobility that take the load off legs this sore "
    "({level}/10); even walking asks more of them.",
    ("unload", "pilates"): "{M}: slow mat work off your feet, the legs unloaded while they are this sore "
    "({level}/10).",
    ("unload", "swim"): "{M}: the water carries legs this sore ({level}/10), so they move without load.",
    ("unload", None): "{M}: as little load on legs this sore ({level}/10) as your list allows.",
}


# A rule that took the run away, when nothing on the list can replace it: the day's rest says why.
_NOTHING_ELSE = {
    "P1": (
        "New to lifting: no running this close to leg day, and nothing else on your list: rest today.",
        "Alex",
    ),
    "P2": ("Injury-prone: no impact after leg day, and nothing low-impact on your list: rest today.", "Alex"),
}


def settle(d: Draft, ctx: Ctx, moved_by: str | None = None, later: list[Note] | None = None) -> None:
    """Make the draft's modality one the profile lists and one that spares today's sore regions.
    Called when the rules pick it and again after the week is balanced (a capped sprint session turns
    into a ride there). ``moved_by``: the rule that moved the session off a run, if any; ``later``:
    where to put the reason when the caller adds it after its own."""
    if d.kind not in ("cardio", "recovery") or d.role == "event" or d.modality not in DEMAND:
        return
    wish = d.modality
    sore = sore_regions(ctx, d) if ctx.on("M2") else []
    hurt = [s for s in sore if hard_on(wish, s, d.intensity)]
    if ctx.profile.can_do(wish) and not hurt:
        return
    order = _ranked(wish, d, sore, logged=ctx.logged)
    listed = [m for m in order if ctx.profile.can_do(m)]
    if not listed and hurt:
        # Nothing on the list spares them at this intensity: easy, on something without impact, does
        # (the bike-only lifter's easy spin the day after legs), unless they are very sore.
        gentle = [m for m in _ranked(wish, d, sore, at="easy", logged=ctx.logged) if ctx.profile.can_do(m)]
        if gentle:
            d.cap("easy")
            _use(d, gentle[0])
            words = (
                f"{_sore_words(hurt)}: {DEMAND[gentle[0]].noun} at an easy 3-4/10 keeps the load on them "
                "light, and nothing harder or else on your list spares them (legday's rule)."
            )
            if later is None:
                d.add("M2", words, "legday", holds=_easy_and_low_impact)
            else:
                later.append(Note("M2", words, "legday", _easy_and_low_impact))
            return
    if not listed:
        if hurt:
            d.rest(
                "M2",
                f"{_sore_words(hurt)}, and nothing on your list spares them: rest today.",
                "legday",
                locked=False,
            )
        elif moved_by in _NOTHING_ELSE:
            d.rest(moved_by, *_NOTHING_ELSE[moved_by], locked=False)
        else:
            d.rest(
                "M1",
                f"Nothing on your list can stand in for {DEMAND[wish].noun} today: rest instead.",
                "legday",
                locked=False,
            )
        return
    best, pick = order[0], listed[0]
    asked = d.intensity  # before the pick brings it down to what the pick carries
    if d.exception in ("E3", "G4"):
        # The runner's exceptions are about running close to legs: on anything else they don't hold.
        d.lost, d.exception = d.exception, None
        d.cap("moderate")
    _use(d, pick)
    _new_to_them(d, ctx, pick, later)
    # What is not on the list is never said to suit the person: only what the plan would pick if it
    # were there (they may not be able to do it at all).
    if hurt:
        # "Not a run" is said to people who can run; to anyone else, what the pick does for the region.
        sore_said, chosen = _sore_words(hurt), DEMAND[pick].noun
        if best != pick:
            tail = f"{_would_pick(best)}: {chosen} instead."
        elif ctx.profile.can_do(wish):
            tail = f"{chosen} instead."
        else:
            tail = f"{chosen} spares them heavy work."
        head = f"not {DEMAND[wish].noun}, which loads them more; " if ctx.profile.can_do(wish) else ""
        why = Note("M2", f"{sore_said}: {head}{tail}", "legday")
    else:
        why = _instead(wish, pick, asked, ctx)
    if later is None:
        d.add(why.id, why.text, why.source, why.holds)
    else:
        later.append(why)


def _new_to_them(d: Draft, ctx: Ctx, pick: str, later: list[Note] | None) -> None:
    """A hard session moved onto something the six weeks before hold on fewer than 3 days (the beginner
    who rides, offered intervals in the pool because sore quads keep them off the bike) comes
    down to steady work: something new is what leaves the most soreness (legday's reading of P5,
    Carlson's "avoid novelty"). When nothing is done that often legday can't tell what is usual, and
    leaves it."""
    if not d.hard or not ctx.accustomed or pick in ctx.accustomed or not ctx.on("P5"):
        return
    d.cap("moderate")
    words = (
        f"Steady, not hard: {SPORT_NOUNS.get(pick, pick)} are new to you (fewer than 3 in the last 6 "
        "weeks), and hard work on something new is what leaves the most soreness (legday's reading of P5)."
    )
    note = Note("P5", words, "legday", lambda d: not d.hard and d.modality == pick)
    if later is None:
        d.add(note.id, note.text, note.source, note.holds)
    else:
        later.append(note)


SPORT_NOUNS = {
    "bike": "rides",
    "elliptical": "elliptical sessions",
    "row": "rows",
    "stairs": "stair sessions",
    "swim": "swims",
    "walk": "walks",
    "hike": "hikes",
}


def _instead(wish: str, pick: str, asked: str | None, ctx: Ctx) -> Note:
    """M1's line for a pick made because the wish is not on the list: what the plan would pick if it
    were, said of the session as it ends up (a sprint session a later rule made steady would have been
    a ride, not sprints), and only while it says something: not when the wish was just the goal's
    usual run and the pick carries the session as well (a cyclist needn't hear daily of running)."""

    def wish_now(d: Draft) -> str:
        return "bike" if wish in COMES_WITH_RUN and not d.hard else wish

    def words(d: Draft) -> str:
        return f"{_cap(_would_pick(wish_now(d)))}: {DEMAND[d.modality or pick].noun} instead."

    lowered = asked is not None and RANK[DEMAND[pick].top] < RANK[asked]

    def holds(d: Draft) -> bool:
        now = wish_now(d)
        if ctx.profile.can_do(now) or d.modality != pick or now == pick:
            return False
        return now != "run" or lowered

    return Note("M1", words, "legday", holds)


def _would_pick(modality: str) -> str:
    """ "the plan would pick a run today if it were on your list" (sprints and jumps come with run)."""
    missing = "running were" if modality in COMES_WITH_RUN else "it were"
    return f"the plan would pick {DEMAND[modality].noun} today if {missing} on your list"


def _sore_words(hurt: list[Sore]) -> str:
    """ "Calves sore (rated 7/10 this morning)", "Quads and glutes likely sore (you rated your legs 5/10,
    and Mon's back squat loaded them)"."""
    names = [s.region for s in hurt]
    joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    if hurt[0].rated:
        each = [f"{s.rated_as if s.rated_as is not None else s.level}/10" for s in hurt]
        levels = each[0] if len(each) == 1 else ", ".join(each[:-1]) + " and " + each[-1]
        if hurt[0].rated_as is not None:
            return (
                f"{_cap(joined)} likely still sore (rated {levels} {hurt[0].when}, no check-in since: "
                "projected, until a check-in says otherwise)"
            )
        return f"{_cap(joined)} sore (rated {levels} {hurt[0].when})"
    loaded = ", ".join(dict.fromkeys(n for s in hurt for n in s.names))
    return f"{_cap(joined)} likely sore ({hurt[0].how}, and {hurt[0].day}'s {loaded} loaded them)"


def low_impact(d: Draft, ctx: Ctx) -> str | None:
    """The kindest option without impact that the profile lists, for a rule that takes the run away
    (pain, soreness, a race, an injury history): region-aware like every other pick (sore calves keep
    off the stair machine, sore quads off the bike), the swim first for the injury-prone (M1: kindest
    to an injury). None when nothing low-impact is on the list."""
    wish = d.modality if d.modality in NEAREST else "run"
    sore = sore_regions(ctx, d) if ctx.on("M2") else []
    listed = [m for m in _ranked(wish, d, sore, no_impact=True, logged=ctx.logged) if ctx.profile.can_do(m)]
    if ctx.profile.injury_prone and "swim" in listed:
        return "swim"
    return listed[0] if listed else None


def hard_on(modality: str, sore: Sore, intensity: str | None) -> bool:
    """Does ``modality`` at ``intensity`` load the sore region hard (legday's reading of M1 and M2)? A
    modality that works it hard does - unless it has no impact and is kept easy while the region is
    sore but not very sore (under UNLOAD_SORENESS): an easy spin on sore quads is the low-impact cardio
    M1 names for tired legs, not hard work."""
    demand = DEMAND[modality]
    if demand.load(sore.region) < 2:
        return False
    easy = intensity in ("recovery", "easy")
    return demand.impact or not easy or sore.level >= UNLOAD_SORENESS


def _easy_and_low_impact(d: Draft) -> bool:
    return d.intensity in ("recovery", "easy") and d.modality not in IMPACT


def _ranked(
    wish: str,
    d: Draft,
    sore: list[Sore],
    no_impact: bool = False,
    at: str | None = None,
    logged: frozenset[str] = frozenset(),
) -> list[str]:
    """Every option that could replace ``wish``, best first, listed or not: no impact the wish lacked
    (none at all on a recovery day) and nothing that loads a sore region hard; then those that come
    closest to carrying the session's intensity, the least load on sore regions, a stand-in the person
    logged (``logged``, see ``stand_in``) before one they never do, the nearest to the wish."""
    near = NEAREST[wish]
    if d.role == "long" and wish == "run":  # a long steady session: a hike is nearest in spirit
        near = ("run", "hike", *(m for m in near if m not in ("run", "hike")))
    # Sore muscles absorb shock worse (S7): with any region sore, nothing with impact stands in.
    impact_ok = wish in IMPACT and not sore and d.kind != "recovery" and not no_impact
    intensity = at or d.intensity
    options = [
        m for m in near if (impact_ok or m not in IMPACT) and not any(hard_on(m, s, intensity) for s in sore)
    ]

    def key(m: str) -> tuple[int, int, int, int]:
        # How far short of the session's intensity it falls (0: it carries it), then load, then what
        # the person does, then nearness.
        short = 0 if intensity is None else max(0, RANK[intensity] - RANK[DEMAND[m].top])
        done = 0 if m == wish or (m in STAND_INS and m in logged) else 1
        return (short, sum(DEMAND[m].load(s.region) * s.level for s in sore), done, near.index(m))

    return sorted(options, key=key)


def _use(d: Draft, modality: str) -> None:
    """Switch to ``modality``, bringing the intensity down to what it carries (yoga is never hard).
    Yoga or pilates in place of cardio makes the day a recovery day: it is no zone-2 work."""
    d.modality = modality
    top = DEMAND[modality].top
    if d.intensity is not None and RANK[d.intensity] > RANK[top]:
        d.cap(top)
        d.modality = modality  # cap() turns steady sprints into a ride; the pick stands
    if modality in MOBILITY and d.kind == "cardio":
        d.kind, d.role = "recovery", "recovery"
        d.minutes = min(d.minutes or 30, 30)
        d.span = (min(d.span[0], d.minutes), d.minutes)
        d.reasons = [r for r in d.reasons if r.text != STEADY]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]
