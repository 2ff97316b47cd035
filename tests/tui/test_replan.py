"""A skip keeps the suggested minutes, and the re-plan says what it changed on the days after and why
(or that nothing else changed: missed minutes are never crammed in)."""

from __future__ import annotations

import datetime as dt

from legday.core.plan import DayPlan, Reason, Session, Totals, WeekPlan
from legday.tui.replan import skip_notice, what_changed
from legday.tui.screens.week import WeekScreen
from legday.tui.widgets.week_grid import DayCell
from tests.fixtures import TODAY, WEEK_START
from tests.tui.conftest import messages, until

RUN = Session("cardio", "suggested", modality="run", intensity="intervals", effort=(7, 8), minutes=30)
EASY = Session(
    "cardio",
    "suggested",
    modality="run",
    intensity="moderate",
    effort=(4, 5),
    minutes=30,
    reasons=(Reason("P5", "Still sore two days after a hard day: nothing hard.", "Well+Good"),),
)


def week(saturday: Session, short_by: int = 0) -> WeekPlan:
    days = tuple(
        DayPlan(WEEK_START + dt.timedelta(days=n), None, 70, sessions=(saturday,) if n == 5 else ())
        for n in range(7)
    )
    return WeekPlan(WEEK_START, TODAY, days, Totals(120, 1, 3, 2, (150, 180), short_by=short_by))


def test_a_changed_day_is_named_with_the_reason_it_gained():
    assert what_changed(week(RUN), week(EASY), TODAY) == [
        "Sat 21 Nov: run intervals 30 min effort 7-8 → moderate run 30 min effort 4-5 "
        "(P5: Still sore two days after a hard day: nothing hard.)"
    ]
    assert what_changed(week(RUN), week(RUN), TODAY) == []
    # Days up to the skipped one are not "other days".
    assert what_changed(week(RUN), week(EASY), TODAY + dt.timedelta(days=2)) == []


def test_the_skip_notice_keeps_the_minutes_and_says_why_nothing_grew():
    skipped = Session("cardio", "suggested", modality="run", intensity="moderate", effort=(4, 5), minutes=45)
    text = skip_notice(week(RUN), week(RUN, short_by=45), skipped, TODAY)
    assert text == (
        "Skipped moderate run (45 min). Nothing else changes: missed minutes are not crammed into other "
        "days (the week is now 45 min short of 150)."
    )
    assert "The re-plan changed: Sat 21 Nov" in skip_notice(week(RUN), week(EASY), skipped, TODAY)


async def test_x_skips_today_keeps_its_minutes_and_says_what_the_replan_did(make_app):
    app = make_app("typical")
    async with app.run_test(size=(120, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, WeekScreen), "the week")
        screen = app.screen
        suggested = screen.suggestion()
        assert suggested is not None and suggested.minutes == 20
        await pilot.press("x")
        await until(pilot, lambda: any(m.startswith("Skipped easy run (20 min).") for m in messages(app)))
        today = screen.plan.day(TODAY)
        skipped = [s for s in today.sessions if s.status == "skipped"]
        assert [(s.modality, s.minutes) for s in skipped] == [("run", 20)]
        cell = next(c for c in screen.query(DayCell) if c.day is not None and c.day.date == TODAY)
        assert "✗ run" in "\n".join(line.plain for line in cell.lines(16, 12))
        assert "20'" in "\n".join(line.plain for line in cell.lines(16, 12))
