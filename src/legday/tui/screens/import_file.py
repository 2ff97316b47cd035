"""Import workouts from another app (the palette's "data: import"): a path, then Enter.

The same import as ``legday import FILE``: the file is read and checked whole before anything is
written, sessions already logged are not added twice, and the whole import is one undo step. A file
that cannot be used is one line under the field, naming the file and line, and nothing is written;
the screen stays open with the path so it can be corrected. On success the screen closes with the
summary line the command line prints.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from legday.core.errors import InputError
from legday.tui import keys
from legday.tui.widgets.form import SAVE_ERRORS, Field, StatusLine
from legday.tui.widgets.key_bar import KeyBar

WHAT = (
    "A CSV export from Strong, Hevy or FitNotes, a FIT activity file, or legday's own JSON "
    "export. The whole file is checked first: one bad row and nothing is added. Sessions "
    "already logged are not added twice; u undoes the whole import."
)


def _path(text: str) -> str:
    """What the field accepts: any non-empty text (the import itself says what is wrong with it)."""
    if not text.strip():
        raise InputError("no file given; accepted: the path of an exported file, e.g. ~/strong.csv")
    return text.strip()


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
    ImportScreen StatusLine {
        padding: 0 1;
    }
    """

    PLACE = "import"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, run_import: Callable[[str], str], path: str = "") -> None:
        """``run_import(path)`` imports and returns the summary line, or raises InputError or
        NotSaved with one line saying why (nothing written then)."""
        super().__init__()
        self.run_import = run_import
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Import workouts", id="import-title")
            yield Static(WHAT, id="import-what", markup=False)
            yield Field("File", _path, self.path, placeholder="e.g. ~/Downloads/strong.csv", id="file")
            yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#file", Field).input.focus()

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def action_import(self) -> None:
        if not self.is_active:  # Enter pressed twice quickly: import once
            return
        field = self.query_one("#file", Field)
        try:
            summary = self.run_import(field.value)
        except SAVE_ERRORS as error:
            self.status.say(f"Nothing imported: {error}")
            return
        self.dismiss(summary)

    def action_cancel(self) -> None:
        if self.is_active:
            self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()  # Enter is the import key (bound above); the field's own check is not needed
