"""Import: a Strong export with 5 years of workouts (newest layout, every quirk a real one has:
warm-up sets, rest-timer rows, upper-body days, cardio) imported into an empty data folder the way
``legday import`` does it: read and check the whole file, find what is new, save it all as one undo
step. Target: a few seconds (issue 9), so <= 5 s.

Reference, in the same rounds (A B A B ...): only reading the same CSV with the standard library's
``csv`` module into rows, the floor for any importer of that file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
import shutil
import tempfile
import time
from pathlib import Path

from tests.bench.figures import Figure
from tests.bench.stats import interleave, median, paired_ratio

HEADER = [
    '"Workout #"',
    '"Date"',
    '"Workout Name"',
    '"Duration (sec)"',
    '"Exercise Name"',
    '"Set Order"',
    '"Weight (kg)"',
    '"Reps"',
    '"RPE"',
    '"Distance (meters)"',
    '"Seconds"',
    '"Notes"',
    '"Workout Notes"',
]
LEGS = (
    ("Squat (Barbell)", 5, 5, 100),
    ("Romanian Deadlift (Barbell)", 3, 8, 80),
    ("Walking Lunge (Dumbbell)", 3, 12, 20),
    ("Standing Calf Raise (Machine)", 3, 15, 60),
)
UPPER = (
    ("Bench Press (Barbell)", 5, 5, 80),
    ("Bent Over Row (Barbell)", 4, 8, 60),
    ("Overhead Press (Barbell)", 3, 8, 40),
    ("Lat Pulldown (Cable)", 3, 10, 55),
)


def strong_export(years: int = 5, end: dt.date = dt.date(2026, 11, 1), seed: int = 9) -> tuple[bytes, int]:
    """The CSV and how many workouts it holds: legs Mon and Thu, upper Tue, a run Sat."""
    rng = random.Random(seed)
    rows = [";".join(HEADER)]
    day = end - dt.timedelta(days=365 * years)
    number = 0

    def q(*cells) -> str:
        return ";".join(f'"{c}"' for c in cells)

    while day < end:
        weekday = day.weekday()
        if weekday in (0, 1, 3, 5):
            number += 1
            start = dt.datetime.combine(day, dt.time(18 if weekday != 5 else 8, rng.choice((0, 15, 30))))
            stamp = start.strftime("%Y-%m-%d %H:%M:%S")
            if weekday == 5:
                rows.append(q(number, stamp, "Run", 1800, "Running", 1, 0, 0, "", 5000, 1800, "", ""))
            else:
                plan = LEGS if weekday in (0, 3) else UPPER
                name = "Legs" if plan is LEGS else "Upper"
                for exercise, sets, reps, load in plan:
                    rows.append(
                        q(number, stamp, name, 4200, exercise, "W", load // 2, reps, "", "", "", "", "")
                    )
                    for n in range(1, sets + 1):
                        weight = load + rng.choice((0, 2.5, 5)) + 0.00000000000003
                        rows.append(
                            q(
                                number,
                                stamp,
                                name,
                                4200,
                                exercise,
                                n,
                                weight,
                                reps,
                                rng.choice(("", "8", "8.5")),
                                "",
                                "",
                                "",
                                "",
                            )
                        )
                        rows.append(
                            q(number, stamp, name, 4200, exercise, "Rest Timer", "", "", "", "", 120, "", "")
                        )
        day += dt.timedelta(days=1)
    return ("\n".join(rows) + "\n").encode(), number


def run(rounds: int) -> list[Figure]:
    from legday.journal import journal_at

    data, workouts = strong_export()
    text = data.decode()
    scratch = Path(tempfile.mkdtemp(prefix="legday-bench-import-"))
    export = scratch / "strong.csv"
    export.write_bytes(data)
    counter = iter(range(10**6))
    added: list[int] = []
    try:

        def do_import() -> float:
            # What `legday import strong.csv` and the app's "data: import" run: the journal's import.
            data_dir = scratch / f"data-{next(counter)}"
            start = time.perf_counter()
            done = journal_at(data_dir, None).import_file(export)
            elapsed = time.perf_counter() - start
            added.append(len(done.new))
            shutil.rmtree(data_dir, ignore_errors=True)
            return elapsed

        def csv_only() -> float:
            start = time.perf_counter()
            list(csv.reader(io.StringIO(text), delimiter=";"))
            return time.perf_counter() - start

        n = rounds  # (the runner asks for at least 10 in a real run)
        runs = interleave({"import": do_import, "reference": csv_only}, n, warmup=1)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    import_ms = median(runs["import"]) * 1000
    ref_ms = median(runs["reference"]) * 1000
    row_count = data.count(b"\n") - 1
    detail = (
        f"median of {n}; {workouts} workouts, {len(data) // 1024} KiB, {row_count} rows "
        f"-> {added[-1]} sessions; csv rows only: {ref_ms:.0f} ms"
    )
    return [
        Figure(
            "import",
            "5 years of Strong workouts into an empty folder",
            import_ms,
            "ms",
            5000.0,
            detail,
            {"import": import_ms, "reference": ref_ms},
        ),
        Figure(
            "import",
            "import / reading the csv rows",
            paired_ratio(runs["import"], runs["reference"]),
            "x",
            None,
            "median of per-round ratios",
        ),
    ]
