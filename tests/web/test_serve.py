"""``legday serve`` in the test's own process: the server started on 127.0.0.1 and a free port the way
``legday serve`` starts it (``web.start``: bound, guard checked), fetched with and without the token,
the WebSocket opened with the right and a wrong Origin and without the token, and the week's text seen
arriving from the app process behind it. Then what it refuses to do: start without its guard in place,
and open more tabs than it allows. Loopback only; every wait is bounded; servers and app processes are
stopped at the end."""

from __future__ import annotations

import asyncio
import contextlib
import re

import aiohttp
import pytest

from legday import private_api, web
from legday.cli.args import command_parser

from .conftest import LIMIT, children, open_tab, until_async, until_reaped

TOKEN = web.new_token()


@contextlib.asynccontextmanager
async def running(data_dir, *, max_tabs: int = web.DEFAULT_TABS, host: str = web.DEFAULT_HOST):
    server = web.build_server(web.app_command(str(data_dir)), host, 0, TOKEN, max_tabs=max_tabs)
    runner = await web.start(server)
    try:
        yield server
    finally:
        await web.stop(server, runner)


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=3 * LIMIT))


def test_requests_without_the_token_are_refused_and_with_it_served(tmp_path):
    async def check():
        async with running(tmp_path / "data") as server, aiohttp.ClientSession() as http:
            base = f"http://127.0.0.1:{server.port}"
            cookie = f"legday_token_{server.port}"
            for path in ("/", "/?token=wrong", "/static/js/textual.js", "/ws", "/download/x", "/static/"):
                async with http.get(base + path) as r:
                    assert r.status == 403, path
            # The WebSocket without the token, from the page's own origin: refused before any app starts.
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(base + "/ws", headers={"Origin": base})
            assert refused.value.status == 403
            async with http.get(f"{base}/?token={TOKEN}") as r:
                assert r.status == 200
                page = await r.text()
                assert r.headers["Referrer-Policy"] == "no-referrer"
                given = r.cookies[cookie]
                assert given.value == TOKEN and given["httponly"] and given["samesite"] == "Strict"
            assert f"ws://127.0.0.1:{server.port}/ws" in page
            async with http.get(f"{base}/static/js/textual.js", headers={"Cookie": f"{cookie}={TOKEN}"}) as r:
                assert r.status == 200
            # A DNS-rebinding page reaches us under its own name: refused even with the token.
            async with http.get(
                f"{base}/?token={TOKEN}", headers={"Host": f"evil.example:{server.port}"}
            ) as r:
                assert r.status == 403

    run(check())


def test_websocket_origin_is_checked_and_the_week_arrives(tmp_path):
    from tests.fixtures import write_typical_week

    data_dir = tmp_path / "data"
    write_typical_week(data_dir)

    async def check():
        before = children()
        async with running(data_dir) as server, aiohttp.ClientSession() as http:
            own = f"http://127.0.0.1:{server.port}"
            url = f"ws://127.0.0.1:{server.port}/ws?width=100&height=30"
            cookie = {"Cookie": f"legday_token_{server.port}={TOKEN}"}
            for origin in ("http://evil.example", f"http://localhost:{server.port}", None):
                headers = dict(cookie, **({"Origin": origin} if origin else {}))
                with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                    await http.ws_connect(url, headers=headers)
                assert refused.value.status == 403
            ws = await http.ws_connect(url, headers=dict(cookie, Origin=own))
            screen = ""
            loop = asyncio.get_running_loop()
            deadline = loop.time() + LIMIT
            while loop.time() < deadline:
                try:
                    msg = await ws.receive(timeout=deadline - loop.time())
                except TimeoutError:
                    break
                if msg.type == aiohttp.WSMsgType.BINARY:
                    screen += msg.data.decode("utf-8", "replace")
                elif msg.type != aiohttp.WSMsgType.TEXT:
                    break
                plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
                if "legs" in plain and re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", plain):
                    break
            plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
            assert "legs" in plain, plain[-2000:]
            await ws.close()
            # Closing the tab ends its app process.
            assert await until_reaped(before)

    run(check())


def test_the_default_address_is_loopback_and_others_get_a_warning(tmp_path):
    assert command_parser("serve").parse_args([]).host == web.DEFAULT_HOST == "127.0.0.1"
    assert web.is_loopback("127.0.0.1") and web.is_loopback("::1") and web.is_loopback("localhost")
    assert not web.is_loopback("0.0.0.0") and not web.is_loopback("192.168.1.5")
    assert web.warning_for("127.0.0.1") is None
    assert "WARNING" in web.warning_for("0.0.0.0") and "--host 127.0.0.1" in web.warning_for("0.0.0.0")
    assert web.url_for("127.0.0.1", 8123, "abc") == "http://127.0.0.1:8123/?token=abc"

    async def check():
        server = web.build_server(web.app_command(None), web.DEFAULT_HOST, 0, TOKEN)
        runner = await web.start(server)
        try:
            assert [address[0] for address in runner.addresses] == ["127.0.0.1"]
        finally:
            await web.stop(server, runner)

    run(check())


# -- fail closed -------------------------------------------------------------------------------------


def _start_refused(tmp_path) -> str:
    async def attempt():
        before = children(zombies=True)
        server = web.build_server(web.app_command(str(tmp_path / "data")), "127.0.0.1", 0, TOKEN)
        with pytest.raises(web.GuardMissing) as refused:
            runner = await web.start(server)
            await web.stop(server, runner)  # pragma: no cover - only if it started
        assert await until_reaped(before)  # an app the check's own WebSocket started has ended
        return str(refused.value)

    return run(attempt())


def test_a_guard_that_lets_strangers_in_stops_the_server_from_starting(tmp_path, monkeypatch):
    """The guard is in the application, but (say textual-serve now answers some route before the
    middleware runs) requests without the token get through: the startup check asks, as a stranger,
    for the page, a script and the WebSocket, and refuses to start."""
    monkeypatch.setattr(web, "refusal", lambda *args: None)
    message = _start_refused(tmp_path)
    assert "without the token, / answered 200" in message
    assert "/ws (WebSocket) answered 101" in message
    assert "nothing was served" in message and private_api.TEXTUAL_SERVE_TESTED in message


def test_a_textual_serve_without_its_private_app_factory_does_not_start(tmp_path, monkeypatch):
    """A textual-serve that renamed ``Server._make_app``: legday calls it (never overrides it), so
    the server refuses to start instead of serving without the guard."""
    from textual_serve.server import Server

    monkeypatch.delattr(Server, "_make_app")
    assert "cannot be reached" in _start_refused(tmp_path)


def test_routes_that_bypass_legdays_handlers_stop_the_server_from_starting(tmp_path, monkeypatch):
    """A textual-serve whose routes no longer go to the page and WebSocket handlers legday overrides
    (renamed upstream, so the overrides silently stop taking): refused before binding."""
    from textual_serve.server import Server

    original = private_api.serve_app

    async def upstream_routes(server):
        plain = Server(server.command, host=server.host, port=server.port)
        return await original(plain)

    monkeypatch.setattr(private_api, "serve_app", upstream_routes)
    assert "no longer go to legday's handle_index" in _start_refused(tmp_path)


def test_serve_refuses_on_the_command_line_in_one_line_and_prints_no_address(tmp_path, monkeypatch, capsys):
    from legday.cli import run as legday

    monkeypatch.setattr(web, "refusal", lambda *args: None)
    assert legday(["--data-dir", str(tmp_path / "data"), "serve", "--port", "0"]) == 1
    out, err = capsys.readouterr()
    assert "token" not in out and out == ""
    [line] = err.splitlines()
    assert line.startswith("legday: error: legday serve will not start: without the token")


# -- the page ----------------------------------------------------------------------------------------


def test_the_page_asks_nothing_of_other_sites_and_carries_its_icon(tmp_path):
    """Every address the page loads is the server's own (or data: for the icon): no web font from a
    font CDN, no favicon request; the font textual-serve ships is declared for the terminal."""

    async def check():
        async with running(tmp_path / "data") as server, aiohttp.ClientSession() as http:
            base = f"http://127.0.0.1:{server.port}"
            async with http.get(f"{base}/?token={TOKEN}") as r:
                page = await r.text()
            loaded = re.findall(r"""(?:src|href)="([^"]*)"|url\("([^"]*)"\)""", page)
            addresses = [a or b for a, b in loaded]
            assert addresses, page
            assert all(a.startswith((base + "/static/", "data:image/svg+xml,")) for a in addresses), addresses
            assert not re.search(r"https?://(?!127\.0\.0\.1|www\.w3\.org/2000/svg)", page)
            assert any(a.startswith("data:image/svg+xml,") for a in addresses)  # the icon
            assert '<link rel="icon"' in page
            for static in [a for a in addresses if a.startswith(base)]:
                async with http.get(static, headers={"Cookie": f"legday_token_{server.port}={TOKEN}"}) as r:
                    assert r.status == 200, static  # the font, the script and the stylesheet are there
            assert "Roboto Mono" in page and "fonts/RobotoMono-VariableFont_wght.ttf" in page

    run(check())


# -- tabs --------------------------------------------------------------------------------------------


def test_no_more_tabs_than_allowed(tmp_path):
    """With --max-tabs 1, a second tab is refused (503) while the first is open, and the page says
    why; once the first is closed another can open."""

    async def check():
        before = children()
        async with running(tmp_path / "data", max_tabs=1) as server, aiohttp.ClientSession() as http:
            base = f"http://127.0.0.1:{server.port}"
            cookie = f"legday_token_{server.port}"
            first = await open_tab(http, base, TOKEN, cookie)
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await http.ws_connect(
                    f"ws://127.0.0.1:{server.port}/ws",
                    headers={"Cookie": f"{cookie}={TOKEN}", "Origin": base},
                )
            assert refused.value.status == 503
            async with http.get(f"{base}/?token={TOKEN}") as r:
                assert r.status == 503
                assert "already has 1 tab open" in await r.text()
            assert len(children() - before) == 1  # the refused tab started no app
            await first.close()
            assert await until_async(lambda: not server.tabs)
            second = await open_tab(http, base, TOKEN, cookie)
            await second.close()
            assert await until_reaped(before)

    run(check())
