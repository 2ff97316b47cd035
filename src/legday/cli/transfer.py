"""``legday import`` and ``legday export``: other apps' history in, legday's log and plan out.

    legday import FILE [--format strong|hevy|fitnotes|fit|json] [--units kg|lb] [--dry-run]
    legday export ics [--date YYYY-MM-DD] [--weeks N] [-o FILE]
    legday export json|csv [-o FILE]

An import reads and checks the whole file before anything is written: a bad row anywhere names the
file and line and writes nothing. Sessions already logged are recognised and not added twice, so
importing the same file again adds nothing.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

EXPORTS = ("ics", "json", "csv")


def command_parser(name: str, make) -> argparse.ArgumentParser:
    if name == "import":
        p = make(
            "import",
            "FILE [--format strong|hevy|fitnotes|fit|json] [--units kg|lb] [--dry-run]",
            "Import workouts from Strong, Hevy or FitNotes (their CSV export), a FIT activity file\n"
            "(needs legday[fit]) or legday's own JSON export. The format is recognised from the\n"
            "file; --format overrides. Leg workouts become leg sessions (working sets only), cardio\n"
            "becomes cardio, upper-body-only workouts are left out. Nothing is written if any row\n"
            "is bad; sessions already logged are not added again.",
        )
        p.add_argument("file", metavar="FILE")
        p.add_argument("--format", metavar="strong|hevy|fitnotes|fit|json",
                       help="the file's format (default: recognised from the file)")
        p.add_argument("--units", metavar="kg|lb",
                       help="unit of weights in a file that does not say (default: your profile's)")
        p.add_argument("--dry-run", action="store_true", help="print what would be added, add nothing")
    elif name == "export":
        p = make(
            "export",
            "ics|json|csv [--date YYYY-MM-DD] [--weeks N] [-o FILE]",
            "ics: the plan from DATE on (default today) for the week containing it and the next,\n"
            "     as calendar events (--weeks N for more). json: everything logged and the profile,\n"
            "     which `legday import` reads back. csv: everything logged, one row a record.\n"
            "Written to stdout unless -o FILE.",
        )
        p.add_argument("what", metavar="ics|json|csv")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="ics: first day (default: today)")
        p.add_argument("--weeks", metavar="N", help="ics: how many weeks, 1-52 (default: 2)")
        p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    else:  # pragma: no cover - args.py only sends these names here
        raise KeyError(name)
    return p


# -- import -----------------------------------------------------------------------------------------


def _read_file(path_text: str):
    from pathlib import Path

    from legday.core.errors import InputError

    path = Path(path_text).expanduser()
    if path.is_dir():
        raise InputError(f"{path_text} is a folder; accepted: an exported file")
    if not path.exists():
        raise InputError(f"{path_text}: no such file; accepted: the path of an exported file")
    return path, path.read_bytes()


def _line(record) -> str:
    from legday.storage import codec

    kind = codec.storable(record)
    encode = {"legs": codec.encode_legs, "cardio": codec.encode_cardio,
              "checkin": codec.encode_checkin, "skip": codec.encode_skip}[kind]
    shown = encode(record)
    return f"{kind}: {shown}" if isinstance(shown, str) else f"{kind}: {shown!r}"


def existing_records(store, records) -> list:
    """What is already logged over the dates the imported records cover. Raises the first
    StorageError of a month file that cannot be read: an import must not add to a month whose
    file is broken (it would be refused half-way)."""
    if not records:
        return []
    first = min(r.date for r in records)
    last = max(r.date for r in records)
    before = len(store.problems)
    history = store.history(first, last)
    if len(store.problems) > before or store.problems:
        raise store.problems[0]
    return [*history.legs, *history.cardio, *history.checkins, *history.skips]


def cmd_import(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli.commands import _store
    from legday.core.errors import InputError
    from legday.core.model import UNITS, Profile
    from legday.transfer import FORMATS, plan_import, read, summary

    fmt = ns.format.strip().lower() if ns.format else None
    if fmt is not None and fmt not in FORMATS:
        raise InputError(f"format {ns.format!r} unknown; accepted: {', '.join(FORMATS)}")
    units = ns.units.strip().lower().rstrip("s") if ns.units else None
    if units is not None and units not in UNITS:
        raise InputError(f"units {ns.units!r} unknown; accepted: kg, lb")
    path, data = _read_file(ns.file)
    store = _store(ns)
    profile = store.profile() or Profile()
    parsed = read(data, path.name, fmt, units or profile.units, profile.leg_time)
    plan = plan_import(parsed, existing_records(store, parsed.records))
    if ns.dry_run:
        for record in plan.new:
            print(f"  + {_line(record)}")
        print(summary(path.name, plan, dry_run=True))
        return 0
    restored = False
    if plan.profile is not None and store.profile() is None:
        store.save_profile(plan.profile)
        restored = True
    if plan.new:
        # All or nothing, and ONE undo step: `legday undo` takes the whole import back.
        store.add_many(plan.new, label=f"imported {path.name} ({len(plan.new)} "
                                       f"{'entry' if len(plan.new) == 1 else 'entries'})")
    print(summary(path.name, plan) + ("; profile restored" if restored else ""))
    after_change(ns, store, now)
    return 0


def after_change(ns: argparse.Namespace, store, now: dt.datetime) -> None:
    """Keep the calendar file current. A calendar that cannot be written is a warning: the change
    itself is saved."""
    from legday import calendar_file
    from legday.storage import StorageError, load_settings, resolve_config_dir

    settings = load_settings(resolve_config_dir(ns.data_dir or None))
    if settings.calendar_file is None:
        return
    if store is None:
        from legday.cli.commands import _store

        store = _store(ns)
    try:
        calendar_file.refresh(store, settings, now)
    except StorageError as err:
        print(f"legday: warning: the calendar file was not updated: {err}", file=sys.stderr)
    except ImportError:
        print("legday: warning: the calendar file was not updated: it needs the icalendar package "
              "(pip install icalendar)", file=sys.stderr)


# -- export -----------------------------------------------------------------------------------------


def _write(ns: argparse.Namespace, data: bytes) -> None:
    if ns.output:
        from pathlib import Path

        from legday.storage.files import atomic_write

        atomic_write(Path(ns.output).expanduser(), data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def cmd_export(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli.commands import _store
    from legday.core.errors import InputError
    from legday.core.parse import parse_date, parse_int

    what = ns.what.strip().lower()
    if what not in EXPORTS:
        raise InputError(f"cannot export {ns.what!r}; accepted: {', '.join(EXPORTS)}")
    if what != "ics" and (ns.date or ns.weeks):
        raise InputError("--date and --weeks are for the calendar; accepted: legday export ics "
                         "[--date YYYY-MM-DD] [--weeks N]")
    first = parse_date(ns.date) if ns.date else now.date()
    weeks = parse_int(ns.weeks, 1, 52, "weeks") if ns.weeks else 2
    store = _store(ns)
    if what == "ics":
        from legday import calendar_file
        from legday.storage import load_settings, resolve_config_dir

        settings = load_settings(resolve_config_dir(ns.data_dir or None))
        try:
            data = calendar_file.calendar_bytes(store, store.profile(), now.date(), first, weeks,
                                                settings.week_start)
        except ImportError:
            raise InputError("the calendar needs the icalendar package; accepted: pip install "
                             "icalendar (it comes with legday)") from None
    else:
        history = store.all_history()
        records = [*history.legs, *history.cardio, *history.checkins, *history.skips]
        if what == "json":
            from legday.transfer import native

            data = native.dumps(store.profile(), records).encode()
        else:
            from legday.transfer import table

            data = table.dumps(records).encode()
    _write(ns, data)
    for problem in store.problems:
        print(f"legday: error: left out of the export: {problem}", file=sys.stderr)
    if ns.output:
        print(f"exported {what} to {ns.output}")
    return 1 if store.problems else 0
