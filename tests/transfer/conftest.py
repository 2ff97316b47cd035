"""Import/export tests: an isolated data folder per test, a fixed clock, and the fixture exports in
``fixtures/`` (hand-made to look like what Strong, Hevy and FitNotes really write, one quirk each)."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from legday.cli import run

FIXTURES = Path(__file__).parent / "fixtures"
# Thursday 19 November 2026, 19:10, as in the other command-line tests.
NOW = dt.datetime(2026, 11, 19, 19, 10)


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.delenv("LEGDAY_DATA_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_CONFIG_DIR", raising=False)


@pytest.fixture
def data_dir(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def cli(data_dir):
    def call(*args: str, now: dt.datetime = NOW, data: Path | None = None) -> int:
        return run(["--data-dir", str(data or data_dir), *args], now=now)

    return call


def fixture(name: str) -> Path:
    return FIXTURES / name


def all_records(data_dir: Path) -> list:
    from legday.storage import Store

    store = Store(data_dir)
    h = store.all_history()
    assert not store.problems, store.problems
    return [*h.legs, *h.cardio, *h.checkins, *h.skips]


def snapshot(directory: Path) -> dict[str, str]:
    if not directory.exists():
        return {}
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }
