"""Every key and command of the app in one table.

The bindings (``bindings(where)``), the key bar (a row's ``bar`` word), the command palette (a
row's ``command``, "group: verb") and the help screen all read this table, so they cannot drift
apart. A new view adds its rows here and a mode in the app; nothing else needs to know.

``where`` says where a row's binding lives and when it works:

- ``"app"``: on the app, everywhere (the palette, quitting);
- ``"home"``: on the app, but only on a view's own screen (the week, not a form or help over it):
  these open something, and over a form they would stack a second form or lose typed input;
- any other name is a view (``"week"``): the binding lives on that view's screen, or with
  ``widget`` on the widget that has the focus there (the week grid's day moves). A palette
  command of a widget row runs the same action on the screen, which has it too.

Imports nothing but Textual's Binding: the app, screens and widgets all import this module.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding

HOME = "home"
APP = "app"


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated ("left,h"); "" for a palette-only command
    action: str  # the action on the node that holds the binding ("move(-1)", "log_workout")
    where: str  # "app", "home" or a view's name (see above)
    help: str  # one line for the help screen, the palette and the key's tooltip
    command: str = ""  # the palette's "group: verb"; "" keeps it out of the palette
    bar: str = ""  # the key bar's word; "" keeps it out of the bar
    display: str | None = None  # how the key is shown, when Textual's name is not it
    group: str | None = None  # rows with one group share one bar entry ("[ ] week")
    widget: bool = False  # the binding lives on the view's focused widget, not the screen
    bind: bool = True  # False: Textual binds the key itself; the row only documents it
    priority: bool = False

    @property
    def shown(self) -> str:
        """The key(s) as the help screen writes them: "← h", "ctrl+z u"."""
        if self.display:
            return self.display
        return " ".join(_NAMES.get(k.strip(), k.strip()) for k in self.keys.split(",") if k.strip())


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

KEYS: tuple[Key, ...] = (
    # The week: moving about.
    Key("left,h", "move(-1)", "week", "Previous day", "day: previous", widget=True),
    Key("right,l", "move(1)", "week", "Next day", "day: next", widget=True),
    Key("up,k", "move(-7)", "week", "Same day, last week", "day: last week", widget=True),
    Key("down,j", "move(7)", "week", "Same day, next week", "day: next week", widget=True),
    Key("left_square_bracket", "week(-1)", "week", "Previous week", "week: previous", "week", group="week"),
    Key("right_square_bracket", "week(1)", "week", "Next week", "week: next", "week", group="week"),
    Key("t", "today", "week", "Jump to today", "week: today"),
    Key(
        "enter",
        "toggle_pane",
        "week",
        "Give the suggestion pane the whole lower half, or not",
        "suggestion: show why",
        "why",
    ),
    # The week: acting on the selected day.
    Key(
        "d",
        "mark_done",
        "week",
        "Mark the day's suggestion done (a quick cardio log)",
        "suggestion: mark done",
        "done",
    ),
    Key("x", "skip", "week", "Skip the day's suggestion; the week re-plans", "suggestion: skip", "skip"),
    Key(
        "e",
        "edit",
        "week",
        "Edit what was logged on the selected day (a list when several)",
        "log: edit",
        "fix",
        group="fix",
    ),
    Key(
        "delete",
        "delete",
        "week",
        "Delete something logged on the selected day (asks first)",
        "log: delete",
        "fix",
        group="fix",
    ),
    # The trends view: moving across weeks (g, bound on the app, switches back).
    Key("g", "app.trends", "trends", "Back to the week view", bar="week"),
    Key("left,h", "move(-1)", "trends", "The week before", "trends: week before", "week", group="move"),
    Key("right,l", "move(1)", "trends", "The week after", "trends: week after", "week", group="move"),
    Key("home", "first", "trends", "The first week shown", "trends: first week"),
    Key("end", "last", "trends", "This week", "trends: this week"),
    Key("down,j", "scroll_words(1)", "trends", "Scroll the words down"),
    Key("up,k", "scroll_words(-1)", "trends", "Scroll the words up"),
    Key(
        "enter", "open", "trends", "Open the selected week in the week view", "trends: open the week", "open"
    ),
    Key(
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
        "w",
        "log_workout",
        HOME,
        "Log a leg workout: exercises, sets x reps @ load, effort",
        "log: workout",
        "log",
        group="log",
    ),
    Key(
        "s",
        "soreness",
        HOME,
        "Morning check-in: soreness 0-10, sleep, pain",
        "log: soreness",
        "log",
        group="log",
    ),
    Key("c", "log_cardio", HOME, "Log a cardio session", "log: cardio", "log", group="log"),
    Key(
        "u,ctrl+z",
        "undo",
        HOME,
        "Undo the last change (log, edit, delete, skip, profile)",
        "log: undo",
        "undo",
    ),
    Key(
        "p",
        "profile",
        HOME,
        "Profile and settings: goal, level, leg days, units, theme, calendar file",
        "profile: edit",
        "setup",
    ),
    Key(
        "",
        "import_data",
        HOME,
        "Import workouts from Strong, Hevy, FitNotes, a FIT file or a legday JSON export",
        "data: import",
    ),
    Key(
        "g",
        "trends",
        HOME,
        "Trends: the weeks behind you, drawn (g again: the week)",
        "view: trends",
        "trends",
    ),
    Key(
        "question_mark",
        "help",
        HOME,
        "Help: keys, what the colours mean, the evidence",
        "app: help",
        "help",
        display="?",
    ),
    # Not in the key bar (no room at 80 columns): q is in help and the palette.
    Key("q", "leave", HOME, "Quit legday (ctrl+q quits from anywhere)", "app: quit"),
    # Everywhere.
    Key(
        "ctrl+p",
        "command_palette",
        APP,
        'Command palette: every action as "group: verb", and the themes',
        bind=False,
    ),
    Key("escape", "", APP, "Close a form or this help (a form asks before throwing input away)", bind=False),
    Key("", "change_theme", APP, "Pick a colour theme (remembered)", "theme: choose"),
    Key("", "show_help_panel", APP, "Show the keys panel beside the screen", "app: keys panel"),
)

_GROUPS: dict[str, Binding.Group] = {}


def _group(name: str | None) -> Binding.Group | None:
    if name is None:
        return None
    return _GROUPS.setdefault(name, Binding.Group(name))


def bindings(where: str, *, widget: bool = False) -> list[Binding]:
    """The Textual bindings for ``where`` ("app" and "home" both live on the app)."""
    wanted = (APP, HOME) if where == APP else (where,)
    return [
        Binding(
            k.keys,
            k.action,
            k.bar,
            show=bool(k.bar),
            key_display=k.display,
            tooltip=k.help,
            group=_group(k.group),
            priority=k.priority,
        )
        for k in KEYS
        if k.where in wanted and k.bind and k.keys and k.widget == widget
    ]


def home_actions() -> frozenset[str]:
    """Actions that only run on a view's own screen (see ``where="home"``)."""
    return frozenset(k.action for k in KEYS if k.where == HOME)


def commands(view: str | None, *, home: bool) -> list[tuple[str, str, str]]:
    """(name, help, action) for the palette opened over ``view`` (None: not a view, e.g. a form);
    ``home``: the palette was opened on a view's own screen. Actions are qualified for
    ``App.run_action``: "app.undo", "screen.move(1)"."""
    found = []
    for k in KEYS:
        if not k.command:
            continue
        if k.where == APP or (k.where == HOME and home):
            action = f"app.{k.action}"
        elif k.where == view and home:
            action = f"screen.{k.action}"
        else:
            continue
        help_text = f"{k.help} · key {k.shown}" if k.keys else k.help
        found.append((k.command, help_text, action))
    return found


def rows_for_help() -> list[tuple[str, list[Key]]]:
    """(heading, rows) for the help screen: each view's keys, then those that work everywhere."""
    views = list(dict.fromkeys(k.where for k in KEYS if k.where not in (APP, HOME)))
    sections = [(f"On the {view}", [k for k in KEYS if k.where == view and k.keys]) for view in views]
    sections.append(("From every view", [k for k in KEYS if k.where == HOME and k.keys]))
    sections.append(("Everywhere", [k for k in KEYS if k.where == APP and k.keys]))
    return sections
