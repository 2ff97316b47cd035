"""The selected day in full: each session with its when, how hard, how long, add-ons, and why.

Every reason shows its evidence ID and source; where the sources disagree, the "choice" line says
which way the plan went and why. Read-only: marking done or skipped is the screen's job.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

from legday.core.plan import DayPlan, Reason, Session
from legday.tui import legend


def _reason_line(reason: Reason, indent: str = "   ") -> Content:
    return Content.assemble(
        indent,
        (f"{reason.id:<4}", "$accent bold"),
        reason.text,
        (f"  ({reason.source})", "$text-muted") if reason.source else "",
    )


def _status_words(session: Session, today: dt.date) -> str:
    if session.status == "done":
        return "done"
    if session.status == "skipped":
        return "skipped"
    if session.kind == "legs":
        return "planned"
    return "suggested"


def describe_session(session: Session, today: dt.date) -> list[Content]:
    """All the lines for one session, most important first."""
    style = legend.session_style(session)
    if session.status == "skipped":
        style = "$text-muted strike"
    head: list[tuple[str, str] | str] = [
        (f"{legend.STATUS_GLYPH.get(session.status, '·')} {legend.session_name(session)}", f"{style} bold"),
    ]
    facts = [_status_words(session, today)]
    if session.intensity and session.kind != "legs":
        facts.append(session.intensity)
    if session.minutes:
        facts.append(f"{session.minutes} min")
    if session.start:
        facts.append(session.start.strftime("%H:%M"))
    if session.hours_after_legs is not None:
        facts.append(f"{session.hours_after_legs:g} h after legs")
    head.append(("  " + " · ".join(facts), "$foreground"))
    lines = [Content.assemble(*head)]

    if session.effort:
        effort = Content.assemble(
            ("   effort ", "$text-muted"),
            (legend.effort_text(session), f"{legend.session_style(session)} bold"),
            ("/10", "$text-muted"),
        )
        if session.talk:
            effort = effort + Content.styled(f"  talk test: {session.talk}", "$foreground")
        lines.append(effort)
    if session.detail:
        lines.append(Content.styled(f"   {session.detail}", "$text-muted"))
    for addon in session.addons:
        lines.append(
            Content.assemble(
                ("   + ", "$secondary bold"),
                addon.text,
                (f"  {addon.id}", "$accent"),
                (f" ({addon.source})", "$text-muted") if addon.source else "",
            )
        )
    if session.reasons:
        lines.append(Content.styled("   why", "$text-muted italic"))
        lines.extend(_reason_line(r, "   ") for r in session.reasons)
    if session.choice:
        lines.append(
            Content.assemble(("   sources disagree: ", "$warning bold"), (session.choice, "$foreground"))
        )
    return lines


def describe_day(day: DayPlan, today: dt.date) -> Content:
    when = "today" if day.date == today else day.date.strftime("%A")
    header = Content.assemble(
        (day.date.strftime("%a %d %b"), "bold"),
        (f"  {when}" if day.date == today else "", "$accent bold"),
        ("  · sore ", "$text-muted"),
        (
            (f"{day.soreness} {legend.soreness_words(day.soreness)}", legend.soreness_style(day.soreness))
            if day.soreness is not None
            else ("not rated", "$text-muted")
        ),
        ("  · ready ", "$text-muted"),
        (f"{day.readiness}/100", legend.readiness_style(day.readiness)),
    )
    lines = [header]
    if day.sleep_hours is not None or day.pain:
        extra = []
        if day.sleep_hours is not None:
            extra.append(f"slept {day.sleep_hours:g} h")
        if day.pain:
            extra.append("pain reported: stop if it is sharp (P4)")
        lines.append(Content.styled("  " + " · ".join(extra), "$warning" if day.pain else "$text-muted"))
    for session in day.sessions:
        lines.append(Content(""))
        lines.extend(describe_session(session, today))
    if not day.sessions:
        lines.append(Content(""))
        lines.append(Content.styled("nothing planned", "$text-muted"))
    if day.readiness_why:
        lines.append(Content(""))
        lines.append(Content.styled(f"readiness {day.readiness}: how it came about", "$text-muted italic"))
        lines.extend(Content.styled(f"   {step}", "$text-muted") for step in day.readiness_why)
    return Content("\n").join(lines)


class SuggestionPane(VerticalScroll, can_focus=False):
    """Scrolls when a day has more to say than fits."""

    DEFAULT_CSS = """
    SuggestionPane > Static {
        width: 1fr;
    }
    """

    @dataclass
    class Ready(Message):
        """Mounted (it is built lazily): time to show the selected day."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._body = Static("", id="pane-body")
        self._day: DayPlan | None = None

    def compose(self):
        yield self._body

    def on_mount(self) -> None:
        self.post_message(self.Ready())

    def show(self, day: DayPlan | None, today: dt.date) -> None:
        if day is self._day:
            return
        self._day = day
        self._body.update(describe_day(day, today) if day else "")
        self.scroll_home(animate=False)
