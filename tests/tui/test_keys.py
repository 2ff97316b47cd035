"""The keys table (tui/keys.py) is the only place keys are written, every row has an id, and the
[keymap] table of settings.toml remaps any of them: checked (unknown ids, bad keys, clashes, each
with file and line) and shown as remapped in the key bar, help and the palette."""

from __future__ import annotations

import ast
import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

from legday.core.model import CardioSession
from legday.tui import keys
from legday.tui.keys import BY_ID, KEYS, PLACES, Keymap, resolve
from legday.tui.screens.help import HelpScreen, keys_section
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.suggestion_pane import layout
from tests.fixtures import TODAY, write_typical_week
from tests.tui.conftest import messages, record_notices, until

ROOT = Path(__file__).resolve().parents[2]
TUI = ROOT / "src" / "legday" / "tui"
SIZE = (80, 24)
WHERE = "/c/settings.toml:7"


# -- the table ---------------------------------------------------------------------------------------


def test_every_row_has_a_unique_stable_id_and_a_known_place():
    ids = [k.id for k in KEYS]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z]+\.[a-z_]+", i) for i in ids), ids
    assert all(k.where in PLACES for k in KEYS)
    assert all(k.follows in BY_ID for k in KEYS if k.follows)
    assert all(k.help and k.help[0].isupper() for k in KEYS)


def test_every_binding_comes_from_the_table_with_its_rows_id():
    for place in PLACES:
        for binding in keys.bindings(place):
            if binding.id is None:  # one binding a digit: the row's action with the digit
                action = binding.action.split("(")[0]
                assert any(k.each and k.action == action and k.where == place for k in KEYS), binding
            else:
                assert BY_ID[binding.id].action == binding.action


def test_no_binding_is_written_outside_the_table():
    """Every BINDINGS in the app's screens and widgets is ``keys.bindings(...)``; no Binding(...) or
    ("key", "action") list anywhere else."""
    found = []
    for path in TUI.rglob("*.py"):
        if path.name == "keys.py":
            continue
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", getattr(node.func, "attr", "")) == "Binding"
            ):
                found.append(f"{path.name}:{node.lineno}: Binding(...)")
            if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "BINDINGS" for t in node.targets):
                call = node.value
                ok = (
                    isinstance(call, ast.Call)
                    and isinstance(call.func, ast.Attribute)
                    and call.func.attr == "bindings"
                )
                if not ok:
                    found.append(f"{path.name}:{node.lineno}: BINDINGS not from keys.bindings")
    assert not found, found


def test_the_default_table_has_no_clash():
    assert resolve([]).problems == ()
    for row in KEYS:
        if row.remappable:
            assert keys._clash(row, {row.id: row.keys}) is None, row.id


def test_help_lists_the_forms_keys():
    text = "\n".join(line.plain for line in layout(keys_section(), 200))
    for words in (
        "ctrl+s",
        "ctrl+n",
        "ctrl+d",
        "tab",
        "shift+tab",
        "0-9",
        "Log a workout (w)",
        "In every form",
    ):
        assert words in text, words


def test_the_readme_lists_every_id():
    readme = (ROOT / "README.md").read_text()
    missing = [k.id for k in KEYS if f"`{k.id}`" not in readme]
    assert not missing, missing


# -- the keymap ----------------------------------------------------------------------------------------


def test_a_keymap_remaps_by_id_and_rows_that_follow_move_with_it():
    keymap = resolve(
        [("week.today", "T", WHERE), ("form.cancel", "ctrl+g", WHERE), ("view.help", "?,f1", WHERE)]
    )
    assert keymap.problems == ()
    assert keymap.remapped["week.today"] == "T"
    assert keymap.remapped["welcome.later"] == "ctrl+g"  # follows form.cancel
    assert keymap.remapped["view.help"] == "question_mark,f1"  # Textual's names
    assert keymap.shown(BY_ID["view.help"]) == "? f1"
    assert keymap.shown(BY_ID["week.next"]) == "]"  # not remapped: as the table shows it


def test_unknown_ids_bad_keys_and_fixed_rows_are_reported_with_file_and_line():
    keymap = resolve(
        [
            ("week.todya", "T", "/c/settings.toml:3"),
            ("week.today", "ctrl+", "/c/settings.toml:4"),
            ("week.skip", "hyperdrive", "/c/settings.toml:5"),
            ("slider.digit", "x", "/c/settings.toml:6"),
        ]
    )
    assert keymap.remapped == {}
    first, second, third, fourth = keymap.problems
    assert first.startswith(
        "/c/settings.toml:3: [keymap] 'week.todya' is not a key id (did you mean week.today?)"
    )
    assert second.startswith('/c/settings.toml:4: [keymap] week.today = "ctrl+"') and "keeps t" in second
    assert third.startswith("/c/settings.toml:5:") and "'hyperdrive' is not a key name" in third
    assert "accepted:" in second and "accepted:" in third
    assert fourth.startswith("/c/settings.toml:6: [keymap] slider.digit cannot be remapped")


def test_a_clash_is_reported_and_the_row_keeps_its_key():
    # On the week, w already logs a workout (a key of every view); in a form, ctrl+n adds a row.
    keymap = resolve(
        [("week.today", "w", "/c/settings.toml:8"), ("form.save", "ctrl+n", "/c/settings.toml:9")]
    )
    assert keymap.remapped == {}
    assert keymap.problems[0].startswith(
        "/c/settings.toml:8: [keymap] week.today = 'w' clashes with log.workout"
    )
    assert "week.today keeps t" in keymap.problems[0]
    assert keymap.problems[1].startswith("/c/settings.toml:9:") and "workout.add_row" in keymap.problems[1]
    # The same key in places that never work together is no clash: t on trends, w in help.
    assert resolve([("trends.first", "t", WHERE), ("help.up", "w", WHERE)]).problems == ()


def test_swapping_two_keys_is_no_clash():
    keymap = resolve([("week.done", "x", WHERE), ("week.skip", "d", WHERE)])
    assert keymap.problems == () and keymap.remapped == {"week.done": "x", "week.skip": "d"}


def test_the_palette_shows_the_keys_in_use():
    keymap = resolve([("week.today", "T", WHERE)])
    found = {name: help_text for name, help_text, _ in keys.commands("week", home=True, keymap=keymap)}
    assert found["week: today"].endswith("· key T")
    assert found["day: next"].endswith("· key → l")
    assert keys.commands("week", home=False) == [c for c in keys.commands(None, home=False)]  # a form over it


# -- in the app ------------------------------------------------------------------------------------------


def write_keymap(config: Path, text: str) -> Path:
    from legday.storage.settings import settings_path

    config.mkdir(parents=True, exist_ok=True)
    path = settings_path(config)
    path.write_text(f'schema = 1\ntheme = "legday-dark"\n\n[keymap]\n{text}')
    return path


async def test_the_app_uses_the_keymap_in_its_keys_bar_help_and_reports_what_it_refuses(tmp_path):
    from legday.tui.app import build_app
    from tests.fixtures import fixed_clock

    data = write_typical_week(tmp_path / "data")
    settings = write_keymap(
        tmp_path / "config",
        'week.today = "T"\nweek.why = "y"\n"week.skip" = "w"\nform.save = "ctrl+w"\nnonsense.key = "z"\n',
    )
    app = record_notices(build_app(data, tmp_path / "config", fixed_clock, steady=True))
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await until(pilot, lambda: messages(app), "the refused entries are reported")
        shown = messages(app)
        assert any(f"{settings}:7: [keymap] week.skip = 'w' clashes with log.workout" in m for m in shown), (
            shown
        )
        assert any(f"{settings}:9: [keymap] 'nonsense.key' is not a key id" in m for m in shown), shown
        # Shown as written: "[keymap]" is not taken for markup and dropped.
        await until(pilot, lambda: app.screen.query("Toast"), "the toasts are up")
        toasts = " ".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert f"{settings}:7: [keymap] week.skip" in " ".join(toasts.split()), toasts

        week = app.screen
        assert isinstance(week, WeekScreen)
        await pilot.press("l", "l")
        await pilot.press("T")  # remapped: today
        assert week.selected == TODAY
        await pilot.press("t")  # no longer bound
        bar = week.query_one(KeyBar).render().plain
        assert "y why" in bar and "⏎ why" not in bar
        assert "x skip" in bar  # the refused remap left x where it was

        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen))
        text = "\n".join(str(w.render()) for w in app.screen.query("#help-keys"))
        assert re.search(r"T +Jump to today", text) and re.search(r"ctrl\+w +Save", text)
        await pilot.press("escape")

        # ctrl+w saves a form now; ctrl+s does not.
        await until(pilot, lambda: isinstance(app.screen, WeekScreen))
        await pilot.press("c")
        await until(pilot, lambda: type(app.screen).__name__ == "LogCardioScreen")
        form = app.screen
        form.query_one("#modality Input").value = "bike"
        form.query_one("#minutes Input").value = "25"
        await pilot.press("ctrl+s")
        assert app.screen is form
        await pilot.press("ctrl+w")
        await until(pilot, lambda: app.screen is not form, "ctrl+w saved the form")
    logged = [r for r in app.journal.records(TODAY, TODAY) if isinstance(r, CardioSession)]
    assert any(r.modality == "bike" and r.minutes == 25 for r in logged)


def test_keymap_default_is_the_table():
    assert Keymap().keys(BY_ID["week.today"]) == "t"


async def test_a_keymap_changed_while_the_app_runs_is_taken_up(tmp_path):
    """settings.toml edited while legday is open: the app notices (as for any settings change) and the
    new keys work at once."""
    from legday.tui.app import build_app
    from tests.fixtures import fixed_clock

    data = write_typical_week(tmp_path / "data")
    write_keymap(tmp_path / "config", "")
    app = build_app(data, tmp_path / "config", fixed_clock, steady=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen)
        await pilot.press("l", "T")
        assert week.selected == TODAY + dt.timedelta(days=1)  # T does nothing yet
        write_keymap(tmp_path / "config", 'week.today = "T"\n')
        await until(pilot, lambda: app.keymap.remapped.get("week.today") == "T", "the new keymap")
        await pilot.press("T")
        assert week.selected == TODAY


def test_settings_read_the_keymap_with_lines_and_saving_keeps_it(tmp_path):
    """The [keymap] table as settings.toml has it: dotted, quoted and sub-table ids are the same ids,
    each with its line; a value that is not text is reported and left out; saving other settings
    keeps the keymap (as one [keymap] table)."""
    from legday.storage.settings import load_settings, save_settings

    path = write_keymap(
        tmp_path,
        'week.today = "T"\n"form.save" = "ctrl+w"\nview.help = 5\n\n[keymap.trends]\nfirst = "home,0"\n',
    )
    problems: list = []
    settings = load_settings(tmp_path, problems)
    assert settings.keymap == (
        ("week.today", "T", f"{path}:5"),
        ("form.save", "ctrl+w", f"{path}:6"),
        ("trends.first", "home,0", f"{path}:10"),
    )
    assert [str(p) for p in problems] == [
        f"{path}:7: [keymap] view.help = 5 is not text; accepted: keys in quotes, "
        'e.g. "ctrl+t" or "t,f5"; the key keeps its default'
    ]
    save_settings(tmp_path, replace(settings, theme="legday-light"))
    again = load_settings(tmp_path)
    assert again.theme == "legday-light"
    assert [(i, k) for i, k, _ in again.keymap] == [
        ("week.today", "T"),
        ("form.save", "ctrl+w"),
        ("trends.first", "home,0"),
    ]
    assert path.read_text().count("[keymap") == 1
