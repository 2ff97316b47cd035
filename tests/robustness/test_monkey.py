"""Monkey test: thousands of random keys on every screen, and nothing breaks.

For each screen (week, soreness, log workout, log cardio, profile, help, trends, the pick list of edit and
delete, the import box) a fresh app over a typical fortnight of data is driven with Pilot by a seeded RNG
until at least ``KEYS_PER_SCREEN`` keys (a quarter of that on the two small boxes) have been handled while
that screen was on top. On the week the keys that fix what was logged (e edit, Delete, u and ctrl+z undo)
and g (trends and back) are mixed in on purpose, and the test asserts each was handled there. The keys: the bindings active at that moment (the footer's and the
app's own), printable characters, digits, arrows, Tab, Shift+Tab, Enter, Escape, Backspace and friends.
Whenever the monkey wanders off (Escape, a binding that opens another screen), the stack is unwound and
the screen opened again, so every screen gets its share.

The app must raise nothing, and afterwards every data and config file must still parse: the Store
reads all of it back with no problems, and each TOML file is valid TOML.

Speed: keys go into the app's queue in bursts of ``BURST`` (as a fast typist's would) and the app is
allowed to settle only between bursts, so each burst costs one frame instead of one per key. Which
screen a key reached is recorded when the app handles it, not guessed from the burst.

A failure prints the seed and the last keys. Replay one screen with the same seed:
    LEGDAY_MONKEY_SEED=1234 .venv/bin/pytest tests/robustness/test_monkey.py -k soreness
(``LEGDAY_MONKEY_SEED=random`` draws a new seed per screen; ``LEGDAY_MONKEY_KEYS=N`` changes the count.)
"""

from __future__ import annotations

import asyncio
import os
import random
import shutil
import string
import tomllib
from collections import deque
from pathlib import Path

import pytest
from textual import events

from legday.private_api import key_event, wait_for_screen
from tests.fixtures import fixed_clock, write_typical_week

KEYS_PER_SCREEN = int(os.environ.get("LEGDAY_MONKEY_KEYS", "2000"))
BURST = 16
SIZE = (100, 32)


def _open_pick(app) -> None:
    """e on Monday 16 November (a leg session and a check-in): the list to pick from."""
    import datetime as dt

    week = app.screen
    week.select(dt.date(2026, 11, 16))
    week.action_edit()


# Screen name -> (its class name, the app action (or a function of the app) that opens it from the week).
SCREENS = {
    "week": ("WeekScreen", None),
    "soreness": ("SorenessScreen", "action_soreness"),
    "log_workout": ("LogWorkoutScreen", "action_log_workout"),
    "log_cardio": ("LogCardioScreen", "action_log_cardio"),
    "profile": ("ProfileScreen", "action_profile"),
    "help": ("HelpScreen", "action_help"),
    "trends": ("TrendsScreen", "action_trends"),
    "pick": ("PickRecord", _open_pick),
    "import": ("ImportScreen", "action_import_data"),
}
# Small boxes with few keys of their own: fewer keys are enough.
SMALL = {"pick", "import"}

# The keys that fix what was logged, and the trends switch: pressed on purpose on the week (one burst
# in EXTRA_ODDS starts with one of them) and each asserted to have been handled there.
WEEK_KEYS = ["e", "delete", "u", "ctrl+z", "g"]
EXTRA_ODDS = 0.25

NAVIGATION = [
    "up",
    "down",
    "left",
    "right",
    "tab",
    "shift+tab",
    "enter",
    "escape",
    "backspace",
    "delete",
    "home",
    "end",
    "pageup",
    "pagedown",
    "space",
]
APP_KEYS = [
    "w",
    "s",
    "c",
    "p",
    "question_mark",
    "q",
    "h",
    "j",
    "k",
    "l",
    "t",
    "[",
    "]",
    "d",
    "x",
    "g",
    "plus",
    "minus",
    "ctrl+s",
    "ctrl+n",
    "ctrl+d",
    "ctrl+p",
    "e",
    "delete",
    "u",
    "ctrl+z",
]
PRINTABLE = string.ascii_letters + string.digits + string.punctuation + " "
# Keys that would end the process or the run rather than exercise the app; and focus moves, which
# NAVIGATION already has (each costs Textual a footer rebuild, ~50-100 ms: the budget goes further on
# keys that do different things).
FORBIDDEN = {"ctrl+q", "ctrl+c", "tab", "shift+tab"}


def _seed(screen: str) -> int:
    wanted = os.environ.get("LEGDAY_MONKEY_SEED")
    if wanted == "random":
        return random.SystemRandom().randrange(2**32)
    if wanted:
        return int(wanted)
    return 1000 + list(SCREENS).index(screen)


# While the palette is open: Textual 8.2.8's OptionList._move_page raises KeyError when PageUp or
# PageDown arrive before the list is laid out (Textual's bug, not legday's), so it gets other keys.
PAGE_KEYS = {"pageup", "pagedown"}
PALETTE_KEYS = ["up", "down", "enter", "escape", "backspace", "home", "end", "space", "left", "right"]


# Keys that usually take the monkey off its screen (close it, save it, open another). They stay in the
# mix but are drawn a twentieth as often: each departure costs a round trip (unwind, re-open, re-plan) of
# ~150 ms, and the run's time is better spent on the screen under test.
LEAVING = {
    "escape",
    "enter",
    "ctrl+s",
    "q",
    "w",
    "s",
    "c",
    "p",
    "d",
    "x",
    "question_mark",
    "?",
    "ctrl+p",
    "g",
    "e",
    "delete",
}
LEAVING_ODDS = 0.05


def next_key(rng: random.Random, app) -> str:
    while True:
        key = _draw_key(rng, app)
        # In the palette (keys one at a time, so slow) leaving is welcome: no bias there.
        if key not in LEAVING or rng.random() < LEAVING_ODDS or type(app.screen).__name__ == "CommandPalette":
            return key


def _draw_key(rng: random.Random, app) -> str:
    roll = rng.random()
    if type(app.screen).__name__ == "CommandPalette":
        return rng.choice(PALETTE_KEYS) if roll < 0.4 else rng.choice(string.ascii_lowercase + " :")
    if roll < 0.25:
        bound = [k for k in app.active_bindings if k not in FORBIDDEN]
        if bound:
            return rng.choice(bound)
    if roll < 0.45:
        return rng.choice(NAVIGATION)
    if roll < 0.55:
        return rng.choice(APP_KEYS)
    if roll < 0.7:
        return rng.choice(string.digits)
    return rng.choice(PRINTABLE)


def check_files_parse(data_dir: Path, config_dir: Path) -> None:
    from legday.storage import Store

    for path in [*data_dir.rglob("*.toml"), *config_dir.rglob("*.toml")]:
        tomllib.loads(path.read_text(encoding="utf-8"))  # raises with file and line if not TOML
    store = Store(data_dir)
    store.profile()
    history = store.all_history()
    assert not store.problems, [str(p) for p in store.problems]
    assert history.legs, "the fixture's leg sessions are gone"
    assert not [p for p in data_dir.rglob("*.tmp")], "temp files left behind"


def on_target(app, target: str) -> bool:
    """The target screen is on top, or a modal opened over it is (a "discard changes?" question is part
    of the form's own flow, and unwinding under it would race the form's own dismissal; the command
    palette is typed into too)."""
    from textual.screen import ModalScreen

    names = [type(s).__name__ for s in app.screen_stack]
    if target not in names:
        return False
    above = app.screen_stack[names.index(target) + 1 :]
    return all(isinstance(s, ModalScreen) for s in above)  # the command palette is one too


@pytest.mark.parametrize("screen", list(SCREENS))
def test_monkey(screen: str, tmp_path: Path) -> None:
    # One test per screen, so pytest-xdist spreads them over the cores.
    asyncio.run(monkey(screen, tmp_path))


async def monkey(screen: str, tmp_path: Path) -> None:
    from legday.tui.app import build_app

    target, opener = SCREENS[screen]
    seed = _seed(screen)
    rng = random.Random(seed)
    data_dir, config_dir = write_typical_week(tmp_path / "data"), tmp_path / "config"
    config_dir.mkdir()
    # The fixture was written through the store, so its writes are undo steps: a monkey pressing u
    # often enough would rightly undo the fixture itself. Start with an empty undo history, so that
    # u undoes only what the monkey did and "the fixture's legs are gone" still means a lost write.
    shutil.rmtree(data_dir / "undo", ignore_errors=True)
    app = build_app(data_dir, config_dir, clock=fixed_clock, steady=True)

    # Keep the monkey inside the run: quitting (q, ctrl+q, the palette's Quit: all end in App.exit) and
    # screenshots (a file in the working directory) are counted instead of carried out.
    quits: list[object] = []
    app.exit = lambda *args, **kwargs: quits.append(args)  # type: ignore[method-assign]
    app.deliver_screenshot = lambda *a, **k: None  # type: ignore[method-assign]

    # Which screen handled each key: recorded as the app takes the Key event off its queue.
    handled = {"on_target": 0, "total": 0}
    on_week: dict[str, int] = {key: 0 for key in WEEK_KEYS}  # the fixing keys, handled on the week
    original_on_event = app.on_event

    async def on_event(event):
        # A key reaches App.on_event first from the driver, and again if it bubbles back up unhandled
        # (then it is marked forwarded): count the first arrival only.
        if isinstance(event, events.Key):
            arrivals[0] += 1
        if isinstance(event, events.Key) and not event.is_forwarded:
            handled["total"] += 1
            stack = app.screen_stack  # empty while the run is closing down
            top = type(stack[-1]).__name__ if stack else "-"
            processed.append(f"{event.key}@{top}")
            if top == target:
                handled["on_target"] += 1
            if top == "WeekScreen" and event.key in on_week:
                on_week[event.key] += 1
        return await original_on_event(event)

    app.on_event = on_event  # type: ignore[method-assign]

    recent: deque[str] = deque(maxlen=40)
    held: str | None = None  # a ctrl+p kept for the next burst
    previous: list[str] = []  # the burst before
    log: list[str] = []  # every burst: the screen stack before it and its keys, for the failure report
    processed: deque[str] = deque(maxlen=40)  # the last keys as the app handled them, and where
    limit = KEYS_PER_SCREEN * 4  # a monkey that can never stay on its screen fails, it does not spin
    sent = 0  # keys put into the app's queue
    arrivals = [0]  # Key events the app has taken, first arrivals and bubbled-back ones

    def failure(what: str) -> str:
        log_path = tmp_path / "monkey-keys.log"
        log_path.write_text("\n".join(log) + "\nhandled last: " + " ".join(processed) + "\n")
        return (
            f"{what}\nmonkey seed {seed} on the {screen} screen after {handled['total']} keys (all keys, "
            f"burst by burst: {log_path}); last keys: "
            f"{' '.join(recent)}\nreplay: LEGDAY_MONKEY_SEED={seed} .venv/bin/pytest "
            f"tests/robustness/test_monkey.py -k {screen}"
        )

    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            wanted = KEYS_PER_SCREEN // 4 if screen in SMALL else KEYS_PER_SCREEN
            while handled["on_target"] < wanted:
                assert handled["total"] < limit, failure(
                    f"stayed on {target} for only {handled['on_target']} keys"
                )
                for _attempt in range(5):
                    if on_target(app, target):
                        break
                    # Back to the week screen, then open the target again. A key still in flight may
                    # push another screen meanwhile, hence the settling and the attempts.
                    await pilot.pause()
                    while len(app.screen_stack) > 1:
                        await app.pop_screen()
                    if app.current_mode != "week":  # the trends view (g) is a mode of its own
                        await app.switch_mode("week")
                        await pilot.pause()
                    if callable(opener):
                        opener(app)
                    elif opener:
                        getattr(app, opener)()
                    await pilot.pause()
                assert on_target(app, target), failure(f"{opener} did not open {target}")
                # Textual's own command palette fills its list in a worker and trips over keys that
                # arrive before it is ready (NoMatches CommandList: Textual's race, not legday's), so
                # while it is open the monkey types one key at a time. And ctrl+p goes alone, once the
                # keys before it have finished bubbling: a key still on its way up when the palette
                # opens meets the palette's bindings (PageDown there: KeyError in Textual's OptionList).
                careful = type(app.screen).__name__ == "CommandPalette"
                burst: list[str] = [held] if held else []
                held = None
                if not burst and type(app.screen).__name__ == "WeekScreen" and rng.random() < EXTRA_ODDS:
                    burst.append(rng.choice(WEEK_KEYS))
                while not burst or (burst[-1] != "ctrl+p" and not careful and len(burst) < BURST):
                    key = next_key(rng, app)
                    if key == "ctrl+p" and PAGE_KEYS & {*burst, *previous}:
                        continue  # a PageUp/PageDown may still be bubbling up; see above
                    if key == "ctrl+p" and burst:
                        held = key
                        break
                    burst.append(key)
                previous = burst
                log.append(f"{'>'.join(type(s).__name__ for s in app.screen_stack)}: {' '.join(burst)}")
                for key in burst:
                    recent.append(key)
                    app.post_message(key_event(key))
                sent += len(burst)
                if held or burst[-1] == "ctrl+p" or careful:
                    await pilot.pause()  # all settled before ctrl+p; the palette open before its keys
                # Settle: every widget on screen has handled what is queued. Not pilot.pause(): that
                # also waits for the whole process to go idle and forces a repaint, which would
                # multiply the cost per burst; frames still come from the screen's own update timer.
                await wait_for_screen(pilot)
                if app.return_code == 1:
                    break  # the app's error: run_test raises it on the way out, reported below
                assert app.is_running, failure("app stopped")
            # Let the last keys be handled before the run closes (a key met by a closing app is
            # Textual's shutdown, not something a person can do: with the stacks cleared, Textual
            # raises "No screens on stack"). One pause is not always enough on a loaded machine, so
            # wait until the app has taken every key sent, then once more for what they started.
            # A key is taken twice: on arrival, and again when it bubbles back up unhandled, a
            # little later; so wait until no key has reached the app for two pauses in a row.
            quiet = 0
            for _ in range(200 if app.return_code != 1 else 0):
                before = arrivals[0]
                await pilot.pause()
                quiet = quiet + 1 if arrivals[0] == before and handled["total"] >= sent else 0
                if quiet >= 2:
                    break
            # (An error of the app's: run_test raises it on the way out, reported below.)
    except AssertionError:
        raise
    except Exception as error:  # the app's own exception, re-raised by run_test
        raise AssertionError(failure(f"{type(error).__name__}: {error}")) from error

    check_files_parse(data_dir, config_dir)
    if screen == "week":
        # Every fixing key reached the week screen, more than once (and the files survived them).
        assert min(on_week.values()) >= 3, on_week


def test_enter_twice_fast_saves_once(tmp_path: Path) -> None:
    """Found by the monkey: two Enters on Log cardio's last field, faster than the form closes, saved
    the session twice and then popped the week screen too. One save, the week screen stays."""
    asyncio.run(_enter_twice(tmp_path))


async def _enter_twice(tmp_path: Path) -> None:
    from textual.widgets import Input

    from legday.storage import Store
    from legday.tui.app import build_app

    data_dir = write_typical_week(tmp_path / "data")
    before = len(Store(data_dir).all_history().cardio)
    app = build_app(data_dir, tmp_path / "config", clock=fixed_clock, steady=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.action_log_cardio()
        await pilot.pause()
        app.screen.query_one("#modality Input", Input).value = "bike"
        app.screen.query_one("#minutes Input", Input).value = "30"
        app.screen.query_one("#start Input", Input).focus()
        await pilot.pause()
        for _ in range(2):
            app.post_message(key_event("enter"))  # both queued before either is handled
        await pilot.pause()
        assert app.return_code is None
        assert [type(s).__name__ for s in app.screen_stack] == ["WeekScreen"]
    assert len(Store(data_dir).all_history().cardio) == before + 1


def test_keys_typed_after_q_do_not_crash_the_way_out(tmp_path: Path) -> None:
    """Found by the monkey: q then w typed quickly opened the workout form on a closing app, which
    ended in a traceback and exit status 1. The app closes cleanly, whatever follows the q."""
    asyncio.run(_quit_then_keys(tmp_path))


async def _quit_then_keys(tmp_path: Path) -> None:
    from legday.tui.app import build_app

    app = build_app(
        write_typical_week(tmp_path / "data"), tmp_path / "config", clock=fixed_clock, steady=True
    )
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for key in ("q", "w", "s", "c", "p", "question_mark"):
            app.post_message(key_event(key))
        for _ in range(200):  # until the app has closed, at most ~2 s
            if not app.is_running:
                break
            await asyncio.sleep(0.01)
    assert app.return_code == 0  # 1 after an error
