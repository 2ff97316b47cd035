"""A month file's new text, from its records before and after a change.

(For now the whole file is written afresh from the records, in the order ``codec.encode_month``
sorts them.)
"""

from __future__ import annotations

from legday.storage import codec


def month_bytes(before: bytes | None, old: dict[str, list], new: dict[str, list]) -> bytes:
    """The bytes of a month file that held ``old`` (as ``before``) and now holds ``new``."""
    import tomli_w

    return tomli_w.dumps(codec.encode_month(new)).encode()
