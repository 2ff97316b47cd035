"""One function per command. Each reads and checks every value first and only then opens the journal
(legday/journal.py, the same one the app uses), so bad input never touches a file. Success prints one
short line saying what was saved."""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import sys

from legday.cli import say
from legday.core import words
from legday.core.errors import InputError
from legday.core.model import (
    UNITS,
    WEEKDAYS,
    CardioSession,
    CheckIn,
    Goal,
    LegSession,
    Level,
    Profile,
    just_ended,
    parse_enum,
    parse_modalities,
    parse_weekdays,
)
from legday.core.names import escaped
from legday.core.parse import parse_date, parse_exercise, parse_float, parse_int, parse_time

EFFORT = (0, 10)
NONE_WORDS = ("", "none", "-")


# -- shared helpers ---------------------------------------------------------------------------------


def _journal(ns: argparse.Namespace, now: dt.datetime):
    """The journal every command works through. What goes wrong beside a saved change (the
    calendar file could not be rewritten) is printed as a warning."""
    from legday.journal import open_journal

    journal = open_journal(ns.data_dir, lambda: now)
    for change in journal.take_notices():  # conflict copies from a sync tool, merged on opening
        if change.message:
            say("note", change.message)
        _warn(change)
    journal.subscribe(_warn)
    return journal


def _warn(change) -> None:
    if change.warning:
        say("warning", change.warning)


def _profile(journal) -> Profile:
    """The saved profile (or the defaults); a profile file that cannot be read stops the command."""
    if journal.profile_error is not None:
        raise journal.profile_error
    return journal.profile


def _day(ns: argparse.Namespace, now: dt.datetime) -> dt.date:
    return parse_date(ns.date) if ns.date else now.date()


def _hm(t: dt.time | None) -> str:
    return t.strftime("%H:%M") if t else "--:--"


# -- logging ----------------------------------------------------------------------------------------


def cmd_legs(ns: argparse.Namespace, now: dt.datetime) -> int:
    effort = parse_int(ns.effort, *EFFORT, "effort")
    minutes = words.minutes_value(ns.minutes)
    day = _day(ns, now)
    start = parse_time(ns.time) if ns.time else None
    # Parse with kg first so a bad exercise fails before any file is read; then again with the
    # profile's unit, which is what a load without a unit means.
    for text in ns.exercises:
        parse_exercise(text)
    journal = _journal(ns, now)
    profile = _profile(journal)
    exercises = tuple(parse_exercise(text, profile.units) for text in ns.exercises)
    if start is None:
        start = just_ended(now, minutes) if day == now.date() else profile.leg_time
    session = LegSession(day, start, minutes, effort, exercises)
    journal.log(session)
    listed = escaped(", ".join(str(e) for e in exercises))
    print(f"logged legs {day} {_hm(start)}: {listed} (effort {effort}, {minutes} min)")
    return 0


def cmd_cardio(ns: argparse.Namespace, now: dt.datetime) -> int:
    modality = words.modality_name(ns.modality)
    minutes = words.minutes_value(ns.minutes)
    effort = parse_int(ns.effort, *EFFORT, "effort")
    day = _day(ns, now)
    if ns.time:
        start: dt.time | None = parse_time(ns.time)
    else:
        start = just_ended(now, minutes) if day == now.date() else None
    session = CardioSession(day, modality, minutes, effort, start)
    _journal(ns, now).log(session)
    when = f"{day} {_hm(start)}" if start else f"{day}"
    print(f"logged cardio {when}: {escaped(modality)} {minutes} min (effort {effort})")
    return 0


def cmd_sore(ns: argparse.Namespace, now: dt.datetime) -> int:
    level = parse_int(ns.level, 0, 10, "soreness")
    sleep = parse_float(ns.sleep, 0, 24, "sleep hours") if ns.sleep is not None else None
    day = _day(ns, now)
    checkin = CheckIn(day, level, sleep, bool(ns.pain))
    _journal(ns, now).log(checkin)
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
    """``profile --json``: the same fields as the profile in ``export json`` (one definition)."""
    from legday.transfer.native import profile_fields

    return profile_fields(p)


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
    journal = _journal(ns, now)
    current = _profile(journal)
    if changes:
        profile = dataclasses.replace(current, **changes)
        journal.save_profile(profile)
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
    if not journal.profile_saved:
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
    # Planned as of DATE: the journal's clock says it is that day.
    journal = _journal(ns, dt.datetime.combine(today, now.time()))
    _profile(journal)
    plan = journal.week_plan(today)

    if ns.json:
        from legday.core.plan import to_json

        print(json.dumps(to_json(plan), indent=2))
    else:
        from legday.cli.show import print_plan

        print_plan(plan)
    for problem in journal.settings_problems:
        say("warning", problem)
    for problem in journal.file_problems:
        say("error", problem)
    if not journal.profile_saved:
        _hint_no_profile()
    return 1 if journal.file_problems else 0


# -- the log: list, edit, delete, undo --------------------------------------------------------------

LOG_WEEKS = 4


def _record_text(record) -> str:
    from legday.core.records import record_id

    # Names are checked when they come in; escaped here too, so no stored name reaches the terminal
    # as a control code.
    return f"{record_id(record)}  {record.date} {record.date:%a}  {escaped(words.record_line(record))}"


def cmd_log(ns: argparse.Namespace, now: dt.datetime) -> int:
    """What was logged, oldest first (newest last), each with its id."""
    last = parse_date(ns.last) if ns.last else None
    first = parse_date(ns.first) if ns.first else (last or now.date()) - dt.timedelta(days=7 * LOG_WEEKS - 1)
    if last is not None and first > last:
        raise InputError(f"--from {first} is after --to {last}; accepted: --from on or before --to")
    journal = _journal(ns, now)
    records = journal.records(first, last)
    if ns.json:
        from legday.core.records import record_fields

        print(json.dumps({"records": [record_fields(r) for r in records]}, indent=2))
    elif records:
        for record in records:
            print(_record_text(record))
    elif not journal.file_problems:  # else what could not be read is said below, not "nothing"
        print(f"nothing logged from {first} to {last or 'now'}", file=sys.stderr)
    for problem in journal.file_problems:
        say("error", problem)
    return 1 if journal.file_problems else 0


def _find(journal, text: str):
    wanted = text.strip().lower()
    if len(wanted) != 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputError(f"id {text!r} is not an id; accepted: 8 characters from `legday log`, e.g. 1a2b3c4d")
    record = journal.find(wanted)
    if record is None:
        raise InputError(
            f"no record with id {wanted}; accepted: an id from `legday log` (an edited record gets a new id)"
        )
    return record


# Which options each kind of record takes (the rest would be silently meaningless).
_EDITABLE = {
    "legs": ("date", "time", "minutes", "effort", "exercise"),
    "cardio": ("date", "time", "minutes", "effort", "modality"),
    "checkin": ("date", "soreness", "sleep", "pain"),
    "skip": ("date", "modality"),
}


def _edited(ns: argparse.Namespace, record, units: str):
    """The record with the options given applied; InputError for an option its kind lacks."""
    from legday.core.records import kind_of

    kind = kind_of(record)
    given = [
        name
        for name in ("date", "time", "minutes", "effort", "modality", "exercise", "soreness", "sleep", "pain")
        if getattr(ns, name) is not None
    ]
    if not given:
        raise InputError(
            "nothing to change; accepted: "
            + ", ".join(f"--{n}" for n in _EDITABLE[kind])
            + f" (for a {kind} record)"
        )
    wrong = [name for name in given if name not in _EDITABLE[kind]]
    if wrong:
        raise InputError(
            f"--{wrong[0]} does not apply to a {kind} record; accepted: "
            + ", ".join(f"--{n}" for n in _EDITABLE[kind])
            + f" (for a {kind} record)"
        )
    changes: dict = {}
    if ns.date is not None:
        changes["date"] = parse_date(ns.date)
    if ns.time is not None:
        changes["start"] = parse_time(ns.time)
    if ns.minutes is not None:
        changes["minutes"] = words.minutes_value(ns.minutes)
    if ns.effort is not None:
        changes["effort"] = parse_int(ns.effort, *EFFORT, "effort")
    if ns.modality is not None:
        changes["modality"] = words.modality_name(ns.modality)
    if ns.exercise is not None:
        changes["exercises"] = tuple(parse_exercise(text, units) for text in ns.exercise)
    if ns.soreness is not None:
        changes["soreness"] = parse_int(ns.soreness, 0, 10, "soreness")
    if ns.sleep is not None:
        changes["sleep_hours"] = parse_float(ns.sleep, 0, 24, "sleep hours")
    if ns.pain is not None:
        changes["pain"] = ns.pain
    try:
        return dataclasses.replace(record, **changes)
    except (TypeError, ValueError) as error:
        if isinstance(error, InputError):
            raise
        raise InputError(f"cannot make that change: {error}") from None


def cmd_edit(ns: argparse.Namespace, now: dt.datetime) -> int:
    # Values are checked before any file is read: a typo never touches the log.
    for text in ns.exercise or ():
        parse_exercise(text)
    journal = _journal(ns, now)
    old = _find(journal, ns.id)
    new = _edited(ns, old, _profile(journal).units if ns.exercise else "kg")
    if new == old:
        print(f"nothing changed: {_record_text(old)}")
        return 0
    journal.replace(old, new)
    print(f"edited: {_record_text(new)}")
    return 0


def cmd_delete(ns: argparse.Namespace, now: dt.datetime) -> int:
    journal = _journal(ns, now)
    record = _find(journal, ns.id)
    journal.remove(record)
    print(f"deleted: {_record_text(record)}")
    return 0


def cmd_undo(ns: argparse.Namespace, now: dt.datetime) -> int:
    label = _journal(ns, now).undo()
    if label is None:
        print("legday: nothing to undo", file=sys.stderr)
        return 1
    print(f"undid: {label}")
    return 0


def cmd_trends(ns: argparse.Namespace, now: dt.datetime) -> int:
    """``legday trends``: lives in its own module (cli/trends.py), imported only when run."""
    from legday.cli.trends import cmd_trends as trends

    return trends(ns, now)
