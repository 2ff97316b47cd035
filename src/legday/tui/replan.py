"""What a change did to the rest of the week, in words: after a skip, the days after it that the
re-plan changed, each with the reason the new plan gives that the old one did not. A plain function
of two plans (no Textual), so the wording is tested on its own.
"""

from __future__ import annotations

import datetime as dt

from legday.core import words
from legday.core.plan import DayPlan, Reason, Session, WeekPlan


def _shown(session: Session) -> str:
    parts = [words.session_title(session)]
    if session.minutes:
        parts.append(f"{session.minutes} min")
    if session.effort and session.kind != "legs":
        parts.append(f"effort {words.effort_range(session.effort)}")
    return " ".join(parts)


def _ahead(day: DayPlan) -> list[Session]:
    """What a day still holds to do: its planned and suggested sessions."""
    return [s for s in day.sessions if s.status in ("planned", "suggested")]


def _new_reason(old: list[Session], new: list[Session]) -> Reason | None:
    said = {r.text for s in old for r in s.reasons}
    return next((r for s in new for r in s.reasons if r.text not in said), None)


def what_changed(before: WeekPlan, after: WeekPlan, since: dt.date) -> list[str]:
    """One line for each day after ``since`` whose sessions to do changed: ``Sat 21: run intervals 30
    min effort 7-8 → moderate run 30 min effort 4-5 (P5: ...)``."""
    lines = []
    for day in after.days:
        if day.date <= since:
            continue
        old_day = before.day(day.date)
        if old_day is None:
            continue
        old, new = _ahead(old_day), _ahead(day)
        if [_shown(s) for s in old] == [_shown(s) for s in new]:
            continue
        change = f"{', '.join(map(_shown, old)) or 'nothing'} → {', '.join(map(_shown, new)) or 'nothing'}"
        reason = _new_reason(old, new)
        why = f" ({reason.id}: {reason.text})" if reason is not None else ""
        lines.append(f"{words.day_text(day.date)}: {change}{why}")
    return lines


def skip_notice(before: WeekPlan, after: WeekPlan, skipped: Session, day: dt.date) -> str:
    """What the person reads after a skip: what was skipped (its minutes kept), and what the re-plan
    changed on the days after it and why, or that nothing else changed."""
    head = f"Skipped {words.session_title(skipped)}"
    head += f" ({skipped.minutes} min)" if skipped.minutes else ""
    changed = what_changed(before, after, day)
    if not changed:
        short = after.totals.short_by
        tail = (
            f" Nothing else changes: missed minutes are not crammed into other days (the week is now "
            f"{short} min short of {after.totals.target_minutes[0]})."
            if short
            else " Nothing else changes."
        )
        return head + "." + tail
    return head + ". The re-plan changed: " + "; ".join(changed) + "."
