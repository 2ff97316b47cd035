"""``legday serve [--host 127.0.0.1] [--port 8000]``: the app in a browser (extra ``legday[web]``).
What it guards and how is in ``legday/web.py``; the server is started by the launcher in
``legday/cli/__init__.py``, the one place the command line starts a face of legday."""

from __future__ import annotations

import argparse
import datetime as dt
import sys


def command_parser(name: str, make) -> argparse.ArgumentParser:
    p = make(
        "serve",
        "[--host 127.0.0.1] [--port 8000]",
        "Serve the app to a web browser (needs legday[web]). It listens on 127.0.0.1 unless\n"
        "--host says otherwise, prints an address with a random token, and refuses anyone\n"
        "without it. Each browser tab runs its own app on the same data.",
    )
    p.add_argument(
        "--host",
        metavar="ADDRESS",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.add_argument("--port", metavar="N", default="8000", help="port (default 8000)")
    return p


def cmd_serve(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli import open_in_browser
    from legday.cli.commands import _journal
    from legday.core.errors import InputError
    from legday.core.parse import parse_int

    port = parse_int(ns.port, 1, 65535, "port")
    host = ns.host.strip()
    if not host:
        raise InputError("--host is empty; accepted: an address such as 127.0.0.1")
    # The data folder, found (and made) here through the journal: a folder legday cannot use is
    # reported now rather than by every browser tab, and each tab's app gets the same absolute
    # path whatever folder it is started in.
    journal = _journal(ns, now)
    data_dir = str(journal.data_dir.absolute()) if ns.data_dir else None
    for problem in journal.take_problems():
        print(f"legday: warning: {problem}", file=sys.stderr)
    try:
        return open_in_browser(host, port, data_dir)
    except OSError as err:
        raise InputError(
            f"cannot listen on {host}:{port} ({err.strerror or err}); accepted: a free "
            "port (--port N) on an address of this machine"
        ) from None
