"""The trends view as a second mode beside the week: switching with g (and back), moving across the
weeks, Enter opening the selected week in the week view, + and - for more or fewer weeks, a save
made from the trends view reaching both views, and the view's modules staying out of start-up."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

from legday.core.model import CardioSession
from legday.tui.screens.week import WeekScreen
from tests.fixtures import TODAY, WEEK_START
from tests.tui.conftest import until

SIZE = (80, 24)


def words(app) -> str:
    return str(app.screen.query_one("#words-text").render())


async def test_g_switches_to_trends_and_back_and_the_week_stays_as_it_was(make_app):
    from legday.tui.screens.trends import TrendsScreen

    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        week = app.screen
        assert isinstance(week, WeekScreen)
        await pilot.press("right")  # select Friday in the week
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, TrendsScreen) and app.current_mode == "trends"
        screen = app.screen
        assert len(screen.window.starts) == 12 and screen.window.starts[-1] == WEEK_START
        assert all(w is not None for w in screen.weeks())
        assert screen.selected == 11 and "this week" in str(screen.query_one("#trends-dates").render())
        assert "g" in str(screen.query_one("KeyBar").render())
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is week and week.selected == TODAY + dt.timedelta(days=1)


async def test_arrows_move_across_weeks_and_enter_opens_that_week(make_app):
    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        await pilot.press("left", "left", "h")
        assert screen.selected == 8
        week_of = WEEK_START - dt.timedelta(days=21)
        assert f"week of {week_of:%d %b %Y}" in str(screen.query_one("#trends-dates").render())
        assert "3 weeks ago" in str(screen.query_one("#trends-dates").render())
        # The pane speaks of that week: its load and its cardio minutes against the band.
        selected = screen.selected_week
        assert f"Load {selected.load} " in words(app) and f"Cardio {selected.cardio_minutes} min" in words(
            app
        )
        await pilot.press("right", "l", "left")  # back one, forward two, back one: 9
        assert screen.selected == 9
        await pilot.press("home")
        assert screen.selected == 0
        await pilot.press("end")
        assert screen.selected == 11
        await pilot.press("right")  # nothing after this week
        assert screen.selected == 11
        await pilot.press("left", "left", "enter")
        await pilot.pause()
        assert isinstance(app.screen, WeekScreen)
        assert app.screen.selected == WEEK_START - dt.timedelta(days=14)
        assert app.screen.plan.week_start == WEEK_START - dt.timedelta(days=14)


async def test_plus_and_minus_change_how_many_weeks_keeping_the_selection(make_app):
    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        await pilot.press("left")  # last week
        await pilot.press("plus")
        # Older weeks fill in after the first frame, a chunk a frame: wait for the last of them.
        await until(pilot, lambda: all(w is not None for w in screen.weeks()), "every week worked out")
        assert len(screen.window.starts) == 26 and screen.selected == 24
        await pilot.press("plus", "plus")
        await until(pilot, lambda: all(w is not None for w in screen.weeks()), "every week worked out")
        assert len(screen.window.starts) == 52 and screen.selected == 50
        await pilot.press("minus", "minus", "minus", "minus", "minus")
        assert len(screen.window.starts) == 4 and screen.selected == 2


async def test_a_cardio_log_saved_from_trends_shows_in_both_views(make_app):
    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen
        before = screen.selected_week.cardio_minutes
        app.journal.log(CardioSession(TODAY, "swim", 40, 3, dt.time(6, 0)))
        await pilot.pause()
        assert screen.selected_week.cardio_minutes == before + 40
        await pilot.press("g")
        await pilot.pause()
        assert any(s.modality == "swim" for s in app.screen.plan.day(TODAY).sessions)


def test_trends_modules_are_not_imported_at_start_up():
    code = "import sys; import legday.tui.app; print([m for m in sys.modules if 'trend' in m])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


async def test_switching_views_reparses_no_stylesheet_and_the_view_keeps_its_styles(make_app):
    """Textual re-parsed every stylesheet and re-styled both views on each g (several frames); the
    app tells it not to. The view's own stylesheet still applies, in the theme of the moment: a
    theme chosen while it was away shows when it comes back."""
    from textual.color import Color

    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        parsed = []
        real = app.stylesheet.reparse
        app.stylesheet.reparse = lambda: parsed.append(1) or real()
        await pilot.press("g")
        await pilot.pause()
        screen = app.screen

        def panel_shown() -> bool:
            title = screen.query_one("#trends-title")  # trends.tcss: the title line on $panel
            return title.styles.background == Color.parse(app.get_css_variables()["panel"])

        assert panel_shown() and screen.query_one("#trends-title").styles.height.value == 1
        await pilot.press("g", "g", "g", "left", "enter")
        await pilot.pause()
        assert parsed == [] and isinstance(app.screen, WeekScreen)
        before = Color.parse(app.get_css_variables()["panel"])
        app.choose_theme("legday-light")  # chosen in the week view: a re-parse, once, for the new colours
        await pilot.pause()
        assert len(parsed) == 1 and Color.parse(app.get_css_variables()["panel"]) != before
        await pilot.press("g")
        await pilot.pause()
        assert app.screen is screen and panel_shown()


# -- the average week, the size, the colours --------------------------------------------------------


def _window(tmp_path, weeks: int):
    from legday.journal import journal_at
    from tests.fixtures import fixed_clock, write_three_months

    data = tmp_path / "data"
    if not data.exists():
        write_three_months(data)
    return journal_at(data, tmp_path / "config", fixed_clock).trends_window(weeks)


def test_weeks_before_the_first_log_are_shown_as_such_and_left_out_of_the_average(tmp_path):
    """Three months of history in a 52-week window: the 38 weeks before the first log were counted
    as empty weeks, so every week was "a heavy week" and the average fell with every week added. Now
    they are marked, say so in words, and the average is the same at 26 and 52 weeks."""
    from legday.core.trends import mean_load, week_words

    trends = {n: _window(tmp_path, n).trends() for n in (12, 26, 52)}
    first = trends[52].weeks[-14]
    assert not first.before_history and first.load > 0  # the week of the first log
    before = [w for w in trends[52].weeks if w.before_history]
    assert len(before) == 38 and all(w.load == 0 for w in before)
    assert not any(w.before_history for w in trends[12].weeks)  # the history began before these
    assert mean_load(trends[26].weeks) == mean_load(trends[52].weeks) > 0
    shown = [w for w in trends[52].weeks if not w.before_history]
    assert mean_load(trends[52].weeks) == sum(w.load for w in shown if w.days == 7) / sum(
        w.days == 7 for w in shown
    )
    heavy = [w for w in shown if w.days == 7 and w.load >= 1.3 * mean_load(trends[52].weeks)]
    assert 0 < len(heavy) < len(shown) // 2  # no longer "every week is a heavy week"
    (said,) = week_words(trends[52].profile, before[0], trends[52].weeks)
    assert said.text.startswith("Before your first log (your history here starts the week of")
    assert "left out of your average week" in said.text
    # The same week reads the same share of the average at 26 and 52 weeks.
    this = {n: week_words(trends[n].profile, trends[n].weeks[-3], trends[n].weeks)[0].text for n in (26, 52)}
    assert this[26] == this[52] and "since your first log, 14 weeks" in this[52]


async def test_trends_redraw_on_a_resize_without_a_key(make_app):
    """From 80x24 to 120x40: the chart grows its tall rows (fitness, fatigue) and its columns widen
    as the terminal changes, not at the next key."""
    from legday.tui.screens.trends import TrendsScreen
    from legday.tui.widgets.trend_chart import TrendChart

    app = make_app("three_months")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, TrendsScreen), "trends")
        chart = app.screen.query_one(TrendChart)
        assert not chart.tall
        narrow = chart.column_width()
        await pilot.resize_terminal(120, 40)
        await until(pilot, lambda: chart.tall, "the tall rows after the resize")
        assert chart.column_width() > narrow
        assert any("fitness" in part for row in chart.rows(chart.content_size.width) for part, _ in row)


async def test_with_256_or_16_colours_bands_are_dotted_not_tinted(make_app):
    """A tint behind the band's rows (and the selected column) rounds to a solid block in a 256- or
    16-colour terminal: there the band's empty cells are a dotted line and nothing is tinted."""
    from legday.tui.screens.trends import TrendsScreen
    from legday.tui.widgets.trend_chart import TrendChart

    app = make_app("three_months")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("g")
        await until(pilot, lambda: isinstance(app.screen, TrendsScreen), "trends")
        chart = app.screen.query_one(TrendChart)
        width = chart.content_size.width

        def tints(rows):  # (a stacked bar's legs on cardio is two colours, not a tint)
            return [style for row in rows for _, style in row if "%" in style.partition(" on ")[2]]

        assert tints(chart.rows(width))  # full colour: the band and the selected week are tinted
        chart.reduced = True
        rows = chart.rows(width)
        assert not tints(rows)
        assert sum(part.count("┈") for row in rows for part, _ in row) > 0


def test_a_usual_leg_day_before_the_first_log_was_not_missed():
    """A new user who logs their first leg session on a Sunday did not miss that week's Wednesday."""
    import datetime as dt

    from legday.core.model import History, LegSession, Profile
    from legday.core.trends import Window, week_words

    sunday = dt.date(2026, 12, 6)
    history = History((LegSession(sunday, dt.time(18, 0), 60, 8),), (), (), ())
    window = Window(Profile(leg_days=(2,)), history, sunday, 4)
    week = window.week(window.starts[-1])
    texts = [r.text for r in week_words(window.profile, week, [week])]
    assert not any("No leg session on your usual leg day" in t for t in texts), texts
    earlier = Window(Profile(leg_days=(2,)), history, sunday + dt.timedelta(days=7), 4)
    later = earlier.week(earlier.starts[-1])  # the week after: its Wednesday was missed
    assert any("No leg session" in r.text for r in week_words(earlier.profile, later, [later]))
