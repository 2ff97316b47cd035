"""Theme files: where they live and reading them as TOML tables. What the keys mean is the app's
business (legday.tui.themes turns a table into a Textual theme and checks its colours).

Where: inside the installed package (``legday/themes``, the wheel ships them there), else the
repository's top-level ``themes/`` (editable installs), plus any ``*.toml`` the person drops into
``<config dir>/themes``. A file that cannot be read or does not parse is reported (path, line where
known) and skipped; it is never written to.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from legday.core.settings import ThemeFile, ThemeProblem, line_of

THEME_SCHEMA = 1


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


def read_theme_file(path: Path) -> ThemeFile:
    """One theme file as a table (``schema`` checked and removed). Raises ThemeProblem-carrying
    ValueError (``ThemeFileError``) when it cannot be read or does not parse."""
    try:
        text = path.read_text(encoding="utf-8")
        table = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib puts "(at line N, column M)" in its message; lift the line out for the report.
        found = re.search(r"at line (\d+)", str(error))
        raise ThemeFileError(
            ThemeProblem(path, int(found[1]) if found else None, f"not valid TOML: {error}")
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise ThemeFileError(ThemeProblem(path, None, f"cannot read: {error}")) from None
    schema = table.pop("schema", THEME_SCHEMA)
    if schema != THEME_SCHEMA:
        raise ThemeFileError(
            ThemeProblem(
                path, line_of(text, "schema"), f"schema {schema!r} is not supported; accepted: {THEME_SCHEMA}"
            )
        )
    return ThemeFile(path, table, text)


class ThemeFileError(ValueError):
    def __init__(self, problem: ThemeProblem) -> None:
        super().__init__(str(problem))
        self.problem = problem


def read_theme_files(dirs: list[Path], only: str | None = None) -> tuple[list[ThemeFile], list[ThemeProblem]]:
    """Every ``*.toml`` in ``dirs`` that reads, in order (later ones override earlier by name). With
    ``only``, just the files named ``<only>.toml`` (the app's start: the chosen theme alone)."""
    found: list[ThemeFile] = []
    problems: list[ThemeProblem] = []
    for directory in dirs:
        if not directory.is_dir():
            continue
        paths = sorted(directory.glob("*.toml")) if only is None else [directory / f"{only}.toml"]
        for path in paths:
            if only is not None and (path.parent != directory or not path.is_file()):
                continue  # (a name with a slash in it names no file here)
            try:
                found.append(read_theme_file(path))
            except ThemeFileError as error:
                problems.append(error.problem)
    return found, problems
