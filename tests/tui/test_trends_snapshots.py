"""Snapshots of the trends view (g): fixed clock (Thursday 19 November 2026), the three_months
fixture (twelve weeks before the typical fortnight), no animation. Look at any you update.

What you should see in each: a title line "legday  trends · 12 weeks · week of 16 Nov 2026 · this
week"; twelve columns, the newest (16/11, highlighted) on the right; stacked load bars, legs under
cardio, the tallest in the heavy week of 28/09; cardio minutes against the tinted 150-180 band (red
over it in the heavy week, amber under it most weeks); the session mix, hard/moderate/easy ("h/m/e",
"3/0/2") where a column has room and hard/not hard ("hard/ez", "3/2") at 80 columns, amber where
under ~80 % not hard;
soreness and readiness blocks, dots in the week away (31/08) and the week nobody rated (14/09); the
load ratio as a dotted line with the 0.8-1.3 band tinted, amber above it in the heavy week; the dates
under the columns; then the selected week in words (load, heaviest session, cardio against the band,
the mix, soreness and readiness, the fitness-fatigue model) and the key bar with g, arrows, enter, - +."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("theme", ["legday-dark", "legday-light"])
def test_trends_80x24(snap_compare, make_app, theme):
    """Narrow and short: five rows of load, three of minutes; the words below scroll."""
    assert snap_compare(make_app("three_months", theme=theme), terminal_size=(80, 24), press=["g"])


@pytest.mark.parametrize("theme", ["legday-dark", "legday-light"])
def test_trends_120x40(snap_compare, make_app, theme):
    """Wide and tall: taller bars, the fitness and fatigue rows (a model), all the words."""
    assert snap_compare(make_app("three_months", theme=theme), terminal_size=(120, 40), press=["g"])


def test_trends_heavy_week_selected_80x24(snap_compare, make_app):
    """Seven weeks back (28/09, the heavy week) selected in high contrast: its words say it was heavy,
    name its heaviest session and the ratio above the band, marked disputed."""
    assert snap_compare(
        make_app("three_months", theme="legday-contrast"),
        terminal_size=(80, 24),
        press=["g", *["left"] * 7, "down", "down", "down", "down"],
    )
