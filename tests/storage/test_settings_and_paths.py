"""Settings survive a round trip, a bad settings file never stops legday, and the data and config
folders are found the documented way."""

from __future__ import annotations

import tomllib
from pathlib import Path

import platformdirs
import pytest

from legday.storage import (
    CorruptFile,
    NewerSchema,
    Settings,
    StorageError,
    load_settings,
    paths,
    resolve_config_dir,
    resolve_data_dir,
    save_settings,
)


def test_settings_round_trip_and_defaults(tmp_path):
    assert load_settings(tmp_path) == Settings()
    save_settings(tmp_path, Settings(theme="legday-light", week_start=6))
    assert load_settings(tmp_path) == Settings(theme="legday-light", week_start=6)
    saved = tomllib.loads((tmp_path / "settings.toml").read_text())
    assert saved == {"schema": 1, "theme": "legday-light", "week_start": 6}


def test_unparseable_settings_give_defaults_and_a_problem(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('schema = 1\ntheme = "legday-light\nweek_start = 2\n')
    problems: list = []
    assert load_settings(tmp_path, problems) == Settings()
    assert len(problems) == 1
    assert isinstance(problems[0], CorruptFile)
    assert (problems[0].path, problems[0].line) == (path, 2)
    # And saving refuses to write over it: the person's file stays as they left it.
    before = path.read_bytes()
    with pytest.raises(CorruptFile):
        save_settings(tmp_path, Settings(theme="legday-dark"))
    assert path.read_bytes() == before


def test_a_bad_value_falls_back_for_that_key_only(tmp_path):
    (tmp_path / "settings.toml").write_text('schema = 1\ntheme = "legday-light"\nweek_start = 9\n')
    problems: list = []
    assert load_settings(tmp_path, problems) == Settings(theme="legday-light", week_start=0)
    assert [(p.line, "week_start" in p.message) for p in problems] == [(3, True)]
    # Saving a good value replaces the bad one.
    save_settings(tmp_path, Settings(theme="legday-light", week_start=2))
    problems.clear()
    assert load_settings(tmp_path, problems).week_start == 2
    assert problems == []


def test_wrong_type_theme_and_day_names(tmp_path):
    (tmp_path / "settings.toml").write_text('schema = 1\ntheme = 3\nweek_start = "sunday"\n')
    problems: list = []
    assert load_settings(tmp_path, problems) == Settings(week_start=6)
    assert len(problems) == 1 and problems[0].line == 2


def test_newer_settings_are_not_used_or_overwritten(tmp_path):
    path = tmp_path / "settings.toml"
    path.write_text('schema = 4\ntheme = "future"\n')
    problems: list = []
    assert load_settings(tmp_path, problems) == Settings()
    assert isinstance(problems[0], NewerSchema)
    with pytest.raises(NewerSchema):
        save_settings(tmp_path, Settings())
    assert path.read_text() == 'schema = 4\ntheme = "future"\n'


def test_unknown_keys_survive_a_save(tmp_path):
    (tmp_path / "settings.toml").write_text('schema = 1\ntheme = "legday-dark"\nfuture_option = true\n')
    save_settings(tmp_path, Settings(theme="legday-light"))
    saved = tomllib.loads((tmp_path / "settings.toml").read_text())
    assert saved["future_option"] is True and saved["theme"] == "legday-light"


def test_invalid_settings_are_not_saved(tmp_path):
    with pytest.raises(Exception, match="week_start"):
        save_settings(tmp_path, Settings(week_start=7))
    assert not (tmp_path / "settings.toml").exists()


# -- where the files live ---------------------------------------------------------------------------


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv("LEGDAY_DATA_DIR", raising=False)
    monkeypatch.delenv("LEGDAY_CONFIG_DIR", raising=False)
    monkeypatch.setattr(paths, "_last_override", None)
    return monkeypatch


def test_data_dir_precedence(clean_env, tmp_path):
    default = Path(platformdirs.user_data_dir("legday", appauthor=False))
    assert resolve_data_dir(None) == default
    clean_env.setenv("LEGDAY_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None) == tmp_path / "env"
    assert resolve_data_dir(str(tmp_path / "cli")) == tmp_path / "cli"  # --data-dir wins
    assert not (tmp_path / "cli").exists()  # resolving creates nothing


def test_config_dir_follows_an_overridden_data_dir(clean_env, tmp_path):
    default = Path(platformdirs.user_config_dir("legday", appauthor=False))
    assert resolve_config_dir() == default
    assert resolve_config_dir(False) == default
    assert resolve_config_dir(tmp_path / "data") == tmp_path / "data" / "config"

    resolve_data_dir(str(tmp_path / "cli"))
    assert resolve_config_dir() == tmp_path / "cli" / "config"
    assert resolve_config_dir(True) == tmp_path / "cli" / "config"
    assert resolve_config_dir(False) == default

    resolve_data_dir(None)  # back to the default data dir: the default config dir too
    assert resolve_config_dir() == default
    clean_env.setenv("LEGDAY_DATA_DIR", str(tmp_path / "env"))
    assert resolve_config_dir(True) == tmp_path / "env" / "config"

    clean_env.setenv("LEGDAY_CONFIG_DIR", str(tmp_path / "cfg"))  # always wins
    assert resolve_config_dir(True) == tmp_path / "cfg"
    assert resolve_config_dir(tmp_path / "data") == tmp_path / "cfg"


@pytest.mark.parametrize("given", ["", "   "])
def test_an_empty_data_dir_is_an_error_not_the_default_folder(clean_env, tmp_path, given):
    """``--data-dir ''`` (or ``--data-dir "$UNSET"``) meant some folder: writing to the person's
    real log instead would be the worst guess."""
    from legday.core.errors import InputError

    with pytest.raises(InputError, match="--data-dir is empty; accepted: a folder path"):
        resolve_data_dir(given)
    clean_env.setenv("LEGDAY_DATA_DIR", "")  # an empty variable is an unset one, as in shells
    assert resolve_data_dir(None) == Path(platformdirs.user_data_dir("legday", appauthor=False))


def test_the_command_line_refuses_an_empty_data_dir_and_writes_nothing(clean_env, isolated_home, capsys):
    from legday.cli import run

    default = Path(platformdirs.user_data_dir("legday", appauthor=False))
    assert run(["--data-dir", "", "cardio", "run", "--minutes", "30", "--effort", "4"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--data-dir is empty" in err
    assert not default.exists()


# -- settings.toml is written into, not over ------------------------------------------------------------


def test_a_settings_file_that_is_a_link_stays_a_link(tmp_path):
    """A dotfiles manager (stow, chezmoi) keeps settings.toml as a link into its own folder."""
    kept = tmp_path / "dotfiles" / "settings.toml"
    kept.parent.mkdir()
    kept.write_text('schema = 1\ntheme = "legday-light"\n')
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").symlink_to(kept)
    save_settings(config, Settings(theme="legday-contrast", week_start=6))
    assert (config / "settings.toml").is_symlink()
    assert tomllib.loads(kept.read_text())["theme"] == "legday-contrast"
    assert load_settings(config) == Settings(theme="legday-contrast", week_start=6)


def test_a_settings_file_that_is_a_pipe_is_reported_not_waited_on(tmp_path):
    import os

    from legday.core.errors import InputError

    os.mkfifo(tmp_path / "settings.toml")
    problems: list = []
    assert load_settings(tmp_path, problems) == Settings()  # returns at once: nothing waits on the pipe
    assert len(problems) == 1 and "not a regular file" in str(problems[0])
    with pytest.raises(StorageError) as raised:
        save_settings(tmp_path, Settings(theme="legday-light"))
    assert "not a regular file" in str(raised.value) and not isinstance(raised.value, InputError)
