"""legday profile: print it without options, change only the fields given, save through the Store."""

from __future__ import annotations

import datetime as dt
import json
import re

from legday.core.model import Goal, Level, Profile

from .conftest import snapshot


def test_no_options_prints_the_defaults_and_a_hint_without_writing(cli, data_dir, capsys):
    assert cli("profile") == 0
    out, err = capsys.readouterr()
    # Two columns: the key padded to the longest ("injury-prone"), two spaces, the value.
    rows = {line[:12].rstrip(): line[14:] for line in out.splitlines()}
    assert rows["goal"] == "general"
    assert rows["level"] == "intermediate"
    assert rows["leg days"] == "mon,thu"
    assert rows["injury-prone"] == "no"
    assert "legday profile --goal" in err and len(err.splitlines()) == 1
    assert snapshot(data_dir) == {}


def test_options_change_and_save_the_profile(cli, store, capsys):
    rc = cli(
        "profile",
        "--goal",
        "Hybrid",
        "--level",
        "advanced",
        "--injury-prone",
        "--leg-days",
        "tue,fri",
        "--event-date",
        "2026-12-06",
        "--units",
        "lb",
        "--leg-time",
        "07:15",
    )
    out, err = capsys.readouterr()
    assert rc == 0, err
    assert store().profile() == Profile(
        goal=Goal.HYBRID,
        level=Level.ADVANCED,
        injury_prone=True,
        leg_days=(1, 4),
        event_date=dt.date(2026, 12, 6),
        units="lb",
        leg_time=dt.time(7, 15),
    )
    assert len(out.splitlines()) == 1
    assert out.startswith("saved profile: goal hybrid, level advanced, injury-prone yes, leg days tue,fri")


def test_a_change_keeps_the_other_fields(cli, store):
    assert cli("profile", "--goal", "endurance", "--injury-prone", "--leg-days", "mon,wed") == 0
    assert cli("profile", "--level", "beginner", "--no-injury-prone") == 0
    saved = store().profile()
    assert (saved.goal, saved.level, saved.injury_prone, saved.leg_days) == (
        Goal.ENDURANCE,
        Level.BEGINNER,
        False,
        (0, 2),
    )


def test_event_date_none_clears_it(cli, store):
    assert cli("profile", "--event-date", "2027-03-01") == 0
    assert store().profile().event_date == dt.date(2027, 3, 1)
    assert cli("profile", "--event-date", "none") == 0
    assert store().profile().event_date is None


def test_json_prints_every_field(cli, capsys):
    assert cli("profile", "--goal", "power", "--leg-days", "sat") == 0
    capsys.readouterr()
    assert cli("profile", "--json") == 0
    out, err = capsys.readouterr()
    assert json.loads(out) == {
        "goal": "power",
        "level": "intermediate",
        "injury_prone": False,
        "leg_days": ["sat"],
        "event_date": None,
        "units": "kg",
        "leg_time": "18:00",
        "modalities": [
            "run",
            "bike",
            "swim",
            "elliptical",
            "walk",
            "row",
            "hike",
            "yoga",
            "pilates",
            "stairs",
        ],
    }
    assert err == ""  # saved: no hint


def test_readable_profile_shows_what_was_saved(cli, capsys):
    assert cli("profile", "--goal", "strength", "--event-date", "2026-12-24") == 0
    capsys.readouterr()
    assert cli("profile") == 0
    out = capsys.readouterr().out
    assert re.search(r"^goal +strength$", out, re.M)
    assert re.search(r"^event date +2026-12-24$", out, re.M)
