"""Low-level file work: read a TOML file with errors mapped to file and line, write a file
atomically, and serialise writers between processes with a lock file.

Why each step of the atomic write is there:
- the temp file lives in the same directory, so ``os.replace`` is a rename within one file system,
  which is atomic: a reader (or a crash) sees the old file or the new one, never half of either;
- flush + fsync before the rename, so the new name never points at data still in the page cache;
- fsync of the directory after the rename, so the rename itself survives a power cut.
A writer killed between creating the temp file and the rename leaves a temp file behind; the next
writer (holding the lock, so nobody else is mid-write) sweeps such leftovers away.

Reading opens regular files only (a pipe would block, a device could be endless). Files a person
names (an export's ``-o``, the calendar file, settings.toml) are written *into* with ``write_into``:
through a symbolic link, never over a folder or a device, never inside legday's own folders.
"""

from __future__ import annotations

import errno
import itertools
import os
import re
import stat
import sys
import time
import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

from legday.storage.errors import CorruptFile, Refused, StorageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: lock the first byte of the lock file instead
    fcntl = None  # type: ignore[assignment]
    import msvcrt

LOCK_TIMEOUT = 10.0  # seconds to wait for another legday process to finish its write
_TEMP = re.compile(r"^\..+\.legday-\d+-\d+\.tmp$")
_counter = itertools.count()
_LINE = re.compile(r"at line (\d+)")
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
BOM = b"\xef\xbb\xbf"

_REASONS = {
    errno.EROFS: ("the file system is read-only", "make it writable or choose another --data-dir"),
    errno.EACCES: ("permission denied", "check the folder's permissions or choose another --data-dir"),
    errno.EPERM: ("permission denied", "check the folder's permissions or choose another --data-dir"),
    errno.ENOSPC: ("the disk is full", "free some space and try again"),
    errno.EDQUOT: ("the disk quota is used up", "free some space and try again"),
    errno.ENOTDIR: ("a part of the path is a file, not a folder", "choose another --data-dir"),
    errno.EISDIR: ("it is a folder, not a file", "move that folder aside"),
    errno.EINVAL: ("it is not a regular file (a device, pipe or socket)", "move it aside"),
    errno.ELOOP: ("its symbolic links go round in a loop", "fix the links"),
}


def os_error(action: str, path: Path, err: OSError) -> StorageError:
    """A one-line StorageError for an OSError met while doing ``action`` ("save", "read") on path."""
    reason, advice = _REASONS.get(err.errno or 0, (err.strerror or str(err), "try again"))
    changed = " Nothing was changed" if action != "read" else ""
    return StorageError(f"cannot {action} {path}: {reason}; {advice}.{changed}", path)


def corrupt_from_decode_error(path: Path, text: str, err: tomllib.TOMLDecodeError) -> CorruptFile:
    """tomllib (3.11-3.13) has no line attribute; its message ends in "(at line L, column C)"."""
    message = str(err)
    match = _LINE.search(message)
    if match:
        line: int | None = int(match[1])
    elif "end of document" in message:
        line = text.count("\n") + 1
    else:
        line = None
    message = re.sub(r"\s*\(at (line \d+, column \d+|end of document)\)", "", message)
    return CorruptFile(path, line, f"not valid TOML: {message[:1].lower()}{message[1:]}")


def open_regular(path: Path) -> tuple[int, os.stat_result]:
    """Open ``path`` for reading, if it is a regular file: a descriptor and its stat. A folder, a
    device, a pipe or a socket raises OSError (EISDIR, or EINVAL saying what it is) instead, without
    blocking: opening a pipe that nobody writes to would otherwise wait for ever."""
    fd = os.open(path, os.O_RDONLY | _NONBLOCK)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            if stat.S_ISDIR(st.st_mode):
                raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
            raise OSError(errno.EINVAL, "not a regular file (a device, pipe or socket)", str(path))
    except BaseException:
        os.close(fd)
        raise
    return fd, st


def read_bytes(
    path: Path, known: tuple[int, int, int] | None = None
) -> tuple[bytes | None, os.stat_result] | None:
    """The file's bytes and the stat of that very file (not of a newer one swapped in meanwhile),
    or None if there is no such file. When the file's signature is still ``known`` the bytes are
    not read (None): the caller's parsed copy is current, and a week change costs no file reads."""
    try:
        fd, st = open_regular(path)
        with open(fd, "rb") as f:
            if known is not None and signature(st) == known:
                return None, st
            return f.read(), st
    except FileNotFoundError:
        return None
    except OSError as err:
        raise os_error("read", path, err) from None


def parse_toml(path: Path, data: bytes) -> tuple[dict[str, Any], str]:
    """Parse bytes as TOML; any failure is a CorruptFile with the line when it can be found. A
    byte-order mark (some Windows editors put one at the start) is skipped."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CorruptFile(path, line, "not UTF-8 text (a stray binary byte)") from None
    try:
        return tomllib.loads(text), text
    except tomllib.TOMLDecodeError as err:
        raise corrupt_from_decode_error(path, text, err) from None
    except RecursionError:
        raise CorruptFile(path, None, "not valid TOML: nested too deeply") from None
    except ValueError as err:  # tomllib lets int()'s own errors through (a 5,000-digit number)
        raise CorruptFile(path, None, f"not valid TOML: {err}") from None


def signature(st: os.stat_result) -> tuple[int, int, int]:
    """What identifies one version of a file for the read cache: a rewrite is a new inode."""
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def fsync_dir(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # some file systems cannot open a folder; the rename is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sweep_temp_files(directory: Path) -> None:
    """Remove temp files left by a writer that was killed mid-write. Call only under the lock."""
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(".") and _TEMP.match(entry.name):
            with suppress(OSError):
                os.unlink(entry.path)


def atomic_write(
    path: Path, data: bytes, sync_dir: bool = True, sync_data: bool = True, mode: int = 0o600
) -> os.stat_result:
    """Replace ``path`` with ``data`` atomically (see the module docstring). Returns the new file's
    stat. On any failure the old file is untouched, the temp file is gone, and StorageError says why.
    ``sync_dir=False`` skips the folder's fsync: after a power cut the file is then whole or absent.
    ``sync_data=False`` skips the file's own fsync too: after a power cut it may then also be empty
    or hold zeros. Both only for files whose loss costs nothing but convenience (an undo step of a
    change to one file; see store.py), never for a person's data."""
    directory = path.parent
    temp = directory / f".{path.name}.legday-{os.getpid()}-{next(_counter)}.tmp"
    try:
        directory.mkdir(parents=True, exist_ok=True)
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise os_error("save", path, err) from None
    try:
        try:
            if mode != 0o600:
                os.fchmod(fd, mode)
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            if sync_data:
                os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(temp, path)
    except BaseException as err:
        with suppress(OSError):
            os.unlink(temp)
        if isinstance(err, OSError):
            raise os_error("save", path, err) from None
        raise
    if sync_dir:
        fsync_dir(directory)
    try:
        return os.stat(path)
    except OSError as err:  # pragma: no cover - the file was just written
        raise os_error("read", path, err) from None


def _try_lock(fd: int) -> None:
    """Take the lock now or raise BlockingIOError."""
    if fcntl is not None:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return
    try:  # pragma: no cover - Windows
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError as err:  # pragma: no cover
        if err.errno in (errno.EACCES, errno.EDEADLK):
            raise BlockingIOError(err.errno, "locked") from None
        raise


@contextmanager
def file_lock(lock_path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``lock_path`` (created if needed) for the ``with`` body.

    flock locks belong to the open file, so they also exclude other threads of this process, and the
    kernel drops them when a process dies, even by SIGKILL: a crash never leaves a stale lock.
    Polls with a short back-off instead of blocking so a stuck process gives an error, not a hang."""
    try:
        lock_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as err:
        raise os_error("save in", lock_path.parent, err) from None
    try:
        delay = 0.0002
        deadline = time.monotonic() + timeout
        while True:
            try:
                _try_lock(fd)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise StorageError(
                        f"another legday process has been writing to {lock_path.parent} for over "
                        f"{timeout:g} s; wait for it to finish and try again. Nothing was changed",
                        lock_path,
                    ) from None
                time.sleep(delay)
                delay = min(delay * 2, 0.01)
            except OSError as err:
                raise os_error("lock", lock_path, err) from None
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


# -- writing into a file a person names ------------------------------------------------------------


def writable_target(target: str | os.PathLike, keep_out: Mapping[str, Path] | None = None) -> Path:
    """The file to write for ``target`` (a path a person gave: ``-o``, the calendar file, their own
    settings.toml), or Refused saying why not, in one line:

    - a symbolic link is followed to the file it points at, which is written (the link stays, so a
      calendar linked into a synced folder, or a settings.toml kept by a dotfiles tool, goes on
      being the file its owner reads);
    - a folder, a device, a pipe or a socket is refused;
    - so is a path inside one of the ``keep_out`` folders ({"data": DIR, "config": DIR}): legday's
      own files are never written over by an export, and undo could not bring them back.
    """
    text = os.fspath(target)
    if not text.strip():
        raise Refused("no file given; accepted: a file path, or - for the standard output")
    path = Path(text).expanduser()
    real = Path(os.path.realpath(path))
    for name, folder in (keep_out or {}).items():
        inside = Path(os.path.realpath(Path(folder).expanduser()))
        if real == inside or real.is_relative_to(inside):
            raise Refused(
                f"{text} is inside legday's {name} folder ({inside}); accepted: a path outside it, "
                "or - for the standard output. Nothing was written"
            )
    try:
        st = os.stat(real)
    except OSError:
        return real  # none yet (or not reachable: the write says why, in its own words)
    if stat.S_ISDIR(st.st_mode):
        raise Refused(f"{text} is a folder; accepted: a file path, or - for the standard output")
    if not stat.S_ISREG(st.st_mode):
        raise Refused(
            f"{text} is not a regular file (a device, pipe or socket); accepted: a regular file, "
            "or - for the standard output. Nothing was written"
        )
    return real


def write_into(target: str | os.PathLike, data: bytes, keep_out: Mapping[str, Path] | None = None) -> None:
    """Write ``data`` into the file ``target`` names, atomically, keeping its permissions; ``-``
    writes to the standard output. What is refused, and why, is ``writable_target``'s."""
    if os.fspath(target) == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return
    real = writable_target(target, keep_out)
    try:
        mode = stat.S_IMODE(os.stat(real).st_mode)
    except OSError:
        mode = 0o600
    atomic_write(real, data, mode=mode)
