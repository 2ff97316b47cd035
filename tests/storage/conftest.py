from __future__ import annotations

import os

import pytest


@pytest.fixture
def no_fsync(monkeypatch):
    """For tests about logic, not durability: fsync (~5 ms here) only matters on a power cut, and
    skipping it lets property tests try many more cases in the same time."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)
