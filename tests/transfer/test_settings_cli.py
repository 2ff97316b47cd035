"""``legday settings``: print, change one value and keep the others, refuse what is unknown."""

from __future__ import annotations

from legday.storage import load_settings


def test_settings_print_and_change_only_what_is_asked(cli, data_dir, capsys):
    assert cli("settings") == 0
    assert capsys.readouterr().out.splitlines() == [
        "theme             legday-dark",
        "week start        mon",
        "calendar file     none",
        "morning reminder  07:30",
    ]
    assert cli("settings", "--week-start", "sunday") == 0
    assert cli("settings", "--theme", "legday-light") == 0
    s = load_settings(data_dir / "config")
    assert (s.week_start, s.theme, s.calendar_file) == (6, "legday-light", None)
    assert cli("settings", "--theme", "nord") == 0  # one of Textual's own
    assert load_settings(data_dir / "config").theme == "nord"


def test_unknown_values_are_refused_and_nothing_changes(cli, data_dir, capsys):
    assert cli("settings", "--week-start", "tue") == 0
    before = (data_dir / "config" / "settings.toml").read_bytes()
    assert cli("settings", "--theme", "neon") == 2
    assert (
        "theme 'neon' unknown; accepted: legday-contrast, legday-dark, legday-light"
        in capsys.readouterr().err
    )
    assert cli("settings", "--week-start", "someday") == 2
    assert "accepted: mon,tue,wed,thu,fri,sat,sun" in capsys.readouterr().err
    assert (data_dir / "config" / "settings.toml").read_bytes() == before


def test_a_calendar_file_setting_survives_other_changes(cli, data_dir, tmp_path):
    path = tmp_path / "plan.ics"
    assert cli("settings", "--calendar-file", str(path)) == 0
    assert cli("settings", "--week-start", "wed") == 0
    s = load_settings(data_dir / "config")
    assert s.calendar_file == str(path) and s.week_start == 2
    assert path.exists()


def test_the_morning_reminder_is_set_moved_and_turned_off(cli, data_dir, capsys):
    assert cli("settings", "--morning-reminder-time", "6:45") == 0
    s = load_settings(data_dir / "config")
    assert (s.morning_reminder, s.morning_reminder_time.strftime("%H:%M")) == (True, "06:45")
    assert cli("settings", "--morning-reminder", "off") == 0
    assert load_settings(data_dir / "config").morning_reminder is False
    capsys.readouterr()
    assert cli("settings") == 0
    assert "morning reminder  off" in capsys.readouterr().out
    text = (data_dir / "config" / "settings.toml").read_text()
    assert "morning_reminder = false" in text and 'morning_reminder_time = "06:45"' in text
    assert cli("settings", "--morning-reminder", "sometimes") == 2
    assert "accepted: on, off" in capsys.readouterr().err
    assert cli("settings", "--morning-reminder-time", "25:00") == 2
    assert load_settings(data_dir / "config").morning_reminder_time.strftime("%H:%M") == "06:45"
