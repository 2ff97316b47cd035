"""Which imported records are new, which are already logged, and the one-line summary.

Importing the same file twice must add nothing, even after the person corrected a session by hand,
so a session is recognised by a key rather than by equality: a leg session by its date and start (or
its date and exercises), cardio by date, modality and start (or date, modality and minutes), a
check-in by its date (one a day), a skip by what it is.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import field

from legday.core.model import CardioSession, CheckIn, LegSession, Profile, Skip
from legday.core.values import MutableValue


def keys(r) -> tuple:
    if isinstance(r, LegSession):
        return (("legs", r.date, r.start), ("legs", r.date, tuple(str(e) for e in r.exercises)))
    if isinstance(r, CardioSession):
        return (("cardio", r.date, r.modality, r.start), ("cardio", r.date, r.modality, r.minutes))
    if isinstance(r, CheckIn):
        return (("checkin", r.date),)
    if isinstance(r, Skip):
        return (("skip", r.date, r.modality),)
    raise TypeError(f"cannot import {type(r).__name__}")


class ImportPlan(MutableValue):
    format: str
    new: list = field(default_factory=list)
    already: int = 0
    left_out: Counter = field(default_factory=Counter)
    estimated_effort: int = 0
    effort_from_heart_rate: int = 0
    estimated_minutes: int = 0
    timers: int = 0
    profile: Profile | None = None  # a profile carried by legday's JSON, if any
    units_note: str = ""
    bad_rows: list = field(default_factory=list)
    # Leg sessions already logged with weights in another unit than this import's (an earlier import
    # with other units): how many, and the units they have.
    other_units: int = 0
    logged_units: str = ""
    units: str = ""


def _units(r) -> set[str]:
    return {e.unit for e in r.exercises if e.load is not None} if isinstance(r, LegSession) else set()


def plan_import(parsed, existing) -> ImportPlan:
    """``existing``: the records already logged over the dates the file covers (any iterable)."""
    seen: dict[tuple, object] = {}
    for r in existing:
        for k in keys(r):
            seen.setdefault(k, r)
    plan = ImportPlan(
        parsed.format,
        left_out=Counter(parsed.left_out),
        profile=parsed.profile,
        units_note=getattr(parsed, "units_note", ""),
        bad_rows=list(getattr(parsed, "bad_rows", [])),
    )
    timers: set = getattr(parsed, "timers", set())
    logged_units: Counter = Counter()
    for record in parsed.records:
        record_keys = keys(record)
        match = next((seen[k] for k in record_keys if k in seen), None)
        if match is not None:
            plan.already += 1
            mine, theirs = _units(record), _units(match)
            if mine and theirs and mine != theirs:
                plan.other_units += 1
                logged_units.update(theirs)
                plan.units = "/".join(sorted(mine))
            continue
        for k in record_keys:
            seen[k] = record
        plan.new.append(record)
        how = parsed.effort_from.get(record)
        if how == "estimate":
            plan.estimated_effort += 1
        elif how == "heart rate":
            plan.effort_from_heart_rate += 1
        if record in parsed.minutes_estimated:
            plan.estimated_minutes += 1
        if record in timers:
            plan.timers += 1
    plan.logged_units = "/".join(sorted(logged_units))
    return plan


def _count(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def summary(name: str, plan: ImportPlan, dry_run: bool = False) -> str:
    """One line: ``imported strong.csv: 212 sessions added (180 legs, 32 cardio), 3 already there,
    95 left out (90 upper body only, 5 cardio without a time); weights in lb (--units); effort
    estimated for 40 (no RPE logged)``. The bad rows left out are counted here and listed by
    ``bad_row_lines``."""
    kinds = Counter(type(r).__name__ for r in plan.new)
    parts = [
        f"{kinds['LegSession']:,} legs" if kinds["LegSession"] else "",
        f"{kinds['CardioSession']:,} cardio" if kinds["CardioSession"] else "",
        _count(kinds["CheckIn"], "check-in") if kinds["CheckIn"] else "",
        _count(kinds["Skip"], "skip") if kinds["Skip"] else "",
    ]
    detail = ", ".join(p for p in parts if p)
    verb = "would be added" if dry_run else "added"
    noun = "record" if plan.format == "json" or kinds["CheckIn"] or kinds["Skip"] else "session"
    text = f"{'checked' if dry_run else 'imported'} {name}: {_count(len(plan.new), noun)} {verb}"
    if detail:
        text += f" ({detail})"
    text += f", {plan.already:,} already there"
    if plan.other_units:
        text += (
            f" ({plan.other_units:,} of them logged with weights in {plan.logged_units}, not "
            f"{plan.units}: to have them in {plan.units}, undo that earlier import first (legday "
            "undo), then import again)"
        )
    left = sum(plan.left_out.values())
    text += f", {left:,} left out"
    if left:
        text += " (" + ", ".join(f"{n:,} {why}" for why, n in plan.left_out.most_common()) + ")"
    notes = []
    if plan.bad_rows:
        notes.append(f"{_count(len(plan.bad_rows), 'bad row')} left out")
    if plan.units_note:
        notes.append(plan.units_note)
    if plan.estimated_effort:
        notes.append(f"effort estimated for {plan.estimated_effort:,} (no RPE logged)")
    if plan.effort_from_heart_rate:
        notes.append(f"effort from heart rate for {plan.effort_from_heart_rate:,}")
    untimed = plan.estimated_minutes - plan.timers
    if untimed:
        notes.append(f"minutes estimated for {untimed:,} (no length recorded)")
    if plan.timers:
        notes.append(
            f"{_count(plan.timers, 'timer')} left running (over 4 hours; "
            f"{'its' if plan.timers == 1 else 'their'} length estimated)"
        )
    if notes:
        text += "; " + "; ".join(notes)
    return text


def bad_row_lines(name: str, plan: ImportPlan) -> list[str]:
    """Each bad row left out (``--skip-bad-rows``) as ``file:line: why``."""
    return [f"{row.where(name)}: {row.why}" for row in plan.bad_rows]
