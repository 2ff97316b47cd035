"""Any bytes give either an import or one clear error line: every import format fuzzed with hypothesis,
from random bytes, from damaged copies of the fixtures, from CSV rows of awkward cells in each
layout, from JSON of any shape, and from FIT files damaged behind a correct checksum (so the decoder
itself, not only the CRC check, meets them). Each case runs under a timeout: a hang fails it."""

from __future__ import annotations

import contextlib
import json
import signal
import string
import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.transfer import FORMATS, plan_import, read, summary
from legday.transfer.merge import bad_row_lines

from .conftest import FIXTURES

CASE_SECONDS = 10
FUZZ = settings(
    max_examples=120,
    deadline=None,  # the machine is shared: the timeout below catches hangs, not slow runs
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
SOURCES = sorted(p.name for p in FIXTURES.iterdir() if p.suffix == ".csv")


@contextlib.contextmanager
def timeout(seconds: int = CASE_SECONDS):
    """Fail a case that takes longer than ``seconds`` (a hang), where the system has SIGALRM."""
    if not hasattr(signal, "SIGALRM"):
        yield
        return

    def expired(signum, frame):
        raise TimeoutError(f"an import case took over {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def import_or_one_line(data: bytes, name: str, fmt: str | None = None, **options) -> None:
    """Read, plan and summarise ``data``; a refusal must be one line naming the file."""
    with timeout():
        try:
            parsed = read(data, name, fmt, options.pop("units", "kg"), **options)
        except InputError as error:
            message = str(error)
            assert message and "\n" not in message and "\r" not in message, repr(message)
            assert len(message) < 1000, message
            return
        plan = plan_import(parsed, [])
        text = summary(name, plan)
        assert "\n" not in text
        for line in bad_row_lines(name, plan):
            assert "\n" not in line


@FUZZ
@given(data=st.binary(max_size=2000), fmt=st.sampled_from([None, *FORMATS]))
def test_random_bytes(data, fmt):
    import_or_one_line(data, "x.csv", fmt)


@FUZZ
@given(
    source=st.sampled_from(SOURCES),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 8), st.binary(max_size=8)), min_size=1, max_size=6
    ),
    skip=st.booleans(),
)
def test_damaged_fixtures(source, edits, skip):
    """Cut, spliced and overwritten copies of each fixture export."""
    data = bytearray((FIXTURES / source).read_bytes())
    for at, cut, insert in edits:
        i = int(at * len(data))
        data[i : i + cut] = insert
    import_or_one_line(bytes(data), source, skip_bad_rows=skip)


AWKWARD = st.sampled_from(
    [
        "",
        "0",
        "5",
        "100.5",
        "-1",
        "1e999",
        "nan",
        "inf",
        "1_0",
        "١٢",
        "１２",
        "9" * 400,
        "W",
        "WARM_UP",
        "DROP_SET",
        "Rest Timer",
        "Ruhezeit",
        "kg",
        "lbs",
        "1h 7m",
        "216h 1m",
        "0:30:00",
        "2024-02-30 10:00:00",
        "2024-01-15 6:30:00\u202fpm",
        "9 Sep 2025, 06:46",
        "0001-01-01 00:00:00",
        "9999-12-31 23:59:59",
        "Squat (Barbell)",
        "Jump Rope",
        "Running",
        "\x1b]0;title\x07",
        '=HYPERLINK("x")',
        "a,b",
        'quote"inside',
        "line\nbreak",
    ]
)
CELL = st.one_of(AWKWARD, st.text(alphabet=string.printable, max_size=12))
HEADERS = [
    "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;Distance Unit;Seconds;Notes;Workout Notes",
    "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,Workout Notes,RPE",
    '"Workout #";"Date";"Workout Name";"Duration (sec)";"Exercise Name";"Set Order";"Weight (kg)";"Reps";"RPE";"Distance (meters)";"Seconds";"Notes";"Workout Notes"',
    "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes",
    "Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,RPE",
    '"title","start_time","end_time","description","exercise_title","superset_id","exercise_notes","set_index","set_type","weight_kg","reps","distance_km","duration_seconds","rpe"',
    "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time",
    "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time",
]


def _quote(cell: str, sep: str) -> str:
    if any(c in cell for c in (sep, '"', "\n", "\r")):
        return '"' + cell.replace('"', '""') + '"'
    return cell


@FUZZ
@given(
    header=st.sampled_from(HEADERS),
    rows=st.lists(st.lists(CELL, min_size=1, max_size=16), max_size=8),
    skip=st.booleans(),
    units=st.sampled_from([None, "kg", "lb"]),
)
def test_csv_rows_of_awkward_cells_in_every_layout(header, rows, skip, units):
    sep = ";" if header.count(";") > header.count(",") else ","
    width = len(header.split(sep))
    lines = [header]
    for cells in rows:
        cells = (cells * width)[:width] if len(cells) < width and len(cells) > width // 2 else cells
        lines.append(sep.join(_quote(c, sep) for c in cells))
    import_or_one_line(("\n".join(lines) + "\n").encode(), "export.csv", units=units, skip_bad_rows=skip)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
RECORD = st.fixed_dictionaries(
    {"kind": st.sampled_from(["legs", "cardio", "checkin", "skip", "other"])},
    optional={
        "date": st.one_of(
            st.sampled_from(["2026-11-16", "2026-02-30", "9999-12-31", "20261116"]), JSON_VALUES
        ),
        "start": st.one_of(st.sampled_from(["18:00", "07:00+02:00", "25:00", "18:00:00.5"]), JSON_VALUES),
        "minutes": st.one_of(st.integers(-5, 700), JSON_VALUES),
        "effort": st.one_of(st.integers(-1, 11), JSON_VALUES),
        "modality": st.one_of(st.sampled_from(["bike", "run", "x" * 60, "bike\x1b[2J"]), JSON_VALUES),
        "exercises": JSON_VALUES,
        "soreness": st.one_of(st.integers(-1, 11), JSON_VALUES),
        "sleep_hours": JSON_VALUES,
        "pain": JSON_VALUES,
        "regions": JSON_VALUES,
    },
)


@FUZZ
@given(
    records=st.lists(RECORD, max_size=6),
    profile=st.one_of(
        st.none(),
        JSON_VALUES,
        st.dictionaries(
            st.sampled_from(
                ["goal", "units", "leg_days", "modalities", "leg_time", "injury_prone", "event_date"]
            ),
            JSON_VALUES,
        ),
    ),
    version=st.one_of(st.just(1), JSON_VALUES),
    skip=st.booleans(),
)
def test_json_of_any_shape(records, profile, version, skip):
    data = json.dumps({"legday_export": version, "profile": profile, "records": records}, indent=1)
    import_or_one_line(data.encode(), "backup.json", "json", skip_bad_rows=skip)


def _reseal(body: bytes) -> bytes:
    """A FIT file with a correct header and file CRC around ``body`` (its data records)."""
    from .fitfile import crc

    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(body), b".FIT")
    header += struct.pack("<H", crc(header))
    data = header + body
    return data + struct.pack("<H", crc(data))


@pytest.fixture(scope="module")
def fit_bodies() -> list[bytes]:
    import datetime as dt

    from .fitfile import cardio_activity, multisport_activity, strength_activity

    start = dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
    files = [
        strength_activity(
            start, [((8, 28, 65534), 5, 100, True, (0, 2, 0xFFFF)), (0, 8, 80, True)], minutes=50, rpe=70
        ),
        cardio_activity(start, sport=1, minutes=30, avg_hr=150, max_hr=180, utc_offset_hours=2),
        multisport_activity(start, [(5, 0, 30), (3, 0, 2), (2, 0, 60)]),
    ]
    return [f[14:-2] for f in files]


@FUZZ
@given(
    which=st.integers(0, 2),
    edits=st.lists(
        st.tuples(st.floats(0, 1), st.integers(0, 4), st.binary(max_size=4)), min_size=1, max_size=4
    ),
)
def test_fit_files_damaged_behind_a_correct_checksum(fit_bodies, which, edits):
    pytest.importorskip("fitdecode")
    body = bytearray(fit_bodies[which])
    for at, cut, insert in edits:
        i = int(at * len(body))
        body[i : i + cut] = insert
    import_or_one_line(_reseal(bytes(body)), "activity.fit", "fit")
