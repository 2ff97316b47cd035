"""Snapshots of every form screen at 80x24 (and a few at 120x40), in the app's dark theme, fixed
clock, no animation, no cursor blink. Look at any snapshot you update (README: "Looking at a
snapshot"). The key bar of every form has ⏎ next: Enter goes on from every field."""

from __future__ import annotations

import datetime as dt

from legday.core.model import CheckIn, Goal, Level, Profile
from legday.core.plan import Session
from legday.storage import Settings
from legday.tui.screens.log_cardio import LogCardioScreen
from legday.tui.screens.log_workout import LogWorkoutScreen
from legday.tui.screens.profile import ProfileScreen
from legday.tui.screens.soreness import SorenessScreen
from legday.tui.screens.welcome import WelcomeScreen
from tests.tui.forms.helpers import NOW, TODAY, FormHost

NARROW = (80, 24)
WIDE = (120, 40)
NAMES = ["back squat", "romanian deadlift", "walking lunge"]
THEMES = ["legday-contrast", "legday-dark", "legday-light"]


def workout_app() -> FormHost:
    return FormHost(lambda save: LogWorkoutScreen(NOW, "kg", NAMES, save))


async def fill_workout(pilot) -> None:
    """Three lines, 70 minutes (set directly: typing is covered by the Pilot tests)."""
    screen = pilot.app.screen
    for n, text in enumerate(["back squat 5x5@100kg", "romanian deadlift 3x8@80kg", "calf raise 4x15"]):
        if n:
            await pilot.press("ctrl+n")
        screen.rows[n].input.value = text
    screen.query_one("#minutes").input.value = "70"
    screen.query_one("#effort").focus()


def test_soreness(snap_compare):
    """Check-in for Thu 19 Nov: the slider at 6 ("quite sore"), regions folded, sleep empty, pain unticked."""
    app = FormHost(lambda save: SorenessScreen(TODAY, None, save))
    assert snap_compare(app, terminal_size=NARROW, press=["6"])


def test_soreness_regions_open(snap_compare):
    """An existing check-in (8, quads 9, calves 4, 5.5 h, pain): regions unfolded with those two rated, the rest "not rated"."""
    existing = CheckIn(TODAY, 8, sleep_hours=5.5, pain=True, regions=(("quads", 9), ("calves", 4)))
    app = FormHost(lambda save: SorenessScreen(TODAY, existing, save))
    assert snap_compare(app, terminal_size=NARROW, press=["tab", "enter"])


def test_soreness_sleep_error(snap_compare):
    """Sleep "25": the field is red with "accepted: 0 to 24" under it, and the status line says not saved."""
    app = FormHost(lambda save: SorenessScreen(TODAY, None, save))
    assert snap_compare(app, terminal_size=NARROW, press=["3", "tab", "tab", "2", "5", "enter"])


def test_log_workout_empty(snap_compare):
    """A new workout: one empty exercise line focused, effort 7 "very strong", minutes empty, date and start filled."""
    assert snap_compare(workout_app(), terminal_size=NARROW)


def test_log_workout_filled(snap_compare):
    """Three exercise lines, 70 minutes, the start moved back 70 minutes from now, the effort slider focused."""
    assert snap_compare(workout_app(), terminal_size=NARROW, run_before=fill_workout)


def test_log_workout_filled_wide(snap_compare):
    """The same three lines at 120x40: everything visible with room to spare."""
    assert snap_compare(workout_app(), terminal_size=WIDE, run_before=fill_workout)


def test_log_workout_validation_error(snap_compare):
    """ "squat 5x" then Enter: the line turns red with what is accepted under it; no new line is added."""

    async def bad_line(pilot) -> None:
        pilot.app.screen.rows[0].input.value = "squat 5x"

    assert snap_compare(workout_app(), terminal_size=NARROW, run_before=bad_line, press=["enter"])


def test_log_workout_discard_question(snap_compare):
    """Escape with a typed line: the "Throw away this workout?" question over the form, "Keep editing" focused."""

    async def typed(pilot) -> None:
        pilot.app.screen.rows[0].input.value = "back squat 5x5@100kg"

    assert snap_compare(workout_app(), terminal_size=NARROW, run_before=typed, press=["escape"])


def test_log_cardio_from_a_suggestion(snap_compare):
    """Marking an easy bike suggestion done: "Suggested: bike, easy, effort 3-4, 30 min, at 12:30" and every
    field filled from it, the effort at 4 (the top of the range, as the plan counts it: still easy)."""
    suggestion = Session(
        kind="cardio",
        status="suggested",
        start=dt.datetime.combine(TODAY, dt.time(12, 30)),
        modality="bike",
        intensity="easy",
        effort=(3, 4),
        minutes=30,
    )
    app = FormHost(lambda save: LogCardioScreen(TODAY, NOW, suggestion, save))
    assert snap_compare(app, terminal_size=NARROW)


def test_profile(snap_compare):
    """80x24, a strength lifter on the usual defaults: goal focused, "Cardio you do" with all ten kinds
    ■ on over two lines, units and week start below; the theme row is scrolled off."""
    profile = Profile(goal=Goal.STRENGTH, level=Level.INTERMEDIATE, leg_days=(0, 3))
    app = FormHost(lambda save: ProfileScreen(profile, Settings(), THEMES, save))
    assert snap_compare(app, terminal_size=NARROW)


def test_profile_wide(snap_compare):
    """An advanced, injury-prone runner who has no pool and no stair machine: "Cardio you do" shows
    ■ on run, bike, elliptical, walk, row, hike, yoga, pilates and □ on swim and stairs, all on one
    line; the goal's choice has the focus; last, an empty "Calendar file" field showing its
    placeholder (an .ics file kept current, e.g. ~/legday.ics)."""
    profile = Profile(
        goal=Goal.ENDURANCE,
        level=Level.ADVANCED,
        injury_prone=True,
        leg_days=(1,),
        modalities=("run", "bike", "elliptical", "walk", "row", "hike", "yoga", "pilates"),
    )
    app = FormHost(lambda save: ProfileScreen(profile, Settings(), THEMES, save))
    assert snap_compare(app, terminal_size=WIDE)


def test_profile_cardio_list_focused(snap_compare):
    """80x24, the cursor on "Cardio you do" after switching swim off: the list wraps onto two lines,
    the cursor (a block) sits on swim, now □; the key bar shows "space on/off"."""
    profile = Profile(goal=Goal.STRENGTH, level=Level.INTERMEDIATE, leg_days=(0, 3))

    async def to_swim(pilot) -> None:
        pilot.app.screen.query_one("#modalities").focus()
        await pilot.press("right", "right", "space")

    app = FormHost(lambda save: ProfileScreen(profile, Settings(), THEMES, save))
    assert snap_compare(app, terminal_size=NARROW, run_before=to_swim)


def test_welcome(snap_compare):
    """First run: "2" picked strength (its meaning below) and moved on to the level; "3" advanced
    and on to the leg days, where "3" ticked Wednesday beside Monday and Thursday (the cursor on it);
    kg still chosen below."""
    app = FormHost(lambda save: WelcomeScreen(save))
    assert snap_compare(app, terminal_size=NARROW, press=["2", "3", "3"])


def test_profile_calendar_file_refused(snap_compare):
    """80x24, scrolled to the bottom: "Calendar file" holds ~/plan.txt and under it, in the error
    colour, "~/plan.txt does not end in .ics; accepted: a file path such as ~/legday.ics, or none"."""
    profile = Profile(goal=Goal.STRENGTH, level=Level.INTERMEDIATE, leg_days=(0, 3))

    async def type_wrong_path(pilot) -> None:
        field = pilot.app.screen.query_one("#calendar-file")
        field.input.focus()
        await pilot.press(*"~/plan.txt", "enter")
        pilot.app.screen.query_one("#form").scroll_end(animate=False)
        await pilot.pause()

    app = FormHost(lambda save: ProfileScreen(profile, Settings(), THEMES, save))
    assert snap_compare(app, terminal_size=NARROW, run_before=type_wrong_path)
