"""Opening the file to import: a regular file of at most ``MAX_BYTES``, read in pieces.

Anything else is one line (an InputError: the command line exits 2): a folder, a named pipe (which
would wait for a writer forever), a device such as /dev/zero (which never ends), a socket, or a
file bigger than any real export. The file is opened without blocking and checked on the open
handle, so a pipe swapped in after the check is refused too.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from legday.core.errors import InputError

# legday's limit: 50 MB. The biggest real export we know of (five years of Strong) is 1.3 MB.
MAX_BYTES = 50 * 1024 * 1024
_CHUNK = 1 << 20
ACCEPTED = "accepted: the path of an exported file"


def _kind(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0") + " MB"


def _too_big(given: str, size: int, limit: int) -> InputError:
    return InputError(
        f"{given} is {_mb(size)}, more than any real export; accepted: a file of at most {_mb(limit)}"
    )


def read_export(given: str, limit: int | None = None) -> bytes:
    """The bytes of the file at ``given`` (``~`` expanded), at most ``limit`` (``MAX_BYTES``).
    Raises InputError with one line."""
    limit = MAX_BYTES if limit is None else limit
    if not given.strip():
        raise InputError(f"no file given; {ACCEPTED}")
    path = Path(given.strip()).expanduser()
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except FileNotFoundError:
        raise InputError(f"{given}: no such file; {ACCEPTED}") from None
    except IsADirectoryError:
        raise InputError(f"{given} is a folder; {ACCEPTED}") from None
    except OSError as error:
        raise InputError(
            f"cannot read {given}: {error.strerror or error}; accepted: a file you can read"
        ) from None
    try:
        st = os.fstat(fd)
        kind = _kind(st.st_mode)
        if kind is not None:
            raise InputError(f"{given} is {kind}, not a file; {ACCEPTED}")
        if st.st_size > limit:
            raise _too_big(given, st.st_size, limit)
        pieces: list[bytes] = []
        total = 0
        while True:
            try:
                piece = os.read(fd, _CHUNK)
            except BlockingIOError:  # pragma: no cover - regular files do not block
                continue
            if not piece:
                break
            total += len(piece)
            if total > limit:  # the file grew while it was read
                raise _too_big(given, total, limit)
            pieces.append(piece)
        return b"".join(pieces)
    except OSError as error:
        raise InputError(
            f"cannot read {given}: {error.strerror or error}; accepted: a file you can read"
        ) from None
    finally:
        os.close(fd)
