"""``legday serve``: the server started in the test on 127.0.0.1 and a random port, fetched with and
without the token, the WebSocket opened with the right and a wrong Origin, and the week's text seen
arriving from the app process behind it. Loopback only; every wait is bounded; the server and the
app process are stopped at the end."""

from __future__ import annotations

import asyncio
import contextlib
import re

import pytest

from legday import web

pytest.importorskip("textual_serve")
aiohttp = pytest.importorskip("aiohttp")

TOKEN = web.new_token()


async def start(data_dir):
    from aiohttp import web as aioweb

    server = web.build_server(web.app_command(str(data_dir)), "127.0.0.1", 0, TOKEN, quiet=True)
    app = await server._make_app()
    runner = aioweb.AppRunner(app)
    await runner.setup()
    site = aioweb.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    return runner, port


def children() -> set[str]:
    """Our child processes (Linux /proc), so the test can wait for the app process to end."""
    import pathlib

    found: set[str] = set()
    for task in pathlib.Path("/proc/self/task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.update(task.read_text().split())
    return found


async def until_apps_ended(before: set[str], limit: float = 15) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while children() - before and loop.time() < end:
        await asyncio.sleep(0.1)
    await asyncio.sleep(0.2)  # let asyncio see the pipes close


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, timeout=90))


def test_requests_without_the_token_are_refused_and_with_it_served(tmp_path):
    async def check():
        runner, port = await start(tmp_path / "data")
        base = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession() as http:
                for path in ("/", "/?token=wrong", "/static/js/textual.js", "/ws", "/download/x"):
                    async with http.get(base + path) as r:
                        assert r.status == 403, path
                async with http.get(f"{base}/?token={TOKEN}") as r:
                    assert r.status == 200
                    page = await r.text()
                    assert r.headers["Referrer-Policy"] == "no-referrer"
                    cookie = r.cookies["legday_token_0"]
                    assert cookie.value == TOKEN and cookie["httponly"] and cookie["samesite"] == "Strict"
                assert f"ws://127.0.0.1:{port}/ws" in page
                async with http.get(
                    f"{base}/static/js/textual.js", headers={"Cookie": f"legday_token_0={TOKEN}"}
                ) as r:
                    assert r.status == 200
                # A DNS-rebinding page reaches us under its own name: refused even with the token.
                async with http.get(f"{base}/?token={TOKEN}", headers={"Host": f"evil.example:{port}"}) as r:
                    assert r.status == 403
        finally:
            await runner.cleanup()

    run(check())


def test_websocket_origin_is_checked_and_the_week_arrives(tmp_path):
    from tests.fixtures import write_typical_week

    data_dir = tmp_path / "data"
    write_typical_week(data_dir)

    async def check():
        before = children()
        runner, port = await start(data_dir)
        own = f"http://127.0.0.1:{port}"
        url = f"ws://127.0.0.1:{port}/ws?width=100&height=30"
        cookie = {"Cookie": f"legday_token_0={TOKEN}"}
        try:
            async with aiohttp.ClientSession() as http:
                for origin in ("http://evil.example", f"http://localhost:{port}", None):
                    headers = dict(cookie, **({"Origin": origin} if origin else {}))
                    with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                        await http.ws_connect(url, headers=headers)
                    assert refused.value.status == 403
                with pytest.raises(aiohttp.WSServerHandshakeError):
                    await http.ws_connect(url, headers={"Origin": own})  # no token
                ws = await http.ws_connect(url, headers=dict(cookie, Origin=own))
                screen = ""
                deadline = asyncio.get_running_loop().time() + 60
                while asyncio.get_running_loop().time() < deadline:
                    try:
                        msg = await ws.receive(timeout=deadline - asyncio.get_running_loop().time())
                    except TimeoutError:
                        break
                    if msg.type == aiohttp.WSMsgType.BINARY:
                        screen += msg.data.decode("utf-8", "replace")
                    elif msg.type == aiohttp.WSMsgType.TEXT:
                        continue
                    else:
                        break
                    plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
                    if "legs" in plain and re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b", plain):
                        break
                plain = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen)
                assert "legs" in plain, plain[-2000:]
                await ws.close()
                await until_apps_ended(before)
                assert not children() - before  # closing the tab ended its app process
        finally:
            await runner.cleanup()

    run(check())


def test_loopback_and_the_warning():
    assert web.is_loopback("127.0.0.1") and web.is_loopback("::1") and web.is_loopback("localhost")
    assert not web.is_loopback("0.0.0.0") and not web.is_loopback("192.168.1.5")
    assert web.warning_for("127.0.0.1") is None
    assert "WARNING" in web.warning_for("0.0.0.0") and "--host 127.0.0.1" in web.warning_for("0.0.0.0")
    assert web.url_for("127.0.0.1", 8123, "abc") == "http://127.0.0.1:8123/?token=abc"
