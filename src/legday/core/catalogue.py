"""Leg exercises and the traits the rules need.

explosive        E4, G2: cleans, snatches, jumps; the next day may pair with short explosive work.
single_leg       step-ups, split squats: balance work, lighter systemic load.
heavy_compound   squats, deadlifts, leg press: the big loaders.
eccentric_heavy  S7, P5: lowering-focused work (Nordics, RDLs, lunges) leaves the most soreness.

Unknown names never fail: they match the longest known name they contain ("paused back squat" is a back
squat), then a few keywords ("jump", "split"), and otherwise count as generic leg work.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Traits:
    explosive: bool = False
    single_leg: bool = False
    heavy_compound: bool = False
    eccentric_heavy: bool = False
    # False when the name was not recognised and these are the generic defaults.
    known: bool = True


GENERIC = Traits(known=False)

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
    ("jump", _X), ("bound", _X), ("hop", _X), ("plyo", _X), ("clean", _X), ("snatch", _X),
    ("single-leg", _S), ("single leg", _S), ("split", _S), ("lunge", _S), ("step", _S), ("pistol", _S),
    ("squat", _H), ("deadlift", _H), ("press", _H),
    ("nordic", _E), ("eccentric", _E), ("negative", _E), ("tempo", _E),
)


def _normal(name: str) -> str:
    return " ".join(str(name).lower().replace("_", " ").split())


def _from_flags(flags: frozenset[str] | set[str], known: bool = True) -> Traits:
    return Traits(_X in flags, _S in flags, _H in flags, _E in flags, known)


@lru_cache(maxsize=1024)
def traits(name: str) -> Traits:
    """Traits for an exercise name. Never raises: unknown names are generic leg work."""
    key = _normal(name)
    key = _ALIASES.get(key, key)
    if key in _CATALOGUE:
        return _from_flags(_CATALOGUE[key])
    # The longest catalogue name inside what was typed: "paused back squat" -> "back squat".
    padded = f" {key} "
    contained = [n for n in _CATALOGUE if f" {n} " in padded]
    if contained:
        return _from_flags(_CATALOGUE[max(contained, key=len)])
    flags = {flag for word, flag in _KEYWORDS if word in key}
    return _from_flags(flags, known=False) if flags else GENERIC
