"""The argument parsers. Only the standard library here: every command pays for this import.

Two stages, so that ``--data-dir`` works before or after the command and exercises can be mixed with
options (``legday legs "squat 5x5" --effort 8 "lunge 3x10" --minutes 60``): the top-level parser
takes ``--data-dir``, ``--version`` and the command name; the command's own parser reads the rest.

Values stay strings here. The commands turn them into dates, efforts and exercises with the core's
parsers, whose messages say what is wrong and what is accepted.
"""

from __future__ import annotations

import argparse
import re

from legday import __version__


class UsageError(Exception):
    """A command line argparse could not read. ``accepted`` is the usage line of the command."""

    def __init__(self, message: str, accepted: str) -> None:
        super().__init__(message)
        self.accepted = accepted


# legday.core.model.CARDIO_MODALITIES, spelled out so that parsing arguments imports nothing of legday's
# (a test holds the two equal).
MODALITY_NAMES = "run,bike,swim,elliptical,walk,row,hike,yoga,pilates,stairs"


def _one_line(text: str) -> str:
    return " ".join(text.split())


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line: what is wrong; accepted: the usage line."""

    def error(self, message: str) -> None:  # type: ignore[override]
        accepted = _one_line(self.usage or self.format_usage()).removeprefix("usage: ")
        choice = re.match(r"argument (\S+): invalid choice: '([^']*)'", message)
        if choice and choice[1] == "COMMAND":
            message = f"unknown command '{choice[2]}'"  # argparse already wrote it as repr() does
            accepted = f"{', '.join(COMMANDS)}, or no command to open the app"
        elif choice:
            message = f"unknown {choice[1]} '{choice[2]}'"
        raise UsageError(_one_line(message), accepted)


COMMANDS = {
    "legs": "log a leg session",
    "cardio": "log a cardio session",
    "sore": "log the morning soreness check-in",
    "profile": "show or change your profile",
    "plan": "print the week's plan with reasons",
    "log": "list what was logged, each with an id",
    "edit": "change something logged, by id",
    "delete": "delete something logged, by id",
    "undo": "reverse the last change",
    "trends": "print the last weeks: load, cardio, mix, soreness",
}

# Commands whose parser and cmd_ function live in a module of their own (name -> module).
COMMAND_MODULES = {
    "import": "legday.cli.transfer",
    "export": "legday.cli.transfer",
    "settings": "legday.cli.settings",
    "serve": "legday.cli.serve",
    "doctor": "legday.cli.doctor",
}
COMMANDS.update(
    {
        "import": "import workouts from Strong, Hevy, FitNotes, FIT or legday's JSON",
        "export": "export the plan as a calendar (ics) or the log as json or csv",
        "settings": "show or change settings: calendar file, week start, theme",
        "serve": "serve the app to a web browser (legday[web])",
        "doctor": "list conflict copies from a sync tool and unreadable files; --merge merges",
    }
)

TOP_USAGE = "legday [--data-dir DIR] [--version] [COMMAND ...]"
TOP_HELP = """\
Without a command, legday opens the app.

commands:
  legs EXERCISE... --effort N --minutes N [--date YYYY-MM-DD] [--time HH:MM]
  cardio MODALITY --minutes N --effort N [--date YYYY-MM-DD] [--time HH:MM]
  sore LEVEL [--date YYYY-MM-DD] [--sleep HOURS] [--pain]
  profile [--goal G] [--level L] [--injury-prone|--no-injury-prone]
          [--leg-days mon,thu] [--event-date YYYY-MM-DD] [--units kg|lb]
          [--leg-time HH:MM] [--modalities run,bike,...] [--json]
  plan [--date YYYY-MM-DD] [--json]
  log [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
  edit ID [--date D] [--time HH:MM] [--minutes N] [--effort N] [--modality M]
          [--exercise "back squat 5x5@100kg"]... [--soreness N] [--sleep H] [--pain|--no-pain]
  delete ID
  undo
  trends [--weeks N] [--date YYYY-MM-DD] [--json]
  import FILE [--format strong|hevy|fitnotes|fit|json] [--units kg|lb] [--skip-bad-rows]
         [--dry-run]
  export ics [--date YYYY-MM-DD] [--weeks N] [-o FILE]
  export json|csv [-o FILE]
  settings [--calendar-file PATH|none] [--week-start mon..sun] [--theme NAME]
  serve [--host 127.0.0.1] [--port 8000] [--max-tabs 4]
  doctor [--merge] [--json]

Run `legday COMMAND --help` for one command. Data lives in your user data directory
unless --data-dir or LEGDAY_DATA_DIR says otherwise.
"""


def top_parser() -> Parser:
    parser = Parser(
        prog="legday",
        usage=TOP_USAGE,
        description="Plan your cardio around leg day.",
        epilog=TOP_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    parser.add_argument("--data-dir", metavar="DIR", help="where your logs and profile live")
    parser.add_argument("--version", action="version", version=f"legday {__version__}")
    parser.add_argument(
        "command", nargs="?", choices=sorted(COMMANDS), metavar="COMMAND", help="one of those below"
    )
    parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
    return parser


DATE_HELP = "the day, YYYY-MM-DD (default: today)"


def _command_parser(name: str, usage: str, description: str) -> Parser:
    parser = Parser(
        prog=f"legday {name}",
        usage=f"legday {name} {usage}",
        description=description,
        formatter_class=argparse.RawDescriptionHelpFormatter,
        allow_abbrev=False,
    )
    # SUPPRESS: an absent --data-dir after the command must not hide one given before it.
    parser.add_argument(
        "--data-dir", metavar="DIR", default=argparse.SUPPRESS, help="where your logs and profile live"
    )
    return parser


def command_parser(name: str) -> Parser:
    if name in COMMAND_MODULES:
        import importlib

        return importlib.import_module(COMMAND_MODULES[name]).command_parser(name, _command_parser)
    if name == "legs":
        p = _command_parser(
            "legs",
            "EXERCISE... --effort N --minutes N [--date YYYY-MM-DD] [--time HH:MM]",
            "Log a leg session. EXERCISE is 'NAME SETSxREPS[@LOAD[kg|lb]]', one argument each:\n"
            '  legday legs "back squat 5x5@100kg" "box jump 4x5" --effort 8 --minutes 60\n'
            "Without --time: logged today, the session is taken to have just ended (start = now\n"
            "minus --minutes, to 5 minutes); on another day, your profile's usual leg time.",
        )
        p.add_argument("exercises", nargs="+", metavar="EXERCISE", help="NAME SETSxREPS[@LOAD[kg|lb]]")
        p.add_argument("--effort", required=True, metavar="N", help="session effort 0-10")
        p.add_argument("--minutes", required=True, metavar="N", help="session length, 1-600")
        p.add_argument("--date", metavar="YYYY-MM-DD", help=DATE_HELP)
        p.add_argument("--time", metavar="HH:MM", help="start time (default: see above)")
    elif name == "cardio":
        p = _command_parser(
            "cardio",
            "MODALITY --minutes N --effort N [--date YYYY-MM-DD] [--time HH:MM]",
            "Log a cardio session. MODALITY is run, bike, swim, elliptical, walk, row, hike, yoga,\n"
            "pilates, stairs, sprints, plyometrics, or any other name (treated as generic cardio).\n"
            "Without --time: logged today, it is taken to have just ended; another day, no time.",
        )
        p.add_argument("modality", metavar="MODALITY")
        p.add_argument("--minutes", required=True, metavar="N", help="1-600")
        p.add_argument("--effort", required=True, metavar="N", help="0-10")
        p.add_argument("--date", metavar="YYYY-MM-DD", help=DATE_HELP)
        p.add_argument("--time", metavar="HH:MM", help="start time")
    elif name == "sore":
        p = _command_parser(
            "sore",
            "LEVEL [--date YYYY-MM-DD] [--sleep HOURS] [--pain]",
            "Log the morning check-in: leg soreness 0 (none) to 10 (worst). Replaces that day's.",
        )
        p.add_argument("level", metavar="LEVEL", help="soreness 0-10")
        p.add_argument("--date", metavar="YYYY-MM-DD", help=DATE_HELP)
        p.add_argument("--sleep", metavar="HOURS", help="hours slept, 0-24")
        p.add_argument("--pain", action="store_true", help="sharp pain, not just soreness")
    elif name == "profile":
        p = _command_parser(
            "profile",
            "[--goal G] [--level L] [--injury-prone|--no-injury-prone] [--leg-days mon,thu] "
            "[--event-date YYYY-MM-DD] [--units kg|lb] [--leg-time HH:MM] [--modalities run,bike,...] "
            "[--json]",
            "Without options, print your profile. With options, change those fields and keep the rest.",
        )
        p.add_argument("--goal", metavar="G", help="endurance, strength, power, hybrid or general")
        p.add_argument("--level", metavar="L", help="beginner, intermediate or advanced")
        p.add_argument(
            "--injury-prone",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="a history of lower-body or running injury",
        )
        p.add_argument("--leg-days", metavar="mon,thu", help="usual leg days; 'none' for none")
        p.add_argument("--event-date", metavar="YYYY-MM-DD", help="race or event day; 'none' clears")
        p.add_argument("--units", metavar="kg|lb", help="default unit for loads")
        p.add_argument("--leg-time", metavar="HH:MM", help="usual start of the leg session")
        p.add_argument(
            "--modalities",
            metavar="run,bike,...",
            help="the cardio you can do, from " + MODALITY_NAMES + "; 'all' for all (the default)",
        )
        p.add_argument("--json", action="store_true", help="print the profile as JSON")
    elif name == "plan":
        p = _command_parser(
            "plan",
            "[--date YYYY-MM-DD] [--json]",
            "Print the week containing DATE, planned as of DATE (default: today).",
        )
        p.add_argument("--date", metavar="YYYY-MM-DD", help=DATE_HELP)
        p.add_argument("--json", action="store_true", help="print the plan as JSON")
    elif name == "log":
        p = _command_parser(
            "log",
            "[--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
            "What was logged, newest last, each with the id that edit and delete take.\n"
            "Without --from: the 4 weeks up to --to (or today). Without --to: up to the newest.",
        )
        p.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="the first day to list")
        p.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="the last day to list")
        p.add_argument("--json", action="store_true", help='print {"records": [...]} as JSON')
    elif name == "edit":
        p = _command_parser(
            "edit",
            "ID [--date D] [--time HH:MM] [--minutes N] [--effort N] [--modality M] "
            '[--exercise "back squat 5x5@100kg"]... [--soreness N] [--sleep H] [--pain|--no-pain]',
            "Change a logged record (ID from `legday log`); what is not given stays as it was.\n"
            "--exercise replaces the whole exercise list (give it once for each exercise).\n"
            "Legs: date, time, minutes, effort, exercise. Cardio: date, time, minutes, effort,\n"
            "modality. Check-in: date, soreness, sleep, pain. Skip: date, modality.",
        )
        p.add_argument("id", metavar="ID", help="8 characters, from `legday log`")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="move it to another day")
        p.add_argument("--time", metavar="HH:MM", help="start time")
        p.add_argument("--minutes", metavar="N", help="1-600")
        p.add_argument("--effort", metavar="N", help="0-10")
        p.add_argument("--modality", metavar="M", help="run, bike, swim, ... or any name")
        p.add_argument(
            "--exercise",
            action="append",
            metavar="EXERCISE",
            help="NAME SETSxREPS[@LOAD[kg|lb]]; replaces all exercises",
        )
        p.add_argument("--soreness", metavar="N", help="0-10")
        p.add_argument("--sleep", metavar="HOURS", help="hours slept, 0-24")
        p.add_argument(
            "--pain",
            action=argparse.BooleanOptionalAction,
            default=None,
            help="sharp pain, not just soreness",
        )
    elif name == "delete":
        p = _command_parser(
            "delete", "ID", "Delete a logged record (ID from `legday log`). `legday undo` brings it back."
        )
        p.add_argument("id", metavar="ID", help="8 characters, from `legday log`")
    elif name == "undo":
        p = _command_parser(
            "undo",
            "",
            "Reverse the last change legday made (by the app or a command): a log, an edit, a\n"
            "delete, a skip, a check-in, the profile. Run it again to go further back.",
        )
    elif name == "trends":
        p = _command_parser(
            "trends",
            "[--weeks N] [--date YYYY-MM-DD] [--json]",
            "Print the N weeks (default 12, up to 52) ending with the week containing DATE\n"
            "(default: today): load, cardio minutes, hard and easy, soreness, readiness, load ratio.",
        )
        p.add_argument("--weeks", metavar="N", help="how many weeks, 1-52 (default 12)")
        p.add_argument("--date", metavar="YYYY-MM-DD", help="the last day counted (default: today)")
        p.add_argument("--json", action="store_true", help="print the weeks as JSON")
    else:  # pragma: no cover - the top parser only lets known names through
        raise KeyError(name)
    return p


def parse(argv: list[str]) -> argparse.Namespace:
    """Both stages; raises UsageError. ``command`` is None when the app should open."""
    top = top_parser()
    ns = top.parse_args(argv)
    if ns.command is None:
        if ns.rest:
            top.error(f"unrecognized arguments: {' '.join(ns.rest)}")
        _check_data_dir(ns.data_dir)
        return ns
    sub = command_parser(ns.command)
    sub_ns = sub.parse_intermixed_args(ns.rest)
    sub_ns.command = ns.command
    if not hasattr(sub_ns, "data_dir"):
        sub_ns.data_dir = ns.data_dir
    _check_data_dir(sub_ns.data_dir)
    return sub_ns


def _check_data_dir(data_dir: str | None) -> None:
    """``--data-dir ''`` (an unset shell variable, say) must not quietly mean the default folder."""
    if data_dir is not None and not data_dir.strip():
        raise UsageError("--data-dir is empty", "a folder for your logs, or no --data-dir for the usual one")
