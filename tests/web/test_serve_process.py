"""``legday serve`` as a real process on a free loopback port (``--port 0``), with a tab open (an app
process behind a WebSocket, as a browser tab has): however the server ends, its tabs' apps end with
it. Killed outright (SIGKILL, no chance to clean up), hung up on (SIGHUP, a closed terminal), stopped
with Ctrl+C (SIGINT) while a tab is open. Also: the address with its token is printed only once the
port is bound, the default address is loopback, and a taken port is one line, exit 2, no address.

Conditions are awaited with a generous limit; nothing here asserts how long anything took (the
README's figure for Ctrl+C was measured by hand)."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys

import pytest

from .conftest import LIMIT, RawTab, alive, env, needs_proc, until


def _open_a_tab(server) -> set[int]:
    """Open a tab and leave it open. Returns the app processes behind the server's tabs."""
    server.tab = RawTab("127.0.0.1", server.port, server.token)
    assert until(lambda: len(server.tabs()) == 1)
    return server.tabs()


@pytest.mark.parametrize(
    "how", [signal.SIGKILL, signal.SIGHUP, signal.SIGINT], ids=["SIGKILL", "SIGHUP", "Ctrl+C"]
)
def test_the_tabs_end_with_the_server_however_it_ends(serve_process, how):
    needs_proc()
    server = serve_process()
    assert server.line, server.process.stderr.read() if server.ended() else "nothing printed"
    # Printed only once the port is bound: it takes a connection at once, no retry.
    assert server.host == "127.0.0.1"  # the default: loopback
    with socket.create_connection(("127.0.0.1", server.port), timeout=LIMIT):
        pass
    tabs = _open_a_tab(server)
    assert all(alive(pid) for pid in tabs)

    server.process.send_signal(how)
    assert until(server.ended), "the server did not end"
    assert until(lambda: not any(alive(pid) for pid in tabs)), f"orphaned: {tabs}"
    err = server.process.stderr.read()
    assert "Traceback" not in err, err
    if how != signal.SIGKILL:
        assert server.process.returncode == 0


def test_a_taken_port_is_one_line_exit_2_and_no_address(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "legday", "--data-dir", str(tmp_path / "d"), "serve", "--port", str(port)],
            capture_output=True,
            text=True,
            env=env(tmp_path),
            timeout=LIMIT,
        )
    assert done.returncode == 2
    assert done.stdout == ""  # no address, no token: nothing was listening
    [line] = done.stderr.splitlines()
    assert line.startswith(f"legday: error: cannot listen on 127.0.0.1 port {port} (")
    assert "accepted: a free port" in line


@pytest.mark.parametrize("parent_is_the_server", [True, False], ids=["its server", "another process"])
def test_a_tab_app_started_after_its_server_ended_does_not_stay(tmp_path, parent_is_the_server):
    """The tie checks the parent at once: an app whose server is already gone (it has been adopted by
    another process) ends there and then; one whose server is there carries on."""
    import os

    code = (
        "import os, sys\n"
        f"os.environ['LEGDAY_SERVE_PARENT'] = str({os.getpid() if parent_is_the_server else 1})\n"
        "from legday.web import tie_to_server\n"
        "tie_to_server()\n"
        "print('carried on', 'LEGDAY_SERVE_PARENT' in os.environ)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env(tmp_path), timeout=LIMIT
    )
    assert done.returncode == 0, done.stderr
    # The variable is taken out: whatever the app itself starts is not tied to the server.
    assert done.stdout == ("carried on False\n" if parent_is_the_server else "")
