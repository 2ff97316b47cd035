"""Modality: what to do the session on (S9, M2, P1, P2; M1's list of low-impact options)."""

from __future__ import annotations

from legday.core.model import Goal
from legday.core.rules.base import HARD_AFTER_LEGS, Ctx, Draft, hours_since_legs


def choose_modality(d: Draft, ctx: Ctx) -> None:
    if d.kind != "cardio" or d.modality in ("sprints", "plyometrics") or d.exception == "G4":
        return
    after = hours_since_legs(ctx, d)
    recent = after is not None and after < HARD_AFTER_LEGS and not d.role == "long"
    size = ctx.goal is Goal.STRENGTH
    # S9: for a size goal, cycle: running (not cycling) blunts fibre growth.
    if size and ctx.on("S9") and d.modality == "run":
        d.modality = "bike"
        d.add("S9", "Bike rather than run: running, not cycling, blunts muscle growth.", "Lundberg 2022")
    # M2: running doubles down on the legs you trained, so the day after goes low impact -
    # except for runners (it is their sport) and the light run G5 stacks straight after lifting.
    if (recent and d.modality == "run" and ctx.on("M2") and d.role != "post_legs"
            and ctx.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL)):
        d.modality = "elliptical" if ctx.goal is Goal.GENERAL else "bike"
        d.add("M2", f"{d.modality.capitalize()} instead of a run: running loads the same muscles you "
                    "trained, this works them without the impact.", "Sayer")
    # P1: beginners don't run right after leg training.
    if recent and d.modality == "run" and ctx.beginner and ctx.on("P1"):
        d.modality = "bike"
        d.add("P1", "New to lifting: no running this close to leg day; the bike instead.", "Alex")
    # P2: injury-prone -> low impact after leg day, and swimming is kindest (M1).
    if recent and ctx.profile.injury_prone and ctx.on("P2") and d.modality != "swim":
        d.modality = "swim"
        d.add("P2", "Injury-prone: low impact after leg day, and swimming is the kindest (M1).", "Alex")


# ---------------------------------------------------------------------------------------------------
