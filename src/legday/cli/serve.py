"""``legday serve [--host 127.0.0.1] [--port 8000]``: the app in a browser (extra ``legday[web]``).
What it guards and how is in ``legday/web.py``."""

from __future__ import annotations

import argparse
import datetime as dt


def command_parser(name: str, make) -> argparse.ArgumentParser:
    p = make(
        "serve",
        "[--host 127.0.0.1] [--port 8000]",
        "Serve the app to a web browser (needs legday[web]). It listens on 127.0.0.1 unless\n"
        "--host says otherwise, prints an address with a random token, and refuses anyone\n"
        "without it. Each browser tab runs its own app on the same data.",
    )
    p.add_argument("--host", metavar="ADDRESS", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    p.add_argument("--port", metavar="N", default="8000", help="port (default 8000)")
    return p


def cmd_serve(ns: argparse.Namespace, now: dt.datetime) -> int:
    from legday.core.errors import InputError
    from legday.core.parse import parse_int

    port = parse_int(ns.port, 1, 65535, "port")
    host = ns.host.strip()
    if not host:
        raise InputError("--host is empty; accepted: an address such as 127.0.0.1")
    from legday import web

    try:
        return web.serve(host, port, ns.data_dir)
    except OSError as err:
        raise InputError(f"cannot listen on {host}:{port} ({err.strerror or err}); accepted: a free "
                         "port (--port N) on an address of this machine") from None
