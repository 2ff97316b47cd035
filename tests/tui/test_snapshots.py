"""Snapshots of the week, help and first-run screens: fixed clock (Thursday 19 November 2026),
fixture data, no animation. Look at any snapshot you update (rsvg-convert file.svg -o x.png)."""

from __future__ import annotations

import pytest


def test_typical_week_80x24(snap_compare, make_app):
    """Narrow: grid, totals, and the start of the selected day's pane below them."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24))


def test_typical_week_120x40(snap_compare, make_app):
    """Wide: the suggestion pane sits beside the totals."""
    assert snap_compare(make_app("typical"), terminal_size=(120, 40))


def test_pane_toggled_80x24(snap_compare, make_app):
    """Narrow, Enter: the pane takes the totals' place."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=["enter"])


def test_very_sore_day_80x24(snap_compare, make_app):
    """Soreness 9 after 5 h of sleep: today's plan backs off."""
    assert snap_compare(make_app("very_sore"), terminal_size=(80, 24), press=["enter"])


def test_very_sore_day_120x40(snap_compare, make_app):
    """Wide, soreness 9 on Thursday's leg day: today is rest, the leg session moves to Saturday (the
    grid shows it there), and the pane says why, with how readiness came about below."""
    assert snap_compare(make_app("very_sore"), terminal_size=(120, 40))


def test_next_week_80x24(snap_compare, make_app):
    """] shows next week: all planned, title says so."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=["right_square_bracket"])


def test_help_screen(snap_compare, make_app):
    """Help at 80x24: the keys by view, "On the week" first, each with its one line from the key table;
    a short scroll thumb on the right: below come every form's, question's and widget's keys, the colour
    legend (from the planner's own effort table) and the evidence."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=["question_mark"])


def test_first_run(snap_compare, make_app):
    """No profile: the welcome screen opens over the week."""
    assert snap_compare(make_app("first_run"), terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["legday-dark", "legday-light", "legday-contrast"])
def test_week_in_theme(snap_compare, make_app, theme):
    """Our three themes at 100x30, the narrowest width with the pane beside the totals."""
    assert snap_compare(make_app("typical", theme=theme), terminal_size=(100, 30))
