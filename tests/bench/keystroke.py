"""Keystroke to frame, in process: from the key event to the refreshed frame.

How it is measured (and why this way):

* The app runs under ``App.run_test`` (headless, 120x40) with Pilot pressing the keys one at a time,
  each only once the app is idle again, so every press meets a quiet app as a person's would.
* t0 is taken just before ``pilot.press``, which posts the Key event straight into the app's queue.
* The frame: every time a screen hands a compositor update to ``App._display`` (the one place a
  frame goes out to the terminal) the time is recorded. Headless apps skip turning that update into
  terminal bytes, so the hook does it (``render_segments``) before taking the time: the figure includes
  the full cost of producing the frame, only the write to a tty is left out.
* The latency of a press is the time of the *last* frame it caused (a key that refreshes the grid and
  then, a moment later, the suggestion pane counts until the pane is drawn), up to a settle window
  after the app went idle. Presses that change nothing on screen (none expected) are counted apart.
* Textual's default 60 fps frame clock is left as it is: a refresh requested by an idle app is drawn on
  the screen's next update tick, which (measured with a hook on ``Screen._on_timer_update``) comes
  2-3 ms after the key's action runs, not after a fixed 16.7 ms grid, so the figure is what a person
  gets. All blocks run in one subprocess (nothing the runner imported skews them), each block in a
  fresh app and event loop.

The reference is a bare Textual app with a 7-cell row whose highlight moves with the arrows: the least
a week grid can cost. Subjects run in blocks of presses interleaved A B C A B C, each block in a fresh app.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.widgets import Footer, Header, Static

WIDTH, HEIGHT = 120, 40
SETTLE = 0.03  # after the app is idle, how long to keep listening for a late frame


class FrameClock:
    """Records when each frame left, converted to terminal bytes (private_api.watch_frames)."""

    def __init__(self, app: App) -> None:
        from legday.private_api import watch_frames

        self.frames: list[float] = []
        watch_frames(app, lambda: self.frames.append(time.perf_counter()))

    def since(self, t0: float) -> list[float]:
        return [t for t in self.frames if t >= t0]


async def press_and_time(pilot, clock: FrameClock, key: str) -> float | None:
    """Press one key; return ms from the key event to the last frame it caused (None: no frame)."""
    clock.frames.clear()
    t0 = time.perf_counter()
    await pilot.press(key)
    await pilot.app.animator.wait_until_complete()
    await asyncio.sleep(SETTLE)
    frames = clock.since(t0)
    return (frames[-1] - t0) * 1000 if frames else None


class ReferenceApp(App):
    """A bare Textual app: Header, a row of seven cells with a moving highlight, Footer."""

    CSS = """
    #row { height: 5; }
    .cell { width: 1fr; height: 5; border: round $primary; content-align: center middle; }
    .cell.selected { background: $accent; border: heavy $accent; }
    """
    BINDINGS = [("left", "move(-1)", "Previous"), ("right", "move(1)", "Next")]

    selected = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="row"):
            for i, day in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")):
                yield Static(day, classes="cell selected" if i == 0 else "cell", id=f"d{i}")
        yield Footer()

    def action_move(self, step: int) -> None:
        self.query_one(f"#d{self.selected}").remove_class("selected")
        self.selected = (self.selected + step) % 7
        self.query_one(f"#d{self.selected}").add_class("selected")


def day_keys(n: int, rng: random.Random) -> list[str]:
    """A walk back and forth along the week, with the odd step into the next or previous week."""
    return [
        rng.choice(["left", "right", "right"] if i % 14 < 7 else ["right", "left", "left"]) for i in range(n)
    ]


# --- subjects: each is an async function(n presses, seed) -> list of latencies (ms, None = no frame) ---


async def reference_block(n: int, seed: int) -> list[float | None]:
    app = ReferenceApp()
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        return [await press_and_time(pilot, clock, key) for key in day_keys(n, random.Random(seed))]


def _legday_app(data_dir: Path):
    from legday.tui.app import build_app

    config_dir = Path(tempfile.mkdtemp(prefix="legday-bench-config-"))
    return build_app(data_dir, config_dir, clock=dt.datetime.now)


async def week_block(data_dir: Path, n: int, seed: int) -> list[float | None]:
    """Day moves; a move that crosses into another week is recorded as negative (-ms), so the runner
    can report moves within the week and across weeks apart."""
    app = _legday_app(data_dir)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        screen = app.screen
        results: list[float | None] = []
        for key in day_keys(n, random.Random(seed)):
            before = app.journal.week_start_of(screen.selected)
            ms = await press_and_time(pilot, clock, key)
            crossed = app.journal.week_start_of(screen.selected) != before
            results.append(-ms if (crossed and ms is not None) else ms)
        return results


async def slider_block(data_dir: Path, n: int, seed: int) -> list[float | None]:
    from legday.tui.widgets.slider import Slider

    app = _legday_app(data_dir)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press("s")  # the soreness check-in
        await pilot.pause()
        slider = app.screen.query_one("#soreness", Slider)
        clock = FrameClock(app)
        rng = random.Random(seed)
        results = []
        for _ in range(n):
            # Random steps that never push against an end (a step at 0 or 10 changes nothing).
            low, high = slider.value <= slider.minimum, slider.value >= slider.maximum
            key = "right" if low else "left" if high else rng.choice(["left", "right"])
            results.append(await press_and_time(pilot, clock, key))
        return results


async def tab_block(data_dir: Path, n: int, seed: int, form: str = "s") -> list[float | None]:
    """Tab and Shift+Tab between a form's fields: the check-in (``s``: slider, sleep, pain, the
    regions) or the leg workout (``w``: exercise rows, effort, minutes, date, start)."""
    app = _legday_app(data_dir)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        await pilot.press(form)
        await pilot.pause()
        clock = FrameClock(app)
        rng = random.Random(seed)
        return [await press_and_time(pilot, clock, rng.choice(["tab", "tab", "shift+tab"])) for _ in range(n)]


def run_blocks(data_dir: Path, presses: int, block: int = 20) -> dict[str, list[float | None]]:
    subjects = {
        "reference": lambda n, s: reference_block(n, s),
        "week": lambda n, s: week_block(data_dir, n, s),
        "slider": lambda n, s: slider_block(data_dir, n, s),
        "tab": lambda n, s: tab_block(data_dir, n, s, "s"),
        "tab_workout": lambda n, s: tab_block(data_dir, n, s, "w"),
    }
    results: dict[str, list[float | None]] = {name: [] for name in subjects}
    seed = 0
    while len(results["reference"]) < presses:
        seed += 1
        for name, block_fn in subjects.items():
            results[name] += asyncio.run(block_fn(block, seed))
    return results


def measure(presses: int = 200) -> list:
    """Run the blocks in a fresh interpreter: nothing the runner imported or cached skews them."""
    from tests.bench.figures import Figure
    from tests.bench.generate import cached_data_dir
    from tests.bench.stats import percentile

    data_dir = cached_data_dir(10)
    env = {k: v for k, v in os.environ.items() if not k.startswith("TEXTUAL")}
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.bench.keystroke",
            "--data-dir",
            str(data_dir),
            "--presses",
            str(presses),
        ],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        check=False,
    )
    if out.returncode != 0:
        raise RuntimeError(f"keystroke subprocess failed:\n{out.stderr[-3000:]}")
    raw = json.loads(out.stdout)
    figures = []
    ref = [v for v in raw["reference"] if v is not None]
    ref50, ref95 = percentile(ref, 50), percentile(ref, 95)
    week = [v for v in raw["week"] if v is not None]
    crossing = [-v for v in week if v < 0]
    raw["week"] = [abs(v) if v is not None else None for v in raw["week"]]
    for name, label in (("week", "week grid: move the day"), ("slider", "soreness slider: step")):
        values = [v for v in raw[name] if v is not None]
        silent = len(raw[name]) - len(values)
        p50, p95 = percentile(values, 50), percentile(values, 95)
        note = f"{len(values)} presses, 10 years loaded" + (f", {silent} drew no frame" if silent else "")
        if name == "week" and crossing:
            within = [v for v in week if v >= 0]
            note += (
                f"; within a week p50 {percentile(within, 50):.1f} / p95 {percentile(within, 95):.1f} ms, "
                f"the {len(crossing)} into another week p50 {percentile(crossing, 50):.1f} / "
                f"p95 {percentile(crossing, 95):.1f} ms"
            )
        figures += [
            Figure(
                "keystroke",
                f"{label}, p50",
                p50,
                "ms",
                8.0,
                f"{note}; bare reference p50 {ref50:.2f} ms",
                {"p50": p50, "reference_p50": ref50},
            ),
            Figure(
                "keystroke",
                f"{label}, p95",
                p95,
                "ms",
                25.0,
                f"bare reference p95 {ref95:.2f} ms",
                {"p95": p95, "reference_p95": ref95},
            ),
        ]
    # Tab between form fields (issue 8's target): the check-in and the workout form, pooled; each
    # form's own figures in the note.
    forms = {
        "check-in": [v for v in raw["tab"] if v is not None],
        "workout": [v for v in raw["tab_workout"] if v is not None],
    }
    tabs = forms["check-in"] + forms["workout"]
    silent = len(raw["tab"]) + len(raw["tab_workout"]) - len(tabs)
    each = "; ".join(
        f"{name} p50 {percentile(v, 50):.1f} / p95 {percentile(v, 95):.1f} ms"
        for name, v in forms.items()
        if v
    )
    p50, p95 = percentile(tabs, 50), percentile(tabs, 95)
    figures += [
        Figure(
            "keystroke",
            "form: Tab to the next field, p50",
            p50,
            "ms",
            16.0,
            f"{len(tabs)} presses, check-in and workout forms"
            + (f", {silent} drew no frame" if silent else "")
            + f"; {each}; bare reference p50 {ref50:.2f} ms",
            {"p50": p50, "reference_p50": ref50},
        ),
        Figure(
            "keystroke",
            "form: Tab to the next field, p95",
            p95,
            "ms",
            40.0,
            f"bare reference p95 {ref95:.2f} ms",
            {"p95": p95, "reference_p95": ref95},
        ),
    ]
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--presses", type=int, default=200)
    args = parser.parse_args(argv)
    print(json.dumps(run_blocks(args.data_dir, args.presses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
