"""For the whole suite: no test can reach the person's own legday folders.

Every place legday (or a library it uses) would look for the user's data or config folders is
pointed into one temporary folder for the session, before any test runs: the platform folders
(``XDG_DATA_HOME``, ``XDG_CONFIG_HOME``, ``XDG_STATE_HOME``, ``XDG_CACHE_HOME`` on Linux, and
``HOME``, which macOS's and ``~`` paths use) and legday's own ``LEGDAY_DATA_DIR`` /
``LEGDAY_CONFIG_DIR``, which are cleared so that a developer who set them in their shell does not run
the suite against their own log. Tests that need their own folders still set them per test.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

# The variables pointed into the session's temporary home, relative to it.
ISOLATED = {
    "HOME": ".",
    "XDG_DATA_HOME": ".local/share",
    "XDG_CONFIG_HOME": ".config",
    "XDG_STATE_HOME": ".local/state",
    "XDG_CACHE_HOME": ".cache",
}
CLEARED = ("LEGDAY_DATA_DIR", "LEGDAY_CONFIG_DIR")


@pytest.fixture(scope="session", autouse=True)
def _no_real_user_folders(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    home = tmp_path_factory.mktemp("home")
    with pytest.MonkeyPatch.context() as patch:
        for name, relative in ISOLATED.items():
            folder = (home / relative).resolve()
            folder.mkdir(parents=True, exist_ok=True)
            patch.setenv(name, str(folder))
        for name in CLEARED:
            patch.delenv(name, raising=False)
        yield home


@pytest.fixture
def isolated_home(_no_real_user_folders: Path) -> Path:
    """The temporary home every test runs under (for tests that check the guard itself)."""
    assert os.environ["HOME"] == str(_no_real_user_folders.resolve())
    return _no_real_user_folders
