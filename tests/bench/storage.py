"""Storage: one save with 10 years on disk, and reading all 10 years back.

Save: a morning check-in for today through ``Store.set_checkin`` into a copy of the 10-year data dir
(the cache stays untouched). It should rewrite one small file (this month's shard) and add one small undo
step file, whatever the history holds (the 10 years were written as steps too); the reference is
the floor for any durable save of that much data: write a file of the same size to a temp file, flush,
fsync, rename (plain ``open``/``write``/``os.fsync``/``os.replace``). Interleaved save / reference.

Edit and undo: ``Store.replace`` of this month's newest leg session by a copy with one more minute,
then ``Store.undo`` of that edit, each against the same plain fsync'd write in the same round. Both
read and write the month file and the undo history (one new step file for the edit; for the undo,
the pending file, the month and deleting the step), never the other months.

Read: ``Store.all_history()`` on a fresh Store (nothing cached) over the 10-year dir. Reference: reading
and ``tomllib``-parsing every file in the dir with no validation or model building, the floor for a
TOML store.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import tempfile
import time
import tomllib
from pathlib import Path

from legday.core.model import CheckIn
from tests.bench.figures import Figure
from tests.bench.generate import cached_data_dir
from tests.bench.stats import interleave, median, paired_ratio


def _newest_shard(data_dir: Path) -> Path:
    files = [p for p in (data_dir / "log").rglob("*.toml")]
    return max(files, key=lambda p: p.stat().st_mtime)


def run(rounds: int, today: dt.date | None = None) -> list[Figure]:
    from legday.storage import Store

    today = today or dt.date.today()
    source = cached_data_dir(10, today=today)
    scratch = Path(tempfile.mkdtemp(prefix="legday-bench-storage-"))
    try:
        data_dir = scratch / "data"
        shutil.copytree(source, data_dir)
        store = Store(data_dir)
        shard = _newest_shard(data_dir)
        payload = shard.read_bytes()
        level = iter(range(10**9))

        def save() -> float:
            checkin = CheckIn(today, next(level) % 11, sleep_hours=7.5)
            start = time.perf_counter()
            store.set_checkin(checkin)
            return time.perf_counter() - start

        reference_path = scratch / "reference.toml"

        def plain_write() -> float:
            start = time.perf_counter()
            tmp = reference_path.with_suffix(".tmp")
            with open(tmp, "wb") as f:
                f.write(payload)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, reference_path)
            return time.perf_counter() - start

        before = {p: p.stat().st_mtime_ns for p in data_dir.rglob("*") if p.is_file()}
        n_save = max(rounds * 3, 30)
        saves = interleave({"save": save, "reference": plain_write}, n_save, warmup=2)
        # Which files the saves rewrote: this month's shard, the lock file's time (the change
        # stamp), and one new undo step file per save; nothing else.
        changed = [
            p.relative_to(data_dir)
            for p in data_dir.rglob("*")
            if p.is_file() and before.get(p) != p.stat().st_mtime_ns
        ]
        touched = sorted(str(p) for p in changed if p.parts[0] != "undo")
        touched.append(f"{sum(p.parts[0] == 'undo' for p in changed)} undo steps")

        # Edit then undo, round after round: each edit makes a step that the undo right after
        # reverses, so the month and the history end each round as they began.
        year_month = (today.year, today.month)
        month_legs = [s for s in store.history(today.replace(day=1), today).legs]
        if not month_legs:  # early in a month: last month's newest session
            last = today.replace(day=1) - dt.timedelta(days=1)
            month_legs = list(store.history(last.replace(day=1), last).legs)
            year_month = (last.year, last.month)
        target = month_legs[-1]
        edited = dataclasses.replace(target, minutes=target.minutes % 600 + 1)

        def edit() -> float:
            start = time.perf_counter()
            store.replace(target, edited)
            return time.perf_counter() - start

        def undo() -> float:
            start = time.perf_counter()
            store.undo()
            return time.perf_counter() - start

        n_edit = max(rounds * 2, 20)
        edits = interleave({"edit": edit, "undo": undo, "reference": plain_write}, n_edit, warmup=2)
        assert store.history(target.date, target.date).legs.count(target) >= 1, "undo lost the edit"

        files = sorted(p for p in data_dir.rglob("*.toml") if "undo" not in p.relative_to(data_dir).parts)

        def read_all() -> float:
            fresh = Store(data_dir)
            start = time.perf_counter()
            fresh.all_history()
            return time.perf_counter() - start

        def parse_only() -> float:
            start = time.perf_counter()
            for p in files:
                tomllib.loads(p.read_text(encoding="utf-8"))
            return time.perf_counter() - start

        reads = interleave({"read": read_all, "reference": parse_only}, max(rounds, 10), warmup=1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)

    save_ms = median(saves["save"]) * 1000
    ref_ms = median(saves["reference"]) * 1000
    edit_ms = median(edits["edit"]) * 1000
    undo_ms = median(edits["undo"]) * 1000
    edit_ref_ms = median(edits["reference"]) * 1000
    read_ms = median(reads["read"]) * 1000
    parse_ms = median(reads["reference"]) * 1000
    return [
        Figure(
            "storage",
            "one save, 10 years on disk",
            save_ms,
            "ms",
            10.0,
            f"median of {n_save}; plain write+fsync+rename of the {len(payload)} B shard: {ref_ms:.2f} ms; "
            f"files rewritten: {', '.join(touched) or '?'}",
            {"save": save_ms, "reference": ref_ms},
        ),
        Figure(
            "storage",
            "one save / plain fsync'd write",
            paired_ratio(saves["save"], saves["reference"]),
            "x",
            None,
            "median of per-round ratios",
        ),
        Figure(
            "storage",
            "one edit (replace), 10 years on disk",
            edit_ms,
            "ms",
            10.0,
            f"median of {n_edit}, in {year_month[0]:04d}-{year_month[1]:02d}; plain fsync'd write of the "
            f"shard in the same rounds: {edit_ref_ms:.2f} ms (ratio "
            f"{paired_ratio(edits['edit'], edits['reference']):.2f}x)",
            {"edit": edit_ms, "reference": edit_ref_ms},
        ),
        Figure(
            "storage",
            "one undo (of that edit), 10 years on disk",
            undo_ms,
            "ms",
            10.0,
            f"median of {n_edit}; ratio to the plain write "
            f"{paired_ratio(edits['undo'], edits['reference']):.2f}x",
            {"undo": undo_ms, "reference": edit_ref_ms},
        ),
        Figure(
            "storage",
            "read all 10 years",
            read_ms,
            "ms",
            300.0,
            f"{len(files)} files; bare tomllib parse of them: {parse_ms:.1f} ms "
            f"(ratio {paired_ratio(reads['read'], reads['reference']):.2f}x)",
            {"read": read_ms, "reference": parse_ms},
        ),
    ]
