"""The ``legday`` command line: ``run(argv)`` parses, dispatches and turns every failure into one line.

Imports stay lazy. ``legday plan --json`` loads neither Rich nor Textual, and only opening the app
(no command) imports ``legday.tui``. Exit codes: 0 done, 1 storage trouble (a corrupt or newer file,
named with its line), 2 bad input (what is wrong; accepted: what would do).
"""

from __future__ import annotations

import datetime as dt
import os
import sys

EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_USAGE = 2
# What `legday serve` sets in each tab's app process (legday.web.PARENT_ENV; a test holds them equal).
SERVE_PARENT_ENV = "LEGDAY_SERVE_PARENT"


def say(kind: str, message: object) -> None:
    """``legday: KIND: message`` on stderr as one line, whatever the message holds: line breaks
    become spaces and control characters (from an argument or a file echoed back) are shown
    escaped, never sent to the terminal."""
    from legday.core.names import escaped

    print(f"legday: {kind}: {escaped(' '.join(str(message).split()))}", file=sys.stderr)


def fail(message: str, code: int) -> int:
    say("error", message)
    return code


def _unreadable(argv: list[str]) -> str | None:
    """Why an argument cannot be taken at all: bytes that are not UTF-8 (Python hands them over as
    lone surrogates, which no file legday writes could hold) or a NUL character."""
    for number, arg in enumerate(argv, 1):
        if "\x00" in arg:
            return f"argument {number} holds a NUL character; accepted: text without one"
        if any("\ud800" <= c <= "\udfff" for c in arg):
            try:
                raw = arg.encode("utf-8", "surrogateescape")  # the bytes as they were given
            except UnicodeEncodeError:
                raw = arg.encode("utf-8", "backslashreplace")
            shown = repr(raw[:60]) + ("..." if len(raw) > 60 else "")
            return f"argument {number} ({shown}) is not UTF-8 text; accepted: UTF-8 text"
    return None


def run(argv: list[str] | None = None, *, now: dt.datetime | None = None) -> int:
    """Run one command line. ``now`` is the clock (tests inject it); default: the local time now."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        # Plain `legday`: nothing to parse, and argparse is not worth importing before the first frame.
        return _open_app(None)

    from legday.cli.args import UsageError, parse
    from legday.core.errors import InputError

    unreadable = _unreadable(argv)
    if unreadable:
        return fail(unreadable, EXIT_USAGE)
    try:
        ns = parse(argv)
    except UsageError as exc:
        return fail(f"{exc}; accepted: {exc.accepted}", EXIT_USAGE)
    except SystemExit as exit_:  # --help and --version print, then argparse exits
        return exit_.code if isinstance(exit_.code, int) else EXIT_OK

    if ns.command is None:
        return _open_app(ns.data_dir)

    import importlib

    from legday.cli.args import COMMAND_MODULES
    from legday.core.errors import DataError

    clock = now or dt.datetime.now()
    try:
        module = importlib.import_module(COMMAND_MODULES.get(ns.command, "legday.cli.commands"))
        # Every change goes through the journal, which also keeps the calendar file current.
        return getattr(module, f"cmd_{ns.command}")(ns, clock)
    except InputError as exc:
        message = str(exc)
        if "accepted:" not in message:
            message += "; accepted: see `legday " + ns.command + " --help`"
        return fail(message, EXIT_USAGE)
    except DataError as exc:
        return fail(str(exc), EXIT_STORAGE)
    except BrokenPipeError:  # `legday plan | head`: the reader left; not an error
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        where = f": {exc.filename}" if getattr(exc, "filename", None) else ""
        return fail(f"{exc.strerror or exc}{where}", EXIT_STORAGE)
    except KeyboardInterrupt:
        return 130


def _open_app(data_dir: str | None) -> int:
    import gc
    from pathlib import Path

    # No garbage collection until the first frame is out: start-up builds some 95 000 objects that
    # all stay, and the passes over them were a tenth of the wait. The app freezes them and turns
    # the collector on again after its first frame (LegdayApp._collect_again).
    gc.disable()
    # In a browser tab of `legday serve`: end with the server, however it ends. (Only there is
    # legday.web worth importing before the first frame.)
    if SERVE_PARENT_ENV in os.environ:
        _web().tie_to_server()
    from legday.tui.app import run_app

    try:
        result = run_app(Path(data_dir).expanduser() if data_dir else None)
    finally:
        gc.enable()  # (already on once the app has drawn; not if it never got that far)
    return result if isinstance(result, int) else EXIT_OK


def open_in_browser(host: str, port: int, data_dir: str | None, max_tabs: int | None) -> int:
    """``legday serve``: the app in a browser, each tab its own app process (legday/web.py). A server
    that cannot start (a taken port: exit 2; its guard not in place: exit 1) is one line."""
    web = _web()
    try:
        return web.serve(host, port, data_dir, max_tabs or web.DEFAULT_TABS)
    except web.ServeError as err:
        return fail(str(err), err.exit_code)


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not complain again."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


def _web():
    """legday/web.py, imported in this one place: the tie a browser tab's app makes to its server,
    and the server itself."""
    from legday import web

    return web
