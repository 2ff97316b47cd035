"""Helpers for the form tests: a tiny host app that pushes one form screen, records what the
screen's save callback received and how the screen was dismissed. Steady (no animation, no cursor
blink) and in the app's own dark theme, so snapshots match the real app's look."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import App
from textual.screen import Screen

from legday.storage import StorageError
from legday.storage.themes import bundled_theme_dir, read_theme_files
from legday.tui import forms
from legday.tui import themes as theme_files
from tests.fixtures import FIXED_NOW

NOW = FIXED_NOW
TODAY = FIXED_NOW.date()

UNSET = object()


class FormHost(App):
    """Pushes ``factory(save)`` on mount. ``saved`` collects every object passed to save;
    ``failing`` makes save raise that error instead (and record nothing)."""

    def __init__(self, factory: Callable[[Callable[..., None]], Screen], failing: Exception | None = None):
        super().__init__()
        self.animation_level = "none"
        self.factory = factory
        self.failing = failing
        self.saved: list[Any] = []
        self.result: Any = UNSET
        loaded, _problems = theme_files.load_themes(read_theme_files([bundled_theme_dir()])[0])
        for theme in loaded:
            self.register_theme(theme)
        self.theme = theme_files.DEFAULT_THEME

    def preview(self, name: str | None) -> None:
        """What the app's ``preview_theme`` does: show ``name`` (None: the host's own theme)."""
        self.theme = theme_files.DEFAULT_THEME if name is None else name

    def save(self, *built: Any) -> None:
        if self.failing is not None:
            raise self.failing
        self.saved.append(built[0] if len(built) == 1 else built)

    def on_mount(self) -> None:
        # The app's own wrapper: a StorageError reaches the form as NotSaved, as in the app.
        self.push_screen(self.factory(forms.saving(self.save)), self._dismissed)

    def _dismissed(self, result: Any) -> None:
        self.result = result

    @property
    def form(self) -> Screen:
        return self.screen


def disk_full() -> StorageError:
    return StorageError("cannot write /data/log/2026/2026-11.toml: no space left on device")


def burst(app: App, *keys: str) -> None:
    """Keys typed in one burst, faster than the app handles them: every key is queued before the
    first is handled (Pilot's ``press`` waits for the app between keys, which hides races)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
