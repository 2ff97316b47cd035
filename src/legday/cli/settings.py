"""``legday settings [--calendar-file PATH|none] [--week-start mon..sun] [--theme NAME]
[--morning-reminder on|off] [--morning-reminder-time HH:MM]``.

Like ``legday profile``: no option prints the settings, options change just those. Setting a
calendar file writes it at once and legday keeps it current after every change.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import tomllib
from pathlib import Path

from legday.cli import say
from legday.core.model import WEEKDAYS

NONE_WORDS = ("", "none", "-", "off")


def command_parser(name: str, make) -> argparse.ArgumentParser:
    p = make(
        "settings",
        "[--calendar-file PATH|none] [--week-start mon..sun] [--theme NAME] "
        "[--morning-reminder on|off] [--morning-reminder-time HH:MM]",
        "Without options, print your settings. With options, change those and keep the rest.\n"
        "--calendar-file: an .ics file legday rewrites after every change (subscribe to it in a\n"
        "calendar app); 'none' stops it. --morning-reminder: a soreness check-in event each\n"
        "coming morning in that file and in `legday export ics` (on by default, at 07:30).",
    )
    p.add_argument("--calendar-file", metavar="PATH|none", help="keep the plan in this .ics file")
    p.add_argument("--week-start", metavar="mon..sun", help="first day of the week")
    p.add_argument("--theme", metavar="NAME", help="colour theme of the app")
    p.add_argument("--morning-reminder", metavar="on|off", help="a check-in event each coming morning")
    p.add_argument("--morning-reminder-time", metavar="HH:MM", help="when (default 07:30)")
    return p


def on_off(text: str) -> bool:
    """``on``/``off`` (and yes/no, true/false) as a person types them; InputError says what is accepted."""
    from legday.core.errors import InputError

    word = text.strip().lower()
    if word in ("on", "yes", "true", "1"):
        return True
    if word in ("off", "no", "false", "0", "none"):
        return False
    raise InputError(f"morning reminder {text!r} is not on or off; accepted: on, off")


def theme_names(config_dir: Path) -> list[str]:
    """legday's themes (installed or in the repository) and the person's own, by the name in each
    file. Read here without Textual, so `legday settings` stays quick."""
    here = Path(__file__).resolve()
    dirs = [here.parent.parent / "themes", here.parents[3] / "themes", Path(config_dir) / "themes"]
    names: list[str] = []
    for folder in dirs:
        for path in sorted(folder.glob("*.toml")) if folder.is_dir() else ():
            try:
                name = tomllib.loads(path.read_text("utf-8")).get("name")
            except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
                continue
            if isinstance(name, str) and name not in names:
                names.append(name)
    return names


def _theme(text: str, config_dir: Path) -> str:
    from legday.core.errors import InputError

    name = text.strip()
    known = theme_names(config_dir)
    if name in known:
        return name
    from textual.theme import BUILTIN_THEMES  # only when the name is not one of legday's

    known += [n for n in BUILTIN_THEMES if n not in known]
    if name not in known:
        raise InputError(f"theme {text!r} unknown; accepted: {', '.join(known)}")
    return name


def _week_start(text: str) -> int:
    from legday.core.model import weekday_number

    return weekday_number(text)


def cmd_settings(ns: argparse.Namespace, now: dt.datetime) -> int:

    from legday.cli.commands import _journal

    journal = _journal(ns, now)
    config_dir = journal.config_dir
    changes: dict = {}
    if ns.week_start is not None:
        changes["week_start"] = _week_start(ns.week_start)
    if ns.theme is not None:
        changes["theme"] = _theme(ns.theme, config_dir)
    if ns.calendar_file is not None:
        from legday.journal import calendar_file_setting

        changes["calendar_file"] = calendar_file_setting(ns.calendar_file)
    if ns.morning_reminder is not None:
        changes["morning_reminder"] = on_off(ns.morning_reminder)
    if ns.morning_reminder_time is not None:
        from legday.core.parse import parse_time

        changes["morning_reminder_time"] = parse_time(ns.morning_reminder_time)
    current = journal.settings
    for problem in journal.settings_problems:
        say("warning", problem)
    if not changes:
        for key, value in _lines(current):
            print(f"{key:<16}  {value}")
        return 0
    settings = dataclasses.replace(current, **changes)
    # A new calendar file is written at once (a warning if it cannot be; the settings are saved).
    journal.save_settings(settings)
    print("saved settings: " + ", ".join(f"{k} {v}" for k, v in _lines(settings)))
    return 0


def _lines(s) -> list[tuple[str, str]]:
    from legday.core.names import escaped

    return [
        ("theme", escaped(s.theme)),
        ("week start", WEEKDAYS[s.week_start]),
        ("calendar file", escaped(s.calendar_file or "none")),
        ("morning reminder", f"{s.morning_reminder_time:%H:%M}" if s.morning_reminder else "off"),
    ]
