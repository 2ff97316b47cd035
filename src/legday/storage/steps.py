"""The undo history on disk: one small file per change in ``<data_dir>/undo/``, the newest 50 kept.

    undo/000041-5c1e09a2.toml     logged legs Mon 16 Nov          (older)
    undo/000042-5c1e09a2.toml     edited bike Tue 17 Nov          (newest: the next undo reverses this)

A step is named by a number, one more than the newest step's, and the machine that wrote it
(``device()``): two machines sharing the data folder through a sync tool (Syncthing, Dropbox) never
write the same step file, and what each machine changed stays known. Steps are in order of number,
then machine; names without a machine (``000042.toml``, from legday before) sort with their number.

A step file says what the change removed and what it added (the records themselves, in the same
one-line form as the month files), or the profile before and after, and how many entries it holds;
its last line says it ends there::

    schema = 1
    label = "edited bike Tue 17 Nov"
    entries = 2

    [added]
    cardio = ["2026-11-17 07:00 bike 30min effort 3"]

    [removed]
    cardio = ["2026-11-17 07:00 bike 30min effort 4"]
    # end of step

A step cut short (a full disk, a copy stopped halfway) would still parse as a smaller change, and
undo would reverse only part of it: so a step that says how many entries it holds must end with
that line and hold that many, or it is reported (path and line) and undo stops there. A step with
nothing in it at all is refused the same way. Empty or zero-filled steps are what a power cut leaves
of a step written without fsync (see ``commit.py``): those are lost, not damaged (``torn``).

Why one file per step rather than one history file: recording a step writes one new small file and
never reads or rewrites the others, so a save costs the same with an import of ten years in the
history as without; and a file that cannot be read stops undo at that step only.

Each step also names every file it wrote, with a digest (SHA-256) of its bytes before and after::

    [[file]]
    path = "log/2026/2026-11.toml"
    before = "9f2c..."        # absent: there was no file
    after = "41d0..."         # absent: the change deleted it

so that a machine that finds a sync tool's conflict copy of a file can follow both versions back,
through the steps that made them (on either machine), to the version they parted from
(``conflicts.find_base``, ``merging.py``). For the same reason undo never deletes a step: it records
one more, an *undo step* (``000043-5c1e09a2-undo.toml``, with ``undoes = ["000042-5c1e09a2"]``), and
the step it reversed stays, marked undone by it. Undo steps are not themselves undone (there is no
redo); ``undo.py`` walks the history newest first past them. A step that merged a conflict copy says
so (``merge = "<id>"``, the same id on every machine that merges the same copy): two machines that
merged it alike made one change, undone as one.

This module reads and writes step files; reversing one is ``undo.py``'s, and when a step is written
durably or not is the commit's (``commit.py``). Writing methods are called only under the data
folder's lock, with the same atomic writes as the logs.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from legday.core.model import Profile
from legday.core.records import Record
from legday.core.values import Value
from legday.storage import codec
from legday.storage.errors import CorruptFile, StorageError
from legday.storage.files import atomic_write, fsync_dir, open_regular, os_error, read_bytes, signature
from legday.storage.schema import read_table

WHOLE = 64 * 1024  # step files up to this size are checked whole when listing labels
KEEP = 50  # steps undo can reach; older ones are deleted as new ones are recorded
MOST = 4 * KEEP  # step files kept at most, undone steps and undo steps included
UNDO = "-undo"  # the end of an undo step's name
_STEP = re.compile(r"^(\d{6,})(?:-([0-9a-f]{1,32}))?(?:-undo)?\.toml$")
_MACHINE = re.compile(r"^[0-9a-f]{1,32}$")
_DIGEST = re.compile(r"^[0-9a-f]{64}$")
END = "# end of step"
_KEYS = ("label", "entries", "undoes", "merge", "brings", "added", "removed", "file", "profile")


@functools.cache
def device() -> str:
    """Eight hex characters naming this machine in step names: from its machine id where it has one
    (Linux), with its host name, hashed so that nothing about the machine shows in a synced folder."""
    seed = ""
    for path in ("/etc/machine-id", "/var/lib/dbus/machine-id"):
        try:
            seed = Path(path).read_text(encoding="utf-8").strip()
            break
        except (OSError, UnicodeDecodeError):
            continue
    import socket

    seed += "|" + socket.gethostname()
    return hashlib.blake2b(seed.encode("utf-8", "replace"), digest_size=4).hexdigest()


def _order(name: str) -> tuple[int, str]:
    seq, _, tag = name.partition("-")
    return int(seq), tag


def is_step_name(name: str) -> bool:
    """Is this (a file's stem) the name of a step?"""
    return bool(_STEP.match(f"{name}.toml"))


def is_undo(name: str) -> bool:
    """Is this step name an undo step's (one that reverses another)?"""
    return name.endswith(UNDO)


class FileDigest(Value):
    """One file a step wrote: its path relative to the data folder (``/`` separators), and a digest of
    its bytes before and after (None: no file)."""

    path: str
    before: str | None
    after: str | None


class Head(Value):
    """What undo needs to know of a step without its records: its label, the steps it undoes (an undo
    step), and the merge it made (a merge of a conflict copy; "" for other steps)."""

    label: str
    undoes: tuple[str, ...] = ()
    merge: str = ""


class Step(Value):
    """One change: records removed and added (by month file), and the profile before/after when
    the change was a profile save (``profile_before`` None: there was no profile)."""

    label: str
    added: tuple[Record, ...] = ()
    removed: tuple[Record, ...] = ()
    profile: bool = False
    profile_before: Profile | None = None
    profile_after: Profile | None = None
    # The comment at the end of an entry's line in its month file, for the entries that had one:
    # written on the entry's line in the step too, so that undo puts it back with the entry.
    comments: Mapping[Record, str] = field(default_factory=dict, compare=False)
    # The steps this one reverses (an undo step), the merge it made, the files it wrote.
    undoes: tuple[str, ...] = ()
    merge: str = ""
    files: tuple[FileDigest, ...] = ()
    # A merge: the other machine's steps whose changes it brought into the file. Undoing the merge
    # undoes them too (here they were never made but through it).
    brings: tuple[str, ...] = ()

    @property
    def head(self) -> Head:
        return Head(self.label, self.undoes, self.merge)


# -- the file format -----------------------------------------------------------------------------------


def _profile_table(p: Profile) -> dict:
    data = codec.encode_profile(p)
    del data["schema"]
    return data


def _entries(step: Step) -> int:
    """What ``entries = N`` counts: records added and removed, and profile tables."""
    profiles = (step.profile_after is not None) + (step.profile_before is not None) if step.profile else 0
    return len(step.added) + len(step.removed) + profiles


def encode_step(step: Step) -> bytes:
    """The step file: its head by tomli_w, each record on a line of its own with its comment, the
    profile tables, and the end line."""
    import tomli_w

    from legday.storage.monthtext import entry_line

    head: dict[str, Any] = {"schema": codec.SCHEMA, "label": step.label, "entries": _entries(step)}
    if step.undoes:
        head["undoes"] = list(step.undoes)
    if step.merge:
        head["merge"] = step.merge
    if step.brings:
        head["brings"] = list(step.brings)
    parts = [tomli_w.dumps(head)]
    for section, records in (("added", step.added), ("removed", step.removed)):
        if not records:
            continue
        parts.append(f"\n[{section}]\n")
        for kind in codec.KINDS:
            mine = [r for r in records if codec.RECORD_TYPES[type(r)] == kind]
            if mine:
                lines = [entry_line(kind, r, step.comments.get(r, "")) for r in mine]
                parts.append("\n".join([f"{kind} = [", *lines, "]"]) + "\n")
    if step.files:
        files = []
        for f in step.files:
            entry = {"path": f.path}
            if f.before is not None:
                entry["before"] = f.before
            if f.after is not None:
                entry["after"] = f.after
            files.append(entry)
        parts.append("\n" + tomli_w.dumps({"file": files}))
    if step.profile:
        # (Only an undo step may have no profile after: it undid the first profile saved.)
        assert step.profile_after is not None or step.undoes
        profile: dict[str, Any] = {}
        if step.profile_after is not None:
            profile["after"] = _profile_table(step.profile_after)
        if step.profile_before is not None:
            profile["before"] = _profile_table(step.profile_before)
        parts.append("\n" + tomli_w.dumps({"profile": profile}))
    return ("".join(parts) + END + "\n").encode()


def _comments(text: str, added: tuple[Record, ...], removed: tuple[Record, ...]) -> dict[Record, str]:
    """The comments on the entries' lines under [added] and [removed]."""
    found: dict[Record, str] = {}
    if "#" not in text.replace(END, ""):
        return found
    from legday.storage.layout import Unsupported, layout

    for section, records in (("added", added), ("removed", removed)):
        match = re.search(rf"^\[{section}\][^\n]*\n(.*?)(?=^\[|\Z)", text, re.M | re.S)
        if match is None:
            continue
        try:
            shape = layout(match[1])
        except Unsupported:
            continue  # (a step written by hand in another shape: no comments to bring back)
        for kind, block in shape.blocks.items():
            mine = [r for r in records if codec.RECORD_TYPES[type(r)] == kind]
            for record, entry in zip(mine, block.entries):
                if entry.comment:
                    found.setdefault(record, entry.comment)
    return found


def _section_line(text: str, section: str, kind: str | None, index: int | None) -> int | None:
    """The line of entry ``index`` of ``kind`` under ``[section]`` (or of the section itself)."""
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\s*{re.escape(section)}\s*[.\]]")
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    if kind is None or index is None:
        return start + 1
    found = codec.locate_inline(lines[start + 1 :], kind, index)
    return start + 1 if found is None else start + 2 + found


def _decode_records(path: Path, text: str, data: dict, section: str) -> tuple[Record, ...]:
    table = data.get(section, {})
    if type(table) is not dict:
        raise CorruptFile(
            path, codec.locate(text, None, None, section), f"'{section}' must be a table like [{section}]"
        )
    out = []
    for kind, items in table.items():
        if kind not in codec.DECODERS:
            raise CorruptFile(
                path,
                _section_line(text, section, None, None),
                f"unknown kind '{kind}' in [{section}]; accepted: {', '.join(codec.KINDS)}",
            )
        if type(items) is not list:
            raise CorruptFile(
                path, _section_line(text, section, None, None), f"'{kind}' in [{section}] must be a list"
            )
        for index, item in enumerate(items):
            try:
                out.append(codec.DECODERS[kind](item))
            except codec.Bad as bad:
                raise CorruptFile(path, _section_line(text, section, kind, index), bad.message) from None
            except (ValueError, TypeError, OverflowError) as err:
                raise CorruptFile(
                    path, _section_line(text, section, kind, index), f"cannot read this {kind} entry: {err}"
                ) from None
    return tuple(out)


def decode_step(path: Path, data: bytes) -> Step:
    table, text = read_table(path, data)
    extra = table.keys() - {"schema", *_KEYS}
    if extra:
        key = sorted(extra)[0]
        raise CorruptFile(
            path,
            codec.locate(text, None, None, key),
            f"unknown key '{key}'; accepted: {', '.join(_KEYS)}",
        )
    entries = table.get("entries")
    last = text.count("\n") + (not text.endswith("\n"))
    if entries is not None and text.rstrip().rpartition("\n")[2].strip() != END:
        raise CorruptFile(
            path, last, f"this undo step is cut short (its last line should be `{END}`); undo stops here"
        )
    step = replace(
        _decode_step(path, text, table),
        undoes=_decode_undoes(path, text, table),
        brings=_decode_undoes(path, text, table, "brings"),
        merge=_decode_merge(path, text, table),
        files=_decode_files(path, text, table),
    )
    if step.added or step.removed:
        step = replace(step, comments=_comments(text, step.added, step.removed))
    if entries is None and _entries(step) == 0:
        raise CorruptFile(path, last, "this undo step holds nothing to undo (cut short?); undo stops here")
    if entries is not None and entries != _entries(step):
        raise CorruptFile(
            path,
            codec.locate(text, None, None, "entries"),
            f"entries = {entries!r} but the step holds {_entries(step)}: it was cut short or changed; "
            "undo stops here",
        )
    return step


def _decode_undoes(path: Path, text: str, table: dict, key: str = "undoes") -> tuple[str, ...]:
    names = table.get(key, [])
    if type(names) is not list or not all(type(n) is str and _STEP.match(f"{n}.toml") for n in names):
        raise CorruptFile(
            path,
            codec.locate(text, None, None, key),
            f'{key} must be a list of step names like ["000042-5c1e09a2"]',
        )
    return tuple(names)


def _decode_merge(path: Path, text: str, table: dict) -> str:
    merge = table.get("merge", "")
    if type(merge) is not str:
        raise CorruptFile(path, codec.locate(text, None, None, "merge"), "merge must be text")
    return merge


def _decode_files(path: Path, text: str, table: dict) -> tuple[FileDigest, ...]:
    files = table.get("file", [])
    where = _section_line(text, "[file", None, None)
    if type(files) is not list:
        raise CorruptFile(path, where, "'file' must be [[file]] tables")
    out = []
    for entry in files:
        if (
            type(entry) is not dict
            or type(entry.get("path")) is not str
            or entry.keys() - {"path", "before", "after"}
            or not all(_DIGEST.match(entry[k]) for k in ("before", "after") if type(entry.get(k)) is str)
            or not all(type(entry[k]) is str for k in ("before", "after") if k in entry)
        ):
            raise CorruptFile(
                path, where, "each [[file]] holds a path and the digests of its bytes before and after"
            )
        out.append(FileDigest(entry["path"], entry.get("before"), entry.get("after")))
    return tuple(out)


def _decode_step(path: Path, text: str, table: dict) -> Step:
    label = table.get("label")
    if type(label) is not str:
        raise CorruptFile(
            path,
            # where it belongs: after the schema line (or the last line, of a file cut before it)
            codec.locate(text, None, None, "label") or min(2, max(1, len(text.splitlines()))),
            'no label (cut short?); add a line like label = "logged legs Mon 16 Nov"',
        )
    added = _decode_records(path, text, table, "added")
    removed = _decode_records(path, text, table, "removed")
    if "profile" not in table:
        return Step(label, added, removed)
    profile = table["profile"]
    try:
        undo = "undoes" in table
        if (
            type(profile) is not dict
            or ("after" not in profile and not (undo and "before" in profile))
            or profile.keys() - {"before", "after"}
        ):
            raise codec.Bad("[profile] must hold an 'after' table and optionally a 'before' table")
        before, after = profile.get("before"), profile.get("after")
        return Step(
            label,
            added,
            removed,
            True,
            None if before is None else codec.decode_profile(before),
            None if after is None else codec.decode_profile(after),
        )
    except codec.Bad as bad:
        raise CorruptFile(
            path,
            _section_line(text, "profile", None, None) or codec.locate(text, None, None, "profile"),
            bad.message,
        ) from None


# -- the folder ------------------------------------------------------------------------------------------


class StepFiles:
    """The ``undo/`` folder. A step is named by its file's stem (``"000042-5c1e09a2"``); ``steps()``
    lists them oldest first. ``machine``: this machine's part of new step names (tests give one
    to play two machines)."""

    def __init__(self, directory: Path, machine: str | None = None):
        machine = machine or device()
        if not _MACHINE.match(machine):
            raise ValueError(f"machine {machine!r}: accepted: 1 to 32 characters 0-9 and a-f")
        self.dir = directory
        self.machine = machine
        self._heads: dict[str, tuple[tuple[int, int, int], Head]] = {}  # by step, while unchanged

    def path(self, name: str) -> Path:
        return self.dir / f"{name}.toml"

    def steps(self) -> list[str]:
        """Step names on disk, oldest first. Files with other names (a step moved aside as
        ``000042.toml.bad``, the pending files) are not steps."""
        try:
            entries = os.listdir(self.dir)
        except FileNotFoundError:
            return []
        except OSError as err:
            raise os_error("read", self.dir, err) from None
        return sorted((name[:-5] for name in entries if _STEP.match(name)), key=_order)

    def next_name(self, steps: list[str], undo: bool = False) -> str:
        """The name of a step recorded after ``steps``, by this machine (``undo``: an undo step's)."""
        seq = max(_order(name)[0] for name in steps) + 1 if steps else 1
        return f"{seq:06d}-{self.machine}{UNDO if undo else ''}"

    def read(self, name: str) -> Step:
        path = self.path(name)
        got = read_bytes(path)
        if got is None:
            raise StorageError(f"{path} disappeared while reading the undo history; try again", path)
        data = got[0]
        assert data is not None
        return decode_step(path, data)

    def label(self, name: str) -> str:
        return self.head(name).label

    def head(self, name: str) -> Head:
        """The step's label, and what it undoes or merged. A step file is read whole, so that a
        damaged one is found before undo gets to it, except a long one (an import of years), whose
        head is read from its top (and its last line looked at, so that one cut short is found too)."""
        path = self.path(name)
        try:
            fd, st = open_regular(path)
            with open(fd, "rb") as f:
                cached = self._heads.get(name)
                if cached is not None and cached[0] == signature(st):
                    return cached[1]
                if st.st_size <= WHOLE:
                    head = decode_step(path, f.read()).head
                    self._heads[name] = (signature(st), head)
                    return head
                top = f.read(4096)
                f.seek(-64, os.SEEK_END)
                tail = f.read()
        except FileNotFoundError:
            raise StorageError(
                f"{path} disappeared while reading the undo history; try again", path
            ) from None
        except OSError as err:
            raise os_error("read", path, err) from None
        lines = top.split(b"\n")
        if (
            len(lines) >= 3
            and lines[0] == f"schema = {codec.SCHEMA}".encode()
            and lines[1].startswith(b"label = ")
            and (not lines[2].startswith(b"entries = ") or tail.rstrip().endswith(END.encode()))
            and b"" in lines[:-1]
        ):
            try:
                table = tomllib.loads(b"\n".join(lines[1 : lines.index(b"")]).decode("utf-8"))
                return Head(str(table["label"]), tuple(table.get("undoes", ())), str(table.get("merge", "")))
            except (UnicodeDecodeError, tomllib.TOMLDecodeError, KeyError, TypeError):
                pass  # read the whole file below, which reports where it is wrong
        return self.read(name).head

    def write(self, name: str, step: Step, durable: bool = True) -> None:
        """``durable=False``: no fsync at all (see commit.py for when that is enough); a power cut
        may then leave the step absent, empty or zero-filled, which ``torn`` recognises."""
        atomic_write(self.path(name), encode_step(step), sync_dir=durable, sync_data=durable)

    def torn(self, name: str) -> bool:
        """Is this step what a power cut leaves of a step written without fsync: an empty file, or
        one of zero bytes only? Such a step is a lost step (undo passes over it), not damage to
        report: nobody wrote it that way. Anything else that cannot be read is reported."""
        try:
            fd, _st = open_regular(self.path(name))
            with open(fd, "rb") as f:
                head = f.read(WHOLE)
        except OSError:
            return False
        return not head.strip(b"\0")

    def remove(self, name: str) -> None:
        """Delete a step (one a power cut left empty), durably."""
        try:
            os.unlink(self.path(name))
        except FileNotFoundError:
            pass
        except OSError as err:
            raise os_error("save", self.path(name), err) from None
        fsync_dir(self.dir)

    def prune(self) -> None:
        """Delete the steps older than the newest ``KEEP`` that undo can still reach (undo steps, and
        the steps they undid, in between are kept: another machine may need them to merge), and the
        oldest of those beyond ``MOST`` files in all. Best effort: a step left over is harmless.
        Costs one listing, and a read of each undo step among the newest (cached while unchanged)."""
        with contextlib.suppress(StorageError):
            names = self.steps()
            if len(names) <= KEEP:
                return
            undone: set[str] = set()
            reachable = 0
            cut = 0
            for at in range(len(names) - 1, -1, -1):
                name = names[at]
                if is_undo(name):
                    with contextlib.suppress(StorageError):
                        undone.update(self.head(name).undoes)
                elif name not in undone:
                    reachable += 1
                    if reachable == KEEP:
                        cut = at
                        break
            doomed = names[:cut]
            kept = names[cut:]
            # Beyond MOST files, the oldest undo steps and steps undone go (never one undo can still
            # reach; a step undone always goes before its undo step, which is newer).
            extra = len(kept) - MOST
            for name in kept:
                if extra <= 0:
                    break
                if is_undo(name) or name in undone:
                    doomed.append(name)
                    extra -= 1
            for name in doomed:
                with contextlib.suppress(OSError):
                    os.unlink(self.path(name))
