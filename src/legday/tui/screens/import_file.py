"""Import workouts from another app (the palette's "data: import"): a path, then Enter.

The same import as ``legday import FILE [--units kg|lb] [--skip-bad-rows]``: the file is read and
checked whole before anything is written, sessions already logged are not added twice, and the
whole import is one undo step. The file is read in a worker thread, so the app never freezes: the
box shows the rows read so far, Escape cancels (nothing is written), and ctrl+q still quits. Only
the short last step (comparing with the log and saving) runs on the app's own thread.

A file that cannot be used is one line under the fields, naming the file and line, and nothing is
written; the box stays open so the path or the options can be corrected. On success the box closes
with the summary line the command line prints -- unless bad rows were left out ("Skip bad rows"),
which it then lists, ``file:line: why``, until Enter or Escape closes it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Checkbox, Input, Static
from textual.worker import Worker, WorkerState

from legday.core.errors import InputError
from legday.tui import keys
from legday.tui.widgets.form import SAVE_ERRORS, Field, StatusLine
from legday.tui.widgets.key_bar import KeyBar

WHAT = (
    "A CSV export from Strong, Hevy or FitNotes, a FIT activity file, or legday's own JSON "
    "export. The whole file is checked first: one bad row and nothing is added, unless you skip "
    "bad rows. Sessions already logged are not added twice; u undoes the whole import."
)

# The command line's words in messages, as the app says them.
_APP_WORDS = (
    (", or say which with --format", ""),
    (
        "accepted: --units kg or --units lb (or set it once: legday profile --units kg|lb)",
        "accepted: kg or lb in Units (or set them in your profile)",
    ),
    ("accepted: --units kg or --units lb", "accepted: kg or lb in Units"),
    ("--skip-bad-rows imports the rest", "tick Skip bad rows to import the rest"),
    ("(legday undo)", "(u)"),
)


def app_words(message: str) -> str:
    for cli, app in _APP_WORDS:
        message = message.replace(cli, app)
    return message


def _path(text: str) -> str:
    """What the field accepts: any non-empty text (the import itself says what is wrong with it)."""
    if not text.strip():
        raise InputError("no file given; accepted: the path of an exported file, e.g. ~/strong.csv")
    return text.strip()


def _units(text: str) -> str | None:
    value = text.strip().lower()
    if not value:
        return None
    value = {"lbs": "lb", "kgs": "kg"}.get(value, value)
    if value not in ("kg", "lb"):
        raise InputError(
            f"units {text.strip()[:20]!r} unknown; accepted: kg, lb, or empty (as the file says)"
        )
    return value


# What the screen is given: ``read(path, units=..., skip_bad_rows=..., progress=..., cancelled=...)``
# reads the file (in a worker thread; raises InputError with one line, or Cancelled) and returns
# what ``save(loaded)`` then compares with the log and saves, returning the summary line and the
# bad rows left out (raising NotSaved or InputError with one line).
Read = Callable[..., Any]
Save = Callable[[Any], tuple[str, tuple[str, ...]]]


class SkipBox(Checkbox, inherit_bindings=False):
    """Space ticks it; Enter imports, as everywhere in the box."""

    BINDINGS = keys.bindings("skip_box")  # the key table's rows (tui/keys.py)


class ImportScreen(ModalScreen["str | None"]):
    """Dismisses with the import's summary line, or None when closed without importing."""

    DEFAULT_CSS = """
    ImportScreen {
        align: center middle;
        background: $background 60%;
    }
    ImportScreen > Vertical {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    ImportScreen #import-title {
        text-style: bold;
    }
    ImportScreen #import-what {
        color: $text-muted;
        padding: 1 0 0 0;
    }
    ImportScreen #import-options {
        height: auto;
    }
    ImportScreen #units {
        width: 30;
    }
    ImportScreen #skip {
        margin: 1 0 0 1;
    }
    ImportScreen #progress {
        color: $text-muted;
        padding: 0 1;
        display: none;
    }
    ImportScreen #progress.-shown {
        display: block;
    }
    ImportScreen #left-out {
        display: none;
        height: auto;
        max-height: 12;
        padding: 0 1;
    }
    ImportScreen #left-out.-shown {
        display: block;
    }
    ImportScreen StatusLine {
        padding: 0 1;
    }
    """

    PLACE = "import"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    class Go(Message):
        """Start the import once the field has taken every key typed before Enter."""

    def __init__(self, read: Read, save: Save, path: str = "") -> None:
        super().__init__()
        self.read, self.save = read, save
        self.path = path
        self._rows = 0  # rows read so far, written by the worker thread, read by a timer
        self._stop = threading.Event()
        self._worker: Worker | None = None
        self._summary: str | None = None  # set once imported with rows left out (shown, not closed)
        self._file_name = ""
        self._timer: Timer | None = None
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import workouts", id="import-title")
            yield Static(WHAT, id="import-what", markup=False)
            yield Field("File", _path, self.path, placeholder="e.g. ~/Downloads/strong.csv", id="file")
            with Horizontal(id="import-options"):
                yield Field("Units", _units, "", placeholder="kg or lb", optional=True, id="units")
                yield SkipBox("Skip bad rows (import the rest)", id="skip")
            yield Static("", id="progress", markup=False)
            with VerticalScroll(id="left-out"):
                yield Static("", id="left-out-rows", markup=False)
            yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        path = self.query_one("#file", Field).input
        path.select_on_focus = False  # back in the field after a refusal: fix the path, not retype it
        path.focus()

    def on_unmount(self) -> None:
        self._stop.set()  # a reading still running stops at its next few hundred rows

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    @property
    def importing(self) -> bool:
        """True while the file is read or what it holds is being saved."""
        running = self._worker is not None and self._worker.state in (
            WorkerState.PENDING,
            WorkerState.RUNNING,
        )
        return running or self._saving

    def _say_progress(self, text: str | None) -> None:
        progress = self.query_one("#progress", Static)
        progress.update(text or "")
        progress.set_class(bool(text), "-shown")

    def action_import(self) -> None:
        # Enter is a priority binding, so it runs before the focused field has handled the keys
        # typed just before it (a path pasted or typed fast, then Enter): go through the field's
        # own queue, after them.
        if isinstance(self.focused, Input):
            self.focused.post_message(self.Go())
        else:
            self._start()

    def on_import_screen_go(self, message: Go) -> None:
        message.stop()
        self._start()

    def _start(self) -> None:
        if not self.is_active or self.importing:  # Enter pressed twice quickly: import once
            return
        if self._summary is not None:
            self.dismiss(self._summary)
            return
        try:
            path = self.query_one("#file", Field).value
            units = self.query_one("#units", Field).value
        except InputError as error:
            self.status.say(f"Nothing imported: {error}")
            return
        skip = self.query_one("#skip", Checkbox).value
        self.status.say(None)
        self._rows = 0
        self._stop = threading.Event()
        self._file_name = path.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        self._say_progress(f"Reading {self._file_name}… (esc cancels)")
        for widget in self.query(Input):
            widget.disabled = True
        self.query_one("#skip", Checkbox).disabled = True
        stop = self._stop

        def work() -> Any:
            return self.read(
                path, units=units, skip_bad_rows=skip, progress=self._count, cancelled=stop.is_set
            )

        self._worker = self.run_worker(work, thread=True, exclusive=True, group="import", exit_on_error=False)
        self._timer = self.set_interval(0.2, self._show_rows, name="import-progress")

    def _count(self, rows: int) -> None:
        self._rows = rows  # from the worker thread: a plain int, read on the app's thread

    def _show_rows(self) -> None:
        if self.importing and self._rows:
            self._say_progress(f"Reading {self._file_name}: {self._rows:,} rows… (esc cancels)")

    def _done_reading(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._say_progress(None)
        for widget in self.query(Input):
            widget.disabled = False
        self.query_one("#skip", Checkbox).disabled = False
        self.query_one("#file", Field).input.focus()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker is not self._worker or event.state in (WorkerState.PENDING, WorkerState.RUNNING):
            return
        self._done_reading()
        if event.state == WorkerState.CANCELLED:
            self.status.say("Import cancelled: nothing was added.")
            return
        error = event.worker.error
        if error is not None:
            from legday.transfer import Cancelled

            if isinstance(error, Cancelled):
                self.status.say("Import cancelled: nothing was added.")
            elif isinstance(error, InputError):
                self.status.say(f"Nothing imported: {app_words(str(error))}")
            else:
                self.status.say(f"Nothing imported: {type(error).__name__}: {error}")
            return
        # Comparing with the log and saving run on the app's thread (the journal is not shared
        # between threads): say so first, so a big import's last second does not look frozen.
        self._say_progress(f"Saving what {self._file_name} holds…")
        self._saving = True
        self.call_after_refresh(self._save, event.worker.result)

    def _save(self, loaded: Any) -> None:
        self._saving = False
        self._say_progress(None)
        try:
            summary, rows = self.save(loaded)
        except SAVE_ERRORS as error:
            self.status.say(f"Nothing imported: {app_words(str(error))}")
            return
        if not rows:
            self.dismiss(summary)
            return
        # Bad rows were left out: list them, and close on Enter or Escape.
        self._summary = summary
        self.query_one("#left-out-rows", Static).update("\n".join(["Rows left out:", *rows]))
        self.query_one("#left-out").add_class("-shown")
        self.query_one("#left-out").focus()

    def action_cancel(self) -> None:
        if not self.is_active:
            return
        if self.importing:
            self._stop.set()  # the worker stops at its next few hundred rows; nothing is written
            self._say_progress("Cancelling…")
            return
        self.dismiss(self._summary)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the import key (bound above); the field's own check is not needed
