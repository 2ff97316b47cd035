"""``Value``: equality, hashing and repr for legday's frozen dataclasses, written once for all of them.

Why: Python 3.11's ``dataclass()`` compiles every method it generates with an ``exec`` of its own, so a
frozen class costs six compilations (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
``__setattr__``, ``__delattr__``). legday defines some forty of them before its first frame, and
those compilations were over half of legday's own import time: about 10 ms of it went to the three
methods this class supplies (measured for issue 18, the cold start).

How: declare the class ``@dataclass(frozen=True, eq=False, repr=False)`` and subclass ``Value``.
``dataclass`` then generates only ``__init__`` and the freezing, and leaves ``__eq__``, ``__hash__``
and ``__repr__`` to this class, which behaves as the generated ones do:

- equal when the other object is of exactly the same class and the fields with ``compare=True``
  are equal, in order (``NotImplemented`` otherwise);
- hashed over the fields with ``hash=True``, or with ``compare=True`` where ``hash`` is not given;
- shown as ``QualName(field=repr, ...)`` over the fields with ``repr=True``, guarded against
  recursion.

The field lists are read once per class, on first use, with ``dataclasses.fields`` (so a subclass
with more fields gets its own). ``tests/core/test_values.py`` holds the behaviour equal to
``dataclass``'s own, and holds every frozen dataclass in legday to this form.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import fields
from operator import attrgetter
from typing import Any

Getter = Callable[[Any], tuple]


def _getter(names: list[str]) -> Getter:
    """A function giving the named attributes as a tuple (attrgetter does the work, in C)."""
    if not names:
        return lambda obj: ()
    if len(names) == 1:
        one = attrgetter(names[0])
        return lambda obj: (one(obj),)
    return attrgetter(*names)


class _Shape:
    """What one class compares, hashes and shows."""

    __slots__ = ("compared", "hashed", "shown")

    def __init__(self, cls: type) -> None:
        own = fields(cls)  # (every Value subclass is a dataclass)
        self.compared = _getter([f.name for f in own if f.compare])
        self.hashed = _getter([f.name for f in own if (f.compare if f.hash is None else f.hash)])
        self.shown = [f.name for f in own if f.repr]


_SHAPES: dict[type, _Shape] = {}


def _shape(cls: type) -> _Shape:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    return shape


class Value:
    """Base of legday's frozen dataclasses: see the module's docstring."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _shape(self.__class__).compared
        return compared(self) == compared(other)

    def __hash__(self) -> int:
        return hash(_shape(self.__class__).hashed(self))

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shape(self.__class__).shown)
        return f"{self.__class__.__qualname__}({shown})"


class MutableValue(Value):
    """Base of legday's mutable dataclasses (``@dataclass(eq=False, repr=False)``): equal and shown
    as a Value, and unhashable, as ``dataclass`` makes a mutable class that compares its fields."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]
