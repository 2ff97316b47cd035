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

Two references, each measured in the same run as what it is compared with:

* day moves: a bare Textual app with a 7-cell row whose highlight moves with the arrows (the least a
  week grid can cost);
* Tab: a bare Textual form with the kinds of fields legday's forms have (five Inputs, a Checkbox, a
  Button), once without and once with Textual's Footer (which rebuilds its keys on every focus
  change). The one without a Footer is the floor the targets are set against.

Subjects run in blocks of presses interleaved A B C A B C, each block in a fresh app. legday's app is
built and run as ``legday`` runs it (``run_app``: no garbage collection until the first frame, then
start-up's objects frozen); the references are plain Textual apps, run as Textual runs them.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App, ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Checkbox, Footer, Header, Input, Static

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


class BareFormApp(App):
    """The Tab reference: a bare Textual form, five Inputs, a Checkbox and a Button (the kinds of
    fields legday's check-in and workout forms have), with or without Textual's Footer."""

    CSS = """
    #form { height: auto; padding: 0 1; }
    Input { width: 40; }
    """
    BINDINGS = [("escape", "quit", "Close"), ("ctrl+s", "quit", "Save")]

    def __init__(self, footer: bool) -> None:
        super().__init__()
        self.footer = footer

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            for label in ("Sleep", "Minutes", "Distance", "Date", "Start"):
                yield Input(placeholder=label)
            yield Checkbox("Pain")
            yield Button("Save")
        if self.footer:
            yield Footer()


def tab_keys(n: int, rng: random.Random) -> list[str]:
    """Mostly forward, now and then back: how people move through a form."""
    return [rng.choice(["tab", "tab", "shift+tab"]) for _ in range(n)]


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


async def bare_form_block(n: int, seed: int, footer: bool) -> list[float | None]:
    app = BareFormApp(footer)
    async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
        await pilot.pause()
        clock = FrameClock(app)
        return [await press_and_time(pilot, clock, key) for key in tab_keys(n, random.Random(seed))]


def _legday_app(data_dir: Path):
    """legday as ``legday`` runs it (legday.tui.app.run_app): the garbage collector off until the
    first frame is out, then start-up's objects frozen and the collector back on. (The block's end
    undoes the freeze: see _as_run.)"""
    from legday.journal import journal_at
    from legday.tui.app import LegdayApp

    config_dir = Path(tempfile.mkdtemp(prefix="legday-bench-config-"))
    gc.disable()
    return LegdayApp(journal_at(data_dir, config_dir, dt.datetime.now), collect_after_first_frame=True)


@contextlib.asynccontextmanager
async def _as_run(app):
    """Run ``app`` (from _legday_app) headless until the collector is back on, as after the first
    frame of ``legday``; afterwards the process's collector is as it was (nothing left frozen)."""
    try:
        async with app.run_test(size=(WIDTH, HEIGHT)) as pilot:
            await pilot.pause()
            while not gc.isenabled():
                await asyncio.sleep(0.01)
            yield pilot
    finally:
        gc.enable()
        gc.unfreeze()
        gc.collect()


async def week_block(data_dir: Path, n: int, seed: int) -> list[float | None]:
    """Day moves; a move that crosses into another week is recorded as negative (-ms), so the runner
    can report moves within the week and across weeks apart."""
    app = _legday_app(data_dir)
    async with _as_run(app) as pilot:
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
    async with _as_run(app) as pilot:
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
    async with _as_run(app) as pilot:
        await pilot.press(form)
        await pilot.pause()
        clock = FrameClock(app)
        return [await press_and_time(pilot, clock, key) for key in tab_keys(n, random.Random(seed))]


def run_blocks(data_dir: Path, presses: int, block: int = 20) -> dict[str, list[float | None]]:
    subjects = {
        "reference": lambda n, s: reference_block(n, s),
        "week": lambda n, s: week_block(data_dir, n, s),
        "form_bare": lambda n, s: bare_form_block(n, s, footer=False),
        "form_bare_footer": lambda n, s: bare_form_block(n, s, footer=True),
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


# The targets (issue 18). Day moves: p50 against the bare row's p50, p95 in ms, week crossings
# included. Tab: against the bare form without a Footer (the framework's floor), p50 and p95 alike.
MOVE_P50_RATIO, MOVE_P95_MS = 1.5, 25.0
TAB_P50_RATIO, TAB_P95_RATIO = 1.0, 1.2
SLIDER_P50_MS, SLIDER_P95_MS = 8.0, 25.0


def summarize(raw: dict[str, list[float | None]], blocks: int) -> list:
    """The figures from the raw latencies of ``run_blocks`` (``blocks`` interleaved rounds)."""
    from tests.bench.figures import Figure
    from tests.bench.stats import percentile

    def drawn(name: str) -> list[float]:
        return [abs(v) for v in raw[name] if v is not None]

    def silent(name: str) -> str:
        missing = sum(v is None for v in raw[name])
        return f", {missing} drew no frame" if missing else ""

    ref = drawn("reference")
    ref50, ref95 = percentile(ref, 50), percentile(ref, 95)
    figures: list = []

    # -- day moves ---------------------------------------------------------------------------------
    moves = drawn("week")
    crossing = [-v for v in raw["week"] if v is not None and v < 0]
    within = [v for v in raw["week"] if v is not None and v >= 0]
    p50, p95 = percentile(moves, 50), percentile(moves, 95)
    rounds = f"{blocks} interleaved blocks, 10 years loaded"
    figures += [
        Figure(
            "keystroke",
            "day move p50 / bare row p50",
            p50 / ref50,
            "x",
            MOVE_P50_RATIO,
            f"{p50:.1f} / {ref50:.1f} ms; {len(moves)} moves{silent('week')}, "
            f"{len(crossing)} into another week; {rounds}",
            {"p50": p50, "reference_p50": ref50},
        ),
        Figure(
            "keystroke",
            "day move p95",
            p95,
            "ms",
            MOVE_P95_MS,
            f"week crossings included; bare row p95 {ref95:.1f} ms",
            {"p95": p95, "reference_p95": ref95},
        ),
    ]
    for label, values in (("within the week", within), ("into another week", crossing)):
        if not values:
            continue
        v50, v95 = percentile(values, 50), percentile(values, 95)
        figures += [
            Figure(
                "keystroke",
                f"day move {label}: p50 / bare row p50",
                v50 / ref50,
                "x",
                None,
                f"{v50:.1f} ms, {len(values)} moves (reported apart; the target is on all moves)",
                {"p50": v50, "reference_p50": ref50},
            ),
            Figure(
                "keystroke",
                f"day move {label}: p95",
                v95,
                "ms",
                None,
                f"{len(values)} moves",
                {"p95": v95},
            ),
        ]

    # -- soreness slider (issue 8's figure, kept) ------------------------------------------------
    slider = drawn("slider")
    s50, s95 = percentile(slider, 50), percentile(slider, 95)
    figures += [
        Figure(
            "keystroke",
            "soreness slider step, p50",
            s50,
            "ms",
            SLIDER_P50_MS,
            f"{len(slider)} presses{silent('slider')}; {s50 / ref50:.2f}x the bare row p50 ({ref50:.1f} ms)",
            {"p50": s50, "reference_p50": ref50},
        ),
        Figure(
            "keystroke",
            "soreness slider step, p95",
            s95,
            "ms",
            SLIDER_P95_MS,
            f"bare row p95 {ref95:.1f} ms",
            {"p95": s95, "reference_p95": ref95},
        ),
    ]

    # -- Tab between a form's fields, against the bare form --------------------------------------
    bare, bare_footer = drawn("form_bare"), drawn("form_bare_footer")
    b50, b95 = percentile(bare, 50), percentile(bare, 95)
    f50, f95 = percentile(bare_footer, 50), percentile(bare_footer, 95)
    forms = {"check-in": drawn("tab"), "workout": drawn("tab_workout")}
    tabs = forms["check-in"] + forms["workout"]
    t50, t95 = percentile(tabs, 50), percentile(tabs, 95)
    each = "; ".join(
        f"{name} {percentile(v, 50):.1f} / {percentile(v, 95):.1f} ms" for name, v in forms.items() if v
    )
    figures += [
        Figure(
            "keystroke",
            "Tab: bare form, no Footer, p50 / p95 (reference)",
            b50,
            "ms",
            None,
            f"p95 {b95:.1f} ms; five Inputs, a Checkbox, a Button; {len(bare)} presses{silent('form_bare')}",
            {"p50": b50, "p95": b95},
        ),
        Figure(
            "keystroke",
            "Tab: bare form with a Footer, p50 / p95",
            f50,
            "ms",
            None,
            f"p95 {f95:.1f} ms; the same form and Textual's Footer",
            {"p50": f50, "p95": f95},
        ),
        Figure(
            "keystroke",
            "Tab: legday p50 / bare form p50",
            t50 / b50,
            "x",
            TAB_P50_RATIO,
            f"{t50:.1f} / {b50:.1f} ms; check-in and workout forms pooled, {len(tabs)} presses "
            f"({each}, p50 / p95); {t50 / f50:.2f}x the form with a Footer",
            {"p50": t50, "reference_p50": b50, "footer_p50": f50},
        ),
        Figure(
            "keystroke",
            "Tab: legday p95 / bare form p95",
            t95 / b95,
            "x",
            TAB_P95_RATIO,
            f"{t95:.1f} / {b95:.1f} ms; {t95 / f95:.2f}x the form with a Footer",
            {"p95": t95, "reference_p95": b95, "footer_p95": f95},
        ),
    ]
    return figures


def measure(presses: int = 200, block: int = 20) -> list:
    """Run the blocks in a fresh interpreter: nothing the runner imported or cached skews them."""
    from tests.bench.generate import cached_data_dir

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
            "--block",
            str(block),
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
    return summarize(raw, len(raw["reference"]) // block)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path, required=True)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--block", type=int, default=20)
    args = parser.parse_args(argv)
    print(json.dumps(run_blocks(args.data_dir, args.presses, args.block)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
