"""Help (?): every key, what the colours and marks mean, and the evidence behind the reasons.

The key list is the key table itself (tui/keys.py), as settings.toml's [keymap] remaps it, so it
cannot go stale; the colour legend's efforts and talk-test words come from the planner's own table.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from legday.core import words
from legday.core.evidence import EVIDENCE, SOURCES
from legday.tui import keys, legend
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.suggestion_pane import Block, layout

KEY_WIDTH = 10


class Hanging(Widget):
    """Lines of "key  words" whose wrapped words stay under the words, not under the key, at any
    width (the suggestion pane's layout)."""

    DEFAULT_CSS = """
    Hanging {
        height: auto;
    }
    """

    def __init__(self, blocks: list[Block], *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.blocks = blocks

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(layout(self.blocks, width))

    def render(self) -> Content:
        return Content("\n").join(layout(self.blocks, self.content_size.width))


def _row(key: str, style: str, text: Content | str) -> Block:
    return Block(
        Content(text) if isinstance(text, str) else text, Content.styled(f"{key:<{KEY_WIDTH}}", style), 2
    )


def keys_section(keymap: keys.Keymap | None = None) -> list[Block]:
    blocks = [Block(Content.styled("Keys", "$primary bold"))]
    for heading, rows in keys.rows_for_help(keymap):
        blocks.append(Block(Content.styled(heading, "bold")))
        blocks += [_row(shown, "$accent bold", row.help) for shown, row in rows]
    note = "Any key can be changed in settings.toml's [keymap] table, by the id the README lists."
    blocks.append(Block(Content.styled(note, "$foreground-muted")))
    return blocks


def colours_section() -> list[Block]:
    blocks = [Block(Content.styled("Colours and marks", "$primary bold"))]
    blocks += [_row(name, f"{style} bold", meaning) for name, style, meaning in legend.legend_rows()]
    for status, meaning in legend.MARK_MEANINGS:
        blocks.append(_row(words.STATUS_MARK[status], "bold", meaning))
    for what, meaning, bands in (
        ("sore", "your morning soreness 0-10: ", legend.bands(legend.SORENESS_BANDS, 10)),
        (
            "ready",
            "leg readiness 0-100 from recent load and soreness: ",
            legend.bands(legend.READINESS_BANDS, 100),
        ),
    ):
        shown = Content(" · ").join(Content.styled(text, style) for text, style in bands)
        blocks.append(_row(what, "bold", Content(meaning) + shown))
    return blocks


def evidence_intro() -> Content:
    return Content.assemble(
        ("Evidence\n", "$primary bold"),
        (
            "Every reason in the plan cites one of these IDs. Where sources disagree, the pane says which "
            "way the plan went and why.",
            "$foreground-muted",
        ),
    )


def evidence_items():
    """(title line, summary with sources) for each piece of evidence."""
    for item in EVIDENCE.values():
        title = Content.assemble((f"{item.id:<5}", "$accent bold"), (item.title, "bold"))
        body = Content.assemble(item.summary, (f"  {', '.join(item.sources)}", "$foreground-muted"))
        yield title, body


def sources_section() -> Content:
    lines = [Content.styled("Sources", "$primary bold")]
    for short, long in SOURCES.items():
        lines.append(Content.assemble((short, "bold"), (f"  {long}", "$foreground-muted")))
    return Content("\n").join(lines)


class HelpScreen(Screen):
    CSS_PATH = "help.tcss"
    PLACE = "help"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, keymap: keys.Keymap | None = None) -> None:
        """``keymap``: the keys in use (the table's, as [keymap] remaps them)."""
        super().__init__()
        self.keymap = keymap

    def compose(self):
        yield Static(Content.styled("legday help", "$primary bold"), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Hanging(keys_section(self.keymap), id="help-keys", classes="section")
            yield Hanging(colours_section(), id="help-colours", classes="section")
            yield Static(evidence_intro(), id="help-evidence", classes="section")
            for title, body in evidence_items():
                yield Static(title, classes="ev-title")
                yield Static(body, classes="ev-body")
            yield Static(sources_section(), id="help-sources", classes="section")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#help-body").focus()

    def action_scroll(self, direction: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        (body.scroll_up if direction == "up" else body.scroll_down)(animate=False)
