"""The trends view with 10 years of history: opening it, and switching it to 52 weeks.

Each round is a fresh app (120x40, headless, 10 years of synthetic history) driven by Pilot, the
frames timed as in keystroke.py (FrameClock: up to the frame handed to the terminal, rendered):

* open: ``g`` from the week, to the frame with its 12 weeks drawn (the view's modules are imported
  on that first press: they are kept out of start-up);
* to 52 weeks: ``+`` from 26 weeks (26 of the 52 worked out already), to the frame with the last
  column drawn. The view works the newest weeks out first, a chunk per frame, so its first frame
  comes sooner; both are reported;
* again: ``g`` back to the week and ``g`` again, 52 weeks cached: drawing only.

Against the bare reference press of keystroke.py, interleaved round by round, in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.keystroke import (
    HEIGHT,
    SETTLE,
    WIDTH,
    FrameClock,
    _legday_app,
    press_and_time,
    reference_block,
)

FRAME_MS = 1000 / 60


async def _until_drawn(pilot, clock: FrameClock, key: str) -> tuple[float, float]:
    """Press ``key`` on the trends view; (ms to its first frame, ms to the frame after every week
    is worked out)."""
    clock.frames.clear()
    t0 = time.perf_counter()
    await pilot.press(key)
    screen = pilot.app.screen
    for _ in range(2000):  # 10 s at most
        if all(w is not None for w in screen.weeks()):
            break
        await asyncio.sleep(0.005)
    await asyncio.sleep(SETTLE)
    frames = clock.since(t0)
    return (frames[0] - t0) * 1000, (frames[-1] - t0) * 1000


async def trends_block(data_dir: Path) -> dict[str, float]:
    app = _legday_app(data_dir)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        _first, opened = await _until_drawn(pilot, clock, "g")
        await pilot.press("plus")  # 26 weeks
        await pilot.pause(0.3)
        first, drawn = await _until_drawn(pilot, clock, "plus")  # 52 weeks
        assert len(app.screen.window.starts) == 52
        await pilot.press("g")
        await pilot.pause()
        again = await press_and_time(pilot, clock, "g")
        return {"open": opened, "first52": first, "drawn52": drawn, "again": again or 0.0}


def run_rounds(data_dir: Path, rounds: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"reference": [], "open": [], "first52": [], "drawn52": [], "again": []}
    for seed in range(1, rounds + 1):
        out["reference"] += [v for v in asyncio.run(reference_block(5, seed)) if v is not None]
        for key, value in asyncio.run(trends_block(data_dir)).items():
            out[key].append(value)
    return out


def measure(rounds: int = 12) -> list:
    from tests.bench.figures import Figure
    from tests.bench.generate import cached_data_dir
    from tests.bench.stats import percentile

    data_dir = cached_data_dir(10)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    out = subprocess.run(
        [sys.executable, "-m", "tests.bench.trends", "--data-dir", str(data_dir), "--rounds", str(rounds)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"trends subprocess failed:\n{out.stderr[-3000:]}")
    raw = json.loads(out.stdout)
    ref = percentile(raw["reference"], 50)
    drawn, first = percentile(raw["drawn52"], 50), percentile(raw["first52"], 50)
    opened, again = percentile(raw["open"], 50), percentile(raw["again"], 50)
    note = f"median of {rounds} fresh apps, 10 years loaded, 120x40; bare reference press p50 {ref:.2f} ms"
    return [
        Figure(
            "trends",
            "open the view (g), 12 weeks drawn, p50",
            opened,
            "ms",
            None,
            f"{opened / FRAME_MS:.1f} frames at 60 Hz; first open imports the view; {note}",
        ),
        Figure(
            "trends",
            "switch to 52 weeks, last column drawn, p50",
            drawn,
            "ms",
            4 * FRAME_MS,
            f"{drawn / FRAME_MS:.1f} frames (target: 4 frames at 60 Hz); its first frame p50 {first:.1f} ms",
            {"first_frame": first, "reference_p50": ref},
        ),
        Figure(
            "trends",
            "back to the week and g again (52 weeks kept), p50",
            again,
            "ms",
            None,
            f"{again / FRAME_MS:.1f} frames",
        ),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--rounds", type=int, default=12)
    args = parser.parse_args(argv)
    print(json.dumps(run_rounds(args.data_dir, args.rounds)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
