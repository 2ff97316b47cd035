"""The legday app: one factory (``build_app``) for ``legday`` and the tests.

The app presents and dispatches; the Journal (legday/journal.py) holds the person's data, plans
and every change. Data flows one way: files -> journal -> views. A view is a Textual mode ("week"
is home, and Textual's default screen: see ``get_default_screen``); it is given what it shows (the journal, or the functions it needs from it), subscribes
to the journal's change notices itself (every change, including writes by another legday process,
which the app looks for with one stat a second) and reports its selected day with a DaySelected
message. Nothing reaches from a view into the app. Keys, the key bar, the palette and help all come
from one table (tui/keys.py), remapped by the ``[keymap]`` table of settings.toml.

Start-up stays small: the form, help and palette modules are imported when first opened, and only
the history window the shown week needs is read from disk.
"""

from __future__ import annotations

import datetime as dt
import gc
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events
from textual.app import App

from legday import private_api
from legday.core.errors import DataError
from legday.journal import Change, Clock, Journal, journal_at
from legday.tui import forms, keys
from legday.tui import themes as theme_tables
from legday.tui.messages import DaySelected
from legday.tui.screens.week import WeekScreen

if TYPE_CHECKING:
    from legday.core.settings import ThemeFile, ThemeProblem
    from legday.tui.screens.trends import TrendsScreen

# How often the app looks for writes by another legday process: one stat each time.
OUTSIDE_CHECK_SECONDS = 1.0
# After the first refresh, how long before the collector comes back on (run_app only): the first frame
# is started within a millisecond or two and drawn in one go, so this lands after it.
AFTER_FIRST_FRAME = 0.05


def _commands_provider():
    # Imported when the palette first opens, not at start-up.
    from legday.tui.commands import LegdayCommands

    return LegdayCommands


class LegdayApp(App, inherit_bindings=False):  # Textual's ctrl+q and ctrl+c are rows of the table
    # The week's stylesheet is the app's, read once at start: as a screen's CSS_PATH it would be
    # read when the screen is installed, and the whole stylesheet parsed again.
    CSS_PATH = ["app.tcss", "screens/week.tcss"]
    TITLE = "legday"
    COMMANDS = {_commands_provider}
    # The week is Textual's default screen in this mode (get_default_screen), not a mode factory's:
    # see get_default_screen. The mode gets a factory only when another view first opens.
    DEFAULT_MODE = "week"
    BINDINGS = keys.bindings(keys.APP)
    HOME_ACTIONS = keys.home_actions()

    def __init__(
        self, journal: Journal, *, steady: bool = False, collect_after_first_frame: bool = False
    ) -> None:
        super().__init__()
        self.journal = journal
        self._theme_problems: set[str] = set()
        self._own_themes: set[str] = set()  # registered from theme files
        # The views: each a mode whose first screen is given the journal (and subscribes to it).
        self._week: WeekScreen | None = None
        self._trends: TrendsScreen | None = None
        # run_app's path: the garbage collector was turned off before the app's imports (cli._open_app)
        # and is turned on again once the first frame is out (see on_mount).
        self._collect_after_first_frame = collect_after_first_frame
        self.selected: dt.date | None = None
        self.keymap = keys.Keymap()
        self._use_keymap()
        # Steady: no animation and no blinking cursor, so that snapshots are the same every run.
        self.steady = steady
        if steady:
            self.animation_level = "none"
        self._load_themes()

    # -- themes ---------------------------------------------------------------------------------

    def _load_themes(self) -> None:
        """The chosen theme only, from its file (``<name>.toml``): the first frame needs no other.
        The rest are read when a list of themes is first shown (theme_names), and what is wrong
        with them is reported then. A chosen theme in a file named otherwise, or missing, means
        reading them all now."""
        wanted = self.journal.settings.theme
        self._all_themes = False
        self._register_themes(*self.journal.theme_files(only=wanted))
        if wanted not in self.available_themes:
            self._load_all_themes()
        if wanted not in self.available_themes:
            fallback = (
                theme_tables.DEFAULT_THEME
                if theme_tables.DEFAULT_THEME in self.available_themes
                else theme_tables.FALLBACK_THEME
            )
            self.journal.add_problem(f"Theme {wanted!r} is not available; using {fallback!r}.")
            wanted = fallback
        # Before any CSS is parsed, so that start-up styles once (see private_api.start_in_theme).
        private_api.start_in_theme(self, wanted)
        self._chosen_theme = wanted

    def _register_themes(self, files: list[ThemeFile], problems: list[ThemeProblem]) -> None:
        loaded, invalid = theme_tables.load_themes(files)
        for theme in loaded:
            if theme.name not in self._own_themes:  # (read at start: the one in use)
                self._own_themes.add(theme.name)
                self.register_theme(theme)
        for problem in [*problems, *invalid]:
            message = f"Theme file skipped: {problem}"
            if message not in self._theme_problems:  # (the chosen one's, told at start)
                self._theme_problems.add(message)
                self.journal.add_problem(message)

    def _load_all_themes(self) -> None:
        if self._all_themes:
            return
        self._all_themes = True
        self._register_themes(*self.journal.theme_files())
        if self.is_running:
            self.call_later(self.report_problems)

    def theme_names(self) -> list[str]:
        """Every theme, by name: Textual's, the shipped ones and the person's own (read now if they
        were not yet)."""
        self._load_all_themes()
        return sorted(self.available_themes)

    def choose_theme(self, name: str) -> None:
        """Switch to theme ``name`` and remember it in settings.toml (one write)."""
        if name not in self.available_themes:
            self._load_all_themes()
        if name not in self.available_themes:
            return
        self.theme = self._chosen_theme = name
        try:
            self.journal.remember_theme(name)
        except DataError as error:
            self.notify(f"Theme not remembered: {error}", severity="error", timeout=10, markup=False)

    def preview_theme(self, name: str | None) -> None:
        """Show theme ``name`` without remembering it (the profile screen's theme field, as it
        moves); None goes back to the chosen one. Nothing is written: choosing the theme does that."""
        wanted = self._chosen_theme if name is None else name
        if wanted in self.available_themes and wanted != self.theme:
            self.theme = wanted

    def action_change_theme(self) -> None:
        # Textual's own theme palette sets the theme without a word to legday; this one chooses it.
        self.search_commands(
            [(name, partial(self.choose_theme, name)) for name in self.theme_names()],
            placeholder="Search for themes…",
        )

    # -- keys ---------------------------------------------------------------------------------------

    def _use_keymap(self) -> None:
        """The keys as settings.toml's [keymap] remaps them; what it gets wrong is reported."""
        self._keymap_read = self.journal.settings.keymap
        self.keymap = keys.resolve(self._keymap_read)
        self.set_keymap(dict(self.keymap.remapped))
        self._key_problems = list(self.keymap.problems)  # shown with the file problems, once

    # -- start-up and change notices ------------------------------------------------------------

    def get_default_screen(self) -> WeekScreen:
        """The week, as the first screen. A mode's screen is composed, laid out and drawn while
        Textual's start-up batch is still open, and that first frame is thrown away: the next one
        is partial (no title, no selected day) and the week shows complete only a frame later, and
        the mode's screen restyles the whole stylesheet once more. The default screen is drawn once,
        after the batch, as a bare app's is (issue 18)."""
        return self._week_screen()

    def on_mount(self) -> None:
        self.journal.subscribe(self._journal_changed)
        if self._collect_after_first_frame:
            self.call_after_refresh(self.set_timer, AFTER_FIRST_FRAME, self._collect_again)
        self.set_interval(OUTSIDE_CHECK_SECONDS, self._look_outside)
        self.call_after_refresh(self.report_problems)
        if self.journal.first_run:
            self.call_after_refresh(self._welcome)

    def on_unmount(self) -> None:
        self.journal.unsubscribe(self._journal_changed)

    def _journal_changed(self, change: Change) -> None:
        """Every change the journal announces: the settings are applied and the person is told
        what happened. (The views re-plan through their own subscriptions.)"""
        theme = self.journal.settings.theme
        if change.settings and self.journal.settings.keymap != self._keymap_read:
            self._use_keymap()  # (its problems are shown with the others, just below)
        if change.settings and theme not in self.available_themes:
            self._load_all_themes()  # (chosen in another legday, perhaps one not read yet)
        if change.settings and theme in self.available_themes:
            self._chosen_theme = theme
            if theme != self.theme:
                self.theme = theme
        if change.message:
            self.notify(f"{change.message} The week is re-planned.", timeout=3, markup=False)
        elif change.outside:
            self.notify("Changed by another legday: the week is re-planned.", timeout=3)
        if change.warning:
            self.notify(
                change.warning[:1].upper() + change.warning[1:], severity="warning", timeout=10, markup=False
            )
        self.call_later(self.report_problems)

    def _collect_again(self) -> None:
        """The collector back on, the first frame being out: what start-up built (imports, styles,
        the week) is frozen out of its passes, so that a full pass stays as short as a bare app's
        and no keystroke waits behind one (issue 18, C1 / D5)."""
        gc.freeze()
        gc.enable()

    def _look_outside(self) -> None:
        # What changed is told by the notice the journal publishes (one toast, with a merge's words).
        self.journal.check_outside()

    def _welcome(self) -> None:
        from legday.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(save=forms.saving(self.journal.save_profile)), self._after_welcome)

    def _after_welcome(self, saved: bool | None) -> None:
        if not saved and self.journal.first_run:
            self.notify(
                "No profile yet: the plan uses a general, intermediate lifter with legs on Monday "
                "and Thursday. Press p to set yours.",
                timeout=8,
            )

    def report_problems(self) -> None:
        """Show each file problem once, naming the file and line; never a crash. Then each [keymap]
        entry that was refused, once."""
        # Not markup: a message may quote "[keymap]" or a "[[legs]]" table, which markup would eat.
        for message in self.journal.take_problems():
            self.notify(message, title="Could not read a file", severity="error", timeout=20, markup=False)
        for message in self._key_problems:
            self.notify(message, title="A key was not changed", severity="warning", timeout=20, markup=False)
        self._key_problems = []

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.steady and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def on_key(self, event: events.Key) -> None:
        # Closing: the views are gone, and a key still on its way up (typed as the app quits) would
        # meet Textual's empty screen stack and end in a traceback. It has nothing left to do.
        # (Textual's own key handling, App._on_key, runs after this unless prevented.)
        if not self.screen_stack:
            event.prevent_default()

    def on_day_selected(self, message: DaySelected) -> None:
        self.selected = message.date

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self.return_code is not None:
            # Closing (q pressed, and w typed right after): a screen opened now would mount onto
            # a closing app and end in a traceback.
            return False
        return not (action in self.HOME_ACTIONS and not self.on_home_screen)

    @property
    def on_home_screen(self) -> bool:
        """Is a view's own screen showing (not a form, help or question over it)?"""
        stack = self.screen_stack
        return bool(stack) and self.screen is stack[0]

    def _day(self) -> dt.date:
        return forms.day_for_new_log(self.journal, self.selected)

    def action_log_workout(self) -> None:
        forms.log_workout(self, self.journal, self._day())

    def action_repeat_workout(self) -> None:
        forms.log_workout(self, self.journal, self._day(), repeat=True)

    def action_soreness(self) -> None:
        forms.soreness(self, self.journal, self._day())

    def action_log_cardio(self) -> None:
        forms.log_cardio(self, self.journal, self._day())

    def action_profile(self) -> None:
        forms.profile(self, self.journal, self.theme_names(), self.preview_theme)

    def action_import_data(self) -> None:
        forms.import_data(self, self.journal)

    def action_undo(self) -> None:
        def undo() -> None:
            if self.journal.undo() is None:
                self.notify("Nothing to undo.", severity="warning", timeout=3)

        forms.attempt(self, undo, "Could not undo")

    # -- the views: each a mode, built when first shown --------------------------------------

    def _week_screen(self) -> WeekScreen:
        self._week = WeekScreen(self.journal)
        return self._week

    def _the_week(self) -> WeekScreen:
        return self._week or self._week_screen()

    def _trends_screen(self) -> TrendsScreen:
        # Imported when the view first opens, not at start-up.
        from legday.tui.screens.trends import TrendsScreen

        screen = TrendsScreen(self.journal.trends_window, self.open_week, self.journal.subscribe)
        # Its stylesheet joins the app's here, parsed with the rest when next needed: as a screen's
        # own file, Textual would re-parse every stylesheet and re-style both views on the first
        # switch (a tenth of a second for nothing).
        for path in screen.css_path:
            self.stylesheet.read(path)
        private_api.mark_styled(screen, self)
        self._trends = screen
        return screen

    def switch_view(self, mode: str) -> None:
        """Show another top-level view (a mode), as it was left."""
        shown = {"week": self._week, "trends": self._trends}.get(mode)
        if shown is not None:  # (not opened yet: its factory marks it)
            private_api.mark_styled(shown, self)
        self.switch_mode(mode)

    def action_trends(self) -> None:
        if self.current_mode == "trends":
            self.switch_view("week")
            return
        if self._trends is None:
            self.add_mode("trends", self._trends_screen)
            # The week came up as the default screen, and its stack already exists: the mode only
            # needs a name switch_mode knows (the factory is never called).
            self.add_mode("week", self._the_week)
        self.switch_view("trends")

    def open_week(self, day: dt.date) -> None:
        """Show the week containing ``day`` in the week view, ``day`` selected."""
        self.switch_view("week")
        if self._week is not None:
            self._week.select(day)

    def action_leave(self) -> None:
        self.exit()

    def action_theme(self, name: str) -> None:
        self.choose_theme(name)

    def action_help(self) -> None:
        from legday.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.keymap))


def build_app(
    data_dir: Path,
    config_dir: Path,
    clock: Clock = dt.datetime.now,
    *,
    steady: bool = False,
) -> LegdayApp:
    """The app over the files in ``data_dir`` (settings in ``config_dir``), with "now" from
    ``clock``. ``steady=True`` turns off animation and cursor blink (tests, screenshots)."""
    return LegdayApp(journal_at(data_dir, config_dir, clock), steady=steady)


def run_app(data_dir: Path | None = None) -> int | None:
    """``legday`` and ``legday --data-dir DIR``: open the app on the person's files."""
    from legday.journal import open_journal

    # (cli._open_app turned the collector off before importing this module.)
    app = LegdayApp(open_journal(data_dir), collect_after_first_frame=not gc.isenabled())
    app.run()
    return app.return_code
