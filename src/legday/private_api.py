"""Every use of a private name of Textual or textual-serve, in one place.

legday pins both (pyproject.toml) to versions whose private names are listed here; each entry says
why it is needed and what public API would replace it, and ``tests/test_private_api.py`` fails when the
pinned version no longer has it. Nothing else in legday may touch a name that starts with ``_`` in
either package: tests/test_private_api.py scans legday's source, tests and benchmarks for Textual's.

This module imports neither package at module level (``legday serve`` must not load Textual, the
command line loads neither): each helper imports what it needs when it is called.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from textual.app import App
    from textual.events import Key
    from textual.pilot import Pilot
    from textual.screen import Screen
    from textual.scrollbar import ScrollBar
    from textual.widget import Widget

# -- Textual ---------------------------------------------------------------------------------------
#
# Pinned: textual==8.2.8. Each entry of TEXTUAL_NAMES is checked against the installed Textual by
# tests/test_private_api.py (the name is there; a copied function is unchanged since it was copied).
# Looked for and not needed any more (a public API does it): App._on_key (a public ``on_key`` with
# ``prevent_default`` stops Textual's own key handling the same way), App._exit (``return_code`` is
# set by ``exit()``), App._screen_stacks (``screen_stack``), App._modes (the app keeps its views),
# a copy of Lazy (the week screen mounts its pane after the first refresh itself), ScrollView's
# _scroll_update (the pane sets its scrollbar's public reactives), the monkey test's
# ``_driver.send_message`` (``post_message``) and ``_exception`` (``return_code``), the benchmark's
# ``_animator`` (``animator``).

# (module, object, name) -> why legday uses it. ``object`` is a class whose instances have ``name``
# (set in __init__ or defined on the class), or "" for a module-level name.
TEXTUAL_NAMES: dict[tuple[str, str, str], str] = {
    ("textual.app", "App", "_css_update_count"): (
        "mark_styled: a view switched to again needs no app-wide restyle (no public way to say so)"
    ),
    ("textual.screen", "Screen", "_css_update_count"): "mark_styled (see above)",
    ("textual.app", "App", "_refresh_truecolor_filter"): (
        "start_in_theme: the ANSI colour filter follows the first theme (a light one included)"
    ),
    ("textual.app", "App", "_watch_theme"): "start_in_theme is a copy of it, minus the restyle",
    ("textual.keys", "", "_normalize_key_list"): (
        "normalize_keys: '?' -> 'question_mark', as set_keymap does, for legday's own clash check"
    ),
    ("textual.keys", "", "_character_to_key"): "key_event (tests): the Key event Pilot would send",
    ("textual.keys", "", "_get_unicode_name_from_key"): "key_event (tests), as above",
    ("textual.app", "App", "_press_keys"): "key_event is a copy of its event building",
    ("textual.pilot", "Pilot", "_wait_for_screen"): (
        "wait_for_screen (tests): every widget on screen has handled what is queued, without"
        " pause()'s full repaint and idle wait, which would multiply a monkey run's time"
    ),
    ("textual.app", "App", "_display"): (
        "watch_frames (benchmarks): the one place a frame goes out; no public frame hook"
    ),
    ("textual.app", "App", "_batch_count"): "watch_frames: a frame inside a batch is not drawn",
    ("textual._compositor", "", "CompositorUpdate"): (
        "watch_frames: a headless app never turns its frame into terminal bytes; the benchmark does"
    ),
    ("textual.app", "App", "_dom_ready"): "dom_ready (benchmarks): the first frame is a real one",
    ("textual.widget", "Widget", "vertical_scrollbar"): (
        "vertical_scrollbar_of is a copy of it that builds a ScrollBar subclass (no public way to choose"
        " the class of a widget's scrollbar)"
    ),
    ("textual.widget", "Widget", "_vertical_scrollbar"): "vertical_scrollbar_of (see above)",
    ("textual.app", "App", "_start_widget"): "vertical_scrollbar_of (see above)",
}


def mark_styled(screen: Screen, app: App) -> None:
    """Tell Textual that ``screen`` needs no app-wide restyle when it is switched to.

    Textual 8.2 re-parses every stylesheet and restyles every screen when it switches to a mode whose
    screen it has not marked since the last CSS change, and it never marks one that is not showing:
    every ``g`` between the week and trends cost several frames. Not needed: a screen is restyled
    against the stylesheet as it stands when it resumes, and a theme change re-parses it anyway."""
    screen._css_update_count = app._css_update_count


def vertical_scrollbar_of(widget: Widget, bar_class: type[ScrollBar]) -> ScrollBar:
    """``widget.vertical_scrollbar`` (made when first asked for), of ``bar_class``: the suggestion
    pane's scrollbar remembers its lines per thumb (Textual's redrew it, through Rich, on every move
    to a day of another length). Textual's ``Widget.vertical_scrollbar`` with the class swapped."""
    if widget._vertical_scrollbar is not None:
        return widget._vertical_scrollbar
    widget._vertical_scrollbar = bar = bar_class(
        vertical=True, name="vertical", thickness=widget.scrollbar_size_vertical
    )
    bar.display = False
    widget.app._start_widget(widget, bar)
    return bar


def start_in_theme(app: App, name: str) -> None:
    """Set the first theme before any CSS is parsed. Assigning ``app.theme`` in ``__init__`` runs
    ``App._watch_theme``, which schedules a re-parse and re-application of every stylesheet once the
    app runs: a large part of start-up for nothing. This is ``_watch_theme`` without that."""
    from textual.app import App as TextualApp

    app.set_reactive(TextualApp.theme, name)
    theme = app.current_theme
    classes = {c: False for c in app.classes if c.startswith("-theme-")}
    classes.update({f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark})
    app.update_classes(classes, update=False)
    app._refresh_truecolor_filter(app.ansi_theme)
    app.stylesheet.set_variables(app.get_css_variables())


def normalize_keys(keys: str) -> str:
    """A comma-separated key list in Textual's long names: ``"?,ctrl+s"`` -> ``"question_mark,ctrl+s"``
    (what ``App.set_keymap`` does to a keymap's keys before binding them)."""
    from textual.keys import _normalize_key_list

    return _normalize_key_list(keys)


def key_event(key: str) -> Key:
    """The Key event Pilot would send for ``key`` (a copy of the building in ``App._press_keys``), for
    tests that queue keys faster than ``pilot.press`` (which waits for idle after each)."""
    import unicodedata

    from textual import events
    from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key

    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    original = REPLACED_KEYS.get(key, key)
    try:
        char: str | None = unicodedata.lookup(_get_unicode_name_from_key(original))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def wait_for_screen(pilot: Pilot) -> bool:
    """Until every widget on the current screen has handled what was queued when called (tests)."""
    return await pilot._wait_for_screen()


def watch_frames(
    app: App,
    on_frame: Callable[[], None],
    *,
    render_headless: bool = True,
    written: list[str] | None = None,
) -> None:
    """Call ``on_frame()`` each time ``app`` has sent a frame to the terminal (benchmarks, tests).
    Headless, the frame is first turned into terminal bytes (``render_headless``), as a terminal would
    get it; with ``written``, those bytes are appended to it, one string per frame (what a terminal
    would show, for tests of what the first frame holds)."""
    from textual._compositor import CompositorUpdate

    original = app._display

    def display(screen: Any, renderable: Any) -> None:
        frame = renderable is not None and not app._batch_count
        if frame and render_headless and app.is_headless and isinstance(renderable, CompositorUpdate):
            text = renderable.render_segments(app.console)
            if written is not None:
                written.append(text)
        original(screen, renderable)
        if frame:
            on_frame()

    app._display = display  # type: ignore[method-assign]


def dom_ready(app: App) -> bool:
    """Has the first screen been laid out (its first frame is a real one)? (benchmarks)"""
    return bool(app._dom_ready)


# -- textual-serve ---------------------------------------------------------------------------------

# The version pyproject.toml pins (both in the ``web`` and ``test`` extras); tests/web checks that the
# three agree with what is installed. ``legday serve`` names it when its guard check fails.
TEXTUAL_SERVE_TESTED = "1.1.3"


def textual_serve_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("textual-serve")
    except PackageNotFoundError:
        return "none"


async def serve_app(server: Any) -> Any:
    """textual-serve's aiohttp ``Application`` for ``server``: its routes (the page, the WebSocket,
    downloads, static files) and its startup and shutdown hooks, not yet running.

    Why the private ``Server._make_app``: the public ``Server.serve()`` builds this application and
    runs it in one call, binding, printing and handling signals its own way, and nothing public hands
    the application out. legday needs it to put the token guard in front of every route before any
    request is answered (web.start), to print the address only once the port is bound, and to stop
    within seconds. It is called here, not overridden: a version without it raises (and
    ``legday serve`` refuses to start) instead of serving without the guard, which is what an
    override of a renamed method would do. tests/web/test_private_api.py fails when the pinned
    version no longer has it or it no longer returns an application with those routes.
    """
    make = getattr(server, "_make_app", None)
    if make is None:
        raise AttributeError(
            f"textual-serve {textual_serve_version()} has no Server._make_app "
            f"(legday is tested with {TEXTUAL_SERVE_TESTED})"
        )
    return await make()
