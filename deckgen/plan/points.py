"""The slides of one point: its evidence slide, then a comparison, a table and a chart.

A point becomes one slide of evidence (with its quote or picture) as before; a point with
``compare``, ``table`` or ``chart`` adds one slide for each, titled with the claim. The
first slide carries the point's notes and the layout the point names (``layout:``).
The drafts here are fitted by :mod:`deckgen.plan.paginate` and :mod:`deckgen.plan.visuals`.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.outline.inline import plain
from deckgen.outline.model import Bullet, Chart, Column, Point
from deckgen.plan.labels import Labels
from deckgen.plan.profile import Box, Role
from deckgen.plan.slides import ChartPlan, ColumnPlan, ComparePlan, Paragraph, SlidePlan, TablePlan

_NO_BOX = Box(0, 0, 0, 0)
"""Geometry of a draft before fitting."""


def _paragraphs(bullets: tuple[Bullet, ...]) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(b.text, b.level) for b in bullets)


def _column(column: Column) -> ColumnPlan:
    return ColumnPlan((Paragraph(column.title, style="plain"),), _paragraphs(column.items), 0.0, 0.0, _NO_BOX)


def chart_notes(chart: Chart) -> str:
    """The chart's data as text for the speaker notes: a screen reader reads the numbers."""
    lines = [plain(chart.alt)]
    for series in chart.series:
        values = ", ".join(f"{plain(c)}: {v:g}" for c, v in zip(chart.categories, series.values))
        lines.append(f"{plain(series.name)} — {values}")
    return "\n".join(lines)


def visual_drafts(point: Point, base: SlidePlan) -> list[SlidePlan]:
    """Unfitted slides of the point's comparison, table and chart, built on ``base``'s title."""
    plain_slide = replace(base, body=(), aside=(), image=None, notes="", layout=None)
    drafts: list[SlidePlan] = []
    if point.compare is not None:
        compare = ComparePlan(_column(point.compare.left), _column(point.compare.right))
        drafts.append(replace(plain_slide, role=Role.COMPARE, compare=compare))
    if point.table is not None:
        table = point.table
        plan = TablePlan(table.header, table.rows, (), (), 0.0, _NO_BOX, table.caption)
        drafts.append(replace(plain_slide, role=Role.TABLE, table=plan, position=table.position))
    if point.chart is not None:
        drafts.append(replace(plain_slide, role=Role.CHART, chart=ChartPlan(point.chart, _NO_BOX),
                              notes=chart_notes(point.chart), position=point.chart.position))
    return drafts


def point_drafts(point: Point, evidence_slide: SlidePlan, labels: Labels) -> list[SlidePlan]:
    """Every unfitted slide of ``point``; ``evidence_slide`` is its slide of evidence, quote, picture."""
    visuals = visual_drafts(point, evidence_slide)
    has_text = bool(point.evidence or point.quote or point.image)
    slides = ([evidence_slide] if has_text or not visuals else []) + visuals
    first = slides[0]
    notes = "\n".join(n for n in (evidence_slide.notes, first.notes if first is not evidence_slide else "") if n)
    slides[0] = replace(first, notes=notes, layout=point.layout.name if point.layout else None)
    return slides
