"""Leg sessions: how a planned one is shaped (lighter, dropped, moved, the runner's leg day) and what
every leg session carries (E6 why it sits there, E8 cool-down, R2 protein, S3 its load).

A planned leg session starts from the same weekday's sessions of the last four weeks (their median, so
one deload or one brutal session is not repeated; the other half of a split stays on its own day), or
from all recent ones when that weekday has none, or from a typical hour when nothing is logged. Then it
adapts to the legs as they will be that day:

    dropped        the event is 2 days away or less; the day after a race (the first days of a long one);
                   pain not cleared; rated 8/10 or more that morning (legday's "too sore") or a rated
                   readiness under 20. Dropped for soreness, it is offered on the next day it fits.
    lighter        very sore (rated 6 or 7, legday's "very sore" line; or rated very sore the day before
                   and no check-in yet); readiness under 40; a third hard day in a row; a race's recovery
                   days (no heavy legs); still sore days after the last leg session; a short night; the
                   first week back after a break; the first session after a pain flag that cleared
    spared         a region rated sore (5/10 or more) gets fewer sets where the session loads it, and no
                   jumps
    tapered        the last two weeks before an event (S12)
    deloaded       the week a deload began (a session the person made under 70 % of its usual load, for
                   no reason of legday's): the same share of the usual volume, at its effort - a
                   deload lasts the week (legday's reading); then the usual session comes back

A projection alone (no check-in that morning) never drops a session: it makes it lighter, and the
morning's rating decides. The same verdict, from the same ratings, is what the day before says.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Sequence
from dataclasses import field

from legday.core.catalogue import traits
from legday.core.evidence import LEGDAY, reason
from legday.core.model import Exercise, Goal, LegSession, Level, Profile
from legday.core.plan import Reason
from legday.core.readiness import HARD_LEG_EFFORT, Readiness
from legday.core.rules.base import (
    RECOVERY_BELOW,
    REST_BELOW,
    TOO_SORE,
    VERY_SORE,
    Ctx,
    readiness_words,
    sport_words,
)
from legday.core.rules.recovery import RECOVERY_ADDONS
from legday.core.values import MutableValue, Value

# With no leg session logged lately: a typical hard hour (legday's own guess until one is logged).
DEFAULT_LEG_MINUTES, DEFAULT_LEG_EFFORT = 60, 7
# "Lighter" (legday's own numbers): two points of effort off, no lower than 5, a third fewer minutes and
# sets, a tenth less weight.
LIGHTER_EFFORT_CUT, LIGHTER_EFFORT_FLOOR = 2, 5
LIGHTER_MINUTES = 2 / 3
LIGHTER_LOAD = 0.9
# No heavy legs in a race's recovery days: effort 5 at most (legday's own).
RACE_LEG_EFFORT = 5
SHORT_NIGHT = 6.0  # P3
# Which sessions the planned one starts from (legday's own): the last four weeks; a session with under
# 70 % or over 130 % of the usual load is a deload or a one-off, not the usual session.
TEMPLATE_DAYS = 28
DELOAD_SHARE, ONE_OFF_SHARE = 0.7, 1.3
SORE_REGION = 5  # a region rated this sore gets fewer sets where the session loads it
# Spartan: a runner's leg day, posterior chain first and single-leg work, glute activation before it.
RUNNERS_LEG_DAY = (
    "Runner's leg day: glute activation first (about 20 banded clamshells), then posterior "
    "chain (hip thrusts, Romanian deadlifts) and single-leg work (single-leg deadlifts, "
    "reverse lunges, step-ups)."
)


class Template(Value):
    """What a planned session starts from: ``basis`` says which sessions, ``left_out`` which were not
    counted (a deload, a one-off)."""

    minutes: int
    effort: int
    exercises: tuple[Exercise, ...]
    basis: str
    left_out: str = ""
    same_day: int = 0  # how many of the sessions it comes from were on its weekday
    start: dt.time | None = None  # when that weekday's sessions usually start (None: not known)


def template_for(
    day: dt.date, logged: Sequence[LegSession], before: dt.date | None = None
) -> Template | None:
    """The usual session for ``day``'s weekday, from the leg sessions of the four weeks before it:
    the median minutes and effort of that weekday's sessions (of all recent ones when that weekday has
    none), leaving out a deload or one-off (under 70 % or over 130 % of the usual load, once there are
    three to tell; of two that far apart, the one nearer the usual load of all of them); the exercises
    of the session closest to the usual load. A split stays a split: each weekday is its own."""
    end = before or day  # back after a break: the four weeks before it, not the days since
    start = end - dt.timedelta(days=TEMPLATE_DAYS)
    recent = [s for s in logged if start <= s.date < end]
    if not recent:
        return None
    same = [s for s in recent if s.date.weekday() == day.weekday()]
    pool = same or recent
    kept, odd = _usual_sessions(pool, statistics.median(s.load for s in recent))
    minutes = _fives(statistics.median(s.minutes for s in kept))
    effort = round(statistics.median(s.effort for s in kept))
    middle = statistics.median(s.load for s in kept)
    # Of equals, the later, then the heavier: never the order they were logged in on one day.
    closest = min(kept, key=lambda s: (abs(s.load - middle), -s.date.toordinal(), -s.load, -s.minutes))
    weekday = f"{day:%A}"
    weeks = "of the last 4 weeks" if before is None else "before your break"
    basis = (
        f"your {weekday} session {weeks}"
        if len(same) == 1
        else f"your {len(same)} {weekday} sessions {weeks} (the median)"
        if same
        else f"your leg sessions {weeks} (the median; none on a {weekday} to follow)"
    )
    usual = statistics.median(s.load for s in kept)
    left_out = ", ".join(
        f"{s.date:%a %-d %b} ({'a deload' if s.load < usual else 'a one-off'}, load {s.load})"
        for s in sorted(odd, key=lambda s: s.date)
    )
    # The weekday's usual start (the median's own, a time you logged), so a Saturday-morning lifter's
    # Saturday is planned in the morning whatever the profile's usual leg time.
    at = statistics.median_low(s.start for s in kept) if same else None
    return Template(minutes, effort, closest.exercises, basis, left_out, len(same), at)


def _usual_sessions(pool: list[LegSession], overall: float) -> tuple[list[LegSession], list[LegSession]]:
    """(the usual sessions, the deloads and one-offs) of ``pool``."""
    if len(pool) >= 3:
        usual = statistics.median(s.load for s in pool)
        odd = [s for s in pool if not DELOAD_SHARE * usual <= s.load <= ONE_OFF_SHARE * usual]
        kept = [s for s in pool if s not in odd]
        return (kept, odd) if kept else (pool, [])
    if len(pool) == 2:
        low, high = sorted(pool, key=lambda s: s.load)
        if low.load < DELOAD_SHARE * high.load:
            keep = min(pool, key=lambda s: (abs(s.load - overall), -s.date.toordinal(), -s.load))
            return [keep], [s for s in pool if s is not keep]
    return pool, []


class Deload(Value):
    """A leg session the person made a deload (under DELOAD_SHARE of their usual load, for no reason
    legday knows): ``share`` of the usual minutes, at ``effort``."""

    date: dt.date
    load: int
    usual: int
    share: float
    effort: int


# A deload lasts the week (legday's reading): the planned sessions of the six days after one take the
# same share of their usual volume, never under this.
DELOAD_DAYS, DELOAD_LEAST = 6, 0.4
# A deload is told from the same weekday's sessions (a split's lighter day is not one): two at least.
DELOAD_EVIDENCE = 2


def deload_of(session: LegSession, usual: Template | None) -> Deload | None:
    """``session`` as a deload against its usual session, or None (not under DELOAD_SHARE of it)."""
    if usual is None or usual.same_day < DELOAD_EVIDENCE:  # against the same weekday's sessions only
        return None
    load = usual.minutes * usual.effort
    if not load or session.load >= DELOAD_SHARE * load:
        return None
    return Deload(session.date, session.load, load, session.minutes / usual.minutes, session.effort)


class LegDay(MutableValue):
    """What the planner knows about a usual leg day before it plans the session."""

    day: dt.date
    profile: Profile
    readiness: Readiness
    template: Template | None
    event_days: int | None = None  # days to the event (0-14), when it is that close
    race_days_ago: int | None = None  # day N of a race's recovery (1 = the day after it)
    hard_days_running: int = 0  # hard days (legs or cardio at 7+) just before this one, in a row
    lingering: bool = False  # a P5 "still sore days after the last leg session" warning stands
    novel: tuple[str, ...] = ()  # exercises of the template that were new to the person (P5)
    disabled: frozenset[str] = field(default_factory=frozenset)
    race_recovery: int = 0  # the days that race takes to come back from
    race_what: str = ""
    sore_yesterday: int | None = None  # yesterday's rating, when this morning has none yet
    sore_regions: tuple[tuple[str, int, str], ...] = ()  # (region, rating, "this morning"/"yesterday")
    back_day: int | None = None  # day N of the first week back after a break
    break_days: int = 0
    moved_from: tuple[dt.date, str] | None = None  # (the day it was dropped from, why)
    deload: Deload | None = None  # the deload that began this week, when one did (legday's reading)
    pain_cleared: dt.date | None = None  # a pain flag this week, cleared since, no leg session after it

    def on(self, rule: str) -> bool:
        return rule not in self.disabled


# Why a leg day is dropped, and whether it is offered on another day (legday's rule).
class Verdict(Value):
    reason: Reason | None  # None: not dropped
    offer: bool = False  # offered on the next day it fits


def verdict(x: LegDay) -> Verdict:
    """Is the usual leg session dropped? From the event, the race and the person's own ratings only:
    what the day before can already know, so it says the same (see the module's docstring)."""
    r = x.readiness
    if x.event_days is not None and x.event_days <= 2:
        if x.event_days == 0:
            return Verdict(None) if False else Verdict(_quiet())  # the event says it all
        return Verdict(
            reason(
                "S12",
                f"No leg session {x.event_days} day{'s' if x.event_days > 1 else ''} "
                "before your event, so the legs are fresh for it (legday's rule: no "
                "article covers tapering).",
                LEGDAY,
            )
        )
    first_days = max(1, -(-x.race_recovery // 4))  # the first quarter of a race's recovery
    if (
        x.on("G3")
        and x.race_days_ago is not None
        and x.race_days_ago <= first_days
        and not r.pain
        and (r.soreness is None or r.soreness < TOO_SORE)
    ):
        # Before P4's "rest": the low number is the race's load, and the day is for moving gently.
        return Verdict(
            reason(
                "G3",
                f"Day {x.race_days_ago} after {x.race_what or 'your race'}: active recovery, not a leg "
                "session" + (" (legday's call for an effort this long)." if x.race_days_ago > 1 else "."),
                "Spartan" if x.race_days_ago == 1 else LEGDAY,
            )
        )
    if not x.on("P4"):
        return Verdict(None)
    if r.pain:
        return Verdict(
            reason(
                "P4",
                "Pain flagged and not cleared by a check-in: no leg session today; pick it up once a "
                "morning check-in clears the pain.",
                "TravelRunner",
            )
        )
    if r.soreness is not None and r.soreness >= TOO_SORE:
        why = f"Soreness {r.soreness}/10 this morning"
    elif r.rated and r.score < REST_BELOW:
        why = f"Readiness {r.score}/100 this morning"
    else:
        return Verdict(None)
    return Verdict(
        reason(
            "P4",
            f"{why}: no leg session today; rest, and do it when your legs have come back.",
            "TravelRunner",
        ),
        offer=True,
    )


def _quiet() -> Reason:
    return Reason("S12", "", LEGDAY)


def plan_leg_session(x: LegDay) -> tuple[LegSession | None, list[Reason]]:
    """The planned session for a usual leg day (or None: dropped), with the reasons for its shape."""
    dropped = verdict(x)
    if dropped.reason is not None:
        return None, [dropped.reason] if dropped.reason.text else []
    if x.template is not None:
        t = x.template
        minutes, effort, exercises = t.minutes, t.effort, t.exercises
        text = f"Starts from {t.basis}: {minutes} min at effort {effort}."
        if t.left_out:
            text += f" Left out as unusual: {t.left_out}."
        notes = [
            reason(
                "S3",
                text + " Log it with its effort so the plan follows how hard it really was.",
                "Foster 2021",
            )
        ]
    else:
        minutes, effort, exercises = DEFAULT_LEG_MINUTES, DEFAULT_LEG_EFFORT, ()
        notes = [
            reason(
                "S3",
                f"No leg session logged in the last 4 weeks: planned as a typical {DEFAULT_LEG_MINUTES}-minute "
                f"session at {DEFAULT_LEG_EFFORT}/10 until you log one (legday's guess).",
                LEGDAY,
            )
        ]
    if x.moved_from is not None:
        when, why = x.moved_from
        notes.insert(
            0,
            reason(
                "P4",
                f"{when:%a %-d}'s leg session, moved here ({why}): the next day it fits (legday's "
                "rule: two days on at the soonest, not the day before another leg session).",
                LEGDAY,
            ),
        )

    if x.profile.injury_prone and x.on("P2"):
        # P2: no jumping on a leg day either, so a planned session leaves the template's jumps out.
        jumps = [e for e in exercises if _jumping(e.name)]
        if jumps:
            exercises = tuple(e for e in exercises if not _jumping(e.name))
            names = ", ".join(dict.fromkeys(e.name for e in jumps))
            notes.insert(
                0,
                reason(
                    "P2",
                    f"Injury-prone: planned without the jumps ({names}); like a "
                    "run, landing from jumps adds impact on a leg day (legday's "
                    "reading of P2).",
                    LEGDAY,
                ),
            )
    lighter = lighter_reasons(x)
    race = x.on("G3") and x.race_days_ago is not None
    if x.on("P5") and x.lingering and x.novel:  # P5: sticks to what you know
        exercises = tuple(e for e in exercises if e.name.lower() not in x.novel) or exercises
    deloaded = x.deload is not None and x.on("P5")
    if deloaded and x.deload is not None:
        # A deload is a week, not a session (legday's reading): the planned sessions of the week that
        # began with one take the same share of their usual volume, at its effort.
        dl = x.deload
        share = min(1.0, max(DELOAD_LEAST, dl.share))
        lowered = dl.effort < effort
        minutes = _fives(minutes * share)
        exercises = _fewer_sets(exercises, share, LIGHTER_LOAD if lowered else 1.0)
        effort = min(effort, dl.effort)
        lighter.insert(
            0,
            reason(
                "P5",
                f"Deload week: {dl.date:%a %-d}'s session was a deload (load {dl.load}, under "
                f"{round(DELOAD_SHARE * 100)}% of your usual {dl.usual}), so this one is too: about "
                f"{round(share * 100)}% of the sets and minutes"
                + (f", effort {effort}" if lowered else "")
                + " (legday's reading: a deload lasts the week; the usual session comes back after it).",
                LEGDAY,
            ),
        )
    taper = x.on("S12") and x.event_days is not None and x.event_days > 2
    if lighter and not deloaded:  # a deload is lighter already: not lighter of lighter
        effort = max(min(effort, LIGHTER_EFFORT_FLOOR), effort - LIGHTER_EFFORT_CUT)
        minutes = _fives(minutes * LIGHTER_MINUTES)
        # The detail shows what "lighter" means: a third fewer sets, a tenth less weight.
        exercises = _fewer_sets(exercises, LIGHTER_MINUTES, LIGHTER_LOAD)
    if lighter:
        if race:
            effort = min(effort, RACE_LEG_EFFORT)
        if x.profile.goal is Goal.ENDURANCE and x.on("E6"):
            doing = sport_words(x.profile)[2]
            lighter.append(
                reason(
                    "E6",
                    f"{doing.capitalize()} is your priority: a lighter leg workout keeps the legs for it.",
                    "Alex",
                )
            )
    if x.on("M2") and x.sore_regions and exercises:
        exercises, minutes, spared = _spare(exercises, minutes, x.sore_regions)
        if spared:
            lighter.append(spared)
    if taper and x.event_days is not None:
        share = taper_share(x.event_days)
        minutes = _fives(minutes * share)
        exercises = _fewer_sets(exercises, share)
        keep = x.profile.level is not Level.BEGINNER and not lighter
        if not keep:
            effort = min(effort, HARD_LEG_EFFORT - 1)
        lighter.append(
            reason(
                "S12",
                f"Taper ({x.event_days} days to go): fewer sets and minutes"
                + (", same effort" if keep else "")
                + ": a taper cuts volume by about half over the last two weeks and keeps intensity.",
                "Bosquet 2007",
            )
        )
        lighter.append(
            reason(
                "S12",
                f"Today's share: about {round(share * 100)}% of the usual volume "
                "(legday's day-by-day shape of the taper).",
                LEGDAY,
            )
        )
    at = (x.template.start if x.template is not None else None) or x.profile.leg_time
    session = LegSession(x.day, at, minutes, effort, exercises)
    return session, [*lighter, *notes]


def lighter_reasons(x: LegDay) -> list[Reason]:
    """Why the usual session is planned lighter on ``x``'s day (empty: it isn't): the legs as they will
    be (P4), hard days running (P5), a race's recovery (G3), soreness that lingered (P5), a short night
    (P3), the first week back (P5)."""
    r = x.readiness
    lighter: list[Reason] = []
    if x.on("P4") and x.pain_cleared is not None and not r.pain:
        lighter.append(
            reason(
                "P4",
                f"Pain flagged on {x.pain_cleared:%a %-d} and cleared since: the first leg session back is "
                "lighter (legday's call); stop if anything hurts sharply.",
                LEGDAY,
            )
        )
    if x.on("P4"):
        if r.soreness is not None and r.soreness >= VERY_SORE:
            lighter.append(
                reason(
                    "P4",
                    f"Soreness {r.soreness}/10 this morning, very sore (legday's line: 6): a lighter "
                    f"session; at {TOO_SORE} or more it would move to another day.",
                    LEGDAY,
                )
            )
        elif r.soreness is None and x.sore_yesterday is not None and x.sore_yesterday >= VERY_SORE:
            lighter.append(
                reason(
                    "P4",
                    f"Soreness {x.sore_yesterday}/10 yesterday and no check-in yet today: planned "
                    f"lighter; rate your legs this morning, and at {TOO_SORE} or more it waits (legday's "
                    "rule).",
                    LEGDAY,
                )
            )
        elif r.score < RECOVERY_BELOW:
            lighter.append(
                reason("P4", f"{readiness_words(r)}: tired legs, so a lighter session.", "TravelRunner")
            )
    if x.on("P5") and x.hard_days_running >= 2:
        lighter.append(
            reason(
                "P5",
                "This would be a third hard day in a row: without recovery between, "
                "hard training leads to overreaching, so it is lighter.",
                "Alex",
            )
        )
    if x.on("G3") and x.race_days_ago is not None:
        lighter.append(
            reason(
                "G3",
                f"Day {x.race_days_ago} of about {x.race_recovery} to come back from "
                f"{x.race_what or 'your race'}: no heavy legs yet, effort {RACE_LEG_EFFORT} at most "
                "(legday's call).",
                LEGDAY,
            )
        )
    if x.on("P5") and x.lingering:
        lighter.append(
            reason(
                "P5",
                "You were still sore days after your last leg session: this one is "
                "lighter and sticks to exercises you know (soreness comes mostly from "
                "something new).",
                "Well+Good",
            )
        )
    if x.on("P3") and r.sleep_hours is not None and r.sleep_hours < SHORT_NIGHT:
        lighter.append(reason("P3", f"Only {r.sleep_hours:g} h of sleep: a lighter session today.", "Alex"))
    if x.on("P5") and x.back_day is not None:
        lighter.append(
            reason(
                "P5",
                f"Back after {x.break_days} days off: lighter than before the break for the first week, "
                "as unaccustomed work leaves the most soreness (legday's reading; S7).",
                LEGDAY,
            )
        )
    return lighter


# S12: over about two weeks the volume comes down by 41-60 % (Bosquet 2007); legday's shape: from 70 % of
# the usual two weeks out to 40 % in the last days.
TAPER_DAYS = 14
TAPER_FIRST, TAPER_LAST = 0.7, 0.4


def taper_share(days: int) -> float:
    """The share of the usual volume ``days`` before the event (legday's straight line from 70 % at 14
    days to 40 % at 1 day: about half on average, inside Bosquet's 41-60 % cut)."""
    days = max(1, min(TAPER_DAYS, days))
    return TAPER_LAST + (TAPER_FIRST - TAPER_LAST) * (days - 1) / (TAPER_DAYS - 1)


def _fewer_sets(exercises: tuple[Exercise, ...], share: float, load: float = 1.0) -> tuple[Exercise, ...]:
    """Each exercise with its sets cut to ``share`` (one at least) and its weight to ``load`` (to the
    nearest 2.5 kg or 5 lb): less volume, and for a lighter session less weight too."""
    out = []
    for e in exercises:
        weight = e.load
        if weight is not None and load != 1.0:
            step = 5.0 if e.unit == "lb" else 2.5
            weight = round(weight * load / step) * step
        out.append(Exercise(e.name, max(1, round(e.sets * share)), e.reps, weight, e.unit))
    return tuple(out)


def _spare(
    exercises: tuple[Exercise, ...], minutes: int, sore: tuple[tuple[str, int, str], ...]
) -> tuple[tuple[Exercise, ...], int, Reason | None]:
    """Fewer sets (half, at least one) of what loads a sore region, and no jumps onto it."""
    regions = {region for region, _, _ in sore}
    out, halved, dropped = [], [], []
    before = sum(e.sets for e in exercises)
    for e in exercises:
        hit = traits(e.name).regions & regions
        if not hit:
            out.append(e)
        elif _jumping(e.name) or traits(e.name).explosive:
            dropped.append(e.name)
        else:
            halved.append(e.name)
            out.append(Exercise(e.name, max(1, e.sets // 2), e.reps, e.load, e.unit))
    if not halved and not dropped:
        return exercises, minutes, None
    after = sum(e.sets for e in out)
    minutes = _fives(minutes * max(after, 1) / max(before, 1))
    rated = ", ".join(f"{region} {level}/10 {when}" for region, level, when in sore)
    parts = []
    if halved:
        parts.append(f"half the sets of {', '.join(dict.fromkeys(halved))}")
    if dropped:
        parts.append(f"no {', '.join(dict.fromkeys(dropped))}")
    return (
        tuple(out) or exercises,
        minutes,
        reason(
            "M2",
            f"Sore where this session loads ({rated}): {' and '.join(parts)} (legday's rule: a region "
            "rated 5 or more is spared heavy work).",
            LEGDAY,
        ),
    )


def _jumping(name: str) -> bool:
    """Jumps and bounds: explosive work that lands on the calves (the catalogue's reading)."""
    t = traits(name)
    return t.explosive and "calves" in t.regions


def _fives(minutes: float) -> int:
    return max(15, round(minutes / 5) * 5)


def runners_leg_day(ctx: Ctx) -> Reason | None:
    """Spartan: a runner's leg day puts the posterior chain and single-leg work first - for runners (a
    cyclist's or a swimmer's leg day is not what the article speaks of)."""
    if ctx.goal is Goal.ENDURANCE and ctx.on("E3") and ctx.profile.can_do("run"):
        return reason("E3", RUNNERS_LEG_DAY, "Spartan")
    return None


def leg_addons(ctx: Ctx, runs_after: bool = False) -> list[Reason]:
    """The add-ons of a leg session; ``runs_after``: a run follows it that day (the energy line is
    about running after lifting, so it is said only then)."""
    out = []
    if ctx.on("E8"):
        out.append(
            reason("E8", "Cool down: 5-10 minutes of easy spinning or walking after the last set.", "ACSM")
        )
    if ctx.on("R2"):
        extra = (
            " Running after lifting can leave you short: eat enough."
            if ctx.goal is Goal.STRENGTH and runs_after
            else ""
        )
        amount = (
            "0.55-0.9 g per lb of body weight"
            if ctx.profile.units == "lb"
            else "1.2-2.0 g per kg of body weight"
        )
        out.append(reason("R2", f"Protein today: {amount}." + extra, "ACSM/AND/DC 2016"))
    if ctx.on("R3"):
        out.append(reason("R3", "After the session and over the next days: " + RECOVERY_ADDONS, "Dupuy 2018"))
    return out


def leg_reasons(ctx: Ctx, session: LegSession, planned: bool, shaped: Sequence[Reason] = ()) -> list[Reason]:
    """Why a leg session sits where it does and how it was shaped (planned), or what it cost (logged)."""
    if not planned:
        return (
            [
                reason(
                    "S3",
                    f"Logged: effort {session.effort} x {session.minutes} min = load {session.load}.",
                    "Foster 2001",
                )
            ]
            if ctx.on("S3")
            else []
        )
    if ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL):
        text = "Legs first for your goal: any cardio today comes after the lift, easy."
    elif ctx.goal is Goal.ENDURANCE:
        _, many, doing = sport_words(ctx.profile)
        text = f"{doing.capitalize()} first for your goal: key {many} go on days away from legs."
    else:
        # Not "running around it": the days around a leg day may hold no run at all (a beginner's, P1).
        _, many, doing = sport_words(ctx.profile)
        text = f"Strength and {doing} both matter for racing: legs today, your {many} on the days the legs allow."
    out = [reason("E6", text, "Well+Good")] if ctx.on("E6") else []
    out.extend(shaped)
    return out
