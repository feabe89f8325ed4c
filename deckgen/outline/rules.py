"""Rules between values of one mapping: vote options, table rows, chart series.

Each rule is declared on its model (``RULES``), checked by the validator once every value of
the mapping is valid on its own, and reported at the node to fix (the ragged row, the short
list). Where JSON Schema can express a rule, the rule gives its fragment too, so the schema
``deckgen schema`` prints says what ``check`` says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from deckgen.outline.yamlnodes import YMap, YNode, YScalar, YSeq, is_null
from deckgen.records import record

Report = Callable[[YNode, str], object]
"""Records a problem at a node of the outline."""


def _items(node: YNode | None) -> tuple[YNode, ...]:
    return node.items if isinstance(node, YSeq) else ()


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
