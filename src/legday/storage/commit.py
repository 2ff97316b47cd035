"""Saving a change: under the lock, all of it or none of it, whatever crash comes in between.

Every change (a log, an edit, an import, an undo) ends here as a list of files with their bytes
before and after, and the undo step that records it (or, for an undo, the step it reverses). Why a
crash never makes undo destroy data:

- A change to one file (every log, an edit within a month, a delete, a profile save): the file,
  durably (fsync'd, its folder fsync'd), then its step with no fsync at all, so a save costs two
  fsyncs, both for the person's data. A crash between (or a power cut soon after) leaves the change
  saved but its step lost, or empty / zero-filled, which undo treats as lost (``StepFiles.torn``)
  and passes over. Undo checks every step against the files before reversing it (``undo.py``), so
  an older step whose records a lost step changed is refused, not forced.
- A change to several files (an edit that moves an entry to another month, an import, every undo):
  first ``undo/pending.toml`` with each file's old bytes and a hash of its new bytes, then the files,
  then the step is written (or, for an undo, deleted), then pending.toml is deleted. The next writer
  (or reader) that finds pending.toml settles it under the lock: if the step shows the change was
  completed, pending.toml just goes; otherwise each file that holds exactly what the change wrote
  gets its old bytes back. A crash therefore leaves all of the change or none of it.

A pending file that cannot be read (damaged, or from a newer legday) is reported and left alone:
nothing is rolled back, changes to one file go on, and changes to several files are refused until
it is moved aside (or a newer legday settles it).

The lock file's mtime is the change stamp: moved forward after every write, so any process notices
a change with one ``stat``.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from legday.core.values import MutableValue
from legday.storage import codec
from legday.storage.errors import CorruptFile, Problems, StorageError
from legday.storage.files import atomic_write, file_lock, os_error, read_bytes, sweep_temp_files
from legday.storage.schema import read_table
from legday.storage.steps import FileDigest, Step, StepFiles

PENDING = "pending-{machine}.toml"

# One file of a change: its path, its bytes before (None: there was none) and after (None: delete).
FileChange = tuple[Path, bytes | None, bytes | None]


def digest(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


class Pending(MutableValue):
    """A change to several files in progress: each file's bytes before (None: no file), the hash of
    its bytes after (None: deleted), and the step whose presence (``commit == "written"``) or
    absence (``"removed"``) means the change was completed."""

    step: str
    commit: str
    files: list[tuple[Path, bytes | None, str | None]] = field(default_factory=list)


def encode_pending(pending: Pending, root: Path) -> bytes:
    import tomli_w

    files = []
    for path, before, after in pending.files:
        entry: dict[str, Any] = {"path": path.relative_to(root).as_posix()}
        if before is not None:
            entry["before"] = before.decode("utf-8")
        if after is not None:
            entry["after"] = after
        files.append(entry)
    data = {"schema": codec.SCHEMA, "step": pending.step, "commit": pending.commit, "file": files}
    return tomli_w.dumps(data, multiline_strings=True).encode()


def decode_pending(path: Path, data: bytes, root: Path) -> Pending:
    """A pending file's change. CorruptFile when it is not one; NewerSchema when a newer legday
    wrote it (its files may mean something else: nothing is rolled back)."""
    table, _text = read_table(path, data)
    try:
        step, commit, files = table["step"], table["commit"], table["file"]
        if type(step) is int:  # legday before step names had a device part
            step = f"{step:06d}"
        if type(step) is not str or commit not in ("written", "removed") or type(files) is not list:
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
    return Pending(step, commit, out)


class Commit:
    """Writes changes into ``data_dir`` in the order above. ``forget(path)`` is told of every file
    written or put back, so that a reader's cache never serves an old version."""

    def __init__(self, data_dir: Path, steps: StepFiles, problems: Problems, forget: Callable[[Path], None]):
        self.data_dir = data_dir
        self.steps = steps
        self.problems = problems
        self._forget = forget
        self._bad_pending: StorageError | None = None

    @property
    def lock_path(self) -> Path:
        return self.data_dir / ".lock"

    @property
    def pending_path(self) -> Path:
        return self.steps.dir / PENDING.format(machine=self.steps.machine)

    # -- the lock and the change stamp ----------------------------------------------------------------

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the data folder's lock, with any change a crash interrupted settled first."""
        with file_lock(self.lock_path):
            self._settle()
            yield

    def stamp(self) -> tuple:
        """Changes on every write by any legday process, and on nothing else (one os.stat)."""
        try:
            st = os.stat(self.lock_path)
        except OSError:
            return ()
        return (st.st_mtime_ns, st.st_ino)

    def _bump_stamp(self) -> None:
        """Move the lock file's mtime forward (strictly: two writes in one clock tick still differ)."""
        with suppress(OSError):
            old = os.stat(self.lock_path).st_mtime_ns
            new = max(time.time_ns(), old + 1)
            os.utime(self.lock_path, ns=(new, new))

    # -- settling what a crash left -------------------------------------------------------------------

    def settle_before_reading(self) -> None:
        """Reads take no lock, but a change to several files cut short by a crash must not be seen
        half done: if one is pending, take the lock (waiting for a live writer to finish) and settle
        it. One stat when there is none."""
        if not os.path.exists(self.pending_path):
            return
        try:
            with self.writing():
                pass
        except StorageError as err:
            self.problems.note(err)

    def _settle(self) -> None:
        self._bad_pending = None
        path = self.pending_path
        try:
            got = read_bytes(path)
            pending = None
            if got is not None:
                assert got[0] is not None
                pending = decode_pending(path, got[0], self.data_dir)
        except StorageError as err:
            # Left as it is, and reported; changes to one file (logging) still work meanwhile.
            self.problems.note(err)
            self._bad_pending = err
            return
        if pending is not None:
            try:
                self._roll_back_unless_done(pending)
            finally:
                self._bump_stamp()

    def _roll_back_unless_done(self, pending: Pending) -> None:
        exists = self.steps.path(pending.step).exists()
        done = exists if pending.commit == "written" else not exists
        if not done:
            for path, before, after in pending.files:
                got = read_bytes(path)
                if digest(None if got is None else got[0]) != after:
                    continue  # the change never got to this file
                if before is None:
                    with suppress(FileNotFoundError):
                        os.unlink(path)
                else:
                    atomic_write(path, before)
                self._forget(path)
        self._clear_pending()
        self.problems.clear_path(self.pending_path)

    def _clear_pending(self) -> None:
        try:
            os.unlink(self.pending_path)
        except FileNotFoundError:
            pass
        except OSError as err:
            raise os_error("save", self.pending_path, err) from None

    # -- writing a change ------------------------------------------------------------------------------

    def apply(self, files: list[FileChange], step: Step, durable: bool = False) -> dict[Path, os.stat_result]:
        """Write ``files`` and record ``step`` in the order described above; the new files' stats.
        ``durable``: the step must not be lost even to a power cut (an undo step: without it the step
        it undid would look undoable still; a merge), so the change takes the several-files path.
        Call under the lock (``writing``)."""
        try:
            return self._apply_in_order(files, step, durable)
        finally:
            # Last, so that whoever notices the new stamp also finds the new undo step.
            self._bump_stamp()

    def _digests(self, files: list[FileChange]) -> tuple[FileDigest, ...]:
        out = []
        for path, before, after in files:
            try:
                where = path.relative_to(self.data_dir).as_posix()
            except ValueError:
                continue
            out.append(FileDigest(where, digest(before), digest(after)))
        return tuple(out)

    def _apply_in_order(
        self, files: list[FileChange], step: Step | None, durable: bool
    ) -> dict[Path, os.stat_result]:
        steps = self.steps
        several = len(files) > 1 or durable
        assert step is not None
        step = replace(step, files=self._digests(files))
        name = None
        try:
            name = steps.next_name(steps.steps(), undo=bool(step.undoes))
        except StorageError as err:
            if several:
                raise
            self.problems.note(_unrecorded(err, steps.dir))
            step = None
        pending = None
        if several:
            if self._bad_pending is not None:
                raise self._bad_pending
            assert name is not None
            pending = Pending(
                name, "written", [(path, before, digest(after)) for path, before, after in files]
            )
            sweep_temp_files(steps.dir)
            atomic_write(self.pending_path, encode_pending(pending, self.data_dir))
        stats: dict[Path, os.stat_result] = {}
        try:
            for path, _before, after in files:
                if after is None:
                    try:
                        os.unlink(path)
                    except FileNotFoundError:
                        pass
                    except OSError as err:
                        raise os_error("save", path, err) from None
                else:
                    sweep_temp_files(path.parent)
                    stats[path] = atomic_write(path, after)
                self._forget(path)
            if several and step is not None:
                assert name is not None
                steps.write(name, step)
        except BaseException:
            if pending is not None:
                with suppress(Exception):  # if this fails too, the next writer settles it
                    self._roll_back_unless_done(pending)
            raise
        if pending is not None:
            try:
                self._clear_pending()
            except StorageError as err:
                self.problems.note(err)  # harmless: the step shows the change is complete
        if step is not None and not several:
            assert name is not None
            try:
                sweep_temp_files(steps.dir)
                # Not fsync'd (see above): a power cut may lose the step, never the change.
                steps.write(name, step, durable=False)
            except StorageError as err:
                self.problems.note(_unrecorded(err, steps.dir))
                step = None
            else:
                self.problems.clear_path(steps.dir)
        if step is not None:
            steps.prune()
        return stats


def _unrecorded(err: StorageError, undo_dir: Path) -> StorageError:
    """The change was saved but its undo step could not be: say so (logging is never blocked by
    the undo history). Listed under the undo folder, until a later step is recorded."""
    return StorageError(f"the change was saved but cannot be undone: {err.message}", undo_dir)
