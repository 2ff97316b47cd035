"""Pick one of a day's logged records (to edit or delete): a short list over the week.

↑/↓ (or j/k) and Enter, or the record's number; Esc goes back without picking.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from legday.core import words
from legday.journal import Record
from legday.tui import keys
from legday.tui.widgets.key_bar import KeyBar


class PickRecord(ModalScreen["Record | None"]):
    DEFAULT_CSS = """
    PickRecord {
        align: center middle;
        background: $background 60%;
    }
    PickRecord > Vertical {
        width: 72;
        max-width: 100%;
        height: auto;
        border: round $primary;
        background: $surface;
        padding: 0 1;
    }
    PickRecord #pick-title {
        padding: 0 0 1 0;
        text-style: bold;
    }
    PickRecord OptionList {
        height: auto;
        max-height: 12;
        border: none;
        padding: 0;
        background: $surface;
    }
    """

    PLACE = "pick"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, title: str, records: list[Record]) -> None:
        super().__init__()
        self.title_text = title
        self.records = records

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, id="pick-title", markup=False)
            yield OptionList(
                *(Option(f"{n}  {words.record_line(r)}") for n, r in enumerate(self.records, 1)),
                id="records",
            )
        yield KeyBar()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        options.action_cursor_down() if step > 0 else options.action_cursor_up()

    def action_number(self, number: int) -> None:
        if number <= len(self.records):
            self._done(self.records[number - 1])

    def action_pick(self) -> None:
        index = self.query_one(OptionList).highlighted
        if index is not None:
            self._done(self.records[index])

    def action_cancel(self) -> None:
        self._done(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._done(self.records[event.option_index])

    def _done(self, record: Record | None) -> None:
        if self.is_active:  # a second quick key must not pick (and pop) twice
            self.dismiss(record)
