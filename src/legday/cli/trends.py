"""``legday trends``: the last weeks as numbers, a Rich table in 80 columns or JSON (a contract).

Through the journal, like every command: it reads only the weeks asked for and the planner's look-back
before them (``Journal.trends_window``), never the whole history. ``--json`` loads no Rich.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from legday.cli import say
from legday.core.parse import parse_date, parse_int
from legday.core.trends import DEFAULT_WEEKS, MAX_WEEKS, Trends, to_json


def cmd_trends(ns: argparse.Namespace, now: dt.datetime) -> int:
    # Every value is checked before a file is opened.
    weeks = parse_int(ns.weeks, 1, MAX_WEEKS, "weeks") if ns.weeks is not None else DEFAULT_WEEKS
    end = parse_date(ns.date) if ns.date else now.date()
    from legday.cli.commands import _journal, _profile

    journal = _journal(ns, now)
    _profile(journal)  # a profile file that cannot be read stops the command
    trends = journal.trends_window(weeks, end).trends()
    if ns.json:
        print(json.dumps(to_json(trends), indent=2))
    else:
        print_trends(trends)
    for problem in journal.settings_problems:
        say("warning", problem)
    problems = journal.file_problems
    for problem in problems:
        say("error", problem)
    return 1 if problems else 0


def _num(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"


def trends_table(trends: Trends):
    from rich import box
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    first = trends.weeks[0].week_start
    low, high = trends.weeks[-1].target_minutes
    band = f"{low}-{high}"
    table = Table(
        title=f"{len(trends.weeks)} weeks, {first:%d %b %Y} to {trends.end:%a %d %b %Y}",
        box=box.SIMPLE_HEAD,
        pad_edge=False,
    )
    notes = (
        f"Load = effort x minutes (S3). Min: cardio minutes, aim {band} a week (G6, S11);\n"
        "hard, moderate and easy sessions: aim about 80 % not hard (S11). Sore 0-10 and\n"
        "ready 0-100: means of the mornings (– when none was rated). Ratio: acute:chronic\n"
        "load (S5); 0.8-1.3 is called the sweet spot, a disputed claim: a warning, not a\n"
        "rule."
    )
    for name in ("Week of", "Legs", "Cardio", "Min", "Hard", "Mod", "Easy", "Sore", "Ready", "Ratio"):
        table.add_column(name, justify="left" if name == "Week of" else "right", no_wrap=True)
    for w in trends.weeks:
        low, high = w.target_minutes
        minutes_style = "yellow" if w.cardio_minutes < low else "red" if w.cardio_minutes > high else "green"
        ratio_style = "" if w.acwr is None or 0.8 <= w.acwr <= 1.3 else "yellow"
        label = f"{w.week_start:%d %b %y}" + (" *" if w.days < 7 else "")
        table.add_row(
            label,
            str(w.leg_load),
            str(w.cardio_load),
            Text(str(w.cardio_minutes), style=minutes_style),
            str(w.hard),
            str(w.moderate),  # as the week's totals count them: moderate apart from easy
            str(w.easy - w.moderate),
            _num(w.soreness),
            _num(w.readiness, 0),
            Text(_num(w.acwr, 2), style=ratio_style),
        )
    if trends.weeks[-1].days < 7:
        notes += f"\n* so far: up to {trends.weeks[-1].last_day:%a %d %b}."
    return Group(table, Text(notes))


def print_trends(trends: Trends) -> None:
    from rich.console import Console

    console = Console(highlight=False)
    if console.width > 100:
        console.width = 100
    if console.is_terminal:
        console.print(trends_table(trends))
        return
    # Piped: plain text without the padding Rich adds to the ends of lines.
    with console.capture() as captured:
        console.print(trends_table(trends))
    sys.stdout.write("".join(line.rstrip() + "\n" for line in captured.get().splitlines()))
