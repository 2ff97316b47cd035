"""The readable ``legday plan``: a Rich table of the week that fits 80 columns, then today's
suggestion with the reasons behind it, each citing its evidence ID and source.

Only imported for the readable output; ``plan --json`` never loads Rich.
"""

from __future__ import annotations

import datetime as dt
import sys

from rich import box
from rich.console import Console, Group
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from legday.core import words
from legday.core.names import escaped
from legday.core.plan import DayPlan, Reason, Session, WeekPlan, session_mix

# One mark per status (shared with the app), so a glance down the table tells logged from planned
# from suggested.
MARKS = words.STATUS_MARK
STATUS_STYLE = {"done": "green", "planned": "cyan", "suggested": "bold", "skipped": "dim strike"}


def _day_label(day: dt.date) -> str:
    return day.strftime("%a %d").replace(" 0", "  ")


def _range(effort: tuple[int, int] | None) -> str:
    return f"effort {words.effort_range(effort)}" if effort else ""


# The table's columns around the sessions: the box's edges, the day ("▶ Wed 18"), Sore, Ready and
# the gaps between them take this many cells; the sessions get the rest, up to SESSIONS_MOST.
TABLE_FRAME = 23
SESSIONS_MOST, SESSIONS_LEAST = 58, 24
# A session line's parts are joined by this; the table wraps only here, never inside a part.
SEP = " · "
# A wrapped session line goes on under its first word (after the mark), with its separator first.
HANG = "  "
# The table's "+N h": only in the days the rules count from the lift (the leg day, the next two).
AFTER_LEGS_SHOWN = 72


def session_parts(s: Session, short: bool = False) -> list[str]:
    """The parts of a session line, each a whole: ``["easy run", "20 min", "effort 3-4", "19:00
    +25 h"]``. ``short`` (the table) joins the start and the hours after legs as one part, and leaves
    the hours out from the third day on."""
    parts = [words.session_title(s)]
    if s.minutes:
        parts.append(f"{s.minutes} min")
    if s.effort:
        parts.append(_range(s.effort))
    if s.start:
        parts.append(s.start.strftime("%H:%M"))
    if s.hours_after_legs is not None and s.kind != "legs":
        if not short:
            parts.append(words.after_legs(s.hours_after_legs))
        elif s.hours_after_legs < AFTER_LEGS_SHOWN:
            after = f"+{words.hours_text(s.hours_after_legs)}"
            if s.start:
                parts[-1] += f" {after}"
            else:
                parts.append(after)
    # A leg day the plan dropped and offers on another day: both ends say where.
    if s.moved_from is not None:
        parts.append(f"moved from {s.moved_from:%a} {s.moved_from.day}")
    if s.moved_to is not None:
        parts.append(f"legs moved to {s.moved_to:%a} {s.moved_to.day}")
    return [escaped(p) for p in parts]


def session_line(s: Session, short: bool = False) -> str:
    """``easy run · 20 min · effort 3-4 · 19:00 · 25 h after legs`` (only the parts that exist);
    ``short`` ends ``19:00 +25 h`` instead, for the table."""
    return SEP.join(session_parts(s, short))


def wrap_parts(parts: list[str], width: int, lead: int = 2) -> list[str]:
    """``parts`` joined by SEP in lines of at most ``width`` cells, broken only between parts: a line
    that goes on starts with HANG and its separator, under the first word (``lead``: the cells before
    the first line, its status mark). A part too long for any line (a 100-character name) is cut."""
    from rich.cells import cell_len

    lines: list[str] = []
    line = ""
    for part in parts:
        if not line:
            first = not lines
            line = part if first else HANG + SEP.lstrip() + part
            room = width - (lead if first else 0)
        elif cell_len(line) + cell_len(SEP + part) <= room:
            line += SEP + part
            continue
        else:
            lines.append(line)
            line = HANG + SEP.lstrip() + part
            room = width
        while cell_len(line) > room:  # only a single part longer than a whole line gets here
            cut = _fit(line, room)
            lines.append(line[:cut])
            line = HANG + line[cut:]
            room = width
    if line:
        lines.append(line)
    return lines


def _fit(text: str, room: int) -> int:
    """How many characters of ``text`` fit in ``room`` cells (one at least)."""
    from rich.cells import cell_len

    n = len(text)
    while n > 1 and cell_len(text[:n]) > room:
        n -= 1
    return n


def _sessions_cell(day: DayPlan, width: int) -> Text:
    text = Text()
    for i, s in enumerate(day.sessions):
        if i:
            text.append("\n")
        style = STATUS_STYLE.get(s.status, "")
        mark = f"{MARKS.get(s.status, '·')} "
        text.append(mark, style=style)
        text.append("\n".join(wrap_parts(session_parts(s, short=True), width, len(mark))), style=style)
    if not day.sessions:
        text.append("—", style="dim")
    return text


def week_table(plan: WeekPlan, width: int = 80) -> Table:
    """The week in ``width`` columns: each session on a line, wrapped only between its parts."""
    first, last = plan.days[0].date, plan.days[-1].date
    sessions_width = max(SESSIONS_LEAST, min(SESSIONS_MOST, width - TABLE_FRAME))
    table = Table(
        title=f"Week of {first:%a %d %b %Y} – {last:%a %d %b}, as of {plan.today:%a %d %b}",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        show_edge=False,
        collapse_padding=True,
        expand=False,
        caption=f"{words.MARKS_LEGEND}   +N h: hours after legs",
        caption_justify="left",
    )
    table.add_column("Day", no_wrap=True)
    table.add_column("Sore", justify="right", no_wrap=True)
    table.add_column("Ready", justify="right", no_wrap=True)
    # Wrapped here, between parts (``wrap_parts``): Rich's own wrap would break "18:00 +23 h" in two.
    table.add_column("Sessions", no_wrap=True, overflow="crop", max_width=sessions_width)
    for day in plan.days:
        is_today = day.date == plan.today
        label = ("▶ " if is_today else "  ") + _day_label(day.date)
        sore = "" if day.soreness is None else str(day.soreness)
        if day.pain:
            sore += "!"
        table.add_row(
            Text(label, style="bold" if is_today else ""),
            sore,
            str(day.readiness),
            _sessions_cell(day, sessions_width),
            style="on grey11" if is_today else "",
        )
    return table


def _totals(plan: WeekPlan) -> Text:
    t = plan.totals
    low, high = t.target_minutes
    hard, moderate, easy = session_mix(t)  # as the sessions are labelled
    line = (
        f"This week: {t.cardio_minutes} min cardio (aim {low}-{high}), "
        f"{hard} hard, {moderate} moderate, {easy} easy, {t.leg_sessions} leg session{'s' if t.leg_sessions != 1 else ''}"
    )
    if t.acwr is not None:
        line += f", load ratio {t.acwr:.2f}"
    return Text(line)


def _week_notes(plan: WeekPlan) -> Group:
    """Which weekly target the plan aims at, and why it falls short of it (if it does)."""
    notes = ([plan.totals.target_why] if plan.totals.target_why else []) + list(plan.notes)
    return Group(*(_para(Text.assemble(n.text, (f" ({n.id}, {n.source})", "dim")), 2) for n in notes))


def _reasons_grid(reasons: tuple[Reason, ...], indent: int = 2) -> Padding:
    """``E2 text (Source)``, the text wrapping beside the ID."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    for r in reasons:
        grid.add_row(r.id, Text.assemble(r.text, (f" ({r.source})", "dim")))
    return Padding(grid, (0, 0, 0, indent), expand=False)


def _para(text: str | Text, indent: int, style: str = "") -> Padding:
    """A paragraph whose wrapped lines stay under its first character."""
    body = text if isinstance(text, Text) else Text(text, style=style)
    return Padding(body, (0, 0, 0, indent), expand=False)


def _indented(lines: tuple[str, ...], indent: int, style: str = "") -> Group:
    """Lines that wrap under their own first character; leading spaces add to the indent."""
    return Group(
        *(_para(line.lstrip(" "), indent + len(line) - len(line.lstrip(" ")), style) for line in lines)
    )


def today_section(plan: WeekPlan) -> Group:
    """Today's suggestion(s) and why; falls back to what is planned or logged today."""
    parts: list = []
    day = plan.day(plan.today)
    if day is None:
        return Group()
    chosen = [s for s in day.sessions if s.status == "suggested"] or list(day.sessions)
    heading = f"Today, {plan.today:%a %d %b}"
    if day.readiness_why:
        heading += f" — leg readiness {day.readiness}"
    parts.append(Text(heading, style="bold underline"))
    if day.readiness_why:
        parts.append(_indented(day.readiness_why, 2, style="dim"))
        parts.append(Text(""))
    if not chosen:
        parts.append(Text("  Nothing planned or logged."))
    for i, s in enumerate(chosen):
        if i:
            parts.append(Text(""))
        head = Text(f"{MARKS.get(s.status, '·')} {session_line(s)}", style="bold")
        head.append(f"  [{s.status}]", style="dim")
        parts.append(_para(head, 2))
        if s.talk:
            parts.append(_para(f"Talk test: {s.talk}", 4))
        if s.detail:
            parts.append(_para(s.detail, 4))
        if s.reasons:
            parts.append(Text("    Why:"))
            parts.append(_reasons_grid(s.reasons, indent=6))
        if s.choice:
            parts.append(_para(f"Choice: {s.choice}", 4, style="italic"))
        if s.addons:
            parts.append(Text("    Also:"))
            parts.append(_reasons_grid(s.addons, indent=6))
    if plan.warnings:
        parts.append(Text(""))
        parts.append(Text("Warnings", style="bold yellow"))
        parts.append(_reasons_grid(plan.warnings))
    return Group(*parts)


def render_plan(plan: WeekPlan, console: Console) -> None:
    console.print(week_table(plan, console.width))
    console.print(_totals(plan))
    console.print(_week_notes(plan))
    console.print()
    console.print(today_section(plan))


def print_plan(plan: WeekPlan) -> None:
    console = Console(highlight=False)
    if console.width > 100:
        console.width = 100  # a readable measure; the table's natural width is well below this
    if console.is_terminal:
        render_plan(plan, console)
        return
    # Piped or redirected: plain text without the padding Rich adds to the end of lines.
    with console.capture() as captured:
        render_plan(plan, console)
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
