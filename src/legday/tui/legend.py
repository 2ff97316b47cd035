"""How the app shows a plan: one place for glyphs, colours and short wording.

The grid, the suggestion pane and the help screen's colour legend all read from here, so a colour
means the same thing everywhere. Colours are Textual theme variables ($success, $warning...), so every
theme (ours and the built-in ones) gets an intensity scale that fits it.
"""

from __future__ import annotations

from textual.content import Content

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

# Status -> glyph: filled for what happened, hollow for what is proposed, a cross for a skip.
STATUS_GLYPH = {"done": "●", "planned": "○", "suggested": "○", "skipped": "×"}

# (what, style, meaning) rows for the help screen's legend.
LEGEND: tuple[tuple[str, str, str], ...] = (
    ("legs", LEGS_STYLE, "a leg session"),
    ("recovery", INTENSITY_STYLE["recovery"], "recovery: walk, yoga, easy spin; effort 1-2"),
    ("easy", INTENSITY_STYLE["easy"], "easy: you can talk in full sentences; effort 2-4"),
    ("moderate", INTENSITY_STYLE["moderate"], "moderate: talk in short phrases; effort 4-6"),
    ("hard", INTENSITY_STYLE["tempo"], "tempo, intervals, sprints: a few words at most; effort 6+"),
    ("rest", REST_STYLE, "rest day"),
)
GLYPH_LEGEND: tuple[tuple[str, str], ...] = (
    (STATUS_GLYPH["done"], "done: logged"),
    (STATUS_GLYPH["suggested"], "planned or suggested"),
    (STATUS_GLYPH["skipped"], "skipped"),
)


def session_style(session: Session) -> str:
    if session.kind == "legs":
        return LEGS_STYLE
    if session.kind == "rest":
        return REST_STYLE
    return INTENSITY_STYLE.get(session.intensity or "", "$foreground")


def session_name(session: Session) -> str:
    if session.kind == "legs":
        return "legs"
    if session.kind == "rest":
        return "rest"
    return session.modality or session.kind


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


def soreness_words(level: int) -> str:
    """The same words the check-in slider shows for each level."""
    from legday.tui.widgets.slider import soreness_words as words

    return words(level)


def minutes_text(session: Session) -> str:
    return f"{session.minutes}'" if session.minutes else ""


def effort_text(session: Session) -> str:
    if not session.effort:
        return ""
    low, high = session.effort
    return f"{low}" if low == high else f"{low}-{high}"


def session_line(session: Session) -> Content:
    """One-line summary: '● bike easy 25'' (the grid uses it split over two lines when narrow)."""
    glyph = STATUS_GLYPH.get(session.status, "·")
    style = session_style(session)
    if session.status == "skipped":
        style = f"{REST_STYLE} strike"
    return Content.assemble((f"{glyph} {session_name(session)}", style))


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
