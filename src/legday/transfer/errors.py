"""The one error an import raises for a file it cannot use: which file, which line, what is wrong and
what is accepted, on one line. It is an InputError, so the command line exits 2 with it."""

from __future__ import annotations

from legday.core.errors import InputError


class FileFormatError(InputError):
    """``name:line: message``. ``line`` is None when the problem is the whole file."""

    def __init__(self, name: str, line: int | None, message: str):
        self.name = name
        self.line = line
        self.message = message
        where = f"{name}:{line}" if line else name
        super().__init__(f"{where}: {message}")
