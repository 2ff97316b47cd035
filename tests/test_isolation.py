"""The suite-wide guard (tests/conftest.py): wherever legday would put the person's data or settings
by default, during the tests it is inside the session's temporary home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from legday.storage import resolve_config_dir, resolve_data_dir


def test_the_default_folders_are_inside_the_temporary_home(isolated_home: Path):
    home = isolated_home.resolve()
    for folder in (resolve_data_dir(None), resolve_config_dir(False), Path.home(), Path("~").expanduser()):
        assert folder.resolve().is_relative_to(home), folder
    assert "LEGDAY_DATA_DIR" not in os.environ and "LEGDAY_CONFIG_DIR" not in os.environ


def test_a_legday_started_by_a_test_inherits_the_guard(isolated_home: Path):
    """Commands run as subprocesses see the same environment, so they too stay out."""
    script = (
        "from legday.storage import resolve_config_dir, resolve_data_dir;"
        "print(resolve_data_dir(None)); print(resolve_config_dir(False))"
    )
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    for line in out.stdout.split():
        assert Path(line).resolve().is_relative_to(isolated_home.resolve()), line
