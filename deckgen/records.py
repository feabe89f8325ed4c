"""Value semantics for deckgen's frozen dataclasses, written once instead of once per class.

``@dataclass`` writes ``__eq__``, ``__hash__`` and ``__repr__`` for every class by compiling
generated source text when the class is defined. For the ~70 classes that ``deckgen check``
imports that compiling was about a quarter of the command's time. A class declared

    @dataclass(frozen=True, eq=False, repr=False)
    class Point(Record):

gets those three methods from :class:`Record` instead, and behaves exactly as with
``@dataclass(frozen=True)``: instances are equal when of the same class with equal compared
fields (``field(compare=False)`` fields are left out), hash by the fields ``@dataclass``
would hash, and show as ``Point(claim='...', evidence=(...))``. ``dataclasses.fields``,
``replace`` and pickling are unchanged: the class is still a dataclass.

Only for frozen classes: a mutable dataclass with ``eq=True`` is unhashable, and a Record is not.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from operator import attrgetter
from reprlib import recursive_repr
from typing import Any

_Getter = Callable[[Any], tuple[Any, ...]]

_COMPARED: dict[type, _Getter] = {}
_HASHED: dict[type, _Getter] = {}
_SHOWN: dict[type, tuple[str, ...]] = {}


def _getter(names: tuple[str, ...]) -> _Getter:
    """A function returning the named attributes as a tuple (always a tuple, as ``@dataclass``
    compares and hashes ``(self.a,)`` for a class of one field)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        single = attrgetter(names[0])
        return lambda record: (single(record),)
    return lambda record: ()


def _compared(cls: type) -> _Getter:
    getter = _COMPARED.get(cls)
    if getter is None:
        getter = _COMPARED[cls] = _getter(tuple(f.name for f in dataclasses.fields(cls) if f.compare))
    return getter


def _hashed(cls: type) -> _Getter:
    getter = _HASHED.get(cls)
    if getter is None:  # as @dataclass decides: field(hash=...) when given, else field(compare=...)
        names = tuple(f.name for f in dataclasses.fields(cls) if (f.compare if f.hash is None else f.hash))
        getter = _HASHED[cls] = _getter(names)
    return getter


def _shown(cls: type) -> tuple[str, ...]:
    names = _SHOWN.get(cls)
    if names is None:
        names = _SHOWN[cls] = tuple(f.name for f in dataclasses.fields(cls) if f.repr)
    return names


class Record:
    """Base of a frozen dataclass declared with ``eq=False, repr=False``: the ``__eq__``,
    ``__hash__`` and ``__repr__`` that ``@dataclass(frozen=True)`` would have generated."""

    __slots__ = ()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            compared = _compared(self.__class__)
            return compared(self) == compared(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_hashed(self.__class__)(self))

    @recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in _shown(self.__class__))
        return f"{self.__class__.__qualname__}({shown})"
