"""Help (?): every key, what the colours and marks mean, and the evidence behind the reasons.

The key list is read from the bindings themselves, so it cannot go stale.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from legday.core.evidence import EVIDENCE, SOURCES
from legday.tui import legend
from legday.tui.widgets.key_bar import KeyBar

KEY_WIDTH = 10


def _key_name(key: str) -> str:
    names = {
        "question_mark": "?", "left": "←", "right": "→", "up": "↑", "down": "↓",
        "enter": "enter", "escape": "esc", "left_square_bracket": "[", "right_square_bracket": "]",
    }
    return " ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


def _binding_rows(bindings: list[Binding], seen: set[str]) -> list[Content]:
    rows = []
    for binding in bindings:
        what = binding.tooltip or binding.description
        if not what or what in seen:
            continue
        seen.add(what)
        rows.append(
            Content.assemble(("  ", ""), (f"{_key_name(binding.key):<{KEY_WIDTH}}", "$accent bold"), what)
        )
    return rows


def keys_section() -> list[Content]:
    from legday.tui.app import LegdayApp
    from legday.tui.screens.week import WeekScreen
    from legday.tui.widgets.week_grid import WeekGrid

    seen: set[str] = set()
    lines = [Content.styled("Keys", "$primary bold")]
    lines += _binding_rows(list(WeekGrid.BINDINGS), seen)
    lines += _binding_rows(list(WeekScreen.BINDINGS), seen)
    lines += _binding_rows(list(LegdayApp.BINDINGS), seen)
    from legday.tui.screens.trends import TrendsScreen  # help is opened rarely: import it here

    lines.append(Content.styled("  On the trends view (g)", "$foreground-muted"))
    lines += _binding_rows(list(TrendsScreen.BINDINGS), seen)
    lines.append(
        Content.assemble(("  ", ""), (f"{'ctrl+p':<{KEY_WIDTH}}", "$accent bold"),
                         "Command palette: every action as \"group: verb\", and the themes")
    )
    lines.append(
        Content.assemble(("  ", ""), (f"{'esc':<{KEY_WIDTH}}", "$accent bold"), "Close a form or this help")
    )
    return lines


def colours_section() -> list[Content]:
    lines = [Content.styled("Colours and marks", "$primary bold")]
    for name, style, meaning in legend.LEGEND:
        lines.append(Content.assemble(("  ", ""), (f"{name:<{KEY_WIDTH}}", f"{style} bold"), meaning))
    for glyph, meaning in legend.GLYPH_LEGEND:
        lines.append(Content.assemble(("  ", ""), (f"{glyph:<{KEY_WIDTH}}", "bold"), meaning))
    lines.append(
        Content.assemble(
            ("  ", ""), (f"{'sore':<{KEY_WIDTH}}", "bold"),
            "your morning soreness 0-10: ", ("0-3", "$success"), " · ", ("4-6", "$warning"), " · ",
            ("7-10", "$error"),
        )
    )
    lines.append(
        Content.assemble(
            ("  ", ""), (f"{'ready':<{KEY_WIDTH}}", "bold"),
            "leg readiness 0-100 from recent load and soreness: ", ("70+", "$success"), " · ",
            ("40-69", "$warning"), " · ", ("under 40", "$error"),
        )
    )
    return lines


def evidence_intro() -> Content:
    return Content.assemble(
        ("Evidence\n", "$primary bold"),
        ("Every reason in the plan cites one of these IDs. Where sources disagree, the pane says which "
         "way the plan went and why.", "$foreground-muted"),
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
