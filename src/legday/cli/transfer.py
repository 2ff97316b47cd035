"""``legday import`` and ``legday export``: other apps' history in, legday's log and plan out.

    legday import FILE [--format strong|hevy|fitnotes|fit|json] [--units kg|lb] [--skip-bad-rows] [--dry-run]
    legday export ics [--date YYYY-MM-DD] [--weeks N] [-o FILE]
    legday export json|csv [-o FILE]

An import reads and checks the whole file before anything is written: a bad row anywhere names the
file and line and writes nothing, unless --skip-bad-rows (a contract): then the good rows are
imported and each row left out is listed as ``file:line: why``. Sessions already logged are
recognised and not added twice, so importing the same file again adds nothing. An import that
takes over a second shows the rows read so far on the terminal (stderr).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections.abc import Callable
from typing import TextIO

EXPORTS = ("ics", "json", "csv")


def command_parser(name: str, make) -> argparse.ArgumentParser:
    if name == "import":
        p = make(
            "import",
            "FILE [--format strong|hevy|fitnotes|fit|json] [--units kg|lb] [--skip-bad-rows] [--dry-run]",
            "Import workouts from Strong, Hevy or FitNotes (their CSV export), a FIT activity file\n"
            "(needs legday[fit]) or legday's own JSON export. The format is recognised from the\n"
            "file; --format overrides. Leg workouts become leg sessions (working sets only), cardio\n"
            "becomes cardio, workouts with little or no leg work are left out. Nothing is written if\n"
            "any row is bad (--skip-bad-rows imports the rest and lists the rows left out);\n"
            "sessions already logged are not added again.",
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
            help="unit of weights in a file that does not say (default: your profile's, if set)",
        )
        p.add_argument(
            "--skip-bad-rows",
            action="store_true",
            help="import the good rows and list each bad one (default: a bad row stops the import)",
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


class Progress:
    """Rows read so far, on one terminal line rewritten in place, once the import has taken more
    than ``after`` seconds (a quick import prints nothing); wiped when done. Only on a terminal."""

    def __init__(
        self,
        name: str,
        stream: TextIO | None = None,
        clock: Callable[[], float] = time.monotonic,
        after: float = 1.0,
    ) -> None:
        self.name, self.stream, self.clock, self.after = name, stream or sys.stderr, clock, after
        self.start = clock()
        self.width = 0
        self.on_terminal = bool(getattr(self.stream, "isatty", lambda: False)())

    def __call__(self, rows: int) -> None:
        if not self.on_terminal or self.clock() - self.start < self.after:
            return
        line = f"reading {self.name}: {rows:,} rows"
        self.stream.write("\r" + line.ljust(self.width))
        self.stream.flush()
        self.width = max(self.width, len(line))

    def done(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()
            self.width = 0


def cmd_import(ns: argparse.Namespace, now: dt.datetime) -> int:
    from pathlib import Path

    from legday.cli.commands import _journal

    journal = _journal(ns, now)
    progress = Progress(Path(str(ns.file)).name)
    # The whole file is read and checked before anything is written (Journal.import_file).
    try:
        done = journal.import_file(
            ns.file,
            ns.format,
            ns.units,
            dry_run=ns.dry_run,
            skip_bad_rows=ns.skip_bad_rows,
            progress=progress,
        )
    finally:
        progress.done()
    if ns.dry_run:
        for record in done.new:
            print(f"  + {_line(record)}")
    print(done.summary)
    for row in done.left_out_rows:
        print(f"  left out: {row}")
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
