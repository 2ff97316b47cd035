"""The app around the week: first run, themes (ours, broken ones, remembered), files that cannot be
read, the command palette, and the one factory everything is built by."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from legday.core.model import Goal, Level
from legday.storage import Settings, Store, load_settings, save_settings
from legday.tui import themes as theme_files
from legday.tui.app import build_app
from legday.tui.screens.week import WeekScreen
from tests.fixtures import fixed_clock, write_typical_week
from tests.tui.conftest import palette_offers, record_notices, until

SIZE = (80, 24)


def messages(app) -> list[str]:
    return list(app.notices)  # every notification shown (tests/tui/conftest.py: record_notices)


async def test_first_run_opens_the_welcome_and_saving_it_writes_the_profile(make_app, tmp_path):
    from legday.tui.screens.welcome import WelcomeScreen

    app = make_app("first_run")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WelcomeScreen)
        await pilot.press("2")  # strength
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert app.journal.profile.goal is Goal.STRENGTH
        assert "strength" in str(app.screen.query_one("#week-profile").render())
    saved = Store(tmp_path / "data").profile()
    assert saved is not None and saved.goal is Goal.STRENGTH and saved.level is Level.INTERMEDIATE


async def test_a_saved_profile_skips_the_welcome(make_app):
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)


def test_our_three_themes_load_from_the_shipped_directory():
    from legday.storage.themes import bundled_theme_dir, read_theme_files

    files, unreadable = read_theme_files([bundled_theme_dir()])
    loaded, problems = theme_files.load_themes(files)
    assert unreadable == []
    by_name = {t.name: t for t in loaded}
    assert problems == []
    assert {"legday-dark", "legday-light", "legday-contrast"} <= set(by_name)
    assert by_name["legday-dark"].dark and not by_name["legday-light"].dark


async def test_the_app_starts_in_the_remembered_theme_and_remembers_a_change(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    config.mkdir()
    save_settings(config, Settings(theme="legday-contrast"))
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "legday-contrast"
        # (The others are read when first listed: the palette, the profile.)
        assert {"legday-dark", "legday-light", "legday-contrast"} <= set(app.theme_names())
        await app.run_action("app.theme('legday-light')")  # the palette's "theme: legday-light"
        await pilot.pause()
        assert app.theme == "legday-light"
    assert load_settings(config).theme == "legday-light"


async def test_theme_previews_stay_in_memory_until_one_is_chosen(make_app, tmp_path):
    """Three previews in the profile's theme field and a cancel write settings.toml zero times (the
    theme in use comes back); choosing a theme writes it once, from the palette or by saving the
    profile."""
    from legday.tui.screens.profile import ProfileScreen
    from legday.tui.widgets.choice import Choice
    from legday.tui.widgets.form import ConfirmDiscard

    app = make_app()
    settings_file = tmp_path / "config" / "settings.toml"
    writes: list[str] = []
    save_settings_once = app.journal.save_settings

    def counting(settings, **options):
        writes.append(settings.theme)
        return save_settings_once(settings, **options)

    app.journal.save_settings = counting  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen))
        theme = app.screen.query_one("#theme", Choice)
        theme.focus()
        start = theme.options.index("legday-dark")
        seen = []
        for _ in range(3):
            await pilot.press("right")
            seen.append(app.theme)
        # Each preview is shown at once.
        assert seen == theme.options[start + 1 : start + 4] and len(set(seen)) == 3
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, ConfirmDiscard))
        await pilot.press("y")
        await until(pilot, lambda: not isinstance(app.screen, ProfileScreen | ConfirmDiscard))
        assert app.theme == "legday-dark"
        assert writes == [] and not settings_file.exists()

        await app.run_action("app.theme('legday-contrast')")  # the palette's "theme: legday-contrast"
        await pilot.pause()
        assert app.theme == "legday-contrast"
        assert writes == ["legday-contrast"]

        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, ProfileScreen))
        app.screen.query_one("#theme", Choice).focus()
        await pilot.press("right", "right", "ctrl+s")  # two previews, then save the second
        await until(pilot, lambda: not isinstance(app.screen, ProfileScreen))
        assert writes == ["legday-contrast", app.theme] and app.theme != "legday-contrast"

        # The palette's "theme: choose" list: picking one writes it once too.
        await app.run_action("app.change_theme")
        await pilot.press(*"legday-dark")
        await until(pilot, lambda: palette_offers(app, "legday-dark"))
        await pilot.press("enter")
        await until(pilot, lambda: app.theme == "legday-dark", "the chosen theme is on")
        assert writes[2:] == ["legday-dark"]
    assert load_settings(tmp_path / "config").theme == "legday-dark"


async def test_a_broken_theme_file_is_reported_and_the_app_falls_back(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    (config / "themes").mkdir(parents=True)
    broken = config / "themes" / "mine.toml"
    broken.write_text('name = "mine"\nprimary = "#E8743B"\nbackground = "not a colour"\n')
    save_settings(config, Settings(theme="mine"))
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == theme_files.DEFAULT_THEME
        shown = messages(app)
        assert any(str(broken) + ":3" in m and "background" in m for m in shown), shown
        assert any("'mine' is not available" in m for m in shown), shown
    # The broken file is left as it was.
    assert "not a colour" in broken.read_text()


async def test_a_corrupt_log_file_is_named_with_its_line_and_the_app_keeps_going(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    month = data / "log" / "2026" / "2026-11.toml"
    month.write_text(month.read_text() + "\nthis line = is [not toml\n")
    before = month.read_bytes()
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert any("2026-11.toml:" in m for m in messages(app)), messages(app)
        await pilot.press("l", "right_square_bracket")  # keeps working
    assert month.read_bytes() == before


async def test_a_corrupt_profile_is_reported_and_not_replaced_by_the_welcome(tmp_path):
    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    profile = data / "profile.toml"
    profile.write_text("goal = [\n")
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert any("profile.toml" in m for m in messages(app)), messages(app)
    assert profile.read_text() == "goal = [\n"


async def test_palette_commands_are_named_group_verb_and_run(make_app):
    from legday.tui.keys import KEYS

    names = [k.command for k in KEYS if k.command]
    assert all(": " in name and name == name.lower() for name in names)
    assert len(names) == len(set(names))
    assert {
        "log: workout",
        "log: soreness",
        "log: cardio",
        "log: edit",
        "log: delete",
        "log: undo",
        "week: next",
        "week: previous",
        "suggestion: skip",
        "suggestion: mark done",
        "profile: edit",
        "app: help",
    } <= set(names)

    app = make_app("typical")
    async with app.run_test(size=(100, 30)) as pilot:
        start = app.screen.plan.week_start
        await pilot.press("ctrl+p")
        await pilot.press(*"week: next")
        await until(pilot, lambda: palette_offers(app, "week: next"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.plan.week_start == start + dt.timedelta(days=7)


async def test_help_lists_every_binding_and_all_evidence(make_app):
    """Every binding of every view, form, question and widget is in help with its words (wrapped
    to the screen, so compared without the line breaks)."""
    from legday.core.evidence import EVIDENCE
    from legday.tui import keys
    from legday.tui.screens.help import HelpScreen

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(w.render()) for w in app.screen.query("#help-body > *"))
        flat = " ".join(text.split())
        bindings = [b for place in keys.PLACES for b in keys.bindings(place)]
        assert len(bindings) >= 60
        for binding in bindings:
            assert " ".join(binding.tooltip.split()) in flat, binding
        for evidence_id, evidence in EVIDENCE.items():
            assert f"{evidence_id:<5}{evidence.title}" in text
        await pilot.press("escape")
        assert isinstance(app.screen, WeekScreen)


async def test_startup_reads_only_the_history_window(tmp_path, monkeypatch):
    """Start-up must not grow with history: the store is asked for a bounded window only."""
    data, config = tmp_path / "data", tmp_path / "config"
    write_typical_week(data)
    asked: list[tuple[dt.date, dt.date]] = []
    original = Store.history

    def spy(self, first, last):
        asked.append((first, last))
        return original(self, first, last)

    monkeypatch.setattr(Store, "history", spy)
    monkeypatch.setattr(Store, "all_history", lambda self: (_ for _ in ()).throw(AssertionError("all")))
    app = record_notices(build_app(data, config, fixed_clock, steady=True))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    assert asked
    # The planner's window: 8 weeks before today (the timeline starts there) to a week past the week
    # shown; for next week, today to its end is up to 13 days (core/planner.history_window).
    assert all((last - first).days <= 76 for first, last in asked), asked


def test_build_app_is_cheap_and_reads_no_history(tmp_path: Path, monkeypatch):
    write_typical_week(tmp_path / "data")
    monkeypatch.setattr(Store, "history", lambda *a: (_ for _ in ()).throw(AssertionError("read")))
    app = build_app(tmp_path / "data", tmp_path / "config", fixed_clock)
    assert app.journal.today() == dt.date(2026, 11, 19)


async def test_saving_profile_and_settings_replans_with_the_new_week_start_and_theme(make_app, tmp_path):
    """What the profile screen's save does: both files written, the theme applied, the week
    re-planned from its new first day."""
    from dataclasses import replace

    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        profile = replace(app.journal.profile, goal=Goal.ENDURANCE)
        app.journal.save_profile(profile, Settings(theme="legday-light", week_start=6))
        await pilot.pause()
        assert app.theme == "legday-light"
        screen = app.screen
        assert isinstance(screen, WeekScreen)
        assert screen.plan.week_start == dt.date(2026, 11, 15)  # the Sunday before Thursday 19
        assert "endurance" in str(screen.query_one("#week-profile").render())
    assert Store(tmp_path / "data").profile().goal is Goal.ENDURANCE
    assert load_settings(tmp_path / "config") == Settings(theme="legday-light", week_start=6)


def test_helps_colour_legend_is_the_planners_own_effort_table():
    """Every intensity the planner plans is in help's legend with the planner's effort range and the
    talk test at its top, so help cannot say "easy is 2-4" while the plan says 3-4."""
    import re

    from legday.core.rules.base import EFFORT
    from legday.core.talk import talk_words
    from legday.tui.screens.help import colours_section
    from legday.tui.widgets.suggestion_pane import layout

    text = "\n".join(line.plain for line in layout(colours_section(), 300))
    for name, (low, high) in EFFORT.items():
        assert re.search(rf"^  {name} +effort {low}-{high}: {re.escape(talk_words(high))}$", text, re.M), name
