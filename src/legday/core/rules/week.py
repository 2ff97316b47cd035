"""The week as a whole, after every day has its draft: about one session in five hard and never two hard
days in a row (S11), at least one day off (P5), and 2-3 hours of cardio with the WHO floor (G6, S11)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from legday.core.model import CardioSession, Goal
from legday.core.rules.base import Draft

DAY = dt.timedelta(days=1)
# Logged cardio at this effort or more counts as a hard session (S11).
HARD_CARDIO_EFFORT = 7
STEP = 5  # G6 moves minutes in 5-minute steps


@dataclass
class WeekView:
    days: list[dt.date]
    today: dt.date
    drafts: dict[dt.date, Draft]  # from today on
    logged: dict[dt.date, list[CardioSession]]  # cardio logged this week
    leg_day: Callable[[dt.date], bool]  # a leg session (logged or planned) on that day
    goal: Goal
    skips: set[tuple[dt.date, str]]
    on: Callable[[str], bool]

    @property
    def future(self) -> list[Draft]:
        return [self.drafts[d] for d in sorted(self.drafts)]


def target(on: Callable[[str], bool]) -> tuple[int, int]:
    """G6 says 2-3 h; WHO (S11) asks at least 150 minutes of moderate activity: aim for the overlap."""
    return (150, 180) if on("S11") else (120, 180)


def balance(week: WeekView) -> None:
    hard_cap(week)
    rest_day(week)
    weekly_minutes(week)


def hard_cap(week: WeekView) -> None:
    """S11: about 80 % of sessions easy, 20 % hard; and never two hard days in a row. The exceptions
    (E3, E4, G4) were deliberate choices, so they keep their place first; then the readiest days."""
    if not week.on("S11"):
        return
    future = week.future
    sessions = sum(len(cs) for cs in week.logged.values()) + sum(
        1 for d in future if d.kind != "rest" and d.role != "event"
    )
    cap = max(1, round(sessions / 5))
    hard_days = {c.date for cs in week.logged.values() for c in cs if c.effort >= HARD_CARDIO_EFFORT}
    kept = len(hard_days)
    for d in sorted((d for d in future if d.hard), key=lambda d: (d.exception is None, -d.readiness, d.day)):
        next_to_hard = (d.day - DAY) in hard_days or (d.day + DAY) in hard_days
        if kept < cap and not next_to_hard:
            kept += 1
            hard_days.add(d.day)
            continue
        d.cap("moderate")
        why = (
            "the day next to another hard one stays steady"
            if next_to_hard
            else f"this week already has {kept} hard session{'s' if kept != 1 else ''}"
        )
        d.add("S11", f"About 80% of sessions easy, 20% hard: {why}.", "Seiler 2010")


def rest_day(week: WeekView) -> None:
    """P5: recovery takes 24-48 h or more, and light sessions don't speed it (S10): keep at least one
    day of the week free of training. Gentle movement (P4, R4) is not training."""
    if not week.on("P5"):
        return
    for day in week.days:
        busy = week.leg_day(day) or day in week.logged
        if day >= week.today and day in week.drafts:
            busy = busy or week.drafts[day].kind == "cardio"
        if not busy:
            return
    candidates = [d for d in week.future if d.role == "zone2" and not d.locked and not week.leg_day(d.day)]
    if not candidates:
        return
    before_legs = [d for d in candidates if week.leg_day(d.day + DAY)]
    if week.goal in (Goal.STRENGTH, Goal.POWER, Goal.GENERAL) and before_legs:
        pick, why = before_legs[-1], "and tomorrow's leg session gets fresh legs"
    else:
        pick = min(candidates, key=lambda d: (d.readiness, -d.day.toordinal()))
        why = "on the day your legs are least ready"
    pick.rest(
        "P5",
        f"A day off: recovery takes 24-48 h or more, light sessions don't speed it (S10), {why}.",
        "Sayer",
        locked=False,
    )


def weekly_minutes(week: WeekView) -> None:
    """G6: 2-3 h of steady cardio a week (with S11's WHO floor of 150). Too much: trim the flexible
    sessions to their shortest, then turn steady days into rest. Too little: lengthen them."""
    if not week.on("G6"):
        return
    low, high = target(week.on)
    logged = sum(c.minutes for cs in week.logged.values() for c in cs)
    live = [
        d for d in week.future if d.kind != "rest" and d.minutes and (d.day, d.modality) not in week.skips
    ]
    total = logged + sum(d.minutes for d in live)
    flexible = [d for d in live if d.role in ("zone2", "long", "hard") and not d.reduced and not d.locked]
    while total > high:
        shrink = [d for d in flexible if d.minutes - STEP >= d.span[0]]
        if not shrink:
            break
        d = max(shrink, key=lambda d: (d.minutes - d.span[0], d.day))
        d.minutes -= STEP
        total -= STEP
    while total > high:
        spare = [d for d in flexible if d.role == "zone2" and d.kind != "rest"]
        if not spare:
            break
        d = max(spare, key=lambda d: d.day)
        total -= d.minutes
        d.rest(
            "G6",
            f"The rest of the week already makes {total} minutes of cardio: 2-3 hours is the aim.",
            "Well+Good",
            locked=False,
        )
        flexible.remove(d)
    while total < low:
        grow = [d for d in flexible if d.kind != "rest" and d.minutes + STEP <= d.span[1]]
        if not grow:
            break
        d = min(grow, key=lambda d: (d.minutes - d.span[1], d.day))
        d.minutes += STEP
        total += STEP
