"""The person's state (P3 short sleep) and the add-ons a session carries: warm-up (E7), sleep (R1),
recovery care (R3: stretching, foam rolling, massage first, cold water, contrast baths, compression),
honesty about active recovery (R4). Leg sessions' own add-ons (E8, R2, R3 again) live in legs.py."""

from __future__ import annotations

from legday.core.model import Goal
from legday.core.rules.base import IMPACT, Ctx, Draft, recently_trained


def apply_state(d: Draft, ctx: Ctx) -> None:
    sleep = ctx.readiness.sleep_hours
    if d.kind == "rest" or sleep is None:
        return
    if ctx.on("P3") and sleep < 6:
        d.cap("moderate")
        before = d.minutes or 0
        d.minutes = max(10, round(before * 2 / 3 / 5) * 5)
        d.span = (min(d.span[0], d.minutes), d.minutes)
        d.reduced = True
        if d.minutes < before:  # the last cut that bit is what the week's shortfall note names
            d.held_back = "a short night"
        d.add("P3", f"Only {sleep:g} h of sleep: a shorter, easier session today.", "Alex")


def add_ons(d: Draft, ctx: Ctx) -> None:
    if d.kind == "rest":
        return
    recent = recently_trained(ctx, d)
    runner = ctx.goal in (Goal.ENDURANCE, Goal.HYBRID)
    if ctx.on("E7") and d.modality in IMPACT and (recent or runner):
        text = (
            "Thorough dynamic warm-up and a few build-up strides before the first sprint; stop "
            "when the sprints slow down."
            if d.modality in ("sprints", "plyometrics")
            else "Dynamic warm-up first, then start slower than usual and cut it short if the legs complain."
            if recent
            else "Dynamic warm-up first."
        )
        if runner:
            text += " Runners: about 20 reps of glute activation (banded clamshells) before you go."
        d.addon("E7", text, "TravelRunner")
    if ctx.on("R3") and (recent or d.kind == "recovery") and d.intensity in ("recovery", "easy"):
        d.addon("R3", "Afterwards: " + RECOVERY_ADDONS, "Dupuy 2018")
    if ctx.on("R1") and ctx.readiness.sleep_hours is not None and ctx.readiness.sleep_hours < 8:
        d.addon("R1", "Aim for 8 h of sleep tonight.", "ACSM")
    if d.kind == "recovery" and ctx.on("R4"):
        d.choices.append(
            "R4: this is for blood flow and as a cool-down; whether light cardio eases "
            "soreness is disputed (Well+Good vs Spartan, Sayer), so don't expect a cure."
        )
        d.addon("R4", "Gentle movement gets blood flowing; it won't speed recovery (S10).", "Well+Good")


# R3, complete: what helps sore legs, the best-supported first (Dupuy 2018's meta-analysis: massage
# did most for soreness and fatigue; compression, cold-water immersion and contrast baths also helped).
RECOVERY_ADDONS = (
    "stretch (10-20 s holds) and foam roll. A massage eases soreness most, the best-supported "
    "of all; cold water or an ice bath, contrast baths (hot and cold in turns) and "
    "compression garments help some too."
)
