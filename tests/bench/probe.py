"""Where cold start time goes: a phase breakdown, and optionally a profile, of start to first frame.

Runs inside the tmux pane (a real terminal), started by ``python -m tests.bench.probe``:

    python -m tests.bench.probe [--rounds 10] [--profile] [--years 0]

Each run records, from the moment the probe's own code starts (the interpreter's start-up before that
is the same for both and left out):

    imported   the app's module (legday.tui.app / the bare app's) and everything it imports
    built      the App object constructed (legday: settings, profile, themes)
    frame      the first frame written to the terminal after the DOM is ready (the app exits 0.5 s later)

The legday figure is taken through ``legday.tui.app.run_app``-equivalent steps (build_app over the data
dir, run). ``--profile`` writes a pyinstrument text profile of one legday and one bare run, from start
to first frame, to /tmp.
"""

from __future__ import annotations

import time

T0 = time.perf_counter()

import argparse  # noqa: E402
import json  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402


def child(subject: str, data_dir: str, out: str, profile: str | None) -> None:
    """Inside the pane: start the subject, exit at its first frame, write the phase times."""
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
    marks = {}
    if subject == "bare":
        from tests.bench.bare_app import BareApp

        marks["imported"] = time.perf_counter() - T0
        app = BareApp()
    else:
        from legday.tui.app import build_app

        marks["imported"] = time.perf_counter() - T0
        app = build_app(Path(data_dir), Path(tempfile.mkdtemp(prefix="legday-probe-config-")))
    marks["built"] = time.perf_counter() - T0

    from legday.private_api import dom_ready, watch_frames

    def frame() -> None:
        if dom_ready(app) and "frame" not in marks:
            marks["frame"] = time.perf_counter() - T0
            if profiler and profiler.is_running:
                profiler.stop()  # the profile covers start to first frame, nothing after
            # Not at once: what the app does right after its first frame (the pane, mounted then) must not
            # meet a closing app; the profile then shows that work too.
            app.set_timer(0.5, app.exit)

    watch_frames(app, frame, render_headless=False)
    app.run()
    if profiler:
        if profiler.is_running:
            profiler.stop()
        Path(profile).write_text(profiler.output_text(unicode=False, show_all=True))
    Path(out).write_text(json.dumps(marks))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--years", type=float, default=0)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument(
        "--child", nargs=4, metavar=("SUBJECT", "DATA", "OUT", "PROFILE"), help=argparse.SUPPRESS
    )
    args = parser.parse_args(argv)
    if args.child:
        subject, data, out, profile = args.child
        child(subject, data, out, profile if profile != "-" else None)
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
                command = [
                    sys.executable,
                    "-m",
                    "tests.bench.probe",
                    "--child",
                    subject,
                    str(data_dir),
                    str(out),
                    profile,
                ]
                lab.run_to_exit(command, cwd=ROOT)
                if not out.exists():
                    raise RuntimeError(f"{subject} probe wrote nothing (crashed?)")
                if round_ > 0:
                    results[subject].append(json.loads(out.read_text()))
    for subject, runs in results.items():
        phases = {k: statistics.median(r[k] for r in runs) * 1000 for k in runs[0]}
        print(f"{subject:7}", "  ".join(f"{k} {v:6.1f} ms" for k, v in phases.items()))
    if args.profile:
        print("profiles: /tmp/legday-probe-legday.txt /tmp/legday-probe-bare.txt")
    return 0


if __name__ == "__main__":
    sys.exit(main())
