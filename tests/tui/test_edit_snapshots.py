"""Snapshots of the screens that fix what was logged: the pick list, the filled-in edit form and the
delete question. Fixed clock (Thursday 19 November 2026), the typical week's fixture, 80x24, no
animation. Look at any snapshot you update (rsvg-convert file.svg -o x.png)."""

from __future__ import annotations

BACK_TO_MONDAY = ["h", "h", "h"]
BACK_TO_TUESDAY = ["h", "h"]


def test_pick_list_80x24(snap_compare, make_app):
    """Monday, e: a list over the week with two numbered entries to edit, the leg session
    (70 min, effort 8, its exercises) first and the morning check-in second; the key bar says
    ⏎ pick and esc back."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=[*BACK_TO_MONDAY, "e"])


def test_edit_workout_filled_in_80x24(snap_compare, make_app):
    """Monday, e, 1: "Edit leg workout · Mon 16 Nov 2026", the exercises one a line, effort 8 on the
    slider, 70 minutes, the date and 18:00 already filled in."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=[*BACK_TO_MONDAY, "e", "1"])


def test_delete_question_80x24(snap_compare, make_app):
    """Tuesday, Delete, 1: "Delete bike 07:15 · 25 min · effort 3 on Tue 17 Nov? u undoes it." with
    Keep (n), focused, and Delete (y); nothing is deleted until y."""
    assert snap_compare(make_app("typical"), terminal_size=(80, 24), press=[*BACK_TO_TUESDAY, "delete", "1"])
