"""The week against its targets, and the last 14 days of soreness and readiness.

Cardio minutes against the 2-3 h band (G6), hard against easy sessions (S11: about 80 % easy), leg
sessions, the load-ratio warning when there is one (S5), and two sparklines, one column per day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.content import Content
from textual.widget import Widget

from legday.core.plan import WeekPlan
from legday.tui import legend

BAR = 24


def minutes_bar(minutes: int, band: tuple[int, int], width: int = BAR) -> Content:
    """A bar to 1.5x the band's top: the band's part of the track is marked so you see where to land."""
    low, high = band
    scale = max(high * 1.5, minutes, 1)
    filled = round(min(minutes, scale) / scale * width)
    band_from, band_to = round(low / scale * width), round(high / scale * width)
    if minutes < low:
        style = "$warning"
    elif minutes <= high:
        style = "$success"
    else:
        style = "$error"
    cells = []
    for i in range(width):
        if i < filled:
            cells.append(("━", style))
        elif band_from <= i < band_to:
            cells.append(("─", "$success 60%"))
        else:
            cells.append(("─", "$text-muted 40%"))
    return Content.assemble(*cells)


class WeekTotals(Widget):
    DEFAULT_CSS = """
    WeekTotals {
        height: auto;
        text-wrap: nowrap;
        text-overflow: ellipsis;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.plan: WeekPlan | None = None
        self.days: Sequence[tuple[dt.date, int | None, int]] = ()

    def show(self, plan: WeekPlan, days: Sequence[tuple[dt.date, int | None, int]]) -> None:
        """``days``: (date, soreness or None, readiness) for the 14 days the sparklines cover."""
        self.plan = plan
        self.days = days
        self.refresh(layout=True)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines())

    def render(self) -> Content:
        return Content("\n").join(self._lines())

    def _lines(self) -> list[Content]:
        if self.plan is None:
            return [Content("")]
        t = self.plan.totals
        low, high = t.target_minutes
        label = "$text-muted"
        sessions = t.hard_sessions + t.easy_sessions
        easy_share = f"{round(100 * t.easy_sessions / sessions)} % easy" if sessions else "no cardio yet"
        lines = [
            Content.assemble(
                ("cardio   ", label),
                (f"{t.cardio_minutes}", "bold"),
                (f" of {low}-{high} min  ", label),
                minutes_bar(t.cardio_minutes, t.target_minutes),
                ("  G6", "$accent"),
            ),
            Content.assemble(
                ("mix      ", label),
                (f"{t.hard_sessions} hard", "$error bold" if t.hard_sessions > 2 else "bold"),
                (" · ", label),
                (f"{t.easy_sessions} easy", "bold"),
                (f"  {easy_share}, aim ~80 %", label),
                ("  S11", "$accent"),
            ),
            Content.assemble(
                ("legs     ", label),
                (f"{t.leg_sessions} session{'s' if t.leg_sessions != 1 else ''}", "bold"),
                *(
                    [(f"  load ratio {t.acwr:.2f}", "$warning" if t.acwr >= 1.5 else label), ("  S5", "$accent")]
                    if t.acwr is not None
                    else []
                ),
            ),
        ]
        for warning in self.plan.warnings:
            lines.append(
                Content.assemble(("  ! ", "$warning bold"), warning.text, (f"  {warning.id}", "$accent"))
            )
        if self.days:
            first, last = self.days[0][0], self.days[-1][0]
            soreness = [d[1] for d in self.days]
            readiness = [d[2] for d in self.days]
            span = f"  {first:%d %b} - {last:%d %b}"
            lines.append(
                Content.assemble(
                    ("soreness ", label),
                    (legend.sparkline(soreness, 0, 10), "$warning"),
                    (span, label),
                )
            )
            lines.append(
                Content.assemble(
                    ("ready    ", label),
                    (legend.sparkline(readiness, 0, 100), "$success"),
                    ("  · = no check-in" if None in soreness else "", label),
                )
            )
        return lines
