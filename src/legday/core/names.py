"""Names people type or import (exercises, cardio): text, never terminal codes.

A name reaches a terminal in ``legday log``, the ``logged ...`` echo and the app. An escape code in it
could set the window title, move the cursor or break the week grid's borders, and a bidi override
could make a line read differently from what it holds. So the model's constructors refuse such
characters (whichever way a name came in: command line, app or import), and what is printed goes
through :func:`escaped` as well, in case a name got past the check some other way.
"""

from __future__ import annotations

import re

from legday.core.errors import InputError

MAX_NAME = 100
"""Characters in a name. The longest in the published exports legday is tested with is 69."""

# C0 controls (ESC among them), DEL and C1 controls; the bidi embeddings, overrides, isolates and
# marks; the Unicode line and paragraph separators; lone surrogates (bytes that were not UTF-8).
_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

ACCEPTED = f"accepted: letters, digits, spaces and punctuation, up to {MAX_NAME} characters"


def _escape(match: re.Match[str]) -> str:
    code = ord(match[0])
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def escaped(text: str) -> str:
    """``text`` with every control, bidi and separator character written as ``\\x1b`` or ``\\u202e``,
    so that printing it shows what it holds instead of acting on the terminal."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text


def check_name(text: object, what: str) -> None:
    """Raise InputError unless ``text`` is a string of at most MAX_NAME safe characters."""
    if not isinstance(text, str):
        raise InputError(f"{what} is not text; {ACCEPTED}")
    if len(text) > MAX_NAME:
        raise InputError(f"{what} is {len(text)} characters long; {ACCEPTED}")
    found = _UNSAFE.search(text)
    if found:
        raise InputError(
            f"{what} '{escaped(text)}' holds a control character ({_escape(found)} at character "
            f"{found.start() + 1}); {ACCEPTED}"
        )
