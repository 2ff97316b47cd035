"""Apps for the TUI tests: built by the same factory as ``legday``, over fixture data written through
the real Store into tmp_path, with a fixed clock and no animation or cursor blink."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from legday.storage import Settings, save_settings
from legday.tui.app import LegdayApp, build_app
from tests.fixtures import SCENARIOS, fixed_clock


@pytest.fixture
def make_app(tmp_path: Path) -> Callable[..., LegdayApp]:
    """``make_app("typical", theme="legday-light")`` -> a steady app over that scenario's files."""

    def make(scenario: str = "typical", *, theme: str | None = None, week_start: int = 0) -> LegdayApp:
        data = tmp_path / "data"
        SCENARIOS[scenario](data)
        config = tmp_path / "config"
        if theme is not None or week_start:
            config.mkdir(parents=True, exist_ok=True)
            save_settings(config, Settings(theme=theme or Settings.theme, week_start=week_start))
        return record_notices(build_app(data, config, fixed_clock, steady=True))

    return make


def record_notices(app: LegdayApp) -> LegdayApp:
    """Keep every notification's message in ``app.notices`` (tests read them there: a toast times
    out after a few seconds, which a loaded machine can take between the change and the check)."""
    app.notices = []  # type: ignore[attr-defined]
    notify = app.notify

    def recording(message, *args, **kwargs):
        app.notices.append(str(message))  # type: ignore[attr-defined]
        return notify(message, *args, **kwargs)

    app.notify = recording  # type: ignore[method-assign]
    return app


def messages(app) -> list[str]:
    """Every notification shown so far (see record_notices)."""
    return list(app.notices)


# How long ``until`` waits at most: rounds of a short pause, so a loaded machine only makes it slower.
UNTIL_ROUNDS = 500
UNTIL_STEP = 0.02  # seconds: short, so a condition met at once costs one frame or so


async def until(pilot, condition: Callable[[], object], what: str = "") -> None:
    """Let the app run until ``condition()`` holds (a screen is open, a timer has fired, the older weeks
    are worked out): the test waits for the thing itself, never for a guessed time. Fails, saying
    ``what``, if it never does (after ``UNTIL_ROUNDS`` short pauses, some ten seconds)."""
    for _ in range(UNTIL_ROUNDS):
        if condition():
            return
        await pilot.pause(UNTIL_STEP)
    assert condition(), f"never happened: {what or condition}"


def palette_offers(app, text: str) -> bool:
    """The command palette is open and its highlighted command reads ``text`` (its search, done in a
    worker, has caught up with what was typed): Enter now runs it."""
    from textual.command import CommandList, CommandPalette

    if not isinstance(app.screen, CommandPalette):
        return False
    found = app.screen.query(CommandList)
    if not found:
        return False
    commands = found.first()
    index = commands.highlighted
    return index is not None and text in str(commands.get_option_at_index(index).prompt)
