"""``@record(frozen=True)``: a frozen dataclass that is cheap to define.

``@dataclass(frozen=True)`` compiles generated source text for six methods of every class
(``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``) when
the class is defined, ~0.15 ms each on a small machine. For the ~70 classes that ``deckgen
check`` imports that was over a quarter of the command's time. :func:`record` makes the same
class with one compiled method, ``__init__`` (its signature is the class's own); the other
five are closures over the class's fields, made without compiling anything.

A record behaves as ``@dataclass(frozen=True)`` does: the same ``__init__`` signature,
defaults and default factories (keyword-only fields after ``KW_ONLY`` included); equal when of
the same class with equal compared fields; hashed by the fields ``@dataclass`` would hash;
shown as ``Point(claim='...', evidence=(...))``; assigning or deleting an attribute raises
:class:`dataclasses.FrozenInstanceError`. It is a dataclass: ``dataclasses.fields``,
``replace``, ``asdict``, pickling and ``match`` work as before. tests/test_records.py holds
records and frozen dataclasses side by side. Type checkers see ``dataclasses.dataclass``.

Only what deckgen's classes use is supported; anything else (``field(init=False)``,
``__post_init__``, a class defining its own ``__eq__``/``__hash__``/``__repr__``/
``__setattr__``/``__delattr__``, dataclass bases) is refused when the class is defined.
"""

from __future__ import annotations

import dataclasses
import inspect
from operator import attrgetter
from reprlib import recursive_repr
from typing import TYPE_CHECKING, Any

__all__ = ["record"]

if TYPE_CHECKING:
    from dataclasses import dataclass as record
else:

    def record(*, frozen: bool) -> Any:
        """The decorator: ``@record(frozen=True)`` (written as for ``@dataclass``, which type checkers see)."""
        if frozen is not True:
            raise TypeError("@record makes frozen dataclasses only: write @record(frozen=True)")
        return _make_record


_OWN = ("__init__", "__eq__", "__hash__", "__repr__", "__setattr__", "__delattr__", "__post_init__")
"""Methods a record writes; a class defining one of them is refused."""


class _Factory:
    """The default of a parameter whose field has a ``default_factory`` (as ``@dataclass``'s)."""

    def __repr__(self) -> str:
        return "<factory>"


_HAS_FACTORY = _Factory()


def _make_record(cls: type) -> type:
    own = [name for name in _OWN if name in cls.__dict__]
    if own:
        raise TypeError(f"@record: {cls.__qualname__} defines {', '.join(own)}; use @dataclass(frozen=True)")
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"@record: {cls.__qualname__} has a dataclass base; use @dataclass(frozen=True)")
    documented = bool(cls.__doc__)
    cls = dataclasses.dataclass(init=False, repr=False, eq=False)(cls)  # the fields, and nothing compiled
    fields = dataclasses.fields(cls)
    if any(not f.init for f in fields):
        raise TypeError(f"@record: {cls.__qualname__} has a field(init=False); use @dataclass(frozen=True)")
    names = tuple(f.name for f in fields)
    methods = {
        "__init__": _init(cls, fields),
        "__repr__": _repr(cls, tuple(f.name for f in fields if f.repr)),
        "__eq__": _eq(_getter(tuple(f.name for f in fields if f.compare))),
        "__hash__": _hash(_getter(tuple(f.name for f in fields if (f.compare if f.hash is None else f.hash)))),
        "__setattr__": _setattr(cls, names),
        "__delattr__": _delattr(cls, names),
    }
    for name, method in methods.items():
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        method.__module__ = cls.__module__
        setattr(cls, name, method)
    params = getattr(cls, "__dataclass_params__")  # what dataclasses reports: as for @dataclass(frozen=True)
    params.init = params.repr = params.eq = params.frozen = True
    if not documented:  # @dataclass documents an undocumented class with its signature
        cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    return cls


def _init(cls: type, fields: tuple[dataclasses.Field[Any], ...]) -> Any:
    """``__init__`` as ``@dataclass(frozen=True)`` writes it (the one method compiled)."""
    params: list[str] = []
    keyword: list[str] = []
    body: list[str] = []
    scope: dict[str, Any] = {"__record_object__": object, "__record_factory__": _HAS_FACTORY}
    seen_default = False
    for f in fields:
        value = f.name
        if f.default_factory is not dataclasses.MISSING:
            scope[f"__record_make_{f.name}__"] = f.default_factory
            default = "=__record_factory__"
            value = f"__record_make_{f.name}__() if {f.name} is __record_factory__ else {f.name}"
        elif f.default is not dataclasses.MISSING:
            scope[f"__record_default_{f.name}__"] = f.default
            default = f"=__record_default_{f.name}__"
        else:
            default = ""
        if f.kw_only:
            keyword.append(f.name + default)
        else:
            if default:
                seen_default = True
            elif seen_default:
                raise TypeError(f"non-default argument {f.name!r} follows default argument")
            params.append(f.name + default)
        body.append(f"  __record_object__.__setattr__(self, {f.name!r}, {value})")
    signature = ", ".join(["self", *params, *(["*", *keyword] if keyword else [])])
    source = (f"def __record_init__({', '.join(scope)}):\n def __init__({signature}):\n"
              + ("\n".join(body) or "  pass") + "\n return __init__")
    namespace: dict[str, Any] = {}
    exec(source, {"__builtins__": __builtins__}, namespace)  # source made of the class's field names only
    init = namespace["__record_init__"](**scope)
    init.__annotations__ = {**{f.name: f.type for f in fields}, "return": None}
    return init


def _getter(names: tuple[str, ...]) -> Any:
    """The named attributes as a tuple (always a tuple: ``@dataclass`` compares ``(self.a,)``)."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        single = attrgetter(names[0])
        return lambda obj: (single(obj),)
    return lambda obj: ()


def _repr(cls: type, shown: tuple[str, ...]) -> Any:
    @recursive_repr()
    def __repr__(self: Any) -> str:
        return f"{self.__class__.__qualname__}({', '.join(f'{name}={getattr(self, name)!r}' for name in shown)})"
    return __repr__


def _eq(compared: Any) -> Any:
    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is self.__class__:
            return bool(compared(self) == compared(other))  # a tuple comparison: a bool already
        return NotImplemented
    return __eq__


def _hash(hashed: Any) -> Any:
    def __hash__(self: Any) -> int:
        return hash(hashed(self))
    return __hash__


def _setattr(cls: type, names: tuple[str, ...]) -> Any:
    owner: Any = cls  # super() of the class itself, as @dataclass's method does

    def __setattr__(self: Any, name: str, value: Any) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(owner, self).__setattr__(name, value)
    return __setattr__


def _delattr(cls: type, names: tuple[str, ...]) -> Any:
    owner: Any = cls

    def __delattr__(self: Any, name: str) -> None:
        if type(self) is cls or name in names:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(owner, self).__delattr__(name)
    return __delattr__
