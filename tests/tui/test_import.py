"""The palette's "data: import" (Pilot): a path field, the same import as `legday import` through the
journal (all or nothing, one undo step), the same summary line, and one clear line for a bad file
with nothing written. The file is read in a worker thread: the box shows the rows read, Escape
cancels, and the app answers keys meanwhile. Units and "Skip bad rows" are the command line's
--units and --skip-bad-rows. The app starts on an empty log (a profile only) on Thursday 19
November 2026. Paths are set on the field directly (typing one key by key costs seconds a test)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from legday.storage import Store
from legday.transfer import Cancelled, native
from legday.tui.app import build_app
from tests.fixtures import TODAY, TYPICAL_PROFILE, fixed_clock, write_typical_week
from tests.tui.conftest import record_notices

SIZE = (100, 30)
FIXTURES = Path(__file__).resolve().parents[1] / "transfer" / "fixtures"


def messages(app) -> list[str]:
    return list(app.notices)  # every notification shown (tests/tui/conftest.py: record_notices)


@pytest.fixture
def backup(tmp_path) -> Path:
    """legday's own JSON export of the typical week (two weeks of legs, cardio and check-ins)."""
    source = tmp_path / "elsewhere"
    write_typical_week(source)
    store = Store(source)
    history = store.all_history()
    path = tmp_path / "backup.json"
    path.write_text(
        native.dumps(store.profile(), [*history.legs, *history.cardio, *history.checkins, *history.skips])
    )
    return path


@pytest.fixture
def empty_app(tmp_path):
    data = tmp_path / "data"
    Store(data).save_profile(TYPICAL_PROFILE)  # not a first run: no welcome screen
    return record_notices(build_app(data, tmp_path / "config", fixed_clock, steady=True))


async def open_import(pilot) -> None:
    from legday.tui.screens.import_file import ImportScreen

    await pilot.press("ctrl+p", *"data: import")
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()
    assert isinstance(pilot.app.screen, ImportScreen)


async def finish(pilot) -> None:
    """Wait for the box's reading worker to end (it runs in a thread)."""
    from legday.tui.screens.import_file import ImportScreen

    for _ in range(400):
        screen = pilot.app.screen
        if not isinstance(screen, ImportScreen) or not screen.importing:
            break
        await pilot.pause(0.05)
    await pilot.pause()


async def import_path(pilot, path, *, units: str = "", skip: bool = False) -> None:
    """Fill the box and press Enter, then wait for the import."""
    screen = pilot.app.screen
    screen.query_one("#file").input.value = str(path)
    screen.query_one("#units").input.value = units
    screen.query_one("#skip").value = skip
    await pilot.press("enter")
    await finish(pilot)


async def test_import_from_the_palette_fills_the_week_and_undo_takes_it_all_back(empty_app, backup, tmp_path):
    from legday.tui.screens.week import WeekScreen

    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        week = app.screen
        assert not any(s.status == "done" for d in week.plan.days for s in d.sessions)
        await open_import(pilot)
        await import_path(pilot, backup)
        assert isinstance(app.screen, WeekScreen)
        # The summary line of `legday import`, as the change notice.
        assert any(
            m.startswith(
                "Imported backup.json: 21 records added (3 legs, 7 cardio, 11 check-ins), 0 already there"
            )
            for m in messages(app)
        ), messages(app)
        monday = week.plan.day(TODAY.replace(day=16))
        assert any(s.kind == "legs" and s.status == "done" for s in monday.sessions)
        assert len(Store(tmp_path / "data").all_history().legs) == 3
        await pilot.press("u")
        await pilot.pause()
        assert Store(tmp_path / "data").all_history().legs == ()
        assert any("Undid: imported backup.json (21 entries)" in m for m in messages(app))
        assert not any(s.status == "done" for d in week.plan.days for s in d.sessions)


async def test_a_bad_file_is_one_line_and_nothing_is_written(empty_app, tmp_path):
    bad = tmp_path / "strong.csv"
    good = (FIXTURES / "strong_comma.csv").read_text().splitlines()
    good[2] = good[2].replace("2023-06-05", "2027-13-45", 1)
    bad.write_text("\n".join(good) + "\n")
    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        await import_path(pilot, bad)
        status = app.screen.status.message or ""
        assert status.startswith("Nothing imported: strong.csv:3: "), status
        # The app's words, not the command line's: the box has a Skip bad rows option.
        assert "tick Skip bad rows to import the rest" in status and "--" not in status
        assert "\n" not in status
        await import_path(pilot, tmp_path / "missing.csv")
        assert "no such file" in (app.screen.status.message or "")
        await import_path(pilot, tmp_path)
        assert "is a folder" in (app.screen.status.message or "")
        await pilot.press("escape")
        await pilot.pause()
    assert Store(tmp_path / "data").all_history().legs == ()
    assert Store(tmp_path / "data").undo_labels() == ["changed the profile"]


async def test_skip_bad_rows_imports_the_rest_and_lists_what_was_left_out(empty_app, tmp_path):
    from legday.tui.screens.import_file import ImportScreen

    bad = tmp_path / "strong.csv"
    rows = (FIXTURES / "strong_comma.csv").read_text().splitlines()
    rows[2] = rows[2].replace(",149.99999999999997,5,", ",149.99999999999997,1000,", 1)
    bad.write_text("\n".join(rows) + "\n")
    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        await import_path(pilot, bad, skip=True)
        screen = app.screen
        assert isinstance(screen, ImportScreen)  # stays open to list the rows left out
        listed = str(screen.query_one("#left-out-rows").content)
        assert "strong.csv:3: reps 1000 in one set of 'squat (barbell)'" in listed, listed
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, ImportScreen)
        assert any("1 bad row left out" in m for m in messages(app)), messages(app)
    [session] = Store(tmp_path / "data").all_history().legs
    assert next(str(e) for e in session.exercises) == "squat (barbell) 1x5@150kg"  # the profile's kg


async def test_units_that_disagree_with_the_profile_are_asked_for_then_given(empty_app, tmp_path):
    """The profile says kg; a Strong file without a unit column whose loads are a 45 lb bar's:
    the box asks (in its own words), and Units lb imports it in pounds."""
    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        await import_path(pilot, FIXTURES / "strong_pounds.csv")
        status = app.screen.status.message or ""
        assert "your profile says kg, but its loads look like pounds" in status, status
        assert "accepted: kg or lb in Units" in status and "--units" not in status
        await import_path(pilot, FIXTURES / "strong_pounds.csv", units="lb")
        assert any("weights in lb (--units)" in m for m in messages(app)), messages(app)
    legs = Store(tmp_path / "data").all_history().legs
    assert len(legs) == 4 and {e.unit for s in legs for e in s.exercises} == {"lb"}


async def test_importing_the_same_file_again_says_so_and_adds_nothing(empty_app, tmp_path):
    app = empty_app
    path = FIXTURES / "hevy_kg.csv"
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(2):
            await open_import(pilot)
            await import_path(pilot, path)
            seen += messages(app)
        assert any(m.startswith("Imported hevy_kg.csv: 3 sessions added") for m in seen), seen
        assert any(m.startswith("Imported hevy_kg.csv: 0 sessions added, 3 already there") for m in seen), (
            seen
        )
    assert Store(tmp_path / "data").undo_labels()[0] == "imported hevy_kg.csv (3 entries)"


async def test_the_reading_shows_progress_keeps_the_app_answering_and_can_be_cancelled():
    """A read that reports rows and then waits: the box shows the count, the app still handles
    keys (Tab moves the focus), Escape cancels, and the box says nothing was added."""
    from textual.app import App

    from legday.tui.screens.import_file import ImportScreen

    reported = threading.Event()
    saved: list = []

    def read(path, *, units, skip_bad_rows, progress, cancelled):
        progress(12_000)
        reported.set()
        for _ in range(2000):  # at most 20 s; a cancel ends it at once
            if cancelled():
                raise Cancelled()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ImportScreen(read, lambda loaded: saved.append(loaded) or ("", ())))

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#file").input.value = "big.csv"
        await pilot.press("enter")
        for _ in range(100):
            if reported.is_set() and "12,000 rows" in str(screen.query_one("#progress").content):
                break
            await pilot.pause(0.05)
        assert "Reading big.csv: 12,000 rows" in str(screen.query_one("#progress").content)
        assert screen.importing
        await pilot.press("enter")  # a second Enter does not start a second import
        assert screen.importing
        await pilot.press("escape")
        await finish(pilot)
        assert app.screen is screen  # Escape while reading cancels; it does not close the box
        assert screen.status.message == "Import cancelled: nothing was added."
        assert saved == []
        assert not screen.query_one("#file").input.disabled  # the fields are back for another try
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not screen


async def test_quitting_while_a_file_is_read_stops_the_reading():
    """ctrl+q while a read runs: the app exits and the reading thread is told to stop."""
    from textual.app import App

    from legday.tui.screens.import_file import ImportScreen

    started, stopped = threading.Event(), threading.Event()

    def read(path, *, units, skip_bad_rows, progress, cancelled):
        started.set()
        for _ in range(2000):
            if cancelled():
                stopped.set()
                raise Cancelled()
            threading.Event().wait(0.01)
        raise AssertionError("never cancelled")

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ImportScreen(read, lambda loaded: ("", ())))

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        app.screen.query_one("#file").input.value = "big.csv"
        await pilot.press("enter")
        for _ in range(100):
            if started.is_set():
                break
            await pilot.pause(0.05)
        assert started.is_set()
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert stopped.wait(10)


def test_import_screen_with_a_bad_file_80x24(snap_compare, empty_app, tmp_path, monkeypatch):
    """80x24, over the (empty) week: a box "Import workouts" saying which files it takes and that
    nothing is added if one row is bad unless bad rows are skipped; the File field holds the path
    of a text file; beside "Units" (an empty field, placeholder "kg or lb") a checkbox "Skip bad
    rows (import the rest)"; under them one line (wrapped) in the error colour: "Nothing imported:
    notes.txt:1: cannot tell which app wrote this (header 'my squats were great'); accepted: a CSV
    export from Strong, Hevy or FitNotes, a FIT activity file, or legday's own JSON"; the key bar
    shows ⏎ import and esc cancel."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my squats were great\n")
    monkeypatch.chdir(tmp_path)

    async def type_path(pilot) -> None:
        await open_import(pilot)
        pilot.app.screen.query_one("#file").input.value = "notes.txt"
        pilot.app.screen.query_one("#file").input.cursor_position = 9
        await pilot.press("enter")
        await finish(pilot)

    assert snap_compare(empty_app, terminal_size=(80, 24), run_before=type_path)


async def test_space_ticks_skip_bad_rows_and_enter_imports_from_any_part_of_the_box():
    from textual.app import App

    from legday.tui.screens.import_file import ImportScreen

    calls: list[dict] = []

    def read(path, **options):
        calls.append({"path": path, **options})
        return "loaded"

    class Host(App):
        def on_mount(self) -> None:
            self.push_screen(ImportScreen(read, lambda loaded: ("imported", ("x.csv:3: bad",))))

    app = Host()
    async with app.run_test(size=SIZE) as pilot:
        screen = app.screen
        screen.query_one("#file").input.value = "x.csv"
        await pilot.press("tab", "l", "b", "tab", "space")
        assert screen.query_one("#skip").value is True
        await pilot.press("enter")  # on the tick box: imports, does not untick
        await finish(pilot)
        assert [(c["path"], c["units"], c["skip_bad_rows"]) for c in calls] == [("x.csv", "lb", True)]
        assert "x.csv:3: bad" in str(screen.query_one("#left-out-rows").content)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is not screen
