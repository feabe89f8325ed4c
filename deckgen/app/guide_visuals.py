"""A point's comparison, table and chart in the facilitator guide and handout documents.

The guide shows what the slides show: a comparison as two headed lists, a table as a
table, a chart as its alt text and its data. Inline formatting passes through.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from deckgen.app.document import Block, Bullets, Para, Span, Table, outline_text
from deckgen.outline.model import Bullet, Chart, Point, Series
from deckgen.plan.labels import ENGLISH, Labels


def _bullets(items: Sequence[Bullet]) -> Bullets:
    return Bullets(tuple((b.level, (outline_text(b.text),)) for b in items))


def visual_blocks(point: Point, right_to_left: bool = False, labels: Labels = ENGLISH) -> Iterator[Block]:
    """Blocks for the point's comparison, table and chart (none when it has none); a
    comparison's columns in reading order (the right one first, ``right_to_left``); a
    chart named in ``labels``' language."""
    if point.compare is not None:
        columns = (point.compare.left, point.compare.right)
        for column in reversed(columns) if right_to_left else columns:
            yield Para((outline_text(column.title, "strong"),))
            yield _bullets(column.items)
    if point.table is not None:
        table = point.table
        yield Table(tuple(table.header), tuple(tuple(row) for row in table.rows))
        if table.caption:
            yield Para((outline_text(table.caption, "emphasis"),))
    if point.chart is not None:
        chart = point.chart
        kind = labels.chart.format(labels.chart_types.get(chart.type, chart.type))
        yield Para((Span(kind + labels.colon), outline_text(chart.alt)))
        yield Bullets(tuple((0, _series_line(chart, series)) for series in chart.series))


def _series_line(chart: Chart, series: Series) -> tuple[Span, ...]:
    """``Series — category: value, ...``; the labels are outline text, read as the chart reads them."""
    spans = [outline_text(series.name), Span(" — ")]
    for index, (category, value) in enumerate(zip(chart.categories, series.values)):
        spans += [Span(", "), outline_text(category)] if index else [outline_text(category)]
        spans.append(Span(f": {value:g}"))
    return tuple(spans)
