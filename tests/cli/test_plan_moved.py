"""legday plan shows where a dropped leg day went (issue 14): too sore on Thursday's leg day, the
session is offered two days on; the table says so on both days, and the JSON has both dates."""

from __future__ import annotations

import json


def test_a_dropped_leg_day_is_shown_where_it_moved(cli, capsys):
    assert cli("profile", "--goal", "general", "--level", "intermediate", "--leg-days", "mon,thu") == 0
    assert (
        cli("legs", "back squat 5x5@100kg", "--effort", "8", "--minutes", "60", "--date", "2026-11-16") == 0
    )
    assert cli("sore", "9", "--date", "2026-11-19") == 0
    capsys.readouterr()
    assert cli("plan", "--date", "2026-11-19") == 0
    flat = " ".join(capsys.readouterr().out.split())  # the table wraps at 80 columns
    assert "legs moved to Sat 21" in flat and "moved from Thu" in flat
    assert cli("plan", "--date", "2026-11-19", "--json") == 0
    days = {d["date"]: d for d in json.loads(capsys.readouterr().out)["days"]}
    assert [s["moved_to"] for s in days["2026-11-19"]["sessions"]] == ["2026-11-21"]
    assert any(
        s["moved_from"] == "2026-11-19" and s["kind"] == "legs" for s in days["2026-11-21"]["sessions"]
    )
