"""What the planner returns: a week of days, each with sessions, each session with its reasons.

These types are the contract between the planner, the command line (``plan --json``) and the app.
``to_json`` gives the exact shape the command line promises; keep its field names.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import field
from typing import TYPE_CHECKING, Literal

from legday.core.values import Value

if TYPE_CHECKING:
    from legday.core.model import CardioSession, LegSession, Skip

Kind = Literal["legs", "cardio", "recovery", "rest"]
Status = Literal["done", "planned", "suggested", "skipped"]
Intensity = Literal["recovery", "easy", "moderate", "tempo", "intervals", "sprints"]
INTENSITIES: tuple[str, ...] = ("recovery", "easy", "moderate", "tempo", "intervals", "sprints")
# Intensities that count as a hard session for the weekly mix (S11).
HARD_INTENSITIES = frozenset({"tempo", "intervals", "sprints"})
# Intervals and sprints are short by nature: a logged effort of 8 or more that lasted longer than this
# was one sustained hard effort (a race, a hard long run), filed as tempo - still hard (legday's call).
LONGEST_INTERVALS = 45  # minutes


def logged_intensity(effort: int, minutes: int) -> str:
    """The intensity class a logged session falls in, from its effort (S1, S2) and its length."""
    if effort <= 2:
        return "recovery"
    if effort <= 4:
        return "easy"
    if effort <= 6:
        return "moderate"
    if effort == 7 or minutes > LONGEST_INTERVALS:
        return "tempo"
    return "intervals" if effort <= 9 else "sprints"


class Reason(Value):
    """One line of 'why', pointing at the evidence: ``id`` like "E2", ``source`` its short name."""

    id: str
    text: str
    source: str


class Session(Value):
    kind: Kind
    status: Status
    start: dt.datetime | None = None
    modality: str | None = None
    intensity: str | None = None
    effort: tuple[int, int] | None = None
    minutes: int | None = None
    hours_after_legs: float | None = None
    reasons: tuple[Reason, ...] = ()
    # Talk-test words for the effort range (S1), e.g. "you can talk in full sentences".
    talk: str | None = None
    # Add-ons with their evidence: warm-up (E7), cool-down (E8), recovery (R1-R3).
    addons: tuple[Reason, ...] = ()
    # Where sources disagree: which way the plan went and why, in one line.
    choice: str | None = None
    # For logged sessions: what was logged (exercises for legs).
    detail: str | None = None
    # The logged record this session shows (a done session's LegSession or CardioSession, a skipped
    # one's Skip), so the app can open it for editing. Not part of ``to_json``.
    record: LegSession | CardioSession | Skip | None = field(default=None, repr=False)
    # The leg regions (quads, hamstrings, glutes, calves) the session loads hard: a leg session's from
    # its exercises, cardio's from its modality (legday's own reading, see rules/modality.py).
    regions: tuple[str, ...] = ()
    # A leg session the plan dropped on one day and offers on another: on the offered session, the day
    # it was dropped from; on the dropped day's rest, the day it moved to.
    moved_from: dt.date | None = None
    moved_to: dt.date | None = None


class DayPlan(Value):
    date: dt.date
    soreness: int | None
    readiness: int
    # How the readiness number came about, one line a step (the pane shows it).
    readiness_why: tuple[str, ...] = ()
    sessions: tuple[Session, ...] = ()
    pain: bool = False
    sleep_hours: float | None = None


class Totals(Value):
    cardio_minutes: int
    hard_sessions: int
    easy_sessions: int
    leg_sessions: int
    # Weekly zone-2 target band in minutes (G6: 2-3 h).
    target_minutes: tuple[int, int] = (120, 180)
    # Acute:chronic workload ratio (S5), shown as a warning only; None without enough history.
    acwr: float | None = None
    # Minutes the week falls short of the target's low end (0 when it doesn't); ``WeekPlan.notes`` says why.
    short_by: int = 0
    # Which weekly target the plan aims at and why (G6's 2-3 h and WHO's 150-300 min differ, S11).
    target_why: Reason | None = None
    # Of ``easy_sessions`` (every cardio session that is not hard, S11's "easy" side), those labelled
    # moderate: the app and ``legday plan`` count hard / moderate / easy as the sessions say.
    moderate_sessions: int = 0


def session_mix(totals: Totals) -> tuple[int, int, int]:
    """(hard, moderate, easy) cardio sessions, each as the sessions are labelled (recovery counts as
    easy): what the week's totals say in words."""
    return totals.hard_sessions, totals.moderate_sessions, totals.easy_sessions - totals.moderate_sessions


class WeekPlan(Value):
    week_start: dt.date
    today: dt.date
    days: tuple[DayPlan, ...]
    totals: Totals
    # Week-level warnings (e.g. S5 ratio in the danger zone), never blocking.
    warnings: tuple[Reason, ...] = field(default=())
    # Week-level notes, e.g. why the week falls short of its target.
    notes: tuple[Reason, ...] = field(default=())

    def day(self, date: dt.date) -> DayPlan | None:
        for d in self.days:
            if d.date == date:
                return d
        return None


def _reason(r: Reason) -> dict:
    return {"id": r.id, "text": r.text, "source": r.source}


def _session(s: Session) -> dict:
    return {
        "kind": s.kind,
        "status": s.status,
        "start": s.start.strftime("%Y-%m-%dT%H:%M") if s.start else None,
        "modality": s.modality,
        "intensity": s.intensity,
        "effort": list(s.effort) if s.effort else None,
        "minutes": s.minutes,
        "hours_after_legs": s.hours_after_legs,
        "reasons": [_reason(r) for r in s.reasons],
        "talk": s.talk,
        "addons": [_reason(r) for r in s.addons],
        "choice": s.choice,
        "detail": s.detail,
        "regions": list(s.regions),
        "moved_from": s.moved_from.isoformat() if s.moved_from else None,
        "moved_to": s.moved_to.isoformat() if s.moved_to else None,
    }


def to_json(plan: WeekPlan) -> dict:
    """The ``legday plan --json`` shape (a contract: keep these names)."""
    t = plan.totals
    return {
        "week_start": plan.week_start.isoformat(),
        "today": plan.today.isoformat(),
        "days": [
            {
                "date": d.date.isoformat(),
                "soreness": d.soreness,
                "readiness": d.readiness,
                "readiness_why": list(d.readiness_why),
                "pain": d.pain,
                "sleep_hours": d.sleep_hours,
                "sessions": [_session(s) for s in d.sessions],
            }
            for d in plan.days
        ],
        "totals": {
            "cardio_minutes": t.cardio_minutes,
            "hard_sessions": t.hard_sessions,
            "easy_sessions": t.easy_sessions,
            "moderate_sessions": t.moderate_sessions,
            "leg_sessions": t.leg_sessions,
            "target_minutes": list(t.target_minutes),
            "acwr": t.acwr,
            "short_by": t.short_by,
            "target_why": _reason(t.target_why) if t.target_why else None,
        },
        "warnings": [_reason(r) for r in plan.warnings],
        "notes": [_reason(r) for r in plan.notes],
    }
