"""Child processes for the concurrency and crash tests, run as separate programs:

python child.py write DATA_DIR WORKER COUNT START_AT
    waits until the clock reaches START_AT (so all workers start together), then logs COUNT
    entries into November 2026, printing each entry's id (flushed) after its add returns.

python child.py write-undo DATA_DIR WORKER COUNT START_AT
    the same, across three months, with an undo after every fourth entry.

python child.py crash DATA_DIR KILLS SEED
    forks KILLS writers one after another; each logs entries in a loop (across three months, with
    an occasional profile save) and reports each id on a pipe after its add returns; each is
    killed with SIGKILL at a random moment after its first 0-2 writes. Prints JSON: the ids
    reported done, the number of kills, the writes waited for, and how many kills left a temp
    file behind (caught mid-write). Forking happens here, in a fresh single-threaded process,
    not inside the test runner.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import select
import signal
import sys
import time
from pathlib import Path

import tomli_w  # noqa: F401  imported before forking, as a long-running app would have it

from legday.core.model import CardioSession, Exercise, Goal, LegSession, Profile
from legday.storage import Store

MONTHS = (dt.date(2026, 10, 1), dt.date(2026, 11, 1), dt.date(2026, 12, 1))


def add_entry(store: Store, ident: str, n: int, month: dt.date, label: str | None = None) -> None:
    """Alternate leg sessions and cardio; the id is in the exercise name or the modality."""
    day = month + dt.timedelta(days=n % 28)
    if n % 2:
        store.add_legs(
            LegSession(day, dt.time(18, 0), 60, 7, (Exercise(f"id {ident}", 5, 5, 100.0),)), label=label
        )
    else:
        store.add_cardio(CardioSession(day, f"id {ident}", 30, 4, dt.time(7, 0)), label=label)


def ids_in(store: Store) -> list[str]:
    """Every id logged in the store (for the tests to compare with what the children reported)."""
    history = store.all_history()
    found = [s.exercises[0].name[3:] for s in history.legs if s.exercises]
    found += [s.modality[3:] for s in history.cardio]
    return found


def write(data_dir: str, worker: str, count: int, start_at: float) -> None:
    store = Store(Path(data_dir))
    while time.time() < start_at:
        time.sleep(0.001)
    for n in range(count):
        add_entry(store, f"{worker}-{n}", n, MONTHS[1])
        print(f"{worker}-{n}", flush=True)


def write_undo(data_dir: str, worker: str, count: int, start_at: float) -> None:
    """Like ``write``, across three months, and every fourth entry followed by an undo (which
    reverses the newest change of ANY process): prints "added ID" and "undid LABEL"."""
    store = Store(Path(data_dir))
    while time.time() < start_at:
        time.sleep(0.001)
    for n in range(count):
        add_entry(store, f"{worker}-{n}", n, MONTHS[n % 3], label=f"add {worker}-{n}")
        print(f"added {worker}-{n}", flush=True)
        if n % 4 == 3:
            print(f"undid {store.undo()}", flush=True)


def _writer_loop(data_dir: str, kill: int, report_fd: int) -> None:
    store = Store(Path(data_dir))
    n = 0
    while True:
        if n % 7 == 3:
            store.save_profile(Profile(goal=list(Goal)[n % len(Goal)], leg_days=(n % 7,)))
        else:
            add_entry(store, f"{kill}-{n}", n, MONTHS[(kill + n) % len(MONTHS)])
            os.write(report_fd, f"{kill}-{n}\n".encode())
        n += 1


def crash(data_dir: str, kills: int, seed: int) -> None:
    rng = random.Random(seed)
    done: list[str] = []
    waited = 0
    mid_write = 0
    for kill in range(kills):
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            try:
                _writer_loop(data_dir, kill, write_fd)
            finally:
                os._exit(1)
        os.close(write_fd)
        # Let the writer finish 0-2 writes first (so the run makes progress however loaded the
        # machine is), then kill it at a random moment within the next ~12 ms: usually mid-write.
        want = rng.choice((0, 1, 1, 2))
        received = b""
        deadline = time.monotonic() + 10
        while received.count(b"\n") < want and time.monotonic() < deadline:
            ready, _, _ = select.select([read_fd], [], [], 0.5)
            if ready:
                chunk = os.read(read_fd, 65536)
                if not chunk:
                    break
                received += chunk
        waited += want
        time.sleep(rng.uniform(0, 0.012))
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        while chunk := os.read(read_fd, 65536):
            received += chunk
        os.close(read_fd)
        # Only whole lines: each is written in one os.write after the add returned.
        done += [line for line in received.decode().split("\n") if line]
        if any(p.name.endswith(".tmp") for p in Path(data_dir).rglob(".*")):
            mid_write += 1
    print(json.dumps({"done": done, "kills": kills, "waited_for": waited, "mid_write": mid_write}))


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "write":
        write(args[0], args[1], int(args[2]), float(args[3]))
    elif command == "write-undo":
        write_undo(args[0], args[1], int(args[2]), float(args[3]))
    elif command == "crash":
        crash(args[0], int(args[1]), int(args[2]))
    else:
        raise SystemExit(f"unknown command {command!r}")
