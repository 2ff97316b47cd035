"""Every legday file starts with ``schema = N``, and is read in the same three steps: parse the TOML,
check the schema, turn the tables into values. Whatever goes wrong on the way is a ``CorruptFile``
naming the file and, where it can be found, the line; a file from a newer legday is a ``NewerSchema``
and is refused rather than misread.

Month files, the profile, undo steps, the pending file and settings all come through here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from legday.storage import codec
from legday.storage.errors import CorruptFile, NewerSchema
from legday.storage.files import parse_toml

T = TypeVar("T")


def check_schema(path: Path, data: dict, text: str) -> None:
    """Refuse a file without ``schema``, with one legday does not know, or from a newer legday."""
    if "schema" not in data:
        raise CorruptFile(path, None, f"no 'schema' key; add the line `schema = {codec.SCHEMA}` at the top")
    found = data["schema"]
    if type(found) is not int or found < 1:
        raise CorruptFile(
            path,
            codec.locate(text, None, None, "schema"),
            f"schema = {found!r} is not a version legday knows; accepted: "
            + ("1" if codec.SCHEMA == 1 else f"1 to {codec.SCHEMA}"),
        )
    if found > codec.SCHEMA:
        raise NewerSchema(path, found, codec.SCHEMA)


def read_table(path: Path, data: bytes) -> tuple[dict[str, Any], str]:
    """The file's table and text, its schema checked."""
    table, text = parse_toml(path, data)
    check_schema(path, table, text)
    return table, text


def decode_file(
    path: Path,
    data: bytes,
    decode: Callable[[dict], T],
    fast: Callable[[str], dict[str, Any] | None] | None = None,
) -> T:
    """``decode(table)`` of the file's bytes. ``fast(text)``, when given, may parse the exact shape
    legday writes faster than tomllib (None: not that shape, use tomllib)."""
    table = text = None
    if fast is not None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass  # parse_toml reports it with its line
        else:
            table = fast(text)
    if table is None or text is None:
        table, text = parse_toml(path, data)
    check_schema(path, table, text)
    try:
        return decode(table)
    except codec.Bad as bad:
        raise CorruptFile(path, codec.locate(text, bad.kind, bad.index, bad.key), bad.message) from None
    except (ValueError, TypeError, OverflowError) as err:
        raise CorruptFile(path, None, f"cannot read it: {err}") from None
