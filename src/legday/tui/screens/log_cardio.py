"""Log a cardio session, usually by marking a suggestion done: everything comes prefilled from the
suggestion (modality, minutes, its effort as the plan counts it, its start), so it is often just ctrl+s.
Given ``existing`` (a logged session), the same form edits it, filled in as logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Label, Static

from legday.core import words
from legday.core.model import MODALITIES, CardioSession
from legday.core.parse import parse_date, parse_time
from legday.core.plan import Session
from legday.core.talk import talk_words
from legday.tui import keys
from legday.tui.widgets.form import Field, FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.slider import Slider

# Without a suggestion, start the effort at an easy, talk-in-full-sentences level (S1).
DEFAULT_EFFORT = 3


def _suggestion_line(s: Session) -> str:
    parts = [s.modality or "cardio"]
    if s.intensity:
        parts.append(s.intensity)
    if s.effort:
        parts.append(f"effort {words.effort_range(s.effort)}")
    if s.minutes:
        parts.append(f"{s.minutes} min")
    if s.start:
        parts.append(f"at {s.start:%H:%M}")
    return "Suggested: " + ", ".join(parts)


class LogCardioScreen(FormScreen):
    CSS_PATH = "log_cardio.tcss"
    DISCARD_QUESTION = "Throw away this cardio log? What you changed here is not saved."

    PLACE = "cardio"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(
        self,
        day: dt.date,
        now: dt.datetime,
        prefill: Session | None,
        save: Callable[[CardioSession], None],
        *,
        existing: CardioSession | None = None,
    ) -> None:
        super().__init__()
        self.existing = existing
        if existing is not None:
            day, prefill = existing.date, None
        self.day = day
        self.now = now
        self.prefill = prefill
        self.save = save

    def compose(self) -> ComposeResult:
        p, old = self.prefill, self.existing
        date = p.start.date() if p and p.start else self.day
        if old is not None:
            start = old.start.strftime("%H:%M") if old.start else ""
        elif p and p.start:
            start = p.start.strftime("%H:%M")
        elif date == self.now.date():
            start = self.now.strftime("%H:%M")
        else:
            start = ""  # another day and no suggestion: the time is optional, do not guess it
        # The suggested effort, as the planner counts it, so the session logs with its intensity (the
        # low end of the range logged a moderate run as easy).
        suggested = words.suggested_effort(p) if p is not None else None
        effort = suggested if suggested is not None else DEFAULT_EFFORT
        modality = old.modality if old else (p.modality or "" if p else "")
        minutes = old.minutes if old else (p.minutes if p else None)
        if old is not None:
            effort = old.effort

        verb = "Edit cardio" if old else "Log cardio"
        yield Static(f"{verb} · {date:%a %-d %b %Y}", id="title")
        # Not a Tab stop: focusing the scroll container itself shows nothing (the fields scroll into view).
        with VerticalScroll(id="form", can_focus=False):
            if p is not None:
                yield Label(_suggestion_line(p), id="suggested")
            with Horizontal(classes="row"):
                yield Field(
                    "What (→ takes the suggestion)",
                    words.modality_name,
                    modality,
                    placeholder="e.g. bike",
                    suggester=SuggestFromList(MODALITIES, case_sensitive=False),
                    id="modality",
                )
                yield Field(
                    "Minutes",
                    words.minutes_value,
                    str(minutes) if minutes else "",
                    placeholder="e.g. 30",
                    id="minutes",
                )
            yield Label("Effort, and what talking felt like", classes="section")
            yield Slider(effort, words=talk_words, id="effort")
            with Horizontal(classes="row"):
                yield Field("Date", parse_date, date.isoformat(), id="date")
                yield Field(
                    "Start (optional)",
                    parse_time,
                    start,
                    placeholder="HH:MM",
                    optional=True,
                    id="start",
                )
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.remember_initial()
        self.query_one("#modality", Field).input.focus()

    def build(self) -> CardioSession:
        modality, minutes, date, start = self.read(
            *(self.query_one(f"#{name}", Field) for name in ("modality", "minutes", "date", "start"))
        )
        return CardioSession(
            date=date,
            modality=modality,
            minutes=minutes,
            effort=self.query_one("#effort", Slider).value,
            start=start,
        )

    def deliver(self, session: CardioSession) -> None:
        self.save(session)

    def snapshot(self) -> object:
        return super().snapshot(), self.query_one("#effort", Slider).value
