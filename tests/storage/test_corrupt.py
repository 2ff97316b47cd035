"""Files legday cannot use: reported with path and line, never written over, the rest still readable."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from legday.core.model import CardioSession, CheckIn, LegSession, Profile, Skip
from legday.storage import CorruptFile, NewerSchema, StorageError, Store

OCT = dt.date(2026, 10, 5)
NOV = dt.date(2026, 11, 16)
DEC = dt.date(2026, 12, 7)


def three_months(tmp_path) -> Store:
    store = Store(tmp_path)
    for day in (OCT, NOV, DEC):
        store.add_cardio(CardioSession(day, "run", 30, 5))
    return store


def spoil(store: Store, day: dt.date, text: str) -> bytes:
    path = store.month_path(day.year, day.month)
    path.write_text(text)
    return path.read_bytes()


# Each case: file text, the line legday must point at, a word the message must contain.
CASES = {
    "bad-toml": (
        'schema = 1\ncardio = [\n    "2026-11-16 run 30min effort 5",\n    oops\n]\n',
        4,
        "not valid TOML",
    ),
    "unclosed-array": ('schema = 1\ncardio = [\n    "2026-11-16 run 30min effort 5",\n', 4, "not valid TOML"),
    "effort-out-of-range": (
        'schema = 1\ncardio = [\n    "2026-11-16 run 30min effort 5",\n'
        '    "2026-11-17 run 30min effort 12",\n]\n',
        4,
        "effort 12",
    ),
    "unreadable-line": (
        'schema = 1\ncheckin = [\n    "2026-11-16 soreness 3",\n    "2026-11-17 sore as anything",\n]\n',
        4,
        "cannot read check-in",
    ),
    "no-such-date": ('schema = 1\nskip = [\n    "2026-11-31 run",\n]\n', 3, "not a real date"),
    "wrong-type-in-table": (
        'schema = 1\n\n[[legs]]\ndate = 2026-11-16\nstart = 18:00:00\nminutes = "sixty"\neffort = 8\n',
        6,
        "not a whole number",
    ),
    "second-table-bad": (
        'schema = 1\n\n[[cardio]]\ndate = 2026-11-16\nmodality = "run"\nminutes = 30\n'
        'effort = 5\n\n[[cardio]]\ndate = 2026-11-17\nmodality = "run"\n'
        "minutes = 0\neffort = 5\n",
        9,
        "minutes 0",
    ),
    "unknown-key": (
        'schema = 1\n\n[[cardio]]\ndate = 2026-11-16\nmodality = "run"\nminutes = 30\n'
        'effort = 5\nnote = "felt good"\n',
        8,
        "unknown key 'note'",
    ),
    "date-in-wrong-month": (
        'schema = 1\ncardio = [\n    "2026-12-01 run 30min effort 5",\n]\n',
        3,
        "does not belong",
    ),
    "schema-not-a-number": ('schema = "one"\n', 1, "schema"),
    "not-utf8": (None, 2, "not UTF-8"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_corrupt_month_is_reported_with_line_and_never_written_over(tmp_path, case):
    text, line, words = CASES[case]
    store = three_months(tmp_path)
    path = store.month_path(NOV.year, NOV.month)
    if text is None:
        path.write_bytes(b'schema = 1\ncardio = ["2026-11-16 r\xffn 30min effort 5"]\n')
    else:
        path.write_text(text)
    before = path.read_bytes()

    reader = Store(tmp_path)
    # The other months stay readable; the bad one is skipped and listed.
    history = reader.history(OCT, DEC)
    assert [s.date for s in history.cardio] == [OCT, DEC]
    assert len(reader.problems) == 1
    problem = reader.problems[0]
    assert isinstance(problem, CorruptFile)
    assert (problem.path, problem.line) == (path, line)
    assert words in problem.message
    assert f"{path}:{line}:" in str(problem) and "\n" not in str(problem)
    assert len(reader.all_history().cardio) == 2

    # Adding to the bad month is refused; the file stays byte for byte as it was.
    with pytest.raises(CorruptFile) as raised:
        reader.add_cardio(CardioSession(NOV, "bike", 20, 3))
    assert raised.value.line == line
    with pytest.raises(CorruptFile):
        reader.set_checkin(CheckIn(NOV, 4))
    with pytest.raises(CorruptFile):
        reader.remove(CardioSession(NOV, "run", 30, 5))
    assert path.read_bytes() == before
    # Other months still take writes.
    reader.add_skip(Skip(DEC, "bike"))
    assert Store(tmp_path).history(DEC, DEC).skips == (Skip(DEC, "bike"),)


def test_problem_clears_once_the_file_is_fixed(tmp_path):
    store = three_months(tmp_path)
    spoil(store, NOV, "schema = 1\ncardio = [ nope ]\n")
    reader = Store(tmp_path)
    reader.history(NOV, NOV)
    reader.history(NOV, NOV)
    assert len(reader.problems) == 1  # reported once, not once per read
    spoil(store, NOV, 'schema = 1\ncardio = ["2026-11-16 run 30min effort 5"]\n')
    assert len(reader.history(NOV, NOV).cardio) == 1
    assert reader.problems == []


def test_missing_schema_is_reported(tmp_path):
    store = three_months(tmp_path)
    spoil(store, NOV, 'cardio = ["2026-11-16 run 30min effort 5"]\n')
    reader = Store(tmp_path)
    reader.history(NOV, NOV)
    assert "schema = 1" in reader.problems[0].message


def test_newer_month_is_refused_and_kept(tmp_path):
    store = three_months(tmp_path)
    before = spoil(store, NOV, 'schema = 2\ncardio = ["2026-11-16 run 30min effort 5"]\nnew = 1\n')
    reader = Store(tmp_path)
    assert [s.date for s in reader.history(OCT, DEC).cardio] == [OCT, DEC]
    problem = reader.problems[0]
    assert isinstance(problem, NewerSchema)
    assert (problem.found, problem.supported) == (2, 1)
    assert "newer legday" in str(problem) and "upgrade" in str(problem)
    with pytest.raises(NewerSchema):
        reader.add_legs(LegSession(NOV, dt.time(18, 0), 60, 8))
    assert store.month_path(2026, 11).read_bytes() == before


def test_corrupt_or_newer_profile_raises_and_is_not_replaced(tmp_path):
    store = Store(tmp_path)
    path = tmp_path / "profile.toml"
    path.write_text('schema = 1\ngoal = "strenght"\nlevel = "beginner"\n')
    before = path.read_bytes()
    with pytest.raises(CorruptFile) as raised:
        store.profile()
    assert raised.value.line == 2
    assert "unknown goal 'strenght'" in raised.value.message
    assert "accepted: endurance, strength" in raised.value.message
    assert store.problems and store.problems[0].path == path
    with pytest.raises(CorruptFile):
        store.save_profile(Profile())
    assert path.read_bytes() == before

    path.write_text("schema = 3\n")
    with pytest.raises(NewerSchema):
        Store(tmp_path).profile()
    with pytest.raises(NewerSchema):
        Store(tmp_path).save_profile(Profile())
    assert path.read_text() == "schema = 3\n"


def test_bad_profile_leg_day_points_at_its_line(tmp_path):
    (tmp_path / "profile.toml").write_text('schema = 1\ngoal = "power"\nleg_days = ["mon", "funday"]\n')
    with pytest.raises(CorruptFile) as raised:
        Store(tmp_path).profile()
    assert raised.value.line == 3
    assert "funday" in raised.value.message


def test_unreadable_month_is_skipped_with_a_message(tmp_path):
    store = three_months(tmp_path)
    path = store.month_path(NOV.year, NOV.month)
    path.unlink()
    path.mkdir()  # a folder where the file should be: reading it fails with an OSError
    reader = Store(tmp_path)
    assert [s.date for s in reader.history(OCT, DEC).cardio] == [OCT, DEC]
    problem = reader.problems[0]
    assert isinstance(problem, StorageError) and problem.path == path
    assert "cannot read" in str(problem)


# -- whatever is in the file, reading never crashes -------------------------------------------------


GOOD_MONTH = (
    "schema = 1\n"
    'legs = [\n    "2026-11-16 18:00 60min effort 8: back squat 5x5@100kg, box jump 4x5",\n]\n'
    'cardio = [\n    "2026-11-17 07:00 bike 30min effort 3",\n]\n'
    'checkin = [\n    "2026-11-17 soreness 6, sleep 7.5h, pain, quads 7",\n]\n'
    'skip = [\n    "2026-11-19 run",\n]\n'
    "\n[[legs]]\ndate = 2026-11-20\nstart = 18:00:00\nminutes = 45\neffort = 6\n"
    'exercises = [{ name = "sled push", sets = 4, reps = 1, load = 90.0 }]\n'
)
_edits = st.lists(
    st.tuples(
        st.integers(0, len(GOOD_MONTH)),
        st.integers(0, 3),
        st.sampled_from(
            [
                "",
                "9" * 5000,
                "[",
                "]",
                '"',
                "=",
                ",",
                "\n",
                "x",
                "-",
                ":",
                "é",
                "\\",
                "{",
                "}",
                "0",
                "99",
                "\x00",
                "'",
                "#",
                "[[legs]]\n",
            ]
        ),
    ),
    max_size=4,
)


@settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@example([(8, 0, "9" * 5000)])  # a number too long for int(): tomllib raises ValueError
@example([(GOOD_MONTH.index("60min"), 0, "9" * 5000)])  # and inside a one-line entry
@given(_edits)
def test_a_damaged_month_is_read_or_reported_never_a_crash(tmp_path, edits):
    text = GOOD_MONTH
    for at, cut, insert in edits:
        text = text[:at] + insert + text[at + cut :]
    store = Store(tmp_path)
    path = store.month_path(2026, 11)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    history = store.history(dt.date(2026, 11, 1), dt.date(2026, 11, 30))  # must not raise
    if store.problems:
        assert history.legs == () and store.problems[0].path == path
        assert "\n" not in str(store.problems[0])
    if store.problems:
        with pytest.raises(StorageError):
            store.add_skip(Skip(dt.date(2026, 11, 21), "bike"))
        assert path.read_text() == text  # a file it could not read is never written over
    else:
        store.add_skip(Skip(dt.date(2026, 11, 21), "bike"))
        assert (
            Skip(dt.date(2026, 11, 21), "bike")
            in Store(tmp_path).history(dt.date(2026, 11, 21), dt.date(2026, 11, 21)).skips
        )
