"""The unit of a file's weights, never guessed silently.

Most exports say their unit (a ``Weight Unit`` column, ``Weight (kg)``, ``weight_lbs``; FIT files
record kilograms). Strong's comma layout (and its exports in other languages) does not. For such a
file, in this order:

1. ``--units kg|lb`` (the app's Units field) decides;
2. else the profile's units, if the person set them (a saved profile) -- unless the loads clearly
   say pounds and the profile says kg: then the import asks;
3. else clear evidence of pounds (below) means pounds, and the summary says so;
4. else the import is refused with one line asking for ``--units kg|lb``.

Clear evidence of pounds, legday's line: at least ``MIN_BARBELL_SETS`` barbell sets, of which at
least a fifth sit on the loads a 45 lb bar makes with pairs of 25 and 45 lb plates (45, 95, 135,
185, 225, 275, 315, 365, 405, 455, 495), and no fewer than sit on the kilogram landmarks (a 20 kg
bar with 10 and 20 kg plates: 20, 40, 60 ... 220). The real pound lifters' files we checked give
31-46 % on the pound loads; the real kilogram files give 0-7 %.

The summary always names the unit and why: ``weights in lb (--units)``.
"""

from __future__ import annotations

from legday.transfer.errors import FileFormatError
from legday.transfer.reading import Reading
from legday.transfer.workouts import Workout, exercise_name, is_leg

LB_MARKS = frozenset({45, 95, 135, 185, 225, 275, 315, 365, 405, 455, 495})
KG_MARKS = frozenset(range(20, 221, 20))
MIN_BARBELL_SETS = 20
ASK = "accepted: --units kg or --units lb"
_BARBELL_LIFTS = (
    "squat",
    "back squat",
    "front squat",
    "deadlift",
    "sumo deadlift",
    "romanian deadlift",
    "bench press",
    "incline bench press",
    "overhead press",
    "power clean",
    "hang clean",
    "clean",
    "snatch",
    "hip thrust",
    "bent over row",
    "barbell row",
    "pendlay row",
    "good morning",
)
_NOT_BARBELL = ("dumbbell", "machine", "cable", "smith", "kettlebell", "band", "plate loaded", "assisted")


def _barbell(name: str) -> bool:
    name = exercise_name(name)
    if any(word in name for word in _NOT_BARBELL):
        return False
    if "barbell" in name:
        return True
    return name.split("(")[0].strip() in _BARBELL_LIFTS


def pound_evidence(workouts: list[Workout]) -> str:
    """Why the loads look like pounds ("" when they do not clearly)."""
    loads = [
        round(s.load, 1)
        for w in workouts
        for s in w.sets
        if s.unit is None and s.load and not s.warmup and _barbell(s.exercise)
    ]
    if len(loads) < MIN_BARBELL_SETS:
        return ""
    pounds = sum(load in LB_MARKS for load in loads)
    kilos = sum(load in KG_MARKS for load in loads)
    if pounds * 5 >= len(loads) and pounds >= kilos:
        return (
            f"{pounds:,} of its {len(loads):,} barbell sets are at 45, 135, 225, 315... lb, the loads "
            "of a 45 lb bar with 25 and 45 lb plates"
        )
    return ""


def resolve(workouts: list[Workout], reading: Reading, given: str | None, profile: str | None) -> str:
    """Give every set whose unit the file does not say one unit, and return the summary's note on
    it. ``given``: --units; ``profile``: the profile's units when the person set them. Raises
    FileFormatError (nothing imported) when the unit cannot be told."""
    name = reading.name
    unknown = [s for w in workouts for s in w.sets if s.unit is None and s.load]
    if not unknown:
        units = sorted({s.unit for w in workouts for s in w.sets if s.load and s.unit})
        return f"weights in {' and '.join(units)} as the file says" if units else "no weights in the file"
    # Only the sets legday may keep need a unit: a file whose leg work is all bodyweight imports
    # without one.
    needed = any(is_leg(s.exercise) or s.category == "legs" or s.leg for s in unknown)
    evidence = pound_evidence(workouts)
    if given is not None:
        unit, why = given, "--units"
    elif profile is not None and not (evidence and profile == "kg"):
        unit, why = profile, "your profile's units" + ("; the loads look like pounds too" if evidence else "")
    elif profile is not None:
        raise FileFormatError(
            name,
            None,
            f"this file does not say its unit and your profile says kg, but its loads look like pounds "
            f"({evidence}); {ASK}",
        )
    elif evidence:
        unit, why = "lb", f"the file does not say; {evidence}"
    elif not needed:
        unit, why = "kg", "no leg work with weights in the file"
    else:
        raise FileFormatError(
            name,
            None,
            "this file does not say whether its weights are kg or lb, and no unit is set in your "
            f"profile; {ASK} (or set it once: legday profile --units kg|lb)",
        )
    for s in unknown:
        s.unit = unit
    for w in workouts:
        for s in w.sets:
            if s.unit is None:
                s.unit = unit
    return f"weights in {unit} ({why})"
