"""legday trends: the JSON contract, the table in 80 columns, bad input, and reading only the weeks
asked for (a corrupt month years back is never opened)."""

from __future__ import annotations

import json

import pytest

from .conftest import one_line_error, snapshot

CONTRACT = {
    "week_start",
    "leg_load",
    "cardio_load",
    "cardio_minutes",
    "hard",
    "easy",
    "soreness",
    "readiness",
    "acwr",
}


@pytest.fixture
def logged(cli, capsys):
    assert cli("profile", "--leg-days", "mon,thu") == 0
    assert (
        cli(
            "legs",
            "back squat 5x5@100kg",
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
        cli(
            "legs",
            "deadlift 4x4@140kg",
            "--effort",
            "7",
            "--minutes",
            "60",
            "--date",
            "2026-11-12",
            "--time",
            "18:00",
        )
        == 0
    )
    assert cli("cardio", "bike", "--minutes", "25", "--effort", "3", "--date", "2026-11-17") == 0
    assert cli("cardio", "run", "--minutes", "30", "--effort", "8", "--date", "2026-11-14") == 0
    assert cli("sore", "6", "--date", "2026-11-17") == 0
    assert cli("sore", "4", "--date", "2026-11-18") == 0
    capsys.readouterr()


def trends_json(cli, capsys, *args):
    capsys.readouterr()
    assert cli("trends", "--json", *args) == 0
    return json.loads(capsys.readouterr().out)


def test_json_contract_and_numbers(cli, capsys, logged):
    data = trends_json(cli, capsys)
    weeks = data["weeks"]
    assert len(weeks) == 12
    assert all(set(w) >= CONTRACT for w in weeks)
    assert weeks[-1]["week_start"] == "2026-11-16" and weeks[0]["week_start"] == "2026-08-31"
    this, last = weeks[-1], weeks[-2]
    assert (this["leg_load"], this["cardio_load"], this["cardio_minutes"]) == (8 * 70, 3 * 25, 25)
    assert (this["hard"], this["easy"]) == (0, 1)
    assert this["soreness"] == 5.0  # (6 + 4) / 2
    assert (last["leg_load"], last["cardio_load"], last["hard"], last["easy"]) == (7 * 60, 8 * 30, 1, 0)
    assert last["soreness"] is None and last["readiness"] is None  # nobody rated that week
    assert this["acwr"] is None  # under four weeks of history
    assert [w["leg_load"] for w in weeks[:-2]] == [0] * 10


def test_weeks_and_date(cli, capsys, logged):
    data = trends_json(cli, capsys, "--weeks", "2", "--date", "2026-11-15")
    assert [w["week_start"] for w in data["weeks"]] == ["2026-11-02", "2026-11-09"]
    assert data["weeks"][1]["leg_load"] == 420
    assert len(trends_json(cli, capsys, "--weeks", "52")["weeks"]) == 52


@pytest.mark.parametrize(
    "args, accepted",
    [
        (["--weeks", "0"], "accepted: 1 to 52"),
        (["--weeks", "53"], "accepted: 1 to 52"),
        (["--weeks", "twelve"], "accepted: 1 to 52"),
        (["--date", "2026-02-30"], "accepted: a real date as YYYY-MM-DD"),
        (["--days", "3"], "accepted: legday trends [--weeks N] [--date YYYY-MM-DD] [--json]"),
    ],
)
def test_bad_input_exits_2_with_one_line(cli, capsys, data_dir, logged, args, accepted):
    before = snapshot(data_dir)
    assert cli("trends", *args) == 2
    line = one_line_error(capsys.readouterr().err)
    assert accepted in line
    assert snapshot(data_dir) == before


def test_table_fits_80_columns(cli, capsys, logged):
    assert cli("trends") == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    row = next(line for line in lines if line.lstrip().startswith("16 Nov 26"))
    assert row.split()[3:10] == ["*", "560", "75", "25", "0", "0", "1"]  # "*": so far; hard, moderate, easy
    assert "disputed" in out and "S5" in out


def test_reads_only_the_weeks_it_needs(cli, capsys, data_dir, logged):
    """A month file two years back that cannot be read is not opened: no error, exit 0. The same
    file inside the window is reported and the exit status is 1."""
    old = data_dir / "log" / "2024" / "2024-11.toml"
    old.parent.mkdir(parents=True)
    old.write_text("schema = 1\nlegs = [ this is not toml\n")
    capsys.readouterr()
    assert cli("trends", "--json") == 0
    assert capsys.readouterr().err == ""
    assert cli("trends", "--json", "--date", "2024-12-05", "--weeks", "4") == 1
    assert "2024-11.toml" in capsys.readouterr().err
