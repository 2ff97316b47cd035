"""The legday app: one factory (``build_app``) for ``legday`` and the tests, the store behind it,
and the actions every screen shares (log, check in, profile, help, skip).

Data flows one way: the store's files -> the planner -> the week screen. A form saves through the
``save_*`` callbacks here, which write through the Store (raising StorageError so the form can show it
and stay open), drop the cached plans and re-plan the week on screen.

Start-up stays small: the form, help and palette modules are imported when first opened, and only
the history window the shown week needs is read from disk.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from textual import events
from textual.app import App
from textual.binding import Binding

from legday.core.model import CardioSession, CheckIn, LegSession, Profile, Skip
from legday.core.plan import Session, WeekPlan
from legday.core.planner import history_window, plan_week
from legday.storage import (
    Settings,
    StorageError,
    Store,
    load_settings,
    resolve_config_dir,
    resolve_data_dir,
    save_settings,
)
from legday.tui import themes as theme_files
from legday.tui.screens.week import WeekScreen

Clock = Callable[[], dt.datetime]


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
    # The views are modes: the week is home, trends (g) the second (added when first opened).
    DEFAULT_MODE = "week"

    BINDINGS = [
        Binding("w", "log_workout", "workout", tooltip="Log a leg workout"),
        Binding("s", "soreness", "sore", tooltip="Morning check-in: soreness, sleep, pain"),
        Binding("c", "log_cardio", "cardio", tooltip="Log a cardio session"),
        Binding("p", "profile", "profile", tooltip="Profile and settings"),
        Binding("g", "trends", "trends", tooltip="Trends: the weeks behind you, drawn (g again: the week)"),
        Binding("question_mark", "help", "help", key_display="?", tooltip="Keys, colours, evidence"),
        Binding("q", "leave", "quit", tooltip="Quit legday (ctrl+q works everywhere)"),
    ]

    def __init__(
        self,
        store: Store,
        config_dir: Path,
        clock: Clock,
        *,
        steady: bool = False,
    ) -> None:
        super().__init__()
        self.store = store
        self.config_dir = Path(config_dir)
        self.clock = clock
        # Steady: no animation and no blinking cursor, so that snapshots are the same every run.
        self.steady = steady
        if steady:
            self.animation_level = "none"
        self._problems: list[str] = []
        self._shown_problems: set[str] = set()
        self._plans: dict[dt.date, WeekPlan] = {}
        # Views other than the week (trends) that want to hear of every change.
        self._listeners: list[Callable[[], None]] = []
        self.add_mode("week", WeekScreen)

        settings_problems: list[StorageError] = []
        self.settings: Settings = load_settings(self.config_dir, settings_problems)
        self._problems += [str(p) for p in settings_problems]

        # The profile: None on a first run. A profile file that cannot be read is reported and never
        # overwritten by the welcome screen; the plan uses the defaults until it is fixed.
        self.profile_problem = False
        try:
            saved = store.profile()
        except StorageError as error:
            self._problems.append(str(error))
            self.profile_problem = True
            saved = None
        self.first_run = saved is None and not self.profile_problem
        self.profile: Profile = saved or Profile()

        self._load_themes()

    # -- themes ---------------------------------------------------------------------------------

    def _load_themes(self) -> None:
        loaded, problems = theme_files.load_themes(theme_files.theme_dirs(self.config_dir))
        for theme in loaded:
            self.register_theme(theme)
        for problem in problems:
            self._problems.append(f"Theme file skipped: {problem}")
        wanted = self.settings.theme
        if wanted not in self.available_themes:
            fallback = (
                theme_files.DEFAULT_THEME
                if theme_files.DEFAULT_THEME in self.available_themes
                else theme_files.FALLBACK_THEME
            )
            self._problems.append(f"Theme {wanted!r} is not available; using {fallback!r}.")
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
        if theme.name == self.settings.theme:
            return
        self.settings = replace(self.settings, theme=theme.name)
        try:
            save_settings(self.config_dir, self.settings)
        except StorageError as error:
            self.notify(f"Theme not remembered: {error}", severity="error", timeout=10)

    # -- start-up -------------------------------------------------------------------------------

    def get_default_screen(self) -> WeekScreen:
        return WeekScreen()

    def on_mount(self) -> None:
        self.theme_changed_signal.subscribe(self, self._remember_theme)
        self.report_problems()
        if self.first_run:
            self.call_after_refresh(self._welcome)

    def _welcome(self) -> None:
        from legday.tui.screens.welcome import WelcomeScreen

        self.push_screen(WelcomeScreen(save=self.save_welcome), self._after_welcome)

    def _after_welcome(self, saved: bool | None) -> None:
        if not saved and self.first_run:
            self.notify(
                "No profile yet: the plan uses a general, intermediate lifter with legs on Monday "
                "and Thursday. Press p to set yours.",
                timeout=8,
            )

    def report_problems(self) -> None:
        """Show each file problem once, naming the file and line; never a crash."""
        messages = self._problems + [str(p) for p in self.store.problems]
        self._problems = []
        for message in messages:
            if message not in self._shown_problems:
                self._shown_problems.add(message)
                self.notify(message, title="Could not read a file", severity="error", timeout=20)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if self.steady and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False

    # -- time and plans -------------------------------------------------------------------------

    @property
    def now(self) -> dt.datetime:
        return self.clock()

    @property
    def today(self) -> dt.date:
        return self.clock().date()

    def week_start_of(self, day: dt.date) -> dt.date:
        return day - dt.timedelta(days=(day.weekday() - self.settings.week_start) % 7)

    def week_plan(self, day: dt.date) -> WeekPlan:
        """The plan for the week containing ``day``, as of today (cached until the next save)."""
        start = self.week_start_of(day)
        if start in self._plans:
            return self._plans[start]
        week_start = self.settings.week_start
        first, last = history_window(self.today, week_start, week=start)
        history = self.store.history(first, last)
        plan = plan_week(self.profile, history, self.today, week_start, week=start)
        self._plans[start] = plan
        if self.store.problems:
            self.call_later(self.report_problems)
        return plan

    def is_planned(self, day: dt.date) -> bool:
        """Is the week containing ``day`` in the cache (showing it costs no planning)?"""
        return self.week_start_of(day) in self._plans

    def recent_days(self, plan: WeekPlan, *, planned_only: bool = False) -> list[tuple[dt.date, int | None, int]] | None:
        """(date, soreness, readiness) for the 14 days the sparklines show: up to today, or the
        shown week's end when that is earlier. ``planned_only``: None if that needs a week that is
        not planned yet (the caller then plans it after the frame rather than before)."""
        end = min(plan.week_start + dt.timedelta(days=6), self.today)
        if planned_only and not all(
            plan.day(d) or self.is_planned(d) for d in (end - dt.timedelta(days=n) for n in (13, 7, 0))
        ):
            return None
        days = []
        for back in range(13, -1, -1):
            date = end - dt.timedelta(days=back)
            day = (plan if plan.day(date) else self.week_plan(date)).day(date)
            if day is not None:
                days.append((date, day.soreness, day.readiness))
        return days

    def _changed(self, saved: str | None = None) -> None:
        self._plans.clear()
        for listener in list(self._listeners):
            listener()
        screen = self.week_screen
        if screen is not None:
            screen.replan()
        if saved:
            self.notify(f"{saved} The week is re-planned.", timeout=3)

    @property
    def week_screen(self) -> WeekScreen | None:
        # In any mode: a log saved from the trends view re-plans the week waiting behind it.
        for stack in self._screen_stacks.values():
            for screen in stack:
                if isinstance(screen, WeekScreen):
                    return screen
        return None

    # -- the trends view (a second mode; its modules are imported when it first opens) ----------

    def subscribe(self, listener: Callable[[], None]) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def trends_window(self, weeks: int):
        """What the trends view draws: the weeks asked for and the look-back before them, no more."""
        from legday.core.trends import Window, trends_window

        week_start = self.settings.week_start
        first, last = trends_window(self.today, weeks, week_start)
        window = Window(self.profile, self.store.history(first, last), self.today, weeks, week_start)
        if self.store.problems:
            self.call_later(self.report_problems)
        return window

    def _trends_screen(self):
        from legday.tui.screens.trends import TrendsScreen

        return TrendsScreen(self.trends_window, self.open_week, self.subscribe)

    def action_trends(self) -> None:
        if self.current_mode == "trends":
            self.switch_mode("week")
            return
        if "trends" not in self._modes:
            self.add_mode("trends", self._trends_screen)
        self.switch_mode("trends")

    def open_week(self, day: dt.date) -> None:
        """Show the week containing ``day`` in the week view, ``day`` selected."""
        self.switch_mode("week")
        screen = self.week_screen
        if screen is not None:
            screen.select(day)

    def _selected_or_today(self) -> dt.date:
        """The day a new log is for: the selected day if it has come, else today."""
        screen = self.week_screen
        if screen is not None and screen.selected <= self.today:
            return screen.selected
        return self.today

    # -- saving (called by the forms; StorageError propagates so the form can show it) ---------

    def save_legs(self, session: LegSession) -> None:
        self.store.add_legs(session)
        self._changed(f"Leg session on {session.date:%a %d %b} saved.")

    def save_cardio(self, session: CardioSession) -> None:
        self.store.add_cardio(session)
        self._changed(f"{session.modality.capitalize()} on {session.date:%a %d %b} saved.")

    def save_checkin(self, checkin: CheckIn) -> None:
        self.store.set_checkin(checkin)
        self._changed(f"Check-in for {checkin.date:%a %d %b} saved.")

    def save_welcome(self, profile: Profile) -> None:
        self.store.save_profile(profile)
        self.profile = profile
        self.first_run = False
        self._changed()

    def save_profile(self, profile: Profile, settings: Settings) -> None:
        self.store.save_profile(profile)
        self.profile = profile
        self.first_run = False
        self.profile_problem = False
        if settings != self.settings:
            save_settings(self.config_dir, settings)
            self.settings = settings
            if settings.theme in self.available_themes and settings.theme != self.theme:
                self.theme = settings.theme
        self._changed("Profile saved.")

    def skip(self, day: dt.date, session: Session) -> None:
        modality = session.modality or session.kind
        try:
            self.store.add_skip(Skip(day, modality))
        except StorageError as error:
            self.notify(f"Skip not saved: {error}", severity="error", timeout=10)
            return
        self._changed()
        self.notify(f"Skipped {modality} on {day:%a %d %b}. The week is re-planned.", timeout=4)

    # -- actions --------------------------------------------------------------------------------

    # Actions that open something over the week. On a form they would stack a second form over the
    # first, or quit with unsaved input, so they only run from the week (forms type these letters).
    WEEK_ONLY_ACTIONS = frozenset({"log_workout", "soreness", "log_cardio", "profile", "help", "leave",
                                   "trends"})

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if self._exit:
            # Closing (q pressed, and w typed right after): a screen opened now would mount onto
            # a closing app and end in a traceback.
            return False
        if action in self.WEEK_ONLY_ACTIONS and not self.on_a_view:
            return False
        return True

    @property
    def on_a_view(self) -> bool:
        """Is a view's own screen on top (the week or trends, not a form or help over one)?"""
        return isinstance(self.screen, WeekScreen) or getattr(self.screen, "IS_VIEW", False)

    def action_log_workout(self) -> None:
        from legday.tui.screens.log_workout import LogWorkoutScreen

        now = self.now
        day = self._selected_or_today()
        if day != now.date():
            now = dt.datetime.combine(day, self.profile.leg_time)
        self.push_screen(
            LogWorkoutScreen(now, self.profile.units, self.exercise_names(), self.save_legs)
        )

    def exercise_names(self) -> list[str]:
        """Names for completion: the person's own (recent months) first, then the catalogue."""
        from legday.core.catalogue import EXERCISE_NAMES

        own = self.store.exercise_names()
        return list(dict.fromkeys([*own, *EXERCISE_NAMES]))

    def action_soreness(self) -> None:
        from legday.tui.screens.soreness import SorenessScreen

        day = self._selected_or_today()
        existing = self.store.history(day, day).checkin(day)
        self.push_screen(SorenessScreen(day, existing, self.save_checkin))

    def action_log_cardio(self) -> None:
        self.log_cardio(self._selected_or_today(), prefill=None)

    def log_cardio(self, day: dt.date, prefill: Session | None) -> None:
        from legday.tui.screens.log_cardio import LogCardioScreen

        self.push_screen(LogCardioScreen(day, self.now, prefill, self.save_cardio))

    def action_profile(self) -> None:
        from legday.tui.screens.profile import ProfileScreen

        themes = sorted(self.available_themes)
        current = self.profile if not self.first_run else None
        self.push_screen(ProfileScreen(current, self.settings, themes, self.save_profile))

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
    return LegdayApp(Store(Path(data_dir)), Path(config_dir), clock, steady=steady)


def run_app(data_dir: Path | None = None) -> int | None:
    """``legday`` and ``legday --data-dir DIR``: open the app on the person's files."""
    data = resolve_data_dir(data_dir)
    config = resolve_config_dir(data_dir if data_dir is not None else None)
    app = build_app(data, config)
    app.run()
    return app.return_code
