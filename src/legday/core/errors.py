"""The error types every layer shares. Each message says what is wrong and what is accepted (or what to
do), so the CLI can print it on one line and the app can show it beside the field or in a notice.

- ``InputError``: a value a person gave is not acceptable (the core's parsers raise it);
- ``DataError``: one of legday's own files could not be read or written. The storage layer raises its
  subclasses; the journal hands them on, and the faces catch this name (they never import storage).
"""

from __future__ import annotations

from pathlib import Path


class InputError(ValueError):
    pass


class DataError(Exception):
    """Reading or writing legday's files failed. ``path``/``line`` point at the file when known."""

    def __init__(self, message: str, path: Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
