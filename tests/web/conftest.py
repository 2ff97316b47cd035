"""Shared helpers for the ``legday serve`` tests: isolated folders, a server started in the test
(in-process, or as a real ``legday serve`` process on a free loopback port), and the app processes
behind its tabs, found and awaited through Linux's /proc. Every wait is for a condition, with a
generous limit; nothing here measures time."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import selectors
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytest.importorskip("textual_serve")
pytest.importorskip("aiohttp")

LIMIT = 90.0  # seconds: a limit for a wait that normally ends in one or two, on a loaded machine
PROC = Path("/proc")


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test (nor the app processes its server starts) reads or writes the real user's folders."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("LEGDAY_DATA_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_CONFIG_DIR", raising=False)


def until(condition, limit: float = LIMIT, every: float = 0.05) -> bool:
    """Wait for ``condition()`` to hold; whether it did within ``limit`` seconds."""
    end = time.monotonic() + limit
    while not condition():
        if time.monotonic() > end:
            return False
        time.sleep(every)
    return True


async def until_async(condition, limit: float = LIMIT, every: float = 0.05) -> bool:
    loop = asyncio.get_running_loop()
    end = loop.time() + limit
    while not condition():
        if loop.time() > end:
            return False
        await asyncio.sleep(every)
    return True


def needs_proc() -> None:
    if not (PROC / "self" / "task").is_dir() or not list((PROC / "self" / "task").glob("*/children")):
        pytest.skip("needs Linux /proc/PID/task/*/children to find the tab processes")


def children(pid: int | str = "self", *, zombies: bool = False) -> set[int]:
    """The live child processes of ``pid`` (and those dead but not yet reaped, with ``zombies``)."""
    found: set[int] = set()
    for task in (PROC / str(pid) / "task").glob("*/children"):
        with contextlib.suppress(OSError):
            found.update(int(c) for c in task.read_text().split())
    return {c for c in found if zombies or alive(c)}


async def until_reaped(before: set[int]) -> bool:
    """Every app process the test's own server started has ended and been reaped (so asyncio has
    heard of it before the test's event loop closes)."""
    done = await until_async(lambda: not children(zombies=True) - before)
    await asyncio.sleep(0.2)  # the reaper's word reaches the loop through call_soon_threadsafe
    return done


def alive(pid: int) -> bool:
    """Running (a zombie, dead and waiting to be reaped, is not)."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] not in ("Z", "X")


def env(tmp_path: Path) -> dict[str, str]:
    out = dict(os.environ)
    out["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    out["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    out.pop("LEGDAY_DATA_DIR", None)
    out.pop("LEGDAY_CONFIG_DIR", None)
    return out


class ServerProcess:
    """``legday --data-dir DATA serve --port 0 ARGS...`` in its own process, and the address it
    printed. ``line`` is what it printed first (None if it ended before printing)."""

    def __init__(self, tmp_path: Path, *args: str) -> None:
        self.data_dir = tmp_path / "data"
        self.seen: set[int] = set()  # every tab app seen, to end any a failed test left behind
        cmd = [
            sys.executable,
            "-m",
            "legday",
            "--data-dir",
            str(self.data_dir),
            "serve",
            "--port",
            "0",
            *args,
        ]
        self.process = subprocess.Popen(
            cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env(tmp_path), text=True
        )
        self.line = self._first_line()
        match = re.search(r"http://(\S+):(\d+)/\?token=(\S+)", self.line or "")
        self.host, self.port, self.token = (match[1], int(match[2]), match[3]) if match else ("", 0, "")

    def _first_line(self) -> str | None:
        assert self.process.stdout is not None
        with selectors.DefaultSelector() as selector:
            selector.register(self.process.stdout, selectors.EVENT_READ)
            if not selector.select(LIMIT):
                return None
        return self.process.stdout.readline() or None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"

    def tabs(self) -> set[int]:
        found = children(self.process.pid)
        self.seen |= found
        return found

    def ended(self) -> bool:
        return self.process.poll() is not None

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(LIMIT)
        for stream in (self.process.stdout, self.process.stderr):
            if stream:
                stream.close()


@pytest.fixture
def serve_process(tmp_path):
    started: list[ServerProcess] = []

    def start(*args: str) -> ServerProcess:
        server = ServerProcess(tmp_path, *args)
        started.append(server)
        return server

    yield start
    for server in started:
        if not server.ended():
            server.tabs()
        if getattr(server, "tab", None):
            server.tab.close()
        server.close()
        for pid in server.seen:  # should one have outlived a failed test: not past it
            if alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, 9)


async def open_tab(http, base: str, token: str, cookie: str):
    """A browser tab: the WebSocket with the token cookie and the page's Origin, once the app in it
    has drawn something."""
    import aiohttp

    ws = await http.ws_connect(
        base.replace("http", "ws", 1) + "/ws?width=100&height=30",
        headers={"Cookie": f"{cookie}={token}", "Origin": base},
    )
    while True:
        msg = await asyncio.wait_for(ws.receive(), LIMIT)
        if msg.type == aiohttp.WSMsgType.BINARY and len(msg.data) > 10:
            return ws
        if msg.type not in (aiohttp.WSMsgType.TEXT, aiohttp.WSMsgType.BINARY):
            raise AssertionError(f"the tab closed before the app drew anything: {msg}")


class RawTab:
    """A tab held open from a plain socket: the WebSocket handshake a browser makes (token cookie,
    the page's Origin), then bytes read until the app behind it has drawn its first screen. It stays
    open, unanswered, until ``close``, as a tab left open in a browser does."""

    def __init__(self, host: str, port: int, token: str) -> None:
        import base64
        import socket

        self.socket = socket.create_connection((host, port), timeout=LIMIT)
        key = base64.b64encode(os.urandom(16)).decode()
        request = (
            f"GET /ws?width=100&height=30 HTTP/1.1\r\nHost: {host}:{port}\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
            f"Origin: http://{host}:{port}\r\nCookie: legday_token_{port}={token}\r\n\r\n"
        )
        self.socket.sendall(request.encode())
        received = b""
        while b"\r\n\r\n" not in received:
            received += self._read()
        head, _, screen = received.partition(b"\r\n\r\n")
        assert head.startswith(b"HTTP/1.1 101"), head
        while len(screen) < 500:  # the app's first frames (its screen), not just a handshake
            screen += self._read()

    def _read(self) -> bytes:
        chunk = self.socket.recv(65536)
        if not chunk:
            raise AssertionError("the server closed the tab")
        return chunk

    def close(self) -> None:
        self.socket.close()
