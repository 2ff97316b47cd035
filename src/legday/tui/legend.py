"""How the app shows a plan: one place for glyphs, colours and short wording.

The grid, the suggestion pane and the help screen's colour legend all read from here, so a colour
means the same thing everywhere. Colours are Textual theme variables ($success, $warning...), so every
theme (ours and the built-in ones) gets an intensity scale that fits it.
"""

from __future__ import annotations

from textual.content import Content

from legday.core import words
from legday.core.plan import HARD_INTENSITIES, Session

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


# (what, style, meaning) rows for the help screen's legend.
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("legs", LEGS_STYLE, "a leg session"),
    ("recovery", INTENSITY_STYLE["recovery"], "recovery: walk, yoga, easy spin; effort 1-2"),
    ("easy", INTENSITY_STYLE["easy"], "easy: you can talk in full sentences; effort 2-4"),
    ("moderate", INTENSITY_STYLE["moderate"], "moderate: talk in short phrases; effort 4-6"),
    ("hard", INTENSITY_STYLE["tempo"], "tempo, intervals, sprints: a few words at most; effort 6+"),
    ("rest", REST_STYLE, "rest day"),
)
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


def is_hard(session: Session) -> bool:
    return session.intensity in HARD_INTENSITIES


def soreness_style(level: int) -> str:
    if level >= 7:
        return "$error"
    if level >= 4:
        return "$warning"
    return "$success"


def readiness_style(readiness: int) -> str:
    if readiness < 40:
        return "$error"
    if readiness < 70:
        return "$warning"
    return "$success"


def minutes_text(session: Session) -> str:
    return f"{session.minutes}'" if session.minutes else ""


def session_line(session: Session) -> Content:
    """One-line summary: '✓ bike' (the grid uses it split over two lines when narrow)."""
    glyph = words.STATUS_MARK.get(session.status, "·")
    style = session_style(session)
    if session.status == "skipped":
        style = f"{REST_STYLE} strike"
    return Content.assemble((f"{glyph} {words.session_name(session)}", style))


def sparkline(values: list[int | None], low: int, high: int) -> str:
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
