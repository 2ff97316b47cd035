"""``Value`` (legday/core/values.py) behaves as the methods ``dataclass`` would generate, and every frozen
dataclass in legday uses it (the start-up cost it saves is lost by one forgotten ``eq=False``)."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
from dataclasses import dataclass, field

import pytest

import legday
from legday.core.values import Value


@dataclass(frozen=True, eq=False, repr=False)
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


@dataclass(frozen=True, eq=False, repr=False)
class Child(Shared):
    extra: int = 0


@dataclass(frozen=True, eq=False, repr=False)
class One(Value):
    only: int


@dataclass(frozen=True, eq=False, repr=False)
class Empty(Value):
    pass


@dataclass(frozen=True, eq=False, repr=False)
class Nest(Value):
    items: list


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


def test_frozen_still_and_a_recursive_repr_ends():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Shared("squat").sets = 4  # type: ignore[misc]
    items: list = []
    nest = Nest(items)
    items.append(nest)
    assert repr(nest) == "Nest(items=[...])"
    with pytest.raises(TypeError):
        hash(nest)  # (a list field: unhashable, as generated)


def _legday_dataclasses():
    for info in pkgutil.walk_packages(legday.__path__, "legday."):
        if info.name.startswith(("legday.web", "legday.tui", "legday.__main__")):
            continue  # (Textual and the browser server: their classes are checked by import below)
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            if isinstance(value, type) and dataclasses.is_dataclass(value) and value.__module__ == info.name:
                yield value


def _tui_dataclasses():
    from legday.tui import keys
    from legday.tui.widgets import suggestion_pane, week_notes

    return [keys.Key, suggestion_pane.Block, week_notes.WeekNotes]


def test_every_frozen_dataclass_in_legday_uses_value():
    classes = [*_legday_dataclasses(), *_tui_dataclasses()]
    frozen = [cls for cls in classes if cls.__dataclass_params__.frozen]  # type: ignore[attr-defined]
    assert len(frozen) > 30  # (the walk found them)
    for cls in frozen:
        assert issubclass(cls, Value), cls
        # The shared methods, not generated ones (a class may still write its own __repr__).
        assert cls.__eq__ is Value.__eq__, cls
        assert cls.__hash__ is Value.__hash__, cls
        own_repr = vars(cls).get("__repr__")
        assert own_repr is None or not own_repr.__code__.co_filename.endswith("dataclasses.py"), cls
