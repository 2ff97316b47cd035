"""The small pieces of the week screen that need no running app: wording, sparklines, the minutes bar,
the pane's hanging indents, and a day cell that has more sessions than room."""

from __future__ import annotations

import datetime as dt

from textual.content import Content

from legday.core.plan import DayPlan, Reason, Session
from legday.core.words import hours_text
from legday.tui import legend
from legday.tui.widgets.suggestion_pane import Block, describe_day, layout
from legday.tui.widgets.week_grid import DayCell
from legday.tui.widgets.week_totals import minutes_bar

DAY = dt.date(2026, 11, 19)


def test_hours_after_legs_read_as_a_person_says_them():
    assert hours_text(0.2) == "12 min"
    assert hours_text(6.5) == "6.5 h"
    assert hours_text(30.4) == "30 h"
    assert hours_text(142.8) == "6 days"


def test_sparkline_scales_and_leaves_gaps_for_missing_days():
    assert legend.sparkline([0, 5, 10, None], 0, 10) == "▁▅█·"
    assert legend.sparkline([150, -3], 0, 100) == "█▁"  # clamped, never an IndexError


def test_minutes_bar_colour_says_below_in_or_over_the_band():
    def colours(minutes):
        return {str(span.style) for span in minutes_bar(minutes, (120, 180), 24).spans}

    assert "$warning" in colours(60)
    assert "$success" in colours(150)
    assert "$error" in colours(260)
    assert minutes_bar(0, (120, 180), 24).cell_length == 24


def test_wrapped_reason_lines_hang_under_the_text_not_the_id():
    block = Block(Content("a reason long enough to wrap onto a second line"), Content("E2  "), indent=2)
    lines = [line.plain for line in layout([block], 30)]
    assert lines[0].startswith("  E2  a reason")
    assert len(lines) > 1
    assert all(line.startswith(" " * 6) and line[6] != " " for line in lines[1:])
    assert all(len(line) <= 30 for line in lines)


def test_pane_shows_every_reason_id_and_source_and_the_choice():
    session = Session(
        "cardio",
        "suggested",
        dt.datetime(2026, 11, 19, 19, 20),
        "bike",
        "easy",
        (3, 4),
        25,
        1.5,
        reasons=(Reason("E1", "easy after legs", "Well+Good"), Reason("S1", "talk test", "Foster 2009")),
        talk="you can talk in full sentences",
        addons=(Reason("E7", "warm up first", "TravelRunner"),),
        choice="E3 over E2: you run for a living",
    )
    day = DayPlan(DAY, 3, 72, ("fresh legs",), (session,))
    text = "\n".join(line.plain for line in layout(describe_day(day, DAY), 100))
    for part in (
        "E1",
        "Well+Good",
        "S1",
        "Foster 2009",
        "E7",
        "TravelRunner",
        "3-4/10",
        "you can talk in full sentences",
        "sources disagree: E3 over E2",
        "25 min",
        "at 19:20",
        "1.5 h after legs",
        "d mark done",
        "x skip",
        "fresh legs",
    ):
        assert part in text, part


def test_a_crowded_day_says_how_many_more_instead_of_overflowing():
    sessions = tuple(Session("cardio", "suggested", None, f"mode{i}", "easy", (3, 4), 20) for i in range(6))
    cell = DayCell(0, DayPlan(DAY, 2, 80, (), sessions), DAY)
    assert [line.plain for line in cell._session_lines(sessions[0], 10)] == ["→ mode0", " 20' easy"]
    text = [line.plain for line in cell.lines(10, 10)]
    assert len(text) == 10
    assert text[0] == "Thu 19"
    assert any(line.startswith("+") and line.endswith("more") for line in text)
    assert text[-2:] == ["sore 2", "ready 80"]
