"""A tiny FIT encoder for the tests: just enough of the protocol (header, definition and data
messages, CRCs) to write the activity files a watch would, with the fields legday reads.

fitdecode only decodes, so the tests build their files here from the FIT protocol's layout rather
than shipping opaque binaries."""

from __future__ import annotations

import datetime as dt
import struct

FIT_EPOCH = dt.datetime(1989, 12, 31, tzinfo=dt.UTC)
_CRC_TABLE = (
    0x0000,
    0xCC01,
    0xD801,
    0x1400,
    0xF001,
    0x3C00,
    0x2800,
    0xE401,
    0xA001,
    0x6C00,
    0x7800,
    0xB401,
    0x5000,
    0x9C01,
    0x8801,
    0x4400,
)
# base types: (code, struct format)
ENUM, UINT8, UINT16, UINT32 = (0x00, "B"), (0x02, "B"), (0x84, "H"), (0x86, "I")


def crc(data: bytes, value: int = 0) -> int:
    for byte in data:
        for nibble in (byte & 0xF, byte >> 4):
            tmp = _CRC_TABLE[value & 0xF]
            value = (value >> 4) & 0x0FFF
            value = value ^ tmp ^ _CRC_TABLE[nibble]
    return value


def fit_time(moment: dt.datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


class FitWriter:
    def __init__(self) -> None:
        self.records = bytearray()
        self._local = 0

    def message(self, global_num: int, fields: list[tuple[int, tuple[int, str], int | tuple]]) -> None:
        """One definition + one data message: fields are (field number, base type, raw value); a
        tuple value is an array field (a watch's list of candidate exercise categories)."""
        local = self._local = (self._local + 1) % 16
        self.records += struct.pack("<BBBHB", 0x40 | local, 0, 0, global_num, len(fields))
        for number, (code, fmt), value in fields:
            count = len(value) if isinstance(value, tuple) else 1
            self.records += struct.pack("<BBB", number, struct.calcsize(fmt) * count, code)
        self.records += struct.pack("<B", local)
        for _, (_, fmt), value in fields:
            values = value if isinstance(value, tuple) else (value,)
            self.records += struct.pack("<" + fmt * len(values), *values)

    def bytes(self) -> bytes:
        header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(self.records), b".FIT")
        header += struct.pack("<H", crc(header))
        body = header + bytes(self.records)
        return body + struct.pack("<H", crc(body))


def strength_activity(
    start: dt.datetime,
    sets,
    *,
    minutes: int,
    rpe: int | None = None,
    avg_hr: int | None = None,
    utc_offset_hours: int = 0,
    file_type: int = 4,
) -> bytes:
    """``sets``: (category, reps, kg, active) or (category, reps, kg, active, subtype) in order;
    a category or subtype may be a tuple (an array field). ``start`` is UTC."""
    w = FitWriter()
    t0 = fit_time(start)
    w.message(0, [(0, ENUM, file_type), (1, UINT16, 1), (4, UINT32, t0)])
    at = t0
    for item in sets:
        category, reps, kg, active = item[:4]
        fields = [
            (254, UINT32, at),
            (0, UINT32, 45_000),
            (3, UINT16, reps),
            (4, UINT16, round(kg * 16)),
            (5, ENUM, 1 if active else 0),
            (6, UINT32, at),
            (7, UINT16, category),
        ]
        if len(item) > 4:
            fields.append((8, UINT16, item[4]))
        w.message(225, fields)
        at += 120
    fields = [
        (253, UINT32, t0 + minutes * 60),
        (2, UINT32, t0),
        (5, ENUM, 10),
        (6, ENUM, 20),
        (7, UINT32, minutes * 60_000),
        (8, UINT32, minutes * 60_000),
    ]
    if rpe is not None:
        fields.append((193, UINT8, rpe))
    if avg_hr is not None:
        fields.append((16, UINT8, avg_hr))
    w.message(18, fields)
    end = t0 + minutes * 60
    w.message(34, [(253, UINT32, end), (5, UINT32, end + utc_offset_hours * 3600), (1, UINT16, 1)])
    return w.bytes()


def cardio_activity(
    start: dt.datetime,
    *,
    sport: int,
    sub_sport: int = 0,
    minutes: float,
    avg_hr: int | None = None,
    max_hr: int | None = None,
    utc_offset_hours: int = 0,
) -> bytes:
    w = FitWriter()
    t0 = fit_time(start)
    w.message(0, [(0, ENUM, 4), (1, UINT16, 1), (4, UINT32, t0)])
    fields = [
        (253, UINT32, t0 + round(minutes * 60)),
        (2, UINT32, t0),
        (5, ENUM, sport),
        (6, ENUM, sub_sport),
        (7, UINT32, round((minutes + 3) * 60_000)),
        (8, UINT32, round(minutes * 60_000)),
    ]
    if avg_hr is not None:
        fields.append((16, UINT8, avg_hr))
    if max_hr is not None:
        fields.append((17, UINT8, max_hr))
    w.message(18, fields)
    end = t0 + round(minutes * 60)
    w.message(34, [(253, UINT32, end), (5, UINT32, end + utc_offset_hours * 3600), (1, UINT16, 1)])
    return w.bytes()


def multisport_activity(start: dt.datetime, legs, *, utc_offset_hours: int = 0) -> bytes:
    """One file, one session per leg: ``legs`` are (sport, sub_sport, minutes) one after another
    (sport 3 is a transition between two sports)."""
    w = FitWriter()
    t0 = fit_time(start)
    w.message(0, [(0, ENUM, 4), (1, UINT16, 1), (4, UINT32, t0)])
    at = t0
    for sport, sub_sport, minutes in legs:
        w.message(
            18,
            [
                (253, UINT32, at + minutes * 60),
                (2, UINT32, at),
                (5, ENUM, sport),
                (6, ENUM, sub_sport),
                (7, UINT32, minutes * 60_000),
                (8, UINT32, minutes * 60_000),
                (16, UINT8, 150),
            ],
        )
        at += minutes * 60
    w.message(34, [(253, UINT32, at), (5, UINT32, at + utc_offset_hours * 3600), (1, UINT16, len(legs))])
    return w.bytes()
