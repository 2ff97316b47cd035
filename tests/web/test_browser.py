"""``legday serve`` in a real headless Chromium (skipped where there is none), driven over the DevTools
protocol: the page asks nothing of any other site and no favicon, the app starts without a click and
has the keyboard (a key pressed goes over the WebSocket to the app), and Ctrl+C on the server with the
tab open ends the server and the tab's app, the page then saying legday has closed.

Chromium runs with no network of its own (background networking, component updates and sync off);
every wait is for a condition, with a generous limit."""

from __future__ import annotations

import asyncio
import base64
import itertools
import json
import shutil
import signal
import subprocess

import aiohttp
import pytest

from .conftest import LIMIT, alive, needs_proc, until

CHROMIUM = next(
    (shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None
)
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="needs a Chromium")


class DevTools:
    """Just enough of the DevTools protocol: calls, and the events that arrive in between."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: list[dict] = []

    async def call(self, method: str, **params):
        number = next(self.ids)
        await self.ws.send_json({"id": number, "method": method, "params": params})
        while True:
            message = json.loads((await asyncio.wait_for(self.ws.receive(), LIMIT)).data)
            if message.get("id") == number:
                if "error" in message:
                    raise AssertionError(message["error"])
                return message.get("result", {})
            self.events.append(message)

    async def value(self, expression: str):
        return (await self.call("Runtime.evaluate", expression=expression, returnByValue=True))["result"].get(
            "value"
        )

    async def until(self, expression: str) -> bool:
        loop = asyncio.get_running_loop()
        end = loop.time() + LIMIT
        while not await self.value(expression):
            if loop.time() > end:
                return False
            await asyncio.sleep(0.1)
        return True

    def sent_frames(self) -> list[str]:
        return [
            e["params"]["response"]["payloadData"]
            for e in self.events
            if e.get("method") == "Network.webSocketFrameSent"
        ]


@pytest.fixture
def chromium(tmp_path):
    profile = tmp_path / "chromium-profile"
    browser = subprocess.Popen(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "--window-size=1000,700",
            "about:blank",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    port_file = profile / "DevToolsActivePort"
    assert until(lambda: port_file.exists() and port_file.read_text().count("\n") >= 1)
    yield int(port_file.read_text().split()[0])
    browser.terminate()
    browser.wait(LIMIT)


def test_the_page_in_chromium(serve_process, chromium, tmp_path):
    needs_proc()
    server = serve_process()
    assert server.line
    url = f"{server.base}/?token={server.token}"

    async def browse():
        async with aiohttp.ClientSession() as http:
            async with http.get(f"http://127.0.0.1:{chromium}/json") as r:
                [page] = [t for t in await r.json() if t["type"] == "page"]
            ws = await http.ws_connect(page["webSocketDebuggerUrl"], max_msg_size=0)
            tools = DevTools(ws)
            await tools.call("Network.enable")
            await tools.call("Page.enable")
            await tools.call("Page.navigate", url=url)
            # The app shows and the terminal has the keyboard, with no click.
            assert await tools.until("document.body && document.body.classList.contains('-first-byte')")
            assert await tools.until(
                "document.activeElement && document.activeElement.classList.contains('xterm-helper-textarea')"
            )
            assert await tools.value("document.fonts.check('16px \"Roboto Mono\"')")
            assert (await tools.value("document.querySelector('link[rel=icon]').href")).startswith(
                "data:image/svg+xml,"
            )
            for kind in ("keyDown", "keyUp"):
                await tools.call(
                    "Input.dispatchKeyEvent",
                    type=kind,
                    key="?",
                    code="Slash",
                    **({"text": "?"} if kind == "keyDown" else {}),
                )
            await tools.until("true")  # one round trip, so the frame's event has arrived
            assert '["stdin","?"]' in tools.sent_frames()
            requested = [
                e["params"]["request"]["url"]
                for e in tools.events
                if e.get("method") == "Network.requestWillBeSent"
            ]
            assert requested and all(u.startswith(server.base + "/") for u in requested), requested
            assert not [u for u in requested if "favicon" in u]
            shot = await tools.call("Page.captureScreenshot", format="png")
            (tmp_path / "page.png").write_bytes(base64.b64decode(shot["data"]))

            # Ctrl+C on the server with the tab open: the server and the tab's app end, and the page
            # says legday has closed.
            tabs = server.tabs()
            assert len(tabs) == 1
            server.process.send_signal(signal.SIGINT)
            assert await tools.until("document.body.classList.contains('-closed')")
            await ws.close()
            return tabs

    tabs = asyncio.run(asyncio.wait_for(browse(), 3 * LIMIT))
    assert until(server.ended) and server.process.returncode == 0
    assert until(lambda: not any(alive(pid) for pid in tabs))
