"""Property tests for the exercise parser: whatever a person types, ``parse_exercise`` either returns
an Exercise or raises InputError (whose message the CLI and the form show as is) — never anything else —
and every exercise it can return prints to a line that parses back to the same exercise."""

from __future__ import annotations

import string

from hypothesis import example, given
from hypothesis import strategies as st

from legday.core.errors import InputError
from legday.core.model import Exercise
from legday.core.parse import parse_exercise
from tests.core.hypothesis_profiles import examples

# Bounded so the property tests stay a few seconds on two cores.
SETTINGS = examples(400)

# Text that looks like an exercise line, so hypothesis spends its time near the grammar rather than on
# random noise the regex rejects at once: a name, a sets x reps part, an optional load and unit, and
# stray separators and unicode in between.
_pieces = st.one_of(
    st.text(alphabet=string.ascii_letters + " -'", max_size=12),
    st.integers(min_value=-5, max_value=100_000).map(str),
    st.sampled_from(
        [
            "x",
            "X",
            "×",
            "@",
            "kg",
            "lb",
            "lbs",
            "kgs",
            "KG",
            ".",
            ",",
            " ",
            "\t",
            "\n",
            "5x5",
            "3x8@100kg",
            "@ 60.5 lb",
            "0x0",
            "١٢",
            "٣x٥",
            "²",
            "ǅ",
            "İ",
            "\u00a0",
        ]
    ),
    st.text(max_size=4),
)
exercise_like = st.lists(_pieces, max_size=8).map("".join)


@SETTINGS
@given(
    text=st.one_of(st.text(), exercise_like),
    unit=st.one_of(st.sampled_from(["kg", "lb"]), st.text(max_size=3)),
)
@example(text="back squat 5x5@100kg", unit="kg")
@example(text="squat 5x", unit="kg")
@example(text="squat 0x5", unit="kg")
@example(text="squat 5x5@9999.99kg", unit="kg")
@example(text="squat 5x5@100", unit="stone")
@example(text="   ", unit="kg")
def test_parse_exercise_raises_only_input_error(text: str, unit: str) -> None:
    try:
        exercise = parse_exercise(text, unit)
    except InputError as error:
        # The message must say what was accepted, so a person can fix the line.
        assert "accepted" in str(error)
    else:
        assert isinstance(exercise, Exercise)
        assert exercise.name == exercise.name.strip() and exercise.name


@SETTINGS
@given(text=exercise_like, unit=st.sampled_from(["kg", "lb"]))
def test_whatever_parses_prints_back_to_itself(text: str, unit: str) -> None:
    try:
        exercise = parse_exercise(text, unit)
    except InputError:
        return
    assert parse_exercise(str(exercise), unit) == exercise


# Names a lifter would type: words of letters (any script), hyphens and apostrophes, possibly digits
# inside ("21s curl") — already in the parser's normal form (lower case, single spaces).
_word = st.text(
    alphabet=st.characters(categories=["Ll", "Lu", "Nd"], include_characters="-'"), min_size=1, max_size=10
)
names = (
    st.lists(_word, min_size=1, max_size=4)
    .map(lambda words: " ".join(words).lower())
    .filter(lambda name: " ".join(name.split()) == name and name.lower() == name)
)
loads = st.one_of(
    st.none(),
    st.integers(min_value=0, max_value=2000).map(float),
    st.decimals(min_value=0, max_value=1999, places=2).map(float),
)


@SETTINGS
@given(
    name=names,
    sets=st.integers(min_value=1, max_value=50),
    reps=st.integers(min_value=1, max_value=500),
    load=loads,
    unit=st.sampled_from(["kg", "lb"]),
)
def test_valid_exercises_round_trip(name: str, sets: int, reps: int, load: float | None, unit: str) -> None:
    exercise = Exercise(name, sets, reps, load, unit)
    # Parsed with the other unit as default, so a load's own unit must survive the trip.
    other = "lb" if unit == "kg" else "kg"
    parsed = parse_exercise(str(exercise), other)
    if load is None:
        # Bodyweight lines carry no unit: they take the default, and only that differs.
        assert parsed == Exercise(name, sets, reps, None, other)
    else:
        assert parsed == exercise
