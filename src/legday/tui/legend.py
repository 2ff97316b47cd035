"""How the app shows a plan: one place for glyphs, colours and short wording.

The grid, the suggestion pane and the help screen's colour legend all read from here, so a colour
means the same thing everywhere. Colours are Textual theme variables ($success, $warning...), so every
theme (ours and the built-in ones) gets an intensity scale that fits it.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content

from legday.core import words
from legday.core.plan import Session

# Intensity -> theme colour. Green is easy, amber moderate, red hard: the traffic light people expect.
INTENSITY_STYLE: dict[str, str] = {
    "recovery": "$secondary",
    "easy": "$success",
    "moderate": "$warning",
    "tempo": "$error",
    "intervals": "$error",
    "sprints": "$error",
}
LEGS_STYLE = "$primary bold"
REST_STYLE = "$foreground-muted"


# Where the colour of a morning's soreness (0-10) and of the legs' readiness (0-100) changes: the
# lowest value of each band and its colour. The grid, the pane and help's legend all use these.
SORENESS_BANDS: tuple[tuple[int, str], ...] = ((0, "$success"), (4, "$warning"), (7, "$error"))
READINESS_BANDS: tuple[tuple[int, str], ...] = ((0, "$error"), (40, "$warning"), (70, "$success"))


def legend_rows() -> list[tuple[str, str, str]]:
    """(what, style, meaning) rows for help's colour legend. The intensities' efforts and talk-test
    words are the planner's own (core/words.intensity_legend), so help cannot contradict a plan."""
    rows = [("legs", LEGS_STYLE, "a leg session")]
    rows += [(name, INTENSITY_STYLE[name], meaning) for name, meaning in words.intensity_legend()]
    rows.append(("rest", REST_STYLE, "a rest day"))
    return rows


def bands(bands: tuple[tuple[int, str], ...], top: int) -> list[tuple[str, str]]:
    """("0-3", "$success"), ("4-6", "$warning"), ("7-10", "$error") for ``SORENESS_BANDS``, 10."""
    ends = [low - 1 for low, _ in bands[1:]] + [top]
    return [(f"{low}-{end}", style) for (low, style), end in zip(bands, ends)]


def _band_style(bands: tuple[tuple[int, str], ...], value: int) -> str:
    return next(style for low, style in reversed(bands) if value >= low)


# (status, meaning) rows for the marks (core/words.py's STATUS_MARK, shared with the CLI).
MARK_MEANINGS: tuple[tuple[str, str], ...] = (
    ("done", "done: logged"),
    ("planned", "planned: a leg day from your usual days"),
    ("suggested", "suggested: what legday proposes"),
    ("skipped", "skipped"),
)


def session_style(session: Session) -> str:
    if session.kind == "legs":
        return LEGS_STYLE
    if session.kind == "rest":
        return REST_STYLE
    return INTENSITY_STYLE.get(session.intensity or "", "$foreground")


def is_actionable(session: Session) -> bool:
    """A suggestion the person can mark done or skip."""
    return session.status == "suggested" and session.kind in ("cardio", "recovery")


def soreness_style(level: int) -> str:
    return _band_style(SORENESS_BANDS, level)


def readiness_style(readiness: int) -> str:
    return _band_style(READINESS_BANDS, readiness)


def minutes_text(session: Session) -> str:
    return f"{session.minutes}'" if session.minutes else ""


def session_line(session: Session) -> Content:
    """One-line summary: '✓ bike' (the grid uses it split over two lines when narrow)."""
    glyph = words.STATUS_MARK.get(session.status, "·")
    style = session_style(session)
    if session.status == "skipped":
        style = f"{REST_STYLE} strike"
    return Content.assemble((f"{glyph} {words.session_name(session)}", style))


def sparkline(values: Sequence[int | None], low: int, high: int) -> str:
    """Block characters for ``values`` scaled from ``low`` to ``high``; a gap (·) where None.

    Textual's Sparkline widget would bucket and smooth the data; here each day must stay one
    column with missing days visible, so the blocks are drawn directly.
    """
    blocks = "▁▂▃▄▅▆▇█"
    out = []
    for value in values:
        if value is None:
            out.append("·")
            continue
        share = (min(max(value, low), high) - low) / (high - low)
        out.append(blocks[round(share * (len(blocks) - 1))])
    return "".join(out)
