"""Where cold start time goes: a phase breakdown, and optionally a profile, of start to first frame.

Runs inside the tmux pane (a real terminal), started by ``python -m tests.bench.probe``:

    python -m tests.bench.probe [--rounds 10] [--profile] [--years 0]

Each run records, from the moment the probe's own code starts (the interpreter's start-up before that
is the same for both and left out):

    imported   the app's module (legday.tui.app / the bare app's) and everything it imports
    built      the App object constructed (legday: settings, profile, themes)
    first      the first frame written to the terminal
    frame      the first frame written after the DOM is ready (Textual sets that flag once the first
               screen is laid out; the app exits 0.5 s later)
    gc         the time the garbage collector took up to that frame (and gc2: its full passes)

The legday figure is taken through ``legday.tui.app.run_app``-equivalent steps (build_app over the data
dir, run). ``--profile`` writes a pyinstrument profile of the last legday and bare runs, from start to
``frame``, to /tmp: ``legday-probe-SUBJECT.txt`` (the call tree, import machinery folded away, every
Textual frame kept, calls under 0.5% left out) and ``legday-probe-SUBJECT.pyisession`` (the whole
session, for ``pyinstrument --load``). ``--after-import`` starts the profile after the imports (they
are better read with ``python -X importtime``). ``--gc MODE`` tries a garbage-collector setting in
the legday runs only (an experiment, not what legday does unless legday does it): ``freeze`` (gc.freeze()
once the modules are imported), ``import`` (no collection while importing, then a freeze), ``off`` (no
collection until the first frame, then a freeze), ``both`` (freeze after the imports, off until the frame).
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import gc  # noqa: E402

# The garbage collector's passes up to the frame: (generation, seconds) each.
GC_PASSES: list[tuple[int, float]] = []
_gc_started = [0.0]


def _gc_watch(phase: str, info: dict) -> None:
    if phase == "start":
        _gc_started[0] = time.perf_counter()
    else:
        GC_PASSES.append((info["generation"], time.perf_counter() - _gc_started[0]))


gc.callbacks.append(_gc_watch)

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def child(
    subject: str,
    data_dir: str,
    out: str,
    profile: str | None,
    after_import: bool = False,
    gc_mode: str = "none",
) -> None:
    """Inside the pane: start the subject, exit at its first frame, write the phase times."""
    from typing import Any

    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        if not after_import:
            profiler.start()
    marks: dict[str, float] = {}
    app: Any
    if subject != "bare" and gc_mode in ("off", "both", "import"):
        gc.disable()
    if subject == "bare":
        from tests.bench.bare_app import BareApp

        marks["imported"] = time.perf_counter() - T0
        app = BareApp()
    else:
        from legday.tui.app import build_app

        marks["imported"] = time.perf_counter() - T0
        if gc_mode in ("freeze", "both", "import"):
            gc.freeze()
        if gc_mode == "import":
            gc.enable()
        app = build_app(Path(data_dir), Path(tempfile.mkdtemp(prefix="legday-probe-config-")))
    if profiler and not profiler.is_running:
        profiler.start()  # (--after-import: from here)
    marks["built"] = time.perf_counter() - T0
    marks["gc_import"] = sum(seconds for _, seconds in GC_PASSES)

    from legday.private_api import dom_ready, watch_frames

    def frame() -> None:
        marks.setdefault("first", time.perf_counter() - T0)
        if dom_ready(app) and "frame" not in marks:
            marks["frame"] = time.perf_counter() - T0
            marks["gc"] = sum(seconds for _, seconds in GC_PASSES)
            marks["gc2"] = sum(seconds for generation, seconds in GC_PASSES if generation == 2)
            if not gc.isenabled():
                gc.freeze()
                gc.enable()
            if profiler and profiler.is_running:
                profiler.stop()  # the profile covers start to first frame, nothing after
            # Not at once: what the app does right after its first frame (the pane, mounted then) must not
            # meet a closing app; the profile then shows that work too.
            app.set_timer(0.5, app.exit)

    watch_frames(app, frame, render_headless=False)
    app.run()
    if profiler and profile:
        if profiler.is_running:
            profiler.stop()
        write_profile(profiler, Path(profile))
    Path(out).write_text(json.dumps(marks))


def write_profile(profiler, path: Path) -> None:
    """The call tree as text (import machinery folded, library frames shown: Textual's own work is
    what is being compared) and the whole session beside it."""
    from pyinstrument.renderers import ConsoleRenderer

    session = profiler.last_session
    renderer = ConsoleRenderer(
        unicode=False,
        processor_options={"show_regex": r".*/(textual|rich|legday|bench)/", "filter_threshold": 0.005},
    )
    path.write_text(renderer.render(session))
    session.save(str(path.with_suffix(".pyisession")))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--years", type=float, default=0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--after-import", action="store_true", help="profile from the built app on")
    parser.add_argument("--gc", default="none", choices=("none", "freeze", "import", "off", "both"))
    parser.add_argument(
        "--child", nargs=4, metavar=("SUBJECT", "DATA", "OUT", "PROFILE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        subject, data, out, profile = args.child
        child(subject, data, out, profile if profile != "-" else None, args.after_import, args.gc)
        return 0

    from tests.bench.coldstart import ROOT, TmuxLab
    from tests.bench.generate import cached_data_dir

    data_dir = cached_data_dir(args.years)
    results: dict[str, list[dict]] = {"bare": [], "legday": []}
    with TmuxLab() as lab, tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds + 1):
            for subject in results:
                out = Path(tmp) / f"{subject}-{round_}.json"
                profile = "-"
                if args.profile and round_ == args.rounds:
                    profile = f"/tmp/legday-probe-{subject}.txt"
                command = (
                    [
                        sys.executable,
                        "-m",
                        "tests.bench.probe",
                        "--child",
                        subject,
                        str(data_dir),
                        str(out),
                        profile,
                    ]
                    + (["--after-import"] if args.after_import else [])
                    + ["--gc", args.gc]
                )
                lab.run_to_exit(command, cwd=ROOT)
                if not out.exists():
                    raise RuntimeError(f"{subject} probe wrote nothing (crashed?)")
                if round_ > 0:
                    results[subject].append(json.loads(out.read_text()))
    order = ("imported", "built", "first", "frame", "gc_import", "gc", "gc2")
    for subject, runs in results.items():
        phases = {k: statistics.median(r[k] for r in runs) * 1000 for k in order if k in runs[0]}
        print(f"{subject:7}", "  ".join(f"{k} {v:6.1f} ms" for k, v in phases.items()))
    if args.profile:
        print("profiles: /tmp/legday-probe-legday.txt /tmp/legday-probe-bare.txt (and .pyisession)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
