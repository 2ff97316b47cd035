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

It fails closed. Before the address is printed, the guard is checked twice: it must be in the web
application in front of every route, and real requests on the bound port without the token (the
page, a script, the WebSocket) must come back 403. If either fails (a textual-serve that no longer
works the way the pinned one does), ``legday serve`` stops with one line and serves nobody.

It cleans up after itself:

- the address is printed only once the port is bound; a taken port is one line, exit 2;
- at most ``--max-tabs`` tabs (default 4) are open at once: each is an app process;
- Ctrl+C, SIGTERM and SIGHUP close the tabs and end the server within about two seconds;
- each tab's app process ties itself to the server (a parent-death signal on Linux, a watch on its
  parent everywhere), so a server killed outright (SIGKILL) takes its tabs with it.

Two tabs are two app processes on one data folder: locked, atomic writes keep them consistent.
Nothing here imports Textual or the app: the app runs in the child processes. Imports beyond the
standard library's smallest modules are made where they are used: the app imports this module at
start (``tie_to_server``), and ``legday serve`` needs the web extra only when it runs.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from aiohttp import web as aioweb

NEEDS_EXTRA = "legday serve needs the web extra; accepted: pip install 'legday[web]', then legday serve"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
# Tabs open at once. Each is a Python process running the app (about 60 MB); four cover a phone, a
# laptop and a spare, and a page left reloading in a loop cannot fill the machine with them.
DEFAULT_TABS = 4
# Ctrl+C: how long the open tabs get to close before the server ends anyway (their app processes
# then end by the parent-death signal or their watch).
STOP_GRACE = 1.5
# Set (by the command textual-serve runs) in each tab's app process: the server's process id.
PARENT_ENV = "LEGDAY_SERVE_PARENT"
# The requests the startup check makes without the token. Each must be refused (403).
PROBES = ("/", "/?token=wrong", "/ws", "/static/js/textual.js", "/download/probe")


class ServeError(Exception):
    """``legday serve`` did not start. The message is one line: what is wrong, what would do."""

    exit_code = 1


class CannotListen(ServeError):
    """The address or port cannot be used (taken, not this machine's): bad input, exit 2."""

    exit_code = 2


class GuardMissing(ServeError):
    """The token guard is not in place: nothing is served, exit 1."""


def is_loopback(host: str) -> bool:
    import ipaddress

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
    import secrets

    return secrets.token_urlsafe(24)


def app_command(data_dir: str | None, parent: int | None = None) -> str:
    """The command textual-serve runs (with ``sh -c``) for each tab: this Python, this legday, the
    same data. ``exec`` makes the app the server's own child (no shell in between), and the variable
    tells it which process to end with (``tie_to_server``)."""
    import shlex

    parts = [sys.executable, "-m", "legday"]
    if data_dir:
        parts += ["--data-dir", str(data_dir)]
    if os.name != "posix":  # pragma: no cover - textual-serve's shell there is cmd.exe
        return shlex.join(parts)
    pid = os.getpid() if parent is None else parent
    return f"exec env {PARENT_ENV}={pid} {shlex.join(parts)}"


def tie_to_server() -> None:
    """In a tab's app process: end when the server that started it ends, however it ends.

    On Linux the kernel sends SIGTERM the moment the server process is gone (PR_SET_PDEATHSIG; the
    app's web driver exits on SIGTERM). Everywhere, a thread watches the parent and, when it has
    changed, sends the same signal and, if the app is still there three seconds later, ends the
    process (every save is already on disk: writes are atomic). Does nothing outside ``legday serve``.
    """
    value = os.environ.pop(PARENT_ENV, "")
    if not (value.isascii() and value.isdigit()):
        return
    parent = int(value)
    if sys.platform.startswith("linux"):
        _parent_death_signal(signal.SIGTERM)
    if os.getppid() != parent:  # the server ended before this process got here
        os._exit(0)
    import threading

    threading.Thread(target=_watch_parent, args=(parent,), name="legday-serve-watch", daemon=True).start()


def _parent_death_signal(sig: int) -> None:
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        pr_set_pdeathsig = 1
        libc.prctl(pr_set_pdeathsig, int(sig), 0, 0, 0)
    except (OSError, AttributeError):  # pragma: no cover - no prctl: the watch does it
        pass


def _watch_parent(parent: int, every: float = 0.5, grace: float = 3.0) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(every)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(grace)
    os._exit(1)


def warning_for(host: str) -> str | None:
    if is_loopback(host):
        return None
    return (
        f"legday: WARNING: serving on {host}, which other machines can reach.\n"
        "legday: WARNING: anyone with the link (its token) can read and change your logs, and the\n"
        "legday: WARNING: traffic is not encrypted. Use --host 127.0.0.1 unless you mean this."
    )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def url_for(host: str, port: int, token: str) -> str:
    shown = host
    if host in ("0.0.0.0", "::", ""):
        import socket

        shown = socket.gethostname()
    return f"http://{_url_host(shown)}:{port}/?token={token}"


def refusal(request: aioweb.Request, token: str, cookie: str, loopback: bool) -> str | None:
    """Why the guard refuses ``request`` (403), or None to let it through."""
    import hmac

    if loopback and not is_loopback(_host_name(request.host)):
        return "this server answers only to a loopback address"
    given = request.query.get("token") or request.cookies.get(cookie) or ""
    if not hmac.compare_digest(given.encode("utf-8", "replace"), token.encode()):
        return "open the address `legday serve` printed, with its ?token=..."
    if request.headers.get("Upgrade", "").lower() == "websocket" or request.path == "/ws":
        own = f"{request.scheme}://{request.host}"
        if request.headers.get("Origin") != own:
            return "a WebSocket from another origin is refused"
    return None


def build_server(command: str, host: str, port: int, token: str, *, max_tabs: int = DEFAULT_TABS) -> Any:
    """A textual-serve Server with legday's page, guard and tab limit. Start it with ``start``."""
    try:
        import asyncio
        import logging

        from aiohttp import web
        from textual_serve.server import Server, to_int
    except ImportError:
        from legday.core.errors import InputError

        raise InputError(NEEDS_EXTRA) from None

    from legday import web_page

    class LegdayServer(Server):
        def __init__(self) -> None:
            super().__init__(command, host=host, port=port, title="legday")
            self.token = token
            self.loopback = is_loopback(host)
            self.cookie = f"legday_token_{port}"  # per port: cookies do not tell ports apart
            self.max_tabs = max_tabs
            self.tabs: set[asyncio.Task] = set()
            self.stopping = False

        @web.middleware
        async def guard(self, request: web.Request, handler) -> web.StreamResponse:
            why = refusal(request, self.token, self.cookie, self.loopback)
            if why is not None:
                raise web.HTTPForbidden(text=f"legday: {why}\n")
            response = await handler(request)
            if not response.prepared:
                # The token is in the page's address: never send it on to another site.
                response.headers.setdefault("Referrer-Policy", "no-referrer")
                response.headers.setdefault("Cache-Control", "no-store")
            return response

        def full(self) -> bool:
            return self.stopping or len(self.tabs) >= self.max_tabs

        async def handle_index(self, request: web.Request) -> web.StreamResponse:
            # A reload lets the old tab's app go first: wait a moment for its place.
            for _ in range(10):
                if not self.full():
                    break
                await asyncio.sleep(0.1)
            if self.full():
                return web.Response(status=503, text=web_page.full(self.max_tabs), content_type="text/html")
            # URLs from the address the browser used, so the cookie and the Origin match it.
            ws_scheme = "wss" if request.scheme == "https" else "ws"
            html = web_page.page(
                static_url=f"{request.scheme}://{request.host}/static/",
                websocket_url=f"{ws_scheme}://{request.host}/ws",
                font_size=min(max(to_int(request.query.get("fontsize", "16"), 16), 6), 64),
            )
            response = web.Response(text=html, content_type="text/html")
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="Strict", path="/")
            return response

        async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
            if self.full():
                raise web.HTTPServiceUnavailable(
                    text=f"legday: {self.max_tabs} tabs are open, the most this server allows\n"
                )
            task = asyncio.current_task()
            assert task is not None
            self.tabs.add(task)
            try:
                return await super().handle_websocket(request)
            finally:
                self.tabs.discard(task)

        async def on_startup(self, app: web.Application) -> None:
            """Nothing: legday prints the address itself, once the port is bound and guarded."""

        def initialize_logging(self) -> None:
            logging.basicConfig(level="WARNING", format="legday serve: %(message)s")

    return LegdayServer()


def check_guard(app: Any, server: Any) -> None:
    """The guard is in front of every route, and the page and the WebSocket are legday's handlers.
    Raises GuardMissing otherwise."""
    if server.guard not in app.middlewares:
        raise GuardMissing(_guard_missing("the token guard is not in the web application"))
    handlers = {getattr(route.handler, "__func__", None) for route in app.router.routes()}
    for name in ("handle_index", "handle_websocket"):
        if getattr(type(server), name, None) not in handlers:
            raise GuardMissing(_guard_missing(f"its routes no longer go to legday's {name}"))


def _guard_missing(why: str) -> str:
    from legday import private_api

    return (
        f"legday serve will not start: {why} (textual-serve {private_api.textual_serve_version()} "
        f"installed, {private_api.TEXTUAL_SERVE_TESTED} tested); nothing was served; accepted: "
        "pip install 'legday[web]', which installs the tested version"
    )


async def start(server: Any) -> Any:
    """Bind, check the guard, and return the running aiohttp runner. ``server.port`` is then the
    bound port (``--port 0`` asks for any free one). Raises CannotListen or GuardMissing, having
    stopped what it started."""
    from aiohttp import web

    from legday import private_api

    try:
        app = await private_api.serve_app(server)
    except AttributeError:
        raise GuardMissing(_guard_missing("textual-serve's web application cannot be reached")) from None
    app.middlewares.append(server.guard)
    check_guard(app, server)
    runner = web.AppRunner(app, handle_signals=False, access_log=None, shutdown_timeout=STOP_GRACE)
    await runner.setup()
    try:
        site = web.TCPSite(runner, server.host, server.port)
        await site.start()
    except (OSError, UnicodeError, ValueError) as err:
        await runner.cleanup()
        reason = getattr(err, "strerror", None) or str(err) or type(err).__name__
        raise CannotListen(
            f"cannot listen on {server.host} port {server.port} ({reason}); accepted: a free port "
            "(--port N, or --port 0 for any) on an address of this machine"
        ) from None
    server.port = runner.addresses[0][1]
    server.cookie = f"legday_token_{server.port}"
    try:
        await probe(server)
    except BaseException:
        await stop(server, runner)  # an app the probe's WebSocket may have started included
        raise
    return runner


async def probe(server: Any) -> None:
    """Ask the bound server, as a stranger would, for each of PROBES and the WebSocket: every answer
    must be 403. Raises GuardMissing if one is not (no answer at all included)."""
    import aiohttp

    host = {"0.0.0.0": "127.0.0.1", "": "127.0.0.1", "::": "::1"}.get(server.host, server.host)
    base = f"http://{_url_host(host)}:{server.port}"
    answers: list[tuple[str, str]] = []
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15)) as http:
        for path in PROBES:
            try:
                async with http.get(base + path, allow_redirects=False) as response:
                    answers.append((path, str(response.status)))
            except (aiohttp.ClientError, OSError, TimeoutError) as err:
                answers.append((path, f"no answer ({err or type(err).__name__})"))
        try:
            websocket = await http.ws_connect(base + "/ws", headers={"Origin": base})
        except aiohttp.WSServerHandshakeError as refused:
            answers.append(("/ws (WebSocket)", str(refused.status)))
        except (aiohttp.ClientError, OSError, TimeoutError) as err:
            answers.append(("/ws (WebSocket)", f"no answer ({err or type(err).__name__})"))
        else:
            await websocket.close()
            answers.append(("/ws (WebSocket)", "101"))
    let_in = [f"{path} answered {answer}" for path, answer in answers if answer != "403"]
    if let_in:
        raise GuardMissing(_guard_missing("without the token, " + ", ".join(let_in)))


async def stop(server: Any, runner: Any, grace: float = STOP_GRACE) -> None:
    """Close every tab (textual-serve first asks its app to quit, then closes the WebSocket) and the
    server, within about ``grace`` seconds all told; what is still running then ends with this
    process (a tab's app by its tie to the server)."""
    import asyncio

    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    server.stopping = True
    tabs = list(server.tabs)
    for task in tabs:
        task.cancel()
    if tabs:
        # Most of the time for the tabs: a browser that does not answer the WebSocket's close
        # would otherwise hold each for ten seconds.
        await asyncio.wait(tabs, timeout=grace * 2 / 3)
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(runner.cleanup(), timeout=max(deadline - loop.time(), 0.1))


async def _until_signal() -> None:
    import asyncio

    loop = asyncio.get_running_loop()
    stopping = asyncio.Event()

    def on_signal() -> None:
        if stopping.is_set():  # a second Ctrl+C: at once
            os._exit(130)
        stopping.set()

    for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(sig, on_signal)
    await stopping.wait()


def serve(
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
    data_dir: str | None = None,
    max_tabs: int = DEFAULT_TABS,
) -> int:
    """Serve until Ctrl+C (or SIGTERM, SIGHUP). The address with its token is printed once the port
    is bound and the guard checked; the warning for a non-loopback address comes first."""
    import asyncio

    server = build_server(app_command(data_dir), host, port, new_token(), max_tabs=max_tabs)
    server.initialize_logging()
    loop = asyncio.new_event_loop()
    try:
        runner = loop.run_until_complete(start(server))
        warning = warning_for(host)
        if warning:
            print(warning, file=sys.stderr, flush=True)
        print(f"legday in a browser: {url_for(host, server.port, server.token)}", flush=True)
        print(
            f"Open that address (it carries the token); up to {max_tabs} tabs at once. Ctrl+C stops the server.",
            flush=True,
        )
        loop.run_until_complete(_until_signal())
        loop.run_until_complete(stop(server, runner))
    finally:
        # Tabs still closing after the grace period are not waited for (their apps end with this
        # process); asyncio is told not to report them as abandoned.
        loop.set_exception_handler(lambda _loop, _context: None)
    return 0
