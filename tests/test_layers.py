"""The layers, enforced: core <- storage <- journal <- cli, tui (data flows one way).

Every module's imports are read from its source (``import`` statements anywhere in the file, lazy
ones included: a lazy import is still a dependency) and checked against the rules below. One
subprocess test then imports each widget and the non-Textual layers fresh and looks at what got
loaded, which also catches a dependency that arrives through another module.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "legday"

GUI = ("textual", "rich")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[str, bool]]:
    """(imported module, at module level?) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    top_level = {id(node) for node in tree.body}
    # Imports under `if TYPE_CHECKING:` are for the type checker only.
    typing_only = {
        id(inner)
        for node in tree.body
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for inner in ast.walk(node)
    }
    found = []
    for node in ast.walk(tree):
        if id(node) in typing_only:
            continue
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                prefix = ".".join(base)
                names = [f"{prefix}.{node.module}" if node.module else prefix]
            else:
                names = [node.module or ""]
            # `from legday.tui import app` imports the module legday.tui.app.
            names += [f"{names[0]}.{alias.name}" for alias in node.names]
        else:
            continue
        found += [(name, id(node) in top_level) for name in names]
    return found


def modules() -> list[tuple[str, Path]]:
    return sorted((module_name(p), p) for p in PACKAGE.rglob("*.py"))


def within(name: str, *prefixes: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in prefixes)


# (modules the rule is for, what they must not import, why)
RULES: list[tuple[tuple[str, ...], tuple[str, ...], str]] = [
    (
        ("legday.core",),
        (
            "legday.storage",
            "legday.journal",
            "legday.cli",
            "legday.tui",
            "legday.web",
            "legday.transfer",
            *GUI,
        ),
        "core is pure: model, rules, planner",
    ),
    (
        ("legday.storage",),
        ("legday.journal", "legday.cli", "legday.tui", "legday.web", *GUI),
        "storage reads and writes files for the layers above it",
    ),
    (
        ("legday.journal",),
        ("legday.cli", "legday.tui", "legday.web", *GUI),
        "the journal is plain Python, shared by the CLI and the app",
    ),
    (
        ("legday.transfer",),
        ("legday.storage", "legday.journal", "legday.cli", "legday.tui", "legday.web", "textual"),
        "import/export formats are text <-> core records",
    ),
    # The CLI may start the app or the browser server: from its launcher only (a test below).
    (("legday.cli",), ("legday.storage",), "the CLI goes through the journal"),
    (("legday.tui",), ("legday.storage", "legday.cli"), "the app goes through the journal"),
    (
        ("legday.tui.widgets",),
        ("legday.tui.screens", "legday.tui.app", "legday.journal", "legday.tui.forms"),
        "widgets show what they are given",
    ),
    (
        (
            "legday.tui.screens",
            "legday.tui.widgets",
            "legday.tui.commands",
            "legday.tui.forms",
            "legday.tui.keys",
            "legday.tui.legend",
            "legday.tui.messages",
            "legday.tui.themes",
        ),
        ("legday.tui.app",),
        "nothing imports the app module: views subscribe, the app dispatches",
    ),
    (
        ("legday.tui.screens.help", "legday.tui.commands", "legday.tui.keys"),
        (
            "legday.tui.screens.week",
            "legday.tui.screens.log_workout",
            "legday.tui.screens.log_cardio",
            "legday.tui.screens.soreness",
            "legday.tui.screens.profile",
            "legday.tui.screens.welcome",
            "legday.tui.screens.pick",
        ),
        "help and the palette read the key table, not the screens",
    ),
]


# Known exceptions, each a debt to pay, not a licence (none left: the import/export, settings and
# serve commands now go through the journal too).
ALLOWED: set[tuple[str, str]] = set()


@pytest.mark.parametrize("owners,forbidden,why", RULES, ids=[r[2] for r in RULES])
def test_layer(owners, forbidden, why):
    broken = [
        f"{name} imports {imported}"
        for name, path in modules()
        if within(name, *owners)
        for imported, _top in imports_of(path)
        if within(imported, *forbidden)
        and not any(name == mod and within(imported, dep) for mod, dep in ALLOWED)
    ]
    assert broken == [], f"{why}: {broken}"


def test_the_cli_opens_the_app_in_one_place_only():
    """The CLI may start the app (no command) or the browser server (``legday serve``), and only
    from the launcher in cli/__init__.py, lazily."""
    found = [
        (name, imported, top)
        for name, path in modules()
        if within(name, "legday.cli")
        for imported, top in imports_of(path)
        if within(imported, "legday.tui", "legday.web")
    ]
    assert found == [
        ("legday.cli", "legday.tui.app", False),
        ("legday.cli", "legday.tui.app.run_app", False),
        ("legday.cli", "legday.web", False),
    ], found


def test_web_imports_no_tui_at_import_time():
    broken = [
        f"{name} imports {imported}"
        for name, path in modules()
        if within(name, "legday.web")
        for imported, top in imports_of(path)
        if top and within(imported, "legday.tui")
    ]
    assert broken == []


def test_the_checker_sees_lazy_and_relative_imports(tmp_path):
    """The rules are only as good as the reader: it must see an import inside a function."""
    module = tmp_path / "legday" / "tui" / "widgets" / "bad.py"
    module.parent.mkdir(parents=True)
    module.write_text("def f():\n    from legday.storage import Store\n    from ..app import LegdayApp\n")
    global SRC
    saved, SRC = SRC, tmp_path
    try:
        found = [name for name, _top in imports_of(module)]
    finally:
        SRC = saved
    assert "legday.storage" in found and "legday.tui.app" in found


def test_loaded_modules_follow_the_layers():
    """Import each piece fresh in a subprocess and see what it pulled in."""
    script = r"""
import importlib, json, pkgutil, sys
import legday.tui.widgets as widgets
out = {}
for name in ["legday.core.planner", "legday.core.words", "legday.storage", "legday.journal",
             *[f"legday.tui.widgets.{m.name}" for m in pkgutil.iter_modules(widgets.__path__)]]:
    before = set(sys.modules)
    importlib.import_module(name)
    out[name] = sorted(set(sys.modules))
    for loaded in set(sys.modules) - before:
        if loaded.startswith("legday."):
            del sys.modules[loaded]
print(json.dumps(out))
"""
    import json

    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    loaded = json.loads(result.stdout)
    for name in ("legday.core.planner", "legday.core.words", "legday.storage", "legday.journal"):
        gui = [m for m in loaded[name] if within(m, *GUI)]
        assert gui == [], (name, gui[:5])
    for name, mods in loaded.items():
        if name.startswith("legday.tui.widgets."):
            bad = [
                m
                for m in mods
                if within(m, "legday.storage", "legday.journal", "legday.tui.app", "legday.tui.screens")
            ]
            assert bad == [], (name, bad)
