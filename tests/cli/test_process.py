"""In a real process: scripted commands never import Textual (and `plan --json` not even Rich),
the console script works end to end, and no command opens the app except the bare `legday`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest

from legday.cli import run

COMMANDS = {
    "profile set": ["profile", "--goal", "hybrid", "--leg-days", "mon,thu"],
    "profile show": ["profile"],
    "legs": ["legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--date", "2026-11-16"],
    "cardio": ["cardio", "bike", "--minutes", "30", "--effort", "3", "--date", "2026-11-17"],
    "sore": ["sore", "6", "--date", "2026-11-17"],
    "plan json": ["plan", "--date", "2026-11-18", "--json"],
    "plan": ["plan", "--date", "2026-11-18"],
    "bad input": ["sore", "11"],
}
# Commands whose output is one line or JSON: they have no reason to load Rich either.
NO_RICH = {"profile set", "profile show", "legs", "cardio", "sore", "plan json", "bad input"}

CHECK = """
import sys
from legday.cli import run
run({args!r})
loaded = sorted({{m.split('.')[0] for m in sys.modules}})
assert not any(m.startswith('textual') for m in sys.modules), 'textual imported'
if {no_rich!r}:
    assert 'rich' not in loaded, 'rich imported'
"""


def _env(tmp_path: Path) -> dict:
    env = dict(os.environ)
    env["XDG_DATA_HOME"] = str(tmp_path / "xdg-data")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "xdg-config")
    env["LEGDAY_DATA_DIR"] = str(tmp_path / "data")
    env.pop("LEGDAY_CONFIG_DIR", None)
    return env


def test_no_command_but_the_app_imports_textual(tmp_path):
    env = _env(tmp_path)
    for name, args in COMMANDS.items():
        code = CHECK.format(args=args, no_rich=name in NO_RICH)
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
        assert result.returncode == 0, f"{name}: {result.stderr}"


def test_end_to_end_with_the_console_script(tmp_path):
    exe = Path(sys.executable).with_name("legday")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "legday"]
    env = _env(tmp_path)
    data = str(tmp_path / "elsewhere")

    def legday(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*cmd, *args, "--data-dir", data], env=env, capture_output=True, text=True)

    assert (
        legday("profile", "--goal", "endurance", "--level", "advanced", "--leg-days", "tue,fri").returncode
        == 0
    )
    done = legday(
        "legs",
        "split squat 3x10@20kg",
        "--effort",
        "7",
        "--minutes",
        "45",
        "--date",
        "2026-11-17",
        "--time",
        "07:00",
    )
    assert done.returncode == 0 and done.stdout.startswith("logged legs 2026-11-17 07:00: split squat")
    assert legday("sore", "4", "--date", "2026-11-18", "--sleep", "7.5").returncode == 0
    result = legday("plan", "--date", "2026-11-18", "--json")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # a profile is set: no hint
    plan = json.loads(result.stdout)
    tuesday, wednesday = plan["days"][1], plan["days"][2]
    assert [s["status"] for s in tuesday["sessions"] if s["kind"] == "legs"] == ["done"]
    assert wednesday["soreness"] == 4
    # --data-dir after the command won over LEGDAY_DATA_DIR; the environment's directory is untouched.
    assert not (tmp_path / "data").exists()

    bad = legday("legs", "squat 5x", "--effort", "8", "--minutes", "60")
    assert bad.returncode == 2 and bad.stdout == ""
    assert bad.stderr.count("\n") == 1 and bad.stderr.startswith("legday: error: ")


@pytest.mark.parametrize("argv, expected", [([], None), (["--data-dir", "~/lifts"], "~/lifts")])
def test_bare_legday_opens_the_app(monkeypatch, argv, expected):
    calls = []
    fake = types.ModuleType("legday.tui.app")
    fake.run_app = lambda data_dir: calls.append(data_dir) or 0
    monkeypatch.setitem(sys.modules, "legday.tui.app", fake)
    assert run(argv) == 0
    assert calls == [None if expected is None else Path(expected).expanduser()]
