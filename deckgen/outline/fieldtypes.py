"""The vocabulary of the outline format: field types, and how a model field declares itself.

Each model dataclass in :mod:`deckgen.outline.model` declares its YAML fields once, with
:func:`declared` (type, description, required, YAML name); :func:`obj_of` reads those
declarations back as an :class:`Obj`, from which the validator and the JSON Schema are
derived (the idea of mkdocs' ``config_options``). Adding a field is one edit in the model.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any, Protocol, Union

from deckgen.records import record

FORMAT_VERSION = 1
"""The outline format version this deckgen writes and reads (``deckgen: 1``)."""
MAX_EVIDENCE_LEVELS = 3
"""Evidence nests at most this deep (a bullet, a sub-bullet, a sub-sub-bullet)."""

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_-]*$"
"""Section ids and audience names: they end up in file names and cross references."""
VAR_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]*$"
"""``vars`` names, used as ``${name}``."""
BCP47_PATTERN = (
    r"^[A-Za-z]{2,3}(-[A-Za-z]{4})?(-(?:[A-Za-z]{2}|[0-9]{3}))?"
    r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-x(-[A-Za-z0-9]{1,8})+)?$"
)
"""A practical subset of BCP-47: language[-Script][-REGION][-variant...][-x-private]."""
URL_PATTERN = r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s]+$"
"""Anything with a scheme (``https:``, ``doi:``, ``mailto:``) and no spaces."""
CLOCK_PATTERN = r"^([01]?[0-9]|2[0-3]):[0-5][0-9]$"
"""A 24-hour clock time, ``HH:MM`` (``9:30`` and ``09:30`` alike)."""


@record(frozen=True)
class Text:
    """A string; ``${var}`` substitution applies. Blank only when ``blank_ok``."""

    blank_ok: bool = False
    pattern: str | None = None
    """A regular expression the (substituted) text must match."""
    pattern_hint: str = ""
    """What the pattern means, for messages (``a BCP-47 language tag like en or zh-CN``)."""
    any_scalar: bool = False
    """Also take numbers and booleans, as written: vote options ``[Yes, No, 50]`` need no quotes."""


@record(frozen=True)
class Date:
    """A date as written: ``2024-02-20`` (stored as ISO text), ``2024-06``, ``2024`` or free text."""


@record(frozen=True)
class Number:
    """A positive, finite number of minutes (int or float); stored as float."""

    zero_ok: bool = False
    """Also take 0: ``buffer: 0`` or ``opening: 0`` plan no time, a point's ``minutes: 0`` is a mistake."""


@record(frozen=True)
class Flag:
    """``true`` or ``false`` (YAML's ``yes``/``no`` too); stored as bool."""


@record(frozen=True)
class Clock:
    """A 24-hour clock time ``HH:MM``, stored as text ``"14:00"``.

    YAML 1.1 reads an unquoted ``14:00`` as the number 840 (base 60); the written text
    is what counts, so quoting is optional.
    """


@record(frozen=True)
class Version:
    """The ``deckgen:`` format version: an integer this deckgen understands."""

    supported: tuple[int, ...] = (FORMAT_VERSION,)


@record(frozen=True)
class Choice:
    """One of a fixed set of strings."""

    values: tuple[str, ...]


@record(frozen=True)
class Scalar:
    """Any scalar (string, number, boolean), used as text: the values of ``vars``."""


@record(frozen=True)
class ImagePath:
    """A path relative to the outline's folder, to a readable image inside that folder."""


@record(frozen=True)
class Evidence:
    """Bullets: strings, where a nested list (after a bullet) is one level deeper."""

    levels: int = MAX_EVIDENCE_LEVELS


@record(frozen=True)
class Value:
    """A finite number of any sign (a chart's data point); stored as float."""


@record(frozen=True)
class LayoutName:
    """The name of a layout of the template; stored with its position, since only the
    template (known at build time) can tell whether it exists."""


@record(frozen=True)
class Bound:
    """The most items a list may hold, and what to say when it holds more: deckgen's work
    (and the slide) grows with each item, and past this no slide is readable anyway."""

    max_items: int
    noun: str
    """What the items are, plural: ``columns``."""
    owner: str
    """What holds them: ``a table``."""
    hint: str
    """How to fix it: ``split it into two tables``."""

    def message(self, count: int) -> str:
        """The problem of a list of ``count`` items (more than :attr:`max_items`)."""
        return f"has {count:,} {self.noun}; {self.owner} may have at most {self.max_items:,}; {self.hint}"


@record(frozen=True)
class ListOf:
    """A list of items of one type; stored as a tuple."""

    item: FieldType
    min_items: int = 0
    bound: Bound | None = None
    """The most items allowed (None: only the outline's own limits apply)."""
    unique: bool = False
    """No item may be given twice (``shorter: [45, 45]`` would make two equal runs)."""


@record(frozen=True)
class MapOf:
    """A mapping with free keys (matching ``key_pattern``) and values of one type."""

    value: FieldType
    key_pattern: str
    key_hint: str
    key_attr: str | None = None
    """When set, each built value gets its key as this keyword (``Audience(name=...)``)."""


@record(frozen=True)
class Overrides:
    """An audience's ``set``: any top-level fields of :data:`OUTLINE` except ``forbidden``."""

    forbidden: tuple[str, ...] = ("deckgen", "audiences")


@record(frozen=True)
class Field:
    """One key of a mapping in the outline."""

    name: str
    type: FieldType
    description: str
    required: bool = False
    default: object = None
    """Documented default (schema only); the model's own default is what applies."""
    attr: str | None = None
    """Name of the model attribute when it differs; ``""`` for "not stored in the model"."""

    @property
    def target(self) -> str:
        """The model keyword this field is stored under."""
        return self.name if self.attr is None else self.attr


class Rule(Protocol):
    """A check between several values of one mapping (``options`` exactly when ``format: vote``,
    every table row as wide as its header), run once each value is valid on its own; each
    problem is reported at the node to fix. Where JSON Schema can say it too, :meth:`schema`
    gives the fragment, so editors flag the mistake as it is typed."""

    def check(self, node: Any, value: Any, report: Callable[[Any, str], object]) -> bool:
        """Whether ``value`` (built from the mapping ``node``) keeps the rule; reports each problem."""
        ...

    def schema(self) -> dict[str, Any] | None:
        """The rule as a JSON Schema (an ``allOf`` member of the mapping's schema), or None."""
        ...


@record(frozen=True)
class Obj:
    """A mapping with a fixed set of keys; unknown keys are errors."""

    title: str
    fields: tuple[Field, ...]
    description: str
    model: type | None = None
    rules: tuple[Rule, ...] = ()
    """Rules between values, checked after each value is valid on its own (see :class:`Rule`)."""

    def field(self, name: str) -> Field | None:
        """The field called ``name``, or None."""
        return next((f for f in self.fields if f.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        """The allowed keys, in documentation order."""
        return tuple(f.name for f in self.fields)


FieldType = Union[Text, Date, Number, Flag, Clock, Version, Choice, Scalar, ImagePath, Evidence, ListOf, MapOf, Overrides,
                  Obj, Value, LayoutName]


_SPEC = "deckgen.field"
"""The key of a dataclass field's metadata that holds its :class:`Field` declaration."""


def declared(
    ftype: FieldType, description: str, *, required: bool = False, yaml: str | None = None,
    default: Any = dataclasses.MISSING, default_factory: Any = dataclasses.MISSING,
) -> Any:
    """A model field that is also an outline key: its type, description and YAML name.

    A required field has no default; an optional one defaults to ``default`` (``None``
    unless given) or ``default_factory``. ``yaml`` names the key when it differs from the
    attribute (``deckgen:`` is stored as ``version``).
    """
    spec = _Declaration(ftype, description, required, yaml)
    if required:
        return dataclasses.field(metadata={_SPEC: spec})
    if default_factory is not dataclasses.MISSING:
        return dataclasses.field(default_factory=default_factory, metadata={_SPEC: spec})
    return dataclasses.field(default=None if default is dataclasses.MISSING else default, metadata={_SPEC: spec})


@record(frozen=True)
class _Declaration:
    """What :func:`declared` records in a model field's metadata."""

    ftype: FieldType
    description: str
    required: bool
    yaml: str | None


def obj_of(model: type) -> Obj:
    """The :class:`Obj` a model dataclass declares: its outline keys, in declaration order."""
    fields = tuple(_field(f) for f in dataclasses.fields(model) if _SPEC in f.metadata)
    description = (model.__doc__ or "").strip().splitlines()[0]
    rules: tuple[Rule, ...] = getattr(model, "RULES", ())
    return Obj(model.__name__, fields, description, model, rules)


def _field(model_field: dataclasses.Field[Any]) -> Field:
    spec: _Declaration = model_field.metadata[_SPEC]
    default = model_field.default
    documented = default if isinstance(default, (int, float, str)) and default != "" else None
    name = spec.yaml or model_field.name
    return Field(name, spec.ftype, spec.description, spec.required, documented, None if name == model_field.name else model_field.name)
