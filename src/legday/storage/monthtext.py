"""A month file's new text after a change, keeping what a person wrote in it.

legday writes a month file as one entry a line (``codec``), and people edit these files by hand:
they add comments (``# felt great``), blank lines, a ``[[legs]]`` table. A change (a log, an edit,
a delete, an undo) therefore edits the file's text rather than writing it afresh: the lines of the
entries removed go, the lines of the entries added go in where they sort among their kind, and every
other line stays as it was, comments included. The comment at the end of an entry's line belongs to
that entry: an edit keeps it on the edited entry, a delete takes it into the undo step (``steps.py``
writes it there), and the undo puts it back with the entry.

Three ways to write, cheapest first:
- a file exactly as legday writes it (``codec.fast_month`` reads it), with no comment to add: written
  afresh from the records, as before (the common case, and the fastest);
- any other file: edited line by line, as above (where each entry is: ``layout.py``). A kind's list
  that is not one entry a line (two entries on a line, a list on one line) is written out afresh in
  its place, the comments at the end of its opening and closing lines kept. The result is read back
  and compared with the records it must hold;
- a file the editor cannot follow at all, or an edit that does not read back right: the whole file
  written afresh. The records are always right; only comments can go, and only then.

Why not a style-preserving TOML library (tomlkit): it keeps comments of the entries it keeps, but
the comment of an entry it deletes is lost to its public API, so undo could not bring it back; and
legday's files are one entry a line by design, which a line editor follows exactly and quickly.
A byte-order mark (some Windows editors add one) is read past and not written back.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping
from typing import Any

from legday.core.records import Record
from legday.storage import codec
from legday.storage.layout import Block, Entry, Layout, Unsupported, layout

Month = dict[str, list]
BOM = "\ufeff"
_PLAIN = re.compile(r'[^"\\\x00-\x1f\x7f]*')


# -- one TOML value on one line --------------------------------------------------------------------


def inline(value: Any) -> str:
    """``value`` as TOML on one line: a string in quotes, an inline table, an array, a scalar."""
    import tomli_w

    if type(value) is str and _PLAIN.fullmatch(value):
        return f'"{value}"'  # what tomli_w writes for it, without the call (an import of years)
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{k} = {inline(v)}" for k, v in value.items()) + " }" if value else "{}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(inline(v) for v in value) + "]"
    return tomli_w.dumps({"v": value})[4:-1]


def entry_line(kind: str, record: Record, comment: str = "", indent: str = "    ") -> str:
    """A record as an element of a ``kind = [ ... ]`` list, with its comment (as it was written:
    the spaces before the '#' too, so that an entry put back looks as it did)."""
    return f"{indent}{inline(codec.ENCODERS[kind](record))},{comment}"


# -- the comments of entries ---------------------------------------------------------------------------


def comments(before: bytes | None, old: Month, records: list[Record]) -> dict[Record, str]:
    """The comments at the end of these records' entries in the file (those that have one)."""
    if before is None or b"#" not in before or not records:
        return {}
    try:
        shape = layout(_text(before)[0])
    except Unsupported:
        return {}
    found: dict[Record, str] = {}
    for kind, block in shape.blocks.items():
        if len(block.entries) != len(old.get(kind, ())):
            continue
        for record, entry in zip(old[kind], block.entries):
            if entry.comment and record in records and record not in found:
                found[record] = entry.comment
    return found


# -- writing -----------------------------------------------------------------------------------------------


def month_bytes(
    before: bytes | None,
    old: Month,
    new: Month,
    notes: Mapping[Record, str] | None = None,
    where: tuple[int, int] | None = None,
) -> bytes:
    """The bytes of a month file that held ``old`` (as ``before``) and now holds ``new``. ``notes``:
    comments for records added (an edited entry's, or one an undo brings back). ``where``: (year,
    month), to read the result back; taken from the records when not given."""
    notes = notes or {}
    if before is None:
        return _afresh(new, notes)
    text, crlf = _text(before)
    if not notes and codec.fast_month(text) is not None:
        return _afresh(new, {})  # exactly legday's shape: nothing a person wrote to keep
    year, month = where or _year_month(old, new)
    try:
        edited = _edit(text, old, new, notes)
    except Unsupported:
        edited = None
    if edited is not None and _reads_back(edited, new, year, month):
        return (edited.replace("\n", "\r\n") if crlf else edited).encode("utf-8")
    return _afresh(new, notes)


def _text(data: bytes) -> tuple[str, bool]:
    text = data.decode("utf-8").removeprefix(BOM)
    crlf = "\r\n" in text
    return (text.replace("\r\n", "\n") if crlf else text), crlf


def _afresh(new: Month, notes: Mapping[Record, str]) -> bytes:
    """The whole file written from the records (legday's own shape), with any comments given."""
    import tomli_w

    data = codec.encode_month(new)  # sorts each kind's list in place, in file order
    if not notes:
        return tomli_w.dumps(data).encode()
    lines = [f"schema = {codec.SCHEMA}"]
    for kind in codec.KINDS:
        if new.get(kind):
            lines += [f"{kind} = [", *(entry_line(kind, r, notes.get(r, "")) for r in new[kind]), "]"]
    return ("\n".join(lines) + "\n").encode()


def _year_month(old: Month, new: Month) -> tuple[int, int]:
    for records in (*new.values(), *old.values()):
        for record in records:
            return record.date.year, record.date.month
    return 1, 1


def _reads_back(text: str, new: Month, year: int, month: int) -> bool:
    try:
        got = codec.decode_month(tomllib.loads(text), year, month)
    except (tomllib.TOMLDecodeError, codec.Bad, ValueError, TypeError, RecursionError):
        return False
    return all(Counter(got[kind]) == Counter(new.get(kind, ())) for kind in codec.KINDS)


def _changes(old: Month, new: Month) -> dict[str, tuple[Counter, list[Record]]]:
    """For each kind that changed: the records to take out (counted) and those to put in."""
    out = {}
    for kind in codec.KINDS:
        before, after = Counter(old.get(kind, ())), Counter(new.get(kind, ()))
        if before != after:
            order = codec.file_order(kind)
            out[kind] = (before - after, sorted((after - before).elements(), key=order))
    return out


def _edit(text: str, old: Month, new: Month, notes: Mapping[Record, str]) -> str:
    """Take out and put in entry lines; every other line stays. A kind's list that is not one
    entry a line is written out afresh (its other lines, and the rest of the file, stay)."""
    shape = layout(text)
    lines = list(shape.lines)  # (the layout is cached: edit a copy)
    deletes: list[tuple[int, int]] = []  # (line, how many)
    inserts: dict[int, list[str]] = {}  # line -> lines to put before it, in order
    for kind, (out, put) in _changes(old, new).items():
        block = shape.blocks.get(kind)
        records = list(old.get(kind, ()))
        if block is None:
            lines_of_list = [f"{kind} = [", *(entry_line(kind, r, notes.get(r, "")) for r in put), "]"]
            inserts.setdefault(_new_list_line(shape, kind), []).extend(lines_of_list)
            continue
        if len(block.entries) != len(records):
            raise Unsupported
        if not block.lines_shaped:
            deletes.append(_rewrite_list(block, kind, new, notes, inserts))
            continue
        kept: list[tuple[Record, Entry]] = []
        for record, entry in zip(records, block.entries):
            if out[record] > 0:
                out[record] -= 1
                deletes.append((entry.start, entry.end - entry.start))
            else:
                kept.append((record, entry))
        order = codec.file_order(kind)
        keyed = [(order(r), entry) for r, entry in kept]
        for record in put:
            # Just after the last entry that sorts before it, or just above the first one after it;
            # one that sorts last goes at the end of the list (below any notes there).
            key = order(record)
            before = [entry for k, entry in keyed if k <= key]
            later = [entry for k, entry in keyed if k > key]
            if later:
                at = before[-1].end if before else later[0].start
            elif block.tables:
                at = block.entries[-1].end
                if lines[at - 1].strip():
                    inserts.setdefault(at, []).append("")  # a gap above it
            else:
                assert block.close is not None
                at = block.close
            inserts.setdefault(at, []).extend(_entry_lines(block, kind, record, notes.get(record, "")))
    edits: list[tuple[int, int, list[str]]] = [(at, count, []) for at, count in deletes]
    edits += [(at, 0, ins) for at, ins in inserts.items()]
    # From the bottom up, so that each edit's line numbers are still right; at one line, what is
    # taken out goes before what is put in.
    for at, count, insert in sorted(edits, key=lambda e: (e[0], e[1] > 0), reverse=True):
        lines[at : at + count] = insert
    return _tidy("\n".join(lines))


def _new_list_line(shape: Layout, kind: str) -> int:
    """Where a kind's list goes in a file that has none: above the list of the next kind in
    legday's order (legs, cardio, checkin, skip), else above the first [[table]], else at the end."""
    later = [k for k in codec.KINDS[codec.KINDS.index(kind) + 1 :] if k in shape.blocks]
    opens = [shape.blocks[k].open for k in later if shape.blocks[k].open is not None]
    if opens:
        return min(o for o in opens if o is not None)
    if shape.first_table is not None:
        return shape.first_table
    at = len(shape.lines)
    while at > 0 and shape.lines[at - 1] == "":
        at -= 1  # above the final newline
    return at


def _rewrite_list(
    block: Block, kind: str, new: Month, notes: Mapping[Record, str], inserts: dict[int, list[str]]
) -> tuple[int, int]:
    """A list that is not one entry a line, written out afresh in its place (the comments at the
    end of its opening and closing lines kept): the lines to delete; what replaces them is added to
    ``inserts``."""
    if block.tables or block.open is None or block.close is None:
        raise Unsupported
    opening, closing = block.comments
    items = sorted(new.get(kind, ()), key=codec.file_order(kind))
    inserts.setdefault(block.open, []).extend(
        [
            f"{kind} = [{opening}",
            *(entry_line(kind, r, notes.get(r, ""), block.indent) for r in items),
            f"]{closing}",
        ]
    )
    return block.open, block.close + 1 - block.open


def _entry_lines(block: Block, kind: str, record: Record, comment: str) -> list[str]:
    if not block.tables:
        return [entry_line(kind, record, comment, block.indent)]
    table = codec.TABLES[kind](record)
    return [f"[[{kind}]]{comment}", *(f"{key} = {inline(value)}" for key, value in table.items()), ""]


def _tidy(text: str) -> str:
    """One newline at the end; no empty ``kind = [ ]`` list left behind by a delete."""
    opening = {f"{k} = [" for k in codec.KINDS}
    out: list[str] = []
    for line in text.split("\n"):
        if line.strip() == "]" and out and out[-1].strip() in opening:
            out.pop()
            continue
        out.append(line)
    return "\n".join(out).rstrip("\n") + "\n"
