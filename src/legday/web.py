"""legday in a browser: ``legday serve`` runs the app through textual-serve (extra ``legday[web]``).

textual-serve starts one app process per browser tab and relays the terminal over a WebSocket. It
has no authentication and accepts a WebSocket from any page, so legday adds what it lacks:

- it binds to 127.0.0.1 unless told otherwise, and warns loudly when it is not loopback;
- every request needs the random token printed in the URL (``/?token=...``); the page sets it as
  a cookie (HttpOnly, SameSite=Strict) so the page's own scripts, assets and WebSocket carry it;
  anything without it gets 403;
- a WebSocket whose Origin is not the server's own is refused (403), so another web page open in the
  same browser cannot drive legday even if it guessed the port;
- bound to loopback, a request whose Host is not a loopback name is refused, which stops a DNS
  rebinding page from reaching the server under its own name.

Two tabs are two app processes on one data folder: locked, atomic writes keep them consistent.
Nothing here imports Textual or the app: the app runs in the child processes.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import shlex
import sys

NEEDS_EXTRA = "legday serve needs the web extra; accepted: pip install 'legday[web]', then legday serve"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def is_loopback(host: str) -> bool:
    name = host.strip().strip("[]").lower()
    if name == "localhost" or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str) -> str:
    """``127.0.0.1:8000`` -> ``127.0.0.1``; ``[::1]:8000`` -> ``::1``."""
    if host_header.startswith("["):
        return host_header[1:].split("]", 1)[0]
    return host_header.rsplit(":", 1)[0] if host_header.count(":") == 1 else host_header


def new_token() -> str:
    return secrets.token_urlsafe(24)


def app_command(data_dir: str | None) -> str:
    """The command textual-serve runs for each tab: this Python, this legday, the same data."""
    parts = [sys.executable, "-m", "legday"]
    if data_dir:
        parts += ["--data-dir", str(data_dir)]
    return shlex.join(parts)


def warning_for(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (
        f"legday: WARNING: serving on {host}, which other machines can reach.\n"
        "legday: WARNING: anyone with the link (its token) can read and change your logs, and the\n"
        "legday: WARNING: traffic is not encrypted. Use --host 127.0.0.1 unless you mean this."
    )


def url_for(host: str, port: int, token: str) -> str:
    shown = host
    if host in ("0.0.0.0", "::", ""):
        import socket

        shown = socket.gethostname()
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/?token={token}"


def build_server(command: str, host: str, port: int, token: str, *, quiet: bool = False):
    """A textual-serve Server with legday's guard in front of every route."""
    try:
        import aiohttp_jinja2
        from aiohttp import web
        from textual_serve.server import Server, to_int
    except ImportError:
        from legday.core.errors import InputError

        raise InputError(NEEDS_EXTRA) from None

    loopback = is_loopback(host)
    cookie = f"legday_token_{port}"

    @web.middleware
    async def guard(request: web.Request, handler):
        if loopback and not is_loopback(_host_name(request.host)):
            raise web.HTTPForbidden(text="legday: this server answers only to a loopback address\n")
        given = request.query.get("token") or request.cookies.get(cookie) or ""
        if not hmac.compare_digest(given.encode(), token.encode()):
            raise web.HTTPForbidden(
                text="legday: open the address `legday serve` printed, with its ?token=...\n"
            )
        if request.headers.get("Upgrade", "").lower() == "websocket" or request.path == "/ws":
            own = f"{request.scheme}://{request.host}"
            if request.headers.get("Origin") != own:
                raise web.HTTPForbidden(text="legday: a WebSocket from another origin is refused\n")
        response = await handler(request)
        if not response.prepared:
            # The token is in the page's address: never send it on to another site.
            response.headers.setdefault("Referrer-Policy", "no-referrer")
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    class LegdayServer(Server):
        async def _make_app(self) -> web.Application:
            app = await super()._make_app()
            app.middlewares.append(guard)
            return app

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # URLs from the address the browser used, so the cookie and the Origin match it.
            base = f"{request.scheme}://{request.host}"
            ws_scheme = "wss" if request.scheme == "https" else "ws"
            context = {
                "font_size": to_int(request.query.get("fontsize", "16"), 16),
                "app_websocket_url": f"{ws_scheme}://{request.host}/ws",
                "config": {"static": {"url": f"{base}/static/"}},
                "application": {"name": self.title},
            }
            response = aiohttp_jinja2.render_template("app_index.html", request, context)
            response.set_cookie(cookie, token, httponly=True, samesite="Strict", path="/")
            return response

        async def on_startup(self, app: web.Application) -> None:
            if not quiet:
                print(f"legday in a browser: {url_for(host, port, token)}", flush=True)
                print("Open that address (it carries the token); Ctrl+C stops the server.", flush=True)

        def initialize_logging(self) -> None:
            import logging

            logging.basicConfig(level="WARNING", format="legday serve: %(message)s")

    return LegdayServer(command, host=host, port=port, title="legday")


def serve(host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, data_dir: str | None = None) -> int:
    """Run until Ctrl+C. Prints the warning (if any) and the address with its token first."""
    token = new_token()
    server = build_server(app_command(data_dir), host, port, token)
    warning = warning_for(host)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    server.serve()
    return 0
