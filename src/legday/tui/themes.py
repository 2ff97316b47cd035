"""legday's own colour themes, read from TOML files and registered beside Textual's built-in ones.

A theme file holds the keys of ``textual.theme.Theme`` (``primary``, ``background``, ``dark``...) and
an optional ``[variables]`` table. A file that does not parse or names a bad colour is reported (path,
line where known, what is wrong) and skipped: the app falls back to another theme, it never crashes.

Where the files live: inside the installed package (``legday/themes``, the wheel ships them there),
else the repository's top-level ``themes/`` (editable installs), plus any ``*.toml`` the person drops
into ``<config dir>/themes``.
"""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from textual.color import Color, ColorParseError
from textual.theme import Theme

DEFAULT_THEME = "legday-dark"
# Used when even our own default theme cannot be read.
FALLBACK_THEME = "textual-dark"
THEME_SCHEMA = 1

_COLOUR_KEYS = (
    "primary", "secondary", "warning", "error", "success", "accent",
    "foreground", "background", "surface", "panel", "boost",
)
_FIELDS = {f.name for f in dataclasses.fields(Theme)}


@dataclass(frozen=True)
class ThemeProblem:
    path: Path
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else str(self.path)
        return f"{where}: {self.message}"


def bundled_theme_dir() -> Path:
    """The themes shipped with legday: in the package when installed from a wheel, else the repo's."""
    package = Path(__file__).resolve().parent.parent / "themes"
    if package.is_dir():
        return package
    return Path(__file__).resolve().parents[3] / "themes"


def theme_dirs(config_dir: Path | None) -> list[Path]:
    dirs = [bundled_theme_dir()]
    if config_dir is not None:
        dirs.append(Path(config_dir) / "themes")
    return dirs


def read_theme(path: Path) -> Theme:
    """One theme file -> Theme. Raises ThemeProblem-carrying ValueError on anything wrong."""
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts "(at line N, column M)" in its message; lift the line out for the report.
        found = re.search(r"at line (\d+)", str(error))
        line = int(found[1]) if found else None
        raise _Invalid(line, f"not valid TOML: {error}") from None
    except (OSError, UnicodeDecodeError) as error:
        raise _Invalid(None, f"cannot read: {error}") from None

    schema = data.pop("schema", THEME_SCHEMA)
    if schema != THEME_SCHEMA:
        raise _Invalid(None, f"schema {schema!r} is not supported; accepted: {THEME_SCHEMA}")
    unknown = sorted(set(data) - _FIELDS)
    if unknown:
        raise _Invalid(None, f"unknown keys {', '.join(unknown)}; accepted: {', '.join(sorted(_FIELDS))}")
    if not isinstance(data.get("name"), str) or not data["name"].strip():
        raise _Invalid(None, "missing 'name'; accepted: a name like \"legday-dark\"")
    if not isinstance(data.get("primary"), str):
        raise _Invalid(None, "missing 'primary' colour; accepted: a colour like \"#E8743B\"")
    for key in _COLOUR_KEYS:
        if key in data:
            _check_colour(key, data[key], _line_of(text, key))
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


class _Invalid(ValueError):
    def __init__(self, line: int | None, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _line_of(text: str, key: str) -> int | None:
    """The line where ``key = ...`` is set, so a bad value can be reported with its line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if re.match(rf"\s*\"?{re.escape(key)}\"?\s*=", line):
            return number
    return None


def _check_colour(key: str, value: object, line: int | None) -> None:
    try:
        if not isinstance(value, str):
            raise ColorParseError("not a string")
        Color.parse(value)
    except ColorParseError:
        raise _Invalid(line, f"{key} = {value!r} is not a colour; accepted: \"#RRGGBB\", a name, rgb(...)") from None


def load_themes(dirs: list[Path]) -> tuple[list[Theme], list[ThemeProblem]]:
    """Every readable theme in ``dirs`` (later directories override earlier ones by name)."""
    themes: dict[str, Theme] = {}
    problems: list[ThemeProblem] = []
    for directory in dirs:
        if not directory.is_dir():
            continue
        for path in sorted(directory.glob("*.toml")):
            try:
                theme = read_theme(path)
            except _Invalid as error:
                problems.append(ThemeProblem(path, error.line, error.message))
                continue
            themes[theme.name] = theme
    return list(themes.values()), problems
