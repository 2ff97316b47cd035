"""Run every benchmark and print each figure against its target (``--json`` for machine output).

    .venv/bin/python -m tests.bench            # everything, default rounds (a few minutes)
    .venv/bin/python -m tests.bench --quick    # fewer rounds, for a smoke run
    .venv/bin/python -m tests.bench --only planner,storage --json

Every figure is measured over at least 10 interleaved rounds (cold start: at least 20), except with
``--quick``, whose figures are a smoke run and say so. The load average is printed with each group's
figures: on this shared machine a figure measured under load is not one to quote.

Exit status: 0 when every target is met, 1 when one is missed, 2 when a benchmark could not run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
import traceback
from pathlib import Path

from tests.bench.figures import Figure

GROUPS = ("coldstart", "keystroke", "planner", "storage", "import", "trends")
MIN_ROUNDS = 10
MIN_COLDSTART_ROUNDS = 20


def machine() -> dict:
    cpu = "?"
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as info:
            for line in info:
                if line.startswith("model name"):
                    cpu = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    import textual

    return {
        "cores": os.cpu_count(),
        "cpu": cpu,
        "memory_gib": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30),
        "python": platform.python_version(),
        "textual": textual.__version__,
        "os": f"{platform.system()} {platform.release()}",
    }


def coldstart_rounds(rounds: int, quick: bool) -> int:
    """Cold start is the noisiest figure (a whole process, the terminal, the disk): twice the rounds,
    and never fewer than 20 in a real run."""
    return rounds * 2 if quick else max(rounds * 2, MIN_COLDSTART_ROUNDS)


def run_group(group: str, rounds: int, quick: bool = False) -> list[Figure]:
    if group == "coldstart":
        from tests.bench import coldstart

        return coldstart.measure(coldstart_rounds(rounds, quick))
    if group == "keystroke":
        from tests.bench import keystroke

        # Blocks of 20 presses, one block per subject per round: at least 10 rounds.
        return keystroke.measure(presses=(rounds if quick else max(rounds, MIN_ROUNDS)) * 20)
    if group == "planner":
        from tests.bench import planner

        return planner.run(rounds)
    if group == "storage":
        from tests.bench import storage

        return storage.run(rounds)
    if group == "import":
        from tests.bench import transfer

        return transfer.run(rounds)
    if group == "trends":
        from tests.bench import trends

        return trends.measure(rounds)
    raise ValueError(group)


def load_average() -> str:
    one, five, _fifteen = os.getloadavg()
    return f"{one:.2f} / {five:.2f}"


def verdicts(figures: list[Figure]) -> str:
    targets = [f for f in figures if f.ok is not None]
    missed = [f for f in targets if f.ok is False]
    line = f"{len(targets)} targets: {len(targets) - len(missed)} met, {len(missed)} missed"
    return line + ("" if not missed else " (" + "; ".join(f"{f.group}: {f.name}" for f in missed) + ")")


def table(figures: list[Figure], problems: dict[str, str], loads: dict[str, str] | None = None) -> str:
    rows = [("", "figure", "measured", "target", "", "detail")]
    for f in figures:
        value, target, verdict, detail = f.cells()
        rows.append((f.group, f.name, value, target, verdict, detail))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = []
    for i, row in enumerate(rows):
        cells = [
            row[0].ljust(widths[0]),
            row[1].ljust(widths[1]),
            row[2].rjust(widths[2]),
            row[3].rjust(widths[3]),
            row[4].ljust(widths[4]),
            row[5],
        ]
        lines.append("  ".join(cells).rstrip())
        if i == 0:
            lines.append("-" * (sum(widths) + 2 * len(widths) + 6))
    for group, message in problems.items():
        lines.append(f"{group}: NOT RUN: {message}")
    if loads:
        lines.append("")
        lines.append(
            "load average (1 / 5 min) before and after each group: "
            + "; ".join(f"{g} {v}" for g, v in loads.items())
        )
    lines.append(verdicts(figures))
    return "\n".join(lines)


def fresh_bytecode() -> None:
    """Every process the benchmarks start loads legday from up-to-date .pyc files, as an installed
    app would after its first run. (A shell with PYTHONDONTWRITEBYTECODE set and sources edited since
    their .pyc was written would otherwise recompile legday on every start: ~25 ms of cold start that
    no user pays.)"""
    import compileall

    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # inherited by tmux's server and subprocesses
    root = Path(__file__).resolve().parents[2]
    for folder in (root / "src" / "legday", root / "tests" / "bench"):
        compileall.compile_dir(folder, quiet=1)


def markdown(figures: list[Figure], m: dict, rounds: int, quick: bool, loads: dict[str, str]) -> str:
    lines = ["| figure | measured | target | |", "| --- | ---: | ---: | --- |"]
    for f in figures:
        value, target, verdict, _ = f.cells()
        lines.append(f"| {f.group}: {f.name} | {value} | {target.replace('<=', '≤')} | {verdict} |")
    lines.append("")
    lines.append(
        f"Measured {time.strftime('%d %B %Y')} on {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, "
        f"{m['os']}, Python {m['python']}, Textual {m['textual']}; {rounds} rounds "
        f"({coldstart_rounds(rounds, quick)} for cold start); load average (1 / 5 min) before and after: "
        + "; ".join(f"{g} {v}" for g, v in loads.items())
        + "."
    )
    lines.append(verdicts(figures))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of the table")
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table (for the README)")
    parser.add_argument(
        "--rounds", type=int, default=12, help="interleaved rounds (at least 10 for a real run)"
    )
    parser.add_argument("--quick", action="store_true", help="3 rounds: a smoke run, not figures to quote")
    parser.add_argument(
        "--only", default=",".join(GROUPS), help=f"comma-separated subset of {','.join(GROUPS)}"
    )
    args = parser.parse_args(argv)
    if not args.quick and args.rounds < MIN_ROUNDS:
        parser.error(
            f"--rounds {args.rounds}: a real run takes at least {MIN_ROUNDS}; --quick for a smoke run"
        )
    rounds = 3 if args.quick else args.rounds
    groups = [g.strip() for g in args.only.split(",") if g.strip()]
    unknown = set(groups) - set(GROUPS)
    if unknown:
        parser.error(f"unknown group(s) {', '.join(sorted(unknown))}; accepted: {', '.join(GROUPS)}")

    fresh_bytecode()
    figures: list[Figure] = []
    problems: dict[str, str] = {}
    loads: dict[str, str] = {}
    started = time.perf_counter()
    for group in groups:
        before = load_average()
        print(f"running {group} (load {before}) ...", file=sys.stderr, flush=True)
        try:
            figures += run_group(group, rounds, args.quick)
        except Exception as error:  # report and go on: one broken subject must not hide the others
            problems[group] = f"{type(error).__name__}: {error}"
            traceback.print_exc(file=sys.stderr)
        loads[group] = f"{before} -> {load_average()}"
    elapsed = time.perf_counter() - started

    if args.markdown:
        print(markdown(figures, machine(), rounds, args.quick, loads))
    elif args.json:
        print(
            json.dumps(
                {
                    "machine": machine(),
                    "rounds": rounds,
                    "coldstart_rounds": coldstart_rounds(rounds, args.quick),
                    "quick": args.quick,
                    "date": time.strftime("%Y-%m-%d"),
                    "load_average": loads,
                    "seconds": round(elapsed, 1),
                    "figures": [f.as_json() for f in figures],
                    "not_run": problems,
                },
                indent=2,
            )
        )
    else:
        m = machine()
        print(
            f"legday benchmarks: {m['cores']} cores ({m['cpu']}), {m['memory_gib']} GiB, Python {m['python']}, "
            f"Textual {m['textual']}, {m['os']}; {time.strftime('%Y-%m-%d %H:%M')}; {rounds} rounds "
            f"({coldstart_rounds(rounds, args.quick)} for cold start), {elapsed:.0f} s"
            + ("; --quick: a smoke run, not figures to quote" if args.quick else "")
            + "\n"
        )
        print(table(figures, problems, loads))
    if problems:
        return 2
    return 1 if any(f.ok is False for f in figures) else 0


if __name__ == "__main__":
    sys.exit(main())
