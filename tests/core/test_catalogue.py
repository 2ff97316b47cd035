"""The exercise catalogue: traits for known names, sensible guesses for variants, never an error."""

from __future__ import annotations

import pytest

from legday.core.catalogue import EXERCISE_NAMES, GENERIC, traits


@pytest.mark.parametrize("name", ["power clean", "snatch", "box jump", "depth jump", "broad jump"])
def test_explosive_lifts_and_jumps(name):
    assert traits(name).explosive and traits(name).known


@pytest.mark.parametrize("name", ["step-up", "bulgarian split squat", "single-leg deadlift", "lunge"])
def test_single_leg_work(name):
    assert traits(name).single_leg


@pytest.mark.parametrize("name", ["back squat", "deadlift", "leg press", "front squat"])
def test_heavy_compounds(name):
    t = traits(name)
    assert t.heavy_compound and not t.explosive


@pytest.mark.parametrize("name", ["nordic curl", "romanian deadlift", "walking lunge"])
def test_eccentric_heavy(name):
    assert traits(name).eccentric_heavy


def test_case_spacing_and_aliases():
    assert traits("  Power   CLEAN ") == traits("power clean")
    assert traits("RDL") == traits("romanian deadlift")
    assert traits("step up") == traits("step-up")


def test_variants_match_the_longest_known_name_inside():
    assert traits("paused back squat") == traits("back squat")
    assert traits("deficit romanian deadlift").eccentric_heavy  # not just "deadlift"


def test_unknown_names_fall_back_to_keywords_then_generic():
    hop = traits("lateral hurdle hop")
    assert hop.explosive and not hop.known
    assert traits("zercher thing") == GENERIC
    assert GENERIC == traits("") == traits("???")


def test_exercise_names_for_completion_are_sorted_known_and_cover_each_trait():
    assert list(EXERCISE_NAMES) == sorted(set(EXERCISE_NAMES))
    assert all(traits(n).known for n in EXERCISE_NAMES)
    for trait in ("explosive", "single_leg", "heavy_compound", "eccentric_heavy"):
        assert any(getattr(traits(n), trait) for n in EXERCISE_NAMES), trait
