"""log, edit, delete and undo: the contract (names, JSON fields, ids), what reaches the files, and
every refusal as one line with nothing written."""

from __future__ import annotations

import datetime as dt
import json

from legday.core.model import CardioSession, CheckIn, Exercise, LegSession, Skip
from legday.core.records import record_id

from .conftest import TODAY, one_line_error, snapshot

MONDAY = dt.date(2026, 11, 16)
TYPO = LegSession(MONDAY, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 1000.0, "kg"),))
BIKE = CardioSession(MONDAY + dt.timedelta(days=1), "bike", 25, 3, dt.time(7, 15))
SORE = CheckIn(MONDAY + dt.timedelta(days=1), 6, sleep_hours=7.0)
SKIP = Skip(TODAY, "run")


def logged(store, *records):
    s = store()
    for record in records:
        {LegSession: s.add_legs, CardioSession: s.add_cardio, CheckIn: s.set_checkin, Skip: s.add_skip}[
            type(record)
        ](record)


def everything(store) -> list:
    h = store().history(dt.date(2000, 1, 1), dt.date(2100, 1, 1))
    return [*h.legs, *h.cardio, *h.checkins, *h.skips]


# -- log ----------------------------------------------------------------------------------------------


def test_log_lists_each_record_with_its_id_newest_last(cli, store, capsys):
    logged(store, SKIP, SORE, BIKE, TYPO)
    assert cli("log") == 0
    out = capsys.readouterr().out.splitlines()
    assert [line[:8] for line in out] == [record_id(r) for r in (TYPO, BIKE, SORE, SKIP)]
    assert (
        out[0] == f"{record_id(TYPO)}  2026-11-16 Mon  legs 18:00 · 60 min · effort 8 · back squat 5x5@1000kg"
    )
    assert "bike 07:15 · 25 min · effort 3" in out[1]
    assert "soreness 6/10 quite sore · slept 7 h" in out[2]
    assert out[3].endswith("skipped run")


def test_log_json_is_the_contract(cli, store, capsys):
    logged(store, TYPO, SORE)
    assert cli("log", "--from", "2026-11-01", "--to", "2026-11-30", "--json") == 0
    records = json.loads(capsys.readouterr().out)["records"]
    legs, checkin = records
    assert legs == {
        "id": record_id(TYPO),
        "kind": "legs",
        "date": "2026-11-16",
        "start": "18:00",
        "minutes": 60,
        "effort": 8,
        "exercises": ["back squat 5x5@1000kg"],
    }
    assert checkin["kind"] == "checkin" and checkin["start"] is None and checkin["soreness"] == 6


def test_log_from_and_to_bound_the_days(cli, store, capsys):
    logged(store, TYPO, BIKE, SKIP)
    assert cli("log", "--from", "2026-11-17", "--to", "2026-11-18", "--json") == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)["records"]] == [record_id(BIKE)]
    # Without --from: the four weeks up to today, so a year-old record is not listed.
    old = CardioSession(TODAY - dt.timedelta(days=365), "run", 30, 4)
    logged(store, old)
    assert cli("log", "--json") == 0
    ids = [r["id"] for r in json.loads(capsys.readouterr().out)["records"]]
    assert record_id(old) not in ids and record_id(TYPO) in ids


def test_log_refuses_from_after_to(cli, capsys):
    assert cli("log", "--from", "2026-11-20", "--to", "2026-11-10") == 2
    assert "accepted: --from on or before --to" in one_line_error(capsys.readouterr().err)


# -- edit ---------------------------------------------------------------------------------------------


def test_edit_fixes_a_typo_and_the_exercise_list_is_replaced_whole(cli, store, capsys):
    logged(store, TYPO, BIKE)
    rc = cli(
        "edit",
        record_id(TYPO),
        "--exercise",
        "back squat 5x5@100kg",
        "--exercise",
        "box jump 4x5",
        "--minutes",
        "70",
    )
    out, err = capsys.readouterr()
    assert rc == 0, err
    fixed = LegSession(
        MONDAY,
        dt.time(18, 0),
        70,
        8,
        (Exercise("back squat", 5, 5, 100.0, "kg"), Exercise("box jump", 4, 5, None, "kg")),
    )
    assert (
        out == f"edited: {record_id(fixed)}  2026-11-16 Mon  legs 18:00 · 70 min · effort 8 · "
        "back squat 5x5@100kg, box jump 4x5\n"
    )
    assert sorted(map(repr, everything(store))) == sorted(map(repr, [fixed, BIKE]))


def test_edit_moves_a_record_to_another_month(cli, store):
    logged(store, BIKE)
    assert cli("edit", record_id(BIKE), "--date", "2026-12-01", "--time", "06:30", "--modality", "Row") == 0
    assert everything(store) == [CardioSession(dt.date(2026, 12, 1), "row", 25, 3, dt.time(6, 30))]


def test_edit_a_check_in_and_a_skip(cli, store):
    logged(store, SORE, SKIP)
    assert cli("edit", record_id(SORE), "--soreness", "3", "--pain") == 0
    assert cli("edit", record_id(SKIP), "--modality", "bike") == 0
    h = store().history(MONDAY, TODAY)
    assert h.checkins == (CheckIn(SORE.date, 3, sleep_hours=7.0, pain=True),)
    assert h.skips == (Skip(TODAY, "bike"),)


def test_edit_refusals_are_one_line_and_write_nothing(cli, store, data_dir, capsys):
    logged(store, TYPO, BIKE)
    before = snapshot(data_dir)
    cases = [
        (("edit", "nothex!!", "--minutes", "5"), "accepted: 8 characters from `legday log`"),
        (("edit", "0badc0de", "--minutes", "5"), "no record with id 0badc0de"),
        (("edit", record_id(TYPO)), "nothing to change; accepted: --date"),
        (("edit", record_id(BIKE), "--exercise", "squat 5x5"), "--exercise does not apply to a cardio"),
        (("edit", record_id(TYPO), "--minutes", "0"), "minutes 0 is out of range; accepted: 1 to 600"),
        (("edit", record_id(TYPO), "--exercise", "squat 5x"), "cannot read exercise 'squat 5x'"),
        (("edit", record_id(TYPO), "--soreness", "3"), "--soreness does not apply to a legs record"),
    ]
    for args, expected in cases:
        assert cli(*args) == 2, args
        line = one_line_error(capsys.readouterr().err)
        assert expected in line, (args, line)
        assert line.count("accepted:") == 1, line
    assert snapshot(data_dir) == before


def test_edit_of_a_record_changed_meanwhile_is_refused(cli, store, data_dir, capsys, monkeypatch):
    """Found, then changed by another process before the edit is written: RecordChanged, exit 1."""
    logged(store, BIKE)
    from legday.storage import Store

    original = Store.find

    def find_then_someone_deletes_it(self, wanted):
        found = original(self, wanted)
        Store(data_dir).remove(found)
        return found

    monkeypatch.setattr(Store, "find", find_then_someone_deletes_it)
    assert cli("edit", record_id(BIKE), "--minutes", "30") == 1
    assert "nothing" in one_line_error(capsys.readouterr().err)
    assert everything(store) == []  # the other process's delete stands; the edit wrote nothing


# -- delete and undo ----------------------------------------------------------------------------------


def test_delete_then_undo_brings_it_back_and_says_what_it_undid(cli, store, capsys):
    logged(store, TYPO, BIKE)
    capsys.readouterr()
    assert cli("delete", record_id(BIKE)) == 0
    assert capsys.readouterr().out.startswith(f"deleted: {record_id(BIKE)}  2026-11-17 Tue  bike")
    assert everything(store) == [TYPO]
    assert cli("undo") == 0
    assert capsys.readouterr().out == "undid: deleted bike Tue 17 Nov\n"
    assert sorted(map(repr, everything(store))) == sorted(map(repr, [TYPO, BIKE]))


def test_undo_walks_back_through_logs_edits_and_deletes_then_says_nothing_is_left(cli, store, capsys):
    assert (
        cli(
            "legs",
            "back squat 5x5@1000kg",
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
    assert cli("edit", record_id(TYPO), "--exercise", "back squat 5x5@100kg") == 0
    assert cli("cardio", "bike", "--minutes", "25", "--effort", "3", "--date", "2026-11-17") == 0
    capsys.readouterr()
    undone = []
    for _ in range(3):
        assert cli("undo") == 0
        undone.append(capsys.readouterr().out.strip())
    assert undone == [
        "undid: logged bike Tue 17 Nov",
        "undid: edited legs Mon 16 Nov",
        "undid: logged legs Mon 16 Nov",
    ]
    assert everything(store) == []
    assert cli("undo") == 1
    out, err = capsys.readouterr()
    assert out == "" and err == "legday: nothing to undo\n"


def test_delete_of_an_unknown_id_is_bad_input(cli, store, data_dir, capsys):
    logged(store, TYPO)
    before = snapshot(data_dir)
    assert cli("delete", "12345678") == 2
    assert "no record with id 12345678" in one_line_error(capsys.readouterr().err)
    assert snapshot(data_dir) == before


def test_new_commands_are_listed_in_the_help(capsys):
    from legday.cli import run

    assert run(["--help"]) == 0
    text = capsys.readouterr().out
    for line in (
        "log [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]",
        "edit ID [--date D]",
        "delete ID",
        "undo",
    ):
        assert line in text
