"""Log a leg workout, keyboard only, in well under a minute.

One line an exercise, typed the way lifters write it: ``back squat 5x5@100kg``. The name completes
from the catalogue and the names already logged (→ accepts), Enter goes to a new line, an empty line
moves on. Then the session effort on the same slider as soreness, the minutes, and ctrl+s.

Given ``existing`` (a logged session), the same form edits it: everything filled in as logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Static

from legday.core import words
from legday.core.catalogue import EXERCISE_NAMES
from legday.core.errors import InputError
from legday.core.model import LegSession, just_ended
from legday.core.parse import parse_date, parse_exercise, parse_time
from legday.core.talk import effort_words
from legday.tui import keys
from legday.tui.widgets.form import Field, FormInput, FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.slider import Slider

EXERCISE_PLACEHOLDER = "e.g. back squat 5x5@100kg  (→ takes the suggested name)"
# A leg session is rarely easy: start the effort slider at "very strong" (S2) rather than 0.
DEFAULT_EFFORT = 7


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
    ) -> None:
        super().__init__()
        self.existing = existing
        if existing is not None:
            now = dt.datetime.combine(existing.date, existing.start)
        self.now = now
        self.units = units
        # The person's own names first: they are what they will type again.
        self.names = list(dict.fromkeys([*names, *EXERCISE_NAMES]))
        self.save = save
        # The start time we filled in; once the person edits it, it is theirs. (An edited
        # session's start was the person's from the start: it never follows the minutes.)
        self._auto_start = now.strftime("%H:%M") if existing is None else None
        self._suggester = SuggestFromList(self.names, case_sensitive=False)

    # --- layout ----------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        old = self.existing
        verb = "Edit leg workout" if old else "Log leg workout"
        yield Static(f"{verb} · {self.now:%a %-d %b %Y}", id="title")
        with VerticalScroll(id="form"):
            yield Label(
                f"Exercises, one a line (units: {self.units}) · ⏎ next line · ^n add · ^d remove",
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

    def _row(self, number: int, text: str = "") -> ExerciseRow:
        return ExerciseRow(
            f"{number}.",
            partial(parse_exercise, default_unit=self.units),
            text,
            placeholder=EXERCISE_PLACEHOLDER,
            optional=True,
            suggester=self._suggester,
            classes="exercise",
        )

    def on_mount(self) -> None:
        self.remember_initial()
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
        row.input.focus()
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

    @on(Input.Submitted, ".exercise Input")
    async def _exercise_entered(self, event: Input.Submitted) -> None:
        event.stop()
        row = event.input.parent
        if not isinstance(row, ExerciseRow) or not row.check():
            return
        rows = self.rows
        if not row.text.strip():
            self.query_one("#effort", Slider).focus()  # an empty line: done with exercises
        elif row is rows[-1]:
            await self.action_add_row()
        else:
            rows[rows.index(row) + 1].input.focus()

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

    @on(Input.Submitted, "#minutes Input, #date Input")
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.focus_next()

    @on(Input.Submitted, "#start Input")
    def _last_field(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

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
