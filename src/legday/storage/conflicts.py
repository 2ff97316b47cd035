"""Conflict copies made by sync tools, and the record-level merge that folds them back in.

A person who keeps legday's data folder in Syncthing, Dropbox or Nextcloud on two machines can log on
both before they sync. The sync tool then keeps one version under the file's name and puts the other
beside it as a *conflict copy*, named by its own scheme::

    Syncthing    log/2027/2027-01.sync-conflict-20270112-101010-ABCDEFG.toml
    Dropbox      log/2027/2027-01 (Jo's conflicted copy 2027-01-12).toml
    Nextcloud    log/2027/2027-01 (conflicted copy 2027-01-12 101010).toml
    ownCloud     log/2027/2027-01_conflict-20270112-101010.toml   (clients before 2.5)

``conflict_copy(path)`` recognises those names for legday's own files (month files, the profile,
settings and undo steps) and says which file each copy belongs to. ``merge`` then folds the two
versions back together, record by record: records are one line each and identified by their content,
so what either side added is kept, and what one side deleted or edited stays deleted or edited. The
same record edited differently on both sides keeps both versions and is reported as a conflict.

What each side changed comes best from its undo steps (``Changes.step``, ``compose``, ``find_base``):
the version both machines started from (the *base*) is then known exactly. Without them, ``union``
keeps everything from both sides (nothing is lost, but a deletion may come back).

Meant use, once the undo history records per file a digest of its bytes before and after each step
(and names step files per device, so that machines never write the same one): for each copy, the two
digests lead back through the steps (``find_base``) to where the versions parted; ``rebuild_base`` and
``merge`` give the records to write, as one more undo step (``Merged.step``); then the copy is moved
aside. ``merge_fields`` does the same for the profile and settings, which are tables, not records.

Pure: names and values in, names and values out. Listing, reading, writing and moving files is the
rest of storage's job. Records may be anything hashable with equality by value (legday's frozen
records, or their one-line texts).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata
from collections import Counter, deque
from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import PurePath
from typing import Any, Generic, TypeVar

from legday.core.values import Value

# -- names ------------------------------------------------------------------------------------------

SYNCTHING = "syncthing"
DROPBOX = "dropbox"
NEXTCLOUD = "nextcloud"
OWNCLOUD = "owncloud"  # the old "_conflict-" names of ownCloud (and early Nextcloud) clients


class ConflictCopy(Value):
    """A sync tool's conflict copy of one of legday's files. Paths are relative to the folder that was
    searched (the data folder, or the config folder for settings.toml), with ``/`` separators."""

    path: str
    original: str
    tool: str  # SYNCTHING, DROPBOX, NEXTCLOUD or OWNCLOUD (the outermost copy, for a copy of a copy)
    file: str  # which of legday's files: "month", "profile", "settings" or "undo"
    # When the tool made the copy, as the name says it ("2027-01-12 10:10:10", or just the date for
    # Dropbox), in the local time of the machine that named it: for showing and ordering, not arithmetic.
    stamp: str | None
    # Who, as the name says it: for Syncthing the short ID of the device whose version won (not the
    # copy's own), for Dropbox the user or computer name, for Nextcloud the user. None when not said.
    device: str | None


class _Marker(Value):
    original: str  # the file name with this one marker taken out
    tool: str
    stamp: str | None
    device: str | None


# Syncthing (lib/model/folder_sendrecv.go, conflictName): the marker goes before the last extension,
# `NAME.sync-conflict-YYYYMMDD-HHMMSS-DEVICE.EXT`, DEVICE being the 7-character short ID of the device
# that made the version that won (tests/sync shows it). Versions before the device part wrote no `-DEVICE`
# (Syncthing's own glob for existing copies, `.sync-conflict-????????-??????*`, still matches both).
_SYNCTHING = re.compile(
    r"^(?P<stem>.*)\.sync-conflict-(?P<date>\d{8})-(?P<time>\d{6})(?:-(?P<device>[A-Z0-9]{7}))?"
    r"(?P<ext>\.[^.]*)?$"
)
# The old ownCloud client (csync's makeConflictFileName): `NAME_conflict-YYYYMMDD-HHMMSS.EXT`, or
# `NAME_conflict_USER-YYYYMMDD-HHMMSS.EXT` with CSYNC_CONFLICT_FILE_USERNAME set.
_OWNCLOUD = re.compile(
    r"^(?P<stem>.*)_conflict(?:_(?P<device>.+?))?-(?P<date>\d{8})-(?P<time>\d{6})(?P<ext>\.[^.]*)?$"
)
# Dropbox and Nextcloud both put a parenthesised tag before the extension: `NAME (TAG).EXT`. The last
# such tag is the outermost (a copy of a copy has two). Nextcloud keeps parentheses out of the user
# name so that the tag can be found; a Dropbox name with parentheses inside is not recognised.
_TAGGED = re.compile(r"^(?P<stem>.*) \((?P<tag>[^()]*)\)(?P<ext>\.[^.()]*)?$")
# Nextcloud desktop (src/common/utility.cpp, makeConflictFileName): `conflicted copy [USER ]yyyy-MM-dd
# hhmmss`, the time being the conflicting file's modification time. The words are not translated.
_NEXTCLOUD_TAG = re.compile(
    r"^conflicted copy (?:(?P<device>.+) )?(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>\d{6})$"
)
_DATE = r"(?P<date>\d{4}-\d{2}-\d{2})"
_COUNT = r"(?: \d{1,3})?"  # a number added when the name is taken (Maestral: "conflicted copy 2027-01-12 1")
# Dropbox: "The editor's username, “conflicted copy”, and the save date will be added to the filename"
# (its help centre): `NAME (Jo's conflicted copy 2027-01-12).EXT`; a computer's name may stand for the
# person's. The server's own rename drops the date: `(conflicted copy)`, `(Jo's conflicted copy)`. The
# desktop app translates the words; these translations are the ones seen in people's folders.
_DROPBOX_TAGS = [
    re.compile(rf"^(?:(?P<device>.+?)(?:'s|’s|') )?conflicted copy(?: {_DATE})?{_COUNT}$", re.I),
    re.compile(rf"^(?P<device>.+?) in Konflikt stehende Kopie {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^In Konflikt stehende Kopie von (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^Copie en conflit de (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^Copia en conflicto de (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^Copia conflictiva de (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^Copia in conflitto di (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
    re.compile(rf"^Cópia em conflito de (?P<device>.+?) {_DATE}{_COUNT}$", re.I),
]


def _stamp(date: str | None, time: str | None, compact: bool) -> str | None:
    """``"2027-01-12 10:10:10"`` (or just the date), None without a date. ValueError if the name's date
    or time is no real one: then the name is not a copy, whatever it looks like."""
    if date is None:
        return None
    day = dt.datetime.strptime(date, "%Y%m%d" if compact else "%Y-%m-%d").date()
    if time is None:
        return day.isoformat()
    return f"{day.isoformat()} {dt.datetime.strptime(time, '%H%M%S').time().isoformat()}"


def _marker(original: str, tool: str, match: re.Match[str], compact: bool) -> _Marker | None:
    groups = match.groupdict()
    try:
        stamp = _stamp(groups.get("date"), groups.get("time"), compact)
    except ValueError:
        return None
    return _Marker(original, tool, stamp, groups.get("device"))


def _strip_marker(name: str) -> _Marker | None:
    """The outermost conflict marker of one file name (no folder), or None if it has none."""
    match = _SYNCTHING.match(name)
    if match and (found := _marker(match["stem"] + (match["ext"] or ""), SYNCTHING, match, True)):
        return found
    match = _TAGGED.match(name)
    if match:
        original = match["stem"] + (match["ext"] or "")
        tag = _NEXTCLOUD_TAG.match(match["tag"])
        if tag and (found := _marker(original, NEXTCLOUD, tag, False)):
            return found
        for pattern in _DROPBOX_TAGS:
            tag = pattern.match(match["tag"])
            if tag and (found := _marker(original, DROPBOX, tag, False)):
                return found
    match = _OWNCLOUD.match(name)
    if match and (found := _marker(match["stem"] + (match["ext"] or ""), OWNCLOUD, match, True)):
        return found
    return None


_MONTH = re.compile(r"^log/(\d{4})/(\d{4})-(0[1-9]|1[0-2])\.toml$")
_UNDO = re.compile(r"^undo/(?:[^/]+/)*[^/]+\.toml$")


def _posix(path: str | os.PathLike[str]) -> str:
    text = path.as_posix() if isinstance(path, PurePath) else os.fspath(path)
    # macOS may hand names over decomposed (NFD): "Cópia" must still read as "Cópia".
    return unicodedata.normalize("NFC", text)


def legday_file(path: str | os.PathLike[str]) -> str | None:
    """Which of legday's files ``path`` (relative to the data folder) is: ``"month"``, ``"profile"``,
    ``"settings"`` or ``"undo"``; None for anything else. settings.toml is found at the top (a path
    relative to the config folder) or under ``config/`` (the config folder kept beside the data).
    Every ``.toml`` under ``undo/`` counts, whatever the step files come to be called, except a sync
    tool's copy of one."""
    text = _posix(path)
    month = _MONTH.match(text)
    if month:
        return "month" if month[1] == month[2] else None  # a month in the wrong year folder is not read
    if text == "profile.toml":
        return "profile"
    if text in ("settings.toml", "config/settings.toml"):
        return "settings"
    if _UNDO.match(text) and _strip_marker(text.rpartition("/")[2]) is None:
        return "undo"
    return None


def conflict_copy(path: str | os.PathLike[str]) -> ConflictCopy | None:
    """The conflict copy that ``path`` (relative to the data folder) is, or None: None for legday's
    own files, for other tools' files, and for copies of files that are not legday's. A copy of a copy
    (Dropbox and Nextcloud make those) belongs to the file under both markers."""
    text = _posix(path)
    folder, _, name = text.rpartition("/")
    prefix = f"{folder}/" if folder else ""
    outer = _strip_marker(name)
    marker = outer
    while marker is not None:
        original = prefix + marker.original
        kind = legday_file(original)
        if kind is not None:
            assert outer is not None
            return ConflictCopy(text, original, outer.tool, kind, outer.stamp, outer.device)
        marker = _strip_marker(marker.original)
    return None


def conflict_copies(paths: Iterable[str | os.PathLike[str]]) -> list[ConflictCopy]:
    """The conflict copies among ``paths``, grouped by original, oldest stamp first (the order to merge
    them in, the same on every machine)."""
    found = [copy for copy in map(conflict_copy, paths) if copy is not None]
    return sorted(found, key=lambda c: (c.original, c.stamp or "", c.path))


# -- the merge --------------------------------------------------------------------------------------

R = TypeVar("R", bound=Hashable)


class HistoryMismatch(ValueError):
    """The changes given do not fit the records given (a step removes what was not there): the undo
    history does not describe this file. Merge with ``union`` instead, which needs no history."""


def _signed(added: Iterable[R], removed: Iterable[R]) -> Counter[R]:
    delta: Counter[R] = Counter(added)
    delta.subtract(removed)
    return delta


def _pairs(added: Iterable[R], removed: Iterable[R], slot: Callable[[R], Hashable]) -> list[tuple[R, R]]:
    """(old, new) for each slot where exactly one record was removed and exactly one added."""
    olds: dict[Hashable, list[R]] = {}
    news: dict[Hashable, list[R]] = {}
    for record in removed:
        olds.setdefault(slot(record), []).append(record)
    for record in added:
        news.setdefault(slot(record), []).append(record)
    return [
        (olds[key][0], news[key][0]) for key in olds if len(olds[key]) == 1 and len(news.get(key, ())) == 1
    ]


def _take(counts: Counter[R], record: R) -> bool:
    if counts[record] > 0:
        counts[record] -= 1
        return True
    return False


class Changes(Value, Generic[R]):
    """What one side did to a file's records since the base: records ``added`` and ``removed`` (each a
    multiset: equal records count one by one), and which removed record each ``edits`` pair replaced
    by which added one. An edit is also in ``removed`` (old) and ``added`` (new)."""

    added: tuple[R, ...] = ()
    removed: tuple[R, ...] = ()
    edits: tuple[tuple[R, R], ...] = ()

    @classmethod
    def step(
        cls, added: Iterable[R], removed: Iterable[R], slot: Callable[[R], Hashable] | None = None
    ) -> Changes[R]:
        """One recorded change (an undo step's ``added`` and ``removed``). Which removals were edits:
        with ``slot``, a slot where one record went and one came; without, a step that removed exactly
        one record and added exactly one (what an edit records)."""
        added, removed = tuple(added), tuple(removed)
        if slot is not None:
            edits = tuple(_pairs(added, removed, slot))
        elif len(added) == 1 and len(removed) == 1:
            edits = ((removed[0], added[0]),)
        else:
            edits = ()
        return cls(added, removed, tuple((old, new) for old, new in edits if old != new))

    @classmethod
    def between(
        cls, before: Iterable[R], after: Iterable[R], slot: Callable[[R], Hashable] | None = None
    ) -> Changes[R]:
        """The changes from ``before`` to ``after``, from content alone. Edits are known only through
        ``slot`` (e.g. kind and date: one record gone and one come on the same day is an edit)."""
        delta = _signed(after, before)
        added = tuple(_elements(delta, positive=True))
        removed = tuple(_elements(delta, positive=False))
        edits = tuple(_pairs(added, removed, slot)) if slot is not None else ()
        return cls(added, removed, edits)

    def then(self, later: Changes[R]) -> Changes[R]:
        """These changes followed by ``later`` ones, as one: a record added then deleted is no change,
        an edit of an edit is one edit from the first version to the last."""
        delta = _signed(self.added, self.removed)
        delta.update(_signed(later.added, later.removed))
        added = tuple(_elements(delta, positive=True))
        removed = tuple(_elements(delta, positive=False))
        chains = [list(pair) for pair in self.edits]
        for old, new in later.edits:
            chain = next((c for c in chains if c[1] == old), None)
            if chain is not None:
                chain[1] = new
            else:
                chains.append([old, new])
        gone, come = Counter(removed), Counter(added)
        edits = tuple(
            (old, new) for old, new in chains if old != new and _take(gone, old) and _take(come, new)
        )
        return Changes(added, removed, edits)

    def signed(self) -> Counter[R]:
        """+n for each record added n times more than removed, -n the other way."""
        return _signed(self.added, self.removed)


def _elements(delta: Counter[R], positive: bool) -> Iterable[R]:
    """The records of a signed count on one side, each as many times as its count says."""
    for record, count in delta.items():
        if (count > 0) if positive else (count < 0):
            yield from [record] * abs(count)


def compose(steps: Iterable[Changes[R]]) -> Changes[R]:
    """The net changes of steps made one after the other, oldest first."""
    total: Changes[R] = Changes()
    for step in steps:
        total = total.then(step)
    return total


def rebuild_base(side: Iterable[R], changes: Changes[R]) -> list[R]:
    """The records as they were before ``changes`` made ``side``: the added ones taken out, the removed
    ones put back. HistoryMismatch if ``side`` lacks a record the changes added."""
    records = Counter(side)
    for record in changes.added:
        if not _take(records, record):
            raise HistoryMismatch(f"{record!r} was added but is not there")
    records.update(changes.removed)
    return list(records.elements())


EDITED_ON_BOTH = "edited on both"
EDITED_DELETED = "edited on ours, deleted on theirs"
DELETED_EDITED = "deleted on ours, edited on theirs"
ADDED_ON_BOTH = "added on both"


class Conflict(Value, Generic[R]):
    """Two sides that disagree about one record. Every version that is not None is in the merge; the
    person decides which to keep (the merge loses nothing by guessing)."""

    what: str  # EDITED_ON_BOTH, EDITED_DELETED, DELETED_EDITED or ADDED_ON_BOTH
    base: R | None  # the record both started from (None: both added one where only one may be)
    ours: R | None  # what ours made of it (None: deleted)
    theirs: R | None


class Merged(Value, Generic[R]):
    """The result of a merge: the ``records`` to write (base order, then what was added; callers that
    write files sort them, as month files are), the ``conflicts`` found, and ``step``: the change from
    ours to the result, i.e. the undo step of the merge and what to tell the person ("1 leg session
    added")."""

    records: tuple[R, ...]
    conflicts: tuple[Conflict[R], ...]
    step: Changes[R]


def merge(
    base: Iterable[R],
    ours: Changes[R],
    theirs: Changes[R],
    unique: Callable[[R], Hashable | None] | None = None,
) -> Merged[R]:
    """Fold two sides' changes to the same ``base`` together, record by record:

    - what either side added is kept (added on both: kept once; equal records are the same entry);
    - what one side deleted or edited stays deleted or edited;
    - a record deleted on both is deleted once; edited alike on both, edited once;
    - edited differently on both, or edited on one and deleted on the other: every edited version is
      kept and a Conflict says so.

    ``unique`` gives the key of records of which only one may exist (a check-in per day; None for
    records without such a key): two added on different sides with the same key are both kept and
    reported. ``ours`` is the side whose file kept its name (the same file on every machine), so the
    result does not depend on which machine merges. HistoryMismatch if a side removes more copies of
    a record than the base holds."""
    base = tuple(base)
    counts = Counter(base)
    ours_delta, theirs_delta = ours.signed(), theirs.signed()
    for name, delta in (("ours", ours_delta), ("theirs", theirs_delta)):
        for record, change in delta.items():
            if change < 0 and counts[record] + change < 0:
                raise HistoryMismatch(f"{name} removes {record!r}, which the base does not hold")
    result: Counter[R] = Counter()
    for record in set(counts) | set(ours_delta) | set(theirs_delta):
        mine, other = ours_delta[record], theirs_delta[record]
        if mine > 0 and other > 0:
            change = max(mine, other)  # added on both: the same entries
        elif mine < 0 and other < 0:
            change = min(mine, other)  # deleted on both: deleted once
        else:
            change = mine + other
        if counts[record] + change:
            result[record] = counts[record] + change
    left = result.copy()
    records = [r for r in base if _take(left, r)]
    records += [r for r in (*ours.added, *theirs.added) if _take(left, r)]
    ours_records = counts.copy()
    ours_records.update(ours_delta)
    step = Changes.between(ours_records.elements(), records)
    return Merged(tuple(records), _conflicts(ours, theirs, result, unique), step)


def _conflicts(
    ours: Changes[R], theirs: Changes[R], result: Counter[R], unique: Callable[[R], Hashable | None] | None
) -> tuple[Conflict[R], ...]:
    found: list[Conflict[R]] = []
    mine = dict(ours.edits)
    other = dict(theirs.edits)
    ours_gone = Counter(ours.removed)
    theirs_gone = Counter(theirs.removed)
    for old, new in mine.items():
        if old in other:
            if other[old] != new:
                found.append(Conflict(EDITED_ON_BOTH, old, new, other[old]))
        elif theirs_gone[old] > 0:
            found.append(Conflict(EDITED_DELETED, old, new, None))
    for old, new in other.items():
        if old not in mine and ours_gone[old] > 0:
            found.append(Conflict(DELETED_EDITED, old, None, new))
    if unique is not None:
        edited = set(mine.values()) | set(other.values())
        new_ours = {key: r for r in ours.added if r not in edited and (key := unique(r)) is not None}
        for record in theirs.added:
            if record in edited or (key := unique(record)) is None:
                continue
            if key in new_ours and new_ours[key] != record and result[record] and result[new_ours[key]]:
                found.append(Conflict(ADDED_ON_BOTH, None, new_ours[key], record))
    return tuple(found)


def three_way(
    base: Iterable[R],
    ours: Iterable[R],
    theirs: Iterable[R],
    slot: Callable[[R], Hashable] | None = None,
    unique: Callable[[R], Hashable | None] | None = None,
) -> Merged[R]:
    """``merge`` with each side's changes read from its records (edits found through ``slot``)."""
    base = tuple(base)
    return merge(base, Changes.between(base, ours, slot), Changes.between(base, theirs, slot), unique)


def union(
    ours: Iterable[R], theirs: Iterable[R], unique: Callable[[R], Hashable | None] | None = None
) -> Merged[R]:
    """The merge when no base is known (no undo history reaches back far enough): everything either
    side holds is kept. Nothing is lost, but a record deleted on one side comes back."""
    ours, theirs = tuple(ours), tuple(theirs)
    common = Counter(ours) & Counter(theirs)
    base = list(common.elements())
    return merge(base, Changes.between(base, ours), Changes.between(base, theirs), unique)


# -- finding the base in the undo history -------------------------------------------------------------
class FileStep(Value, Generic[R]):
    """One undo step as it touched one file: a digest of the file's bytes before and after it (None:
    no file) and the changes it made to that file's records."""

    before: str | None
    after: str | None
    changes: Changes[R]
    name: str = ""  # the step's name, for saying which steps a merge brought in


class Base(Value, Generic[R]):
    """Where two versions of a file parted: the digest of the version both came from, and what each
    side changed since, ready for ``rebuild_base`` and ``merge``; ``theirs_steps``: the names of the
    steps that made theirs from it (what a merge brings in), oldest first."""

    digest: str | None
    ours: Changes[R]
    theirs: Changes[R]
    theirs_steps: tuple[str, ...] = ()


def _ancestors(
    steps: Mapping[str | None, list[FileStep[R]]], tip: str | None
) -> dict[str | None, list[FileStep[R]]]:
    """Every version ``tip`` came from, each with the steps leading from it to ``tip`` (fewest first)."""
    paths: dict[str | None, list[FileStep[R]]] = {tip: []}
    queue = deque([tip])
    while queue:
        digest = queue.popleft()
        for step in steps.get(digest, ()):
            if step.before not in paths:
                paths[step.before] = [step, *paths[digest]]
                queue.append(step.before)
    return paths


def find_base(steps: Iterable[FileStep[R]], ours: str | None, theirs: str | None) -> Base[R] | None:
    """The nearest version both ``ours`` and ``theirs`` (digests of the two versions of one file) came
    from, following the steps that made each, on whichever machine they were recorded; None when the
    history does not reach a common version (steps pruned or lost: merge with ``union`` then)."""
    by_after: dict[str | None, list[FileStep[R]]] = {}
    for step in steps:
        by_after.setdefault(step.after, []).append(step)
    mine = _ancestors(by_after, ours)
    other = _ancestors(by_after, theirs)
    common = [digest for digest in mine if digest in other]
    if not common:
        return None
    digest = min(common, key=lambda d: (len(mine[d]) + len(other[d]), len(mine[d])))
    return Base(
        digest,
        compose(step.changes for step in mine[digest]),
        compose(step.changes for step in other[digest]),
        tuple(step.name for step in other[digest] if step.name),
    )


# -- fields (the profile, settings) -----------------------------------------------------------------


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()  # a key one side does not have


class FieldConflict(Value):
    """One setting changed differently on both sides: ``key`` is its path (("keymap", "quit")); the
    merge kept ``ours`` and this says what ``theirs`` was. MISSING: the side removed the key."""

    key: tuple[str, ...]
    base: Any
    ours: Any
    theirs: Any


def merge_fields(
    base: Mapping[str, Any], ours: Mapping[str, Any], theirs: Mapping[str, Any]
) -> tuple[dict[str, Any], tuple[FieldConflict, ...]]:
    """A three-way merge of two versions of a table of settings (profile.toml, settings.toml): a key
    changed on one side takes that side's value; changed on both to different values, ours is kept
    (the file that kept its name, the same on every machine) and a FieldConflict reports theirs.
    Tables inside are merged key by key; lists are single values."""
    conflicts: list[FieldConflict] = []
    merged = _merge_table(base, ours, theirs, (), conflicts)
    return merged, tuple(conflicts)


def _merge_table(base: Mapping, ours: Mapping, theirs: Mapping, at: tuple[str, ...], out: list) -> dict:
    merged: dict[str, Any] = {}
    keys = (
        list(ours)
        + [k for k in theirs if k not in ours]
        + [k for k in base if k not in ours and k not in theirs]
    )
    for key in keys:
        b, o, t = base.get(key, MISSING), ours.get(key, MISSING), theirs.get(key, MISSING)
        if o == t:
            value = o
        elif o == b:
            value = t
        elif t == b:
            value = o
        elif all(isinstance(v, Mapping) or v is MISSING for v in (b, o, t)) and MISSING not in (o, t):
            value = _merge_table({} if b is MISSING else b, o, t, (*at, key), out)
        else:
            value = o
            out.append(FieldConflict((*at, key), b, o, t))
        if value is not MISSING:
            merged[key] = value
    return merged
