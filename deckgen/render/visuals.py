"""Draw a slide's comparison, table or chart (what a plan's ``compare``/``table``/``chart`` holds).

The chart module is imported only for a slide with a chart: writing a chart's data
workbook needs xlsxwriter (through ``pptx.chart.data``), ~25 ms that decks without charts
need not pay. Tables and comparisons need nothing beyond what every deck loads.
"""

from __future__ import annotations

from typing import Any

from pptx.slide import Slide

from deckgen.plan.slides import SlidePlan
from deckgen.render.columns import fill_compare
from deckgen.render.tables import add_table


def add_visual(slide: Slide, texts: list[Any], plan: SlidePlan, language: str) -> list[Any]:
    """Draw the slide's visual; returns the text placeholders it filled (others stay unused)."""
    if plan.compare is not None:
        return fill_compare(slide, texts, plan.compare, language)
    if plan.table is not None:
        add_table(slide, plan.table, language)
    if plan.chart is not None:
        from deckgen.render.charts import add_chart

        add_chart(slide, plan.chart)
    return []
