"""The plan as an iCalendar file (RFC 5545), written with the ``icalendar`` package so that line
folding, CRLF line ends and escaping are right; it is imported only when a calendar is made.

Each planned, suggested or done session from the first day on is one event: at its time where the
plan has a start, all-day otherwise. A timed event carries its zone, because calendar apps read a
"floating" time each their own way (two of three common parsers took 18:00 for 18:00 UTC): with
the system's zone known by name (TZ, /etc/localtime), ``DTSTART;TZID=Europe/Berlin:...`` and a
VTIMEZONE for it; otherwise the time in UTC (``...Z``), converted with the system's own rules. The
UID depends only on the day and the session's place in it ("legs" or "cardio", first or second), so
exporting again after the plan changed updates the same event in a subscribed calendar instead of
adding a second one. With the morning reminder on (settings: ``morning_reminder``, at
``morning_reminder_time``, 07:30 unless changed), each coming morning not yet rated has a short
"Soreness check-in" event too (UID ``YYYYMMDD-checkin@legday``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections import Counter
from pathlib import Path

from legday.core.plan import Session, WeekPlan
from legday.core.words import effort_range, session_title

PRODID = "-//legday//legday plan//EN"
UID_DOMAIN = "legday"
_UTC_NAMES = frozenset({"UTC", "Etc/UTC", "Etc/Universal", "Universal", "Zulu", "Etc/Zulu", "GMT", "Etc/GMT"})


def system_zone() -> dt.tzinfo | None:
    """The system's time zone when it is known by an IANA name (``TZ``, the /etc/localtime link,
    /etc/timezone), UTC for the UTC names, or None when the system does not name it (then times
    are written in UTC, converted with the system's rules)."""
    from zoneinfo import ZoneInfo

    names: list[str] = []
    tz = os.environ.get("TZ")
    if tz is not None:
        names.append(tz.removeprefix(":"))
    else:
        try:
            target = os.readlink("/etc/localtime")
        except OSError:
            target = ""
        if "zoneinfo/" in target:
            names.append(target.split("zoneinfo/", 1)[1])
        with contextlib.suppress(OSError, UnicodeDecodeError):
            names.append(Path("/etc/timezone").read_text(encoding="utf-8").strip())
    for name in names:
        if name in _UTC_NAMES:
            return dt.UTC
        try:
            return ZoneInfo(name)
        except (ValueError, OSError, KeyError):  # not a zone name (a POSIX rule like "CET-1CEST"), or unknown
            continue
    return None


def _zoned(moment: dt.datetime, zone: dt.tzinfo | None) -> dt.datetime:
    """A local wall-clock time with its zone: the named zone, or UTC via the system's rules."""
    if zone is not None and zone is not dt.UTC:
        return moment.replace(tzinfo=zone)
    if zone is dt.UTC:
        return moment.replace(tzinfo=dt.UTC)
    return moment.astimezone().astimezone(dt.UTC)


def what(s: Session) -> str:
    """``Easy bike``, ``Bike intervals``, ``Recovery walk``, ``Legs``: the app's name, capitalised."""
    words = session_title(s)
    return words[:1].upper() + words[1:]


def title(s: Session) -> str:
    """``Easy bike · 40 min · effort 3-4``; a logged session says so: ``Legs · 70 min · effort 8 (done)``."""
    parts = [what(s)]
    if s.minutes:
        parts.append(f"{s.minutes} min")
    if s.effort:
        parts.append(f"effort {effort_range(s.effort)}")
    text = " · ".join(parts)
    return f"{text} (done)" if s.status == "done" else text


def description(s: Session) -> str:
    lines = []
    if s.detail:
        lines.append(s.detail)
    if s.talk:
        lines.append(f"Talk test: {s.talk}")
    if s.reasons:
        lines.append("Why:")
        lines.extend(f"{r.id} {r.text} ({r.source})" for r in s.reasons)
    if s.addons:
        lines.append("Also:")
        lines.extend(f"{r.id} {r.text} ({r.source})" for r in s.addons)
    if s.choice:
        lines.append(s.choice)
    lines.append("Planned by legday: legday plan shows the whole week.")
    return "\n".join(lines)


def events(plans: list[WeekPlan], first: dt.date):
    """(uid, session, day) for each session worth a calendar entry, from ``first`` on."""
    for plan in plans:
        for day in plan.days:
            if day.date < first:
                continue
            places: Counter = Counter()
            for s in day.sessions:
                if s.kind == "rest" or s.status == "skipped":
                    continue
                slot = "legs" if s.kind == "legs" else "cardio"
                places[slot] += 1
                uid = f"{day.date:%Y%m%d}-{slot}-{places[slot]}@{UID_DOMAIN}"
                yield uid, s, day.date


CHECKIN_MINUTES = 5
CHECKIN_TITLE = "Soreness check-in (legday)"
CHECKIN_TEXT = (
    "How sore are your legs this morning? In legday: s, a digit 0-10, Enter (or: legday sore N). "
    "Your rating replaces the plan's estimate, and the day re-plans (S6)."
)


def mornings(plans: list[WeekPlan], first: dt.date) -> list[dt.date]:
    """The coming mornings to remind of the check-in: from ``first`` and today on, each day of the
    plans not rated yet (a morning already rated needs no reminder)."""
    found: list[dt.date] = []
    for plan in plans:
        for day in plan.days:
            if day.date >= max(first, plan.today) and day.soreness is None and day.date not in found:
                found.append(day.date)
    return found


def dumps(
    plans: list[WeekPlan],
    first: dt.date,
    stamp: dt.datetime | None = None,
    zone: dt.tzinfo | None = None,
    reminder: dt.time | None = None,
) -> bytes:
    """The calendar as bytes (CRLF line ends, folded at 75 octets). ``stamp``: DTSTAMP, UTC.
    ``zone``: the zone of the plan's times (``system_zone()``); None writes them in UTC.
    ``reminder``: a soreness check-in event at this time each coming morning (None: none)."""
    from icalendar import Calendar, Event

    if zone is not None and zone is not dt.UTC and not hasattr(Calendar, "add_missing_timezones"):
        zone = None  # an icalendar too old to write a VTIMEZONE: UTC instead

    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", "legday")
    seen = set()
    for uid, s, day in events(plans, first):
        if uid in seen:  # two plans covering the same day: the first wins
            continue
        seen.add(uid)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        if s.start is not None:
            start = s.start.replace(second=0, microsecond=0, tzinfo=None)
            end = start + dt.timedelta(minutes=s.minutes or 30)
            event.add("dtstart", _zoned(start, zone))
            event.add("dtend", _zoned(end, zone))
        else:
            event.add("dtstart", day)
            event.add("dtend", day + dt.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        event.add("summary", title(s))
        event.add("description", description(s))
        event.add("categories", ["legday", s.kind])
        cal.add_component(event)
    for day in mornings(plans, first) if reminder is not None else ():
        assert reminder is not None
        event = Event()
        event.add("uid", f"{day:%Y%m%d}-checkin@{UID_DOMAIN}")
        event.add("dtstamp", stamp)
        start = dt.datetime.combine(day, reminder.replace(second=0, microsecond=0, tzinfo=None))
        event.add("dtstart", _zoned(start, zone))
        event.add("dtend", _zoned(start + dt.timedelta(minutes=CHECKIN_MINUTES), zone))
        event.add("summary", CHECKIN_TITLE)
        event.add("description", CHECKIN_TEXT)
        event.add("categories", ["legday", "check-in"])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    if zone is not None and zone is not dt.UTC:
        # The zone's rules around the plan's weeks (a short VTIMEZONE, not 1970-2038).
        cal.add_missing_timezones(
            first_date=first - dt.timedelta(days=370), last_date=first + dt.timedelta(days=800)
        )
    return cal.to_ical()
