"""The planner's rules, each named by its evidence ID.

A day's suggestion starts as a ``Draft`` and passes through the rules in a fixed order:

    goals.py     what the goal wants on this day        P4, G1-G5, E3, E4, G3, G6 (M1, R4 on gentle days)
    modality.py  what to do it on                       S9, M2, P1, P2
    timing.py    when, around the leg sessions          E6, E5
                 how hard, given the hours since legs   E1, E2, S1, E6
    recovery.py  sleep, and the add-ons                 P3; E7, R1, R3, R4
    guards.py    the lines nothing crosses              G3 after a race, P4 pain and soreness, P5, P1, P2
    volume.py    no longer than recent sessions allow   P5 (legday's reading: not too much too fast)
    week.py      any seven days in a row                S11, P5, G6 (rolling: never the calendar week)
    legs.py      planned leg sessions and their notes   S12, G3, P3, P4, P5, M2 lighter/dropped/moved;
                                                        E6, E8, R2
    checks.py    heads-ups for logged cardio            the lines above, asked of what was done

Every time line is counted in days (the leg day, the day after, the second day after); hours only place
a session's start. Words are written last: a reason's text may be a function of the final session, and
it carries a ``holds`` test of it (``Draft.final_reasons``).

Each rule writes a ``Reason`` with its ID when it changes or explains something. ``Ctx.on(id)`` is how
the tests switch a single rule off to prove that its test fails without it; in the app every rule is on.
Readiness (S3, S5, S6, S7, P5, R1, P3, P4) is worked out in ``legday.core.readiness``.
"""

from legday.core.rules.base import EFFORT, IMPACT, RULES, TOO_SORE, Ctx, Draft, hours_between, sport_words
from legday.core.rules.goals import free_day_draft, leg_day_draft
from legday.core.rules.guards import disagreements, guard
from legday.core.rules.legs import LegDay, leg_addons, leg_reasons, plan_leg_session, runners_leg_day
from legday.core.rules.modality import choose_modality, loads_hard, settle
from legday.core.rules.recovery import add_ons, apply_state
from legday.core.rules.timing import apply_timing, place
from legday.core.rules.volume import Recent, fit_to_volume
from legday.core.rules.week import target

__all__ = [
    "EFFORT",
    "IMPACT",
    "RULES",
    "TOO_SORE",
    "Ctx",
    "Draft",
    "LegDay",
    "Recent",
    "add_ons",
    "apply_state",
    "apply_timing",
    "choose_modality",
    "disagreements",
    "fit_to_volume",
    "free_day_draft",
    "guard",
    "hours_between",
    "leg_addons",
    "leg_day_draft",
    "leg_reasons",
    "loads_hard",
    "place",
    "plan_leg_session",
    "runners_leg_day",
    "settle",
    "sport_words",
    "target",
]
