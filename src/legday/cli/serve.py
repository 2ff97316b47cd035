"""``legday serve [--host 127.0.0.1] [--port 8000] [--max-tabs 4]``: the app in a browser (extra
``legday[web]``). What it guards and how is in ``legday/web.py``; the server is started by the
launcher in ``legday/cli/__init__.py``, the one place the command line starts a face of legday."""

from __future__ import annotations

import argparse
import datetime as dt
import re

from legday.cli import say

# Browser tabs at once (--max-tabs): each is an app process. The default is legday.web.DEFAULT_TABS.
MOST_TABS = 16
# An IP address (v4, v6 with or without brackets, with a zone) or a host name.
_HOST = re.compile(r"[A-Za-z0-9._:%\[\]-]{1,253}")


def command_parser(name: str, make) -> argparse.ArgumentParser:
    p = make(
        "serve",
        "[--host 127.0.0.1] [--port 8000] [--max-tabs 4]",
        "Serve the app to a web browser (needs legday[web]). It listens on 127.0.0.1 unless\n"
        "--host says otherwise, prints an address with a random token once the port is bound,\n"
        "and refuses anyone without it. Each browser tab runs its own app on the same data;\n"
        "Ctrl+C stops the server and every tab's app with it.",
    )
    p.add_argument(
        "--host",
        metavar="ADDRESS",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this machine only)",
    )
    p.add_argument("--port", metavar="N", default="8000", help="port (default 8000; 0: any free port)")
    p.add_argument("--max-tabs", metavar="N", help=f"browser tabs open at once, 1-{MOST_TABS} (default 4)")
    return p


def _host(text: str) -> str:
    from legday.core.errors import InputError

    host = text.strip()
    if not _HOST.fullmatch(host):
        shown = host if len(host) <= 40 else host[:40] + "..."
        raise InputError(
            f"--host {shown!r} is not an address; accepted: an IP address or host name of this "
            "machine, such as 127.0.0.1"
        )
    if host.startswith("[") and host.endswith("]"):  # [::1], as in a URL
        host = host[1:-1]
    return host


def cmd_serve(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.cli import open_in_browser
    from legday.cli.commands import _journal
    from legday.core.parse import parse_int

    port = parse_int(ns.port, 0, 65535, "port")
    max_tabs = parse_int(ns.max_tabs, 1, MOST_TABS, "--max-tabs") if ns.max_tabs is not None else None
    host = _host(ns.host)
    # The data folder, found (and made) here through the journal: a folder legday cannot use is
    # reported now rather than by every browser tab, and each tab's app gets the same absolute
    # path whatever folder it is started in.
    journal = _journal(ns, now)
    data_dir = str(journal.data_dir.absolute()) if ns.data_dir else None
    for problem in journal.take_problems():
        say("warning", problem)
    return open_in_browser(host, port, data_dir, max_tabs)
