"""Synthetic history: N years of a lifter's log, written through legday's real Store.

Realistic in shape, not in biology: 2-3 leg days a week (usual days plus an occasional extra), 4-7
exercises from a rotating menu with slowly rising loads and a deload every few weeks, cardio 3-5 times a
week with a mix of modalities, and a check-in every morning whose soreness rises after hard leg days and
fades over the next days. Seeded, so the same arguments give the same files.

Generated directories are cached under /tmp (keyed by years, seed, end date and a hash of the storage
code, so a change to the file format regenerates them): reruns start at once.

    python -m tests.bench.generate --years 10 [--seed 1] [--out DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from legday.core.model import CardioSession, CheckIn, Exercise, Goal, LegSession, Level, Profile

# One cache per checkout: two checkouts with different storage code (two git worktrees benchmarked
# at once) would otherwise each delete the other's "stale" directories while they are in use.
CACHE_ROOT = (
    Path(tempfile.gettempdir())
    / "legday-bench"
    / hashlib.sha256(str(Path(__file__).resolve().parents[2]).encode()).hexdigest()[:10]
)

PROFILE = Profile(
    goal=Goal.HYBRID,
    level=Level.INTERMEDIATE,
    injury_prone=False,
    leg_days=(0, 3),
    units="kg",
    leg_time=dt.time(18, 0),
)

# (name, starting load in kg or None for bodyweight, weekly increment, sets, reps)
MENU = [
    ("back squat", 80.0, 1.0, 5, 5),
    ("front squat", 60.0, 0.75, 4, 6),
    ("deadlift", 110.0, 1.25, 4, 4),
    ("romanian deadlift", 70.0, 0.75, 3, 8),
    ("bulgarian split squat", 14.0, 0.25, 3, 10),
    ("walking lunge", 16.0, 0.25, 3, 12),
    ("leg press", 140.0, 1.5, 4, 10),
    ("leg curl", 35.0, 0.25, 3, 12),
    ("leg extension", 40.0, 0.25, 3, 12),
    ("hip thrust", 90.0, 1.0, 3, 10),
    ("step-up", 12.0, 0.2, 3, 10),
    ("calf raise", None, 0.0, 4, 15),
    ("box jump", None, 0.0, 4, 5),
    ("power clean", 50.0, 0.5, 5, 3),
    ("nordic curl", None, 0.0, 3, 6),
]
HARD_ABLE = {"run", "bike", "row", "swim", "stairs", "elliptical"}
MODALITIES = [
    ("run", 5),
    ("bike", 4),
    ("walk", 3),
    ("swim", 2),
    ("row", 2),
    ("elliptical", 1),
    ("hike", 1),
    ("yoga", 1),
    ("stairs", 1),
    ("sprints", 1),
]


def _store(data_dir: Path):
    from legday.storage import Store

    data_dir.mkdir(parents=True, exist_ok=True)
    return Store(data_dir)


def generate(data_dir: Path, years: float, seed: int = 1, today: dt.date | None = None) -> dict[str, int]:
    """Write ``years`` of history ending today (this morning's check-in included) into ``data_dir``.

    years=0 writes the profile only: the app opens on the week grid with nothing logged.
    Returns counts of what was written.
    """
    today = today or dt.date.today()
    store = _store(Path(data_dir))
    store.save_profile(PROFILE)
    counts = {"legs": 0, "cardio": 0, "checkins": 0}
    if years <= 0:
        return counts

    first = today - dt.timedelta(days=round(365.25 * years))
    first -= dt.timedelta(days=first.weekday())  # start on a Monday
    day = first
    fatigue = 0.0  # soreness the legs carry, fading day by day
    week_legs: set[int] = set()
    week_cardio: set[int] = set()
    # Written in one batch (one write per month, one undo step): single adds would each record an
    # undo step, and years of them take minutes.
    batch: list = []
    while day <= today:
        # Every random choice is seeded by the date, not by a stream that runs from the first day:
        # the last year of a 10-year history is then the same as a 1-year history, so the two
        # compare like for like.
        if day.weekday() == 0:
            wrng = random.Random(f"{seed}-week-{day.isoformat()}")
            week_legs = {0, 3} | ({5} if wrng.random() < 0.4 else set())
            # A moved session now and then: Thursday's legs on Wednesday or Friday.
            if wrng.random() < 0.15:
                week_legs = (week_legs - {3}) | {wrng.choice([2, 4])}
            free = [d for d in range(7) if d not in week_legs] + [0, 3]
            week_cardio = set(wrng.sample(free, wrng.randint(3, min(5, len(set(free))))))
        rng = random.Random(f"{seed}-day-{day.isoformat()}")
        # Training blocks of 26 weeks: loads rise week by week, every sixth week is a deload.
        block_week = (day.toordinal() // 7) % 26
        deload = block_week % 6 == 5

        # Morning check-in: the fatigue from the last leg days, felt the day after most.
        fatigue *= 0.55
        soreness = max(0, min(10, round(fatigue + rng.gauss(0, 0.8))))
        regions: tuple[tuple[str, int], ...] = ()
        if rng.random() < 0.2:
            regions = tuple(
                (r, max(0, min(10, soreness + rng.randint(-2, 2))))
                for r in ("quads", "hamstrings", "glutes", "calves")
                if rng.random() < 0.6
            )
        batch.append(
            CheckIn(
                day,
                soreness,
                sleep_hours=round(rng.uniform(5.5, 9.0) * 2) / 2,
                pain=rng.random() < 0.01,
                regions=regions,
            )
        )
        counts["checkins"] += 1
        if day == today:
            break  # the rest of today has not happened yet

        if day.weekday() in week_legs:
            picks = rng.sample(MENU, rng.randint(4, 7))
            exercises = []
            for name, load, step, sets, reps in picks:
                if load is not None:
                    load = load + step * block_week
                    load = round(load * (0.8 if deload else 1.0) * 2) / 2
                exercises.append(Exercise(name, sets - (1 if deload else 0), reps, load, "kg"))
            effort = max(3, min(10, round(rng.gauss(5 if deload else 7.5, 1))))
            minutes = rng.randint(45, 90)
            start = dt.time(rng.choice([17, 18, 18, 19]), rng.choice([0, 15, 30, 45]))
            batch.append(LegSession(day, start, minutes, effort, tuple(exercises)))
            counts["legs"] += 1
            fatigue += effort * 0.9
        if day.weekday() in week_cardio:
            modality = rng.choices([m for m, _ in MODALITIES], [w for _, w in MODALITIES])[0]
            hard = modality == "sprints" or (modality in HARD_ABLE and rng.random() < 0.25)
            effort = rng.randint(6, 9) if hard else rng.randint(2, 5)
            minutes = rng.randint(15, 30) if hard else rng.randint(25, 75)
            start = dt.time(rng.choice([6, 7, 12, 17, 19]), rng.choice([0, 30]))
            batch.append(CardioSession(day, modality, minutes, effort, start))
            counts["cardio"] += 1
        day += dt.timedelta(days=1)
    store.add_many(batch, label="benchmark history")
    return counts


def _code_hash() -> str:
    """A short hash of the storage code and this generator: a change to either (a new file format,
    other synthetic data) invalidates the cache."""
    import legday.storage

    root = Path(legday.storage.__file__).parent
    digest = hashlib.sha256()
    for path in [*sorted(root.rglob("*.py")), Path(__file__)]:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:10]


def cached_data_dir(years: float, seed: int = 1, today: dt.date | None = None, quiet: bool = False) -> Path:
    """A data dir with ``years`` of history ending ``today``, generated once and reused from /tmp.

    Generated into a temporary sibling and renamed into place, so an interrupted run never leaves a
    half-written directory behind for the next run to trust.
    """
    today = today or dt.date.today()
    key = f"data-{years:g}y-seed{seed}-{today.isoformat()}-{_code_hash()}"
    target = CACHE_ROOT / key
    if target.is_dir():
        return target
    CACHE_ROOT.mkdir(parents=True, exist_ok=True)
    scratch = Path(tempfile.mkdtemp(prefix=key + ".tmp-", dir=CACHE_ROOT))
    try:
        start = time.perf_counter()
        counts = generate(scratch / "data", years, seed, today)
        if not quiet:
            print(
                f"generated {years:g} years {counts} in {time.perf_counter() - start:.1f} s -> {target}",
                file=sys.stderr,
            )
        try:
            os.rename(scratch / "data", target)
        except OSError:
            if not target.is_dir():  # another run won the race: theirs is as good as ours
                raise
        # Older generations of the same history (another day, older code) are of no more use.
        for stale in CACHE_ROOT.glob(f"data-{years:g}y-seed{seed}-*"):
            if stale != target and ".tmp-" not in stale.name:
                shutil.rmtree(stale, ignore_errors=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, help="write here instead of the /tmp cache")
    args = parser.parse_args(argv)
    if args.out:
        print(generate(args.out, args.years, args.seed))
    else:
        print(cached_data_dir(args.years, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
