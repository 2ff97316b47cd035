"""Views are given what they show: the week screen works in a plain Textual App (no legday app around
it) and re-plans on the journal's own change notices."""

from __future__ import annotations

import datetime as dt

from textual.app import App

from legday.core.model import CardioSession
from legday.journal import Journal, journal_at
from legday.tui.screens.week import STYLESHEET, WeekScreen
from legday.tui.widgets.suggestion_pane import SuggestionPane
from tests.fixtures import TODAY, fixed_clock, write_typical_week
from tests.tui.conftest import until

SIZE = (120, 40)


class PlainApp(App):
    """A bare Textual app that shows one week screen: nothing of LegdayApp."""

    CSS_PATH = STYLESHEET

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.animation_level = "none"

    def on_mount(self) -> None:
        self.push_screen(WeekScreen(self.journal))


async def test_the_week_screen_runs_in_a_plain_app_and_replans_on_the_journals_notices(tmp_path):
    journal = journal_at(write_typical_week(tmp_path / "data"), tmp_path / "config", fixed_clock)
    app = PlainApp(journal)
    async with app.run_test(size=SIZE) as pilot:
        await until(
            pilot, lambda: isinstance(app.screen, WeekScreen) and bool(app.screen.query(SuggestionPane))
        )
        week = app.screen
        assert isinstance(week, WeekScreen)
        assert week.selected == TODAY
        await pilot.press("right")  # its own keys work without the legday app
        assert week.selected == TODAY + dt.timedelta(days=1)
        before = week.plan

        # A change made through the journal (as the command line or another view would) re-plans
        # the screen at once: the new session is in the plan it shows.
        journal.log(CardioSession(TODAY, "swim", 33, 3, dt.time(6, 0)))
        assert week.plan is not before
        today = week.plan.day(TODAY) if week.plan else None
        assert today is not None and any(s.modality == "swim" and s.minutes == 33 for s in today.sessions)
