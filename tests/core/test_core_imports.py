"""The core is plain Python: it must import neither Textual, Rich nor storage/tui (brief: layering)."""

from __future__ import annotations

import pathlib
import pkgutil
import re
import subprocess
import sys

import legday.core

CORE = pathlib.Path(legday.core.__file__).parent
FORBIDDEN = ("textual", "rich", "legday.storage", "legday.tui", "legday.cli")


def test_importing_every_core_module_loads_no_ui_or_storage():
    modules = sorted(m.name for m in pkgutil.walk_packages([str(CORE)], "legday.core."))
    assert "legday.core.rules.week" in modules  # the walk reaches into sub-packages
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in modules)
        + "print('\\n'.join(sorted(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    loaded = set(out.split())
    assert "legday.core.planner" in loaded  # the probe did import the core
    bad = sorted(m for m in loaded if any(m == f or m.startswith(f + ".") for f in FORBIDDEN))
    assert bad == []


def test_core_sources_never_mention_ui_or_storage_imports():
    pattern = re.compile(r"^\s*(from|import)\s+(textual|rich|legday\.(storage|tui|cli))\b", re.M)
    offenders = [p.name for p in CORE.rglob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
    assert len(list(CORE.rglob("*.py"))) >= 8  # the scan saw the core, not an empty folder
