"""The palette's "data: import" (Pilot): a path field, the same import as `legday import` through the
journal (all or nothing, one undo step), the same summary line, and one clear line for a bad file
with nothing written. The app starts on an empty log (a profile only) on Thursday 19 November 2026."""

from __future__ import annotations

from pathlib import Path

import pytest

from legday.storage import Store
from legday.transfer import native
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


async def test_import_from_the_palette_fills_the_week_and_undo_takes_it_all_back(empty_app, backup, tmp_path):
    from legday.tui.screens.week import WeekScreen

    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        week = app.screen
        assert not any(s.status == "done" for d in week.plan.days for s in d.sessions)
        await open_import(pilot)
        await pilot.press(*str(backup), "enter")
        await pilot.pause()
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
    good[2] = good[2].replace("2024", "2027-13-45", 1) if "2024" in good[2] else "2027-13-45,x,y"
    bad.write_text("\n".join(good) + "\n")
    app = empty_app
    async with app.run_test(size=SIZE) as pilot:
        await open_import(pilot)
        await pilot.press(*str(bad), "enter")
        await pilot.pause()
        status = app.screen.status.message or ""
        assert status.startswith("Nothing imported: strong.csv:3: "), status
        assert "\n" not in status
        await pilot.press("ctrl+u", *str(tmp_path / "missing.csv"), "enter")
        await pilot.pause()
        assert "no such file" in (app.screen.status.message or "")
        await pilot.press("escape")
        await pilot.pause()
    assert Store(tmp_path / "data").all_history().legs == ()
    assert Store(tmp_path / "data").undo_labels() == ["changed the profile"]


async def test_importing_the_same_file_again_says_so_and_adds_nothing(empty_app, tmp_path):
    app = empty_app
    path = FIXTURES / "hevy_kg.csv"
    async with app.run_test(size=SIZE) as pilot:
        seen = []
        for _ in range(2):
            await open_import(pilot)
            await pilot.press(*str(path), "enter")
            await pilot.pause()
            seen += messages(app)
        assert any(m.startswith("Imported hevy_kg.csv: 3 sessions added") for m in seen), seen
        assert any(m.startswith("Imported hevy_kg.csv: 0 sessions added, 3 already there") for m in seen), (
            seen
        )
    assert Store(tmp_path / "data").undo_labels()[0] == "imported hevy_kg.csv (3 entries)"


def test_import_screen_with_a_bad_file_80x24(snap_compare, empty_app, tmp_path):
    """80x24, over the (empty) week: a box "Import workouts" saying which files it takes and that
    nothing is added if one row is bad; the File field holds the path of a text file, and under it
    one line (wrapped) in the error colour: "Nothing imported: notes.txt:1: cannot tell which app
    wrote this (header 'my squats were great'); accepted: a CSV export from Strong, Hevy or
    FitNotes, a FIT activity file, or legday's own JSON"; the key bar shows ⏎ import and esc cancel."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my squats were great\n")

    async def type_path(pilot) -> None:
        await open_import(pilot)
        pilot.app.screen.query_one("#file").input.value = "notes.txt"
        pilot.app.screen.query_one("#file").input.cursor_position = 9
        import os

        old = os.getcwd()
        os.chdir(tmp_path)
        try:
            await pilot.press("enter")
            await pilot.pause()
        finally:
            os.chdir(old)

    assert snap_compare(empty_app, terminal_size=(80, 24), run_before=type_path)
