"""The one module for private framework names (legday/private_api.py), held to its promise.

- Textual is pinned exactly, and the installed version is the pinned one.
- Every private Textual name private_api uses is still there in that version, and the functions it
  copies are unchanged since they were copied (a fingerprint of their source): a Textual upgrade
  that renames or changes one fails here, not in a user's terminal.
- Each helper does what legday relies on it for.
- Nothing else in legday (source, tests, benchmarks) touches a private Textual name: no import of
  one, no reach into a Textual object's private attribute, no override or use of one in a subclass.
"""

from __future__ import annotations

import ast
import hashlib
import importlib
import inspect
import re
import tomllib
from functools import cache
from importlib.metadata import version
from pathlib import Path

import pytest
import textual

from legday import private_api

ROOT = Path(__file__).resolve().parents[1]
TEXTUAL_SOURCE = Path(textual.__file__).parent

# Functions private_api copies, by the fingerprint of the source they were copied from (Textual 8.2.8).
# A new Textual that changes one: compare the copy with the new source, then update the fingerprint.
COPIED = {
    ("textual.app", "App", "_watch_theme"): "a6de38d37b42f581",
    ("textual.app", "App", "_press_keys"): "1999a9a2751290ae",
    ("textual.widget", "Widget", "vertical_scrollbar"): "6b140a728f0b50e4",
}


def pinned(package: str) -> str | None:
    """The exact version pyproject.toml pins ``package`` to (None if it is not pinned exactly)."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        match = re.fullmatch(rf"\s*{re.escape(package)}\s*==\s*([\w.]+)\s*", requirement)
        if match:
            return match[1]
    return None


def test_textual_is_pinned_exactly_and_installed_at_that_version():
    assert pinned("textual") is not None, "pyproject.toml must pin textual with =="
    assert version("textual") == pinned("textual")


@pytest.mark.parametrize("entry", sorted(private_api.TEXTUAL_NAMES), ids="{0[0]}:{0[1]}.{0[2]}".format)
def test_every_private_textual_name_used_is_still_there(entry):
    module_name, owner, name = entry
    module = importlib.import_module(module_name)
    if not owner:
        assert hasattr(module, name), f"{module_name}.{name} is gone"
        return
    cls = getattr(module, owner)
    if hasattr(cls, name):
        return
    # An attribute set in __init__: look at a fresh instance.
    assert hasattr(cls(), name), f"{module_name}.{owner}.{name} is gone"


@pytest.mark.parametrize("entry", sorted(COPIED), ids="{0[0]}:{0[1]}.{0[2]}".format)
def test_copied_functions_are_unchanged_since_they_were_copied(entry):
    module_name, owner, name = entry
    assert entry in private_api.TEXTUAL_NAMES  # listed, with why
    function = getattr(getattr(importlib.import_module(module_name), owner), name)
    function = getattr(function, "fget", function)  # a property: its getter
    fingerprint = hashlib.sha256(inspect.getsource(function).encode()).hexdigest()[:16]
    assert fingerprint == COPIED[entry], f"{owner}.{name} changed: check private_api's copy of it"


# -- what each helper is relied on for ---------------------------------------------------------------


def test_normalize_keys_gives_textuals_long_names():
    assert private_api.normalize_keys("?,ctrl+s, [ ,t") == "question_mark,ctrl+s,left_square_bracket,t"


def test_key_event_is_the_event_pilot_sends():
    question = private_api.key_event("?")
    assert (question.key, question.character) == ("question_mark", "?")
    enter = private_api.key_event("enter")
    assert (enter.key, enter.character) == ("enter", None)
    letter = private_api.key_event("w")
    assert (letter.key, letter.character) == ("w", "w")


def test_start_in_theme_sets_the_theme_its_classes_and_variables_without_a_restyle():
    from textual.app import App

    app = App()
    light = next(name for name, theme in app.available_themes.items() if not theme.dark)
    private_api.start_in_theme(app, light)
    assert app.theme == light
    assert app.has_class(f"-theme-{light}", "-light-mode") and not app.has_class("-dark-mode")
    assert app._css_update_count == 0


def test_mark_styled_marks_a_screen_with_the_apps_css_count():
    from textual.app import App
    from textual.screen import Screen

    app, screen = App(), Screen()
    app._css_update_count = 7
    private_api.mark_styled(screen, app)
    assert screen._css_update_count == 7


async def test_watch_frames_and_dom_ready_see_the_first_frame():
    from textual.app import App
    from textual.widgets import Label

    class One(App):
        def compose(self):
            yield Label("one")

    app = One()
    frames: list[bool] = []
    private_api.watch_frames(app, lambda: frames.append(private_api.dom_ready(app)))
    async with app.run_test(size=(20, 3)) as pilot:
        await pilot.pause()
        await private_api.wait_for_screen(pilot)
    assert frames and frames[-1] is True


# -- nothing else touches a private Textual name -----------------------------------------------------


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@cache
def textual_private_names() -> tuple[dict[tuple[str, str], frozenset[str]], frozenset[str]]:
    """Every private name Textual defines: per (module, class), and all of them together."""
    per_class: dict[tuple[str, str], frozenset[str]] = {}
    everywhere: set[str] = set()
    for path in TEXTUAL_SOURCE.rglob("*.py"):
        module = ".".join(("textual", *path.relative_to(TEXTUAL_SOURCE).with_suffix("").parts))
        module = module.removesuffix(".__init__")
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = frozenset(n for n in _defined(node, stores_on_self_only=True) if _private(n))
                per_class[(module, node.name)] = names
                everywhere |= names
    return per_class, frozenset(everywhere)


def _defined(tree: ast.AST, *, stores_on_self_only: bool) -> set[str]:
    """Names a piece of code defines: functions, classes, assigned names and ``self.x = ...``."""
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif (
            isinstance(node, ast.Attribute)
            and isinstance(node.ctx, ast.Store)
            and isinstance(node.value, ast.Name)
            and (node.value.id == "self" or not stores_on_self_only)
        ):
            names.add(node.attr)
    return names


def legday_files() -> list[Path]:
    """legday's source, tests and benchmarks, but for private_api.py and this file."""
    files = [*(ROOT / "src" / "legday").rglob("*.py"), *(ROOT / "tests").rglob("*.py")]
    skip = {ROOT / "src" / "legday" / "private_api.py", Path(__file__).resolve()}
    return sorted(p for p in files if p.resolve() not in skip and "__snapshots__" not in p.parts)


def _module_of(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[1:] if parts[0] == "src" else parts).removesuffix(".__init__")


class Checker:
    """Finds, in legday's own files, every use of a private Textual name. Static: nothing of legday
    is imported (only Textual, to follow a class's bases into it)."""

    def __init__(self, files: list[Path]) -> None:
        self.trees = {path: ast.parse(path.read_text(encoding="utf-8")) for path in files}
        self.by_module = {_module_of(path): path for path in files}
        self.per_class, self.textual_names = textual_private_names()
        # legday's own private names (defined on self, or as functions, classes, variables): using
        # one of those on another object is legday's business, even if Textual has the same name.
        self.own = set().union(*(_defined(tree, stores_on_self_only=True) for tree in self.trees.values()))

    def problems(self) -> list[str]:
        return [problem for path in self.trees for problem in self.problems_for(path)]

    def problems_for(self, path: Path) -> list[str]:
        tree = self.trees[path]
        where = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path.name
        modules = {a.asname or a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        found: set[tuple[int, str]] = set()
        for node in ast.walk(tree):
            found |= {(node.lineno, f"imports {name}") for name in self._private_imports(node)}
            if (
                isinstance(node, ast.Attribute)
                and _private(node.attr)
                and node.attr in self.textual_names
                and (node.attr not in self.own or isinstance(node.ctx, ast.Store))
                and not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls", *modules})
            ):
                found.add((node.lineno, f"reaches into .{node.attr}"))
            if isinstance(node, ast.ClassDef):
                found |= set(self._in_subclass(path, node))
        return [f"{where}:{line}: {what}" for line, what in sorted(found)]

    @staticmethod
    def _private_imports(node: ast.AST) -> list[str]:
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "textual":
            if any(_private(part) for part in node.module.split(".")):
                return [node.module]
            return [f"{node.module}.{a.name}" for a in node.names if _private(a.name)]
        if isinstance(node, ast.Import):
            return [
                a.name
                for a in node.names
                if a.name.split(".")[0] == "textual" and any(_private(p) for p in a.name.split("."))
            ]
        return []

    def _in_subclass(self, path: Path, node: ast.ClassDef) -> list[tuple[int, str]]:
        """A class built on a Textual one that overrides or uses one of its private names."""
        theirs: set[str] = set()
        for base in self._textual_bases(path, node):
            for cls in base.__mro__:
                theirs |= self.per_class.get((cls.__module__, cls.__name__), frozenset())
        found = []
        for sub in ast.walk(node):
            if isinstance(sub, ast.FunctionDef | ast.AsyncFunctionDef) and sub.name in theirs:
                found.append((sub.lineno, f"{node.name} overrides Textual's {sub.name}"))
            if (
                isinstance(sub, ast.Attribute)
                and isinstance(sub.value, ast.Name)
                and sub.value.id == "self"
                and sub.attr in theirs
            ):
                found.append((sub.lineno, f"{node.name} uses Textual's {sub.attr}"))
        return found

    def _textual_bases(self, path: Path, node: ast.ClassDef) -> list[type]:
        tree = self.trees[path]
        imported = {
            a.asname or a.name: (n.module, a.name)
            for n in ast.walk(tree)
            if isinstance(n, ast.ImportFrom) and n.module
            for a in n.names
        }
        classes = {n.name: n for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}
        found: list[type] = []
        for base in node.bases:
            while isinstance(base, ast.Subscript):  # Screen[bool]
                base = base.value
            if not isinstance(base, ast.Name):
                continue
            if base.id in classes and classes[base.id] is not node:
                found += self._textual_bases(path, classes[base.id])
            elif base.id in imported:
                module, name = imported[base.id]
                if module.split(".")[0] == "textual":
                    found.append(getattr(importlib.import_module(module), name))
                elif module in self.by_module:
                    other = self.by_module[module]
                    defined = {n.name: n for n in ast.walk(self.trees[other]) if isinstance(n, ast.ClassDef)}
                    if name in defined:
                        found += self._textual_bases(other, defined[name])
        return found


def test_no_private_textual_name_outside_private_api():
    problems = Checker(legday_files()).problems()
    assert not problems, "use legday.private_api (and list the name there) instead:\n" + "\n".join(problems)


def test_the_checker_finds_each_kind_of_private_use(tmp_path):
    """The checker is not blind: each way of touching a private name is caught."""
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from textual.app import App\n"
        "from textual.keys import _character_to_key\n"
        "import textual._compositor\n"
        "class Mine(App):\n"
        "    def _on_key(self, event):\n"
        "        return self._screen_stacks\n"
        "def reach(app, pilot):\n"
        "    app._display = print\n"
        "    return pilot._wait_for_screen()\n"
    )
    checker = Checker([])
    checker.trees = {sample: ast.parse(sample.read_text())}
    problems = [p.split(": ", 1)[1] for p in checker.problems_for(sample)]
    assert problems == [
        "imports textual.keys._character_to_key",
        "imports textual._compositor",
        "Mine overrides Textual's _on_key",
        "Mine uses Textual's _screen_stacks",
        "reaches into ._display",
        "reaches into ._wait_for_screen",
    ]
