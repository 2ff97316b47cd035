"""Cold start to first frame in a real terminal, and peak memory, measured with tmux.

Each run starts the program in a fresh detached tmux session at 120x40 and polls ``tmux capture-pane``
until a marker string is on screen: for legday a string only the week grid draws, for the reference a
bare Textual app's label. The clock starts just before ``tmux new-session`` and stops at the first
capture that shows the marker, so both include the same tmux and polling overhead (about 10 ms of
polling resolution on a ~300 ms figure). The pane runs the program directly (no shell in between), so
the pane's pid is the app's pid: its ``VmHWM`` (peak resident set) is read from /proc after the first
frame and a short settle, then the session is killed. legday is started as a person starts it, plain
``legday`` (its data folder from ``LEGDAY_DATA_DIR``, so no argument needs parsing).

Everything runs on a private tmux server (``-L legday-bench-<pid>``, no user config) so other people's
tmux sessions and environments neither see nor disturb it; the server is killed at the end.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from tests.bench.bare_app import MARKER as BARE_MARKER

ROOT = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
POLL = 0.01
TIMEOUT = 30.0


@dataclass
class Run:
    seconds: float
    peak_rss_kb: int


class StartupError(RuntimeError):
    pass


class TmuxLab:
    """A private tmux server; sessions named bench-<pid>-<n>, each killed after its run."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        self.socket = f"legday-bench-{os.getpid()}"
        self.width, self.height = width, height
        self.count = 0
        self.config_home = Path(tempfile.mkdtemp(prefix="legday-bench-config-"))

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        if check and result.returncode != 0:
            raise StartupError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def __enter__(self) -> TmuxLab:
        # A holder session keeps the server up between runs, so no run pays for starting the server.
        self.tmux(
            "new-session",
            "-d",
            "-s",
            f"bench-{os.getpid()}-hold",
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            "cat",
        )
        # Keep a crashed app's pane on screen so its traceback can be reported.
        self.tmux("set-option", "-g", "remain-on-exit", "on")
        return self

    def __exit__(self, *exc) -> None:
        socket = self.tmux("display", "-p", "#{socket_path}", check=False).strip()
        self.tmux("kill-server", check=False)
        if socket.endswith(self.socket):
            Path(socket).unlink(missing_ok=True)  # tmux can leave its socket file behind
        shutil.rmtree(self.config_home, ignore_errors=True)

    def run(
        self,
        command: list[str],
        marker: str | re.Pattern,
        settle: float = 0.4,
        env: dict[str, str] | None = None,
    ) -> Run:
        self.count += 1
        name = f"bench-{os.getpid()}-{self.count}"
        env_flags: list[str] = []
        for key, value in {"XDG_CONFIG_HOME": str(self.config_home), **(env or {})}.items():
            env_flags += ["-e", f"{key}={value}"]
        start = time.perf_counter()
        self.tmux(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            *env_flags,
            "--",
            *command,
        )
        pid = 0
        try:
            while True:
                screen = self.tmux("capture-pane", "-p", "-t", name)
                if marker.search(screen) if isinstance(marker, re.Pattern) else marker in screen:
                    seconds = time.perf_counter() - start
                    break
                if time.perf_counter() - start > TIMEOUT:
                    raise StartupError(f"{marker!r} not on screen after {TIMEOUT:g} s:\n{screen}")
                if self.tmux("display", "-p", "-t", name, "#{pane_dead}").strip() == "1":
                    raise StartupError(f"{command} exited before showing {marker!r}:\n{screen}")
                time.sleep(POLL)
            pid = int(self.tmux("display", "-p", "-t", name, "#{pane_pid}").strip())
            time.sleep(settle)
            peak = _vm_hwm_kb(pid)
        finally:
            self.tmux("kill-session", "-t", name, check=False)
            if pid:
                _wait_gone(pid)
        return Run(seconds, peak)

    def run_to_exit(self, command: list[str], cwd: Path | None = None, timeout: float = TIMEOUT) -> None:
        """Run ``command`` in a fresh session and wait until it exits by itself (the probe)."""
        self.count += 1
        name = f"bench-{os.getpid()}-{self.count}"
        args = ["-c", str(cwd)] if cwd else []
        self.tmux(
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            str(self.width),
            "-y",
            str(self.height),
            *args,
            "-e",
            f"XDG_CONFIG_HOME={self.config_home}",
            "--",
            *command,
        )
        start = time.perf_counter()
        try:
            while self.tmux("display", "-p", "-t", name, "#{pane_dead}").strip() != "1":
                if time.perf_counter() - start > timeout:
                    raise StartupError(f"{command} still running after {timeout:g} s")
                time.sleep(0.05)
            status = self.tmux("display", "-p", "-t", name, "#{pane_dead_status}").strip()
            if status not in ("0", ""):  # empty: tmux had not recorded it yet; the caller checks output
                screen = self.tmux("capture-pane", "-p", "-t", name)
                raise StartupError(f"{command} exited with {status}:\n{screen}")
        finally:
            self.tmux("kill-session", "-t", name, check=False)


def _vm_hwm_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    raise StartupError(f"no VmHWM for pid {pid}")


def _wait_gone(pid: int, timeout: float = 3.0) -> None:
    """The killed session's app must be gone before the next run starts, or it steals a core."""
    deadline = time.perf_counter() + timeout
    while Path(f"/proc/{pid}").exists() and time.perf_counter() < deadline:
        time.sleep(0.01)
    if Path(f"/proc/{pid}").exists():
        os.kill(pid, signal.SIGKILL)  # our own child, by pid


def bare_command() -> list[str]:
    return [sys.executable, str(ROOT / "tests" / "bench" / "bare_app.py")]


def legday_command() -> list[str]:
    """Plain ``legday``, as a person starts it; the folder comes from LEGDAY_DATA_DIR (legday_env)."""
    return [str(VENV_BIN / "legday")]


def legday_env(data_dir: Path) -> dict[str, str]:
    return {"LEGDAY_DATA_DIR": str(data_dir)}


if __name__ == "__main__":
    with TmuxLab() as lab:
        for _ in range(3):
            print(lab.run(bare_command(), BARE_MARKER))


# What only the week grid draws once it has its plan: the day headers ("Mon 16" ... "Sun 22") and a
# day's readiness figure ("ready 65"), in that order on the screen.
WEEK_MARKER = re.compile(r"\bMon \d{1,2}\b.*\bSun \d{1,2}\b.*\bready \d+", re.DOTALL)


def measure(rounds: int, settle: float = 0.4) -> list:
    """Bare app / legday with a profile only / legday with 10 years, interleaved, ``rounds`` rounds."""
    from tests.bench.figures import Figure
    from tests.bench.generate import cached_data_dir
    from tests.bench.stats import interleave, median, paired_ratio, quartiles, ratios

    empty, ten = cached_data_dir(0), cached_data_dir(10)
    peaks: dict[str, list[int]] = {"bare": [], "empty": [], "10y": []}
    with TmuxLab() as lab:

        def subject(
            name: str, command: list[str], marker: str | re.Pattern[str], env: dict[str, str] | None = None
        ):
            def call() -> float:
                result = lab.run(command, marker, settle, env)
                peaks[name].append(result.peak_rss_kb)
                return result.seconds

            return call

        times = interleave(
            {
                "bare": subject("bare", bare_command(), BARE_MARKER),
                "empty": subject("empty", legday_command(), WEEK_MARKER, legday_env(empty)),
                "10y": subject("10y", legday_command(), WEEK_MARKER, legday_env(ten)),
            },
            rounds,
            warmup=1,
        )
    ms = {k: median(v) * 1000 for k, v in times.items()}
    mib = {k: median(v[1:]) / 1024 for k, v in peaks.items()}  # v[0] is the warm-up round
    peak_ratio = median([a / b for a, b in zip(peaks["10y"][1:], peaks["bare"][1:])])

    def spread(a: str, b: str) -> str:
        q1, q3 = quartiles(ratios(times[a], times[b]))
        return f"median of per-round ratios; middle half of rounds {q1:.2f}-{q3:.2f}"

    return [
        Figure(
            "cold start",
            "bare Textual app (reference)",
            ms["bare"],
            "ms",
            None,
            f"median of {rounds}, 120x40 tmux, first frame with its label",
        ),
        Figure(
            "cold start", "legday, profile only", ms["empty"], "ms", None, "first frame with the week grid"
        ),
        Figure(
            "cold start",
            "legday, 10 years of history",
            ms["10y"],
            "ms",
            None,
            "first frame with the week grid",
        ),
        Figure(
            "cold start",
            "legday (profile only) / bare app",
            paired_ratio(times["empty"], times["bare"]),
            "x",
            1.25,
            spread("empty", "bare"),
        ),
        Figure(
            "cold start",
            "legday 10 years / legday profile only",
            paired_ratio(times["10y"], times["empty"]),
            "x",
            1.05,
            spread("10y", "empty"),
        ),
        Figure(
            "memory",
            "peak RSS, bare Textual app",
            mib["bare"],
            "MiB",
            None,
            "VmHWM after first frame + settle",
        ),
        Figure(
            "memory",
            "peak RSS, legday with 10 years",
            mib["10y"],
            "MiB",
            None,
            f"profile only: {mib['empty']:.1f} MiB",
        ),
        Figure(
            "memory",
            "legday 10 years / bare app, peak RSS",
            peak_ratio,
            "x",
            1.3,
            "median of per-round ratios",
        ),
    ]
