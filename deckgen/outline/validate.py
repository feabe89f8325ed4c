"""The validator: walks located YAML nodes along the declarative :mod:`deckgen.outline.fields`.

Every check reports into a shared :class:`Context` and goes on, so one run finds
all problems of a file. A failed value becomes :data:`INVALID`; a parent with an
invalid child is itself invalid but still checks its other children. Values that
pass are already model objects (``Point``, ``Bullet`` ...), tuples and strings.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from deckgen.outline import fields as F
from deckgen.errors import Problem, did_you_mean, one_of
from deckgen.outline.images import ImageCheckError, resolve_image
from deckgen.outline.inline import MARKS_SHOWN, MAX_MARKS, MAX_OUTLINE_MARKS, count_marks, markup_problems
from deckgen.outline.model import Bullet, LayoutRef, Position
from deckgen.outline.textvars import MAX_EXPANDED_CHARS, TOO_LONG, substitute
from deckgen.outline.yamlnodes import (
    BOOL,
    FLOAT,
    INT,
    NULL,
    STR,
    TIMESTAMP,
    YBad,
    YMap,
    YNode,
    YScalar,
    YSeq,
    is_null,
)


class _Invalid:
    """Marker for a value that failed validation (already reported)."""

    def __repr__(self) -> str:
        return "INVALID"


INVALID: Final = _Invalid()


@dataclass
class Context:
    """What a validation run knows and collects: file, folder, vars, problems."""

    file: Path | None
    base_dir: Path
    """The outline's folder; image paths are relative to it."""
    vars: Mapping[str, str] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    image_cache: dict[tuple[Path, str], Path | str] = field(default_factory=dict)
    """(folder, raw path) -> resolved path or error message; shared by the audience passes."""
    expanded: int = 0
    """Characters of text produced so far by this pass (bounded by ``MAX_EXPANDED_CHARS``)."""
    marks: int = 0
    """Markdown marks in the texts checked so far by this pass (bounded by ``MAX_OUTLINE_MARKS``)."""

    def report(self, node: YNode | YScalar, message: str) -> _Invalid:
        """Record a problem located at ``node``; return :data:`INVALID` for convenience."""
        self.problems.append(Problem(self.file, node.position.line, node.position.column, message, location=node.path))
        return INVALID

    def report_at(self, path: str, position: Position, message: str) -> _Invalid:
        """Record a problem at an explicit location (a key, a mapping)."""
        self.problems.append(Problem(self.file, position.line, position.column, message, location=path))
        return INVALID


# --------------------------------------------------------------------------- dispatch


def check(node: YNode, ftype: F.FieldType, ctx: Context) -> Any:
    """Validate ``node`` as ``ftype``; return the model value or :data:`INVALID`."""
    if isinstance(node, YBad):
        return INVALID
    match ftype:
        case F.Text():
            return _check_text(node, ftype, ctx)
        case F.Date():
            return _check_date(node, ftype, ctx)
        case F.Number():
            return _check_number(node, ftype, ctx)
        case F.Flag():
            return _check_flag(node, ftype, ctx)
        case F.Clock():
            return _check_clock(node, ftype, ctx)
        case F.Version():
            return _check_version(node, ftype, ctx)
        case F.Choice():
            return _check_choice(node, ftype, ctx)
        case F.Scalar():
            return _check_scalar(node, ftype, ctx)
        case F.ImagePath():
            return _check_image_path(node, ftype, ctx)
        case F.Evidence():
            return _check_evidence(node, ftype, ctx)
        case F.ListOf():
            return _check_list(node, ftype, ctx)
        case F.MapOf():
            return _check_map(node, ftype, ctx)
        case F.Overrides():
            return _check_overrides(node, ftype, ctx)
        case F.Obj():
            return _check_obj(node, ftype, ctx)
        case F.Value():
            return _check_value(node, ftype, ctx)
        case F.LayoutName():
            return _check_layout_name(node, ftype, ctx)


def describe(node: YNode) -> str:
    """What a node is, in user words: ``a list``, ``a number``, ``text``."""
    if isinstance(node, YSeq):
        return "a list"
    if isinstance(node, YMap):
        return "a mapping"
    if isinstance(node, YBad):
        return "an invalid value"
    return _SCALAR_WORDS.get(node.tag, "a value")


_SCALAR_WORDS = {STR: "text", INT: "a number", FLOAT: "a number", BOOL: "a boolean", NULL: "nothing (null)", TIMESTAMP: "a date"}


def _wrong_type(node: YNode, expected: str, ctx: Context) -> _Invalid:
    hint = ""
    if isinstance(node, YScalar) and node.tag in (INT, FLOAT, BOOL):
        hint = f"; quote it: \"{node.value}\""
    value = f" ({node.value})" if isinstance(node, YScalar) and node.tag in (INT, FLOAT, BOOL) else ""
    return ctx.report(node, f"expected {expected}, got {describe(node)}{value}{hint}")


# --------------------------------------------------------------------------- scalars


def _raw_text(node: YNode, ctx: Context, expected: str = "text") -> str | _Invalid:
    """The written text of a string scalar (dates count as text), else a type problem."""
    if isinstance(node, YScalar) and node.tag in (STR, TIMESTAMP):
        return node.value
    return _wrong_type(node, expected, ctx)


def _substituted(node: YScalar, raw: str, ctx: Context) -> str | _Invalid:
    if "${" not in raw:
        return raw
    left = MAX_EXPANDED_CHARS - ctx.expanded
    if left < 0:  # already reported once for this outline
        return INVALID
    text, problems = substitute(raw, ctx.vars, left)
    ctx.expanded += len(text) - len(raw)
    if TOO_LONG in problems:
        ctx.expanded = MAX_EXPANDED_CHARS + 1
    for message in problems:
        ctx.report(node, message)
    return INVALID if problems else text


def _check_text(node: YNode, ftype: F.Text, ctx: Context) -> str | _Invalid:
    if ftype.any_scalar and isinstance(node, YScalar) and node.tag in (INT, FLOAT, BOOL):
        raw: str | _Invalid = node.value
    else:
        raw = _raw_text(node, ctx)
    if isinstance(raw, _Invalid):
        return raw
    assert isinstance(node, YScalar)
    text = _substituted(node, raw, ctx)
    if isinstance(text, _Invalid):
        return text
    text = text.strip()
    if not text and not ftype.blank_ok:
        return ctx.report(node, "must not be empty; give a value or remove the key")
    if ftype.pattern and not re.fullmatch(ftype.pattern, text):
        return ctx.report(node, f"'{text}' is not {ftype.pattern_hint}{_pattern_fix(text, ftype)}")
    return INVALID if _markup_problems(node, text, ctx) else text


TOO_MANY_MARKS = (f"the outline's texts have more than {MAX_OUTLINE_MARKS:,} Markdown marks ({MARKS_SHOWN}) in all "
                  "(the limit for one outline); split it into several outlines")


def _markup_problems(node: YScalar, text: str, ctx: Context) -> bool:
    """Report what keeps ``text``'s inline Markdown off a slide; True when anything does.

    Marks are counted before anything is parsed, in the text and in the whole outline
    (which is reported once, at the text that takes it past the limit).
    """
    marks = count_marks(text)
    if not marks:
        return False
    if marks <= MAX_MARKS:  # a text past its own limit is reported as such, below
        ctx.marks += marks
        if ctx.marks > MAX_OUTLINE_MARKS:
            if ctx.marks - marks <= MAX_OUTLINE_MARKS:
                ctx.report(node, TOO_MANY_MARKS)
            return True
    problems = markup_problems(text, marks)
    for message in problems:
        ctx.report(node, message)
    return bool(problems)


def _pattern_fix(text: str, ftype: F.Text) -> str:
    fixed = text.replace("_", "-").strip()
    if fixed != text and ftype.pattern and re.fullmatch(ftype.pattern, fixed):
        return f" (did you mean '{fixed}'?)"
    return ""


def _check_choice(node: YNode, ftype: F.Choice, ctx: Context) -> str | _Invalid:
    text = _check_text(node, F.TEXT, ctx)
    if isinstance(text, _Invalid) or text in ftype.values:
        return text
    return ctx.report(node, one_of(text, ftype.values))


_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _check_date(node: YNode, ftype: F.Date, ctx: Context) -> str | _Invalid:
    if isinstance(node, YScalar) and node.tag == TIMESTAMP:
        return _iso_date(node, ctx)
    if isinstance(node, YScalar) and node.tag == INT and isinstance(node.native, int) and 1000 <= node.native <= 9999:
        return str(node.native)
    if isinstance(node, YScalar) and node.tag == STR:
        return _check_text(node, F.TEXT, ctx)
    return _wrong_type(node, "a date like 2024-02-20", ctx)


def _iso_date(node: YScalar, ctx: Context) -> str | _Invalid:
    match = _ISO_DATE.fullmatch(node.value)
    if match is None:  # a timestamp with a time of day: keep it as written
        return node.value.strip()
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return ctx.report(node, f"'{node.value}' is not a valid date")


MAX_MINUTES = 10_000
"""Longest time a point, question or session may plan (about a week): sums stay exact."""


def _check_number(node: YNode, ftype: F.Number, ctx: Context) -> float | _Invalid:
    if not (isinstance(node, YScalar) and node.tag in (INT, FLOAT)):
        return _wrong_type(node, "a number of minutes", ctx)
    shown = node.value if len(node.value) <= 20 else f"{node.value[:20]}..."
    try:
        value = float(node.native)  # type: ignore[arg-type]
    except OverflowError:  # an integer of hundreds of digits
        value = math.inf
    if math.isnan(value):
        return ctx.report(node, f"expected a number of minutes, got {shown}")
    if value < 0 and ftype.zero_ok:
        return ctx.report(node, f"must be 0 or more, got {shown}")
    if value <= 0 and not ftype.zero_ok:
        return ctx.report(node, f"must be greater than 0, got {shown}")
    if value > MAX_MINUTES:
        return ctx.report(node, f"must be at most {MAX_MINUTES:,} minutes, got {shown}")
    return value


def _check_flag(node: YNode, ftype: F.Flag, ctx: Context) -> bool | _Invalid:
    if isinstance(node, YScalar) and node.tag == BOOL and isinstance(node.native, bool):
        return node.native
    if isinstance(node, YScalar) and node.tag == STR and node.value.strip().lower() in ("true", "false", "yes", "no"):
        return ctx.report(node, f"expected true or false, got text ('{node.value}'); remove the quotes")
    shown = f" ({node.value})" if isinstance(node, YScalar) and node.tag in (INT, FLOAT, STR) else ""
    return ctx.report(node, f"expected true or false, got {describe(node)}{shown}")


def _check_value(node: YNode, ftype: F.Value, ctx: Context) -> float | _Invalid:
    if not (isinstance(node, YScalar) and node.tag in (INT, FLOAT)):
        return _wrong_type(node, "a number", ctx)
    try:
        value = float(node.native)  # type: ignore[arg-type]
    except OverflowError:
        value = math.inf
    if not math.isfinite(value):
        return ctx.report(node, f"expected a number, got {node.value}")
    return value


def _check_layout_name(node: YNode, ftype: F.LayoutName, ctx: Context) -> LayoutRef | _Invalid:
    """A layout name; whether the template has it is checked when the template is known."""
    name = _check_text(node, F.TEXT, ctx)
    if isinstance(name, _Invalid):
        return name
    return LayoutRef(name, node.position)


def _check_clock(node: YNode, ftype: F.Clock, ctx: Context) -> str | _Invalid:
    """``"14:00"`` or unquoted ``14:00`` (a base-60 number to YAML 1.1): the text as written counts."""
    if not (isinstance(node, YScalar) and node.tag in (STR, INT)):
        return _wrong_type(node, 'a clock time like "14:00"', ctx)
    text = node.value.strip()
    if not re.match(F.CLOCK_PATTERN, text):
        return ctx.report(node, f"'{text}' is not a clock time; write HH:MM on a 24-hour clock, like \"14:00\" or \"09:30\"")
    hours, minutes = text.split(":")
    return f"{int(hours):02d}:{minutes}"


def _check_version(node: YNode, ftype: F.Version, ctx: Context) -> int | _Invalid:
    if not (isinstance(node, YScalar) and node.tag == INT and isinstance(node.native, int)):
        return _wrong_type(node, "a format version number like 1", ctx)
    if node.native not in ftype.supported:
        readable = ", ".join(str(v) for v in ftype.supported)
        return ctx.report(node, f"unsupported format version {node.native}; this deckgen reads version {readable}")
    return node.native


def _check_scalar(node: YNode, ftype: F.Scalar, ctx: Context) -> str | _Invalid:
    if not isinstance(node, YScalar):
        return _wrong_type(node, "a single value (text or number)", ctx)
    return "" if node.tag == NULL else node.value


def _check_image_path(node: YNode, ftype: F.ImagePath, ctx: Context) -> Path | _Invalid:
    raw = _check_text(node, F.TEXT, ctx)
    if isinstance(raw, _Invalid):
        return raw
    key = (ctx.base_dir, raw)
    if key not in ctx.image_cache:
        try:
            ctx.image_cache[key] = resolve_image(raw, ctx.base_dir)
        except ImageCheckError as exc:
            ctx.image_cache[key] = str(exc)
    result = ctx.image_cache[key]
    return ctx.report(node, result) if isinstance(result, str) else result


# --------------------------------------------------------------------------- evidence


def _check_evidence(node: YNode, ftype: F.Evidence, ctx: Context) -> tuple[Bullet, ...] | _Invalid:
    if not isinstance(node, YSeq):
        return _wrong_type(node, "a list of bullets", ctx)
    bullets: list[Bullet] = []
    ok = _collect_bullets(node, 0, ftype.levels, ctx, bullets)
    return tuple(bullets) if ok else INVALID


def _collect_bullets(seq: YSeq, level: int, levels: int, ctx: Context, out: list[Bullet]) -> bool:
    ok = True
    for index, item in enumerate(seq.items):
        if isinstance(item, YSeq):
            ok = _nested_bullets(item, index, level, levels, ctx, out) and ok
            continue
        text = _bullet_text(item, ctx)
        if isinstance(text, _Invalid):
            ok = False
        else:
            out.append(Bullet(text, level, item.position))
    return ok


def _bullet_text(item: YNode, ctx: Context) -> str | _Invalid:
    if isinstance(item, YMap):
        return ctx.report(item, f"expected a bullet (text) or a nested list, got a mapping{_mapping_hint(item)}")
    return check(item, F.TEXT, ctx)  # type: ignore[no-any-return]


def _nested_bullets(item: YSeq, index: int, level: int, levels: int, ctx: Context, out: list[Bullet]) -> bool:
    if index == 0:
        ctx.report(item, "a nested list must follow a bullet; put a bullet before it")
        return False
    if level + 1 >= levels:
        ctx.report(item, f"bullets nest at most {levels} levels deep")
        return False
    return _collect_bullets(item, level + 1, levels, ctx, out)


def _mapping_hint(node: YMap) -> str:
    if len(node.entries) == 1:
        return " (quote the bullet: it contains ': ')"
    return ""


# --------------------------------------------------------------------------- collections


def _check_list(node: YNode, ftype: F.ListOf, ctx: Context) -> tuple[Any, ...] | _Invalid:
    if not isinstance(node, YSeq):
        hint = _list_hint(node, ftype)
        if hint and isinstance(node, YScalar) and node.tag in (INT, FLOAT):  # the hint, not "quote it"
            return ctx.report(node, f"expected a list{hint}, got {describe(node)} ({node.value})")
        return _wrong_type(node, f"a list{hint}", ctx)
    if len(node.items) < ftype.min_items:
        return ctx.report(node, f"needs at least {ftype.min_items} item(s)")
    if ftype.bound is not None and len(node.items) > ftype.bound.max_items:
        return ctx.report(node, ftype.bound.message(len(node.items)))
    values = [check(item, ftype.item, ctx) for item in node.items]
    if any(v is INVALID for v in values):
        return INVALID
    if ftype.unique and not _each_once(node.items, values, ctx):
        return INVALID
    return tuple(values)


def _each_once(items: tuple[YNode, ...], values: list[Any], ctx: Context) -> bool:
    """Report each item equal to an earlier one (``shorter: [45, 45]``); True when there is none."""
    first: dict[Any, YNode] = {}
    ok = True
    for item, value in zip(items, values):
        if value in first:
            shown = f"{value:g}" if isinstance(value, float) else str(value)
            ctx.report(item, f"'{shown}' is given twice (first at line {first[value].position.line}); give each once")
            ok = False
        else:
            first[value] = item
    return ok


def _list_hint(node: YNode, ftype: F.ListOf) -> str:
    if isinstance(node, YScalar) and node.tag == STR and isinstance(ftype.item, F.Text):
        return f" (write [\"{node.value}\"] for a single item)"
    if isinstance(node, YScalar) and node.tag in (INT, FLOAT) and isinstance(ftype.item, F.Number):
        return f" (write [{node.value}] for a single item)"
    return ""


def _check_map(node: YNode, ftype: F.MapOf, ctx: Context) -> dict[str, Any] | _Invalid:
    if not isinstance(node, YMap):
        return _wrong_type(node, "a mapping", ctx)
    values: dict[str, Any] = {}
    for key, (key_node, value_node) in node.entries.items():
        if not re.fullmatch(ftype.key_pattern, key):
            values[key] = ctx.report(key_node, f"'{key}' is not a valid name; use {ftype.key_hint}")
            continue
        values[key] = check_entry(key_node, value_node, ftype, ctx)
    return INVALID if any(v is INVALID for v in values.values()) else values


def check_entry(key_node: YScalar, value_node: YNode, ftype: F.MapOf, ctx: Context) -> Any:
    """Check one value of a :class:`MapOf`; with ``key_attr``, build its model with the key."""
    if not (ftype.key_attr and isinstance(ftype.value, F.Obj)):
        return check(value_node, ftype.value, ctx)
    values = check_fields(value_node, ftype.value, ctx)
    if isinstance(values, _Invalid):
        return values
    return build(ftype.value, {**values, ftype.key_attr: key_node.value}, key_node.position)


def _check_overrides(node: YNode, ftype: F.Overrides, ctx: Context) -> dict[str, Any] | _Invalid:
    """Check an audience's ``set`` keys; its values are validated after the merge."""
    if not isinstance(node, YMap):
        return _wrong_type(node, "a mapping of top-level fields", ctx)
    allowed = tuple(n for n in F.OUTLINE.names if n not in ftype.forbidden)
    problems = len(ctx.problems)
    for key, (key_node, _value) in node.entries.items():
        if key in ftype.forbidden:
            ctx.report(key_node, f"'{key}' cannot be set by an audience")
        elif key not in allowed:
            ctx.report(key_node, f"unknown field{did_you_mean(key, allowed)}; can set: {', '.join(allowed)}")
    if len(ctx.problems) > problems:
        return INVALID
    plain: dict[str, Any] = to_plain(node)
    return plain


def to_plain(node: YNode) -> Any:
    """Plain Python data of a node (strings as written, numbers, lists, dicts)."""
    if isinstance(node, YSeq):
        return [to_plain(item) for item in node.items]
    if isinstance(node, YMap):
        return {key: to_plain(value) for key, (_k, value) in node.entries.items()}
    return node.native if isinstance(node, YScalar) else None


# --------------------------------------------------------------------------- objects


def check_fields(node: YNode, obj: F.Obj, ctx: Context, skip: Iterable[str] = ()) -> dict[str, Any] | _Invalid:
    """Check a mapping against ``obj``: unknown keys, required keys, each value.

    Returns the values keyed by model attribute (fields with ``attr=""`` and
    ``skip`` left out), or :data:`INVALID` after reporting.
    """
    if not isinstance(node, YMap):
        return _wrong_type(node, f"a mapping with {_keys_summary(obj)}", ctx)
    values, ok = field_values(node, obj, ctx, skip)
    return values if ok else INVALID


def field_values(node: YMap, obj: F.Obj, ctx: Context, skip: Iterable[str] = ()) -> tuple[dict[str, Any], bool]:
    """Each value of the mapping ``node`` checked against ``obj`` (:data:`INVALID` where it is
    bad), keyed by model attribute, and whether the mapping is valid as a whole."""
    skipped = set(skip)
    values: dict[str, Any] = {}
    ok = _check_keys(node, obj, ctx)
    for spec in obj.fields:
        value_node = node.value(spec.name)
        if value_node is None or is_null(value_node):
            ok = _check_missing(node, spec, value_node, ctx) and ok
            continue
        if spec.name in skipped:
            continue
        value = check(value_node, spec.type, ctx)
        ok = ok and value is not INVALID
        if spec.target:
            values[spec.target] = value
    return values, ok


def _check_missing(node: YMap, spec: F.Field, value_node: YNode | None, ctx: Context) -> bool:
    if value_node is not None:  # `key:` with nothing after it
        ctx.report(value_node, "has no value; give one or remove the key")
        return False
    if spec.required:
        ctx.report(node, f"missing required key '{spec.name}'")
        return False
    return True


def _check_keys(node: YMap, obj: F.Obj, ctx: Context) -> bool:
    ok = True
    for key, (key_node, _value) in node.entries.items():
        if obj.field(key) is None:
            hint = did_you_mean(key, obj.names)
            ctx.report(key_node, f"unknown key{hint}; allowed keys: {', '.join(obj.names)}")
            ok = False
    return ok


def _keys_summary(obj: F.Obj) -> str:
    required = [f.name for f in obj.fields if f.required]
    return f"{', '.join(required)}" if required else "keys " + ", ".join(obj.names[:3]) + " ..."


def _check_obj(node: YNode, obj: F.Obj, ctx: Context) -> Any:
    values = check_fields(node, obj, ctx)
    if isinstance(values, _Invalid) or obj.model is None:
        return values
    assert isinstance(node, YMap)
    value = build(obj, values, node.position)
    return value if check_rules(node, obj, value, ctx) else INVALID


def check_rules(node: YMap, obj: F.Obj, value: Any, ctx: Context) -> bool:
    """Check ``obj``'s rules between its values (see :class:`deckgen.outline.fieldtypes.Rule`)."""
    results = [rule.check(node, value, ctx.report) for rule in obj.rules]  # every rule reports
    return all(results)


def build(obj: F.Obj, values: dict[str, Any], position: Position) -> Any:
    """Instantiate the model class of ``obj`` from checked values (adding ``position``)."""
    assert obj.model is not None
    names = {f.name for f in dataclasses.fields(obj.model)}
    if "position" in names:
        values = {**values, "position": position}
    return obj.model(**values)
