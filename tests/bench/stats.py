"""Interleaving and summary statistics shared by the benchmarks."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100): an observed value, never an interpolation."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(p / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def interleave(
    subjects: dict[str, Callable[[], float | None]], rounds: int, warmup: int = 1
) -> dict[str, list[float]]:
    """Run each subject once per round, in the same order every round (A B A B ...).

    A subject returns its own measurement (seconds, or whatever unit it reports); if it returns None
    the wall time of the call is used. The first ``warmup`` rounds are run and thrown away (imports,
    page cache, lazy initialisation).
    """
    results: dict[str, list[float]] = {name: [] for name in subjects}
    for round_ in range(warmup + rounds):
        for name, run in subjects.items():
            start = time.perf_counter()
            value = run()
            elapsed = time.perf_counter() - start
            if round_ >= warmup:
                results[name].append(elapsed if value is None else value)
    return results


def paired_ratio(a: list[float], b: list[float]) -> float:
    """Median of the per-round ratios a[i] / b[i]: each pair was measured side by side."""
    return statistics.median(x / y for x, y in zip(a, b, strict=True))


def ratios(a: list[float], b: list[float]) -> list[float]:
    return [x / y for x, y in zip(a, b, strict=True)]


def quartiles(values: list[float]) -> tuple[float, float]:
    """First and third quartile: the spread a median of noisy rounds should be read with."""
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]
