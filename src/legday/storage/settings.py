"""App settings (theme, first day of the week, the calendar file kept current and its morning check-in
reminder, the keys remapped) in ``<config dir>/settings.toml``.

Settings are a convenience, so a bad settings file never stops legday: load_settings falls back to
the defaults (per key where it can) and reports the problem. Saving keeps keys this version does not
know (a newer legday's), and refuses to write over a file that does not parse or is from a newer
schema, like every other legday file. (The ``Settings`` value itself is in ``legday.core.settings``:
the journal hands it to the app and the command line, which never import storage.)
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from legday.core.model import WEEKDAYS
from legday.core.settings import Settings
from legday.storage.codec import SCHEMA, locate
from legday.storage.errors import StorageError
from legday.storage.files import file_lock, read_bytes, sweep_temp_files, write_into
from legday.storage.schema import read_table


def settings_path(config_dir: Path) -> Path:
    return Path(config_dir) / "settings.toml"


def _read(path: Path) -> tuple[dict[str, Any], str] | None:
    got = read_bytes(path)
    if got is None or got[0] is None:
        return None
    return read_table(path, got[0])


def _bad_value(path: Path, text: str, key: str, message: str) -> StorageError:
    """One bad value: the rest of the file is used, and saving settings replaces just that value."""
    line = locate(text, None, None, key)
    where = f"{path}:{line}" if line else f"{path}"
    return StorageError(f"{where}: {message}", path, line)


def load_settings(config_dir: Path, problems: list[StorageError] | None = None) -> Settings:
    """The saved settings, or the defaults. A problem with the file (it does not parse, a value is
    wrong) is appended to ``problems`` when given; the rest of the file is still used."""

    def report(err: StorageError) -> None:
        if problems is not None:
            problems.append(err)

    path = settings_path(config_dir)
    try:
        got = _read(path)
    except StorageError as err:
        report(err)
        return Settings()
    if got is None:
        return Settings()
    data, text = got
    values: dict[str, Any] = {}
    theme = data.get("theme", Settings.theme)
    if type(theme) is str and theme.strip():
        values["theme"] = theme.strip()
    else:
        report(
            _bad_value(
                path, text, "theme", f"theme = {theme!r} is not a theme name; using {Settings.theme!r}"
            )
        )
    week_start = data.get("week_start", Settings.week_start)
    if type(week_start) is str and week_start.strip().lower()[:3] in WEEKDAYS:
        week_start = WEEKDAYS.index(week_start.strip().lower()[:3])
    if type(week_start) is int and 0 <= week_start <= 6:
        values["week_start"] = week_start
    else:
        report(
            _bad_value(
                path,
                text,
                "week_start",
                f"week_start = {week_start!r} is not a day; accepted: 0 (Monday) to 6 (Sunday); using Monday",
            )
        )
    calendar = data.get("calendar_file")
    if calendar is not None:
        if type(calendar) is str and calendar.strip():
            values["calendar_file"] = calendar.strip()
        else:
            report(
                _bad_value(
                    path,
                    text,
                    "calendar_file",
                    f"calendar_file = {calendar!r} is not a file path; no calendar is kept",
                )
            )
    reminder = data.get("morning_reminder", Settings.morning_reminder)
    if type(reminder) is bool:
        values["morning_reminder"] = reminder
    else:
        report(
            _bad_value(
                path,
                text,
                "morning_reminder",
                f"morning_reminder = {reminder!r} is not true or false; using true",
            )
        )
    at = data.get("morning_reminder_time")
    if at is not None:
        when = _time(at)
        if when is None:
            default = f"{Settings.morning_reminder_time:%H:%M}"
            report(
                _bad_value(
                    path,
                    text,
                    "morning_reminder_time",
                    f'morning_reminder_time = {at!r} is not a time; accepted: "HH:MM" such as '
                    f'"07:30"; using {default}',
                )
            )
        else:
            values["morning_reminder_time"] = when
    if "keymap" in data:
        values["keymap"] = _keymap(path, text, data["keymap"], report)
    return Settings(**values)


def _time(value: object) -> dt.time | None:
    """A time of day as settings.toml holds it: "07:30" (or a TOML local time)."""
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0, tzinfo=None)
    if isinstance(value, str):
        match = re.fullmatch(r"\s*([0-9]{1,2}):([0-9]{2})\s*", value)
        if match and int(match[1]) < 24 and int(match[2]) < 60:
            return dt.time(int(match[1]), int(match[2]))
    return None


def _keymap(path: Path, text: str, table: object, report) -> tuple[tuple[str, str, str], ...]:
    """``[keymap]`` as (id, keys, "path:line") entries. A dotted key (``week.today = "T"``) and a
    quoted one (``"week.today" = "T"``) are the same id; a value that is not text is reported."""
    if not isinstance(table, dict):
        report(
            _bad_value(
                path, text, "keymap", 'keymap is not a table; accepted: [keymap] with week.today = "T"'
            )
        )
        return ()
    lines = _keymap_lines(text)
    entries = []
    for key_id, keys in _flatten(table):
        line = lines.get(key_id)
        where = f"{path}:{line}" if line else f"{path}"
        if type(keys) is str:
            entries.append((key_id, keys, where))
        else:
            report(
                StorageError(
                    f"{where}: [keymap] {key_id} = {keys!r} is not text; accepted: keys in quotes, "
                    'e.g. "ctrl+t" or "t,f5"; the key keeps its default',
                    path,
                    line,
                )
            )
    return tuple(entries)


def _flatten(table: dict, prefix: str = "") -> list[tuple[str, object]]:
    found: list[tuple[str, object]] = []
    for key, value in table.items():
        if isinstance(value, dict):
            found += _flatten(value, f"{prefix}{key}.")
        else:
            found.append((f"{prefix}{key}", value))
    return found


def _keymap_lines(text: str) -> dict[str, int]:
    """The line of each key under [keymap] (or [keymap.week]), by its full dotted id."""
    found: dict[str, int] = {}
    table = None
    for number, line in enumerate(text.splitlines(), 1):
        header = re.match(r"^\s*\[([^\[\]]+)\]\s*(#.*)?$", line)
        if header:
            table = _dotted(header[1])
            continue
        assignment = re.match(
            r"""^\s*((?:[\w-]+|"[^"]*"|'[^']*')(?:\s*\.\s*(?:[\w-]+|"[^"]*"|'[^']*'))*)\s*=""", line
        )
        if assignment is None or table is None:
            continue
        full = f"{table}.{_dotted(assignment[1])}"
        if full.startswith("keymap."):
            found.setdefault(full.removeprefix("keymap."), number)
    return found


def _dotted(key: str) -> str:
    """``"week.today"``, ``week . today`` and ``week."today"`` -> ``week.today``."""
    return re.sub(r"""\s*\.\s*""", ".", key.strip()).replace('"', "").replace("'", "")


def save_settings(config_dir: Path, s: Settings) -> None:
    if type(s.theme) is not str or not s.theme.strip():
        raise StorageError(f"theme {s.theme!r} is not a theme name; nothing was saved")
    if type(s.week_start) is not int or not 0 <= s.week_start <= 6:
        raise StorageError(f"week_start {s.week_start!r} is out of range; accepted: 0 (Monday) to 6")
    if s.calendar_file is not None and (type(s.calendar_file) is not str or not s.calendar_file.strip()):
        raise StorageError(f"calendar_file {s.calendar_file!r} is not a file path; nothing was saved")
    import tomli_w

    path = settings_path(config_dir)
    with file_lock(Path(config_dir) / ".lock"):
        got = _read(path)  # raises for a file that does not parse or is newer: left as it is
        data = dict(got[0]) if got else {}
        data.update({"schema": SCHEMA, "theme": s.theme, "week_start": s.week_start})
        # The reminder's keys only when changed from the defaults (on, 07:30): a file nobody set
        # them in stays as it was.
        for key, value, default, text in (
            ("morning_reminder", s.morning_reminder, Settings.morning_reminder, bool(s.morning_reminder)),
            (
                "morning_reminder_time",
                s.morning_reminder_time,
                Settings.morning_reminder_time,
                f"{s.morning_reminder_time:%H:%M}",
            ),
        ):
            if value == default:
                data.pop(key, None)
            else:
                data[key] = text
        if s.calendar_file is None:
            data.pop("calendar_file", None)
        else:
            data["calendar_file"] = s.calendar_file
        if isinstance(data.get("keymap"), dict):
            # One [keymap] table of "id" = "keys" lines, however it was written (tomli_w would
            # otherwise split week.today = "T" into a [keymap.week] table).
            data["keymap"] = dict(_flatten(data["keymap"]))
        data = {"schema": SCHEMA, **{k: v for k, v in data.items() if k != "schema"}}
        sweep_temp_files(path.parent)
        # Into the file: a settings.toml that is a link (a dotfiles manager's) stays a link.
        write_into(path, tomli_w.dumps(data).encode())
