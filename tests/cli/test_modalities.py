"""`legday profile --modalities`: the cardio a person can do (a contract: a comma list of known names,
default all of them). Unknown names are refused with the accepted list and nothing is written."""

from __future__ import annotations

import json
import re

import pytest

from legday.cli.args import MODALITY_NAMES
from legday.core.model import CARDIO_MODALITIES

from .conftest import TODAY, one_line_error, snapshot

ALL = list(CARDIO_MODALITIES)


def test_the_help_text_names_exactly_the_known_modalities():
    # args.py spells the list out so as not to import the core; it must not drift from it.
    assert MODALITY_NAMES.split(",") == ALL


def test_default_is_every_modality(cli, capsys):
    assert cli("profile", "--json") == 0
    assert json.loads(capsys.readouterr().out)["modalities"] == ALL


def test_a_list_is_saved_in_the_usual_order_and_shown(cli, store, capsys):
    assert cli("profile", "--modalities", "walk, Row,run,bike") == 0
    out = capsys.readouterr().out
    assert store().profile().modalities == ("run", "bike", "walk", "row")
    assert out.startswith("saved profile: ") and "modalities run,bike,walk,row" in out
    assert cli("profile") == 0
    assert re.search(r"^modalities +run,bike,walk,row$", capsys.readouterr().out, re.M)
    assert cli("profile", "--json") == 0
    assert json.loads(capsys.readouterr().out)["modalities"] == ["run", "bike", "walk", "row"]


def test_other_changes_keep_the_list_and_all_brings_everything_back(cli, store):
    assert cli("profile", "--modalities", "swim,walk") == 0
    assert cli("profile", "--goal", "strength") == 0
    assert store().profile().modalities == ("swim", "walk")
    assert cli("profile", "--modalities", "all") == 0
    assert store().profile().modalities == tuple(ALL)


@pytest.mark.parametrize(
    "value, wrong",
    [
        ("run,pool", "'pool'"),
        ("sprints", "'sprints'"),
        ("", "no modalities"),
        (",", "no modalities"),
        ("run,all", "'all'"),
    ],
)
def test_unknown_or_empty_is_refused_with_the_accepted_list_and_nothing_written(
    cli, data_dir, capsys, value, wrong
):
    assert cli("profile", "--modalities", "bike") == 0
    before = snapshot(data_dir)
    capsys.readouterr()
    assert cli("profile", "--goal", "power", "--modalities", value) == 2
    line = one_line_error(capsys.readouterr().err)
    assert wrong in line and "accepted: " in line and MODALITY_NAMES in line
    assert snapshot(data_dir) == before


def test_the_plan_uses_only_the_listed_modalities(cli, capsys):
    assert cli("profile", "--goal", "endurance", "--modalities", "bike,walk") == 0
    capsys.readouterr()
    assert cli("plan", "--json", "--date", TODAY.isoformat()) == 0
    week = json.loads(capsys.readouterr().out)
    picked = {
        s["modality"]
        for d in week["days"]
        for s in d["sessions"]
        if s["status"] == "suggested" and s["kind"] in ("cardio", "recovery")
    }
    assert picked and picked <= {"bike", "walk"}
    # A runner without "run" on the list: where the bike carries the session as a run would, nothing is
    # said of running (the line is for a pick that changes the session: see tests/core/test_modalities).
    texts = [r["text"] for d in week["days"] for s in d["sessions"] for r in s["reasons"]]
    assert not any("would pick a run" in t and "a ride instead" in t for t in texts)


def test_plan_json_sessions_name_the_regions_they_load(cli, capsys):
    assert (
        cli(
            "legs",
            "back squat 5x5@100kg",
            "calf raise 4x15",
            "--effort",
            "8",
            "--minutes",
            "60",
            "--date",
            "2026-11-16",
            "--time",
            "18:00",
        )
        == 0
    )
    capsys.readouterr()
    assert cli("plan", "--json", "--date", "2026-11-17") == 0
    week = json.loads(capsys.readouterr().out)
    monday = week["days"][0]["sessions"]
    assert monday[0]["kind"] == "legs" and monday[0]["regions"] == ["quads", "glutes", "calves"]
    cardio = [s for d in week["days"] for s in d["sessions"] if s["kind"] in ("cardio", "recovery")]
    by_modality = {s["modality"]: s["regions"] for s in cardio}
    assert by_modality.get("run", ["quads", "hamstrings", "glutes", "calves"]) == [
        "quads",
        "hamstrings",
        "glutes",
        "calves",
    ]
    assert all(s["regions"] == [] for s in cardio if s["modality"] in ("walk", "swim", "yoga"))
    assert any(s["regions"] for s in cardio)
