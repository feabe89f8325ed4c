"""The outline format as data, read from the model's own field declarations.

:data:`OUTLINE` and the objects below are derived from :mod:`deckgen.outline.model`
by :func:`~deckgen.outline.fieldtypes.obj_of`; the validator and the JSON Schema walk
them. The field types are re-exported here so their users need one import.
"""

from __future__ import annotations

from deckgen.outline import model
from deckgen.outline.fieldtypes import (
    BCP47_PATTERN,
    Bound,
    LayoutName,
    Value,
    CLOCK_PATTERN,
    ID_PATTERN,
    URL_PATTERN,
    VAR_PATTERN,
    Choice,
    Clock,
    Date,
    Evidence,
    Field,
    FieldType,
    Flag,
    ImagePath,
    ListOf,
    MapOf,
    Number,
    Obj,
    Overrides,
    Rule,
    Scalar,
    Text,
    Version,
    obj_of,
)

__all__ = [
    "BCP47_PATTERN", "Bound", "CLOCK_PATTERN", "ID_PATTERN", "URL_PATTERN", "VAR_PATTERN", "Choice", "Clock",
    "Date", "Evidence", "Field", "FieldType", "Flag", "ImagePath", "LayoutName", "ListOf", "MapOf", "Number", "Obj",
    "Overrides", "Rule", "Scalar", "Text", "Value", "Version", "OUTLINE", "TEXT",
]

TEXT = Text()
"""Plain text, for values checked as text outside a declared field."""

OUTLINE = obj_of(model.Outline)
"""The whole outline format."""
