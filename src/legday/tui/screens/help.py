"""Help (?): every key, what the colours and marks mean, and the evidence behind the reasons.

The key list is the key table itself (tui/keys.py), so it cannot go stale.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from legday.core import words
from legday.core.evidence import EVIDENCE, SOURCES
from legday.tui import keys, legend
from legday.tui.widgets.key_bar import KeyBar

KEY_WIDTH = 10


def keys_section() -> list[Content]:
    lines = [Content.styled("Keys", "$primary bold")]
    for heading, rows in keys.rows_for_help():
        lines.append(Content.styled(heading, "bold"))
        for row in rows:
            lines.append(
                Content.assemble(("  ", ""), (f"{row.shown:<{KEY_WIDTH}}", "$accent bold"), row.help)
            )
    return lines


def colours_section() -> list[Content]:
    lines = [Content.styled("Colours and marks", "$primary bold")]
    for name, style, meaning in legend.LEGEND:
        lines.append(Content.assemble(("  ", ""), (f"{name:<{KEY_WIDTH}}", f"{style} bold"), meaning))
    for status, meaning in legend.MARK_MEANINGS:
        mark = words.STATUS_MARK[status]
        lines.append(Content.assemble(("  ", ""), (f"{mark:<{KEY_WIDTH}}", "bold"), meaning))
    lines.append(
        Content.assemble(
            ("  ", ""),
            (f"{'sore':<{KEY_WIDTH}}", "bold"),
            "your morning soreness 0-10: ",
            ("0-3", "$success"),
            " · ",
            ("4-6", "$warning"),
            " · ",
            ("7-10", "$error"),
        )
    )
    lines.append(
        Content.assemble(
            ("  ", ""),
            (f"{'ready':<{KEY_WIDTH}}", "bold"),
            "leg readiness 0-100 from recent load and soreness: ",
            ("70+", "$success"),
            " · ",
            ("40-69", "$warning"),
            " · ",
            ("under 40", "$error"),
        )
    )
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
    BINDINGS = [
        Binding("escape,q,question_mark", "app.pop_screen", "close", key_display="esc"),
        Binding("up,k", "scroll('up')", "", show=False),
        Binding("down,j", "scroll('down')", "", show=False),
    ]

    def compose(self):
        yield Static(Content.styled("legday help", "$primary bold"), id="help-title")
        with VerticalScroll(id="help-body"):
            yield Static(Content("\n").join(keys_section()), id="help-keys", classes="section")
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
