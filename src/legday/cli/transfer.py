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
        p.add_argument(
            "--format",
            metavar="strong|hevy|fitnotes|fit|json",
            help="the file's format (default: recognised from the file)",
        )
        p.add_argument(
            "--units",
            metavar="kg|lb",
            help="unit of weights in a file that does not say (default: your profile's)",
        )
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


def _line(record) -> str:
    """As `legday log` shows a record, without the id (it has none until it is saved)."""
    from legday.core import words

    return f"{record.date} {record.date:%a}  {words.record_line(record)}"


def cmd_import(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli.commands import _journal

    journal = _journal(ns, now)
    # The whole file is read and checked before anything is written (Journal.import_file).
    done = journal.import_file(ns.file, ns.format, ns.units, dry_run=ns.dry_run)
    if ns.dry_run:
        for record in done.new:
            print(f"  + {_line(record)}")
    print(done.summary)
    return 0


# -- export -----------------------------------------------------------------------------------------


def _write(ns: argparse.Namespace, data: bytes, journal) -> None:
    if ns.output:
        journal.write_out(ns.output, data)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def cmd_export(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli.commands import _journal
    from legday.core.errors import InputError
    from legday.core.parse import parse_date, parse_int

    what = ns.what.strip().lower()
    if what not in EXPORTS:
        raise InputError(f"cannot export {ns.what!r}; accepted: {', '.join(EXPORTS)}")
    if what != "ics" and (ns.date or ns.weeks):
        raise InputError(
            "--date and --weeks are for the calendar; accepted: legday export ics "
            "[--date YYYY-MM-DD] [--weeks N]"
        )
    first = parse_date(ns.date) if ns.date else now.date()
    weeks = parse_int(ns.weeks, 1, 52, "weeks") if ns.weeks else 2
    journal = _journal(ns, now)
    if journal.profile_error is not None:
        raise journal.profile_error  # a profile legday cannot read is never exported as the defaults
    if what == "ics":
        try:
            data = journal.calendar(first, weeks)
        except ImportError:
            raise InputError(
                "the calendar needs the icalendar package; accepted: pip install "
                "icalendar (it comes with legday)"
            ) from None
    else:
        records = journal.records()
        if what == "json":
            from legday.transfer import native

            data = native.dumps(journal.profile if journal.profile_saved else None, records).encode()
        else:
            from legday.transfer import table

            data = table.dumps(records).encode()
    problems = journal.file_problems
    _write(ns, data, journal)
    for problem in problems:
        print(f"legday: error: left out of the export: {problem}", file=sys.stderr)
    if ns.output and ns.output != "-":  # with -o - the export itself is on stdout
        print(f"exported {what} to {ns.output}")
    return 1 if problems else 0
