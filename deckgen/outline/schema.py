"""The JSON Schema (draft 2020-12) of the outline, derived from :data:`deckgen.outline.fields.OUTLINE`.

Editors use it for completion and squiggles (VS Code's YAML extension:
``# yaml-language-server: $schema=outline.schema.json``). Because it is generated
from the same field description as the validator, the two agree; the validator
checks more (``${vars}``, images, unique ids, ``after`` and ``serves``), never less.
"""

from __future__ import annotations

from typing import Any

from deckgen.outline import fields as F

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "https://deckgen.readthedocs.io/schema/outline-1.json"
"""Stable identifier of format version 1 (an id, not necessarily fetchable)."""

_SUBSTITUTED = r"\$\{"
"""Text containing ``${`` may only match a pattern after substitution: let it pass."""
_RELATIVE_PATH = r"^(?![/\\]|[A-Za-z]:)"
"""Not absolute (POSIX or Windows); the loader also checks it stays inside the folder."""


def outline_json_schema() -> dict[str, Any]:
    """The JSON Schema of an outline file, as a JSON-ready dict."""
    defs: dict[str, Any] = {}
    root = _object(F.OUTLINE, defs)
    return {
        "$schema": SCHEMA_DIALECT,
        "$id": SCHEMA_ID,
        "title": "deckgen outline",
        **root,
        "$defs": dict(sorted(defs.items())),
    }


def _schema(ftype: F.FieldType, defs: dict[str, Any]) -> dict[str, Any]:
    """The schema of one field type; named objects go to ``defs`` and are referenced."""
    if isinstance(ftype, F.Obj):
        if ftype.title not in defs:
            defs[ftype.title] = {}  # reserve the name first: objects may nest
            defs[ftype.title] = _object(ftype, defs)
        return {"$ref": f"#/$defs/{ftype.title}"}
    if isinstance(ftype, F.ListOf):
        return _list(ftype, defs)
    if isinstance(ftype, F.MapOf):
        return _map(ftype, defs)
    if isinstance(ftype, F.Overrides):
        return _overrides(ftype, defs)
    if isinstance(ftype, F.Evidence):
        return _evidence(ftype.levels)
    return _scalar(ftype)


def _scalar(ftype: F.FieldType) -> dict[str, Any]:
    if isinstance(ftype, F.Text):
        return _text(ftype)
    if isinstance(ftype, F.Choice):
        return {"type": "string", "enum": list(ftype.values)}
    if isinstance(ftype, F.Number):
        return {"type": "number", "minimum" if ftype.zero_ok else "exclusiveMinimum": 0}
    if isinstance(ftype, F.Flag):
        return {"type": "boolean"}
    if isinstance(ftype, F.Clock):
        return {"type": "string", "pattern": F.CLOCK_PATTERN}
    if isinstance(ftype, F.Version):
        return {"type": "integer", "enum": list(ftype.supported)}
    if isinstance(ftype, F.Date):
        return {"type": ["string", "integer"], "minLength": 1, "minimum": 1000, "maximum": 9999}
    if isinstance(ftype, F.ImagePath):
        return {"type": "string", "minLength": 1, "pattern": _RELATIVE_PATH}
    if isinstance(ftype, F.Value):
        return {"type": "number"}
    if isinstance(ftype, F.LayoutName):
        return {"type": "string", "minLength": 1}
    assert isinstance(ftype, F.Scalar)
    return {"type": ["string", "number", "boolean", "null"]}


def _text(ftype: F.Text) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": ["string", "number", "boolean"] if ftype.any_scalar else "string"}
    if not ftype.blank_ok:
        schema["minLength"] = 1
    if ftype.pattern:
        schema["anyOf"] = [{"pattern": ftype.pattern}, {"pattern": _SUBSTITUTED}]
    return schema


def _list(ftype: F.ListOf, defs: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": "array", "items": _schema(ftype.item, defs)}
    if ftype.min_items:
        schema["minItems"] = ftype.min_items
    if ftype.bound is not None:
        schema["maxItems"] = ftype.bound.max_items
    if ftype.unique:
        schema["uniqueItems"] = True
    return schema


def _map(ftype: F.MapOf, defs: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "propertyNames": {"pattern": ftype.key_pattern},
        "additionalProperties": _schema(ftype.value, defs),
    }


def _overrides(ftype: F.Overrides, defs: dict[str, Any]) -> dict[str, Any]:
    """Top-level fields; mappings among them merge, so they may be partial (no ``required``)."""
    fields = [f for f in F.OUTLINE.fields if f.name not in ftype.forbidden]
    properties = {f.name: _partial_property(f, defs) for f in fields}
    return {"type": "object", "properties": properties, "additionalProperties": False}


def _partial_property(field: F.Field, defs: dict[str, Any]) -> dict[str, Any]:
    if not isinstance(field.type, F.Obj):
        return _property(field, defs)
    partial = _object(field.type, defs)
    partial.pop("required", None)
    partial["properties"] = {f.name: _partial_property(f, defs) for f in field.type.fields}
    return {**partial, "description": field.description}


def _evidence(levels: int) -> dict[str, Any]:
    """Bullets up to ``levels`` deep; each list starts with a bullet (a nested list follows one)."""
    bullet: dict[str, Any] = {"type": "string", "minLength": 1}
    schema: dict[str, Any] = {"type": "array", "items": bullet}
    for _ in range(levels - 1):
        schema = {"type": "array", "items": {"anyOf": [bullet, _starts_with_bullet(schema)]}}
    return _starts_with_bullet(schema)


def _starts_with_bullet(schema: dict[str, Any]) -> dict[str, Any]:
    return {**schema, "prefixItems": [{"type": "string"}]}


def _object(obj: F.Obj, defs: dict[str, Any]) -> dict[str, Any]:
    schema: dict[str, Any] = {
        "type": "object",
        "description": obj.description,
        "properties": {f.name: _property(f, defs) for f in obj.fields},
        "additionalProperties": False,
    }
    required = [f.name for f in obj.fields if f.required]
    if required:
        schema["required"] = required
    rules = [fragment for rule in obj.rules if (fragment := rule.schema()) is not None]
    if rules:
        schema["allOf"] = rules
    return schema


def _property(field: F.Field, defs: dict[str, Any]) -> dict[str, Any]:
    schema = _schema(field.type, defs)
    if "$ref" in schema:  # siblings of $ref are allowed in 2020-12
        schema = {"$ref": schema["$ref"]}
    schema = {**schema, "description": field.description}
    if field.default is not None:
        schema["default"] = field.default
    return schema
