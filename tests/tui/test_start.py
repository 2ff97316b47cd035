"""The first frame: the whole week, drawn once, with the garbage collector kept out of the way (issue 18).

Cold start is timed by ``python -m tests.bench``; what is checked here is what makes it fast and cannot
be seen in a timing: the first frame written is already the complete week (a view drawn inside
Textual's start-up batch is thrown away, and the frame after it was partial: no title, no selected
day), start-up parses the stylesheet no second time, and on ``run_app``'s path the collector stays off
until that frame is out, then comes back with start-up's objects frozen.
"""

from __future__ import annotations

import gc
import re

from legday import private_api
from legday.tui.app import LegdayApp
from legday.tui.screens.week import WeekScreen
from tests.tui.conftest import until

SIZE = (80, 24)
# The typical fixture's week (tests/fixtures.py: the clock says Thursday 19 November 2026).
DAYS = ["Mon 16", "Tue 17", "Wed 18", "Thu 19", "Fri 20", "Sat 21", "Sun 22"]
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(frame: str) -> str:
    """A frame's terminal bytes as the text a terminal would show (escape sequences dropped)."""
    return ANSI.sub("", frame)


async def test_the_first_frame_written_is_the_complete_week(make_app):
    """The title, all seven days (the selected one, Thursday, included) and the key bar, in the very
    first frame that reaches the terminal: nothing drawn before it was thrown away."""
    app = make_app("typical")
    written: list[str] = []
    private_api.watch_frames(app, lambda: None, written=written)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: written, "the first frame")
        first = plain(written[0])
        assert isinstance(app.screen, WeekScreen)
    assert "legday" in first and "this week" in first  # the title line
    assert [day for day in DAYS if day not in first] == []
    assert "ready" in first and "sore" in first  # each cell's last lines
    assert "log" in first  # the key bar


async def test_start_up_parses_the_stylesheet_once(make_app):
    """A mode's screen made Textual restyle everything at start (refresh_css: the variables set
    again, every stylesheet parsed again, every node restyled); the default screen does not."""
    app = make_app("typical")
    reparsed: list[int] = []
    real = app.stylesheet.reparse
    app.stylesheet.reparse = lambda: reparsed.append(1) or real()  # type: ignore[method-assign]
    written: list[str] = []
    private_api.watch_frames(app, lambda: None, written=written)
    async with app.run_test(size=SIZE) as pilot:
        await until(pilot, lambda: written, "the first frame")
        assert reparsed == []


async def test_the_week_is_home_after_the_trends_view_and_back(make_app):
    """The week starts as Textual's default screen and becomes a mode when another view opens: g, g
    comes back to the same week screen, still in the mode called "week"."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert app.current_mode == "week" and isinstance(week, WeekScreen)
        await pilot.press("g")
        await until(pilot, lambda: app.current_mode == "trends", "the trends view")
        await pilot.press("g")
        await until(pilot, lambda: app.current_mode == "week", "the week again")
        assert app.screen is week
        await pilot.press("right")
        await until(pilot, lambda: week.selected.isoformat() == "2026-11-20", "Friday selected")


async def test_run_apps_path_keeps_the_collector_off_until_the_first_frame_is_out(make_app):
    """cli._open_app turns the collector off before importing the app; the app turns it on again
    (start-up's objects frozen) only after its first frame. Apps built for tests leave it alone."""
    built = make_app("typical")
    app = LegdayApp(built.journal, steady=True, collect_after_first_frame=True)
    at_frame: list[bool] = []
    private_api.watch_frames(app, lambda: at_frame.append(gc.isenabled()))
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await until(pilot, gc.isenabled, "the collector back on")
            assert at_frame and at_frame[0] is False  # off while the first frame was drawn
            assert gc.get_freeze_count() > 0  # start-up's objects kept out of its passes
    finally:
        gc.enable()
        gc.unfreeze()


async def test_an_app_built_for_tests_leaves_the_collector_alone(make_app):
    app = make_app("typical")
    gc.disable()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.pause()
            assert not gc.isenabled()
    finally:
        gc.enable()


async def test_only_the_chosen_theme_is_read_at_start_and_the_rest_when_listed(tmp_path):
    """The first frame needs the chosen theme alone: the other files are read (and what is wrong
    with them told) when a list of themes is first shown, here the profile's theme field."""
    from legday.storage import Settings, save_settings
    from legday.tui.app import build_app
    from legday.tui.screens.profile import ProfileScreen
    from legday.tui.widgets.choice import Choice
    from tests.fixtures import fixed_clock, write_typical_week
    from tests.tui.conftest import messages, record_notices

    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    (config / "themes").mkdir(parents=True)
    broken = config / "themes" / "other.toml"
    broken.write_text('name = "other"\nprimary = "#E8743B"\nbackground = "not a colour"\n')
    save_settings(config, Settings(theme="legday-light"))
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    read: list[str | None] = []
    real = app.journal.theme_files
    app.journal.theme_files = lambda only=None: read.append(only) or real(only)  # type: ignore[method-assign]
    assert app.theme == "legday-light" and "legday-contrast" not in app.available_themes
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert read == [] and not any("other.toml" in m for m in messages(app))
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen), "the profile")
        options = app.screen.query_one("#theme", Choice).options
        assert {"legday-dark", "legday-light", "legday-contrast"} <= set(options)
        assert read == [None]
        await until(pilot, lambda: any(f"{broken}:3" in m for m in messages(app)), "the broken file told")
