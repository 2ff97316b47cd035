"""Hand edits survive legday's writes: a comment a person writes in a month file is still there after
legday writes that file; the comment at the end of an entry's line goes with the entry (an edit keeps
it, a delete takes it into the undo step, undo brings it back); other shapes a person may write
([[legs]] tables, a list on one line, Windows line ends, a byte-order mark) are kept or read."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday.core.model import CardioSession, CheckIn, Exercise, LegSession, Skip
from legday.storage import Store, load_settings

README = Path(__file__).resolve().parents[2] / "README.md"
NOV = dt.date(2026, 11, 1)


def readme_month_file() -> str:
    """The month file the README shows under "Where your data lives", comments and all."""
    text = README.read_text(encoding="utf-8")
    start = text.index("A month file, one line per entry")
    block = re.search(r"```toml\n(.*?)```", text[start:], re.S)
    assert block is not None
    return block[1]


def month(store: Store) -> Path:
    path = store.month_path(2026, 11)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def comments(text: str) -> list[str]:
    return re.findall(r"#[^\n]*", text)


def records(store: Store) -> list:
    h = Store(store.data_dir).history(NOV, dt.date(2026, 11, 30))
    return [*h.legs, *h.cardio, *h.checkins, *h.skips]


def test_the_readmes_month_file_keeps_its_comments_through_every_change(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    original = readme_month_file()
    assert len(comments(original)) == 3
    path.write_text(original)
    bike = CardioSession(dt.date(2026, 11, 17), "bike", 30, 3, dt.time(7, 0))
    assert bike in records(store)

    store.add_cardio(CardioSession(dt.date(2026, 11, 18), "run", 30, 5))
    store.set_checkin(CheckIn(dt.date(2026, 11, 18), 3))
    store.add_skip(Skip(dt.date(2026, 11, 20), "bike"))
    store.add_legs(
        LegSession(dt.date(2026, 11, 19), dt.time(18, 0), 50, 7, (Exercise("leg press", 4, 10, 150.0),))
    )
    text = path.read_text()
    assert comments(text) == comments(original)
    for line in original.splitlines():
        assert line in text.splitlines()  # every line the person had is still there, as it was

    while store.undo() is not None:
        pass
    assert path.read_text() == original  # and undoing all of it gives their file back, byte for byte


def test_a_deleted_entry_takes_its_comment_to_the_undo_step_and_comes_back_with_it(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    original = readme_month_file()
    path.write_text(original)
    bike = CardioSession(dt.date(2026, 11, 17), "bike", 30, 3, dt.time(7, 0))
    store.remove(bike, label="delete")
    assert "the time is optional" not in path.read_text()
    assert comments(path.read_text()) == [c for c in comments(original) if "time is optional" not in c]
    step = sorted((tmp_path / "undo").glob("[0-9]*.toml"))[-1].read_text()
    assert '"2026-11-17 07:00 bike 30min effort 3",    # the time is optional' in step
    assert store.undo() == "delete"
    assert path.read_text() == original


def test_an_edit_keeps_the_entrys_comment_in_its_month_or_the_next(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    path.write_text(readme_month_file())
    bike = CardioSession(dt.date(2026, 11, 17), "bike", 30, 3, dt.time(7, 0))
    longer = dataclasses.replace(bike, minutes=45)
    store.replace(bike, longer)
    assert '"2026-11-17 07:00 bike 45min effort 3",    # the time is optional' in path.read_text()
    moved = dataclasses.replace(longer, date=dt.date(2026, 12, 2))
    store.replace(longer, moved)
    assert "# the time is optional" in store.month_path(2026, 12).read_text()
    assert "bike" not in path.read_text().split("checkin")[0]
    store.undo()
    store.undo()
    assert path.read_text() == readme_month_file()


def test_tables_written_by_hand_stay_tables_with_their_comments(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    original = (
        "# leg days, kept as tables\n"
        "schema = 1\n"
        "\n"
        "[[legs]]  # the heavy one\n"
        "date = 2026-11-16\n"
        "start = 18:00:00\n"
        "minutes = 60\n"
        "effort = 8\n"
        'exercises = ["back squat 5x5@100kg"]\n'
        "\n"
        "# next: a lighter one\n"
        "[[legs]]\n"
        "date = 2026-11-19\n"
        "start = 18:00:00\n"
        "minutes = 50\n"
        "effort = 7\n"
    )
    path.write_text(original)
    heavy = LegSession(dt.date(2026, 11, 16), dt.time(18, 0), 60, 8, (Exercise("back squat", 5, 5, 100.0),))
    added = LegSession(dt.date(2026, 11, 17), dt.time(7, 0), 30, 5, (Exercise("goblet squat", 3, 10, 20.0),))
    store.add_legs(added)
    text = path.read_text()
    assert text.count("[[legs]]") == 3 and "legs = [" not in text
    assert comments(text) == comments(original)
    assert records(store)[:3] == [heavy, added, records(store)[2]]
    store.remove(heavy, label="delete")
    assert "the heavy one" not in path.read_text()
    store.undo()
    store.undo()
    assert path.read_text() == original


def test_a_list_on_one_line_is_opened_out_with_its_comment_kept(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    path.write_text(
        'schema = 1\nskip = ["2026-11-19 run", "2026-11-20 bike"]  # two skipped\ncardio = [] # none yet\n'
    )
    store.add_skip(Skip(dt.date(2026, 11, 21), "swim"))
    store.add_cardio(CardioSession(dt.date(2026, 11, 2), "run", 30, 4))
    text = path.read_text()
    assert "# two skipped" in text and "# none yet" in text
    assert [r.modality for r in records(store) if isinstance(r, Skip)] == ["run", "bike", "swim"]
    assert tomllib.loads(text)["cardio"] == ["2026-11-02 run 30min effort 4"]


def test_windows_line_ends_and_a_byte_order_mark_are_read_and_kept_or_dropped(tmp_path):
    """Notepad saves UTF-8 with a byte-order mark and CRLF line ends. legday reads the file, keeps
    the line ends and the comments, and writes it without the mark (which other TOML readers refuse)."""
    store = Store(tmp_path)
    path = month(store)
    text = readme_month_file().replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())
    assert len(records(store)) == 4 and not Store(tmp_path).problems
    store.add_cardio(CardioSession(dt.date(2026, 11, 18), "run", 30, 5))
    data = path.read_bytes()
    assert (
        not data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    )
    assert comments(data.decode()) == comments(text)
    tomllib.loads(data.decode())


def test_a_byte_order_mark_in_the_profile_and_settings_is_read(tmp_path):
    (tmp_path / "profile.toml").write_bytes(b'\xef\xbb\xbfschema = 1\ngoal = "power"\n')
    assert Store(tmp_path).profile().goal.value == "power"
    (tmp_path / "settings.toml").write_bytes(b'\xef\xbb\xbfschema = 1\ntheme = "legday-light"\n')
    problems: list = []
    assert load_settings(tmp_path, problems).theme == "legday-light" and problems == []


def test_a_shape_the_editor_cannot_follow_still_gets_the_records_right(tmp_path):
    store = Store(tmp_path)
    path = month(store)
    path.write_text(
        'schema = 1\n# two on a line\ncardio = [\n    "2026-11-02 run 30min effort 4", "2026-11-03 bike 20min effort 3",\n]\n'
    )
    store.add_cardio(CardioSession(dt.date(2026, 11, 4), "swim", 25, 3))
    assert [r.modality for r in records(store)] == ["run", "bike", "swim"]
    assert "# two on a line" in path.read_text()  # outside the list: kept


# -- any file a person might have commented, any change ------------------------------------------------

days = st.integers(1, 30).map(lambda d: dt.date(2026, 11, d))
sessions = st.one_of(
    st.builds(
        CardioSession,
        days,
        st.sampled_from(["run", "bike", "swim", "row, easy", 'the "long" one']),
        st.integers(1, 120),
        st.integers(0, 10),
        st.none() | st.sampled_from([dt.time(7, 0), dt.time(18, 30), dt.time(6, 5, 30)]),
    ),
    st.builds(Skip, days, st.sampled_from(["run", "bike"])),
    st.builds(CheckIn, days, st.integers(0, 10), st.none() | st.sampled_from([7.5, 8.0])),
    # (one line each: a leg session that needs the table form spans lines, see the test above)
    st.builds(
        LegSession,
        days,
        st.sampled_from([dt.time(18, 0), dt.time(7, 15)]),
        st.integers(20, 90),
        st.integers(5, 9),
        st.lists(
            st.builds(
                Exercise, st.sampled_from(["back squat", "lunge"]), st.integers(1, 5), st.integers(1, 12)
            ),
            max_size=2,
        ).map(tuple),
    ),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    start=st.lists(sessions, min_size=1, max_size=8),
    marks=st.lists(st.booleans(), min_size=30, max_size=30),
    changes=st.lists(st.tuples(st.booleans(), sessions, st.integers(0, 20)), max_size=6),
)
def test_comments_survive_any_change_and_the_records_are_always_right(
    no_fsync, tmp_path_factory, start, marks, changes
):
    store = Store(tmp_path_factory.mktemp("hand"))
    store.add_many(start)
    path = store.month_path(2026, 11)
    # A person comments the file: a note above some entries, a comment at the end of others.
    lines, free, tagged = [], [], {}
    for n, line in enumerate(path.read_text().splitlines()):
        entry = line.startswith("    ") and line.rstrip().endswith(",")
        if entry and marks[n % 30]:
            free.append(f"# note {n}")
            lines.append(free[-1])
        if entry and marks[(n + 7) % 30]:
            tagged[n] = f"tag {n}"
            line += f"  # {tagged[n]}"
        lines.append(line)
    path.write_text("# my log\n" + "\n".join(lines) + "\n")
    expected = records(store)
    steps_before = len(store.undo_labels(limit=100))
    for remove, record, pick in changes:
        if remove and expected:
            target = expected[pick % len(expected)]
            store.remove(target)
            expected.remove(target)
        elif isinstance(record, CheckIn):
            store.set_checkin(record)
            expected = [r for r in expected if not (isinstance(r, CheckIn) and r.date == record.date)]
            expected.append(record)
        else:
            store.add_many([record])  # (stored once: one already there is left as it is)
            if record not in expected:
                expected.append(record)
        text = path.read_text() if path.exists() else ""
        assert sorted(map(repr, records(store))) == sorted(map(repr, expected))
        for note in ["# my log", *free]:
            assert note in text
    while len(store.undo_labels(limit=100)) > steps_before:  # every change undone, newest first
        store.undo()
    text = path.read_text()
    for note in ["# my log", *free, *(f"# {t}" for t in tagged.values())]:
        assert note in text, (note, text)


def test_an_entry_over_several_lines_is_taken_out_and_put_back_whole(tmp_path):
    """A leg session whose exercise has a comma in its name is written as a table, its exercises
    over several lines: the editor takes it out and puts it back whole."""
    store = Store(tmp_path)
    odd = LegSession(dt.date(2026, 11, 16), dt.time(18, 0, 5), 60, 8, (Exercise("lunge, walking", 3, 12),))
    store.add_legs(odd)
    path = month(store)
    path.write_text("# mine\n" + path.read_text())
    assert path.read_text().count("\n") > 5  # it spans lines
    store.add_cardio(CardioSession(dt.date(2026, 11, 17), "run", 30, 4))
    store.remove(odd)
    assert [type(r) for r in records(store)] == [CardioSession] and "# mine" in path.read_text()
    store.undo()
    assert odd in records(store) and "# mine" in path.read_text()


def test_a_plain_file_is_still_written_afresh(tmp_path):
    """legday's own shape, no comments: the fast path (the file is written from the records)."""
    store = Store(tmp_path)
    store.add_cardio(CardioSession(dt.date(2026, 11, 2), "run", 30, 4))
    store.add_cardio(CardioSession(dt.date(2026, 11, 1), "bike", 20, 3))
    assert month(store).read_text() == (
        'schema = 1\ncardio = [\n    "2026-11-01 bike 20min effort 3",\n    "2026-11-02 run 30min effort 4",\n]\n'
    )
