"""One function per command. Each reads and checks every value first and only then opens the store,
so bad input never touches a file. Success prints one short line saying what was saved."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys

from legday.core.errors import InputError
from legday.core.model import (
    CardioSession,
    CheckIn,
    Goal,
    LegSession,
    Level,
    Profile,
    UNITS,
    WEEKDAYS,
    just_ended,
    parse_enum,
    parse_modalities,
    parse_weekdays,
)
from legday.core.parse import parse_date, parse_exercise, parse_float, parse_int, parse_time

MINUTES = (1, 600)
EFFORT = (0, 10)
NONE_WORDS = ("", "none", "-")


# -- shared helpers ---------------------------------------------------------------------------------


def _store(ns: argparse.Namespace):
    from legday.storage import Store, resolve_data_dir

    return Store(resolve_data_dir(ns.data_dir))


def _day(ns: argparse.Namespace, now: dt.datetime) -> dt.date:
    return parse_date(ns.date) if ns.date else now.date()


def _modality(text: str) -> str:
    name = " ".join(text.split()).lower()
    if not name:
        raise InputError("modality is empty; accepted: run, bike, swim, walk, row, ... or any name")
    return name


def _hm(t: dt.time | None) -> str:
    return t.strftime("%H:%M") if t else "--:--"


# -- logging ----------------------------------------------------------------------------------------


def cmd_legs(ns: argparse.Namespace, now: dt.datetime) -> int:
    effort = parse_int(ns.effort, *EFFORT, "effort")
    minutes = parse_int(ns.minutes, *MINUTES, "minutes")
    day = _day(ns, now)
    start = parse_time(ns.time) if ns.time else None
    # Parse with kg first so a bad exercise fails before any file is read; then again with the
    # profile's unit, which is what a load without a unit means.
    for text in ns.exercises:
        parse_exercise(text)
    store = _store(ns)
    profile = store.profile() or Profile()
    exercises = tuple(parse_exercise(text, profile.units) for text in ns.exercises)
    if start is None:
        start = just_ended(now, minutes) if day == now.date() else profile.leg_time
    session = LegSession(day, start, minutes, effort, exercises)
    store.add_legs(session)
    listed = ", ".join(str(e) for e in exercises)
    print(f"logged legs {day} {_hm(start)}: {listed} (effort {effort}, {minutes} min)")
    return 0


def cmd_cardio(ns: argparse.Namespace, now: dt.datetime) -> int:
    modality = _modality(ns.modality)
    minutes = parse_int(ns.minutes, *MINUTES, "minutes")
    effort = parse_int(ns.effort, *EFFORT, "effort")
    day = _day(ns, now)
    if ns.time:
        start: dt.time | None = parse_time(ns.time)
    else:
        start = just_ended(now, minutes) if day == now.date() else None
    session = CardioSession(day, modality, minutes, effort, start)
    _store(ns).add_cardio(session)
    when = f"{day} {_hm(start)}" if start else f"{day}"
    print(f"logged cardio {when}: {modality} {minutes} min (effort {effort})")
    return 0


def cmd_sore(ns: argparse.Namespace, now: dt.datetime) -> int:
    level = parse_int(ns.level, 0, 10, "soreness")
    sleep = parse_float(ns.sleep, 0, 24, "sleep hours") if ns.sleep is not None else None
    day = _day(ns, now)
    checkin = CheckIn(day, level, sleep, bool(ns.pain))
    _store(ns).set_checkin(checkin)
    extra = ""
    if sleep is not None:
        extra += f", slept {sleep:g} h"
    if ns.pain:
        extra += ", pain"
    print(f"logged soreness {day}: {level}/10{extra}")
    return 0


# -- profile ----------------------------------------------------------------------------------------


def _changes(ns: argparse.Namespace) -> dict:
    """The profile fields the options ask to change, parsed and checked."""
    changes: dict = {}
    if ns.goal is not None:
        changes["goal"] = parse_enum(Goal, ns.goal, "goal")
    if ns.level is not None:
        changes["level"] = parse_enum(Level, ns.level, "level")
    if ns.injury_prone is not None:
        changes["injury_prone"] = ns.injury_prone
    if ns.leg_days is not None:
        text = ns.leg_days.strip().lower()
        changes["leg_days"] = () if text in NONE_WORDS else parse_weekdays(text)
    if ns.event_date is not None:
        text = ns.event_date.strip().lower()
        changes["event_date"] = None if text in NONE_WORDS else parse_date(text)
    if ns.units is not None:
        unit = ns.units.strip().lower()
        if unit not in UNITS:
            raise InputError(f"units {ns.units!r} unknown; accepted: {', '.join(UNITS)}")
        changes["units"] = unit
    if ns.leg_time is not None:
        changes["leg_time"] = parse_time(ns.leg_time)
    if ns.modalities is not None:
        changes["modalities"] = parse_modalities(ns.modalities)
    return changes


def days_text(days: tuple[int, ...]) -> str:
    return ",".join(WEEKDAYS[d] for d in days) or "none"


def profile_json(p: Profile) -> dict:
    return {
        "goal": p.goal.value,
        "level": p.level.value,
        "injury_prone": p.injury_prone,
        "leg_days": [WEEKDAYS[d] for d in p.leg_days],
        "event_date": p.event_date.isoformat() if p.event_date else None,
        "units": p.units,
        "leg_time": _hm(p.leg_time),
        "modalities": list(p.modalities),
    }


def profile_lines(p: Profile) -> list[tuple[str, str]]:
    return [
        ("goal", p.goal.value),
        ("level", p.level.value),
        ("injury-prone", "yes" if p.injury_prone else "no"),
        ("leg days", days_text(p.leg_days)),
        ("leg time", _hm(p.leg_time)),
        ("event date", p.event_date.isoformat() if p.event_date else "none"),
        ("units", p.units),
        ("modalities", ",".join(p.modalities)),
    ]


def cmd_profile(ns: argparse.Namespace, now: dt.datetime) -> int:
    changes = _changes(ns)
    store = _store(ns)
    saved = store.profile()
    current = saved or Profile()
    if changes:
        profile = dataclasses.replace(current, **changes)
        store.save_profile(profile)
        if ns.json:
            print(json.dumps(profile_json(profile), indent=2))
        else:
            fields = ", ".join(f"{k} {v}" for k, v in profile_lines(profile))
            print(f"saved profile: {fields}")
        return 0
    if ns.json:
        print(json.dumps(profile_json(current), indent=2))
    else:
        width = max(len(k) for k, _ in profile_lines(current))
        for key, value in profile_lines(current):
            print(f"{key:<{width}}  {value}")
    if saved is None:
        _hint_no_profile()
    return 0


def _hint_no_profile() -> None:
    print(
        "legday: no profile saved yet, using the defaults; set yours with "
        "`legday profile --goal G --level L --leg-days mon,thu`",
        file=sys.stderr,
    )


# -- plan -------------------------------------------------------------------------------------------


def cmd_plan(ns: argparse.Namespace, now: dt.datetime) -> int:
    """Print the week. Files that cannot be read are left out of the plan, and each is named on
    stderr; the exit status is then 1, so a script knows the plan is missing something."""
    today = _day(ns, now)
    from legday.core.planner import history_window, plan_week
    from legday.storage import load_settings, resolve_config_dir

    store = _store(ns)
    setting_problems: list = []
    settings = load_settings(resolve_config_dir(ns.data_dir or None), setting_problems)
    week_start = settings.week_start
    saved = store.profile()
    first, last = history_window(today, week_start)
    history = store.history(first, last)
    plan = plan_week(saved or Profile(), history, today, week_start=week_start)

    if ns.json:
        from legday.core.plan import to_json

        print(json.dumps(to_json(plan), indent=2))
    else:
        from legday.cli.show import print_plan

        print_plan(plan)
    for problem in setting_problems:
        print(f"legday: warning: {problem}", file=sys.stderr)
    for problem in store.problems:
        print(f"legday: error: {problem}", file=sys.stderr)
    if saved is None:
        _hint_no_profile()
    return 1 if store.problems else 0


def cmd_trends(ns: argparse.Namespace, now: dt.datetime) -> int:
    """``legday trends``: lives in its own module (cli/trends.py), imported only when run."""
    from legday.cli.trends import cmd_trends as trends

    return trends(ns, now)
