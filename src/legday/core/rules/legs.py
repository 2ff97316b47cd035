"""Leg sessions: how a planned one is shaped (lighter, dropped, the runner's leg day) and what every leg
session carries (E6 why it sits there, E8 cool-down, R2 protein, S3 its load).

A planned leg session starts from the last logged one (or a typical hour when none is logged) and adapts
to the legs as they will be that day (readiness under 40, a third hard day running, the days after a race,
race week, soreness still lingering, a short night): lighter, or dropped, always with the reason.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from legday.core.catalogue import traits
from legday.core.evidence import LEGDAY, reason
from legday.core.model import Goal, LegSession, Level, Profile
from legday.core.plan import Reason
from legday.core.readiness import HARD_LEG_EFFORT, Readiness
from legday.core.rules.base import RECOVERY_BELOW, REST_BELOW, TOO_SORE, Ctx
from legday.core.rules.recovery import RECOVERY_ADDONS

# With no leg session logged yet: a typical hard hour (legday's own guess until the first one is logged).
DEFAULT_LEG_MINUTES, DEFAULT_LEG_EFFORT = 60, 7
# "Lighter" (legday's own numbers): two points of effort off, no lower than 5, and a third fewer minutes.
LIGHTER_EFFORT_CUT, LIGHTER_EFFORT_FLOOR = 2, 5
LIGHTER_MINUTES = 2 / 3
# S12: race week cuts volume by about half (41-60 %), keeping intensity for those who train hard.
TAPER_SHARE = 0.5
SHORT_NIGHT = 6.0  # P3
# Spartan: a runner's leg day, posterior chain first and single-leg work, glute activation before it.
RUNNERS_LEG_DAY = (
    "Runner's leg day: glute activation first (about 20 banded clamshells), then posterior "
    "chain (hip thrusts, Romanian deadlifts) and single-leg work (single-leg deadlifts, "
    "reverse lunges, step-ups)."
)


@dataclass
class LegDay:
    """What the planner knows about a usual leg day before it plans the session."""

    day: dt.date
    profile: Profile
    readiness: Readiness
    template: LegSession | None
    event_days: int | None = None  # days to the event (0-7), when it is that close
    race_days_ago: int | None = None  # days since a race or a very hard long session (1 or 2)
    hard_days_running: int = 0  # hard days (legs or cardio at 7+) just before this one, in a row
    lingering: bool = False  # a P5 "still sore days later" warning stands
    novel: tuple[str, ...] = ()  # exercises of the template that were new to the person (P5)
    disabled: frozenset[str] = field(default_factory=frozenset)

    def on(self, rule: str) -> bool:
        return rule not in self.disabled


def plan_leg_session(x: LegDay) -> tuple[LegSession | None, list[Reason]]:
    """The planned session for a usual leg day (or None: dropped), with the reasons for its shape."""
    r = x.readiness
    if x.event_days is not None and x.event_days <= 2:
        if x.event_days == 0:
            return None, []  # the event says it all
        return None, [
            reason(
                "S12",
                f"No leg session {x.event_days} day{'s' if x.event_days > 1 else ''} "
                "before your event, so the legs are fresh for it (legday's rule: no "
                "article covers tapering).",
                LEGDAY,
            )
        ]
    if x.on("G3") and x.race_days_ago == 1 and not r.pain and (r.soreness is None or r.soreness < TOO_SORE):
        # Before P4's "rest": the low number is the race's load, and the day is for moving gently.
        return None, [
            reason("G3", "The day after your race is active recovery, not a leg session.", "Spartan")
        ]
    if x.on("P4") and (r.pain or (r.soreness is not None and r.soreness >= TOO_SORE) or r.score < REST_BELOW):
        why = (
            "Pain flagged and not cleared by a check-in"
            if r.pain
            else f"Soreness {r.soreness}/10"
            if r.soreness is not None and r.soreness >= TOO_SORE
            else f"Readiness {r.score}/100"
        )
        return None, [
            reason(
                "P4",
                f"{why}: no leg session today; rest, and pick it up when your legs have come back.",
                "TravelRunner",
            )
        ]

    if x.template is not None:
        minutes, effort, exercises = x.template.minutes, x.template.effort, x.template.exercises
        notes = [
            reason(
                "S3",
                "Starts from your last leg session (log it with its effort so the plan can "
                "follow how hard it really was).",
                "Foster 2021",
            )
        ]
    else:
        minutes, effort, exercises = DEFAULT_LEG_MINUTES, DEFAULT_LEG_EFFORT, ()
        notes = [
            reason(
                "S3",
                f"No leg session logged yet: planned as a typical {DEFAULT_LEG_MINUTES}-minute "
                f"session at {DEFAULT_LEG_EFFORT}/10 until you log one (legday's guess).",
                LEGDAY,
            )
        ]

    lighter: list[Reason] = []
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
    if x.on("P4") and r.score < RECOVERY_BELOW:
        lighter.append(
            reason("P4", f"Readiness {r.score}/100: tired legs, so a lighter session.", "TravelRunner")
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
    if x.on("G3") and x.race_days_ago == 2:
        lighter.append(
            reason(
                "G3",
                "Two days after your race the legs are still recovering: a lighter session (legday's call).",
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
        if x.novel:
            exercises = tuple(e for e in exercises if e.name.lower() not in x.novel) or exercises
    if x.on("P3") and r.sleep_hours is not None and r.sleep_hours < SHORT_NIGHT:
        lighter.append(reason("P3", f"Only {r.sleep_hours:g} h of sleep: a lighter session today.", "Alex"))
    taper = x.on("S12") and x.event_days is not None and x.event_days > 2
    if lighter:
        effort = max(min(effort, LIGHTER_EFFORT_FLOOR), effort - LIGHTER_EFFORT_CUT)
        minutes = _fives(minutes * LIGHTER_MINUTES)
        if x.profile.goal is Goal.ENDURANCE and x.on("E6"):
            lighter.append(
                reason("E6", "Running is your priority: a lighter leg workout keeps the legs for it.", "Alex")
            )
    if taper:
        minutes = _fives(minutes * TAPER_SHARE)
        keep = x.profile.level is not Level.BEGINNER and not lighter
        if not keep:
            effort = min(effort, HARD_LEG_EFFORT - 1)
        lighter.append(
            reason(
                "S12",
                f"Race week ({x.event_days} days to go): about half the usual volume"
                + (", same effort" if keep else "")
                + ".",
                "Bosquet 2007",
            )
        )
    session = LegSession(x.day, x.profile.leg_time, minutes, effort, exercises)
    return session, [*lighter, *notes]


def _jumping(name: str) -> bool:
    """Jumps and bounds: explosive work that lands on the calves (the catalogue's reading)."""
    t = traits(name)
    return t.explosive and "calves" in t.regions


def _fives(minutes: float) -> int:
    return max(15, round(minutes / 5) * 5)


def runners_leg_day(ctx: Ctx) -> Reason | None:
    """Spartan: a runner's leg day puts the posterior chain and single-leg work first."""
    if ctx.goal is Goal.ENDURANCE and ctx.on("E3"):
        return reason("E3", RUNNERS_LEG_DAY, "Spartan")
    return None


def leg_addons(ctx: Ctx) -> list[Reason]:
    out = []
    if ctx.on("E8"):
        out.append(
            reason("E8", "Cool down: 5-10 minutes of easy spinning or walking after the last set.", "ACSM")
        )
    if ctx.on("R2"):
        extra = " Running after lifting can leave you short: eat enough." if ctx.goal is Goal.STRENGTH else ""
        amount = (
            "0.55-0.9 g per lb of body weight"
            if ctx.profile.units == "lb"
            else "1.2-2.0 g per kg of body weight"
        )
        out.append(reason("R2", f"Protein today: {amount}." + extra, "ACSM/AND/DC 2016"))
    if ctx.on("R3"):
        out.append(reason("R3", "After the session and over the next days: " + RECOVERY_ADDONS, "Dupuy 2018"))
    return out


def leg_reasons(ctx: Ctx, session: LegSession, planned: bool, shaped: list[Reason] = ()) -> list[Reason]:
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
        text = "Running first for your goal: key runs go on days away from legs."
    else:
        text = "Strength and running both matter for racing: legs today, running around it."
    out = [reason("E6", text, "Well+Good")] if ctx.on("E6") else []
    out.extend(shaped)
    return out
