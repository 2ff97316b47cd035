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
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from legday.core.model import Profile
from legday.core.records import Record
from legday.storage import codec
from legday.storage.errors import CorruptFile, StorageError
from legday.storage.files import atomic_write, fsync_dir, open_regular, os_error, read_bytes, signature
from legday.storage.schema import read_table

WHOLE = 64 * 1024  # step files up to this size are checked whole when listing labels
KEEP = 50  # steps kept; the oldest beyond this are deleted as new ones are recorded
_STEP = re.compile(r"^(\d{6,})(?:-([0-9a-f]{1,32}))?\.toml$")
END = "# end of step"


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


@dataclass(frozen=True)
class Step:
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

    parts = [tomli_w.dumps({"schema": codec.SCHEMA, "label": step.label, "entries": _entries(step)})]
    for section, records in (("added", step.added), ("removed", step.removed)):
        if not records:
            continue
        parts.append(f"\n[{section}]\n")
        for kind in codec.KINDS:
            mine = [r for r in records if codec.RECORD_TYPES[type(r)] == kind]
            if mine:
                lines = [entry_line(kind, r, step.comments.get(r, "")) for r in mine]
                parts.append("\n".join([f"{kind} = [", *lines, "]"]) + "\n")
    if step.profile:
        assert step.profile_after is not None
        profile: dict[str, Any] = {"after": _profile_table(step.profile_after)}
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
    extra = table.keys() - {"schema", "label", "entries", "added", "removed", "profile"}
    if extra:
        key = sorted(extra)[0]
        raise CorruptFile(
            path,
            codec.locate(text, None, None, key),
            f"unknown key '{key}'; accepted: label, entries, added, removed, profile",
        )
    entries = table.get("entries")
    last = text.count("\n") + (not text.endswith("\n"))
    if entries is not None and text.rstrip().rpartition("\n")[2].strip() != END:
        raise CorruptFile(
            path, last, f"this undo step is cut short (its last line should be `{END}`); undo stops here"
        )
    step = _decode_step(path, text, table)
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
        if type(profile) is not dict or "after" not in profile or profile.keys() - {"before", "after"}:
            raise codec.Bad("[profile] must hold an 'after' table and optionally a 'before' table")
        before = profile.get("before")
        return Step(
            label,
            added,
            removed,
            True,
            None if before is None else codec.decode_profile(before),
            codec.decode_profile(profile["after"]),
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
        self.dir = directory
        self.machine = machine or device()
        self._labels: dict[str, tuple[tuple[int, int, int], str]] = {}  # by step, while unchanged

    def path(self, name: str) -> Path:
        return self.dir / f"{name}.toml"

    def steps(self) -> list[str]:
        """Step names on disk, oldest first. Files with other names (a step moved aside as
        ``000042.toml.bad``, the pending file) are not steps."""
        try:
            entries = os.listdir(self.dir)
        except FileNotFoundError:
            return []
        except OSError as err:
            raise os_error("read", self.dir, err) from None
        return sorted((name[:-5] for name in entries if _STEP.match(name)), key=_order)

    def next_name(self, steps: list[str]) -> str:
        """The name of a step recorded after ``steps``, by this machine."""
        seq = max(_order(name)[0] for name in steps) + 1 if steps else 1
        return f"{seq:06d}-{self.machine}"

    def read(self, name: str) -> Step:
        path = self.path(name)
        got = read_bytes(path)
        if got is None:
            raise StorageError(f"{path} disappeared while reading the undo history; try again", path)
        data = got[0]
        assert data is not None
        return decode_step(path, data)

    def label(self, name: str) -> str:
        """The step's label. A step file is read whole, so that a damaged one is found before undo
        gets to it, except a long one (an import of years), whose label is read from its top (and
        its last line looked at, so that one cut short is found too)."""
        path = self.path(name)
        try:
            fd, st = open_regular(path)
            with open(fd, "rb") as f:
                cached = self._labels.get(name)
                if cached is not None and cached[0] == signature(st):
                    return cached[1]
                if st.st_size <= WHOLE:
                    label = decode_step(path, f.read()).label
                    self._labels[name] = (signature(st), label)
                    return label
                head = f.read(4096)
                f.seek(-64, os.SEEK_END)
                tail = f.read()
        except FileNotFoundError:
            raise StorageError(
                f"{path} disappeared while reading the undo history; try again", path
            ) from None
        except OSError as err:
            raise os_error("read", path, err) from None
        lines = head.split(b"\n")
        if (
            len(lines) >= 3
            and lines[0] == f"schema = {codec.SCHEMA}".encode()
            and lines[1].startswith(b"label = ")
            and (not lines[2].startswith(b"entries = ") or tail.rstrip().endswith(END.encode()))
        ):
            try:
                return tomllib.loads(lines[1].decode("utf-8"))["label"]
            except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                pass  # read the whole file below, which reports where it is wrong
        return self.read(name).label

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
        """Delete a step that was undone, durably: its absence is what marks the undo as done."""
        try:
            os.unlink(self.path(name))
        except FileNotFoundError:
            pass
        except OSError as err:
            raise os_error("save", self.path(name), err) from None
        fsync_dir(self.dir)

    def prune(self) -> None:
        """Delete all but the newest ``KEEP`` steps. Best effort: a step left over is harmless."""
        with contextlib.suppress(StorageError):
            for name in self.steps()[:-KEEP]:
                with contextlib.suppress(OSError):
                    os.unlink(self.path(name))
