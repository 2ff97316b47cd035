"""Hypothesis strategies for every record legday stores, spanning what the model accepts: any
non-blank names (commas, quotes, unicode; no control characters, which the model refuses), times
with seconds and microseconds, float loads with many decimals, bodyweight exercises in lb, regions
in any order. The store must write each of
them and read it back equal, whichever form (one line or table) it picks."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

from legday.core.model import (
    CARDIO_MODALITIES,
    REGIONS,
    CardioSession,
    CheckIn,
    Exercise,
    Goal,
    LegSession,
    Level,
    Profile,
    Skip,
)

# Any text a name may hold: control characters, bidi controls and line separators are refused by the
# model (legday/core/names.py), so they are left out here.
NAME_CHARACTERS = st.characters(
    exclude_categories=("Cc", "Cs", "Zl", "Zp"),
    exclude_characters="\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
names = st.text(NAME_CHARACTERS, min_size=1, max_size=20).filter(lambda s: s.strip())
# Names a lifter types: letters and spaces, so most records take the one-line form.
WORDS = [
    "back",
    "squat",
    "front",
    "box",
    "jump",
    "leg",
    "press",
    "run",
    "bike",
    "step-up",
    "calf",
    "raise",
    "romanian",
    "deadlift",
    "lunge",
    "row",
    "swim",
    "walk",
    "sled",
    "push",
]
plain_names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=3).map(" ".join)
any_name = st.one_of(plain_names, names)

loads = st.one_of(
    st.none(),
    st.integers(0, 2000),
    st.floats(0, 2000, allow_nan=False),
    st.integers(0, 4000).map(lambda n: n / 2),
)
# A few years around now, plus the odd far date, so months collide and spread.
_near = st.dates(dt.date(2025, 10, 1), dt.date(2026, 3, 31))
dates = st.one_of(_near, _near, _near, st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
times = st.one_of(
    st.builds(dt.time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
    st.times(),
)

exercises = st.builds(
    Exercise, any_name, st.integers(1, 50), st.integers(1, 500), loads, st.sampled_from(["kg", "lb"])
)
legs = st.builds(
    LegSession,
    dates,
    times,
    st.integers(1, 600),
    st.integers(0, 10),
    st.lists(exercises, max_size=7).map(tuple),
)
cardio = st.builds(CardioSession, dates, any_name, st.integers(1, 600), st.integers(0, 10), st.none() | times)
regions = st.lists(
    st.tuples(st.sampled_from(REGIONS), st.integers(0, 10)),
    max_size=4,
    unique_by=lambda pair: pair[0],
).map(tuple)
sleep = st.one_of(st.none(), st.integers(0, 24), st.floats(0, 24, allow_nan=False))
checkins = st.builds(CheckIn, dates, st.integers(0, 10), sleep, st.booleans(), regions)
skips = st.builds(Skip, dates, st.one_of(plain_names, st.text(NAME_CHARACTERS, max_size=10)))
records = st.one_of(legs, cardio, checkins, skips)

profiles = st.builds(
    Profile,
    goal=st.sampled_from(list(Goal)),
    level=st.sampled_from(list(Level)),
    injury_prone=st.booleans(),
    leg_days=st.lists(st.integers(0, 6), unique=True, max_size=7).map(tuple),
    event_date=st.none() | st.dates(),
    units=st.sampled_from(["kg", "lb"]),
    leg_time=times,
    modalities=st.sets(st.sampled_from(CARDIO_MODALITIES), min_size=1).map(
        lambda chosen: tuple(m for m in CARDIO_MODALITIES if m in chosen)
    ),
)


def add(store, record) -> None:
    """Save any record through the method a person's action would use. The same session logged a
    second time is refused (InputError); this passes over that, as a person would."""
    from legday.core.errors import InputError

    if isinstance(record, LegSession | CardioSession):
        try:
            (store.add_legs if isinstance(record, LegSession) else store.add_cardio)(record)
        except InputError as error:
            if "logged already" not in str(error):
                raise
    elif isinstance(record, CheckIn):
        store.set_checkin(record)
    else:
        store.add_skip(record)
