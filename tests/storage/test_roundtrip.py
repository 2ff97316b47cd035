"""What is saved reads back equal, in the files the README describes, touching only what it must."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tempfile
import tomllib
from collections import Counter
from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.core.model import (
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    LegSession,
    Level,
    Profile,
    Skip,
)
from legday.storage import Store, codec
from legday.storage import commit as commit_module
from legday.storage import reading as reading_module
from tests.storage import records as rs

# The fixtures used with @given (no_fsync) hold for the whole test, not per example: that is intended.
SETTINGS = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[
        HealthCheck.too_slow,
        HealthCheck.data_too_large,
        HealthCheck.function_scoped_fixture,
    ],
)

NOV = dt.date(2026, 11, 16)
SQUAT_DAY = (
    Exercise("back squat", 5, 5, 100.0),
    Exercise("romanian deadlift", 3, 8, 82.5),
    Exercise("box jump", 4, 5),
)


def month_text(store: Store, day: dt.date) -> str:
    return store.month_path(day.year, day.month).read_text()


# -- each record type ---------------------------------------------------------------------------------


def test_leg_session_round_trips_as_one_readable_line(tmp_path):
    store = Store(tmp_path)
    session = LegSession(NOV, dt.time(18, 0), 60, 8, SQUAT_DAY)
    store.add_legs(session)

    assert Store(tmp_path).history(NOV, NOV).legs == (session,)
    text = month_text(store, NOV)
    assert (
        '"2026-11-16 18:00 60min effort 8: back squat 5x5@100kg, romanian deadlift 3x8@82.5kg, '
        'box jump 4x5"' in text
    )
    assert tomllib.loads(text)["schema"] == 1


def test_cardio_checkin_and_skip_round_trip(tmp_path):
    store = Store(tmp_path)
    bike = CardioSession(NOV, "bike", 30, 3, dt.time(7, 0))
    walk = CardioSession(NOV, "walk", 45, 2)  # no start time
    sore = CheckIn(NOV, 6, sleep_hours=7.5, pain=True, regions=(("quads", 7), ("glutes", 5)))
    skip = Skip(NOV, "run")
    store.add_cardio(bike)
    store.add_cardio(walk)
    store.set_checkin(sore)
    store.add_skip(skip)

    history = Store(tmp_path).history(NOV, NOV)
    assert history.cardio == (walk, bike)  # by start time, no time first
    assert history.checkins == (sore,)
    assert history.skips == (skip,)
    assert history.checkin(NOV) == sore
    text = month_text(store, NOV)
    assert '"2026-11-16 07:00 bike 30min effort 3"' in text
    assert '"2026-11-16 soreness 6, sleep 7.5h, pain, quads 7, glutes 5"' in text
    assert '"2026-11-16 run"' in text


@pytest.mark.parametrize(
    "record",
    [
        # A comma inside an exercise name would split the one-line form: written as a table.
        LegSession(NOV, dt.time(18, 0), 60, 8, (Exercise("squat, high bar", 5, 5, 100.0),)),
        # Seconds in the start time.
        LegSession(NOV, dt.time(18, 0, 30), 60, 8, SQUAT_DAY),
        # A bodyweight exercise counted in lb, a load with many decimals, capitals in a name.
        LegSession(
            NOV,
            dt.time(6, 5),
            45,
            6,
            (Exercise("box jump", 4, 5, None, "lb"), Exercise("Leg Press", 3, 10, 81.123456789)),
        ),
        CardioSession(NOV, "  stair climber", 20, 6),
        CardioSession(NOV, "run #fast", 20, 6, dt.time(6, 0, 0, 1)),
        CheckIn(NOV, 0, sleep_hours=7.123456789),
        Skip(NOV, ""),
        Skip(NOV, 'a "quoted" \\ name'),
    ],
    ids=[
        "comma-name",
        "seconds",
        "lb-bodyweight",
        "padded-modality",
        "hash-modality-microseconds",
        "long-float",
        "empty-skip",
        "quotes",
    ],
)
def test_records_that_cannot_be_one_line_still_round_trip(tmp_path, record):
    store = Store(tmp_path)
    rs.add(store, record)
    history = Store(tmp_path).history(NOV, NOV)
    assert record in history.legs + history.cardio + history.checkins + history.skips
    # And the file is still plain TOML a person (and tomllib) can read.
    tomllib.loads(month_text(store, NOV))


def test_profile_round_trip_and_first_run(tmp_path):
    store = Store(tmp_path)
    assert store.profile() is None
    profile = Profile(Goal.HYBRID, Level.ADVANCED, True, (1, 4, 6), dt.date(2027, 5, 1), "lb", dt.time(6, 30))
    store.save_profile(profile)
    assert Store(tmp_path).profile() == profile
    saved = tomllib.loads((tmp_path / "profile.toml").read_text())
    assert saved["schema"] == 1
    assert saved["leg_days"] == ["tue", "fri", "sun"]
    assert saved["goal"] == "hybrid"


def test_set_checkin_replaces_that_days_checkin_only(tmp_path):
    store = Store(tmp_path)
    store.set_checkin(CheckIn(NOV, 5))
    store.set_checkin(CheckIn(NOV + dt.timedelta(days=1), 3))
    store.set_checkin(CheckIn(NOV, 7, sleep_hours=6.0))
    checkins = Store(tmp_path).history(NOV, NOV + dt.timedelta(days=1)).checkins
    assert checkins == (CheckIn(NOV, 7, sleep_hours=6.0), CheckIn(NOV + dt.timedelta(days=1), 3))


def test_adds_append_and_skips_are_recorded_once(tmp_path):
    store = Store(tmp_path)
    session = CardioSession(NOV, "run", 30, 5)
    store.add_cardio(session)
    store.add_cardio(dataclasses.replace(session, start=dt.time(7, 0)))  # twice in a day: two runs
    store.add_cardio(dataclasses.replace(session, start=dt.time(18, 0)))
    store.add_skip(Skip(NOV, "bike"))
    store.add_skip(Skip(NOV, "bike"))
    history = Store(tmp_path).history(NOV, NOV)
    assert len(history.cardio) == 3
    assert history.skips == (Skip(NOV, "bike"),)


def test_remove_takes_out_one_record(tmp_path):
    store = Store(tmp_path)
    store.add_skip(Skip(NOV, "bike"))
    store.add_cardio(CardioSession(NOV, "run", 30, 5))
    assert store.remove(Skip(NOV, "bike")) is True
    assert store.remove(Skip(NOV, "bike")) is False
    history = Store(tmp_path).history(NOV, NOV)
    assert history.skips == ()
    assert len(history.cardio) == 1


def test_history_window_bounds_are_inclusive_and_span_months(tmp_path):
    store = Store(tmp_path)
    days = [dt.date(2026, 10, 31), dt.date(2026, 11, 1), dt.date(2026, 11, 30), dt.date(2026, 12, 1)]
    for day in days:
        store.add_cardio(CardioSession(day, "run", 30, 5))
    got = Store(tmp_path).history(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert [s.date for s in got.cardio] == days[1:3]
    got = Store(tmp_path).history(dt.date(2026, 10, 31), dt.date(2026, 12, 1))
    assert [s.date for s in got.cardio] == days
    assert Store(tmp_path).history(NOV, NOV - dt.timedelta(days=1)).cardio == ()


def test_history_reads_only_the_months_it_needs(tmp_path, monkeypatch):
    store = Store(tmp_path)
    for month in range(1, 13):
        store.add_cardio(CardioSession(dt.date(2025, month, 10), "run", 30, 5))
    read: list[Path] = []
    real = reading_module.read_bytes
    monkeypatch.setattr(reading_module, "read_bytes", lambda p, *known: read.append(p) or real(p, *known))

    week = Store(tmp_path).history(dt.date(2025, 6, 28), dt.date(2025, 7, 4))
    assert len(week.cardio) == 0
    assert read == [store.month_path(2025, 6), store.month_path(2025, 7)]


def test_asking_again_reads_no_unchanged_file_and_sees_a_changed_one(tmp_path, monkeypatch):
    store = Store(tmp_path)
    store.add_cardio(CardioSession(dt.date(2025, 6, 10), "run", 30, 5))
    reader = Store(tmp_path)
    first = reader.history(dt.date(2025, 6, 1), dt.date(2025, 6, 30))
    contents: list[bytes | None] = []
    real = reading_module.read_bytes
    monkeypatch.setattr(
        reading_module,
        "read_bytes",
        lambda p, *known: contents.append((got := real(p, *known)) and got[0]) or got,
    )
    assert reader.history(dt.date(2025, 6, 1), dt.date(2025, 6, 30)) == first
    assert contents == [None]  # the file was looked at, not read: its parsed copy is current
    store.add_cardio(CardioSession(dt.date(2025, 6, 11), "bike", 20, 3))
    assert len(reader.history(dt.date(2025, 6, 1), dt.date(2025, 6, 30)).cardio) == 2
    assert contents[-1] is not None


def test_store_constructor_reads_and_creates_nothing(tmp_path, monkeypatch):
    calls = []
    for module in (reading_module, commit_module):
        monkeypatch.setattr(module, "read_bytes", lambda p: calls.append(p))
    data_dir = tmp_path / "not-yet"
    Store(data_dir)
    assert calls == []
    assert not data_dir.exists()


def test_one_save_rewrites_only_its_month(tmp_path, monkeypatch):
    store = Store(tmp_path)
    for year in (2024, 2025):
        for month in range(1, 13):
            store.add_cardio(CardioSession(dt.date(year, month, 3), "bike", 30, 3))
    before = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.toml")}
    written = []
    real = commit_module.atomic_write
    monkeypatch.setattr(commit_module, "atomic_write", lambda p, d: written.append(p) or real(p, d))

    Store(tmp_path).add_cardio(CardioSession(dt.date(2025, 3, 4), "run", 30, 5))
    assert written == [store.month_path(2025, 3)]
    after = {p: p.stat().st_mtime_ns for p in tmp_path.rglob("*.toml")}
    changed = [p for p in before if before[p] != after[p]]
    assert changed == [store.month_path(2025, 3)]


def test_all_history_and_exercise_names(tmp_path):
    store = Store(tmp_path)
    store.add_legs(LegSession(dt.date(2024, 1, 8), dt.time(18, 0), 60, 7, (Exercise("hack squat", 3, 8),)))
    for month in (9, 10, 11):
        store.add_legs(LegSession(dt.date(2026, month, 2), dt.time(18, 0), 60, 7, SQUAT_DAY))
    store.add_legs(
        LegSession(
            dt.date(2026, 11, 5),
            dt.time(18, 0),
            60,
            7,
            (Exercise("back squat", 3, 3, 120.0), Exercise("step-up", 3, 10)),
        )
    )
    everything = Store(tmp_path).all_history()
    assert [s.date for s in everything.legs] == [
        dt.date(2024, 1, 8),
        dt.date(2026, 9, 2),
        dt.date(2026, 10, 2),
        dt.date(2026, 11, 2),
        dt.date(2026, 11, 5),
    ]
    # Most used first; the 2024 month is outside the newest 3 month files.
    names = Store(tmp_path).exercise_names(months=3)
    assert names == ["back squat", "box jump", "romanian deadlift", "step-up"]
    assert "hack squat" in Store(tmp_path).exercise_names(months=12)


def test_files_outside_the_layout_are_ignored(tmp_path):
    store = Store(tmp_path)
    store.add_cardio(CardioSession(NOV, "run", 30, 5))
    (tmp_path / "log" / "2026" / "notes.txt").write_text("not a month")
    (tmp_path / "log" / "2026" / "2025-01.toml").write_text("garbage [")  # wrong year folder
    (tmp_path / "log" / "misc").mkdir()
    store = Store(tmp_path)
    assert len(store.all_history().cardio) == 1
    assert store.problems == []


def test_model_valid_but_unstorable_values_are_refused_before_writing(tmp_path):
    store = Store(tmp_path)
    with pytest.raises(InputError, match="minutes"):
        store.add_cardio(CardioSession(NOV, "run", 30.5, 5))  # the model lets a float through
    with pytest.raises(InputError, match="region"):
        store.set_checkin(CheckIn(NOV, 3, regions=(("quads", 3), ("quads", 4))))
    assert not (tmp_path / "log").exists()


def test_readme_examples_are_what_the_store_reads(tmp_path):
    readme = (Path(__file__).parents[2] / "README.md").read_text()
    section = readme.split("## Where your data lives", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```toml\n(.*?)```", section, re.S)
    profile_text = next(b for b in blocks if "goal" in b)
    month = next(b for b in blocks if "legs = [" in b)
    (tmp_path / "profile.toml").write_text(profile_text)
    path = Store(tmp_path).month_path(2026, 11)
    path.parent.mkdir(parents=True)
    path.write_text(month)

    store = Store(tmp_path)
    assert store.profile().goal is Goal.STRENGTH
    history = store.history(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert store.problems == []
    assert len(history.legs[0].exercises) == 3
    assert history.checkin(dt.date(2026, 11, 17)).regions == (("quads", 7), ("glutes", 5))
    assert [len(history.legs), len(history.cardio), len(history.checkins), len(history.skips)] == [1, 1, 1, 1]


def test_hand_written_tables_and_command_line_spellings_are_read(tmp_path):
    path = Store(tmp_path).month_path(2026, 11)
    path.parent.mkdir(parents=True)
    path.write_text(
        "schema = 1\n"
        'cardio = ["2026-11-02 7:05 Rowing 20 min effort 4"]\n'
        "[[legs]]\n"
        "date = 2026-11-03\n"
        "start = 18:00:00\n"
        "minutes = 50\n"
        "effort = 7\n"
        'exercises = ["Front Squat 5 x 3 @ 90,5 kgs", {name = "sled push", sets = 4, reps = 1}]\n'
    )
    history = Store(tmp_path).history(dt.date(2026, 11, 1), dt.date(2026, 11, 30))
    assert history.cardio == (CardioSession(dt.date(2026, 11, 2), "Rowing", 20, 4, dt.time(7, 5)),)
    assert history.legs[0].exercises == (Exercise("front squat", 5, 3, 90.5), Exercise("sled push", 4, 1))


# -- properties -------------------------------------------------------------------------------------


def expected(written: list) -> Counter:
    """What should be on disk after saving ``written`` in order: check-ins replace by date, anything
    else is recorded once (the same session logged again is refused, a skip again changes nothing)."""
    out: list = []
    for record in written:
        if isinstance(record, CheckIn):
            out = [r for r in out if not (isinstance(r, CheckIn) and r.date == record.date)]
        elif record in out:
            continue
        out.append(record)
    return Counter(out)


@SETTINGS
@given(st.lists(rs.records, min_size=1, max_size=8))
def test_anything_valid_written_reads_back_equal(no_fsync, tmp_path, written):
    # A new folder per example, removed with tmp_path afterwards (removing folders is slow here).
    data_dir = Path(tempfile.mkdtemp(dir=tmp_path))
    store = Store(data_dir)
    for record in written:
        rs.add(store, record)
    fresh = Store(data_dir)
    first = min(r.date for r in written)
    last = max(r.date for r in written)
    for history in (fresh.history(first, last), fresh.all_history()):
        got = Counter(history.legs + history.cardio + history.checkins + history.skips)
        assert got == expected(written)
    assert fresh.problems == []
    for path in data_dir.rglob("*.toml"):
        tomllib.loads(path.read_text())  # every file stays valid TOML


@SETTINGS
@given(rs.profiles)
def test_any_valid_profile_reads_back_equal(no_fsync, tmp_path, profile):
    data_dir = Path(tempfile.mkdtemp(dir=tmp_path))
    Store(data_dir).save_profile(profile)
    assert Store(data_dir).profile() == profile


_month_lines = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(["x", "a\\b", 'say "hi"', "\t", "\x7f", "ä", "\u2028", "\r", "\x00"]),
    ),
    max_size=5,
)


@settings(max_examples=250, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["schema", *codec.KINDS, "other"]),
        st.one_of(st.integers(-2, 3), _month_lines),
        max_size=5,
    )
)
def test_fast_reader_agrees_with_tomllib_on_written_files(data):
    """The fast path for month files must read exactly what tomllib reads, or decline."""
    text = tomli_w.dumps(data)
    fast = codec.fast_month(text)
    assert fast is None or fast == tomllib.loads(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "schema = 1",
                "schema = 01",
                "schema = 2",
                "legs = [",
                "cardio = [",
                "]",
                "",
                '    "2026-11-16 run",',
                '    "a\\"b",',
                "    'lit',",
                '    "x", # c',
                '    "\t",',
                "# comment",
                "legs = []",
                '  "x",',
                "\r",
            ]
        ),
        max_size=10,
    ).map("\n".join)
)
def test_fast_reader_never_accepts_what_tomllib_reads_differently(text):
    fast = codec.fast_month(text)
    if fast is not None:
        assert fast == tomllib.loads(text)


@settings(SETTINGS, max_examples=60)
@given(st.lists(rs.records, min_size=1, max_size=12))
def test_add_many_saves_the_same_as_one_by_one(no_fsync, tmp_path, written):
    one_by_one = Store(Path(tempfile.mkdtemp(dir=tmp_path)))
    for record in written:
        rs.add(one_by_one, record)
    at_once = Store(Path(tempfile.mkdtemp(dir=tmp_path)))
    at_once.add_many(written)
    a, b = Store(one_by_one.data_dir).all_history(), Store(at_once.data_dir).all_history()
    assert Counter(a.legs + a.cardio + a.checkins + a.skips) == Counter(
        b.legs + b.cardio + b.checkins + b.skips
    )
    assert Counter(b.legs + b.cardio + b.checkins + b.skips) == expected(written)
