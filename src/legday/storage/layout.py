"""Where each entry is in a month file's text: the shape the line editor (``monthtext.py``) follows.

A month file, as legday writes it and as people edit it, is a ``schema = 1`` line and one list per
kind (``cardio = [`` one entry a line ``]``), or ``[[legs]]`` tables, with comments and blank lines
anywhere. ``layout(text)`` finds, for each kind, the lines of each entry (an entry may span lines: a
table, or an inline table whose exercises are written one a line) and the comment at the end of its
last line. It reads just enough TOML to do that: strings, arrays, inline tables, comments. What it
cannot follow raises ``Unsupported`` and the caller writes the file another way; the records are
always checked by reading the result back with tomllib.

Undo steps use the same reader for the comments on their entries' lines (``steps.py``).
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import field

from legday.core.values import MutableValue
from legday.storage import codec

_SPACES = re.compile(r"[ \t]*")
_BASIC = re.compile(r'"(?:[^"\\\n]|\\.)*"')
_LITERAL = re.compile(r"'[^'\n]*'")


class Unsupported(Exception):
    """A shape the line editor does not follow."""


class Entry(MutableValue):
    start: int  # first line
    end: int  # one past its last line
    comment: str = ""  # the comment at the end of its (last) line, as written: "   # felt great"


class Block(MutableValue):
    """One kind's entries: a ``kind = [`` list (``open``/``close`` lines), or ``[[kind]]`` tables."""

    kind: str
    tables: bool = False
    open: int | None = None
    close: int | None = None
    entries: list[Entry] = field(default_factory=list)
    indent: str = "    "
    lines_shaped: bool = True  # one entry a line (or a table): the line editor can follow it
    comments: tuple[str, str] = ("", "")  # at the end of the opening line and of the closing one


class Scanner:
    """Walks TOML text by character: enough to find where each value, comment and line ends."""

    def __init__(self, text: str):
        self.text = text
        self.n = len(text)
        self.pos = 0
        self._newlines = [m.start() for m in re.finditer("\n", text)]

    def line(self, pos: int | None = None) -> int:
        return bisect.bisect_left(self._newlines, self.pos if pos is None else pos)

    def spaces(self) -> None:
        self.pos = _SPACES.match(self.text, self.pos).end()  # type: ignore[union-attr]

    def peek(self, k: int = 1) -> str:
        return self.text[self.pos : self.pos + k]

    def comment(self) -> str:
        """The comment from here to the end of the line, with the spaces before it ('' if none);
        stops at the newline."""
        start = self.pos
        self.spaces()
        if self.peek() != "#":
            return ""
        end = self.text.find("\n", self.pos)
        end = self.n if end < 0 else end
        self.pos = end
        return self.text[start:end].rstrip()

    def blank(self) -> None:
        """Past spaces, newlines and comments."""
        while self.pos < self.n:
            self.spaces()
            if self.peek() == "#":
                self.comment()
            elif self.peek() in ("\n", "\r"):
                self.pos += 1
            else:
                return

    def end_of_line(self) -> bool:
        self.spaces()
        if self.peek() == "\r":
            self.pos += 1
        if self.pos >= self.n:
            return True
        if self.peek() == "\n":
            self.pos += 1
            return True
        return False

    def string(self) -> None:
        quote = self.peek()
        if self.peek(3) == quote * 3:
            end = self.text.find(quote * 3, self.pos + 3)
            if end < 0:
                raise Unsupported
            self.pos = end + 3
            while self.peek() == quote:  # up to two more quotes belong to the string
                self.pos += 1
            return
        found = (_BASIC if quote == '"' else _LITERAL).match(self.text, self.pos)
        if found is None:
            raise Unsupported  # not closed on its line
        self.pos = found.end()

    def value(self) -> None:
        """Past one value (string, array, inline table or scalar)."""
        char = self.peek()
        if char in ('"', "'"):
            self.string()
        elif char in ("[", "{"):
            closing = "]" if char == "[" else "}"
            self.pos += 1
            while True:
                self.blank()
                if self.pos >= self.n:
                    raise Unsupported
                if self.peek() == closing:
                    self.pos += 1
                    return
                if self.peek() == ",":
                    self.pos += 1
                    continue
                if char == "{":
                    self.key()
                self.value()
        else:
            start = self.pos
            while self.pos < self.n and self.text[self.pos] not in ",]}#\n\r":
                self.pos += 1
            if not self.text[start : self.pos].strip():
                raise Unsupported
            # A bare value ends at a space unless it is a date with a time: good enough here.

    def key(self) -> str:
        """A key (bare, quoted or dotted) and its '='; the key as written, unquoted."""
        self.spaces()
        start = self.pos
        while self.pos < self.n and self.text[self.pos] not in "=\n":
            if self.peek() in ('"', "'"):
                self.string()
            else:
                self.pos += 1
        if self.peek() != "=":
            raise Unsupported
        name = self.text[start : self.pos].strip().strip("\"'")
        self.pos += 1
        self.spaces()
        return name


class Layout(MutableValue):
    lines: list[str]
    blocks: dict[str, Block]
    first_table: int | None  # the first [header] line: a new list must go above it


def _indent(line: str) -> str:
    return line[: len(line) - len(line.lstrip())]


@functools.lru_cache(maxsize=4)
def layout(text: str) -> Layout:
    """Where each kind's entries are in ``text`` (lines without their newlines). Unsupported for
    what is not a month file's shape (tables other than [[kind]], keys other than schema and kinds)."""
    scan = Scanner(text)
    all_lines = text.split("\n")
    blocks: dict[str, Block] = {}
    first_table: int | None = None
    current: Block | None = None  # the [[kind]] table being read
    while True:
        scan.blank()
        if scan.pos >= scan.n:
            break
        if scan.peek(2) == "[[":
            start = scan.pos
            close = text.find("]]", start)
            if close < 0:
                raise Unsupported
            kind = text[start + 2 : close].strip().strip("\"'")
            if kind not in codec.KINDS or (kind in blocks and not blocks[kind].tables):
                raise Unsupported
            scan.pos = close + 2
            line = scan.line(start)
            comment = scan.comment()
            if not scan.end_of_line():
                raise Unsupported
            first_table = line if first_table is None else first_table
            current = blocks.setdefault(kind, Block(kind, tables=True))
            current.entries.append(Entry(line, _past_blank_lines(all_lines, line + 1), comment))
            continue
        if scan.peek() == "[":
            raise Unsupported  # a table that is not a kind's: not a month file legday reads
        line = scan.line()
        key = scan.key()
        if current is not None:
            # A key of the [[kind]] table above: the table (its entry) reaches to this value's end.
            scan.value()
            scan.comment()
            if not scan.end_of_line():
                raise Unsupported
            current.entries[-1].end = _past_blank_lines(all_lines, scan.line(scan.pos - 1) + 1)
            continue
        if key == "schema":
            scan.value()
            scan.comment()
            if not scan.end_of_line():
                raise Unsupported
            continue
        if key not in codec.KINDS or key in blocks or scan.peek() != "[":
            raise Unsupported
        block = blocks[key] = Block(key, open=line)
        _read_list(scan, block)
    return Layout(all_lines, blocks, first_table)


def _past_blank_lines(lines: list[str], line: int) -> int:
    """The first line from ``line`` on that is not blank: a [[kind]] table owns the blank lines
    after it (so that taking one out leaves no gap, and putting one back puts its gap back)."""
    while line < len(lines) - 1 and not lines[line].strip():
        line += 1
    return line


def _read_list(scan: Scanner, block: Block) -> None:
    """A ``kind = [`` list, from its '['. One entry a line, or ``lines_shaped = False``."""
    scan.pos += 1
    opening = scan.comment()
    if not scan.end_of_line():
        block.lines_shaped = False  # entries on the opening line
    while True:
        scan.blank()
        if scan.pos >= scan.n:
            raise Unsupported
        at = scan.pos
        line = scan.line()
        first_on_line = not scan.text[scan.text.rfind("\n", 0, at) + 1 : at].strip()
        if scan.peek() == "]":
            scan.pos += 1
            block.close = line
            if not first_on_line:
                block.lines_shaped = False
            block.comments = (opening, scan.comment())
            if not scan.end_of_line():
                raise Unsupported
            return
        scan.value()
        scan.spaces()
        if scan.peek() == ",":
            scan.pos += 1
        comment = scan.comment()
        alone = scan.end_of_line()
        if not (first_on_line and alone):
            block.lines_shaped = False
        start = scan.line(at)
        block.entries.append(Entry(start, scan.line(scan.pos - 1) + 1, comment))
        if len(block.entries) == 1:
            block.indent = _indent(scan.text[scan.text.rfind("\n", 0, at) + 1 : at]) or "    "
