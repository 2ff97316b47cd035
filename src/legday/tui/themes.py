"""legday's own colour themes: TOML tables (read by legday.storage.themes) turned into Textual
themes and registered beside Textual's built-in ones.

A theme file holds the keys of ``textual.theme.Theme`` (``primary``, ``background``, ``dark``...) and
an optional ``[variables]`` table. One with a wrong key or a bad colour is reported (path, line where
known, what is wrong) and skipped: the app falls back to another theme, it never crashes.
"""

from __future__ import annotations

import dataclasses

from textual.color import Color, ColorParseError
from textual.theme import Theme

from legday.core.settings import ThemeFile, ThemeProblem, line_of

DEFAULT_THEME = "legday-dark"
# Used when even our own default theme cannot be read.
FALLBACK_THEME = "textual-dark"

_COLOUR_KEYS = (
    "primary",
    "secondary",
    "warning",
    "error",
    "success",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
)
_FIELDS = {f.name for f in dataclasses.fields(Theme)}


class _Invalid(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def to_theme(file: ThemeFile) -> Theme:
    """One theme table -> Theme. Raises _Invalid on anything wrong."""
    data = dict(file.table)
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise _Invalid(None, f"unknown keys {', '.join(unknown)}; accepted: {', '.join(sorted(_FIELDS))}")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise _Invalid(None, "missing 'name'; accepted: a name like \"legday-dark\"")
    if not isinstance(data.get("primary"), str):
        raise _Invalid(None, "missing 'primary' colour; accepted: a colour like \"#E8743B\"")
    for key in _COLOUR_KEYS:
        if key in data:
            _check_colour(key, data[key], line_of(file.text, key))
    variables = data.get("variables", {})
    if not isinstance(variables, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in variables.items()
    ):
        raise _Invalid(None, "[variables] must map names to strings")
    for key in ("dark", "ansi"):
        if key in data and not isinstance(data[key], bool):
            raise _Invalid(None, f"{key!r} must be true or false")
    for key in ("luminosity_spread", "text_alpha"):
        if key in data and (isinstance(data[key], bool) or not isinstance(data[key], (int, float))):
            raise _Invalid(None, f"{key!r} must be a number")
    return Theme(**data)


def _check_colour(key: str, value: object, line: int | None) -> None:
    try:
        if not isinstance(value, str):
            raise ColorParseError("not a string")
        Color.parse(value)
    except ColorParseError:
        raise _Invalid(
            line, f'{key} = {value!r} is not a colour; accepted: "#RRGGBB", a name, rgb(...)'
        ) from None


def load_themes(files: list[ThemeFile]) -> tuple[list[Theme], list[ThemeProblem]]:
    """Every usable theme among ``files`` (later ones override earlier ones by name)."""
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    for file in files:
        try:
            theme = to_theme(file)
        except _Invalid as error:
            problems.append(ThemeProblem(file.path, error.line, error.message))
            continue
        themes[theme.name] = theme
    return list(themes.values()), problems
