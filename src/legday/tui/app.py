"""The legday app: one factory (``build_app``) for ``legday`` and the tests.

The app presents and dispatches; the Journal (legday/journal.py) holds the person's data, plans
and every change. Data flows one way: files -> journal -> views. A view is a Textual mode ("week"
is home); it is given the journal, subscribes to ``journal_changed`` (a Signal the app publishes
on every change the journal announces, including writes by another legday process, noticed by
one stat a second) and reports its selected day with a DaySelected message. Keys, the key bar,
the palette and help all come from one table (tui/keys.py).

Start-up stays small: the form, help and palette modules are imported when first opened, and only
the history window the shown week needs is read from disk.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from textual import events
from textual.app import App
from textual.signal import Signal

from legday.core.errors import DataError
from legday.journal import Change, Clock, Journal, journal_at
from legday.tui import forms, keys
from legday.tui import themes as theme_tables
from legday.tui.messages import DaySelected
from legday.tui.screens.week import WeekScreen

# How often the app looks for writes by another legday process: one stat each time.
OUTSIDE_CHECK_SECONDS = 1.0


def _commands_provider():
    # Imported when the palette first opens, not at start-up.
    from legday.tui.commands import LegdayCommands

    return LegdayCommands


class LegdayApp(App):
    # The week's stylesheet is the app's, read once at start: as a screen's CSS_PATH it would be
    # read when the screen is installed, and the whole stylesheet parsed again.
    CSS_PATH = ["app.tcss", "screens/week.tcss"]
    TITLE = "legday"
    COMMANDS = {_commands_provider}
    DEFAULT_MODE = "week"
    BINDINGS = keys.bindings(keys.APP)
    HOME_ACTIONS = keys.home_actions()

    def __init__(self, journal: Journal, *, steady: bool = False) -> None:
        super().__init__()
        self.journal = journal
        self.journal_changed: Signal[Change] = Signal(self, "journal-changed")
        # The views: each a mode whose first screen is given the journal.
        self.add_mode("week", lambda: WeekScreen(journal))
        self.selected: dt.date | None = None
        # Steady: no animation and no blinking cursor, so that snapshots are the same every run.
        self.steady = steady
        if steady:
            self.animation_level = "none"
        self._load_themes()

    # -- themes ---------------------------------------------------------------------------------

    def _load_themes(self) -> None:
        files, problems = self.journal.theme_files()
        loaded, invalid = theme_tables.load_themes(files)
        for theme in loaded:
            self.register_theme(theme)
        for problem in [*problems, *invalid]:
            self.journal.add_problem(f"Theme file skipped: {problem}")
        wanted = self.journal.settings.theme
        if wanted not in self.available_themes:
            fallback = (
                theme_tables.DEFAULT_THEME
                if theme_tables.DEFAULT_THEME in self.available_themes
                else theme_tables.FALLBACK_THEME
            )
            self.journal.add_problem(f"Theme {wanted!r} is not available; using {fallback!r}.")
            wanted = fallback
        self._start_in_theme(wanted)

    def _start_in_theme(self, name: str) -> None:
        """Set the first theme before any CSS is parsed. Assigning ``self.theme`` here would parse
        and apply every stylesheet a second time once the app runs, a large part of start-up."""
        self.set_reactive(App.theme, name)
        theme = self.current_theme
        classes = {c: False for c in self.classes if c.startswith("-theme-")}
        classes.update({f"-theme-{name}": True, "-dark-mode": theme.dark, "-light-mode": not theme.dark})
        self.update_classes(classes, update=False)
        self._refresh_truecolor_filter(self.ansi_theme)
        self.stylesheet.set_variables(self.get_css_variables())

    def _remember_theme(self, theme) -> None:
        try:
            self.journal.remember_theme(theme.name)
        except DataError as error:
            self.notify(f"Theme not remembered: {error}", severity="error", timeout=10)

    # -- start-up and change notices ------------------------------------------------------------

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.journal.subscribe(self._journal_changed)
        self.set_interval(OUTSIDE_CHECK_SECONDS, self._look_outside)
        self.call_after_refresh(self.report_problems)
        if self.journal.first_run:
            self.call_after_refresh(self._welcome)

    def on_unmount(self) -> None:
        self.journal.unsubscribe(self._journal_changed)

    def _journal_changed(self, change: Change) -> None:
        """Every change the journal announces: the views re-plan (through the signal), the
        settings are applied, and the person is told what happened."""
        theme = self.journal.settings.theme
        if change.settings and theme in self.available_themes and theme != self.theme:
            self.theme = theme
        self.journal_changed.publish(change)
        if change.message:
            self.notify(f"{change.message} The week is re-planned.", timeout=3)
        if change.warning:
            self.notify(change.warning[:1].upper() + change.warning[1:], severity="warning", timeout=10)
        self.call_later(self.report_problems)

    def _look_outside(self) -> None:
        if self.journal.check_outside():
            self.notify("Changed by another legday: the week is re-planned.", timeout=3)

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
        """Show each file problem once, naming the file and line; never a crash."""
        for message in self.journal.take_problems():
            self.notify(message, title="Could not read a file", severity="error", timeout=20)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.steady and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    def _on_key(self, event: events.Key) -> None:
        # Closing: the views are gone, and a key still on its way up (typed as the app quits) would
        # meet Textual's empty screen stack and end in a traceback. It has nothing left to do.
        if not self._screen_stacks.get(self._current_mode):
            event.prevent_default()  # (Textual's own key handling runs after this unless prevented)

    def on_day_selected(self, message: DaySelected) -> None:
        self.selected = message.date

    # -- actions --------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._exit:
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

    def action_soreness(self) -> None:
        forms.soreness(self, self.journal, self._day())

    def action_log_cardio(self) -> None:
        forms.log_cardio(self, self.journal, self._day())

    def action_profile(self) -> None:
        forms.profile(self, self.journal, sorted(self.available_themes))

    def action_import_data(self) -> None:
        forms.import_data(self, self.journal)

    def action_undo(self) -> None:
        def undo() -> None:
            if self.journal.undo() is None:
                self.notify("Nothing to undo.", severity="warning", timeout=3)

        forms.attempt(self, undo, "Could not undo")

    # -- the trends view (a second mode; its modules are imported when it first opens) ----------

    def _trends_screen(self):
        from legday.tui.screens.trends import TrendsScreen

        screen = TrendsScreen(self.journal.trends_window, self.open_week, self.journal.subscribe)
        # Its stylesheet joins the app's here, parsed with the rest when next needed: as a screen's
        # own file, Textual would re-parse every stylesheet and re-style both views on the first
        # switch (a tenth of a second for nothing).
        for path in screen.css_path:
            self.stylesheet.read(path)
        self._styled(screen)
        return screen

    def _styled(self, screen) -> None:
        """Tell Textual ``screen`` needs no app-wide re-style when it is switched to. Textual 8.2
        re-parses every stylesheet and re-styles every screen when it switches to a mode whose
        screen it has not marked since the last theme change, and it never marks one that is not
        showing: every ``g`` cost several frames. Not needed: the screen is re-styled by the
        stylesheet as it stands when it resumes (ScreenResume), and a theme change re-parses the
        stylesheet itself."""
        screen._css_update_count = self._css_update_count

    def switch_view(self, mode: str) -> None:
        """Show another top-level view (a mode), as it was left."""
        with contextlib.suppress(KeyError, IndexError):  # not opened yet: its factory marks it
            self._styled(self.get_screen_stack(mode)[-1])
        self.switch_mode(mode)

    def action_trends(self) -> None:
        if self.current_mode == "trends":
            self.switch_view("week")
            return
        if "trends" not in self._modes:
            self.add_mode("trends", self._trends_screen)
        self.switch_view("trends")

    def open_week(self, day: dt.date) -> None:
        """Show the week containing ``day`` in the week view, ``day`` selected."""
        self.switch_view("week")
        week = self.screen_stack[0] if self.screen_stack else None
        if week is not None and hasattr(week, "select"):
            week.select(day)

    def action_leave(self) -> None:
        self.exit()

    def action_theme(self, name: str) -> None:
        if name in self.available_themes:
            self.theme = name

    def action_help(self) -> None:
        from legday.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())


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

    app = LegdayApp(open_journal(data_dir))
    app.run()
    return app.return_code
