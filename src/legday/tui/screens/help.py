"""Help (?): every key, what the colours and marks mean, and the evidence behind the reasons.

The key list is the key table itself (tui/keys.py), as settings.toml's [keymap] remaps it, so it
cannot go stale; the colour legend's efforts and talk-test words come from the planner's own table.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from legday.core import words
from legday.core.evidence import EVIDENCE, SOURCES
from legday.tui import keys, legend
from legday.tui.widgets.key_bar import KeyBar

KEY_WIDTH = 10


def keys_section(keymap: keys.Keymap | None = None) -> list[Content]:
    lines = [Content.styled("Keys", "$primary bold")]
    for heading, rows in keys.rows_for_help(keymap):
        lines.append(Content.styled(heading, "bold"))
        for shown, row in rows:
            lines.append(Content.assemble(("  ", ""), (f"{shown:<{KEY_WIDTH}}", "$accent bold"), row.help))
    lines.append(
        Content.styled(
            "Any key can be changed in settings.toml's [keymap] table, by the id the README lists.",
            "$foreground-muted",
        )
    )
    return lines


def colours_section() -> list[Content]:
    lines = [Content.styled("Colours and marks", "$primary bold")]
    for name, style, meaning in legend.legend_rows():
        lines.append(Content.assemble(("  ", ""), (f"{name:<{KEY_WIDTH}}", f"{style} bold"), meaning))
    for status, meaning in legend.MARK_MEANINGS:
        mark = words.STATUS_MARK[status]
        lines.append(Content.assemble(("  ", ""), (f"{mark:<{KEY_WIDTH}}", "bold"), meaning))
    for what, meaning, bands in (
        ("sore", "your morning soreness 0-10: ", legend.bands(legend.SORENESS_BANDS, 10)),
        (
            "ready",
            "leg readiness 0-100 from recent load and soreness: ",
            legend.bands(legend.READINESS_BANDS, 100),
        ),
    ):
        shown = Content(" · ").join(Content.styled(text, style) for text, style in bands)
        lines.append(Content.assemble(("  ", ""), (f"{what:<{KEY_WIDTH}}", "bold"), meaning, shown))
    return lines


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
            yield Static(Content("\n").join(keys_section(self.keymap)), id="help-keys", classes="section")
            yield Static(Content("\n").join(colours_section()), id="help-colours", classes="section")
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
