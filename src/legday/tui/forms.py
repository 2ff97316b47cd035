"""Opening the forms, for any view: log, check in, edit, delete, profile, import.

Each form gets a save callback that goes to the Journal. A file that cannot be written comes back
as NotSaved, which the form shows in its status line while it stays open with everything typed in;
the journal's change notice then re-plans every view. Form modules are imported when first opened,
so start-up does not pay for them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from textual.app import App
from textual.widget import Widget

from legday.core import words
from legday.core.errors import DataError
from legday.core.model import CardioSession, CheckIn, LegSession, Skip
from legday.core.plan import DayPlan, Session
from legday.journal import Journal, Record

# What opens a form or says something: the app, a screen or a widget (a screen is a widget).
Node = App | Widget


def saving(save: Callable[..., Any]) -> Callable[..., None]:
    """``save`` for a form: a DataError becomes NotSaved, which the form shows."""

    def save_or_say(*args: Any) -> None:
        try:
            save(*args)
        except DataError as error:
            # (Imported here: the form widgets are not needed before a form opens.)
            from legday.tui.widgets.form import NotSaved

            raise NotSaved(str(error)) from None

    return save_or_say


def attempt(node: Node, change: Callable[[], Any], failed: str) -> None:
    """Run a change that has no form (skip, delete, undo); a refusal is one notification."""
    try:
        change()
    except DataError as error:
        node.notify(f"{failed}: {error}", severity="error", timeout=10, markup=False)


def day_for_new_log(journal: Journal, selected: dt.date | None) -> dt.date:
    """The day a new log is for: the selected day if it has come, else today."""
    today = journal.today()
    return selected if selected is not None and selected <= today else today


# -- logging ----------------------------------------------------------------------------------------


def log_workout(
    node: Node, journal: Journal, day: dt.date, existing: LegSession | None = None, *, repeat: bool = False
) -> None:
    """The workout form for ``day`` (or editing ``existing``); ``repeat``: filled in from the last leg
    session on that weekday, as ctrl+r in the form does."""
    from legday.tui.screens.log_workout import LogWorkoutScreen

    now = journal.now()
    if existing is not None:
        now = dt.datetime.combine(existing.date, existing.start)
        save = saving(lambda new: journal.replace(existing, new))
    else:
        if day != now.date():
            now = dt.datetime.combine(day, journal.profile.leg_time)
        save = saving(journal.log)
    screen = LogWorkoutScreen(
        now,
        journal.profile.units,
        journal.exercise_names(),
        save,
        existing=existing,
        history=journal.leg_sessions(now.date()),
    )
    node.app.push_screen(screen)
    if repeat:
        screen.call_after_refresh(screen.run_action, "repeat")


def soreness(node: Node, journal: Journal, day: dt.date, existing: CheckIn | None = None) -> None:
    from legday.tui.screens.soreness import SorenessScreen

    if existing is not None:
        old = existing
        save = saving(lambda new: journal.replace(old, new))
    else:
        existing = journal.checkin(day)  # a day rated before: shown, and replaced on save
        save = saving(journal.log)
    node.app.push_screen(SorenessScreen(day, existing, save))


def log_cardio(
    node: Node,
    journal: Journal,
    day: dt.date,
    prefill: Session | None = None,
    existing: CardioSession | None = None,
) -> None:
    from legday.tui.screens.log_cardio import LogCardioScreen

    if existing is not None:
        save = saving(lambda new: journal.replace(existing, new))
    else:
        save = saving(journal.log)
    node.app.push_screen(LogCardioScreen(day, journal.now(), prefill, save, existing=existing))


def profile(
    node: Node, journal: Journal, themes: list[str], preview: Callable[[str | None], None] | None = None
) -> None:
    """The profile and settings; ``preview`` shows a theme as the theme field moves (see ProfileScreen)."""
    from legday.tui.screens.profile import ProfileScreen

    current = journal.profile if not journal.first_run else None
    node.app.push_screen(
        ProfileScreen(current, journal.settings, themes, saving(journal.save_profile), preview)
    )


def import_data(node: Node, journal: Journal, path: str = "") -> None:
    """The palette's "data: import": a path, then the same import as `legday import`. The file is
    read in the box's worker thread (``journal.read_import``); comparing and saving
    (``journal.save_import``) run here, on the app's thread."""
    from legday.tui.screens.import_file import ImportScreen

    def save(loaded: Any) -> tuple[str, tuple[str, ...]]:
        try:
            done = journal.save_import(loaded)
        except DataError as error:
            from legday.tui.widgets.form import NotSaved

            raise NotSaved(str(error)) from None
        if not done.new and not done.profile_restored:
            # Nothing changed, so the journal announces nothing: say what was found here.
            node.notify(done.summary[:1].upper() + done.summary[1:] + ".", timeout=10, markup=False)
        return done.summary, done.left_out_rows

    node.app.push_screen(ImportScreen(journal.read_import, save, path))


# -- edit and delete ----------------------------------------------------------------------------------


def logged_records(journal: Journal, day: DayPlan | None, date: dt.date) -> list[Record]:
    """What was logged on a day, from the plan on screen (each done or skipped session remembers
    its record) plus the morning check-in."""
    found: list[Record] = []
    for session in day.sessions if day is not None else ():
        if session.record is not None:
            found.append(session.record)
        elif session.status == "skipped" and session.modality:
            found.append(Skip(date, session.modality))
    checkin = journal.checkin(date)
    if checkin is not None:
        found.append(checkin)
    return list(dict.fromkeys(found))


def _pick(node: Node, records: Sequence[Record], title: str, then: Callable[[Record], None]) -> None:
    """One record: straight on. Several: a list to pick from."""
    if len(records) == 1:
        then(records[0])
        return
    from legday.tui.screens.pick import PickRecord

    def picked(record: Record | None) -> None:
        if record is not None:
            then(record)

    node.app.push_screen(PickRecord(title, list(records)), picked)


def edit_day(node: Node, journal: Journal, day: DayPlan | None, date: dt.date) -> None:
    records = logged_records(journal, day, date)
    editable = [r for r in records if not isinstance(r, Skip)]
    if not editable:
        if records:
            node.notify(
                "Only a skip is logged on this day: nothing to edit (del un-skips it).", severity="warning"
            )
        else:
            node.notify(f"Nothing logged on {words.day_text(date)} to edit.", severity="warning")
        return
    _pick(
        node,
        editable,
        f"Edit what was logged on {words.day_text(date)}",
        lambda record: edit(node, journal, record),
    )


def edit(node: Node, journal: Journal, record: Record) -> None:
    if isinstance(record, LegSession):
        log_workout(node, journal, record.date, existing=record)
    elif isinstance(record, CardioSession):
        log_cardio(node, journal, record.date, existing=record)
    elif isinstance(record, CheckIn):
        soreness(node, journal, record.date, existing=record)


def delete_from_day(node: Node, journal: Journal, day: DayPlan | None, date: dt.date) -> None:
    records = logged_records(journal, day, date)
    if not records:
        node.notify(f"Nothing logged on {words.day_text(date)} to delete.", severity="warning")
        return
    _pick(
        node,
        records,
        f"Delete from {words.day_text(date)}",
        lambda record: confirm_delete(node, journal, record),
    )


def confirm_delete(node: Node, journal: Journal, record: Record) -> None:
    from legday.tui.widgets.form import Confirm

    def answered(yes: bool | None) -> None:
        if yes:
            attempt(node, lambda: journal.remove(record), "Not deleted")

    question = f"Delete {words.record_line(record)} on {words.day_text(record.date)}? u undoes it."
    node.app.push_screen(Confirm(question, yes="Delete (y)", no="Keep (n)"), answered)
