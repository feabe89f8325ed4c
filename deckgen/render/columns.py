"""A comparison's two columns: in the layout's placeholders, or drawn as text boxes.

With a Comparison layout (four text placeholders) each heading and column has its own
placeholder; with a Two Content layout the heading opens its column in bold; in a
template with neither, two text boxes share the body area, with bullets of their own
(a text box has no list style to give them).
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import Slide
from pptx.util import Emu

from deckgen.plan.profile import Box
from deckgen.plan.slides import ColumnPlan, ComparePlan
from deckgen.render.text import fill_text
from deckgen.render.pptx_compat import text_body

_INDENT = 285750
"""Hanging indent of a drawn bullet (0.3125 in), per level."""


def _bulleted(frame: Any) -> None:
    """Give a text box's bullet paragraphs a bullet and hanging indent, as a body placeholder would."""
    for paragraph in text_body(frame).findall(qn("a:p")):
        properties = paragraph.find(qn("a:pPr"))
        if properties is None:
            properties = etree.Element(qn("a:pPr"))
            paragraph.insert(0, properties)
        if properties.find(qn("a:buNone")) is not None:
            continue
        level = int(properties.get("lvl", "0"))
        properties.set("marL", str(_INDENT * (level + 1)))
        properties.set("indent", str(-_INDENT))
        etree.SubElement(properties, qn("a:buChar"), char="•")


def _text_box(slide: Slide, box: Box) -> Any:
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.text_frame.word_wrap = True
    return shape


def _column_paragraphs(column: ColumnPlan) -> list[Any]:
    return [*column.heading, *column.body]


def fill_compare(slide: Slide, texts: list[Any], plan: ComparePlan, language: str) -> list[Any]:
    """Write both columns; returns the placeholders used (the rest are removed by the writer)."""
    columns = (plan.left, plan.right)
    if plan.placeholders == 4 and len(texts) >= 4:
        for column, heading, body in zip(columns, (texts[0], texts[2]), (texts[1], texts[3])):
            fill_text(heading.text_frame, column.heading, column.heading_size, language)
            fill_text(body.text_frame, column.body, column.size, language)
        return texts[:4]
    if plan.placeholders == 2 and len(texts) >= 2:
        for column, body in zip(columns, texts[:2]):
            fill_text(body.text_frame, _column_paragraphs(column), column.size, language)
        return texts[:2]
    for index, column in enumerate(columns):
        shape = _text_box(slide, column.box)
        shape.name = f"Column {index + 1}"
        fill_text(shape.text_frame, _column_paragraphs(column), column.size, language)
        _bulleted(shape.text_frame)
    return []
