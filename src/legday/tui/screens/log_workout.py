"""Log a leg workout, keyboard only, as fast as a lifting app.

One line an exercise, typed the way lifters write it: ``back squat 5x5@100kg``. The name completes
from the names already logged and the catalogue (→ accepts); as soon as a name is typed, the line's
border shows the last sets and loads logged for it, newest first. Enter goes to a new line, an empty
line moves on. Then the session effort on the same slider as soreness, the minutes, and ctrl+s.
ctrl+r fills the form with the last leg session on the same weekday (again: the one before), so
repeating last week's session is ``w``, ``ctrl+r``, ``ctrl+s``.

Given ``existing`` (a logged session), the same form edits it: everything filled in as logged.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Label, Static

from legday.core import words
from legday.core.catalogue import EXERCISE_NAMES
from legday.core.errors import InputError
from legday.core.model import Exercise, LegSession, just_ended
from legday.core.parse import parse_date, parse_exercise, parse_time
from legday.core.talk import effort_words
from legday.tui import keys
from legday.tui.widgets.form import Field, FormInput, FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.slider import Slider

EXERCISE_PLACEHOLDER = "e.g. back squat 5x5@100kg  (→ takes the suggested name)"
# A leg session is rarely easy: start the effort slider at "very strong" (S2) rather than 0.
DEFAULT_EFFORT = 7


# How many earlier sessions "last time" shows for an exercise (as many as fit the line's border).
LAST_SHOWN = 3
# The name part of a line as typed so far: everything before the first word that starts with a digit.
_NAME = re.compile(r"\s*(.*?)\s*(?:\s\d.*)?$")


def name_typed(text: str) -> str:
    """The exercise name in a line as typed so far: ``"Back  Squat 5x5@1"`` -> ``"back squat"``."""
    match = _NAME.match(text)
    return " ".join((match[1] if match else "").split()).lower()


def sets_text(exercise: Exercise) -> str:
    """``5x5@100kg``, ``4x15`` (a line without its name)."""
    return str(exercise)[len(exercise.name) + 1 :]


class LastTime:
    """What was logged for each exercise, newest first, from the sessions the form is given: one pass
    when the form opens, then a dictionary look-up a keystroke."""

    def __init__(self, sessions: Sequence[LegSession]) -> None:
        self.by_name: dict[str, list[tuple[dt.date, Exercise]]] = {}
        for session in sessions:  # newest first
            for exercise in session.exercises:
                self.by_name.setdefault(exercise.name.lower(), []).append((session.date, exercise))
        self.names = list(self.by_name)

    def find(self, typed: str) -> tuple[str, list[tuple[dt.date, Exercise]]] | None:
        """The exercise a line names (exactly, or the first logged name it begins, as the completion
        offers it) and its last sets, newest first; None when nothing was logged for it."""
        name = name_typed(typed)
        if not name:
            return None
        found = self.by_name.get(name)
        if found is None and len(name) >= 2 and not any(c.isdigit() for c in typed):
            name = next((n for n in self.names if n.startswith(name)), "")
            found = self.by_name.get(name)
        return (name, found) if found else None

    def line(self, typed: str) -> str:
        """``last: 16 Nov 5x5@100kg · 12 Nov 5x5@97.5kg`` for the line's border ("" if none)."""
        found = self.find(typed)
        if found is None:
            return ""
        name, entries = found
        shown = " · ".join(f"{day.day} {day:%b} {sets_text(e)}" for day, e in entries[:LAST_SHOWN])
        return f"last: {shown}" if name == name_typed(typed) else f"{name}, last: {shown}"


def repeat_order(sessions: Sequence[LegSession], day: dt.date) -> list[LegSession]:
    """The sessions ctrl+r fills in, in turn: the last one on ``day``'s weekday first, then the last
    one of all, then the rest newest first (each once). ``sessions`` are newest first."""
    same_day = [s for s in sessions if s.date.weekday() == day.weekday()]
    return list(dict.fromkeys([*same_day[:1], *sessions]))


class ExerciseInput(FormInput):
    # Row keys live on the row's input so the key bar shows them where they apply, first; ctrl+d
    # replaces Input's own "delete right" (the Delete key still does that).
    BINDINGS = keys.bindings("exercise")


class ExerciseRow(Field):
    """One exercise line; empty lines are allowed and ignored on save."""

    input_class = ExerciseInput


class LogWorkoutScreen(FormScreen):
    CSS_PATH = "log_workout.tcss"
    DISCARD_QUESTION = "Throw away this workout? What you typed here is not saved."

    PLACE = "workout"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(
        self,
        now: dt.datetime,
        units: str,
        names: Sequence[str],
        save: Callable[[LegSession], None],
        *,
        existing: LegSession | None = None,
        history: Sequence[LegSession] = (),
    ) -> None:
        """``history``: earlier leg sessions, newest first (``Journal.leg_sessions``), for "last
        time" and ctrl+r."""
        super().__init__()
        self.existing = existing
        earlier = [s for s in history if s != existing]
        self.last_time = LastTime(earlier)
        self._repeats = repeat_order(earlier, (existing.date if existing else now.date()))
        self._repeated = -1  # index into _repeats of the session filled in, -1 for none
        if existing is not None:
            now = dt.datetime.combine(existing.date, existing.start)
        self.now = now
        self.units = units
        # The person's own names first (the newest sessions', then the most used): they are what
        # they will type again.
        self.names = list(dict.fromkeys([*self.last_time.names, *names, *EXERCISE_NAMES]))
        self.save = save
        # The start time we filled in; once the person edits it, it is theirs. (An edited
        # session's start was the person's from the start: it never follows the minutes.)
        self._auto_start = now.strftime("%H:%M") if existing is None else None
        self._suggester = SuggestFromList(self.names, case_sensitive=False)

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        old = self.existing
        yield Static(self._title(), id="title")
        # Not a Tab stop: focusing the scroll container itself shows nothing (the fields scroll into view).
        with VerticalScroll(id="form", can_focus=False):
            yield Label(
                f"Exercises, one a line ({self.units}) · ⏎ next · ^n add · ^d remove · ^r repeat",
                classes="section",
            )
            with Vertical(id="exercises"):
                if old and old.exercises:
                    for number, exercise in enumerate(old.exercises, 1):
                        yield self._row(number, str(exercise))
                else:
                    yield self._row(1)
            yield Label("Session effort: how hard was the whole session?", classes="section")
            yield Slider(old.effort if old else DEFAULT_EFFORT, words=effort_words, id="effort")
            with Horizontal(id="when"):
                yield Field(
                    "Minutes",
                    words.minutes_value,
                    str(old.minutes) if old else "",
                    placeholder="e.g. 60",
                    id="minutes",
                )
                yield Field("Date", parse_date, self.now.date().isoformat(), id="date")
                yield Field("Start", parse_time, self.now.strftime("%H:%M"), id="start")
        yield StatusLine(id="status")
        yield KeyBar()

    def _title(self) -> str:
        verb = "Edit leg workout" if self.existing else "Log leg workout"
        return f"{verb} · {self.now:%a %-d %b %Y}"

    def _row(self, number: int, text: str = "") -> ExerciseRow:
        row = ExerciseRow(
            f"{number}.",
            partial(parse_exercise, default_unit=self.units),
            text,
            placeholder=EXERCISE_PLACEHOLDER,
            optional=True,
            suggester=self._suggester,
            classes="exercise",
        )
        row.input.border_subtitle = self.last_time.line(text)
        return row

    def on_mount(self) -> None:
        self.remember_initial()
        self.rows[0].input.focus()

    @on(Input.Changed, ".exercise Input")
    def _show_last_time(self, event: Input.Changed) -> None:
        """As soon as a line names an exercise logged before, its border shows the last sets."""
        line = self.last_time.line(event.value)
        if event.input.border_subtitle != line:
            event.input.border_subtitle = line

    # --- repeat ----------------------------------------------------------------------------

    async def action_repeat(self) -> None:
        """Fill in the last leg session on this weekday; again, the one before it (and round)."""
        if not self._repeats:
            self.status.say("Nothing to repeat: no leg session logged in the last six months.")
            return
        self._repeated = (self._repeated + 1) % len(self._repeats)
        session = self._repeats[self._repeated]
        await self.fill(session)
        more = " (^r again: the one before)" if len(self._repeats) > 1 else ""
        self.query_one("#title", Static).update(f"{self._title()} · as {words.day_text(session.date)}{more}")

    async def fill(self, session: LegSession) -> None:
        """Put ``session``'s exercises, effort and minutes in the form (the date and start stay)."""
        lines = [str(e) for e in session.exercises] or [""]
        box = self.query_one("#exercises")
        await box.remove_children()
        await box.mount_all([self._row(n, text) for n, text in enumerate(lines, 1)])
        self.query_one("#effort", Slider).value = session.effort
        self.query_one("#minutes", Field).input.value = str(session.minutes)
        self.rows[0].input.focus()

    @property
    def rows(self) -> list[ExerciseRow]:
        return list(self.query_one("#exercises").query_children(ExerciseRow))

    def _renumber(self) -> None:
        for number, row in enumerate(self.rows, 1):
            row.query_one(".field--label", Label).update(f"{number}.")

    # --- rows ------------------------------------------------------------------------------

    async def action_add_row(self) -> None:
        row = self._row(len(self.rows) + 1)
        await self.query_one("#exercises").mount(row)
        self.set_focus(row.input)
        row.scroll_visible(animate=False)

    async def action_remove_row(self) -> None:
        rows = self.rows
        current = self._focused_row() or rows[-1]
        if len(rows) == 1:
            current.input.value = ""
            current.show_error(None)
            return
        index = rows.index(current)
        await current.remove()
        self._renumber()
        rows = self.rows
        rows[min(index, len(rows) - 1)].input.focus()

    def _focused_row(self) -> ExerciseRow | None:
        for row in self.rows:
            if row.input.has_focus:
                return row
        return None

    async def entered(self, focused: Widget | None) -> bool:
        """Enter on an exercise line: a new line after the last, an empty line moves on to the
        effort; a line that cannot be read stays, saying why."""
        row = focused.parent if isinstance(focused, ExerciseInput) else None
        if not isinstance(row, ExerciseRow):
            return False
        if not row.check():
            return True
        rows = self.rows
        if not row.text.strip():
            self.set_focus(self.query_one("#effort", Slider))  # an empty line: done with exercises
        elif row is rows[-1]:
            await self.action_add_row()
        else:
            self.set_focus(rows[rows.index(row) + 1].input)
        return True

    @on(Input.Changed, "#minutes Input")
    def _follow_minutes(self, event: Input.Changed) -> None:
        """Logged right after training, "now" is the end of the session: while the start is still
        the one we filled in, keep it at now minus the minutes typed (as the command line does)."""
        start = self.query_one("#start", Field)
        if (
            start.text != self._auto_start
            or self.query_one("#date", Field).text != self.now.date().isoformat()
        ):
            return
        try:
            minutes = words.minutes_value(event.value)
        except InputError:
            minutes = 0
        self._auto_start = (
            just_ended(self.now, minutes).strftime("%H:%M") if minutes else self.now.strftime("%H:%M")
        )
        start.input.value = self._auto_start

    # --- saving ----------------------------------------------------------------------------

    def build(self) -> LegSession:
        *exercises, minutes, date, start = self.read(
            *self.rows, *(self.query_one(f"#{name}", Field) for name in ("minutes", "date", "start"))
        )
        return LegSession(
            date=date,
            start=start,
            minutes=minutes,
            effort=self.query_one("#effort", Slider).value,
            exercises=tuple(e for e in exercises if e is not None),
        )

    def deliver(self, session: LegSession) -> None:
        self.save(session)

    def snapshot(self) -> object:
        texts = tuple(row.text.strip() for row in self.rows if row.text.strip())
        fields = tuple(self.query_one(f"#{i}", Field).text for i in ("minutes", "date", "start"))
        return texts, fields, self.query_one("#effort", Slider).value
