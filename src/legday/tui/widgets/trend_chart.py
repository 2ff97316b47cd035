"""The weeks behind you, one column per week, drawn in block characters.

Rows, top to bottom (each labelled on the left):
  load    stacked bars: legs below, cardio above (S3, effort x minutes)
  cardio  minutes, green inside the weekly band, amber under, red over; the band's row is tinted (G6, S11)
  h/m/e   hard / moderate / easy sessions as the week's totals count them (hard / not hard where a
          column is too narrow for three), amber when under about 80 % not hard (S11)
  sore    mean soreness 0-10, ready: mean readiness 0-100 (a dot where no morning was rated)
  ratio   acute:chronic load as a line (▁ ─ ▔ in three rows); the middle row is the 0.8-1.3 band, which is disputed
          (S5: a warning, not a rule)
  model   fitness and fatigue (S4), tall terminals only: a model, labelled so
then the weeks' dates. A week not computed yet (the view fills in newest first) is a dim dot; a week
before the first log is a faint floor line (it counts for nothing, not for zero).

No plotting library: Textual's Sparkline buckets and smooths, and each week here must stay exactly one
column whatever the width. Colours are theme variables, so every theme (high contrast too) draws it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.color import Color
from textual.message import Message
from textual.strip import Strip
from textual.widget import Widget

from legday.core.trends import SWEET_SPOT, WeekTrend
from legday.tui import legend

LOWER = " ▁▂▃▄▅▆▇█"
LABEL = 8  # 7 characters of label and a space
LEGS = "$primary"
CARDIO = legend.INTENSITY_STYLE["easy"]
MUTED = "$foreground-muted"
# The hard/moderate/easy row needs this many cells a column ("1/1/4"); narrower, it says hard/not hard.
MIX_WIDE = 5
# The ratio's rows: 0.3-0.8, 0.8-1.3 (the band), 1.3-1.8.
RATIO_FLOOR, RATIO_ROW = 0.3, 0.5

Cell = tuple[str, str]


def _eighths(value: float, scale: float, rows: int) -> int:
    if value <= 0 or scale <= 0:
        return 0
    return max(1, min(rows * 8, round(value / scale * rows * 8)))


def stacked(parts: Sequence[tuple[float, str]], rows: int, scale: float) -> list[Cell]:
    """One column of a (stacked) bar, top row first: ``parts`` from the bottom, (value, style).
    Where two parts meet inside a cell, the lower one is the foreground and the upper the background,
    so the boundary is exact to an eighth of a row."""
    bounds: list[tuple[int, str]] = []  # (top in eighths, style), bottom part first
    total = 0.0
    for value, style in parts:
        total += value
        if value > 0:
            bounds.append((_eighths(total, scale, rows), style))
    cells: list[Cell] = []
    for row in range(rows):
        base = row * 8
        inside = [(top, style) for top, style in bounds if top > base]
        if not inside:
            cells.append((" ", ""))
            continue
        top_all = min(8, bounds[-1][0] - base)
        first_top, first_style = inside[0]
        if first_top - base >= top_all:
            cells.append((LOWER[top_all], first_style))
        elif top_all == 8:
            cells.append((LOWER[first_top - base], f"{first_style} on {inside[1][1]}"))
        else:
            cells.append((LOWER[top_all], inside[-1][1]))
    return cells[::-1]


def minutes_style(minutes: int, band: tuple[int, int]) -> str:
    low, high = band
    if minutes < low:
        return "$warning"
    return "$success" if minutes <= high else "$error"


def ratio_style(ratio: float) -> str:
    low, high = SWEET_SPOT
    if ratio >= 1.5:
        return "$error"
    if ratio > high:
        return "$warning"
    return "$success" if ratio >= low else MUTED


def ratio_cells(ratio: float | None, rows: int = 3) -> list[Cell]:
    """The ratio as a line, one mark in one of ``rows`` rows (top row first): three heights a row
    (▁ ─ ▔), so three rows of 0.5 each show it to about 0.17. Blank for no ratio."""
    if ratio is None:
        return [(" ", "")] * rows
    thirds = int((ratio - RATIO_FLOOR) / RATIO_ROW * 3)
    thirds = max(0, min(rows * 3 - 1, thirds))
    row, height = divmod(thirds, 3)
    out: list[Cell] = [(" ", "")] * rows
    out[rows - 1 - row] = ("▁─▔"[height], f"{ratio_style(ratio)} bold")
    return out


def _spark(value: float | None, low: float, high: float) -> str:
    if value is None:
        return "·"
    share = (min(max(value, low), high) - low) / (high - low)
    return "▁▂▃▄▅▆▇█"[round(share * 7)]


def _in_band(char: str, style: str, tint: str | None) -> Cell:
    """A cell in a band's row: tinted behind (full colour); with 256 or 16 colours, where a tint
    rounds to a solid block of the bar's own colour, the band's empty cells are a dotted line."""
    if tint is not None:
        return (char, style if " on " in style else f"{style} on {tint}".strip())
    if char == " ":
        return ("┈", "$success")
    return (char, style)


class TrendChart(Widget, can_focus=True):
    DEFAULT_CSS = """
    TrendChart {
        height: auto;
        text-wrap: nowrap;
        text-overflow: clip;
    }
    """

    class Picked(Message):
        """A column was clicked: select week ``index``."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.weeks: list[WeekTrend | None] = []
        self.starts: list[dt.date] = []
        self.selected = 0
        self.tall = False
        self._version = 0
        # With 256 or 16 colours (or none), no background tints: they round to solid blocks. Read from
        # the terminal on mount; tests set it.
        self.reduced = False
        # (theme key, style by name, the theme's CSS variables): see _style.
        self._styles: tuple[object, dict[str, Style], dict[str, str]] | None = None

    def on_mount(self) -> None:
        # (Headless, as in tests and screenshots, the drawing is exported in full colour.)
        self.reduced = not self.app.is_headless and self.app.console.color_system != "truecolor"

    def show(
        self,
        starts: Sequence[dt.date],
        weeks: Sequence[WeekTrend | None],
        selected: int,
        tall: bool | None = None,
    ) -> None:
        """``weeks[i]`` is the week starting ``starts[i]``, or None while it is being worked out."""
        before = self._rows()
        starts, weeks = list(starts), list(weeks)
        if (
            starts != self.starts
            or len(weeks) != len(self.weeks)
            or any(a is not b for a, b in zip(weeks, self.weeks))
        ):
            self._version += 1  # new numbers: drawn again; a new selection alone is not
        self.starts, self.weeks, self.selected = starts, weeks, selected
        if tall is not None:
            self.tall = tall
        self.refresh(layout=self._rows() != before)

    # -- geometry -----------------------------------------------------------------------------------

    def _heights(self) -> dict[str, int]:
        return {"load": 8 if self.tall else 5, "cardio": 4 if self.tall else 3, "ratio": 3}

    def _rows(self) -> int:
        h = self._heights()
        return h["load"] + h["cardio"] + 1 + 2 + h["ratio"] + (2 if self.tall else 0) + 1

    def get_content_height(self, container, viewport, width: int) -> int:
        return self._rows()

    def column_width(self, width: int | None = None) -> int:
        width = self.content_size.width if width is None else width
        n = max(1, len(self.weeks))
        return max(1, min(9, (width - LABEL) // n))

    def on_click(self, event: events.Click) -> None:
        cw = self.column_width()
        index = (event.x - LABEL) // cw
        if event.x >= LABEL and 0 <= index < len(self.weeks):
            self.post_message(self.Picked(index))

    # -- drawing ------------------------------------------------------------------------------------

    # Drawn as strips of segments, not as Content: a 52-week chart is a thousand styled cells, and
    # styling Content span by span cost several frames per redraw. Styles are the theme's variables,
    # resolved once per theme. Each column's cells are worked out once for its numbers and kept:
    # moving the selection re-styles one column and joins the lines again.

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        # (background_colors walks up the DOM: asked once a drawing, not once a line)
        if not y or getattr(self, "_theme_key", None) is None:
            self._theme_key = (self.app.theme, self.background_colors)
        key = (self._version, self.tall, width, self._theme_key, self.selected, self.reduced)
        if key != getattr(self, "_strips_key", None):
            self._strips_key = key
            self._strips = [self._strip(row, width) for row in self.rows(width)]
        return self._strips[y] if y < len(self._strips) else Strip.blank(width, self._style(""))

    def _strip(self, row: list[tuple[str, str]], width: int) -> Strip:
        segments: list[Segment] = []
        texts: list[str] = []
        style = last = None
        for part, name in row:
            if name != last:
                last, resolved = name, self._style(name)
                if resolved is not style:  # one style object per name: a run of one name is one piece
                    if texts:
                        segments.append(Segment("".join(texts), style))
                    texts, style = [], resolved
            texts.append(part)
        if texts:
            segments.append(Segment("".join(texts), style))
        return Strip(segments).adjust_cell_length(width, self._style(""))

    def _style(self, name: str) -> Style:
        """ "$success", "$warning bold", "$primary on $success 20%", "" -> a Rich style in this theme."""
        cache = self._styles
        theme = self._theme_key
        if cache is None or cache[0] != theme:
            variables = self.app.get_css_variables()
            self._styles = cache = (theme, {}, variables)
        found = cache[1].get(name)
        if found is None:
            variables = cache[2]
            base = theme[1][1]
            fore, _, back = f" {name}".partition(" on ")
            words = fore.split()
            bold = "bold" in words
            reverse = "reverse" in words
            colour = next((w for w in words if w.startswith("$")), None)
            fg = self._colour(colour, words, variables, base) if colour else None
            bg = base  # every cell paints its background: no hole shows through
            if back:
                back_words = back.split()
                bg = self._colour(back_words[0], back_words, variables, base)
            if reverse:
                fg, bg = bg, (fg or Color.parse(variables["foreground"]))
            found = cache[1][name] = Style(
                color=fg.rich_color if fg else None, bgcolor=bg.rich_color, bold=bold
            )
        return found

    @staticmethod
    def _colour(name: str, words: list[str], variables: dict[str, str], base: Color) -> Color:
        colour = Color.parse(variables.get(name[1:], variables["foreground"]))
        share = next((float(w[:-1]) / 100 for w in words if w.endswith("%")), None)
        if share is not None:
            colour = colour.with_alpha(colour.a * share)
        # Translucent theme colours ("foreground-muted") and shares are blended onto the background.
        return base.blend(colour, colour.a) if colour.a < 1 else colour

    def rows(self, width: int) -> list[list[tuple[str, str]]]:
        """Every line of the chart as (text, style) parts, the selected week highlighted."""
        weeks = self.weeks
        if not weeks:
            return [[("", "")]]
        cw = self.column_width(width)
        key = (self._version, self.tall, cw, self.reduced)
        if getattr(self, "_parts_key", None) != key:
            self._parts_key = key
            self._parts = [self._column_parts(i, cw, selected=False) for i in range(len(weeks))]
        columns = list(self._parts)
        if 0 <= self.selected < len(columns):
            columns[self.selected] = self._column_parts(self.selected, cw, selected=True)
        out = [
            [label, *(part for column in columns for part in column[r])]
            for r, label in enumerate(self._labels(cw))
        ]
        out.append([(" " * LABEL, ""), *self._axis(cw)])
        return out

    def _column_parts(self, i: int, cw: int, selected: bool) -> list[list[tuple[str, str]]]:
        """Week ``i``'s column, one list of (text, style) parts a line, ``cw`` cells wide."""
        bw = cw - 1 if cw >= 3 else cw  # a gap between columns when there is room
        gap = [(" " * (cw - bw), "")] if bw < cw else []
        h = self._heights()
        mix_row = h["load"] + h["cardio"]  # its text is centred, not repeated across the column
        out = []
        for r, (text, style) in enumerate(self._columns()[i]):
            if selected and not self.reduced:
                style = f"{style.split(' on ')[0]} on $primary 30%".strip()
            elif selected:  # no tint to round to a block: the column in bold, its date reversed
                style = f"{style} bold".strip()
            if r == mix_row and bw < MIX_WIDE:
                text = _hard_and_not(text)
            if len(text) == 1 and r != mix_row:
                text = text * bw
            elif len(text) > bw:
                text = "▪" * bw
            out.append([(f"{text:^{bw}}", style), *gap])
        return out

    def _columns(self) -> list[list[Cell]]:
        """Every week's cells, top row first (kept while the numbers and the height stay)."""
        key = (self._version, self.tall, self.reduced)
        if getattr(self, "_columns_key", None) != key:
            h = self._heights()
            known = [w for w in self.weeks if w is not None]
            top_load = max((w.load for w in known), default=0) or 1
            band = self._band()
            # The band's top sits on a row boundary, so the band is (mostly) one tinted row.
            top_minutes = max(
                band[1] * h["cardio"] / (h["cardio"] - 1), max((w.cardio_minutes for w in known), default=0)
            )
            step = top_minutes / h["cardio"]
            self._band_rows = {
                r for r in range(h["cardio"]) if r * step < band[1] and (r + 1) * step > band[0]
            }
            top_model = max((max(x.fitness, x.fatigue) for x in known), default=0) or 1
            self._columns_key = key
            tint = None if self.reduced else "$success 20%"
            self._cached_columns = [
                self._column(w, h, top_load, top_minutes, self._band_rows, top_model, tint)
                for w in self.weeks
            ]
        return self._cached_columns

    def _band(self) -> tuple[int, int]:
        known = [w for w in self.weeks if w is not None]
        return known[-1].target_minutes if known else (150, 180)

    def _column(
        self,
        w: WeekTrend | None,
        h: dict[str, int],
        top_load: float,
        top_minutes: float,
        band_rows: set[int],
        top_model: float,
        tint: str | None,
    ) -> list[Cell]:
        """One week's cells, top row first: (text, style); one-character text fills the column."""
        if w is None:  # not computed yet: a dim dot where each measure goes
            dot = ("·", MUTED)
            return (
                [(" ", "")] * (h["load"] - 1)
                + [dot]
                + [(" ", "")] * h["cardio"]
                + [dot] * 3
                + [(" ", "")] * h["ratio"]
                + ([dot] * 2 if self.tall else [])
            )
        if w.before_history:  # before the first log: a faint floor, no measure (the words say so)
            rows = h["load"] + h["cardio"] + 3 + h["ratio"] + (2 if self.tall else 0)
            return [(" ", "")] * (h["load"] - 1) + [("╌", MUTED)] + [(" ", "")] * (rows - h["load"])
        col: list[Cell] = stacked([(w.leg_load, LEGS), (w.cardio_load, CARDIO)], h["load"], top_load)
        bars = stacked(
            [(w.cardio_minutes, minutes_style(w.cardio_minutes, w.target_minutes))], h["cardio"], top_minutes
        )
        for r, (char, style) in enumerate(bars):
            if h["cardio"] - 1 - r in band_rows:
                char, style = _in_band(char, style, tint)
            col.append((char, style))
        sessions = w.hard + w.easy
        if sessions:
            mix = f"{w.hard}/{w.moderate}/{w.easy - w.moderate}"  # w.easy: every session not hard
            col.append((mix, "$warning" if w.easy / sessions < 0.75 else "$foreground"))
        else:
            col.append(("·", MUTED))
        col.append((_spark(w.soreness, 0, 10), "$warning" if w.soreness is not None else MUTED))
        col.append((_spark(w.readiness, 0, 100), "$success" if w.readiness is not None else MUTED))
        for r, (char, style) in enumerate(ratio_cells(w.acwr, h["ratio"])):
            band = r == h["ratio"] // 2  # the middle row is 0.8-1.3
            col.append(_in_band(char, style, tint) if band else (char, style))
        if self.tall:
            col.append((_spark(w.fitness, 0, top_model), "$secondary"))
            col.append((_spark(w.fatigue, 0, top_model), "$accent"))
        return col

    def _labels(self, cw: int) -> list[tuple[str, str]]:
        h, band = self._heights(), self._band()
        self._columns()  # (sets the band's rows)
        band_rows = self._band_rows

        def label(text: str, style: str = MUTED) -> tuple[str, str]:
            return (f"{text:<{LABEL - 1}}"[: LABEL - 1] + " ", style)

        load = (
            [label("load")] + [label("")] * (h["load"] - 3) + [label("cardio", CARDIO), label("legs", LEGS)]
        )
        top_band = max(band_rows, default=-1)
        minutes = [
            label(
                "mins" if i == 0 else f"{band[0]}-{band[1]}" if h["cardio"] - 1 - i == top_band else "",
                "$success" if h["cardio"] - 1 - i == top_band else MUTED,
            )
            for i in range(h["cardio"])
        ]
        ratio = [label("ratio"), label("0.8-1.3"), label("")]
        model = [label("fitness", "$secondary"), label("fatigue", "$accent")] if self.tall else []
        return [
            *load,
            *minutes,
            label("h/m/e" if (cw - 1 if cw >= 3 else cw) >= MIX_WIDE else "hard/ez"),
            label("sore", "$warning"),
            label("ready", "$success"),
            *ratio,
            *model,
        ]

    def _axis(self, cw: int) -> list[tuple[str, str]]:
        """Week dates under their columns, the selected one first, then as many of the others as fit
        with a space between (newest first)."""
        n = len(self.weeks)
        starts = self.starts
        width = n * cw
        cells = [" "] * width
        styles = [""] * width
        taken = [False] * (width + 1)
        short = cw * max(1, -(-6 // cw)) < 6
        order = [self.selected] + [i for i in range(n - 1, -1, -1) if i != self.selected]
        for i in order:
            if not 0 <= i < min(n, len(starts)):
                continue
            text = f"{starts[i]:%d}" if short else f"{starts[i]:%d/%m}"
            x = max(0, min(i * cw, width - len(text)))
            lo, hi = max(0, x - 1), min(width, x + len(text) + 1)
            if any(taken[lo:hi]):
                continue
            for k, ch in enumerate(text):
                cells[x + k] = ch
                styles[x + k] = "$primary bold reverse" if i == self.selected else MUTED
                taken[x + k] = True
        return list(zip(cells, styles))


def _hard_and_not(mix: str) -> str:
    """ "1/1/4" (hard/moderate/easy) -> "1/5" (hard/not hard), for a column too narrow for three."""
    if mix.count("/") != 2:
        return mix
    hard, moderate, easy = mix.split("/")
    return f"{hard}/{int(moderate) + int(easy)}"
