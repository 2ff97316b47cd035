"""Profile and settings: who is training (goal, level, injuries, usual leg days, the cardio they can do,
units) and how the app looks and shares the plan (week start, theme, the calendar file kept current and
its morning check-in reminder). Every choice moves with ←/→ (space switches a kind of
cardio on or off); the theme previews as you move (in memory: only saving writes it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import replace

from textual import on
from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.containers import Grid, VerticalScroll
from textual.widgets import Label, Static

from legday.core.model import CARDIO_MODALITIES, UNITS, WEEKDAYS, Goal, Level, Profile, parse_weekdays
from legday.core.parse import parse_time
from legday.core.settings import Settings
from legday.journal import calendar_file_setting
from legday.tui import keys
from legday.tui.widgets.choice import Choice
from legday.tui.widgets.form import Field, FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar
from legday.tui.widgets.picks import Picks

NO_YES = ("no", "yes")
ON_OFF = ("on", "off")


def weekdays_text(days: Sequence[int]) -> str:
    """``(0, 3)`` -> ``"mon,thu"``, the form parse_weekdays reads back."""
    return ",".join(WEEKDAYS[d] for d in days)


class ProfileScreen(FormScreen):
    CSS_PATH = "profile.tcss"
    DISCARD_QUESTION = "Leave without saving? The changes to your profile are not saved."

    PLACE = "profile"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(
        self,
        profile: Profile | None,
        settings: Settings,
        themes: Sequence[str],
        save: Callable[[Profile, Settings], None],
        preview: Callable[[str | None], None] | None = None,
    ) -> None:
        """``preview(name)`` shows a theme without remembering it, ``preview(None)`` puts back the
        one in use; without it the theme field does not preview."""
        super().__init__()
        self.profile = profile
        self.settings = settings
        # legday's own themes first, then the rest in the order given; the saved one always listed.
        ordered = [t for t in themes if t.startswith("legday-")]
        ordered += [t for t in themes if not t.startswith("legday-")]
        self.themes = ordered if settings.theme in ordered else [settings.theme, *ordered]
        self.save = save
        self.preview = preview

    def compose(self) -> ComposeResult:
        p = self.profile or Profile()
        yield Static("Profile and settings", id="title")
        # Not a Tab stop: focusing the scroll container itself shows nothing (the fields scroll into view).
        with VerticalScroll(id="form", can_focus=False):
            if self.profile is None:
                yield Label("No profile yet: these are the defaults. Save to keep them.", id="note")
            with Grid(id="grid"):
                yield Label("Goal", classes="name")
                yield Choice([g.value for g in Goal], p.goal.value, id="goal")
                yield Label("Level", classes="name")
                yield Choice([lv.value for lv in Level], p.level.value, id="level")
                yield Label("Injury-prone", classes="name")
                yield Choice(
                    NO_YES,
                    NO_YES[p.injury_prone],
                    id="injury",
                    labels=("no", "yes: past lower-body or running injury"),
                )
                yield Label("Usual leg days", classes="name field-name")
                yield Field(
                    "",
                    parse_weekdays,
                    weekdays_text(p.leg_days),
                    placeholder="e.g. mon,thu (empty: no usual days)",
                    id="leg-days",
                )
                yield Label("Leg session at", classes="name field-name")
                yield Field("", parse_time, p.leg_time.strftime("%H:%M"), placeholder="HH:MM", id="leg-time")
                yield Label("Cardio you do", classes="name")
                yield Picks(CARDIO_MODALITIES, p.modalities, id="modalities")
                yield Label("Units", classes="name")
                yield Choice(UNITS, p.units, id="units")
                yield Label("Week starts on", classes="name")
                yield Choice(WEEKDAYS, WEEKDAYS[self.settings.week_start], id="week-start")
                yield Label("Theme", classes="name")
                yield Choice(self.themes, self.settings.theme, id="theme")
                yield Label("Calendar file", classes="name field-name")
                yield Field(
                    "",
                    calendar_file_setting,
                    self.settings.calendar_file or "",
                    optional=True,
                    placeholder="an .ics file kept current, e.g. ~/legday.ics (empty: none)",
                    id="calendar-file",
                )
                yield Label("Check-in reminder", classes="name")
                yield Choice(
                    ON_OFF,
                    ON_OFF[not self.settings.morning_reminder],
                    id="reminder",
                    labels=("on: each morning, in the calendar", "off"),
                )
                yield Label("Reminder at", classes="name field-name")
                yield Field(
                    "",
                    parse_time,
                    self.settings.morning_reminder_time.strftime("%H:%M"),
                    placeholder="HH:MM",
                    id="reminder-time",
                )
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.remember_initial()
        self.query_one("#goal", Choice).focus()

    def _choice(self, name: str) -> str:
        return self.query_one(f"#{name}", Choice).value

    @on(Choice.Changed, "#theme")
    def _preview_theme(self, event: Choice.Changed) -> None:
        if self.preview is not None:
            self.preview(event.value)

    def build(self) -> tuple[Profile, Settings]:
        leg_days, leg_time, calendar, reminder_time = self.read(
            self.query_one("#leg-days", Field),
            self.query_one("#leg-time", Field),
            self.query_one("#calendar-file", Field),
            self.query_one("#reminder-time", Field),
        )
        base = self.profile or Profile()
        profile = replace(
            base,
            goal=Goal(self._choice("goal")),
            level=Level(self._choice("level")),
            injury_prone=self._choice("injury") == "yes",
            leg_days=leg_days,
            leg_time=leg_time if isinstance(leg_time, dt.time) else base.leg_time,
            units=self._choice("units"),
            modalities=self.query_one("#modalities", Picks).values,
        )
        settings = replace(
            self.settings,
            theme=self._choice("theme"),
            week_start=WEEKDAYS.index(self._choice("week-start")),
            calendar_file=calendar,
            morning_reminder=self._choice("reminder") == "on",
            morning_reminder_time=reminder_time,
        )
        return profile, settings

    def deliver(self, built: tuple[Profile, Settings]) -> None:
        self.save(*built)

    def snapshot(self) -> object:
        return super().snapshot(), tuple(c.value for c in self.query(Choice))

    def dismiss(self, result: bool | None = None) -> AwaitComplete:
        # Leaving without saving puts back the theme in use (the field previews live); saving
        # keeps the previewed one, which the saved settings now name.
        if not result and self.preview is not None:
            self.preview(None)
        return super().dismiss(result)
