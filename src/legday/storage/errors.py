"""What can go wrong with the files on disk. Every message says what is wrong and what to do, on one
line, so the command line can print it as is and the app can show it in a notification.

All of them are ``legday.core.errors.DataError``s, the name the journal's users catch. ``Refused`` is
also an ``InputError``: it is a path a person gave that legday will not write to, so the command
line answers it as bad input (exit 2) and nothing is written.
"""

from __future__ import annotations

from pathlib import Path

from legday.core.errors import DataError, InputError


class StorageError(DataError):
    """Reading or writing legday's files failed. ``path``/``line`` point at the file when known."""


class CorruptFile(StorageError):
    """A file that does not parse or holds values legday cannot accept. It is never overwritten."""

    def __init__(self, path: Path, line: int | None, message: str):
        where = f"{path}:{line}" if line else f"{path}"
        super().__init__(
            f"{where}: {message}. legday will not change this file: fix it in a text editor or "
            "move it aside (the format is in the README)",
            path,
            line,
        )
        # The short reason alone, without the advice ("minutes 0 is out of range; accepted: ...").
        self.message = message


class NewerSchema(StorageError):
    """A file written by a newer legday (its ``schema`` is above what this version reads)."""

    def __init__(self, path: Path, found: int, supported: int):
        super().__init__(
            f"{path} was written by a newer legday (schema {found}; this version reads up to "
            f"schema {supported}): upgrade legday to use it. The file is left as it is",
            path,
            None,
        )
        self.found = found
        self.supported = supported


class RecordChanged(StorageError):
    """The entry to edit, delete or undo is not (or no longer) what is on disk: another legday
    process or a hand edit changed it meanwhile. Nothing was written."""


class Refused(StorageError, InputError):
    """A path legday will not write to (a folder, a device or pipe, a place inside legday's own
    folders). Nothing was written."""


class Problems(list[StorageError]):
    """Files skipped while reading, one entry per file (the newest problem with it): each has
    ``.path``, ``.line`` and ``.message``, and ``str()`` is a one-line message for the person. A
    plain list to its readers; ``note`` and ``clear`` keep it to one entry a file."""

    def note(self, err: StorageError) -> None:
        self[:] = [p for p in self if p.path != err.path]
        self.append(err)

    def clear_path(self, path: Path) -> None:
        if self:
            self[:] = [p for p in self if p.path != path]
