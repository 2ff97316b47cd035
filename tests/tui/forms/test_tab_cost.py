"""What a Tab costs in a form: one frame, nothing laid out or restyled that did not change (issue 18).

Tab is timed against a bare Textual form by ``python -m tests.bench``; these tests hold the causes of
the second frame each Tab drew (phase 1's findings, T1-T4), each of which a timing would only show as a
slower figure:

- T1: the key bar redrew on every focus change (Textual signals the bindings twice per change),
  though its keys rarely change;
- T2: a field's error line was set again on every blur, which lays the whole form out;
- T3: the check-in's regions (a Collapsible) changed its tint with the focus, restyling its 13 widgets;
- T4: the form's scroll container was a Tab stop that shows nothing.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Input

from legday.tui.screens.log_cardio import LogCardioScreen
from legday.tui.screens.log_workout import LogWorkoutScreen
from legday.tui.screens.profile import ProfileScreen
from legday.tui.screens.soreness import SorenessScreen
from legday.tui.widgets.form import Field
from legday.tui.widgets.key_bar import KeyBar
from tests.tui.conftest import until

SIZE = (80, 24)


def count_calls(obj, name: str) -> list[int]:
    """Count the calls of ``obj.name`` from now on (the method still runs)."""
    calls: list[int] = []
    real = getattr(obj, name)

    def counted(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    setattr(obj, name, counted)
    return calls


async def open_form(pilot, app, key: str, screen_type):
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, screen_type), screen_type.__name__)
    await pilot.pause()
    return app.screen


async def cardio_on_its_date(pilot, app) -> LogCardioScreen:
    """The cardio form filled in right (what, minutes), the focus on its date field: from there Tab
    and shift+Tab go between the date and the start, two text fields with the same keys."""
    form = await open_form(pilot, app, "c", LogCardioScreen)
    await pilot.press(*"bike", "tab", *"30", "tab", "tab")  # (the effort slider between)
    await until(pilot, lambda: app.focused is form.query_one("#date", Field).input, "the date")
    await pilot.pause()
    return form


async def test_tab_between_fields_with_the_same_keys_redraws_no_key_bar(make_app):
    """Tab after Tab between text fields, the key bar is not drawn again (it was, once or twice per
    Tab). A slider has keys of its own: there it is redrawn, as the next test's screens are."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        form = await cardio_on_its_date(pilot, app)
        bar = form.query_one(KeyBar)
        drawn = count_calls(bar, "render")
        refreshed = count_calls(bar, "refresh")
        for key in ("tab", "shift+tab", "tab", "shift+tab"):
            await pilot.press(key)
            await pilot.pause()
        assert app.focused is form.query_one("#date", Field).input
        assert drawn == [] and refreshed == []
        await pilot.press("shift+tab")  # to the effort slider: its own keys
        await until(pilot, lambda: "level" in str(bar.render()), "the slider's keys")
        assert refreshed != []


async def test_the_key_bar_still_follows_keys_that_change(make_app):
    """What T1 must not break: a screen with other keys draws its own bar (the week's keys, then the
    form's, then the week's again)."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week_keys = str(app.screen.query_one(KeyBar).render())
        form = await open_form(pilot, app, "c", LogCardioScreen)
        form_keys = str(form.query_one(KeyBar).render())
        assert form_keys != week_keys and "save" in form_keys
        await pilot.press("escape")
        await until(pilot, lambda: app.on_home_screen, "back on the week")
        assert str(app.screen.query_one(KeyBar).render()) == week_keys


async def test_leaving_a_field_that_was_right_sets_no_error_line(make_app):
    """Blur checks the field; a field that was right and still is leaves its error line alone (each
    update of it laid the whole form out again). A wrong one still shows its message."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        form = await cardio_on_its_date(pilot, app)
        fields = list(form.query(Field))
        updates = [count_calls(f._error, "update") for f in fields]
        for key in ("tab", "shift+tab", "tab", "shift+tab"):
            await pilot.press(key)
            await pilot.pause()
        assert [f.error for f in fields] == [None] * len(fields)
        assert [len(u) for u in updates] == [0] * len(fields)
        minutes = form.query_one("#minutes", Field)
        minutes.input.focus()
        await pilot.pause()
        await pilot.press("x", "tab")
        await until(pilot, lambda: minutes.error is not None, "the minutes' message")
        assert minutes.has_class("-invalid")


async def test_the_regions_look_the_same_with_and_without_the_focus(make_app):
    """Textual tints a Collapsible while the focus is inside it; a style that changes with the focus
    restyles all 13 widgets of the regions on every Tab in and out. The app gives both states the
    same tint."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        form = await open_form(pilot, app, "s", SorenessScreen)
        regions = form.query_one("#regions", Collapsible)
        assert not regions.has_pseudo_class("focus-within")
        outside = regions.styles.background_tint
        await pilot.press("tab")  # from the soreness slider to the regions' title
        await until(pilot, lambda: regions.has_pseudo_class("focus-within"), "the focus in the regions")
        assert regions.styles.background_tint == outside


async def test_no_form_stops_tab_on_its_scroll_container(make_app):
    """Every Tab stop of a form is something to fill in or press: its scroll container is not one."""
    app = make_app("typical")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key, screen_type in (
            ("c", LogCardioScreen),
            ("w", LogWorkoutScreen),
            ("s", SorenessScreen),
            ("p", ProfileScreen),
        ):
            form = await open_form(pilot, app, key, screen_type)
            chain = form.focus_chain
            assert chain, screen_type.__name__
            assert [w for w in chain if isinstance(w, VerticalScroll)] == [], screen_type.__name__
            assert any(isinstance(w, Input) for w in chain)
            await pilot.press("escape")
            await until(pilot, lambda: app.on_home_screen, "back on the week")
