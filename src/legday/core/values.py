"""``Value`` and ``MutableValue``: the bases of legday's dataclasses, built for a fast start.

A class that subclasses one of them *is* a dataclass (``__init_subclass__`` applies ``dataclass`` to
it; type checkers know through ``dataclass_transform``)::

    class Reason(Value):          # frozen, compared, hashed and shown by its fields
        id: str
        text: str

    class Draft(MutableValue):    # mutable, compared and shown by its fields, unhashable
        minutes: int = 0

Why not ``@dataclass(frozen=True)``: Python 3.11's ``dataclass()`` compiles every method it generates
with an ``exec`` of its own, six for a frozen class (``__init__``, ``__repr__``, ``__eq__``,
``__hash__``, ``__setattr__``, ``__delattr__``). legday defines some fifty dataclasses before its
first frame, and those compilations were over half of its own import time (25 of 45 ms; issue 18,
the cold start). Here ``dataclass`` generates ``__init__`` alone; the other five are written once,
below, and behave as the generated ones do:

- equal when the other object is of exactly the same class and the fields with ``compare=True``
  are equal, in order (``NotImplemented`` otherwise);
- hashed over the fields with ``hash=True``, or with ``compare=True`` where ``hash`` is not given
  (a Value; a MutableValue is unhashable);
- shown as ``QualName(field=repr, ...)`` over the fields with ``repr=True``, guarded against
  recursion;
- a Value is frozen: once ``__init__`` has set a field, assigning or deleting it raises
  ``FrozenInstanceError``, and so does setting any attribute that is not a field.
  (``object.__setattr__`` in ``__post_init__`` still works, as it does on a frozen dataclass.)

The field lists are read once per class, on first use, with ``dataclasses.fields``.
``tests/core/test_values.py`` holds all this equal to ``dataclass``'s own behaviour, and every
dataclass in legday to these bases.
"""

from __future__ import annotations

import reprlib
from collections.abc import Callable
from dataclasses import Field, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import Any, dataclass_transform

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
        own = fields(cls)  # (every subclass of the bases is a dataclass)
        self.compared = _getter([f.name for f in own if f.compare])
        self.hashed = _getter([f.name for f in own if (f.compare if f.hash is None else f.hash)])
        self.shown = [f.name for f in own if f.repr]


_SHAPES: dict[type, _Shape] = {}


def _shape(cls: type) -> _Shape:
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _Shape(cls)
    return shape


class _Fields:
    """Equality and repr by the fields, shared by both bases."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        compared = _shape(self.__class__).compared
        return compared(self) == compared(other)

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shape(self.__class__).shown)
        return f"{self.__class__.__qualname__}({shown})"


@dataclass_transform(frozen_default=True, field_specifiers=(field, Field))
class Value(_Fields):
    """Base of legday's frozen dataclasses: see the module's docstring."""

    __slots__ = ()
    __dataclass_fields__: dict[str, Field]  # (set on every subclass by dataclass)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(eq=False, repr=False)(cls)  # (__init__ only: the rest is here)

    def __hash__(self) -> int:
        return hash(_shape(self.__class__).hashed(self))

    def __setattr__(self, name: str, value: object) -> None:
        # Each field once, as __init__ sets it; nothing after (the generated __init__ of a
        # non-frozen dataclass assigns through here). Written to the instance's dict directly:
        # a field is a plain attribute, and this keeps building one as quick as a frozen
        # dataclass's object.__setattr__ calls.
        own = self.__dict__
        if name in own or name not in self.__dataclass_fields__:
            raise FrozenInstanceError(f"cannot assign to field {name!r}")
        own[name] = value

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")


@dataclass_transform(field_specifiers=(field, Field))
class MutableValue(_Fields):
    """Base of legday's mutable dataclasses: see the module's docstring."""

    __slots__ = ()
    __hash__ = None  # type: ignore[assignment]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclass(eq=False, repr=False)(cls)
