"""What plain ``legday`` imports on its way to the first frame: nothing that only a later action needs.

Every module imported before the first frame is start-up time the person waits through (issue 18:
"no module the first frame does not need is imported before it"). Record ids (``json``), the
argument parser (``argparse``, with nothing to parse), the names and merging of sync tools' conflict
copies (``legday.storage.conflicts``: the journal looks for copies as it opens, and only a copy found
needs it), the forms' widgets, the suggestion pane (mounted after the first frame), undo and the
browser server's module are needed later or never; this test fails when one of them moves back onto the start path. (``hashlib`` is needed: the first read looks for this
machine's pending change, whose name hashes the machine id.)

The start path runs as the ``legday`` command runs it (``legday.cli.run([])``, then ``run_app``),
in a fresh interpreter, over folders in ``tmp_path`` (never the person's own), with Textual's
``App.run`` replaced by a no-op: what the app imports while it runs is timed by ``python -m
tests.bench --only coldstart``, not asserted here.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys

SCRIPT = r"""
import gc
import sys

import textual.app

seen = {}


def run(self, *args, **kwargs):  # build the app, do not run it
    seen["collector"] = gc.isenabled()
    seen["collect_after_first_frame"] = self._collect_after_first_frame


textual.app.App.run = run

from legday.cli import run

code = run([])
print(repr({"code": code, "modules": sorted(sys.modules), **seen, "collector_after": gc.isenabled()}))
"""

LATER_ONLY = (
    "argparse",
    "json",
    "legday.storage.conflicts",
    # The forms' widgets (a form opens later), the pane (mounted after the first frame), undo (asked
    # for later) and the browser server's module (only a tab of `legday serve` ties itself to it).
    "legday.tui.widgets.form",
    "legday.tui.widgets.suggestion_pane",
    "legday.storage.undo",
    "legday.web",
)


def start_path_modules(tmp_path) -> dict:
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("LEGDAY_", "TEXTUAL"))},
        "LEGDAY_DATA_DIR": str(tmp_path / "data"),
        "LEGDAY_CONFIG_DIR": str(tmp_path / "config"),
    }
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, env=env, check=False
    )
    assert done.returncode == 0, done.stderr
    return ast.literal_eval(done.stdout.strip().splitlines()[-1])


def test_plain_legday_imports_only_what_its_first_frame_needs(tmp_path):
    result = start_path_modules(tmp_path)
    modules = set(result["modules"])
    # The run did take the app's path: the app, its week view and the planner were imported.
    assert result["code"] == 0
    assert {"legday.tui.app", "legday.tui.screens.week", "legday.core.planner"} <= modules
    assert [name for name in LATER_ONLY if name in modules] == []


def test_plain_legday_runs_its_app_with_the_collector_off_until_the_first_frame(tmp_path):
    """cli._open_app turns the garbage collector off before the app's imports, and the app is told to
    turn it on again after its first frame (tests/tui/test_start.py checks that it does); once the
    app has returned, it is on whatever happened."""
    result = start_path_modules(tmp_path)
    assert result["collector"] is False
    assert result["collect_after_first_frame"] is True
    assert result["collector_after"] is True


def test_the_cli_knows_the_variable_legday_serve_sets():
    """cli._open_app looks for `legday serve`'s variable itself (not importing legday.web for it)."""
    from legday import cli, web

    assert cli.SERVE_PARENT_ENV == web.PARENT_ENV


def test_the_merge_names_every_sync_tool_conflicts_knows():
    """merging.TOOLS spells the tools out (so that looking for copies imports no conflicts.py): they
    must stay the ones conflicts.py names copies by."""
    from legday.storage import conflicts, merging

    assert set(merging.TOOLS) == {
        conflicts.SYNCTHING,
        conflicts.DROPBOX,
        conflicts.NEXTCLOUD,
        conflicts.OWNCLOUD,
    }
