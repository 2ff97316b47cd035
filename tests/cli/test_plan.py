"""legday plan: the JSON contract, that the plan follows what was logged, and the readable week."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from rich.console import Console

from .conftest import TODAY

MONDAY = dt.date(2026, 11, 16)
INTENSITIES = {"recovery", "easy", "moderate", "tempo", "intervals", "sprints"}


def plan_json(cli, capsys, *args: str) -> dict:
    capsys.readouterr()
    assert cli("plan", "--json", *args) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def logged_week(cli, capsys):
    assert cli("profile", "--goal", "general", "--level", "intermediate", "--leg-days", "mon,thu") == 0
    assert (
        cli(
            "legs",
            "back squat 5x5@100kg",
            "romanian deadlift 3x8@80kg",
            "--effort",
            "8",
            "--minutes",
            "70",
            "--date",
            "2026-11-16",
            "--time",
            "18:00",
        )
        == 0
    )
    assert (
        cli("cardio", "bike", "--minutes", "25", "--effort", "3", "--date", "2026-11-17", "--time", "07:15")
        == 0
    )
    assert cli("sore", "6", "--date", "2026-11-17", "--sleep", "7") == 0
    capsys.readouterr()


def test_json_has_every_contract_field(cli, capsys, logged_week):
    plan = plan_json(cli, capsys)
    assert plan["week_start"] == "2026-11-16"
    assert [d["date"] for d in plan["days"]] == [
        (MONDAY + dt.timedelta(days=i)).isoformat() for i in range(7)
    ]
    sessions = 0
    for day in plan["days"]:
        assert day["soreness"] is None or 0 <= day["soreness"] <= 10
        assert isinstance(day["readiness"], int) and 0 <= day["readiness"] <= 100
        for s in day["sessions"]:
            sessions += 1
            assert s["kind"] in {"legs", "cardio", "recovery", "rest"}
            assert s["status"] in {"done", "planned", "suggested", "skipped"}
            assert s["start"] is None or dt.datetime.strptime(s["start"], "%Y-%m-%dT%H:%M")
            assert s["modality"] is None or isinstance(s["modality"], str)
            assert s["intensity"] is None or s["intensity"] in INTENSITIES
            assert s["effort"] is None or (
                len(s["effort"]) == 2 and 0 <= s["effort"][0] <= s["effort"][1] <= 10
            )
            assert s["minutes"] is None or s["minutes"] > 0
            assert s["hours_after_legs"] is None or isinstance(s["hours_after_legs"], (int, float))
            assert isinstance(s["reasons"], list)
            for r in s["reasons"]:
                assert set(r) >= {"id", "text", "source"} and r["id"] and r["text"] and r["source"]
            if s["status"] == "suggested":
                assert s["reasons"], f"a suggestion without a reason: {s}"
    assert sessions >= 3
    assert isinstance(plan["totals"]["cardio_minutes"], int)
    assert isinstance(plan["totals"]["hard_sessions"], int)


def test_plan_reflects_what_was_logged(cli, capsys, logged_week):
    plan = plan_json(cli, capsys)
    monday, tuesday = plan["days"][0], plan["days"][1]
    legs = [s for s in monday["sessions"] if s["kind"] == "legs"]
    assert [(s["status"], s["start"], s["minutes"]) for s in legs] == [("done", "2026-11-16T18:00", 70)]
    bike = [s for s in tuesday["sessions"] if s["kind"] == "cardio"]
    assert [(s["status"], s["modality"], s["minutes"]) for s in bike] == [("done", "bike", 25)]
    assert tuesday["soreness"] == 6
    assert plan["totals"]["cardio_minutes"] >= 25
    # Thursday's leg day comes from the profile, still ahead of "today" (Thursday 19:10 is NOW,
    # but the plan is as of the date only).
    thursday = plan["days"][3]
    assert any(s["kind"] == "legs" and s["status"] == "planned" for s in thursday["sessions"])


def test_as_of_date_moves_today(cli, capsys, logged_week):
    plan = plan_json(cli, capsys, "--date", "2026-11-18")
    assert plan["week_start"] == "2026-11-16"
    # Days before "today" show only what was logged; nothing is suggested in the past.
    for day in plan["days"][:2]:
        assert all(s["status"] != "suggested" for s in day["sessions"])
    next_week = plan_json(cli, capsys, "--date", "2026-11-25")
    assert next_week["week_start"] == "2026-11-23"


def test_very_sore_today_means_rest_or_recovery(cli, capsys, logged_week):
    before = plan_json(cli, capsys, "--date", "2026-11-18")
    assert cli("sore", "9", "--date", "2026-11-18") == 0
    after = plan_json(cli, capsys, "--date", "2026-11-18")
    today_before, today_after = before["days"][2], after["days"][2]
    assert today_after["soreness"] == 9
    assert today_after["readiness"] < today_before["readiness"]
    suggested = [s for s in today_after["sessions"] if s["status"] == "suggested"]
    assert suggested
    for s in suggested:
        assert s["kind"] in {"rest", "recovery"} or s["intensity"] in {"recovery", None}, s


def test_no_profile_plans_with_defaults_and_hints(cli, capsys):
    capsys.readouterr()
    assert cli("plan", "--json") == 0
    out, err = capsys.readouterr()
    plan = json.loads(out)
    assert plan["week_start"] == "2026-11-16"
    # The default profile's leg days are Monday and Thursday.
    planned_legs = [d["date"] for d in plan["days"] if any(s["kind"] == "legs" for s in d["sessions"])]
    assert "2026-11-19" in planned_legs
    assert "legday profile" in err and len(err.splitlines()) == 1


def test_readable_plan_fits_80_columns(cli, capsys, logged_week):
    capsys.readouterr()
    assert cli("plan") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    for label in ("Mon 16", "Tue 17", "Wed 18", "Thu 19", "Fri 20", "Sat 21", "Sun 22"):
        assert label in out
    assert "Today, Thu 19 Nov" in out


def test_render_at_80_columns_shows_todays_reasons(data_dir, cli, capsys, logged_week):
    from legday.cli.show import render_plan
    from legday.core.model import Profile
    from legday.core.planner import history_window, plan_week
    from legday.storage import Store

    store = Store(data_dir)
    first, last = history_window(TODAY, 0)
    plan = plan_week(store.profile() or Profile(), store.history(first, last), TODAY, week_start=0)
    console = Console(width=80, record=True, file=io.StringIO())
    render_plan(plan, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    today = plan.day(TODAY)
    suggested = [s for s in today.sessions if s.status == "suggested"]
    assert suggested, "expected a suggestion for today"
    flat = " ".join(text.split())
    for s in suggested:
        for reason in s.reasons:
            assert reason.id in text
            assert f"({reason.source})" in flat
    assert "▶" in text  # today is marked in the table


def test_week_start_comes_from_the_settings(cli, capsys, data_dir, logged_week):
    from legday.storage import Settings, save_settings

    # With --data-dir, settings live beside the data (see storage.paths).
    save_settings(data_dir / "config", Settings(week_start=6))
    plan = plan_json(cli, capsys, "--date", "2026-11-18")
    assert plan["week_start"] == "2026-11-15"
    assert plan["days"][0]["date"] == "2026-11-15"


def test_unreadable_month_is_left_out_named_and_exit_1(cli, capsys, data_dir, logged_week):
    # Last month holds a leg session; then its file is damaged.
    assert (
        cli(
            "legs",
            "deadlift 3x5@140kg",
            "--effort",
            "9",
            "--minutes",
            "60",
            "--date",
            "2026-10-30",
            "--time",
            "18:00",
        )
        == 0
    )
    [october] = [p for p in data_dir.rglob("*.toml") if "2026-10" in p.name]
    october.write_text(october.read_text() + "\nnot = = toml\n")
    capsys.readouterr()
    assert cli("plan", "--json", "--date", "2026-11-02") == 1
    out, err = capsys.readouterr()
    plan = json.loads(out)  # the week is still printed from the files that could be read
    assert plan["week_start"] == "2026-11-02"
    lines = err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("legday: error: ") and str(october) in lines[0]


def test_long_names_and_reasons_still_fit_80_columns():
    """The table and today's section wrap instead of overflowing, whatever the planner says."""
    from legday.cli.show import render_plan
    from legday.core.plan import DayPlan, Reason, Session, Totals, WeekPlan

    long_reason = Reason("G4", "word " * 60, "Well+Good/Churchill and a very long source name")
    odd = Session(
        "cardio",
        "suggested",
        dt.datetime(2026, 11, 18, 6, 5),
        "stair-climbing-machine-with-a-weighted-vest",
        "intervals",
        (7, 9),
        600,
        1234.5,
        (long_reason,),
        talk="x" * 120,
        addons=(long_reason,),
        choice="because " * 40,
    )
    days = tuple(
        DayPlan(MONDAY + dt.timedelta(days=i), 10, 100, ("why " * 50,), (odd, odd), pain=True)
        for i in range(7)
    )
    plan = WeekPlan(
        MONDAY,
        MONDAY + dt.timedelta(days=2),
        days,
        Totals(99999, 99, 99, 99, (120, 180), 12.345),
        (long_reason,),
    )
    console = Console(width=80, record=True, file=io.StringIO())
    render_plan(plan, console)
    text = console.export_text()
    assert max(len(line) for line in text.splitlines()) <= 80
    assert "G4" in text and "51 days after legs" in text and "Warnings" in text


def _longest_sessions():
    """Every session the table can show at its longest: each modality at each intensity, with three-digit
    minutes, a two-digit effort range, a start and the hours after legs (under an hour, in hours, over
    ten), a leg session moved, a rest whose leg session moved."""
    from legday.core.model import CARDIO_MODALITIES
    from legday.core.plan import INTENSITIES, Session
    from legday.core.rules.base import EFFORT

    start = dt.datetime(2026, 11, 18, 18, 0)
    out = []
    for modality in (*CARDIO_MODALITIES, "sprints", "plyometrics"):
        for intensity in INTENSITIES:
            for hours, status in ((0.17, "suggested"), (47.4, "done"), (9.5, "skipped")):
                kind = "recovery" if intensity == "recovery" else "cardio"
                out.append(Session(kind, status, start, modality, intensity, EFFORT[intensity], 105, hours))
    out.append(
        Session(
            "legs", "planned", start, effort=(10, 10), minutes=120, moved_from=MONDAY + dt.timedelta(days=3)
        )
    )
    out.append(Session("rest", "suggested", moved_to=MONDAY + dt.timedelta(days=5)))
    return out


@pytest.mark.parametrize("width", [80, 100, 60])
def test_the_table_wraps_between_parts_never_inside_one(width):
    """Found by a coach at 80 columns: "→ easy elliptical · 30 min · effort 3-4 · 18:00 +23" and "h" on
    the next line. Every session line, at its longest, fits the width, and each of its parts ("18:00
    +23 h", "effort 3-4") is whole on one line: a line that goes on starts with "· " under the first
    word."""
    from legday.cli.show import session_parts, week_table
    from legday.core.plan import DayPlan, Totals, WeekPlan

    sessions = _longest_sessions()
    days = tuple(
        DayPlan(MONDAY + dt.timedelta(days=i), 10, 100, (), tuple(sessions[i::7]), pain=True)
        for i in range(7)
    )
    plan = WeekPlan(MONDAY, MONDAY + dt.timedelta(days=2), days, Totals(0, 0, 0, 0))
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(week_table(plan, width))
    lines = console.export_text().splitlines()
    assert max(len(line) for line in lines) <= width
    column = next(line.index("Sessions") for line in lines if "Sessions" in line)
    body = [line[column:].rstrip() for line in lines[3:] if line.strip() and not line.startswith("✓")]
    for s in sessions:
        for part in session_parts(s, short=True):
            assert any(part in line for line in body), (part, s)
    continued = [line for line in body if line and line[0] not in "✓○→✗"]
    assert all(line.startswith("  · ") for line in continued), continued
    if width >= 80:  # the usual sessions fit one line at 80 columns
        assert "→ recovery walk · 105 min · effort 1-2 · 18:00 +10 min" in body
        assert "✓ elliptical sprints · 105 min · effort 8-9 · 18:00 +47 h" in body


def test_the_totals_line_counts_one_leg_session_in_the_singular(cli, capsys):
    """Found reading a week with pain flagged after one leg session: "1 leg sessions"."""
    assert cli("profile", "--goal", "general", "--leg-days", "mon") == 0
    assert (
        cli("legs", "back squat 5x5@100kg", "--minutes", "60", "--effort", "7", "--date", "2026-11-16") == 0
    )
    capsys.readouterr()
    assert cli("plan", "--date", TODAY.isoformat()) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "1 leg session" in out and "1 leg sessions" not in out
