"""The week against its targets, and the last 14 days of soreness and readiness.

Cardio minutes against the 2-3 h band (G6), hard against easy sessions (S11: about 80 % easy), leg
sessions, the load-ratio warning when there is one (S5), and two sparklines, one column per day.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from textual.content import Content
from textual.strip import Strip
from textual.widget import Widget

from legday.core import words
from legday.core.plan import WeekPlan, session_mix
from legday.tui import legend
from legday.tui.widgets.looks import Same, line_strips
from legday.tui.widgets.week_notes import safety_first

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
    runs: list[tuple[str, str]] = []  # (text, style), one span per run of one style
    for i in range(width):
        if i < filled:
            cell = ("━", style)
        elif band_from <= i < band_to:
            cell = ("─", "$success 60%")
        else:
            cell = ("─", "$foreground-muted 40%")
        if runs and runs[-1][1] == cell[1]:
            runs[-1] = (runs[-1][0] + cell[0], cell[1])
        else:
            runs.append(cell)
    return Content.assemble(*runs)


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
        # The lines for the last (plan, days, width): measuring and drawing ask for them several
        # times per change.
        self._made: tuple[object, list[Content]] | None = None
        self._strips: tuple[object, list[Strip]] | None = None  # drawn line by line (line_strips)

    def show(self, plan: WeekPlan, days: Sequence[tuple[dt.date, int | None, int]]) -> None:
        """``days``: (date, soreness or None, readiness) for the 14 days the sparklines cover."""
        before = len(self._lines(self.content_size.width)) if self.plan is not None else -1
        self.plan = plan
        self.days = days
        # A layout of the screen only when the totals grow or shrink and their height follows their
        # lines (narrow screens: height auto). Beside the pane (wide) their height is the row's, and
        # a layout would only cost a second frame.
        height = self.styles.height
        grew = len(self._lines(self.content_size.width)) != before
        self.refresh(layout=grew and (height is None or height.is_auto))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._lines(width))

    def render(self) -> Content:
        """The totals as one Content (what ``render_line`` draws, line by line)."""
        return Content("\n").join(self._lines(self.content_size.width))

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        style = self.visual_style
        key = (self._lines_key(width), style, self.app.theme)
        if self._strips is None or self._strips[0] != key:
            lines = self._lines(width)
            self._strips = (key, line_strips(lines, width, style, self.app.stylesheet.parse_style))
        strips = self._strips[1]
        return strips[y] if 0 <= y < len(strips) else Strip.blank(width, style.rich_style)

    def _lines_key(self, width: int) -> tuple:
        return Same(self.plan), tuple(self.days), width

    def _lines(self, width: int) -> list[Content]:
        key = self._lines_key(width)
        if self._made is None or self._made[0] != key:
            self._made = (key, self._make_lines(width))
        return self._made[1]

    def _make_lines(self, width: int) -> list[Content]:
        """One line per measure when there is room (narrow screens, full width), else stacked
        (wide screens, where the totals share the row with the suggestion pane)."""
        if self.plan is None:
            return [Content("")]
        wide = width >= 64
        t = self.plan.totals
        low, high = t.target_minutes
        label = "$foreground-muted"
        pad = Content(" " * 9)
        hard, moderate, easy = session_mix(t)  # as the sessions are labelled
        sessions = t.hard_sessions + t.easy_sessions
        # S11's 80 % is of sessions that are not hard: easy and moderate ones.
        easy_share = f"{round(100 * t.easy_sessions / sessions)} % not hard" if sessions else "no cardio yet"

        minutes = Content.assemble(
            ("cardio   ", label), (f"{t.cardio_minutes}", "bold"), (f" of {low}-{high} min", label)
        )
        bar = minutes_bar(t.cardio_minutes, t.target_minutes, min(BAR, max(8, width - 16)))
        g6 = Content.styled(f"  {t.target_why.id if t.target_why else 'G6'}", "$accent")
        mix = Content.assemble(
            ("mix      ", label),
            (f"{hard} hard", "$error bold" if hard > 2 else "bold"),
            (", ", label),
            (f"{moderate} moderate", "bold"),
            (", ", label),
            (f"{easy} easy", "bold"),
        )
        share = Content.styled(f"{easy_share}, aim 80 %", label)
        s11 = Content.styled(" S11", "$accent")
        legs = Content.assemble(
            ("legs     ", label),
            (f"{t.leg_sessions} session{'s' if t.leg_sessions != 1 else ''}", "bold"),
        )
        ratio = (
            Content.assemble(
                (f"load ratio {t.acwr:.2f}", "$warning" if t.acwr >= 1.5 else label), ("  S5", "$accent")
            )
            if t.acwr is not None
            else None
        )
        # Every line fits the 38 columns beside the pane: nothing is cut.
        if wide:
            lines = [minutes + Content("  ") + bar + g6, mix + Content("  ") + share + s11, legs]
            if ratio is not None:
                lines[-1] += Content("  ") + ratio
        else:
            lines = [minutes + g6, pad + bar, mix, pad + share + s11, legs]
            if ratio is not None:
                lines.append(pad + ratio)
        if self.plan.warnings or self.plan.notes:
            # In full in the pane (warnings at its top, safety first; notes at its end): here, where
            # a line is cut at the width, only which they are.
            ids = " ".join(dict.fromkeys(r.id for r in safety_first(self.plan.warnings)))
            if self.plan.warnings:
                lines.append(
                    Content.assemble(
                        ("!  ", "$warning bold"), (ids, "$warning bold"), ("  in full in the pane", label)
                    )
                )
            if self.plan.notes:
                lines.append(Content.assemble(("·  ", label), ("a note on the week: in the pane", label)))
        if self.days:
            first, last = self.days[0][0], self.days[-1][0]
            soreness = [d[1] for d in self.days]
            readiness = [d[2] for d in self.days]
            span = Content.styled(f"{first:%d %b} - {last:%d %b}", label)
            gaps = Content.styled("· no check-in" if None in soreness else "", label)
            spark_sore = Content.assemble(
                ("soreness ", label), (legend.sparkline(soreness, 0, 10), "$warning")
            )
            spark_ready = Content.assemble(
                ("ready    ", label), (legend.sparkline(readiness, 0, 100), "$success")
            )
            if wide:
                lines += [spark_sore + Content("  ") + span, spark_ready + Content("  ") + gaps]
            else:
                lines += [spark_sore, spark_ready, pad + span]
                if None in soreness:
                    lines.append(pad + gaps)
        if not wide:
            # Beside the pane (wide screens) there is room for the key to the grid's colours.
            lines += [Content(""), *legend_lines()]
        return lines


def legend_lines() -> list[Content]:
    # The marks the CLI uses too (core/words.py), one space apart to fit the 40-column totals.
    marks = Content(" ").join(
        Content.assemble((f"{words.STATUS_MARK[status]} ", "bold"), (word, "$foreground-muted"))
        for status, word in (
            ("done", "done"),
            ("planned", "planned"),
            ("suggested", "suggested"),
            ("skipped", "skip"),
        )
    )
    colours = Content.assemble(
        ("legs", legend.LEGS_STYLE),
        ("  ", ""),
        ("recovery", legend.INTENSITY_STYLE["recovery"]),
        ("  ", ""),
        ("easy", legend.INTENSITY_STYLE["easy"]),
        ("  ", ""),
        ("moderate", legend.INTENSITY_STYLE["moderate"]),
        ("  ", ""),
        ("hard", legend.INTENSITY_STYLE["tempo"]),
    )
    return [marks, colours]
