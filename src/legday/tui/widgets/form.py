"""Small pieces the form screens share: a labelled input that checks itself with the core's parsers,
and the "throw away unsaved input?" question.

A field never invents its own rules: it runs the same parser the command line uses (legday.core.parse)
and shows that parser's InputError message, which says what is wrong and what is accepted.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable
from typing import Any

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import Reactive
from textual.screen import ModalScreen, Screen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from legday.core.errors import InputError
from legday.tui import keys
from legday.tui.widgets.key_bar import KeyBar


class NotSaved(Exception):
    """A save callback could not save (a file could not be written, a record changed meanwhile).
    The message says why; the form shows it and stays open."""


# How long Enter waits at most for the focused field to take in the keys typed before it.
SETTLE_SECONDS = 1.0

# What a screen's save callback may raise: both are shown in the screen, which stays open.
SAVE_ERRORS = (NotSaved, InputError)

Parse = Callable[[str], Any]


class FormInput(Input):
    """An Input that stops blinking when the app runs without animation (tests, snapshots)."""

    def on_mount(self) -> None:
        if self.app.animation_level == "none":
            self.cursor_blink = False


class Field(Vertical):
    """A label, an input and the input's error message (hidden while the value is fine).

    ``parse`` turns the text into a value or raises InputError. With ``optional`` an empty input
    means None. The message is shown when the field loses focus, on Enter and on save; while
    typing it only disappears once the text is right, so half-typed values are not shouted at.
    """

    DEFAULT_CSS = """
    Field {
        height: auto;
        width: 1fr;
    }
    Field > .field--label {
        color: $text-muted;
        padding: 0 1;
    }
    Field > .field--error {
        display: none;
        color: $text-error;
        padding: 0 1;
    }
    Field.-invalid > .field--error {
        display: block;
    }
    """

    input_class: type[FormInput] = FormInput

    def __init__(
        self,
        label: str,
        parse: Parse,
        value: str = "",
        *,
        placeholder: str = "",
        optional: bool = False,
        suggester: Suggester | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.label = label
        self.parse = parse
        self.optional = optional
        self.input = self.input_class(
            value,
            placeholder=placeholder,
            suggester=suggester,
        )
        self._error = Static("", classes="field--error", markup=False)

    def compose(self) -> ComposeResult:
        if self.label:
            yield Label(self.label, classes="field--label")
        yield self.input
        yield self._error

    def _parse_text(self, text: str) -> Any:
        if self.optional and not text.strip():
            return None
        return self.parse(text)

    @property
    def value(self) -> Any:
        """The parsed value; raises InputError (and shows it) when the text is wrong."""
        try:
            value = self._parse_text(self.input.value)
        except InputError as error:
            self.show_error(str(error))
            raise
        self.show_error(None)
        return value

    @property
    def text(self) -> str:
        return self.input.value

    @property
    def error(self) -> str | None:
        """The message on show, if any."""
        return str(self._error.content) if self.has_class("-invalid") else None

    def show_error(self, message: str | None) -> None:
        if message == self.error and (message is not None or not str(self._error.content)):
            # Unchanged (every blur checks the field): setting the line again would lay the whole
            # form out once more, in a frame of its own after the Tab's.
            return
        self.set_class(message is not None, "-invalid")
        self.input.set_class(message is not None, "-invalid")
        self._error.update(message or "")

    def check(self) -> bool:
        try:
            _ = self.value  # reading it runs the field's checks
        except InputError:
            return False
        return True

    @on(Input.Blurred)
    def _checked(self, event: Input.Blurred) -> None:
        self.check()

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        if self.has_class("-invalid"):
            try:
                self._parse_text(event.value)
            except InputError:
                return
            self.show_error(None)


class StatusLine(Static):
    """One line under a form for what went wrong on save (hidden when there is nothing to say)."""

    DEFAULT_CSS = """
    StatusLine {
        display: none;
        height: auto;
        padding: 0 2;
        color: $text-error;
        background: $error 10%;
    }
    StatusLine.-shown {
        display: block;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)

    def say(self, message: str | None) -> None:
        self.update(message or "")
        self.set_class(bool(message), "-shown")

    @property
    def message(self) -> str | None:
        return str(self.content) if self.has_class("-shown") else None


class FormScreen(Screen[bool]):
    """What every form screen does the same way.

    ``build()`` reads the fields into a core object (raising InputError, shown beside the field and
    in the status line); ``deliver()`` hands it to the save callback; a DataError or InputError
    from there is shown and the screen stays open with everything still typed in. Success
    dismisses with True, Escape with False. With ``DISCARD_QUESTION`` set, Escape asks first when
    anything changed since ``remember_initial()``.
    """

    DISCARD_QUESTION: str | None = None

    # Textual repaints the whole screen whenever the focus moves (Screen.focused repaints), on top
    # of restyling the two widgets whose focus changed, which redraw themselves. A form screen
    # looks no different with another field focused, so Tab skips that full repaint (it was most
    # of a Tab's cost: ~75 ms with 10 years loaded, against ~10 ms for a bare app's keystroke).
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    _initial: object = None

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Textual scrolls a newly focused field into view only if it still has the focus when the
        # scroll comes round; keys typed in a burst (Enter, "65", Enter) move on before that, and
        # the field they end on stayed below the fold. It is scrolled to here, once it is drawn.
        widget = event.widget

        def into_view() -> None:
            if widget.has_focus:
                widget.scroll_visible(animate=False)

        self.call_after_refresh(into_view)

    def build(self) -> Any:
        raise NotImplementedError

    def deliver(self, built: Any) -> None:
        raise NotImplementedError

    def snapshot(self) -> object:
        """Everything the person can change, comparable (for "is there unsaved input?")."""
        return tuple(f.text for f in self.query(Field))

    def remember_initial(self) -> None:
        self._initial = self.snapshot()

    @property
    def dirty(self) -> bool:
        return self._initial is not None and self.snapshot() != self._initial

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def read(self, *fields: Field) -> list[Any]:
        """Every field's value; each wrong one shows its message, the first is focused and raised."""
        values: list[Any] = []
        problems: list[tuple[Field, InputError]] = []
        for field in fields:
            try:
                values.append(field.value)
            except InputError as wrong:
                values.append(None)
                problems.append((field, wrong))
        if problems:
            first, error = problems[0]
            first.input.focus()
            raise error
        return values

    async def action_enter(self) -> None:
        """Enter, from any field: on to the next field (a slider and a choice too); on the last, save.
        A field whose text is wrong keeps the focus and shows why. It is a priority key (run as it
        arrives), so the keys typed right after it land in the field it moved to."""
        if not self.is_active:
            return
        focused = await self.settle()
        if await self.entered(focused):
            return
        field = focused.parent if isinstance(focused, Input) else None
        if isinstance(field, Field) and not field.check():
            return
        chain = self.focus_chain
        if focused is None or not chain or focused is chain[-1]:
            self.action_save()
        else:
            self.focus_next()

    async def settle(self) -> Widget | None:
        """Wait until the focused field has handled the keys already on their way to it, and return
        it. A priority key (Enter) runs as it arrives, ahead of the characters typed just before it,
        which the field has queued but not yet taken in: "deadlift 4x4", Enter must read the line as
        typed. (Moving the focus, after this, is done at once with ``set_focus``: ``focus()`` would
        wait behind the keys typed next.)"""
        focused = self.focused
        if focused is not None and focused.is_attached:
            handled = asyncio.Event()
            if focused.call_later(handled.set):
                # (A field that never answers must not hang the form.)
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(handled.wait(), SETTLE_SECONDS)
        return self.focused

    async def entered(self, focused: Widget | None) -> bool:
        """A form's own Enter for ``focused`` (the workout's exercise lines); True if it handled it."""
        return False

    def action_save(self) -> None:
        # Keys typed fast (Enter twice on the last field) can reach a form that has already saved
        # and closed: save once, never twice, and never pop the screen underneath.
        if not self.is_active:
            return
        try:
            built = self.build()
        except InputError as error:
            self.status.say(f"Not saved: {error}")
            return
        try:
            self.deliver(built)
        except SAVE_ERRORS as error:
            self.status.say(f"Not saved: {error}")
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.is_active:
            return
        if self.DISCARD_QUESTION is None or not self.dirty:
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmDiscard(self.DISCARD_QUESTION), answered)


class Confirm(ModalScreen[bool]):
    """A yes-or-no question over the screen. Dismisses with True for yes."""

    DEFAULT_CSS = """
    Confirm {
        align: center middle;
        background: $background 60%;
    }
    Confirm > Vertical {
        width: 52;
        max-width: 100%;
        height: auto;
        border: round $warning;
        background: $surface;
        padding: 1 2;
    }
    Confirm #question {
        width: 1fr;
        margin-bottom: 1;
    }
    Confirm Horizontal {
        height: auto;
        align-horizontal: right;
    }
    Confirm Button {
        margin-left: 2;
    }
    """

    PLACE = "confirm"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, question: str, *, yes: str = "Yes (y)", no: str = "No (n)") -> None:
        super().__init__()
        self.question = question
        self.yes, self.no = yes, no

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.question, id="question", markup=False)
            with Horizontal():
                yield Button(self.no, id="keep", variant="primary")
                yield Button(self.yes, id="discard", variant="error")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#keep", Button).focus()

    def action_answer(self, discard: bool) -> None:
        if self.is_active:  # a second quick key must not answer (and pop) twice
            self.dismiss(discard)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if self.is_active:
            self.dismiss(event.button.id == "discard")


class ConfirmDiscard(Confirm):
    """Asks before unsaved input is thrown away. Dismisses with True to discard (y or d)."""

    PLACE = "discard"
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, question: str) -> None:
        super().__init__(question, yes="Discard (y)", no="Keep editing (n)")
