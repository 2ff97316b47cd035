"""The journal: what legday knows about one person, and every change to it, in plain Python.

Both faces of legday use it: the command line (one call per command) and the app (which shows
what the journal says and subscribes to its changes). It owns

- the profile and the settings (read once, changed only through here),
- the clock (``now()``, ``today()``; tests inject a fixed one),
- the plan cache: one ``WeekPlan`` per week start, dropped on every change,
- every change: log, replace, remove, skip, add_many, profile, settings, undo,
- problems to report (files that could not be read), each handed out once,
- change notices: ``subscribe(callback)``; a change made by another legday process, or by a sync
  tool bringing another machine's files, is noticed by ``check_outside()`` through a few ``stat``
  calls (``Store.stamp()`` for the logs, the profile and the undo history, the settings file's and
  its folder's for the settings),
- conflict copies a sync tool left (Syncthing, Dropbox, Nextcloud): merged when the journal opens
  and whenever an outside change is noticed, each as one undo step, and said in a change notice
  ("Merged a copy from another device: 1 leg session added."); ``checkup()`` lists them, files that
  cannot be read, and what a merge would do (``legday doctor``),
- the calendar file (``settings.calendar_file``): rewritten after every change made here, so the
  command line and the app keep it current from this one place,
- imports (``import_file``): a whole file checked first, then one write and one undo step.

What it hands out are core types (records, plans, ``Profile``, ``Settings``) and its own
(``Change``, ``Imported``); the faces never see a storage type. Errors pass through as the core's
two: ``InputError`` (bad values, including a path legday will not write to) and ``DataError`` (files
that cannot be read or written), so each face can say them its own way. Nothing here imports
Textual.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from legday.core import words
from legday.core.errors import DataError
from legday.core.model import CardioSession, CheckIn, LegSession, Profile, Skip
from legday.core.plan import Session, WeekPlan
from legday.core.planner import history_window, plan_week
from legday.core.settings import Settings, ThemeFile, ThemeProblem
from legday.core.values import Value
from legday.storage import (
    StorageError,
    Store,
    load_settings,
    merging,
    resolve_config_dir,
    resolve_data_dir,
    save_settings,
)
from legday.storage.files import writable_target, write_into
from legday.storage.settings import settings_path
from legday.storage.themes import read_theme_files, theme_dirs

# The journal's own names. Everything else it hands out is a core type.
__all__ = [
    "Change",
    "Checkup",
    "Clock",
    "CopyReport",
    "Imported",
    "Journal",
    "Record",
    "calendar_file_setting",
    "journal_at",
    "open_journal",
]

NONE_WORDS = ("", "none", "-", "off")

Clock = Callable[[], dt.datetime]
Record = LegSession | CardioSession | CheckIn | Skip


class Change(Value):
    """A notice to subscribers that the journal changed.

    ``message`` is a sentence for the person ("" when there is nothing to say); ``outside`` is
    True when another legday process made the change; ``settings`` when the theme or the first
    day of the week may have changed (the app then re-applies them)."""

    message: str = ""
    outside: bool = False
    settings: bool = False
    # Something that went wrong beside the change, which is saved either way (the calendar file
    # could not be rewritten): one line for the person, "" when all went well.
    warning: str = ""


class CopyReport(Value):
    """A sync tool's conflict copy of one of legday's files, and what merging it did (or would do)."""

    path: Path  # the copy
    belongs_to: Path  # the file it is a copy of
    tool: str  # "Syncthing", "Dropbox", "Nextcloud" or "ownCloud"
    made: str  # when the tool made it, as its name says ("2027-01-12 10:10:10"), or ""
    # "merged", "would merge", "nothing new", "kept as a step", "waiting" or "unreadable"
    state: str
    summary: str = ""  # "1 leg session added, 1 cardio session edited"
    conflicts: tuple[str, ...] = ()  # both versions kept, or which one: one sentence each
    note: str = ""  # why it was not merged, or a caveat

    @property
    def left(self) -> bool:
        """Still there after this (not merged: waiting, unreadable, or only looked at)."""
        return self.state in ("would merge", "waiting", "unreadable")


class Checkup(Value):
    """What ``legday doctor`` reports: the conflict copies found (merged or not) and every file
    legday cannot read (one line each, with file and line)."""

    data_dir: Path
    copies: tuple[CopyReport, ...]
    unreadable: tuple[str, ...]

    @property
    def healthy(self) -> bool:
        return not self.unreadable and not any(c.left for c in self.copies)


class Imported(Value):
    """What ``import_file`` did (or, on a dry run, would do): the summary line both faces print,
    and the records added (or that would be)."""

    summary: str
    new: tuple = ()
    profile_restored: bool = False
    # Bad rows left out (--skip-bad-rows), each as "file:line: why".
    left_out_rows: tuple = ()


class Journal:
    def __init__(
        self, store: Store, config_dir: Path | None, clock: Clock = dt.datetime.now, *, merge: bool = True
    ) -> None:
        """``merge``: merge the conflict copies a sync tool left, now (``legday doctor`` opens the
        journal without, to show them first)."""
        self._store = store
        self.config_dir = Path(config_dir) if config_dir is not None else None
        self.clock = clock
        self._plans: dict[dt.date, WeekPlan] = {}
        self._subscribers: list[Callable[[Change], None]] = []
        self._problems: list[str] = []
        self._reported: set[str] = set()
        # Notices of merges made before anyone could subscribe (on opening): handed out by
        # ``take_notices`` (the command line) or published by the next ``check_outside`` (the app).
        self._notices: list[Change] = []
        self._copies_waiting = False  # a copy was left for its history to arrive: look again

        settings_problems: list[StorageError] = []
        self.settings: Settings = (
            load_settings(self.config_dir, settings_problems) if self.config_dir else Settings()
        )
        self.settings_problems = [str(p) for p in settings_problems]
        self._problems += self.settings_problems
        self._settings_stamp = self._read_settings_stamp()

        # The profile: None on a first run. A profile file that cannot be read is reported and
        # never overwritten by a first-run welcome; the plan uses the defaults until it is fixed.
        self.profile_error: DataError | None = None
        try:
            saved = store.profile()
        except StorageError as error:
            self._problems.append(str(error))
            self.profile_error = error
            saved = None
        self.profile_saved = saved is not None
        self.profile: Profile = saved or Profile()
        self._stamp = self._read_stamp()
        if merge:
            self._merge_copies()

    # -- time -------------------------------------------------------------------------------------

    def now(self) -> dt.datetime:
        return self.clock()

    def today(self) -> dt.date:
        return self.clock().date()

    @property
    def first_run(self) -> bool:
        """No profile saved yet (and none that merely failed to read)."""
        return not self.profile_saved and self.profile_error is None

    # -- plans ------------------------------------------------------------------------------------

    def week_start_of(self, day: dt.date) -> dt.date:
        return day - dt.timedelta(days=(day.weekday() - self.settings.week_start) % 7)

    def week_plan(self, day: dt.date) -> WeekPlan:
        """The plan for the week containing ``day``, as of today (cached until the next change)."""
        start = self.week_start_of(day)
        plan = self._plans.get(start)
        if plan is None:
            today, week_start = self.today(), self.settings.week_start
            first, last = history_window(today, week_start, week=start)
            history = self._store.history(first, last)
            plan = plan_week(self.profile, history, today, week_start, week=start)
            self._plans[start] = plan
        return plan

    def is_planned(self, day: dt.date) -> bool:
        """Is the week containing ``day`` in the cache (showing it costs no planning)?"""
        return self.week_start_of(day) in self._plans

    def recent_days(
        self, plan: WeekPlan, *, planned_only: bool = False
    ) -> list[tuple[dt.date, int | None, int]] | None:
        """(date, soreness, readiness) for the 14 days the sparklines show: up to today, or the
        shown week's end when that is earlier. ``planned_only``: None if that needs a week that
        is not planned yet (the caller then plans it after the frame rather than before)."""
        today = self.today()
        end = min(plan.week_start + dt.timedelta(days=6), today)
        if planned_only and not all(
            plan.day(d) or self.is_planned(d) for d in (end - dt.timedelta(days=n) for n in (13, 7, 0))
        ):
            return None
        days = []
        for back in range(13, -1, -1):
            date = end - dt.timedelta(days=back)
            day = (plan if plan.day(date) else self.week_plan(date)).day(date)
            if day is not None:
                days.append((date, day.soreness, day.readiness))
        return days

    # -- reading ----------------------------------------------------------------------------------

    def trends_window(self, weeks: int, end: dt.date | None = None):
        """What the trends view and ``legday trends`` draw: the ``weeks`` weeks up to ``end`` (default
        today) and the look-back before them, no more."""
        from legday.core.trends import Window, trends_window

        week_start, end = self.settings.week_start, end or self.today()
        first, last = trends_window(end, weeks, week_start)
        return Window(self.profile, self._store.history(first, last), end, weeks, week_start)

    @property
    def data_dir(self) -> Path:
        """The folder the logs and profile are in."""
        return self._store.data_dir

    @property
    def file_problems(self) -> list[DataError]:
        """Files that could not be read so far (each naming the file and line): a command reports
        them and exits 1."""
        return list(self._store.problems)

    def checkin(self, day: dt.date) -> CheckIn | None:
        return self._store.history(day, day).checkin(day)

    def records(self, first: dt.date | None = None, last: dt.date | None = None) -> list[Record]:
        """Every record from ``first`` to ``last`` (both optional), oldest first."""
        # A long or open span lists the month files that exist; it never tries every month.
        history = self._store.history(first or dt.date.min, last or dt.date.max)
        found: list[Record] = [*history.legs, *history.cardio, *history.checkins, *history.skips]
        found.sort(key=_when)
        return found

    def theme_files(self, only: str | None = None) -> tuple[list[ThemeFile], list[ThemeProblem]]:
        """The shipped theme files and the person's own (``<config dir>/themes``), as tables; with
        ``only``, those named ``<only>.toml`` alone (the app starts with the chosen theme only)."""
        return read_theme_files(theme_dirs(self.config_dir), only)

    def find(self, record_id: str) -> Record | None:
        return self._store.find(record_id)

    def exercise_names(self) -> list[str]:
        """Names for completion: the person's own (recent months) first, then the catalogue."""
        from legday.core.catalogue import EXERCISE_NAMES

        return list(dict.fromkeys([*self._store.exercise_names(), *EXERCISE_NAMES]))

    def leg_sessions(self, last: dt.date, weeks: int = 26) -> list[LegSession]:
        """The leg sessions of the ``weeks`` weeks up to ``last`` (included), newest first: what the
        workout form shows as "last time" for each exercise and repeats. Reads those months only
        (about seven small files), once, when the form opens."""
        history = self._store.history(last - dt.timedelta(weeks=weeks), last)
        return sorted(history.legs, key=lambda s: (s.date, s.start), reverse=True)

    # -- changes ----------------------------------------------------------------------------------

    def log(self, record: Record) -> str:
        """Save a new record (a check-in replaces that day's). Returns what was done, in words."""
        write = {
            LegSession: self._store.add_legs,
            CardioSession: self._store.add_cardio,
            CheckIn: self._store.set_checkin,
            Skip: self._store.add_skip,
        }.get(type(record))
        if write is None:
            raise TypeError(f"cannot log {type(record).__name__}")
        return self._changed(words.change_label("logged", record), write, record)

    def skip(self, day: dt.date, session: Session) -> str:
        """Skip the suggested ``session`` on ``day``."""
        return self.log(Skip(day, session.modality or session.kind))

    def replace(self, old: Record, new: Record) -> str:
        """Put ``new`` where ``old`` was. Raises DataError if ``old`` is no longer stored, InputError
        if ``new`` cannot be (the same session is logged already); nothing is written then."""
        if type(old) is not type(new):
            raise TypeError(f"cannot replace {type(old).__name__} with {type(new).__name__}")
        if old == new:
            return f"nothing to change in {words.record_kind(old)} {words.day_text(old.date)}"
        return self._changed(words.change_label("edited", new), self._store.replace, old, new)

    def remove(self, record: Record) -> str:
        """Delete ``record``. Raises DataError if it is no longer stored."""
        label = words.change_label("deleted", record)
        if not self._write(self._store.remove, record, label=label):
            raise DataError(
                f"{words.record_kind(record)} on {words.day_text(record.date)} is no longer in the "
                "log (changed or deleted meanwhile); nothing was deleted"
            )
        return self._changed(label, write=False)

    def add_many(self, records: Iterable[Record], label: str) -> str:
        """Save many records at once (an import): one undo step."""
        return self._changed(label, self._store.add_many, list(records))

    def save_profile(self, profile: Profile, settings: Settings | None = None) -> str:
        """Save the profile and, when given and different, the settings."""
        if settings is not None:
            self._check_calendar(settings)
        self._write(self._store.save_profile, profile, label="changed the profile")
        self.profile = profile
        self.profile_saved, self.profile_error = True, None
        settings_changed = settings is not None and settings != self.settings
        if settings_changed:
            assert settings is not None
            self.save_settings(settings, notify=False)  # the calendar is rewritten just below
        return self._changed("saved the profile", write=False, settings=settings_changed)

    def save_settings(self, settings: Settings, *, notify: bool = True) -> str:
        """Save the settings. A new calendar file (or a new first day of the week) rewrites the
        calendar at once; returns the warning if that failed ("" if not; the settings are saved
        either way). ``notify=False``: the caller announces the change and rewrites the calendar."""
        if self.config_dir is None:
            raise DataError("no settings folder; nothing was saved")
        self._check_calendar(settings)
        save_settings(self.config_dir, settings)
        self._settings_stamp = self._read_settings_stamp()
        before, self.settings = self.settings, settings
        if settings.week_start != before.week_start:
            self._plans.clear()
        if not notify:
            return ""
        warning = ""
        if _calendar_settings(settings) != _calendar_settings(before):
            warning = self.refresh_calendar()
        self._publish(Change(settings=True, warning=warning))
        return warning

    def _check_calendar(self, settings: Settings) -> None:
        """A new calendar file must be one legday may write into (InputError says why not)."""
        if settings.calendar_file and settings.calendar_file != self.settings.calendar_file:
            writable_target(settings.calendar_file, self._keep_out())

    def _keep_out(self) -> dict[str, Path]:
        """legday's own folders, where no file a person names (export, calendar) may be written."""
        folders = {"data": self._store.data_dir}
        if self.config_dir is not None:
            folders["config"] = self.config_dir
        return folders

    def write_out(self, target: str, data: bytes) -> None:
        """Write an export into the file a person named (``-`` is the standard output): through a
        symbolic link, never over a folder or a device, never inside legday's own folders (InputError
        says why not, and nothing is written)."""
        write_into(target, data, self._keep_out())

    def remember_theme(self, name: str) -> None:
        """The app's theme changed (palette, profile preview saved): remember it quietly."""
        if name != self.settings.theme:
            self.save_settings(replace(self.settings, theme=name), notify=False)

    def undo(self) -> str | None:
        """Reverse the newest change made by any legday process; its label, or None if there is
        nothing to undo. Raises DataError if it cannot (nothing is written then)."""
        label = self._write(self._store.undo)
        if label is None:
            return None
        self._reload_profile()
        self._changed(f"undid: {label}", write=False, settings=False)
        return label

    def undo_labels(self, limit: int = 20) -> list[str]:
        return self._store.undo_labels(limit)

    # -- import and the calendar ------------------------------------------------------------------

    def import_file(
        self,
        path: str | Path,
        fmt: str | None = None,
        units: str | None = None,
        *,
        dry_run: bool = False,
        skip_bad_rows: bool = False,
        progress: Callable[[int], None] | None = None,
    ) -> Imported:
        """Import an export of Strong, Hevy, FitNotes, a FIT file or legday's own JSON. The whole
        file is read and checked first: a bad row anywhere raises (FileFormatError or InputError,
        naming the file and line) and nothing is written, unless ``skip_bad_rows``. Sessions
        already logged are not added again. The new records, and a profile carried by legday's
        JSON when none is saved yet, are written as ONE undo step (``undo`` takes the whole import
        back). ``progress(rows)`` hears how far the reading is."""
        loaded = self.read_import(path, fmt, units, skip_bad_rows=skip_bad_rows, progress=progress)
        return self.save_import(loaded, dry_run=dry_run)

    def read_import(
        self,
        path: str | Path,
        fmt: str | None = None,
        units: str | None = None,
        *,
        skip_bad_rows: bool = False,
        progress: Callable[[int], None] | None = None,
        cancelled: Callable[[], bool] | None = None,
    ):
        """The first half of ``import_file``: open and read the file, write nothing. It touches no
        shared state, so the app runs it in a worker thread (``cancelled`` can stop it)."""
        from legday.transfer import load

        return load(
            path,
            fmt,
            units,
            # The profile's units count only when the person set them (a saved profile).
            profile_units=self.profile.units if self.profile_saved else None,
            leg_time=self.profile.leg_time,
            skip_bad_rows=skip_bad_rows,
            progress=progress,
            cancelled=cancelled,
        )

    def save_import(self, loaded, *, dry_run: bool = False) -> Imported:
        """The second half of ``import_file``: compare with the log and write, as one undo step."""
        from legday.transfer import plan_import, summary
        from legday.transfer.merge import bad_row_lines

        name, parsed = loaded.name, loaded.parsed
        plan = plan_import(parsed, self._logged_over(parsed.records))
        rows = tuple(bad_row_lines(name, plan))
        restore = (
            plan.profile
            if isinstance(plan.profile, Profile) and not self.profile_saved and self.profile_error is None
            else None
        )
        if dry_run:
            return Imported(summary(name, plan, dry_run=True), tuple(plan.new), left_out_rows=rows)
        text = summary(name, plan) + ("; profile restored" if restore is not None else "")
        if not plan.new and restore is None:
            return Imported(text, left_out_rows=rows)
        count = len(plan.new)
        label = f"imported {name} ({count} {'entry' if count == 1 else 'entries'})"
        self._write(self._store.add_many, plan.new, label=label, profile=restore)
        if restore is not None:
            self.profile, self.profile_saved = restore, True
        self._changed(label, write=False, message=text)  # the notice says what the summary says
        return Imported(text, tuple(plan.new), restore is not None, left_out_rows=rows)

    def _logged_over(self, records: list) -> list:
        """What is already logged over the dates ``records`` cover. A month file that cannot be
        read stops the import (it would be refused half-way)."""
        if not records:
            return []
        before = len(self._store.problems)
        history = self._store.history(min(r.date for r in records), max(r.date for r in records))
        if len(self._store.problems) > before or self._store.problems:
            raise self._store.problems[0]
        return [*history.legs, *history.cardio, *history.checkins, *history.skips]

    def calendar(self, first: dt.date | None = None, weeks: int = 2) -> bytes:
        """The plan as iCalendar: the week containing ``first`` (default today) and the
        ``weeks - 1`` after it, as of today. Needs the icalendar package (ImportError without)."""
        from legday.calendar_file import calendar_bytes, reminder_time

        first = first or self.today()
        plans = [self.week_plan(first + dt.timedelta(days=7 * n)) for n in range(weeks)]
        return calendar_bytes(plans, first, reminder_time(self.settings))

    def refresh_calendar(self) -> str:
        """Rewrite the calendar file, if one is set. Returns "" or a one-line warning: the change
        that led here is saved either way."""
        from legday.calendar_file import calendar_path, not_written

        path = calendar_path(self.settings)
        if path is None:
            return ""
        try:
            write_into(path, self.calendar(), self._keep_out())
        except DataError as error:
            return not_written(error)
        except ImportError:
            return not_written("it needs the icalendar package: pip install icalendar")
        return ""

    # -- notices ----------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        """Call ``callback(change)`` after every change; returns a function that unsubscribes."""
        self._subscribers.append(callback)
        return lambda: self.unsubscribe(callback)

    def unsubscribe(self, callback: Callable[[Change], None]) -> None:
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def check_outside(self) -> bool:
        """Has another process written since we last looked, or a sync tool brought another
        machine's files? A few stats (``Store.stamp()``, the settings file and its folder). If so:
        merge any conflict copies that came, forget the cached plans, re-read what changed and
        notify with ``outside=True`` (``settings=True`` when the settings changed; the message
        says what a merge brought in). The calendar file is not rewritten: the process that made
        the change did that. Notices of merges made while opening are published here too."""
        stamp, settings_stamp = self._read_stamp(), self._read_settings_stamp()
        logs_changed, settings_changed = stamp != self._stamp, settings_stamp != self._settings_stamp
        if self._copies_waiting and not (logs_changed or settings_changed):
            self._merge_copies()  # a copy waiting for its history: another look
        if not (logs_changed or settings_changed or self._notices):
            return False
        self._stamp, self._settings_stamp = stamp, settings_stamp
        if logs_changed or settings_changed:
            self._merge_copies()
        if logs_changed:
            self._plans.clear()
            self._reload_profile()
        if settings_changed:
            self._reload_settings()
        merged = self.take_notices()
        self._publish(
            Change(
                " ".join(c.message for c in merged),
                outside=True,
                settings=settings_changed or any(c.settings for c in merged),
                warning=" ".join(c.warning for c in merged if c.warning),
            )
        )
        return True

    def take_notices(self) -> list[Change]:
        """Notices of merges not published yet (made while opening, or beside a change of our
        own), each handed out once: the command line prints them."""
        notices, self._notices = self._notices, []
        return notices

    # -- conflict copies (sync tools) ------------------------------------------------------------------

    def _merge_copies(self) -> None:
        """Merge every conflict copy a sync tool left (each as one undo step); queue a notice
        saying what came in, and any real conflict as its warning. A copy that cannot be merged
        is left and reported as a problem (``take_problems``). Never raises."""
        try:
            found = self._store.conflict_copies(self.config_dir)
        except DataError as error:
            self._problems.append(str(error))
            return
        if not found:
            self._copies_waiting = False
            return
        outcomes = []
        for copy in found:
            try:
                outcomes.append(self._store.merge_copy(copy))
            except DataError as error:
                self._problems.append(str(error))
        self._copies_waiting = any(o.state == merging.WAITING for o in outcomes)
        changed = [o for o in outcomes if o.changed]
        said = [c for o in outcomes for c in o.conflicts] + [o.note for o in changed if o.note]
        settings = any(o.found.copy.file == "settings" for o in changed)
        if changed:
            self._plans.clear()
            self._reload_profile()
            if settings:
                self._reload_settings()
        self._stamp, self._settings_stamp = self._read_stamp(), self._read_settings_stamp()
        message = merging.words(outcomes)
        if not message and not said:
            return
        self._notices.append(
            Change(
                _sentence(message),
                outside=True,
                settings=settings,
                warning=" ".join(_sentence(s) for s in said),
            )
        )

    def checkup(self, *, merge: bool = False) -> Checkup:
        """What ``legday doctor`` shows: every conflict copy and what merging it does (``merge``:
        merges them, each as one undo step; otherwise writes nothing), and every file legday keeps
        that cannot be read (the profile, each month, each undo step, settings)."""
        reports = []
        for found in self._store.conflict_copies(self.config_dir):
            outcome = self._store.merge_copy(found, dry_run=not merge, force=True)
            copy = found.copy
            reports.append(
                CopyReport(
                    found.path,
                    found.original,
                    merging.TOOLS.get(copy.tool, copy.tool),
                    copy.stamp or "",
                    outcome.state,
                    outcome.summary,
                    outcome.conflicts,
                    outcome.note,
                )
            )
        if merge and any(r.state in ("merged", "kept as a step") for r in reports):
            self._plans.clear()
            self._reload_profile()
            self._reload_settings()
            self._stamp, self._settings_stamp = self._read_stamp(), self._read_settings_stamp()
        unreadable = [str(p) for p in self._store.check()]
        if self.config_dir is not None:
            problems: list[StorageError] = []
            load_settings(self.config_dir, problems)
            unreadable += [str(p) for p in problems]
        return Checkup(self._store.data_dir, tuple(reports), tuple(dict.fromkeys(unreadable)))

    def take_problems(self) -> list[str]:
        """Problems not reported before: files that could not be read (with file and line),
        settings and theme trouble. Each is handed out once."""
        found = self._problems + [str(p) for p in self._store.problems]
        self._problems = []
        fresh = [m for m in dict.fromkeys(found) if m not in self._reported]
        self._reported.update(fresh)
        return fresh

    def add_problem(self, message: str) -> None:
        self._problems.append(message)

    # -- inside -----------------------------------------------------------------------------------

    def _read_stamp(self) -> object:
        return self._store.stamp()

    def _read_settings_stamp(self) -> object:
        """The settings file's version, and its folder's (where a sync tool's copy of it would
        appear): two stats (a rewrite is a new inode)."""
        if self.config_dir is None:
            return ()
        found: list[object] = []
        for path in (settings_path(self.config_dir), self.config_dir):
            try:
                st = os.stat(path)
            except OSError:
                found.append(())
                continue
            found.append((st.st_mtime_ns, st.st_size, st.st_ino))
        return tuple(found)

    def _write(self, method, *args, label: str | None = None, **options):
        """One store write, then note the new stamp: our own write is not "another process". A
        change from outside that came just before it (a sync tool's file) is not lost in our own:
        its copies are merged after the write, and said by the next notice."""
        outside = self._read_stamp() != self._stamp
        try:
            # The label names the step in the undo history ("logged legs Mon 16 Nov").
            return method(*args, **options) if label is None else method(*args, label=label, **options)
        finally:
            self._stamp = self._read_stamp()
            if outside:
                self._merge_copies()

    def _changed(
        self,
        label: str,
        method=None,
        *args,
        write: bool = True,
        settings: bool = False,
        message: str | None = None,
    ) -> str:
        if write and method is not None:
            self._write(method, *args, label=label)
        self._plans.clear()
        warning = self.refresh_calendar()
        message = message or label
        message = message[:1].upper() + message[1:] + "."
        self._publish(Change(message, settings=settings, warning=warning))
        return label

    def _reload_settings(self) -> None:
        if self.config_dir is None:
            return
        problems: list[StorageError] = []
        settings = load_settings(self.config_dir, problems)
        self._problems += [str(p) for p in problems]
        if settings.week_start != self.settings.week_start:
            self._plans.clear()
        self.settings = settings

    def _reload_profile(self) -> None:
        try:
            saved = self._store.profile()
        except StorageError as error:
            self._problems.append(str(error))
            return
        self.profile_saved = saved is not None
        self.profile = saved or Profile()
        self.profile_error = None

    def _publish(self, change: Change) -> None:
        for callback in list(self._subscribers):
            callback(change)


def _calendar_settings(settings: Settings) -> tuple:
    """What the calendar file is made from, of the settings: a change to any rewrites it."""
    return (
        settings.calendar_file,
        settings.week_start,
        settings.morning_reminder,
        settings.morning_reminder_time,
    )


def _sentence(text: str) -> str:
    """Capital first letter, full stop at the end ("" stays "")."""
    text = text.strip()
    if not text:
        return ""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _when(record: Record) -> tuple:
    start = getattr(record, "start", None)
    order = {LegSession: 0, CardioSession: 0, CheckIn: 1, Skip: 2}[type(record)]
    return record.date, order, start or dt.time.min


def calendar_file_setting(text: str) -> str | None:
    """The ``calendar_file`` setting from what a person typed (``--calendar-file``, the settings
    screen): None for none ("", "none", "off"), else an absolute path ending in .ics, so the file
    stays the same whichever folder legday is started from. InputError says what is accepted."""
    from legday.core.errors import InputError

    text = text.strip()
    if text.lower() in NONE_WORDS:
        return None
    path = Path(text).expanduser().absolute()
    if path.is_dir():
        raise InputError(f"{text} is a folder; accepted: a file path such as ~/legday.ics, or none")
    if path.suffix.lower() != ".ics":
        raise InputError(f"{text} does not end in .ics; accepted: a file path such as ~/legday.ics, or none")
    return str(path)


def journal_at(
    data_dir: str | Path,
    config_dir: str | Path | None,
    clock: Clock = dt.datetime.now,
    *,
    machine: str | None = None,
    merge: bool = True,
) -> Journal:
    """The journal over exactly these folders (tests, screenshots, benchmarks). ``machine``: the
    name this machine's undo steps carry (tests play two machines); ``merge``: see ``Journal``."""
    store = Store(Path(data_dir), machine=machine)
    return Journal(store, Path(config_dir) if config_dir is not None else None, clock, merge=merge)


def open_journal(
    data_dir: str | Path | None, clock: Clock = dt.datetime.now, *, merge: bool = True
) -> Journal:
    """The journal over the person's files: ``data_dir`` (or LEGDAY_DATA_DIR, or the user data
    folder) and the matching settings folder. ``merge``: see ``Journal``."""
    data = resolve_data_dir(data_dir)  # InputError for an empty --data-dir
    return Journal(
        Store(data), resolve_config_dir(data if data_dir is not None else None), clock, merge=merge
    )
