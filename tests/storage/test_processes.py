"""Several processes at once, and processes killed at random moments: nothing reported saved is lost,
and every file still parses."""

from __future__ import annotations

import json
import random
import subprocess
import sys
import time
import tomllib
from collections import Counter
from pathlib import Path

from legday.core.model import CheckIn, Profile
from legday.storage import Store
from tests.storage.child import MONTHS, ids_in

CHILD = Path(__file__).with_name("child.py")


def run_child(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kwargs,
    )


def assert_every_file_parses(data_dir: Path) -> None:
    files = list(data_dir.rglob("*.toml"))
    assert files
    for path in files:
        tomllib.loads(path.read_text())
    store = Store(data_dir)
    store.all_history()
    store.profile()
    assert store.problems == []


def test_four_processes_writing_the_same_month_lose_nothing(tmp_path):
    workers, count = 4, 50
    # Start together: each child waits for the same moment, after all have had time to start.
    start_at = time.time() + 1.0
    children = [run_child("write", str(tmp_path), f"w{w}", str(count), str(start_at)) for w in range(workers)]
    reported = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        reported += out.split()
    assert len(reported) == workers * count

    present = ids_in(Store(tmp_path))
    assert Counter(present) == Counter(reported)  # all 200, none twice
    assert len(list((tmp_path / "log").rglob("*.toml"))) == 1  # one month file
    assert_every_file_parses(tmp_path)


def test_four_processes_logging_and_undoing_at_once_agree_with_the_undo_history(tmp_path):
    workers, count = 4, 24
    start_at = time.time() + 1.0
    children = [
        run_child("write-undo", str(tmp_path), f"w{w}", str(count), str(start_at)) for w in range(workers)
    ]
    added, undone = Counter(), Counter()
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        for line in out.splitlines():
            what, _, ident = line.partition(" ")
            if what == "added":
                added[ident] += 1
            else:
                assert what == "undid" and ident.startswith("add "), line
                undone[ident[4:]] += 1
    assert sum(added.values()) == workers * count and sum(undone.values()) == workers * count // 4
    assert not undone - added  # every undo reversed an entry some process had logged
    expected = added - undone
    assert Counter(ids_in(Store(tmp_path))) == expected  # nothing lost, nothing twice
    assert_every_file_parses(tmp_path)
    # The history left behind is whole and in order: undo walks it back to the start, each step
    # removing exactly the entry it names, until only the entries of steps beyond the 50 kept remain.
    store = Store(tmp_path)
    steps = len(store.undo_labels(limit=100))
    # 50 kept; an undo after the oldest were dropped leaves one fewer until the next change.
    assert 50 - sum(undone.values()) <= steps <= 50 < sum(expected.values())
    while (label := store.undo()) is not None:
        expected -= Counter([label[4:]])
        assert Counter(ids_in(Store(tmp_path))) == expected, label
    assert sum(expected.values()) == workers * count * 3 // 4 - steps
    assert not Store(tmp_path).pending_path.exists()


def test_writers_killed_at_random_moments_lose_nothing_reported(tmp_path):
    seed = random.randrange(1_000_000)
    kills = 220
    started = time.monotonic()
    child = run_child("crash", str(tmp_path), str(kills), str(seed))
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, f"seed {seed}: {err}"
    result = json.loads(out)
    elapsed = time.monotonic() - started

    assert result["kills"] >= 200
    done = result["done"]
    # Each child was let finish a random 0-2 writes before its kill; all those must be reported.
    assert len(done) >= result["waited_for"] >= 100, f"seed {seed}: {len(done)} writes reported"
    # Some kills must have caught a write in the middle, or this test would prove little.
    assert result["mid_write"] >= 1, f"seed {seed}: no kill landed mid-write"

    assert_every_file_parses(tmp_path)
    present = Counter(ids_in(Store(tmp_path)))
    missing = [ident for ident in done if present[ident] < 1]
    assert missing == [], f"seed {seed}: reported done but not on disk: {missing[:10]}"
    assert all(n == 1 for n in present.values()), f"seed {seed}: an entry was written twice"

    # The next write in each folder sweeps away the temp files the killed writers left behind.
    store = Store(tmp_path)
    for month in MONTHS:
        store.set_checkin(CheckIn(month, 3))
    store.save_profile(Profile())
    assert [p.name for p in tmp_path.rglob("*.tmp")] == []
    print(
        f"crash test: seed {seed}, {kills} kills, {len(done)} writes reported, "
        f"{result['mid_write']} kills mid-write, {elapsed:.1f} s",
        file=sys.stderr,
    )
