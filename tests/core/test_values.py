"""``Value`` and ``MutableValue`` (legday/core/values.py) behave as the methods ``dataclass`` would generate,
and every dataclass in legday uses them (the start-up cost they save is lost by one forgotten
``eq=False``); Textual messages keep Message's own repr and identity."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field

import pytest

import legday
from legday.core.values import MutableValue, Value


class Shared(Value):
    name: str
    sets: int = 3
    note: str = field(default="", compare=False)
    secret: str = field(default="x", repr=False)
    cached: tuple = field(default=(), hash=False)


@dataclass(frozen=True)
class Generated:
    name: str
    sets: int = 3
    note: str = field(default="", compare=False)
    secret: str = field(default="x", repr=False)
    cached: tuple = field(default=(), hash=False)


class Child(Shared):
    extra: int = 0


class One(Value):
    only: int


class Empty(Value):
    pass


class Nest(Value):
    items: list


class Working(MutableValue):
    name: str
    sets: list = field(default_factory=list)
    note: str = field(default="", compare=False)


@dataclass
class WorkingGenerated:
    name: str
    sets: list = field(default_factory=list)
    note: str = field(default="", compare=False)


CASES = [
    dict(name="squat"),
    dict(name="squat", sets=5),
    dict(name="squat", note="felt heavy"),
    dict(name="squat", secret="y"),
    dict(name="squat", cached=(1, 2)),
    dict(name="lunge", sets=5, note="n", secret="s", cached=(3,)),
]


@pytest.mark.parametrize("a", CASES)
@pytest.mark.parametrize("b", CASES)
def test_equality_and_hash_are_dataclass_s_own(a, b):
    assert (Shared(**a) == Shared(**b)) is (Generated(**a) == Generated(**b))
    assert (Shared(**a) != Shared(**b)) is (Generated(**a) != Generated(**b))
    if Generated(**a) == Generated(**b):
        assert hash(Shared(**a)) == hash(Shared(**b))


@pytest.mark.parametrize("a", CASES)
def test_repr_is_dataclass_s_own(a):
    assert repr(Shared(**a)) == repr(Generated(**a)).replace("Generated(", "Shared(", 1)


def test_only_the_same_class_compares_equal():
    # As generated: a subclass, another class with the same fields, or a tuple is never equal.
    assert Shared("squat") != Child("squat")
    assert Child("squat") != Shared("squat")
    assert Shared("squat") != Generated("squat")
    assert Shared.__eq__(Shared("squat"), ("squat", 3)) is NotImplemented
    assert Child("squat", extra=1) != Child("squat", extra=2)
    assert Child("squat", extra=1) == Child("squat", extra=1)
    assert repr(Child("squat", extra=1)) == "Child(name='squat', sets=3, note='', cached=(), extra=1)"


def test_one_field_and_no_fields():
    assert One(1) == One(1) and One(1) != One(2)
    assert hash(One(1)) == hash(One(1))
    assert repr(One(1)) == "One(only=1)"
    assert Empty() == Empty() and hash(Empty()) == hash(Empty())
    assert repr(Empty()) == "Empty()"


@pytest.mark.parametrize("cls", [Shared, Generated])
def test_frozen_as_a_frozen_dataclass(cls):
    value = cls("squat")
    for name in ("sets", "name", "not_a_field"):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(value, name, 4)
        with pytest.raises(dataclasses.FrozenInstanceError):
            delattr(value, name)
    assert value == cls("squat")
    # What does change one: replace() makes a new one, and __post_init__ may set through object.
    assert dataclasses.replace(value, sets=5).sets == 5 and value.sets == 3
    object.__setattr__(value, "sets", 6)
    assert value.sets == 6


class Derived(Value):
    modalities: tuple
    count: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "count", len(self.modalities))


def test_a_value_is_a_dataclass_with_defaults_factories_and_post_init():
    assert dataclasses.is_dataclass(Shared) and not dataclasses.is_dataclass(Value)
    assert [f.name for f in dataclasses.fields(Child)] == [
        "name",
        "sets",
        "note",
        "secret",
        "cached",
        "extra",
    ]
    assert Derived(("bike", "run")).count == 2
    assert Working("a").sets == [] and Working("a").sets is not Working("b").sets
    with pytest.raises(TypeError):
        Shared()  # type: ignore[call-arg]  # (a field without a default is required)


def test_a_recursive_repr_ends():
    items: list = []
    nest = Nest(items)
    items.append(nest)
    assert repr(nest) == "Nest(items=[...])"
    with pytest.raises(TypeError):
        hash(nest)  # (a list field: unhashable, as generated)


def test_a_mutable_value_compares_and_shows_as_generated_and_has_no_hash():
    a, b = Working("squat", [5, 5]), Working("squat", [5, 5], note="other")
    assert a == b and WorkingGenerated("squat", [5, 5]) == WorkingGenerated("squat", [5, 5], note="other")
    b.sets.append(3)
    assert a != b
    assert repr(a) == repr(WorkingGenerated("squat", [5, 5])).replace("WorkingGenerated(", "Working(", 1)
    assert Working.__hash__ is None and WorkingGenerated.__hash__ is None
    with pytest.raises(TypeError):
        hash(a)
    a.name = "lunge"  # (mutable)
    assert a.name == "lunge"


def _legday_dataclasses():
    for info in pkgutil.walk_packages(legday.__path__, "legday."):
        if info.name.startswith(("legday.web", "legday.tui", "legday.__main__")):
            continue  # (Textual and the browser server: their classes are checked by import below)
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                yield value


def _tui_dataclasses():
    from legday.tui import keys, messages
    from legday.tui.widgets import choice, slider, suggestion_pane, week_grid, week_notes

    messages_ = [
        messages.DaySelected,
        choice.Choice.Changed,
        slider.Slider.Changed,
        suggestion_pane.SuggestionPane.Ready,
        week_grid.WeekGrid.Moved,
        week_grid.WeekGrid.Picked,
    ]
    return [keys.Key, suggestion_pane.Block, week_notes.WeekNotes], messages_


def test_every_dataclass_in_legday_is_a_value_or_a_mutable_value():
    values, messages = _tui_dataclasses()
    classes = [*_legday_dataclasses(), *values]
    frozen = [cls for cls in classes if issubclass(cls, Value)]
    mutable = [cls for cls in classes if issubclass(cls, MutableValue)]
    others = [cls for cls in classes if cls not in frozen and cls not in mutable]
    assert len(frozen) > 30 and len(mutable) > 10  # (the walk found them)
    # Only the rules' Note is a plain dataclass: compared by identity on purpose (eq=False).
    assert [cls.__qualname__ for cls in others] == ["Note"]
    assert others[0].__eq__ is object.__eq__
    for cls in [*frozen, *mutable]:
        # Nothing generated but __init__: not one decorated @dataclass(...) on top of its base.
        generated = {"__eq__", "__hash__", "__setattr__", "__delattr__"} & set(vars(cls))
        assert not generated, (cls, generated)
        own_repr = vars(cls).get("__repr__")
        assert own_repr is None or not own_repr.__code__.co_filename.endswith("dataclasses.py"), cls
    for message in messages:
        # Never compared; Message's own repr: neither is generated.
        assert message.__eq__ is object.__eq__ and "__repr__" not in vars(message), message
