"""Shared helpers for the command line tests: an isolated data and config directory per test and a
fixed clock, so "today" and "now" never depend on when the suite runs."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from legday.cli import run

# Thursday 19 November 2026, 19:10: the week (Monday start) is 16-22 November.
NOW = dt.datetime(2026, 11, 19, 19, 10)
TODAY = NOW.date()


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    """No test may read or write the real user's data or settings."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("LEGDAY_DATA_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_CONFIG_DIR", raising=False)
    monkeypatch.setenv("COLUMNS", "80")


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(data_dir):
    """``cli("legs", ...)`` runs ``legday --data-dir DATA legs ...`` in-process at NOW."""

    def call(*args: str, now: dt.datetime = NOW) -> int:
        return run(["--data-dir", str(data_dir), *args], now=now)

    return call


@pytest.fixture
def store(data_dir):
    """Opens the store fresh each time, so reads see what the command wrote to disk."""
    from legday.storage import Store

    return lambda: Store(data_dir)


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` with a hash of its bytes ({} if it does not exist)."""
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


def one_line_error(err: str) -> str:
    """Assert ``err`` is exactly one ``legday: error: ...`` line and return it."""
    lines = err.splitlines()
    assert len(lines) == 1, f"expected one line on stderr, got {lines!r}"
    assert lines[0].startswith("legday: error: "), lines[0]
    assert "Traceback" not in err
    return lines[0]
