"""Every key of the app in one table, each row with an id a person can remap.

The bindings (``bindings(place)``), the key bar (a row's ``bar`` word), the command palette (a row's
``command``, "group: verb") and the help screen all read this table, so they cannot drift apart. The
``[keymap]`` table of settings.toml remaps any row by its id (``resolve`` checks it and reports
unknown ids, unknown keys and clashes with file and line); the app hands the result to Textual's
``set_keymap``, and help and the palette show the keys as remapped. The README lists the ids.

A row's ``where`` is a place (``PLACES``): where its binding lives and when it works.

- ``"app"``: on the app, everywhere (the palette, quitting);
- ``"home"``: on the app, but only over a view's own screen (the week, trends; not a form or help
  over it): these open something, and over a form they would stack a second form or lose input;
- a view (``"week"``, ``"trends"``), a form or a modal screen (``"workout"``, ``"confirm"``...):
  bound on that screen (``BINDINGS = keys.bindings("workout")``);
- ``"form"``: the keys every form shares (ctrl+s, esc, tab), bound on each form's screen; a form row
  that ``follows`` one of them takes its place on that form (the first run's esc says "later");
- a widget (``"grid"``, ``"slider"``, ``"choice"``...): bound on that widget, working while it has the
  focus. A palette command of a widget row runs the same action on its screen, which has it too.

A new view or form adds its place and rows here; nothing else needs to know. Imports nothing of
legday and only Textual's Binding (and, when a keymap is checked, Textual's key names): the app,
screens and widgets all import this module.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from textual.binding import Binding, BindingType

from legday.core.values import Value

HOME = "home"
APP = "app"


class Place(NamedTuple):
    heading: str  # help's heading for the place's keys (places may share one)
    inside: tuple[str, ...] = ()  # places whose keys work here too (a widget's screen, the forms' own)
    widget: bool = False  # the keys are bound on a widget, not a screen


PLACES: dict[str, Place] = {
    "grid": Place("On the week", ("week",), widget=True),
    "week": Place("On the week", (HOME,)),
    "trends": Place("On the trends", (HOME,)),
    HOME: Place("From the week and trends", (APP,)),
    "form": Place("In every form", (APP,)),
    "workout": Place("Log a workout (w)", ("form",)),
    "exercise": Place("Log a workout (w)", ("workout",), widget=True),
    "soreness": Place("Morning check-in (s)", ("form",)),
    "cardio": Place("Log cardio (c, or d on a suggestion)", ("form",)),
    "profile": Place("Profile and settings (p)", ("form",)),
    "welcome": Place("First run", ("form",)),
    "slider": Place("On a slider (soreness, effort)", ("soreness", "workout", "cardio"), widget=True),
    "choice": Place("On a choice (profile, first run)", ("profile", "welcome"), widget=True),
    "picks": Place("On a choice (profile, first run)", ("choice",), widget=True),
    "pick": Place("Picking what to edit or delete (e, del)", (APP,)),
    "confirm": Place("A question (delete?)", (APP,)),
    "discard": Place("Throw away what you typed?", (APP,)),
    "import": Place("Import a file (ctrl+p, data: import)", (APP,)),
    "skip_box": Place("Import a file (ctrl+p, data: import)", ("import",), widget=True),
    "help": Place("In help (?)", (APP,)),
    APP: Place("Everywhere"),
}
VIEWS = ("week", "trends")  # the top-level views (each a mode of the app)


class Key(Value):
    id: str  # stable: what [keymap] in settings.toml remaps ("week.today")
    keys: str  # Textual key names, comma-separated ("left,h"); "" for a palette-only command
    action: str  # the action on the node that holds the binding ("move(-1)", "log_workout")
    where: str  # a place in PLACES (see above)
    help: str  # one line for the help screen, the palette and the key's tooltip
    command: str = ""  # the palette's "group: verb"; "" keeps it out of the palette
    bar: str = ""  # the key bar's word; "" keeps it out of the bar
    display: str | None = None  # how the key is shown, when Textual's name is not it
    group: str | None = None  # rows with one group share one bar entry ("[ ] week")
    bind: bool = True  # False: documents a key Textual handles itself (cannot be remapped)
    priority: bool = False
    each: bool = False  # one binding per key, its action given the key: "digit(3)" (cannot be remapped)
    follows: str | None = None  # takes this row's keys unless remapped itself (and its place on a form)
    aside: bool = False  # drawn at the right end of the key bar (the palette), not among the rest

    @property
    def remappable(self) -> bool:
        return self.bind and not self.each and bool(self.keys)


KEYS: tuple[Key, ...] = (
    # The week: moving about (the grid has the focus).
    Key("day.previous", "left,h", "move(-1)", "grid", "Previous day", "day: previous"),
    Key("day.next", "right,l", "move(1)", "grid", "Next day", "day: next"),
    Key("day.last_week", "up,k", "move(-7)", "grid", "Same day, last week", "day: last week"),
    Key("day.next_week", "down,j", "move(7)", "grid", "Same day, next week", "day: next week"),
    Key(
        "week.previous",
        "left_square_bracket",
        "week(-1)",
        "week",
        "Previous week",
        "week: previous",
        "week",
        group="week",
    ),
    Key(
        "week.next",
        "right_square_bracket",
        "week(1)",
        "week",
        "Next week",
        "week: next",
        "week",
        group="week",
    ),
    Key("week.today", "t", "today", "week", "Jump to today", "week: today"),
    Key(
        "week.why",
        "enter",
        "toggle_pane",
        "week",
        "Give the suggestion pane the whole lower half, or not",
        "suggestion: show why",
        "why",
    ),
    # The week: acting on the selected day.
    Key(
        "week.done",
        "d",
        "mark_done",
        "week",
        "Mark the day's suggestion done (a quick cardio log)",
        "suggestion: mark done",
        "done",
    ),
    Key(
        "week.skip",
        "x",
        "skip",
        "week",
        "Skip the day's suggestion; the week re-plans",
        "suggestion: skip",
        "skip",
    ),
    Key(
        "week.edit",
        "e",
        "edit",
        "week",
        "Edit what was logged on the selected day (a list when several)",
        "log: edit",
        "fix",
        group="fix",
    ),
    Key(
        "week.delete",
        "delete",
        "delete",
        "week",
        "Delete something logged on the selected day (asks first)",
        "log: delete",
        "fix",
        group="fix",
    ),
    # The trends view: moving across weeks (g, as on the week, switches back).
    Key(
        "trends.back", "g", "app.trends", "trends", "Back to the week view", bar="week", follows="view.trends"
    ),
    Key(
        "trends.before",
        "left,h",
        "move(-1)",
        "trends",
        "The week before",
        "trends: week before",
        "week",
        group="move",
    ),
    Key(
        "trends.after",
        "right,l",
        "move(1)",
        "trends",
        "The week after",
        "trends: week after",
        "week",
        group="move",
    ),
    Key("trends.first", "home", "first", "trends", "The first week shown", "trends: first week"),
    Key("trends.last", "end", "last", "trends", "This week", "trends: this week"),
    Key("trends.words_down", "down,j", "scroll_words(1)", "trends", "Scroll the words down"),
    Key("trends.words_up", "up,k", "scroll_words(-1)", "trends", "Scroll the words up"),
    Key(
        "trends.open",
        "enter",
        "open",
        "trends",
        "Open the selected week in the week view",
        "trends: open the week",
        "open",
    ),
    Key(
        "trends.fewer",
        "minus",
        "span(-1)",
        "trends",
        "Fewer weeks",
        "trends: fewer weeks",
        "weeks",
        display="-",
        group="weeks",
    ),
    Key(
        "trends.more",
        "plus,equals_sign",
        "span(1)",
        "trends",
        "More weeks (up to 52)",
        "trends: more weeks",
        "weeks",
        display="+",
        group="weeks",
    ),
    # Logging, from any view.
    Key(
        "log.workout",
        "w",
        "log_workout",
        HOME,
        "Log a leg workout: exercises, sets x reps @ load, effort",
        "log: workout",
        "log",
        group="log",
    ),
    Key(
        "log.soreness",
        "s",
        "soreness",
        HOME,
        "Morning check-in: soreness 0-10, sleep, pain",
        "log: soreness",
        "log",
        group="log",
    ),
    Key("log.cardio", "c", "log_cardio", HOME, "Log a cardio session", "log: cardio", "log", group="log"),
    Key(
        "log.repeat",
        "",
        "repeat_workout",
        HOME,
        "Log a leg workout filled in from the last one on that weekday, to change and save",
        "log: repeat last leg session",
    ),
    Key(
        "log.undo",
        "u,ctrl+z",
        "undo",
        HOME,
        "Undo the last change (log, edit, delete, skip, profile)",
        "log: undo",
        "undo",
    ),
    Key(
        "view.profile",
        "p",
        "profile",
        HOME,
        "Profile and settings: goal, level, leg days, units, theme, calendar file",
        "profile: edit",
        "setup",
    ),
    Key(
        "data.import",
        "",
        "import_data",
        HOME,
        "Import workouts from Strong, Hevy, FitNotes, a FIT file or a legday JSON export",
        "data: import",
    ),
    Key(
        "view.trends",
        "g",
        "trends",
        HOME,
        "Trends: the weeks behind you, drawn (g again: the week)",
        "view: trends",
        "trends",
    ),
    Key(
        "view.help",
        "question_mark",
        "help",
        HOME,
        "Help: keys, what the colours mean, the evidence",
        "app: help",
        "help",
        display="?",
    ),
    # Not in the key bar (no room at 80 columns): q is in help and the palette.
    Key("app.leave", "q", "leave", HOME, "Quit legday (ctrl+q quits from anywhere)", "app: quit"),
    # Every form (bound on each form's screen, in this order among the form's own keys).
    Key(
        "form.save",
        "ctrl+s",
        "save",
        "form",
        "Save (from any field)",
        bar="save",
        group="save",
        priority=True,
    ),
    Key(
        "workout.add_row",
        "ctrl+n",
        "add_row",
        "workout",
        "A new exercise line (from any field)",
        bar="add row",
        priority=True,
    ),
    # Enter, Tab and shift+Tab are priority keys: Textual runs them as they arrive, so the keys typed
    # right after them go to the field they moved to (not the one left: "bike", Tab, "25").
    Key(
        "workout.repeat",
        "ctrl+r",
        "repeat",
        "workout",
        "Fill in the last leg session on this weekday (again: the one before), to change and save",
        "workout: repeat last leg session",
        bar="repeat",
        priority=True,
    ),
    Key(
        "form.enter",
        "enter",
        "enter",
        "form",
        "The next field, from any field (a slider or a choice too); on the last field, save",
        bar="next",
        display="⏎",
        priority=True,
    ),
    Key(
        "soreness.save",
        "enter",
        "submit",
        "soreness",
        "Save (the soreness slider is usually all there is)",
        bar="save",
        display="⏎",
        group="save",
        follows="form.enter",
    ),
    Key(
        "welcome.next",
        "enter",
        "next",
        "welcome",
        "The next question; on the last one, save",
        bar="next",
        display="⏎",
        group="save",
        priority=True,
        follows="form.enter",
    ),
    Key(
        "welcome.digit",
        "1,2,3,4,5,6,7,8,9",
        "answer",
        "welcome",
        "Pick that option (leg days: switch that day on or off); a one-answer question then moves on",
        display="1-9",
        each=True,
        priority=True,
    ),
    Key(
        "form.cancel",
        "escape",
        "cancel",
        "form",
        "Close the form (asks first when something typed would be lost)",
        bar="cancel",
    ),
    Key(
        "welcome.later",
        "escape",
        "cancel",
        "welcome",
        "Later: plan with the defaults until the profile is set (p)",
        bar="later",
        follows="form.cancel",
    ),
    Key("form.next_field", "tab", "app.focus_next", "form", "The next field", priority=True),
    Key("form.previous_field", "shift+tab", "app.focus_previous", "form", "The field before", priority=True),
    # On an exercise line of the workout form: its own keys first in the bar, where they apply.
    # (ctrl+d replaces the line's "delete right"; the Delete key still does that.)
    Key(
        "exercise.add_row",
        "ctrl+n",
        "screen.add_row",
        "exercise",
        "A new exercise line",
        bar="add row",
        follows="workout.add_row",
        priority=True,
    ),
    Key(
        "exercise.remove_row",
        "ctrl+d",
        "screen.remove_row",
        "exercise",
        "Remove this line",
        bar="remove row",
        priority=True,
    ),
    # Sliders (soreness, effort) and choices (profile, first run). Priority, as every key of a form
    # that is not typed text: a binding that is not runs only once its key has gone up through the
    # screen and back to the app, behind every key typed after it ("8", Enter, "75" on the effort
    # slider gave 5); a priority one runs as the key arrives, in the order typed.
    Key(
        "slider.less",
        "left,h",
        "step(-1)",
        "slider",
        "One less",
        bar="less",
        display="←",
        group="level",
        priority=True,
    ),
    Key(
        "slider.more",
        "right,l",
        "step(1)",
        "slider",
        "One more",
        bar="more",
        display="→",
        group="level",
        priority=True,
    ),
    Key(
        "slider.digit",
        "0,1,2,3,4,5,6,7,8,9",
        "digit",
        "slider",
        "Jump to that level (1 then 0, quickly: 10)",
        bar="jump",
        display="0-9",
        each=True,
        priority=True,
    ),
    Key("slider.lowest", "home", "jump(0)", "slider", "The lowest level", priority=True),
    Key("slider.highest", "end", "jump_end", "slider", "The highest level", priority=True),
    Key(
        "choice.previous",
        "left,h",
        "move(-1)",
        "choice",
        "The option before",
        bar="previous",
        display="←",
        group="choose",
        priority=True,
    ),
    Key(
        "choice.next",
        "right,l",
        "move(1)",
        "choice",
        "The next option",
        bar="next",
        display="→",
        group="choose",
        priority=True,
    ),
    Key(
        "choice.digit",
        "1,2,3,4,5,6,7,8,9",
        "pick",
        "choice",
        "The option with that number",
        display="1-9",
        each=True,
        priority=True,
    ),
    Key(
        "picks.toggle",
        "space",
        "switch",
        "picks",
        "Switch the kind of cardio under the cursor on or off",
        bar="on/off",
        display="space",
        priority=True,
    ),
    # Picking a record, questions.
    # (Priority: the list's own Enter, not shown in the key bar, would hide this one.)
    Key(
        "pick.choose",
        "enter",
        "pick",
        "pick",
        "Take the highlighted one",
        bar="pick",
        display="⏎",
        priority=True,
    ),
    Key("pick.back", "escape", "cancel", "pick", "Back, picking nothing", bar="back"),
    Key("pick.down", "j", "move(1)", "pick", "The next one (↓ too)"),
    Key("pick.up", "k", "move(-1)", "pick", "The one before (↑ too)"),
    Key(
        "pick.number",
        "1,2,3,4,5,6,7,8,9",
        "number",
        "pick",
        "Take the one with that number",
        display="1-9",
        each=True,
    ),
    Key("confirm.yes", "y", "answer(True)", "confirm", "Yes", bar="yes"),
    Key("confirm.no", "n,escape", "answer(False)", "confirm", "No", bar="no"),
    Key("discard.yes", "y,d", "answer(True)", "discard", "Throw it away", bar="discard"),
    Key("discard.no", "n,escape", "answer(False)", "discard", "Keep editing", bar="keep editing"),
    # Import and help.
    Key(
        "import.run", "enter", "import", "import", "Import the file", bar="import", display="⏎", priority=True
    ),
    Key("import.cancel", "escape", "cancel", "import", "Close without importing", bar="cancel"),
    Key("import.skip_bad_rows", "space", "toggle_button", "skip_box", "Tick or untick skipping the bad rows"),
    Key(
        "help.close",
        "escape,q,question_mark",
        "app.pop_screen",
        "help",
        "Close help",
        bar="close",
        display="esc",
    ),
    Key("help.up", "up,k", "scroll('up')", "help", "Scroll up"),
    Key("help.down", "down,j", "scroll('down')", "help", "Scroll down"),
    # Everywhere.
    Key(
        "app.palette",
        "ctrl+p",
        "command_palette",
        APP,
        'Command palette: every action as "group: verb", and the themes',
        bar="palette",
        priority=True,
        aside=True,
    ),
    Key("app.quit", "ctrl+q", "quit", APP, "Quit legday, from anywhere", priority=True),
    Key("app.how_to_quit", "ctrl+c", "help_quit", APP, "Says how to quit (in a field, ctrl+c copies)"),
    Key("theme.choose", "", "change_theme", APP, "Pick a colour theme (remembered)", "theme: choose"),
    Key(
        "app.keys_panel",
        "",
        "show_help_panel",
        APP,
        "Show the keys panel beside the screen",
        "app: keys panel",
    ),
)
BY_ID: dict[str, Key] = {k.id: k for k in KEYS}

_GROUPS: dict[str, Binding.Group] = {}


def _group(name: str | None) -> Binding.Group | None:
    if name is None:
        return None
    return _GROUPS.setdefault(name, Binding.Group(name))


def rows_at(place: str) -> list[Key]:
    """The rows bound at ``place``, in table order: its own, and for a form the forms' shared rows
    it does not replace with one that ``follows`` them."""
    own = [k for k in KEYS if k.where == place]
    if "form" not in PLACES[place].inside:
        return own
    replaced = {k.follows for k in own}
    return [k for k in KEYS if k in own or (k.where == "form" and k.id not in replaced)]


def bindings(place: str) -> list[BindingType]:
    """The Textual bindings for ``place`` ("app" gets the "home" rows too: both live on the app)."""
    rows = [k for k in KEYS if k.where in (APP, HOME)] if place == APP else rows_at(place)
    found: list[BindingType] = []
    for k in rows:
        if not (k.bind and k.keys):
            continue
        if k.each:  # one binding a key, no id: the action needs the key ("digit(3)")
            for n, key in enumerate(_split(k.keys)):
                shown = n == 0 and bool(k.bar)
                found.append(
                    Binding(
                        key,
                        f"{k.action}({key})",
                        k.bar if shown else "",
                        show=shown,
                        key_display=k.display if shown else None,
                        tooltip=k.help,
                        priority=k.priority,
                    )
                )
            continue
        found.append(
            Binding(
                k.keys,
                k.action,
                k.bar,
                show=bool(k.bar) and not k.aside,
                key_display=k.display,
                tooltip=k.help,
                group=_group(k.group),
                priority=k.priority,
                id=k.id,
            )
        )
    return found


def home_actions() -> frozenset[str]:
    """Actions that only run on a view's own screen (see ``where="home"``)."""
    return frozenset(k.action for k in KEYS if k.where == HOME)


# -- the keymap ----------------------------------------------------------------------------------------

_NAMES = {
    "question_mark": "?",
    "left": "←",
    "right": "→",
    "up": "↑",
    "down": "↓",
    "enter": "enter",
    "escape": "esc",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "delete": "del",
}
MODIFIERS = ("ctrl", "shift", "alt", "meta", "super", "hyper")


def _split(keys: str) -> list[str]:
    return [key.strip() for key in keys.split(",") if key.strip()]


def shown(keys: str) -> str:
    """Keys as help and the palette write them: ``"left,h"`` -> ``"← h"``, ``"u,ctrl+z"`` -> ``"u ctrl+z"``."""
    from textual.keys import format_key

    return " ".join(_NAMES.get(key) or format_key(key) for key in _split(keys))


class Keymap:
    """The keys in use: the table's, with what settings.toml's [keymap] changed. ``remapped`` is what
    Textual's ``set_keymap`` gets (row id -> keys); ``problems`` what was refused, one line each,
    naming the file and line. (A plain class: one dataclass fewer to build at start-up.)"""

    def __init__(self, remapped: Mapping[str, str] | None = None, problems: tuple[str, ...] = ()) -> None:
        self.remapped: Mapping[str, str] = dict(remapped or {})
        self.problems = problems

    def keys(self, row: Key) -> str:
        return self.remapped.get(row.id, row.keys)

    def shown(self, row: Key) -> str:
        """The row's keys as help writes them: every key ("← h", "esc q ?"), a digit row as "0-9"."""
        if row.each and row.display:
            return row.display
        return shown(self.keys(row))


def key_problem(key: str) -> str | None:
    """What is wrong with one key name (Textual's long form), or None if Textual knows it."""
    from textual.keys import KEY_NAME_REPLACEMENTS, Keys, key_to_character

    *modifiers, name = key.split("+")
    bad = [m for m in modifiers if m not in MODIFIERS]
    if bad or not name:
        return (
            f"{key!r} is not a key: modifiers are {', '.join(MODIFIERS)}" if bad else f"{key!r} is not a key"
        )
    known = {k.value for k in Keys if not k.value.startswith("<")} | set(KEY_NAME_REPLACEMENTS.values())
    if len(name) == 1 or name in known or key_to_character(name) is not None:
        return None
    return f"{name!r} is not a key name"


def active_with(place: str) -> set[str]:
    """The places whose keys work at the same time as ``place``'s (it included)."""
    found = {place}
    todo = [place]
    while todo:
        for inner in PLACES[todo.pop()].inside:
            if inner not in found:
                found.add(inner)
                todo.append(inner)
    return found


def _related(a: Key, b: Key) -> bool:
    """Would a key given to both ``a`` and ``b`` be one key doing two things somewhere?"""
    if a.follows == b.id or b.follows == a.id:
        return False
    return a.where in active_with(b.where) or b.where in active_with(a.where)


def resolve(entries: Iterable[tuple[str, str, str]]) -> Keymap:
    """[keymap] entries (id, keys, "file:line") -> the keymap in use. Refused, each with a line saying
    why and what is accepted (the row keeps its keys): an unknown id, a row that cannot be remapped,
    a key Textual does not know, and a key that would clash with another row where both work."""
    entries = list(entries)
    if not entries:  # the usual case: nothing to import or check at start-up
        return Keymap()
    import difflib

    from legday.private_api import normalize_keys

    remapped: dict[str, str] = {}
    where: dict[str, str] = {}
    problems: list[str] = []
    for key_id, text, location in entries:
        row = BY_ID.get(key_id)
        if row is None:
            near = difflib.get_close_matches(key_id, BY_ID, n=1)
            hint = f" (did you mean {near[0]}?)" if near else ""
            problems.append(
                f"{location}: [keymap] {key_id!r} is not a key id{hint}; accepted: the ids in the README's "
                "key list, e.g. week.today; ignored"
            )
            continue
        if not row.remappable:
            problems.append(f"{location}: [keymap] {key_id} cannot be remapped ({_why_fixed(row)}); ignored")
            continue
        keys = normalize_keys(text) if text.strip() else ""
        wrong = [p for p in (key_problem(k) for k in keys.split(",")) if p] if keys else ["no key given"]
        if wrong:
            problems.append(
                f'{location}: [keymap] {key_id} = "{text}": {wrong[0]}; accepted: key names such as '
                f'"t", "ctrl+t", "f5", "left", several separated by commas; {key_id} keeps {shown(row.keys)}'
            )
            continue
        remapped[key_id], where[key_id] = keys, location
    # Rows that follow a remapped row move with it, unless remapped themselves.
    for row in KEYS:
        if row.follows in remapped and row.id not in remapped:
            remapped[row.id] = remapped[row.follows]
    for key_id in list(where):  # the person's entries, in file order
        clash = _clash(BY_ID[key_id], remapped)
        if clash is not None:
            other, key = clash
            problems.append(
                f"{where[key_id]}: [keymap] {key_id} = {shown(remapped[key_id])!r} clashes with {other.id} "
                f"({shown(key)}: {other.help}); {key_id} keeps {shown(BY_ID[key_id].keys)}"
            )
            for row in [BY_ID[key_id], *(k for k in KEYS if k.follows == key_id and k.id not in where)]:
                remapped.pop(row.id, None)
    return Keymap(remapped, tuple(problems))


def _clash(row: Key, remapped: Mapping[str, str]) -> tuple[Key, str] | None:
    mine = set(remapped[row.id].split(","))
    for other in KEYS:
        if other is row or not other.keys:
            continue
        theirs = set(remapped.get(other.id, other.keys).split(","))
        common = mine & theirs
        if common and _related(row, other):
            return other, sorted(common)[0]
    return None


def _why_fixed(row: Key) -> str:
    if row.each:
        return "each of its keys does something different"
    if not row.keys:
        return "it is a palette command without a key"
    return "Textual handles that key itself"


# -- the palette and help --------------------------------------------------------------------------------


def commands(place: str | None, *, home: bool, keymap: Keymap | None = None) -> list[tuple[str, str, str]]:
    """(name, help, action) for the palette opened over ``place`` (a screen's PLACE; None: a screen
    with no keys of its own); ``home``: opened on a view's own screen. Actions are qualified for
    ``App.run_action``: "app.undo", "screen.move(1)"."""
    keymap = keymap or Keymap()
    # The place's own rows, those of the widgets on it and those it shares (a form's ctrl+s).
    here = {p for p in PLACES if place in active_with(p)} | active_with(place) if place in PLACES else set()
    here -= {APP, HOME}
    found = []
    for k in KEYS:
        if not k.command:
            continue
        if k.where == APP or (k.where == HOME and home):
            action = f"app.{k.action}"
        elif k.where in here and (home or place not in VIEWS):
            action = k.action if k.action.startswith(("app.", "screen.")) else f"screen.{k.action}"
        else:
            continue
        keys = keymap.shown(k)
        help_text = f"{k.help} · key {keys}" if k.keys else k.help
        found.append((k.command, help_text, action))
    return found


def rows_for_help(keymap: Keymap | None = None) -> list[tuple[str, list[tuple[str, Key]]]]:
    """(heading, [(keys as shown, row)]) for the help screen, place by place in PLACES' order; places
    with one heading share a section. Rows without a key (palette commands) are left out."""
    keymap = keymap or Keymap()
    sections: dict[str, list[tuple[str, Key]]] = {}
    for name, place in PLACES.items():
        rows = [(keymap.shown(k), k) for k in KEYS if k.where == name and k.keys]
        if rows:
            sections.setdefault(place.heading, []).extend(rows)
    return list(sections.items())
