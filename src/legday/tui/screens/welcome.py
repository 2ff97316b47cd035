"""First run: two questions (goal, level), a few keystrokes, and the week is planned.

Keys: a digit picks an option and moves on, ←/→ move, Enter moves on and, on the last question,
saves. "2 2 ⏎" is a strength-focused intermediate lifter. Everything else has a sensible default
and lives in the profile (p).
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.widgets import Label, Static

from legday.core.model import Goal, Level, Profile
from legday.tui import keys
from legday.tui.widgets.choice import Choice
from legday.tui.widgets.form import FormScreen, StatusLine
from legday.tui.widgets.key_bar import KeyBar

# One line on what each answer means for the plan (the app's own words; see evidence G1-G5, P1).
GOALS = {
    Goal.ENDURANCE: "running or racing comes first; the key run is kept away from leg day",
    Goal.STRENGTH: "stronger or bigger legs; cardio stays short and easy, as recovery",
    Goal.POWER: "jumps, sprints, sport; hard cardio is kept away from explosive work",
    Goal.HYBRID: "Hyrox, obstacle races, CrossFit; running on tired legs, in doses",
    Goal.GENERAL: "fitness and health; a light run after lifting is fine",
}
LEVELS = {
    Level.BEGINNER: "under a year of regular leg training; more rest between",
    Level.INTERMEDIATE: "a year or more of steady training",
    Level.ADVANCED: "years of structured training; harder combinations allowed",
}


class WelcomeScreen(FormScreen):
    CSS_PATH = "welcome.tcss"

    PLACE = "welcome"  # its rows in the key table (tui/keys.py)
    BINDINGS = keys.bindings(PLACE)

    def __init__(self, save: Callable[[Profile], None]) -> None:
        super().__init__()
        self.save = save

    def compose(self) -> ComposeResult:
        with Center(), Vertical(id="box"):
            yield Static("Welcome to legday", id="title")
            yield Static(
                "legday plans your cardio around leg day and says why. "
                "Two questions and you are in; the rest can wait for the profile (p). "
                "Your history in Strong, Hevy or FitNotes comes in from the week: "
                "ctrl+p, data: import.",
                id="intro",
            )
            yield Label("What do you train for?", classes="question")
            yield Choice([g.value for g in Goal], Goal.GENERAL.value, numbered=True, id="goal")
            yield Static(GOALS[Goal.GENERAL], id="goal-means", classes="means")
            yield Label("How long have you trained legs?", classes="question")
            yield Choice([lv.value for lv in Level], Level.INTERMEDIATE.value, numbered=True, id="level")
            yield Static(LEVELS[Level.INTERMEDIATE], id="level-means", classes="means")
            yield Static("A number picks, ←/→ move, ⏎ goes on and saves.", id="keys")
        yield StatusLine(id="status")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#goal", Choice).focus()

    @on(Choice.Changed, "#goal")
    def _goal_changed(self, event: Choice.Changed) -> None:
        self.query_one("#goal-means", Static).update(GOALS[Goal(event.value)])

    @on(Choice.Changed, "#level")
    def _level_changed(self, event: Choice.Changed) -> None:
        self.query_one("#level-means", Static).update(LEVELS[Level(event.value)])

    def on_key(self, event) -> None:
        # A digit on the goal question answers it and moves to the next question.
        goal = self.query_one("#goal", Choice)
        if goal.has_focus and event.character and event.character.isdigit():
            self.call_after_refresh(self.query_one("#level", Choice).focus)

    def action_next(self) -> None:
        if self.query_one("#goal", Choice).has_focus:
            self.query_one("#level", Choice).focus()
        else:
            self.action_save()

    def build(self) -> Profile:
        return Profile(
            goal=Goal(self.query_one("#goal", Choice).value),
            level=Level(self.query_one("#level", Choice).value),
        )

    def deliver(self, profile: Profile) -> None:
        self.save(profile)
