"""The profile, the settings, the calendar file kept current, exports written into a path, and the
import entry point: all through the journal, with an injected clock."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from legday.core.errors import DataError, InputError
from legday.core.model import CardioSession, Goal, Profile
from legday.core.settings import Settings
from legday.transfer import native
from tests.journal.conftest import MONDAY, NOW, TODAY

RUN = CardioSession(TODAY, "run", 30, 4, dt.time(7, 0))


# -- the profile ---------------------------------------------------------------------------------------


def test_first_run_then_a_saved_profile(journal, notices):
    j = journal()
    assert j.first_run and not j.profile_saved and j.profile == Profile()
    seen = notices(j)
    assert j.save_profile(Profile(goal=Goal.STRENGTH)) == "saved the profile"
    assert not j.first_run and j.profile.goal is Goal.STRENGTH
    assert [c.message for c in seen] == ["Saved the profile."]
    assert journal().profile.goal is Goal.STRENGTH
    assert j.undo() == "changed the profile"
    assert j.first_run and j.profile == Profile()  # undo brought back "no profile"


def test_a_profile_that_cannot_be_read_is_reported_not_a_first_run(journal, data):
    data.mkdir()
    (data / "profile.toml").write_text('schema = 1\ngoal = "sleep"\n')
    j = journal()
    assert not j.first_run and j.profile_error is not None and j.profile == Profile()
    assert isinstance(j.profile_error, DataError) and "profile.toml:2" in str(j.profile_error)
    assert any("profile.toml:2" in p for p in j.take_problems())


# -- settings -----------------------------------------------------------------------------------------


def test_settings_are_saved_and_a_new_first_day_replans(journal, notices):
    j = journal()
    assert j.week_plan(TODAY).week_start == MONDAY
    seen = notices(j)
    assert j.save_settings(Settings(week_start=6)) == ""
    assert j.week_plan(TODAY).week_start == dt.date(2026, 11, 15)  # Sunday
    assert [(c.settings, c.outside) for c in seen] == [(True, False)]
    assert journal().settings.week_start == 6
    j.remember_theme("legday-light")
    assert journal().settings == Settings(theme="legday-light", week_start=6)
    assert len(seen) == 1  # remembering a theme is quiet


def test_without_a_config_folder_settings_cannot_be_saved(data, clock):
    from legday.journal import journal_at

    j = journal_at(data, None, clock)
    assert j.settings == Settings()
    with pytest.raises(DataError, match="no settings folder"):
        j.save_settings(Settings(week_start=2))


# -- the calendar file: rewritten after every change made here -----------------------------------------


def events(calendar: Path) -> list[bytes]:
    """The calendar's lines but the time it was written (DTSTAMP is the wall clock's)."""
    return [line for line in calendar.read_bytes().splitlines() if not line.startswith(b"DTSTAMP")]


def test_the_calendar_file_follows_every_change(journal, notices, tmp_path):
    pytest.importorskip("icalendar")
    calendar = tmp_path / "Sync" / "legday.ics"
    link = tmp_path / "legday.ics"
    calendar.parent.mkdir()
    link.symlink_to(calendar)  # kept in a synced folder through a link
    j = journal()
    j.save_settings(Settings(calendar_file=str(link)))
    first = events(calendar)
    assert calendar.read_bytes().startswith(b"BEGIN:VCALENDAR")
    seen = notices(j)
    j.log(RUN)
    assert link.is_symlink() and events(calendar) != first
    assert b"Run" in calendar.read_bytes() or b"run" in calendar.read_bytes()
    j.undo()
    assert events(calendar) == first
    assert [c.warning for c in seen] == ["", ""]


def test_a_calendar_that_cannot_be_written_is_a_warning_and_the_change_stands(journal, notices, tmp_path):
    pytest.importorskip("icalendar")
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    j = journal()
    assert "the calendar file was not updated" in j.save_settings(
        Settings(calendar_file=str(blocker / "legday.ics"))
    )
    seen = notices(j)
    j.log(RUN)
    assert j.records() == [RUN]
    assert "the calendar file was not updated" in seen[-1].warning


def test_a_calendar_file_inside_legdays_folders_is_refused_when_set(journal, data, config):
    j = journal()
    for inside in (data / "plan.ics", config / "plan.ics", data / "profile.toml"):
        with pytest.raises(InputError, match="inside legday's"):
            j.save_settings(Settings(calendar_file=str(inside)))
        with pytest.raises(InputError, match="inside legday's"):
            j.save_profile(Profile(), Settings(calendar_file=str(inside)))
    assert j.settings == Settings() and j.first_run  # nothing was saved, not even the profile
    assert not (config / "settings.toml").exists()


def test_write_out_writes_into_a_path_and_keeps_out_of_legdays_folders(journal, data, tmp_path):
    j = journal()
    j.log(RUN)
    j.write_out(str(tmp_path / "export.csv"), b"kind,date\n")
    assert (tmp_path / "export.csv").read_bytes() == b"kind,date\n"
    before = (data / "log" / "2026" / "2026-11.toml").read_bytes()
    with pytest.raises(InputError, match="inside legday's data folder"):
        j.write_out(str(data / "log" / "2026" / "2026-11.toml"), b"oops")
    assert (data / "log" / "2026" / "2026-11.toml").read_bytes() == before
    assert j.data_dir == data


# -- the import entry point ------------------------------------------------------------------------------


def backup(tmp_path: Path, profile: Profile | None, records: list) -> Path:
    path = tmp_path / "backup.json"
    path.write_text(native.dumps(profile, records))
    return path


def test_an_import_is_one_step_and_restores_a_missing_profile(journal, notices, tmp_path):
    records = [RUN, dataclasses.replace(RUN, date=MONDAY)]
    path = backup(tmp_path, Profile(goal=Goal.POWER), records)
    j = journal()
    dry = j.import_file(path, dry_run=True)
    assert len(dry.new) == 2 and j.records() == [] and j.first_run
    seen = notices(j)
    done = j.import_file(str(path))
    assert done.profile_restored and "profile restored" in done.summary
    assert sorted(j.records(), key=lambda r: r.date) == sorted(records, key=lambda r: r.date)
    assert j.profile.goal is Goal.POWER and not j.first_run
    assert [c.message for c in seen] == [done.summary[:1].upper() + done.summary[1:] + "."]
    again = j.import_file(path)  # everything already there: nothing written, nothing announced
    assert again.new == () and len(seen) == 1
    assert j.undo().startswith("imported backup.json (2 entries)")
    assert j.records() == [] and j.first_run


@pytest.mark.parametrize(
    "given, words",
    [("", "no file given"), ("{dir}", "is a folder"), ("{dir}/missing.csv", "no such file")],
)
def test_an_import_of_nothing_usable_is_an_input_error(journal, tmp_path, given, words):
    with pytest.raises(InputError, match=words):
        journal().import_file(given.format(dir=tmp_path))


def test_an_import_with_an_unknown_format_or_unit_says_what_is_accepted(journal, tmp_path):
    path = backup(tmp_path, None, [RUN])
    with pytest.raises(InputError, match="accepted"):
        journal().import_file(path, fmt="excel")
    with pytest.raises(InputError, match="accepted: kg, lb"):
        journal().import_file(path, units="stone")


def test_the_clock_is_the_one_given(journal, clock):
    j = journal()
    assert j.now() == NOW and j.today() == TODAY
    clock.now = NOW + dt.timedelta(days=7)
    assert j.today() == TODAY + dt.timedelta(days=7)
    assert j.week_plan(j.today()).today == TODAY + dt.timedelta(days=7)
