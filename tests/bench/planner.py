"""Planning one week with 1 and with 10 years of history.

"As the app loads it": the history window the app reads (``store.history(*history_window(today))``)
from a data dir holding 1 or 10 years. Also plan_week handed all 10 years at once, to show the planner
itself looks at a bounded window and ignores the rest cheaply. Interleaved 1y / 10y / 10y-all every round,
many rounds (each call is a few ms, so rounds are cheap); the 1-year plan is the reference.
"""

from __future__ import annotations

import datetime as dt
import time

from tests.bench.figures import Figure
from tests.bench.generate import PROFILE, cached_data_dir
from tests.bench.stats import interleave, median, paired_ratio


def run(rounds: int, today: dt.date | None = None) -> list[Figure]:
    from legday.core.planner import history_window, plan_week
    from legday.storage import Store

    today = today or dt.date.today()
    window = history_window(today, 0)
    dirs = {years: cached_data_dir(years, today=today) for years in (1, 10)}
    stores = {years: Store(path) for years, path in dirs.items()}
    windows = {years: store.history(*window) for years, store in stores.items()}
    everything = stores[10].all_history()

    def timed(history):
        def call() -> float:
            start = time.perf_counter()
            plan_week(PROFILE, history, today, week_start=0)
            return time.perf_counter() - start

        return call

    def load(years):
        def call() -> float:
            store = Store(dirs[years])  # a fresh store: nothing cached from the last round
            start = time.perf_counter()
            history = store.history(*window)
            plan_week(PROFILE, history, today, week_start=0)
            return time.perf_counter() - start

        return call

    n = max(rounds * 10, 100)
    r = interleave(
        {"1y": timed(windows[1]), "10y": timed(windows[10]), "10y-all": timed(everything)}, n, warmup=5
    )
    lr = interleave({"1y": load(1), "10y": load(10)}, max(rounds * 3, 30), warmup=2)
    ms = {k: median(v) * 1000 for k, v in r.items()}
    lms = {k: median(v) * 1000 for k, v in lr.items()}
    legs = len(everything.legs), len(everything.cardio), len(everything.checkins)
    return [
        Figure(
            "planner",
            "plan one week, 10 years (window)",
            ms["10y"],
            "ms",
            5.0,
            f"median of {n}; 1 year: {ms['1y']:.2f} ms",
            ms,
        ),
        Figure(
            "planner",
            "10-year plan / 1-year plan",
            paired_ratio(r["10y"], r["1y"]),
            "x",
            1.2,
            "median of per-round ratios",
        ),
        Figure(
            "planner",
            "plan given all 10 years / 1-year plan",
            paired_ratio(r["10y-all"], r["1y"]),
            "x",
            None,
            f"{ms['10y-all']:.2f} ms for {legs[0]} leg, {legs[1]} cardio, {legs[2]} check-ins",
        ),
        Figure(
            "planner",
            "load window + plan, 10 years on disk",
            lms["10y"],
            "ms",
            None,
            f"1 year on disk: {lms['1y']:.2f} ms; ratio {paired_ratio(lr['10y'], lr['1y']):.2f}x",
            lms,
        ),
    ]
