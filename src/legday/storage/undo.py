"""The undo history: one small file per change in ``<data_dir>/undo/``, newest 50 kept.

    undo/000041.toml     logged legs Mon 16 Nov          (older)
    undo/000042.toml     edited bike Tue 17 Nov          (newest: the next undo reverses this)
    undo/pending.toml    only while a change to several files is being made

A step file says what the change removed and what it added (the records themselves, in the same
one-line form as the month files), or the profile before and after::

    schema = 1
    label = "edited bike Tue 17 Nov"

    [added]
    cardio = ["2026-11-17 07:00 bike 30min effort 3"]

    [removed]
    cardio = ["2026-11-17 07:00 bike 30min effort 4"]

Why one file per step rather than one history file: recording a step writes one new small file and
never reads or rewrites the others, so a save costs the same with an import of ten years in the
history as without; and a file that cannot be read stops undo at that step only.

Every file here is written under the data folder's lock with the same atomic writes as the logs.
How the steps stay in agreement with the month files, crash or not, is described in ``store.py``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from legday.core.model import Profile
from legday.storage import codec
from legday.storage.errors import CorruptFile, StorageError
from legday.storage.files import _fsync_dir, atomic_write, os_error, parse_toml, read_bytes, signature

WHOLE = 64 * 1024  # step files up to this size are checked whole when listing labels
KEEP = 50  # steps kept; the oldest beyond this are deleted as new ones are recorded
_STEP = re.compile(r"^(\d{6,})\.toml$")
PENDING = "pending.toml"


@dataclass(frozen=True)
class Step:
    """One change: records removed and added (by month file), and the profile before/after when
    the change was a profile save (``profile_before`` None: there was no profile)."""

    label: str
    added: tuple = ()
    removed: tuple = ()
    profile: bool = False
    profile_before: Profile | None = None
    profile_after: Profile | None = None


@dataclass
class Pending:
    """A change to several files in progress: each file's bytes before (None: no file), the hash of
    its bytes after (None: deleted), and the step whose presence (``commit == "written"``) or
    absence (``"removed"``) means the change was completed."""

    seq: int
    commit: str
    files: list[tuple[Path, bytes | None, str | None]] = field(default_factory=list)


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


def _records_table(records) -> dict[str, list]:
    table: dict[str, list] = {}
    for record in records:
        kind = codec.RECORD_TYPES[type(record)]
        table.setdefault(kind, []).append(codec.ENCODERS[kind](record))
    return table


def _profile_table(p: Profile) -> dict:
    data = codec.encode_profile(p)
    del data["schema"]
    return data


def encode_step(step: Step) -> bytes:
    import tomli_w

    data: dict[str, Any] = {"schema": codec.SCHEMA, "label": step.label}
    if step.added:
        data["added"] = _records_table(step.added)
    if step.removed:
        data["removed"] = _records_table(step.removed)
    if step.profile:
        profile: dict[str, Any] = {"after": _profile_table(step.profile_after)}
        if step.profile_before is not None:
            profile["before"] = _profile_table(step.profile_before)
        data["profile"] = profile
    return tomli_w.dumps(data).encode()


def _section_line(text: str, section: str, kind: str | None, index: int | None) -> int | None:
    """The line of entry ``index`` of ``kind`` under ``[section]`` (or of the section itself)."""
    lines = text.splitlines()
    header = re.compile(rf"^\s*\[\s*{re.escape(section)}\s*[.\]]")
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        return None
    if kind is None or index is None:
        return start + 1
    found = codec._locate_inline(lines[start + 1 :], kind, index)
    return start + 1 if found is None else start + 2 + found


def _decode_records(path: Path, text: str, data: dict, section: str) -> tuple:
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
    from legday.storage.store import check_schema

    table, text = parse_toml(path, data)
    check_schema(path, table, text)
    extra = table.keys() - {"schema", "label", "added", "removed", "profile"}
    if extra:
        key = sorted(extra)[0]
        raise CorruptFile(
            path,
            codec.locate(text, None, None, key),
            f"unknown key '{key}'; accepted: label, added, removed, profile",
        )
    label = table.get("label")
    if type(label) is not str:
        raise CorruptFile(
            path,
            codec.locate(text, None, None, "label"),
            'no label; add a line like label = "logged legs Mon 16 Nov"',
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


class UndoFiles:
    """The ``undo/`` folder. Writing methods are called only under the data folder's lock."""

    def __init__(self, directory: Path):
        self.dir = directory
        self._labels: dict[int, tuple[tuple[int, int, int], str]] = {}  # by step, while unchanged

    @property
    def pending_path(self) -> Path:
        return self.dir / PENDING

    def path(self, seq: int) -> Path:
        return self.dir / f"{seq:06d}.toml"

    def steps(self) -> list[int]:
        """Step numbers on disk, oldest first. Files with other names (a step moved aside as
        ``000042.toml.bad``) are not steps."""
        try:
            entries = os.listdir(self.dir)
        except FileNotFoundError:
            return []
        except OSError as err:
            raise os_error("read", self.dir, err) from None
        return sorted(int(m[1]) for name in entries if (m := _STEP.match(name)))

    def read(self, seq: int) -> Step:
        path = self.path(seq)
        got = read_bytes(path)
        if got is None:
            raise StorageError(f"{path} disappeared while reading the undo history; try again", path)
        return decode_step(path, got[0])

    def label(self, seq: int) -> str:
        """The step's label. A step file is read whole, so that a damaged one is found before undo
        gets to it, except a long one (an import of years), whose label is read from its top."""
        path = self.path(seq)
        try:
            with open(path, "rb") as f:
                st = os.fstat(f.fileno())
                cached = self._labels.get(seq)
                if cached is not None and cached[0] == signature(st):
                    return cached[1]
                if st.st_size <= WHOLE:
                    label = decode_step(path, f.read()).label
                    self._labels[seq] = (signature(st), label)
                    return label
                head = f.read(4096)
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
        ):
            try:
                return tomllib.loads(lines[1].decode("utf-8"))["label"]
            except (UnicodeDecodeError, tomllib.TOMLDecodeError):
                pass  # read the whole file below, which reports where it is wrong
        return self.read(seq).label

    def write(self, seq: int, step: Step, durable: bool = True) -> None:
        """``durable=False``: no fsync at all (see store.py for when that is enough); a power cut
        may then leave the step absent, empty or zero-filled, which ``torn`` recognises."""
        atomic_write(self.path(seq), encode_step(step), sync_dir=durable, sync_data=durable)

    def torn(self, seq: int) -> bool:
        """Is this step what a power cut leaves of a step written without fsync: an empty file, or
        one of zero bytes only? Such a step is a lost step (undo passes over it), not damage to
        report: nobody wrote it that way. Anything else that cannot be read is reported."""
        try:
            with open(self.path(seq), "rb") as f:
                head = f.read(WHOLE)
        except OSError:
            return False
        return not head.strip(b"\0")

    def remove(self, seq: int) -> None:
        """Delete a step that was undone, durably: its absence is what marks the undo as done."""
        try:
            os.unlink(self.path(seq))
        except FileNotFoundError:
            pass
        except OSError as err:
            raise os_error("save", self.path(seq), err) from None
        _fsync_dir(self.dir)

    def prune(self, newest: int) -> None:
        """Delete steps older than the newest ``KEEP``. Best effort: a step left over is harmless."""
        for seq in self.steps():
            if seq > newest - KEEP:
                break
            with contextlib.suppress(OSError):
                os.unlink(self.path(seq))

    # -- several files changed at once ------------------------------------------------------------

    def write_pending(self, pending: Pending, root: Path) -> None:
        import tomli_w

        files = []
        for path, before, after in pending.files:
            entry: dict[str, Any] = {"path": path.relative_to(root).as_posix()}
            if before is not None:
                entry["before"] = before.decode("utf-8")
            if after is not None:
                entry["after"] = after
            files.append(entry)
        data = {"schema": codec.SCHEMA, "step": pending.seq, "commit": pending.commit, "file": files}
        atomic_write(self.pending_path, tomli_w.dumps(data, multiline_strings=True).encode())

    def read_pending(self, root: Path) -> Pending | None:
        path = self.pending_path
        got = read_bytes(path)
        if got is None:
            return None
        table, _text = parse_toml(path, got[0])
        try:
            seq, commit, files = table["step"], table["commit"], table["file"]
            if type(seq) is not int or commit not in ("written", "removed") or type(files) is not list:
                raise KeyError
            out = []
            for entry in files:
                rel = entry["path"]
                before, after = entry.get("before"), entry.get("after")
                if type(rel) is not str or ".." in Path(rel).parts or Path(rel).is_absolute():
                    raise KeyError
                if not (before is None or type(before) is str) or not (after is None or type(after) is str):
                    raise KeyError
                out.append((root / rel, None if before is None else before.encode("utf-8"), after))
        except (KeyError, TypeError, AttributeError):
            raise CorruptFile(path, None, "not a change legday was making (step, commit, file)") from None
        return Pending(seq, commit, out)

    def clear_pending(self) -> None:
        try:
            os.unlink(self.pending_path)
        except FileNotFoundError:
            pass
        except OSError as err:
            raise os_error("save", self.pending_path, err) from None
