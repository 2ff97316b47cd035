"""Reading exported text: bytes to rows with line numbers, and the small value parsers every format
shares (numbers with float noise, durations like ``1h 7m``, dates in the ways apps write them).

Every failure is a FileFormatError naming the file and the line, so a bad row is found in seconds.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from collections.abc import Iterator

from legday.core.values import Value
from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading

# The first bytes of a FIT file carry ".FIT" at offset 8.
FIT_SIGNATURE = b".FIT"


def is_fit(data: bytes) -> bool:
    return len(data) >= 12 and data[8:12] == FIT_SIGNATURE


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a byte-order mark is dropped). Binary junk is refused, not guessed at."""
    if b"\x00" in data[:4096]:
        raise FileFormatError(
            name,
            None,
            "this is not a text export (it holds binary data); "
            "accepted: a CSV from Strong, Hevy or FitNotes, legday's JSON, or a FIT file",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise FileFormatError(
            name,
            line,
            "the text is not UTF-8 (is it a binary file?); accepted: the CSV file as the app exported it",
        ) from None


def first_line(text: str) -> str:
    """The first line that is not blank (read lazily: the file may be large)."""
    for line in io.StringIO(text, newline=None):
        if line.strip():
            return line.rstrip("\r\n")
    return ""


def delimiter(header: str) -> str:
    """Strong writes ``;`` in some versions and ``,`` in others; the header says which."""
    return ";" if header.count(";") > header.count(",") else ","


def normal(name: str) -> str:
    return " ".join(name.replace("\ufeff", "").strip().strip('"').lower().split())


class Row(Value):
    """One CSV record: the line it starts on and its cells by (normalised) column name."""

    line: int
    cells: dict[str, str]

    def get(self, column: str | None) -> str:
        if column is None:
            return ""
        return (self.cells.get(column) or "").strip()


def rows(
    text: str, reading: Reading, *, widen: str | None = None, header: list[str] | None = None
) -> tuple[list[str], Iterator[Row]]:
    """The header (normalised names) and the rows after it. Quoted cells may hold line breaks (Hevy's
    notes); ``line`` is where each record starts. A record with a different number of cells than the
    header (a truncated file, a stray quote) is a bad row, recorded in ``reading`` and passed over;
    so is a line the CSV reader cannot read.

    ``widen``: the column whose cells may hold unquoted commas (FitNotes writes its own exercise names
    that way): a record with too many cells gets the extra ones joined back into that column.
    ``header``: names to use instead of the file's header row (an export in another language)."""
    name = reading.name
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first_line(text)))
    found: list[str] | None = None
    header_line = 0
    last = 0
    try:
        for record in reader:
            start, last = last + 1, reader.line_num
            if any(cell.strip() for cell in record):
                found = [normal(c) for c in record]
                header_line = start
                break
    except csv.Error as err:
        raise FileFormatError(name, last + 1, f"cannot read the CSV: {err}") from None
    if found is None:
        raise FileFormatError(name, None, "the file is empty; accepted: an export with its header row")
    names = header if header is not None else found
    width = len(names)
    at = names.index(widen) if widen in names else None

    def body() -> Iterator[Row]:
        last = header_line
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as err:
                reading.tick()
                reading.bad_row(last + 1, f"cannot read the CSV: {err}")
                last = reader.line_num
                continue
            start, last = last + 1, reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            reading.tick()
            if len(record) > width and at is not None:
                extra = len(record) - width
                record = [*record[:at], ",".join(record[at : at + extra + 1]), *record[at + extra + 1 :]]
            if len(record) != width:
                reading.bad_row(
                    start,
                    f"{len(record)} cells where the header has {width} (a truncated or edited file?); "
                    "accepted: one cell per column, as exported",
                )
                continue
            yield Row(start, dict(zip(names, record)))

    return names, body()


def sample(text: str, count: int = 5) -> list[list[str]]:
    """The first ``count`` records after the header, as cells (for recognising a layout by shape)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(first_line(text)))
    out: list[list[str]] = []
    try:
        for record in reader:
            if any(cell.strip() for cell in record):
                out.append(record)
            if len(out) > count:
                break
    except csv.Error:
        pass
    return out[1:]


def column(header: list[str], *names: str, prefix: str | None = None) -> str | None:
    """The first of ``names`` present in the header, or the first column starting with ``prefix``."""
    for n in names:
        if n in header:
            return n
    if prefix is not None:
        for h in header:
            if h.startswith(prefix):
                return h
    return None


# -- numbers ----------------------------------------------------------------------------------------


_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:[eE][+-]?\d{1,3})?", re.ASCII)


def number(text: str, name: str, line: int, what: str, high: float) -> float | None:
    """A number or None for an empty cell. ``149.99999999999997`` is 150: apps store floats and
    write them back with their noise. A decimal comma (``80,5``) is read as a decimal point. Only
    ASCII digits: ``1_0``, fullwidth or Arabic-Indic digits are not numbers here."""
    text = text.strip()
    if not text:
        return None
    accepted = f"a number from 0 to {high:,g}" if high < 10**6 else "a number from 0 up"
    if len(text) > 40 or not _NUMBER.fullmatch(text):
        raise FileFormatError(name, line, f"{what} {shown(text)} is not a number; accepted: {accepted}")
    value = float(text.replace(",", "."))
    if not 0 <= value <= high:
        raise FileFormatError(name, line, f"{what} {shown(text)} is out of range; accepted: {accepted}")
    return round(value, 2)


_DURATION_PART = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hours?|m|min|mins|minutes?|s|sec|secs|seconds?)\b", re.ASCII
)


def duration_minutes(text: str) -> float | None:
    """``1h 7m`` -> 67, ``45m`` -> 45, ``1:07:00`` -> 67, ``3600`` (seconds) is not this: see
    seconds(). None when empty or unreadable: an unknown duration is estimated, never fatal."""
    text = text.strip().lower()
    if not text:
        return None
    if len(text) > 40:
        return None
    clock = re.fullmatch(r"(\d+):(\d{2})(?::(\d{2}))?", text, re.ASCII)
    if clock:
        h, m, s = int(clock[1]), int(clock[2]), int(clock[3] or 0)
        if clock[3] is None:  # "mm:ss"? FitNotes writes h:mm:ss; two parts are h:mm in Strong's
            return h * 60 + m
        return h * 60 + m + s / 60
    total = 0.0
    found = False
    for amount, unit in _DURATION_PART.findall(text):
        found = True
        value = float(amount.replace(",", "."))
        total += value * 60 if unit.startswith("h") else value / 60 if unit.startswith("s") else value
    return total if found else None


# -- dates ------------------------------------------------------------------------------------------

_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1
    )
}

# 2019-02-19 18:34:43, 2024-01-15 6:30:00<narrow no-break space>pm, 2024-01-15T06:30, 2024-01-15
_ISO = re.compile(
    r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap])?\.?\s*m?\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}))?",
    re.IGNORECASE | re.ASCII,
)
# 9 Sep 2025, 06:46 (Hevy), also "9 September 2025, 6:46 pm"
_DMY = re.compile(
    r"(\d{1,2})\s+([a-z]{3,9})\.?\s+(\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])?\.?\s*m?\.?)?",
    re.IGNORECASE | re.ASCII,
)

DATE_ACCEPTED = (
    "a real date and time as the app exports it, e.g. 2025-09-09 18:34:43, "
    "2025-09-09 6:34:43 pm or 9 Sep 2025, 18:34"
)


def _clock(hour: str | None, minute: str | None, half: str | None) -> tuple[int, int]:
    if hour is None:
        return -1, -1
    h, m = int(hour), int(minute or 0)
    if half:
        if not 1 <= h <= 12:
            return 99, m
        h = h % 12 + (12 if half.lower() == "p" else 0)
    return h, m


# Years an imported workout may fall in (legday's line: outside them a date is a typo or junk).
YEARS = (1970, 2100)


def shown(text: str, limit: int = 40) -> str:
    """A cell as a message shows it: quoted, control characters escaped, long ones cut."""
    text = text.strip()
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def when(text: str, name: str, line: int) -> tuple[dt.date, dt.time | None]:
    """A date with an optional time. A date that does not exist (2027-13-45) names its line."""
    raw = " ".join(text.split())
    if len(raw) > 60:
        raise FileFormatError(name, line, f"not a date: {shown(text)}; accepted: {DATE_ACCEPTED}")
    match = _ISO.fullmatch(raw)
    if match:
        y, mo, d = int(match[1]), int(match[2]), int(match[3])
        h, mi = _clock(match[4], match[5], match[7])
    else:
        match = _DMY.fullmatch(raw)
        month = _MONTHS.get(match[2][:3].lower()) if match else None
        if not match or month is None:
            raise FileFormatError(name, line, f"not a date: {shown(text)}; accepted: {DATE_ACCEPTED}")
        y, mo, d = int(match[3]), month, int(match[1])
        h, mi = _clock(match[4], match[5], match[7])
    try:
        day = dt.date(y, mo, d)
        time = dt.time(h, mi) if h >= 0 else None
    except ValueError:
        raise FileFormatError(
            name, line, f"not a date: {shown(text)} does not exist; accepted: {DATE_ACCEPTED}"
        ) from None
    if not YEARS[0] <= day.year <= YEARS[1]:
        raise FileFormatError(
            name, line, f"the date {shown(text)} is out of range; accepted: years {YEARS[0]} to {YEARS[1]}"
        )
    return day, time
