"""The journal on its own: real files in a temp folder, an injected clock, no command line and no app.

``journal()`` opens a Journal over ``tmp_path/data`` and ``tmp_path/config``; call it again for a
second legday process on the same folders. ``clock`` is the time every journal here sees; tests
move it with ``clock.now = ...``.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from legday.journal import Change, Journal, journal_at

# Thursday 19 November 2026, 07:30: the week (Monday start) is 16-22 November.
NOW = dt.datetime(2026, 11, 19, 7, 30)
TODAY = NOW.date()
MONDAY = dt.date(2026, 11, 16)


class Clock:
    def __init__(self, now: dt.datetime = NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now


@pytest.fixture(autouse=True)
def _no_fsync(monkeypatch):
    """The journal's logic, not the disk's durability (tests/storage covers that): fast."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def data(tmp_path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def config(tmp_path) -> Path:
    return tmp_path / "config"


@pytest.fixture
def journal(data, config, clock) -> Callable[[], Journal]:
    return lambda: journal_at(data, config, clock)


@pytest.fixture
def notices() -> Callable[[Journal], list[Change]]:
    """``seen = notices(j)``: every change notice ``j`` publishes from now on, in order."""

    def listen(j: Journal) -> list[Change]:
        seen: list[Change] = []
        j.subscribe(seen.append)
        return seen

    return listen
