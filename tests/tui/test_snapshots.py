"""Snapshots of the week, help and first-run screens: fixed clock (Thursday 19 November 2026),
fixture data, no animation. Look at any snapshot you update (README: "Looking at a snapshot")."""

from __future__ import annotations

import pytest


def test_typical_week_80x24(snap_compare, make_app):
    """Narrow: grid, totals ("1 hard, 1 moderate, 4 easy" as the sessions are labelled), and the
    start of Thursday's pane below them: the run at 19:10, "10 min after legs"."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24))


def test_typical_week_120x40(snap_compare, make_app):
    """Wide: the suggestion pane sits beside the totals; no totals line is cut ("…")."""
    assert snap_compare(make_app("typical"), terminal_size=(120, 40))


def test_pane_toggled_80x24(snap_compare, make_app):
    """Narrow, Enter: the pane takes the totals' place."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=["enter"])


def test_very_sore_day_80x24(snap_compare, make_app):
    """Soreness 9 after 5 h of sleep, Enter: the pane has the lower half; it opens with the P5
    warning ("Still sore (9/10) 3 days after...") in full, then today's rest and "the leg session
    moves to Sat 21"."""
    assert snap_compare(make_app("very_sore"), terminal_size=(80, 24), press=["enter"])


def test_very_sore_warning_in_full_80x24(snap_compare, make_app):
    """Soreness 9, as the week opens at 80x24: Thursday "→ rest" and "legs→Sat", Saturday "○ legs"
    "from Thu"; the totals say "! P5 in full in the pane", and the pane under them starts with the
    warning, three whole lines, nothing cut."""
    assert snap_compare(make_app("very_sore"), terminal_size=(80, 24))


def test_very_sore_day_120x40(snap_compare, make_app):
    """Wide, soreness 9 on Thursday's leg day: today is rest ("legs→Sat"), the leg session moves to
    Saturday ("from Thu"); the pane opens with the P5 warning in full, says why the day is rest and
    where the session went, ends with the week's note, and how readiness came about below."""
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
    """No profile: the welcome screen opens over the week with its four questions (goal, level, the
    usual leg days with Mon and Thu ticked, kg or lb), all on screen at 80x24."""
    assert snap_compare(make_app("first_run"), terminal_size=(80, 24))


@pytest.mark.parametrize("theme", ["legday-dark", "legday-light", "legday-contrast"])
def test_week_in_theme(snap_compare, make_app, theme):
    """Our three themes at 100x30, the narrowest width with the pane beside the totals."""
    assert snap_compare(make_app("typical", theme=theme), terminal_size=(100, 30))


def test_log_workout_last_time_80x24(snap_compare, make_app):
    """w, a squat line, then "rom": line 1's border says "last: 16 Nov 5x5@100kg · 9 Nov 5x5@100kg",
    line 2 offers "romanian deadlift" in grey and its border says its last sets, newest first."""
    keys = ["w", *"back squat 5x5@102.5", "enter", *"rom"]
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=keys)


def test_log_workout_repeated_80x24(snap_compare, make_app):
    """w, ctrl+r on a Thursday: last Thursday's three lines (deadlift, bulgarian split squat, leg
    curl), each with its last sets on its border, effort 7, 60 minutes, start 06:30; the title says
    "as Thu 12 Nov (^r again: the one before)"."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=["w", "ctrl+r"])
