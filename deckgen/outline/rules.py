"""Rules between values: vote options, table rows, chart series, ids and what names them.

Each rule is declared on its model (``RULES``), checked by the validator once every value of
the mapping is valid on its own, and reported at the node to fix (the ragged row, the short
list). The outline's own rules (unique ids, ``after`` and ``serves`` naming what exists) run on
every load, valid or not, so a file's problems are reported together; they read the ids from
the nodes. Where JSON Schema can express a rule, the rule gives its fragment too, so the
schema ``deckgen schema`` prints says what ``check`` says.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from deckgen.errors import did_you_mean
from deckgen.outline.fieldtypes import ID_PATTERN
from deckgen.outline.textvars import substitute
from deckgen.outline.yamlnodes import STR, YMap, YNode, YScalar, YSeq, is_null
from deckgen.records import record

Report = Callable[[YNode, str], object]
"""Records a problem at a node of the outline."""


def _items(node: YNode | None) -> tuple[YNode, ...]:
    return node.items if isinstance(node, YSeq) else ()


def _vars(values: Any) -> Mapping[str, str]:
    """The ``vars`` an outline's rule substitutes in ids (its values carry them)."""
    found = values.get("vars") if isinstance(values, Mapping) else None
    return found if isinstance(found, Mapping) else {}


def _id_text(node: YNode | None, vars_: Mapping[str, str]) -> str | None:
    """An id as written (``${var}`` substituted), or None when it is not a usable id: a wrong
    type or a bad id is reported by the field's own check, once."""
    if not isinstance(node, YScalar) or node.tag != STR:
        return None
    text, problems = substitute(node.value, vars_)
    text = text.strip()
    return None if problems or not re.fullmatch(ID_PATTERN, text) else text


def _id_nodes(node: YMap, items: str) -> Iterator[YScalar]:
    """The ``id`` node of each item of the list ``items``."""
    for item in _items(node.value(items)):
        id_node = item.value("id") if isinstance(item, YMap) else None
        if isinstance(id_node, YScalar):
            yield id_node


@record(frozen=True)
class Requires:
    """``then`` is given exactly when ``key`` is ``value`` (``options`` belong to a question
    exactly when its ``format`` is ``vote``)."""

    key: str
    value: str
    then: str

    def check(self, node: YMap, value: Any, report: Report) -> bool:
        """Report ``then`` missing where ``key`` asks for it, or given where it does not."""
        key_node, then_node = node.value(self.key), node.value(self.then)
        chosen = isinstance(key_node, YScalar) and key_node.value.strip() == self.value
        given = then_node is not None and not is_null(then_node)
        if chosen and not given:
            assert key_node is not None
            report(key_node, f"{self.key} '{self.value}' needs '{self.then}'; add {self.then}: [..., ...] (a list of choices)")
            return False
        if given and not chosen:
            assert then_node is not None
            report(then_node, f"'{self.then}' is used only with {self.key}: {self.value}; "
                              f"add {self.key}: {self.value} or remove {self.then}")
            return False
        return True

    def schema(self) -> dict[str, Any]:
        """``then`` is required when ``key`` is ``value``, and absent otherwise."""
        chosen = {"properties": {self.key: {"const": self.value}}, "required": [self.key]}
        return {"if": chosen, "then": {"required": [self.then]}, "else": {"not": {"required": [self.then]}}}


@record(frozen=True)
class RowsMatchHeader:
    """Every row of a table has as many cells as its header (JSON Schema cannot compare lengths)."""

    def check(self, node: YMap, table: Any, report: Report) -> bool:
        """Report each ragged row."""
        width = len(table.header)
        ok = True
        for row_node, row in zip(_items(node.value("rows")), table.rows):
            if len(row) != width:
                report(row_node, f"this row has {len(row)} cell(s) but the header has {width}; "
                                 f"give every row {width} cells (\"\" for an empty one)")
                ok = False
        return ok

    def schema(self) -> None:
        """Not expressible: JSON Schema cannot compare two lists' lengths."""
        return None


@record(frozen=True)
class SeriesMatchCategories:
    """Every series has one value per category; a pie has one series, of values not below zero."""

    def check(self, node: YMap, chart: Any, report: Report) -> bool:
        """Report each series of the wrong length, negative pie values and extra pie series."""
        count = len(chart.categories)
        ok = True
        series_nodes = _items(node.value("series"))
        for series_node, series in zip(series_nodes, chart.series):
            values_node = series_node.value("values") if isinstance(series_node, YMap) else None
            where = values_node if values_node is not None else series_node
            if len(series.values) != count:
                report(where, f"series '{series.name}' has {len(series.values)} value(s) but there are {count} "
                              f"categories; give one value per category")
                ok = False
            elif chart.type == "pie" and any(value < 0 for value in series.values):
                report(where, "a pie chart cannot show negative values; use a column or bar chart")
                ok = False
        if chart.type == "pie" and len(chart.series) > 1:
            report(series_nodes[1], "a pie chart shows one series; remove the others or use a column chart")
            ok = False
        return ok

    def schema(self) -> dict[str, Any]:
        """The pie's part (one series, no negative value); equal lengths are not expressible."""
        pie = {"properties": {"type": {"const": "pie"}}, "required": ["type"]}
        one_series = {"maxItems": 1, "items": {"properties": {"values": {"items": {"minimum": 0}}}}}
        return {"if": pie, "then": {"properties": {"series": one_series}}}


@record(frozen=True)
class UniqueIds:
    """No two items of the list ``items`` share an ``id``; ``reserved`` is no item's id, since it
    already means something (``after: start`` opens the session)."""

    items: str
    noun: str
    """What the ids are called in messages: ``section id``."""
    reserved: str = ""
    reserved_meaning: str = ""
    """What the reserved id means, for its message: ``after: start opens the session``."""

    def check(self, node: YMap, value: Any, report: Report) -> bool:
        """Report the reserved id and each id given a second time, at that id."""
        first: dict[str, YScalar] = {}
        ok = True
        for id_node in _id_nodes(node, self.items):
            text = _id_text(id_node, _vars(value))
            if text is None:
                continue
            if text == self.reserved:
                report(id_node, f"'{text}' is reserved ({self.reserved_meaning}); choose another {self.noun}")
                ok = False
            elif text in first:
                report(id_node, f"duplicate {self.noun} '{text}' (first at line {first[text].position.line}); "
                                "ids must be unique")
                ok = False
            else:
                first[text] = id_node
        return ok

    def schema(self) -> None:
        """Not expressible: JSON Schema's ``uniqueItems`` compares whole items, not one key of them."""
        return None


@record(frozen=True)
class RefersTo:
    """Each ``key`` of the items of ``items`` (one id, or a list of ids) names an item of
    ``target`` by its ``id``, or is ``also`` (``after: start``)."""

    items: str
    key: str
    target: str
    noun: str
    """What a valid value is called in messages: ``section id``."""
    none_hint: str
    """How to fix a value when ``target`` has no ids at all; ``{value}`` is the value."""
    also: str = ""

    def check(self, node: YMap, value: Any, report: Report) -> bool:
        """Report each value that names no item of ``target``, with a did-you-mean."""
        vars_ = _vars(value)
        ids = [text for id_node in _id_nodes(node, self.target)
               if (text := _id_text(id_node, vars_)) is not None and text != self.also]
        ok = True
        for value_node in self._value_nodes(node):
            text = _id_text(value_node, vars_)
            if text is None or text in ids or text == self.also:
                continue
            report(value_node, self._message(text, ids))
            ok = False
        return ok

    def _value_nodes(self, node: YMap) -> Iterator[YNode]:
        for item in _items(node.value(self.items)):
            value = item.value(self.key) if isinstance(item, YMap) else None
            yield from value.items if isinstance(value, YSeq) else (value,) if value is not None else ()

    def _message(self, text: str, ids: list[str]) -> str:
        if not ids:
            return f"'{text}' is not {_article(self.noun)} {self.noun}; {self.none_hint.format(value=text)}"
        choices = [*dict.fromkeys(ids), *([self.also] if self.also else [])]
        listed = ", ".join(dict.fromkeys(ids)) + (f", or {self.also}" if self.also else "")
        return f"'{text}' is not {_article(self.noun)} {self.noun}{did_you_mean(text, choices)}; ids: {listed}"

    def schema(self) -> None:
        """Not expressible: JSON Schema cannot compare a value with values elsewhere in the document."""
        return None


def _article(noun: str) -> str:
    return "an" if noun[:1] in "aeiou" else "a"
