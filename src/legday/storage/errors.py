"""What can go wrong with the files on disk. Every message says what is wrong and what to do, on one
line, so the command line can print it as is and the app can show it in a notification."""

from __future__ import annotations

from pathlib import Path


class StorageError(Exception):
    """Reading or writing legday's files failed. ``path``/``line`` point at the file when known."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line


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
