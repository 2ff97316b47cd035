"""legday.transfer is formats only: it imports legday.core and nothing of storage, cli, tui or
Textual; its optional libraries (fitdecode, icalendar) load only when a file needs them. legday.web
loads neither Textual nor the app when imported."""

from __future__ import annotations

import pathlib
import pkgutil
import re
import subprocess
import sys

import legday.transfer


def _loaded_after(imports: list[str]) -> set[str]:
    probe = "import sys\n" + "".join(f"import {m}\n" for m in imports) + "print('\\n'.join(sys.modules))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(out.stdout.split())


def test_importing_every_transfer_module_loads_only_the_core():
    modules = ["legday.transfer"] + [
        f"legday.transfer.{m.name}" for m in pkgutil.iter_modules(legday.transfer.__path__)
    ]
    loaded = _loaded_after([*modules, "legday.web"])
    assert "legday.transfer.strong" in loaded and "legday.web" in loaded
    forbidden = {
        m
        for m in loaded
        if re.match(
            r"(textual|rich|aiohttp|textual_serve|fitdecode|icalendar)"
            r"(\.|$)|legday\.(storage|cli|tui|journal)",
            m,
        )
    }
    assert not forbidden


def test_transfer_sources_import_nothing_above_the_core():
    pattern = re.compile(r"^\s*(from|import)\s+legday\.(storage|cli|tui|journal|web)\b", re.M)
    root = pathlib.Path(legday.transfer.__file__).parent
    offenders = [p.name for p in root.glob("*.py") if pattern.search(p.read_text())]
    assert offenders == []
