"""A point's comparison, table and chart in the facilitator guide (Markdown).

The guide shows what the slides show: a comparison as two headed lists, a table as a
Markdown table, a chart as its alt text and its data. Inline formatting passes through.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from deckgen.outline.model import Bullet, Point


def _bullets(items: Sequence[Bullet]) -> Iterator[str]:
    return ("  " * b.level + f"- {b.text}" for b in items)


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def visual_markdown(point: Point) -> list[str]:
    """Markdown lines for the point's comparison, table and chart (none when it has none)."""
    lines: list[str] = []
    if point.compare is not None:
        for column in (point.compare.left, point.compare.right):
            lines += ["", f"**{column.title}**", "", *_bullets(column.items)]
    if point.table is not None:
        table = point.table
        lines += ["", _row(table.header), _row(["---"] * len(table.header)), *(_row(row) for row in table.rows)]
        if table.caption:
            lines += ["", f"_{table.caption}_"]
    if point.chart is not None:
        chart = point.chart
        lines += ["", f"Chart ({chart.type}): {chart.alt}", ""]
        for series in chart.series:
            values = ", ".join(f"{c}: {v:g}" for c, v in zip(chart.categories, series.values))
            lines.append(f"- {series.name} — {values}")
    return lines if point.evidence else lines[1:]
