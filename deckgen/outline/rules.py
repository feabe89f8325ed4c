"""Cross checks of values that must agree with each other: table rows and chart series.

Run by the validator after a :class:`~deckgen.outline.fieldtypes.Checked` mapping's own
fields passed; each problem is reported at the node to fix (the ragged row, the short list).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from deckgen.outline.yamlnodes import YMap, YNode, YSeq

Report = Callable[[YNode, str], object]
"""Records a problem at a node of the outline."""


def _items(node: YNode | None) -> tuple[YNode, ...]:
    return node.items if isinstance(node, YSeq) else ()


def check_table(node: YMap, table: Any, report: Report) -> bool:
    """Every row has as many cells as the header."""
    width = len(table.header)
    ok = True
    for row_node, row in zip(_items(node.value("rows")), table.rows):
        if len(row) != width:
            report(row_node, f"this row has {len(row)} cell(s) but the header has {width}; "
                             f"give every row {width} cells (\"\" for an empty one)")
            ok = False
    return ok


def check_chart(node: YMap, chart: Any, report: Report) -> bool:
    """Every series has one value per category; a pie has one series of non-negative values."""
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


RULES: dict[str, Callable[[YMap, Any, Report], bool]] = {"table": check_table, "chart": check_chart}
"""Cross checks by the name a :class:`~deckgen.outline.fieldtypes.Checked` field gives."""
