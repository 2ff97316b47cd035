"""Leg exercises and the traits the rules need.

explosive        E4, G2: cleans, snatches, jumps; the next day may pair with short explosive work.
single_leg       step-ups, split squats: balance work, lighter systemic load.
heavy_compound   squats, deadlifts, leg press: the big loaders.
eccentric_heavy  S7, P5: lowering-focused work (Nordics, RDLs, lunges) leaves the most soreness.

regions          which of quads, hamstrings, glutes and calves the exercise loads hard: the planner spares
                 a region still sore from them (legday's own reading of M2).

Unknown names never fail: they match the longest known name they contain ("paused back squat" is a back
squat), then a few keywords ("jump", "split", "calf"), and otherwise count as generic leg work.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

from legday.core.values import Value


class Traits(Value):
    explosive: bool = False
    single_leg: bool = False
    heavy_compound: bool = False
    eccentric_heavy: bool = False
    # False when the name was not recognised and these are the generic defaults.
    known: bool = True
    # Regions (model.REGIONS) the exercise loads hard; generic leg work is taken to load quads and glutes.
    regions: frozenset[str] = frozenset()


_Q, _HA, _G, _C = "quads", "hamstrings", "glutes", "calves"
GENERIC_REGIONS = frozenset({_Q, _G})
GENERIC = Traits(known=False, regions=GENERIC_REGIONS)

_X, _S, _H, _E = "explosive", "single_leg", "heavy_compound", "eccentric_heavy"

_CATALOGUE: dict[str, frozenset[str]] = {
    name: frozenset(flags)
    for name, flags in {
        # Olympic lifts and their pulls: explosive, and heavy.
        "power clean": (_X, _H),
        "hang clean": (_X, _H),
        "clean": (_X, _H),
        "clean and jerk": (_X, _H),
        "power snatch": (_X, _H),
        "hang snatch": (_X, _H),
        "snatch": (_X, _H),
        "clean pull": (_X, _H),
        "snatch pull": (_X, _H),
        "push press": (_X,),
        "jump squat": (_X,),
        "trap bar jump": (_X,),
        "kettlebell swing": (_X,),
        # Jumps and plyometrics.
        "box jump": (_X,),
        "broad jump": (_X,),
        "depth jump": (_X, _E),
        "drop jump": (_X, _E),
        "tuck jump": (_X,),
        "vertical jump": (_X,),
        "bounding": (_X, _S),
        "single-leg bound": (_X, _S),
        "skater jump": (_X, _S),
        "split jump": (_X, _S),
        # Heavy compounds.
        "back squat": (_H,),
        "front squat": (_H,),
        "squat": (_H,),
        "box squat": (_H,),
        "safety bar squat": (_H,),
        "hack squat": (_H,),
        "goblet squat": (),
        "deadlift": (_H,),
        "sumo deadlift": (_H,),
        "trap bar deadlift": (_H,),
        "leg press": (_H,),
        "belt squat": (_H,),
        "hip thrust": (_H,),
        "good morning": (_H, _E),
        "romanian deadlift": (_H, _E),
        "stiff-leg deadlift": (_H, _E),
        # Single-leg work.
        "bulgarian split squat": (_S, _E),
        "split squat": (_S,),
        "rear foot elevated split squat": (_S, _E),
        "step-up": (_S,),
        "lunge": (_S, _E),
        "walking lunge": (_S, _E),
        "reverse lunge": (_S,),
        "lateral lunge": (_S,),
        "single-leg deadlift": (_S, _E),
        "single-leg romanian deadlift": (_S, _E),
        "pistol squat": (_S,),
        "single-leg squat": (_S,),
        "single-leg leg press": (_S,),
        "cossack squat": (_S,),
        # Eccentric-focused accessories.
        "nordic curl": (_E,),
        "nordic hamstring curl": (_E,),
        "eccentric squat": (_E,),
        "downhill walk": (_E,),
        # Machines and small muscles: generic leg work that we still know by name.
        "leg extension": (),
        "leg curl": (),
        "seated leg curl": (),
        "lying leg curl": (),
        "calf raise": (),
        "seated calf raise": (),
        "hip abduction": (),
        "hip adduction": (),
        "glute bridge": (),
        "sissy squat": (_E,),
        "wall sit": (),
    }.items()
}

EXERCISE_NAMES: tuple[str, ...] = tuple(sorted(_CATALOGUE))

# What each exercise loads hard. Squats and lunges: quads and glutes; hinges: hamstrings and glutes;
# jumps land on the calves and quads; Olympic lifts drive through the whole chain.
_SQUAT, _HINGE, _JUMP = (_Q, _G), (_HA, _G), (_Q, _G, _C)
_LOADS: dict[str, tuple[str, ...]] = {
    "power clean": (_Q, _HA, _G),
    "hang clean": (_Q, _HA, _G),
    "clean": (_Q, _HA, _G),
    "clean and jerk": (_Q, _HA, _G),
    "power snatch": (_Q, _HA, _G),
    "hang snatch": (_Q, _HA, _G),
    "snatch": (_Q, _HA, _G),
    "clean pull": (_HA, _G),
    "snatch pull": (_HA, _G),
    "push press": (_Q,),
    "jump squat": _JUMP,
    "trap bar jump": _JUMP,
    "kettlebell swing": _HINGE,
    "box jump": _JUMP,
    "broad jump": _JUMP,
    "depth jump": _JUMP,
    "drop jump": _JUMP,
    "tuck jump": _JUMP,
    "vertical jump": _JUMP,
    "bounding": _JUMP,
    "single-leg bound": _JUMP,
    "skater jump": _JUMP,
    "split jump": _JUMP,
    "back squat": _SQUAT,
    "front squat": _SQUAT,
    "squat": _SQUAT,
    "box squat": _SQUAT,
    "safety bar squat": _SQUAT,
    "hack squat": (_Q,),
    "goblet squat": _SQUAT,
    "deadlift": (_Q, _HA, _G),
    "sumo deadlift": (_Q, _G),
    "trap bar deadlift": (_Q, _G),
    "leg press": (_Q, _G),
    "belt squat": _SQUAT,
    "hip thrust": (_G,),
    "good morning": _HINGE,
    "romanian deadlift": _HINGE,
    "stiff-leg deadlift": _HINGE,
    "bulgarian split squat": _SQUAT,
    "split squat": _SQUAT,
    "rear foot elevated split squat": _SQUAT,
    "step-up": _SQUAT,
    "lunge": _SQUAT,
    "walking lunge": _SQUAT,
    "reverse lunge": _SQUAT,
    "lateral lunge": _SQUAT,
    "single-leg deadlift": _HINGE,
    "single-leg romanian deadlift": _HINGE,
    "pistol squat": _SQUAT,
    "single-leg squat": _SQUAT,
    "single-leg leg press": (_Q, _G),
    "cossack squat": _SQUAT,
    "nordic curl": (_HA,),
    "nordic hamstring curl": (_HA,),
    "eccentric squat": (_Q,),
    "downhill walk": (_Q,),
    "leg extension": (_Q,),
    "leg curl": (_HA,),
    "seated leg curl": (_HA,),
    "lying leg curl": (_HA,),
    "calf raise": (_C,),
    "seated calf raise": (_C,),
    "hip abduction": (_G,),
    "hip adduction": (),
    "glute bridge": (_G,),
    "sissy squat": (_Q,),
    "wall sit": (_Q,),
}

# Words that give the regions away in a name legday doesn't know, checked in this order.
_REGION_WORDS = (
    ("calf", (_C,)),
    ("jump", _JUMP),
    ("hop", _JUMP),
    ("bound", _JUMP),
    ("plyo", _JUMP),
    ("nordic", (_HA,)),
    ("curl", (_HA,)),
    ("hamstring", (_HA,)),
    ("deadlift", _HINGE),
    ("hinge", _HINGE),
    ("rdl", _HINGE),
    ("extension", (_Q,)),
    ("quad", (_Q,)),
    ("glute", (_G,)),
    ("thrust", (_G,)),
    ("bridge", (_G,)),
    ("squat", _SQUAT),
    ("lunge", _SQUAT),
    ("split", _SQUAT),
    ("step", _SQUAT),
    ("press", (_Q, _G)),
)

# Spelling variants people type; mapped before lookup.
_ALIASES = {
    "rdl": "romanian deadlift",
    "sldl": "stiff-leg deadlift",
    "bss": "bulgarian split squat",
    "rfess": "rear foot elevated split squat",
    "step up": "step-up",
    "stepup": "step-up",
    "single leg deadlift": "single-leg deadlift",
    "single leg rdl": "single-leg romanian deadlift",
    "single-leg rdl": "single-leg romanian deadlift",
    "nordics": "nordic curl",
    "squats": "squat",
    "lunges": "lunge",
    "deadlifts": "deadlift",
    "hip thrusts": "hip thrust",
    "box jumps": "box jump",
    "c&j": "clean and jerk",
}

# Last resort for names we don't know: words that give a trait away.
_KEYWORDS = (
    ("jump", _X),
    ("bound", _X),
    ("hop", _X),
    ("plyo", _X),
    ("clean", _X),
    ("snatch", _X),
    ("single-leg", _S),
    ("single leg", _S),
    ("split", _S),
    ("lunge", _S),
    ("step", _S),
    ("pistol", _S),
    ("squat", _H),
    ("deadlift", _H),
    ("press", _H),
    ("nordic", _E),
    ("eccentric", _E),
    ("negative", _E),
    ("tempo", _E),
)


def _normal(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").split())


def _from_flags(
    flags: frozenset[str] | set[str], known: bool = True, regions: frozenset[str] = GENERIC_REGIONS
) -> Traits:
    return Traits(_X in flags, _S in flags, _H in flags, _E in flags, known, regions)


def _regions_by_word(key: str) -> frozenset[str]:
    for word, regions in _REGION_WORDS:
        if word in key:
            return frozenset(regions)
    return GENERIC_REGIONS


@lru_cache(maxsize=1024)
def traits(name: str) -> Traits:
    """Traits for an exercise name. Never raises: unknown names are generic leg work."""
    key = _normal(name)
    key = _ALIASES.get(key, key)
    if key in _CATALOGUE:
        return _from_flags(_CATALOGUE[key], regions=frozenset(_LOADS[key]))
    # The longest catalogue name inside what was typed: "paused back squat" -> "back squat".
    padded = f" {key} "
    contained = [n for n in _CATALOGUE if f" {n} " in padded]
    if contained:
        best = max(contained, key=len)
        return _from_flags(_CATALOGUE[best], regions=frozenset(_LOADS[best]))
    flags = {flag for word, flag in _KEYWORDS if word in key}
    regions = _regions_by_word(key)
    return (
        _from_flags(flags, known=False, regions=regions) if flags or regions != GENERIC_REGIONS else GENERIC
    )


def regions_loaded(names: Iterable[str]) -> frozenset[str]:
    """The regions a session of these exercises loads hard (legday's reading, see ``_LOADS``)."""
    out: set[str] = set()
    for name in names:
        out |= traits(name).regions
    return frozenset(out)
