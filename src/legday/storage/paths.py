"""Where legday keeps its files.

Data (profile and logs): ``--data-dir``, else ``$LEGDAY_DATA_DIR``, else the platform's user data
folder (``~/.local/share/legday`` on Linux). Config (settings.toml): ``$LEGDAY_CONFIG_DIR``, else
``<data dir>/config`` when the data dir was chosen by ``--data-dir`` or ``$LEGDAY_DATA_DIR`` (so a
test or a fixture folder holds everything and never touches the person's own settings), else the
platform's user config folder (``~/.config/legday`` on Linux).
"""

from __future__ import annotations

import os
from pathlib import Path

from legday.core.errors import InputError

# The data dir chosen by the last resolve_data_dir() call with an override, so that
# resolve_config_dir() called without arguments keeps the config beside it.
_last_override: Path | None = None


def _expand(value: str) -> Path:
    return Path(os.path.expandvars(os.path.expanduser(value)))


def resolve_data_dir(cli_value: str | os.PathLike | None = None) -> Path:
    """``--data-dir``, else ``$LEGDAY_DATA_DIR``, else the user data dir. Creates nothing.

    A ``--data-dir`` that is given but empty (``--data-dir ''``, or an unset shell variable in
    ``--data-dir "$DIR"``) is an InputError, not the default folder: the person meant some other
    folder, and writing to their real log instead would be the worst guess. An empty
    ``$LEGDAY_DATA_DIR`` counts as not set, as shells have it."""
    global _last_override
    value = os.fspath(cli_value) if cli_value is not None else None
    if value is not None and not value.strip():
        raise InputError(
            "--data-dir is empty; accepted: a folder path such as ~/legday-data "
            "(leave the option out for the default folder)"
        )
    if not value:
        value = os.environ.get("LEGDAY_DATA_DIR", "").strip() or None
    if value:
        _last_override = _expand(value)
        return _last_override
    _last_override = None
    import platformdirs

    return Path(platformdirs.user_data_dir("legday", appauthor=False))


def resolve_config_dir(data_dir_override_given: bool | str | os.PathLike | None = None) -> Path:
    """Where settings.toml lives. ``$LEGDAY_CONFIG_DIR`` wins. Otherwise:

    - a path (the overriding data dir) -> ``<path>/config``;
    - True -> ``<data dir>/config`` for the data dir from the last ``resolve_data_dir`` call with an
      override (or ``$LEGDAY_DATA_DIR``);
    - None (the default) -> the same as True if such an override is known, else as False;
    - False -> the platform's user config dir.
    """
    env = os.environ.get("LEGDAY_CONFIG_DIR")
    if env:
        return _expand(env)
    given = data_dir_override_given
    if given is not None and not isinstance(given, bool):
        return _expand(os.fspath(given)) / "config"
    if given is not False:
        override = _last_override
        if override is None and os.environ.get("LEGDAY_DATA_DIR"):
            override = _expand(os.environ["LEGDAY_DATA_DIR"])
        if override is not None:
            return override / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir("legday", appauthor=False))
