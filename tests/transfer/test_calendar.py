"""``legday export ics`` and the calendar file: parsed back with icalendar, the RFC 5545 rules legday
relies on checked on the raw text, and UIDs that stay put across exports."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from tests.fixtures import write_typical_week

from .conftest import NOW, fixture

icalendar = pytest.importorskip("icalendar")


def export(cli, capsysbinary, *args, now=NOW) -> bytes:
    assert cli("export", "ics", *args, now=now) == 0
    return capsysbinary.readouterr().out


def events(raw: bytes) -> list:
    cal = icalendar.Calendar.from_ical(raw)
    return [c for c in cal.walk("VEVENT")]


@pytest.fixture
def week(data_dir):
    write_typical_week(data_dir)


def test_the_calendar_parses_and_follows_the_rfc_rules_legday_relies_on(cli, week, capsysbinary):
    raw = export(cli, capsysbinary, "--date", "2026-11-19")
    text = raw.decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    lines = raw.split(b"\r\n")
    assert b"\n" not in b"".join(lines)  # every line ends with CRLF
    assert max(len(line) for line in lines) <= 75  # folded at 75 octets (RFC 5545 3.1)
    assert "VERSION:2.0" in text and "PRODID:-//legday//legday plan//EN" in text
    found = events(raw)
    assert found
    for ev in found:
        for key in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert key in ev, key
        assert ev.decoded("dtstamp").tzinfo is not None  # DTSTAMP in UTC
        start = ev.decoded("dtstart")
        if isinstance(start, dt.datetime):
            assert start.tzinfo is not None  # a zone, never a floating time
            assert ev.decoded("dtend") > start
        else:
            assert ev.decoded("dtend") == start + dt.timedelta(days=1)  # all-day
        assert (
            start >= dt.date(2026, 11, 19)
            if not isinstance(start, dt.datetime)
            else start.date() >= dt.date(2026, 11, 19)
        )


def test_summaries_say_what_and_how_hard_and_descriptions_carry_the_evidence(cli, week, capsysbinary):
    found = events(export(cli, capsysbinary, "--date", "2026-11-19"))
    summaries = [str(ev["summary"]) for ev in found if "checkin" not in str(ev["uid"])]
    assert all(
        re.fullmatch(r"[A-Z][a-z0-9 ]+( · \d+ min)?( · effort \d+(-\d+)?)?( \(done\))?", s) for s in summaries
    ), summaries
    assert any(s.startswith("Legs · ") for s in summaries)  # Thursday's planned leg session
    cardio = [ev for ev in found if "cardio" in str(ev["uid"])]
    assert cardio
    description = str(cardio[0]["description"])
    assert re.search(r"\b[EGPMRS]\d+ .+\(.+\)", description), description  # ID, text, (source)


def test_uids_are_stable_across_exports(cli, data_dir, week, capsysbinary):
    first = {str(ev["uid"]): str(ev["summary"]) for ev in events(export(cli, capsysbinary))}
    later = NOW + dt.timedelta(minutes=20)
    second = {str(ev["uid"]): str(ev["summary"]) for ev in events(export(cli, capsysbinary, now=later))}
    assert first.keys() == second.keys()
    assert all(re.fullmatch(r"\d{8}-((legs|cardio)-\d|checkin)@legday", uid) for uid in first)
    # A logged change re-plans; the calendar updates events in place rather than adding new ones.
    assert cli("sore", "9", "--date", "2026-11-20", now=dt.datetime(2026, 11, 20, 7, 0)) == 0
    capsysbinary.readouterr()
    third = {str(ev["uid"]) for ev in events(export(cli, capsysbinary, "--date", "2026-11-19"))}
    assert set(first) & third


def test_weeks_and_date_choose_the_span(cli, week, capsysbinary):
    one = events(export(cli, capsysbinary, "--date", "2026-11-19", "--weeks", "1"))
    two = events(export(cli, capsysbinary, "--date", "2026-11-19"))
    last_one = max(str(ev["uid"])[:8] for ev in one)
    assert last_one <= "20261122"
    assert max(str(ev["uid"])[:8] for ev in two) > "20261122"
    assert len(two) > len(one)


def test_the_calendar_file_is_written_when_set_and_rewritten_after_a_change(
    cli, data_dir, week, tmp_path, capsys
):
    calendar = tmp_path / "cal" / "legday.ics"
    assert cli("settings", "--calendar-file", str(calendar)) == 0
    assert "calendar file " + str(calendar) in capsys.readouterr().out
    assert events(calendar.read_bytes())
    calendar.unlink()
    assert cli("import", str(fixture("hevy_kg.csv"))) == 0
    assert events(calendar.read_bytes())  # written again after the import
    assert cli("settings", "--calendar-file", "none") == 0
    calendar.unlink()
    assert cli("import", str(fixture("strong_newest.csv"))) == 0
    assert not calendar.exists()


def test_logging_from_the_command_line_rewrites_the_calendar_file(cli, data_dir, week, tmp_path, capsys):
    calendar = tmp_path / "legday.ics"
    assert cli("settings", "--calendar-file", str(calendar)) == 0
    before = {str(ev["uid"]): str(ev["summary"]) for ev in events(calendar.read_bytes())}
    # Thursday's leg session, logged: the calendar now says it is done.
    assert cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--time", "18:00") == 0
    after = {str(ev["uid"]): str(ev["summary"]) for ev in events(calendar.read_bytes())}
    assert before["20261119-legs-1@legday"] != after["20261119-legs-1@legday"]
    assert after["20261119-legs-1@legday"] == "Legs · 60 min · effort 8 (done)"


def test_edit_delete_and_undo_rewrite_the_calendar_file_too(cli, data_dir, week, tmp_path, capsys):
    """The journal rewrites the file after every change it makes, whichever command made it."""
    calendar = tmp_path / "legday.ics"
    assert cli("settings", "--calendar-file", str(calendar)) == 0
    assert cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--time", "18:00") == 0
    capsys.readouterr()

    def thursday() -> str:
        return {str(ev["uid"]): str(ev["summary"]) for ev in events(calendar.read_bytes())}[
            "20261119-legs-1@legday"
        ]

    assert cli("log", "--from", "2026-11-19", "--json") == 0
    import json

    [legs] = [r for r in json.loads(capsys.readouterr().out)["records"] if r["kind"] == "legs"]
    assert cli("edit", legs["id"], "--minutes", "45") == 0
    assert thursday() == "Legs · 45 min · effort 8 (done)"
    assert cli("undo") == 0
    assert thursday() == "Legs · 60 min · effort 8 (done)"
    assert cli("delete", legs["id"]) == 0
    assert "(done)" not in thursday()


def test_a_change_through_the_journal_rewrites_the_calendar_file(data_dir, week, tmp_path):
    """What the app does: log through the Journal (no command line involved) and the file follows."""
    import dataclasses

    from legday.core.model import LegSession
    from legday.journal import journal_at
    from tests.fixtures import SQUAT_DAY

    journal = journal_at(data_dir, tmp_path / "config", lambda: NOW)
    calendar = tmp_path / "cal" / "plan.ics"
    warning = journal.save_settings(dataclasses.replace(journal.settings, calendar_file=str(calendar)))
    assert warning == "" and events(calendar.read_bytes())  # written as soon as it is set
    before = calendar.read_bytes()
    seen = []
    journal.subscribe(seen.append)
    journal.log(LegSession(NOW.date(), dt.time(18, 0), 50, 7, SQUAT_DAY))
    summaries = {str(ev["uid"]): str(ev["summary"]) for ev in events(calendar.read_bytes())}
    assert summaries["20261119-legs-1@legday"] == "Legs · 50 min · effort 7 (done)"
    assert calendar.read_bytes() != before and seen[-1].warning == ""


def test_a_calendar_file_that_cannot_be_written_is_a_warning_and_the_change_is_saved(
    cli, data_dir, week, tmp_path, capsys
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the calendar's folder should be")
    assert cli("settings", "--calendar-file", str(blocker / "legday.ics")) == 0
    assert "legday: warning: the calendar file was not updated" in capsys.readouterr().err
    assert cli("cardio", "swim", "--minutes", "30", "--effort", "3") == 0
    out, err = capsys.readouterr()
    assert out.startswith("logged cardio") and "calendar file was not updated" in err
    # It says the change itself was saved, and nothing that reads as if it were lost.
    assert err.rstrip().endswith("; your change was saved") and "othing was changed" not in err
    assert err.count("\n") == 1
    assert cli("log", "--from", "2026-11-19") == 0
    assert "swim" in capsys.readouterr().out


def test_the_calendar_file_setting_is_checked(cli, data_dir, tmp_path, capsys):
    assert cli("settings", "--calendar-file", str(tmp_path)) == 2
    assert "is a folder; accepted: a file path such as ~/legday.ics" in capsys.readouterr().err
    assert cli("settings", "--calendar-file", str(tmp_path / "plan.txt")) == 2
    assert "does not end in .ics" in capsys.readouterr().err
    assert not (data_dir / "config" / "settings.toml").exists()


# -- time zones -------------------------------------------------------------------------------------


def _plan_for(data_dir):
    from legday.journal import journal_at

    journal = journal_at(data_dir, None, lambda: NOW)
    return [journal.week_plan(NOW.date())]


def _timed(raw: bytes) -> list:
    return [ev for ev in events(raw) if isinstance(ev.decoded("dtstart"), dt.datetime)]


def test_timed_events_carry_the_named_zone_and_its_vtimezone(data_dir, week):
    from zoneinfo import ZoneInfo

    from legday.transfer.calendar import dumps

    raw = dumps(_plan_for(data_dir), NOW.date(), zone=ZoneInfo("Europe/Berlin"))
    text = raw.decode()
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin" in text
    assert re.search(r"DTSTART;TZID=Europe/Berlin:2026111\dT\d{6}\r\n", text)
    timed = _timed(raw)
    assert timed
    for ev in timed:
        start = ev.decoded("dtstart")
        assert start.utcoffset() == dt.timedelta(hours=1)  # CET in November, not UTC
    # Thursday's planned leg session at the profile's 18:00 is 17:00 UTC, as every reader sees it.
    legs = next(ev for ev in timed if str(ev["uid"]) == "20261119-legs-1@legday")
    assert legs.decoded("dtstart").astimezone(dt.UTC).time() == dt.time(17, 0)


def test_without_a_named_zone_the_times_are_written_in_utc(data_dir, week, monkeypatch):
    import time

    from legday.transfer.calendar import dumps

    monkeypatch.setenv("TZ", "EST+5")  # a POSIX rule, no zone name: 18:00 here is 23:00 UTC
    time.tzset()
    try:
        raw = dumps(_plan_for(data_dir), NOW.date(), zone=None)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert b"VTIMEZONE" not in raw
    legs = next(ev for ev in _timed(raw) if str(ev["uid"]) == "20261119-legs-1@legday")
    assert b"DTSTART:20261119T230000Z" in raw
    assert legs.decoded("dtstart") == dt.datetime(2026, 11, 19, 23, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    "tz, expected",
    [
        ("Europe/Berlin", "Europe/Berlin"),
        (":America/New_York", "America/New_York"),
        ("UTC", "UTC"),
        ("EST+5", None),
    ],
)
def test_the_system_zone_is_found_by_name(monkeypatch, tz, expected):
    from legday.transfer.calendar import system_zone

    monkeypatch.setenv("TZ", tz)
    zone = system_zone()
    if expected is None:
        assert zone is None
    elif expected == "UTC":
        assert zone is dt.UTC
    else:
        assert str(zone) == expected


def test_the_exported_calendar_uses_the_system_zone(cli, week, capsysbinary, monkeypatch):
    monkeypatch.setenv("TZ", "Asia/Tokyo")
    raw = export(cli, capsysbinary, "--date", "2026-11-19")
    assert b"TZID:Asia/Tokyo" in raw and b"DTSTART;TZID=Asia/Tokyo:" in raw


def test_each_coming_morning_not_yet_rated_has_a_check_in_at_the_reminder_time(cli, week, capsysbinary):
    """Today (Thu 19) is rated already; Fri 20 to Sun 29 each have a 07:30 check-in, none before.
    Moved to 06:45 it moves; turned off, none is left."""
    found = [
        ev for ev in events(export(cli, capsysbinary, "--date", "2026-11-19")) if "checkin" in str(ev["uid"])
    ]
    days = sorted(str(ev["uid"])[:8] for ev in found)
    assert days == [f"202611{d}" for d in range(20, 30)]
    assert all(str(ev["summary"]) == "Soreness check-in (legday)" for ev in found)
    assert {ev.decoded("dtstart").strftime("%H:%M") for ev in found} == {"07:30"}
    assert "s, a digit 0-10, Enter" in str(found[0]["description"])
    assert cli("settings", "--morning-reminder-time", "06:45") == 0
    capsysbinary.readouterr()
    found = [
        ev for ev in events(export(cli, capsysbinary, "--date", "2026-11-19")) if "checkin" in str(ev["uid"])
    ]
    assert {ev.decoded("dtstart").strftime("%H:%M") for ev in found} == {"06:45"}
    assert cli("settings", "--morning-reminder", "off") == 0
    capsysbinary.readouterr()
    assert not [ev for ev in events(export(cli, capsysbinary)) if "checkin" in str(ev["uid"])]
