"""The readable ``legday plan``: a Rich table of the week that fits 80 columns, then today's
suggestion with the reasons behind it, each citing its evidence ID and source.

Only imported for the readable output; ``plan --json`` never loads Rich.
"""

from __future__ import annotations

import datetime as dt

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from legday.core.plan import DayPlan, Reason, Session, WeekPlan

# One mark per status, so a glance down the table tells logged from planned from suggested.
MARKS = {"done": "✓", "planned": "○", "suggested": "→", "skipped": "✗"}
STATUS_STYLE = {"done": "green", "planned": "cyan", "suggested": "bold", "skipped": "dim strike"}


def _day_label(day: dt.date) -> str:
    return day.strftime("%a %d").replace(" 0", "  ")


def _range(effort: tuple[int, int] | None) -> str:
    if not effort:
        return ""
    low, high = effort
    return f"effort {low}" if low == high else f"effort {low}-{high}"


def _hours(h: float) -> str:
    return f"{h:.0f}" if abs(h) >= 10 else f"{h:.1f}".rstrip("0").rstrip(".")


def _what(s: Session) -> str:
    """``easy bike``, ``tempo run``, ``run intervals``, ``recovery walk``, ``legs``, ``rest``."""
    if s.kind in ("legs", "rest"):
        return s.kind
    modality = s.modality or s.kind
    if not s.intensity or s.intensity == modality:
        words = modality
    elif s.intensity in ("intervals", "sprints"):
        words = f"{modality} {s.intensity}"
    else:
        words = f"{s.intensity} {modality}"
    if s.kind == "recovery" and "recovery" not in words:
        words = f"recovery {words}"
    return words


def session_line(s: Session) -> str:
    """``easy run · 20 min · effort 3-4 · 19:00 · 25 h after legs`` (only the parts that exist)."""
    parts = [_what(s)]
    if s.minutes:
        parts.append(f"{s.minutes} min")
    if s.effort:
        parts.append(_range(s.effort))
    if s.start:
        parts.append(s.start.strftime("%H:%M"))
    if s.hours_after_legs is not None and s.kind != "legs":
        parts.append(f"{_hours(s.hours_after_legs)} h after legs")
    return " · ".join(parts)


def _sessions_cell(day: DayPlan) -> Text:
    text = Text()
    for i, s in enumerate(day.sessions):
        if i:
            text.append("\n")
        text.append(f"{MARKS.get(s.status, '·')} ", style=STATUS_STYLE.get(s.status, ""))
        text.append(session_line(s), style=STATUS_STYLE.get(s.status, ""))
    if not day.sessions:
        text.append("—", style="dim")
    return text


def week_table(plan: WeekPlan) -> Table:
    first, last = plan.days[0].date, plan.days[-1].date
    table = Table(
        title=f"Week of {first:%a %d %b %Y} – {last:%a %d %b}, as of {plan.today:%a %d %b}",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        expand=False,
    )
    table.add_column("Day", no_wrap=True)
    table.add_column("Sore", justify="right", no_wrap=True)
    table.add_column("Ready", justify="right", no_wrap=True)
    table.add_column("Sessions", overflow="fold", max_width=58)
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
            _sessions_cell(day),
            style="on grey11" if is_today else "",
        )
    return table


def _totals(plan: WeekPlan) -> Text:
    t = plan.totals
    low, high = t.target_minutes
    line = (
        f"This week: {t.cardio_minutes} min cardio (aim {low}-{high}), "
        f"{t.hard_sessions} hard, {t.easy_sessions} easy, {t.leg_sessions} leg sessions"
    )
    if t.acwr is not None:
        line += f", load ratio {t.acwr:.2f}"
    return Text(line)


def _reasons_grid(reasons: tuple[Reason, ...], indent: int = 2) -> Table:
    grid = Table.grid(padding=(0, 1))
    grid.add_column(width=indent - 1 if indent > 1 else 0)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(ratio=1)
    for r in reasons:
        grid.add_row("", r.id, Text.assemble(r.text, (f" ({r.source})", "dim")))
    return grid


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
    for line in day.readiness_why:
        parts.append(Text(f"  {line}", style="dim"))
    if not chosen:
        parts.append(Text("  Nothing planned or logged."))
    for s in chosen:
        head = Text("  ")
        head.append(f"{MARKS.get(s.status, '·')} {session_line(s)}", style="bold")
        head.append(f"  [{s.status}]", style="dim")
        parts.append(head)
        if s.talk:
            parts.append(Text(f"    Talk test: {s.talk}"))
        if s.detail:
            parts.append(Text(f"    {s.detail}"))
        if s.reasons:
            parts.append(Text("    Why:"))
            parts.append(_reasons_grid(s.reasons, indent=5))
        if s.choice:
            parts.append(Text(f"    Choice: {s.choice}", style="italic"))
        if s.addons:
            parts.append(Text("    Also:"))
            parts.append(_reasons_grid(s.addons, indent=5))
    if plan.warnings:
        parts.append(Text("Warnings", style="bold yellow"))
        parts.append(_reasons_grid(plan.warnings))
    return Group(*parts)


def render_plan(plan: WeekPlan, console: Console) -> None:
    console.print(week_table(plan))
    console.print(_totals(plan))
    console.print()
    console.print(today_section(plan))


def print_plan(plan: WeekPlan) -> None:
    console = Console(highlight=False)
    if console.width > 100:
        console.width = 100  # a readable measure; the table's natural width is well below this
    render_plan(plan, console)
