"""The morning check-in: how sore the legs are (0-10), optionally region by region, sleep and pain.

Fast path: `s`, a digit, Enter. Everything else is optional and folded away.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Checkbox, Collapsible, Input, Label, Static

from legday.core.model import REGIONS, CheckIn
from legday.core.parse import parse_float
from legday.tui import keys
from legday.tui.widgets.form import Field, FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.slider import Slider


def _sleep(text: str) -> float:
    return parse_float(text, 0, 24, "sleep hours")


class SorenessScreen(FormScreen):
    CSS_PATH = "soreness.tcss"

    PLACE = "soreness"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, day: dt.date, existing: CheckIn | None, save: Callable[[CheckIn], None]) -> None:
        super().__init__()
        self.day = day
        self.existing = existing
        self.save = save
        rated = dict(existing.regions) if existing else {}
        # Regions count only once rated (touched here or saved before): untouched ones stay unrated.
        self.rated: dict[str, int] = dict(rated)

    def compose(self) -> ComposeResult:
        existing = self.existing
        yield Static(f"Morning check-in · {self.day:%a %-d %b %Y}", id="title")
        # Not a Tab stop: focusing the scroll container itself shows nothing (the fields scroll into view).
        with VerticalScroll(id="form", can_focus=False):
            yield Label("How sore are your legs?", classes="question")
            yield Slider(existing.soreness if existing else 0, id="soreness")
            with Collapsible(title=self._regions_title(), id="regions", collapsed=True):
                for region in REGIONS:
                    with Horizontal(classes="region"):
                        yield Label(region, classes="region-name")
                        yield Slider(
                            self.rated.get(region, 0),
                            id=f"region-{region}",
                            unset=None if region in self.rated else "not rated: ←/→ or a digit",
                        )
            sleep = existing.sleep_hours if existing and existing.sleep_hours is not None else None
            yield Field(
                "Sleep last night, hours (optional)",
                _sleep,
                "" if sleep is None else f"{sleep:g}",
                placeholder="e.g. 7.5",
                optional=True,
                id="sleep",
            )
            yield Checkbox(
                "Sharp pain (not just soreness)",
                existing.pain if existing else False,
                id="pain",
            )
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#soreness", Slider).focus()

    def _regions_title(self) -> str:
        if not self.rated:
            return "By region: " + ", ".join(REGIONS) + " (optional)"
        return "By region: " + ", ".join(f"{r} {v}" for r, v in self.rated.items())

    @on(Slider.Changed, ".region Slider")
    def _region_rated(self, event: Slider.Changed) -> None:
        region = (event.slider.id or "").removeprefix("region-")
        self.rated[region] = event.value
        self.query_one("#regions", Collapsible).title = self._regions_title()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def build(self) -> CheckIn:
        (sleep,) = self.read(self.query_one("#sleep", Field))
        return CheckIn(
            date=self.day,
            soreness=self.query_one("#soreness", Slider).value,
            sleep_hours=sleep,
            pain=self.query_one("#pain", Checkbox).value,
            regions=tuple((r, self.rated[r]) for r in REGIONS if r in self.rated),
        )

    def deliver(self, checkin: CheckIn) -> None:
        self.save(checkin)

    def action_submit(self) -> None:
        self.action_save()
