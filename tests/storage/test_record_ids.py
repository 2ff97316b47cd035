"""Record ids and JSON fields (legday.core.records): an id is 8 hex characters, the same for equal
records whatever their position or how they were built, and different once any value changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from legday.core.model import CardioSession, CheckIn, Exercise, LegSession, Skip
from legday.core.records import describe, kind_of, record_fields, record_id
from legday.storage import Store
from tests.storage.records import add, records

NOV = dt.date(2026, 11, 16)
LEGS = LegSession(
    NOV, dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0), Exercise("box jump", 4, 5))
)


@given(records)
def test_an_id_is_eight_hex_and_the_same_for_an_equal_record(record):
    rid = record_id(record)
    assert re.fullmatch(r"[0-9a-f]{8}", rid)
    copy = dataclasses.replace(record)
    assert copy == record and record_id(copy) == rid


def test_ints_and_floats_that_are_equal_give_one_id():
    assert record_id(LEGS) == record_id(
        dataclasses.replace(LEGS, exercises=(Exercise("back squat", 5, 5, 100), Exercise("box jump", 4, 5)))
    )
    assert record_id(CheckIn(NOV, 3, 7)) == record_id(CheckIn(NOV, 3, 7.0))


CHANGES = [
    dataclasses.replace(LEGS, date=NOV + dt.timedelta(days=1)),
    dataclasses.replace(LEGS, start=dt.time(18, 5)),
    dataclasses.replace(LEGS, minutes=61),
    dataclasses.replace(LEGS, effort=7),
    dataclasses.replace(LEGS, exercises=LEGS.exercises[:1]),
    dataclasses.replace(LEGS, exercises=(Exercise("back squat", 5, 5, 100.5), LEGS.exercises[1])),
    dataclasses.replace(LEGS, exercises=(Exercise("back squat", 5, 5, 100.0, "lb"), LEGS.exercises[1])),
    dataclasses.replace(LEGS, exercises=tuple(reversed(LEGS.exercises))),
]


def test_any_change_of_value_gives_another_id():
    ids = {record_id(r) for r in [LEGS, *CHANGES]}
    assert len(ids) == len(CHANGES) + 1
    others = [
        CardioSession(NOV, "run", 30, 5),
        CardioSession(NOV, "run", 30, 5, dt.time(7, 0)),
        CardioSession(NOV, "run", 30, 6),
        CheckIn(NOV, 3),
        CheckIn(NOV, 3, pain=True),
        CheckIn(NOV, 3, regions=(("quads", 4),)),
        Skip(NOV, "run"),
        Skip(NOV, "bike"),
    ]
    assert len({record_id(r) for r in others}) == len(others)


@settings(max_examples=30, deadline=None)
@given(st.lists(records, min_size=1, max_size=6))
def test_an_id_survives_the_round_trip_through_a_file_and_finds_its_record(tmp_path_factory, batch):
    store = Store(tmp_path_factory.mktemp("ids"))
    for record in batch:
        add(store, record)
    history = Store(store.data_dir).all_history()
    for record in (*history.legs, *history.cardio, *history.checkins, *history.skips):
        assert store.find(record_id(record)) == record or record_id(
            store.find(record_id(record))
        ) == record_id(record)  # (a 32-bit id may in principle be shared: then any match is fine)


def test_fields_for_each_kind_are_json_ready():
    legs = record_fields(LEGS)
    assert legs == {
        "id": record_id(LEGS),
        "kind": "legs",
        "date": "2026-11-16",
        "start": "18:00",
        "minutes": 60,
        "effort": 8,
        "exercises": ["back squat 5x5@100kg", "box jump 4x5"],
    }
    cardio = record_fields(CardioSession(NOV, "bike", 30, 3))
    assert cardio["start"] is None and cardio["modality"] == "bike" and cardio["kind"] == "cardio"
    checkin = record_fields(CheckIn(NOV, 6, 7.5, True, (("quads", 7), ("glutes", 5))))
    assert checkin["kind"] == "checkin" and checkin["start"] is None
    assert checkin["regions"] == {"quads": 7, "glutes": 5} and checkin["sleep_hours"] == 7.5
    assert checkin["pain"] is True
    skip = record_fields(Skip(NOV, "run"))
    assert skip == {
        "id": record_id(Skip(NOV, "run")),
        "kind": "skip",
        "date": "2026-11-16",
        "start": None,
        "modality": "run",
    }
    for fields in (legs, cardio, checkin, skip):
        assert json.loads(json.dumps(fields)) == fields


@given(records)
def test_fields_of_any_record(record):
    fields = record_fields(record)
    assert fields["kind"] == kind_of(record) and fields["id"] == record_id(record)
    assert fields["date"] == record.date.isoformat()
    json.dumps(fields)


def test_words_for_labels():
    assert describe(LEGS, NOV) == "legs Mon 16 Nov"
    assert describe(CardioSession(NOV, "bike", 30, 3), dt.date(2027, 1, 1)) == "bike Mon 16 Nov 2026"
    assert describe(CheckIn(NOV, 3), NOV) == "check-in Mon 16 Nov"
    assert describe(Skip(NOV, "run"), NOV) == "run Mon 16 Nov"
