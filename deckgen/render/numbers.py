"""Slide numbers and footers: the placeholders python-pptx leaves off new slides.

python-pptx copies a layout's placeholders to a new slide except its date, footer and
slide-number placeholders (PowerPoint adds those through Insert > Header & Footer). deckgen
numbers every slide but the title slide and writes the deck's footer text, wherever the
slide's layout has a place for them: the bundled layouts and any template that has them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from xml.sax.saxutils import escape

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide, SlideLayout

from deckgen.render.text import fill_plain
from deckgen.render.pptx_compat import shape_tree

Element = Any
"""An lxml element (lxml ships no type information)."""

SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The ``a:fld`` id used when the layout's slide-number placeholder carries no field of its own."""
_PH = f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}"
_C_NV_PR, _FIELD, _TEXT = qn("p:cNvPr"), qn("a:fld"), qn("a:t")
_QUOTE = {"\"": "&quot;"}
_NAMES = {"sldNum": "Slide Number Placeholder", "ftr": "Footer Placeholder"}


@dataclass(frozen=True)
class _Strip:
    """Ready slide placeholders (``p:sp``) for one layout's slide number and footer, to copy."""

    number: Element | None
    footer: Element | None


def _placeholder_of_type(layout: SlideLayout, kind: str) -> Element | None:
    for shape in shape_tree(layout.shapes).iter(qn("p:sp")):
        ph = shape.find(_PH)
        if ph is not None and ph.get("type") == kind:
            return shape
    return None


def _slide_placeholder(layout_shape: Element, shape_id: int) -> Element:
    """An empty slide placeholder inheriting from ``layout_shape`` (same ``p:ph``), no text yet."""
    ph = layout_shape.find(_PH)
    kind = str(ph.get("type"))
    attributes = "".join(f' {name}="{escape(str(value), _QUOTE)}"' for name, value in ph.attrib.items()
                         if name in ("type", "orient", "sz", "idx"))
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{_NAMES[kind]} {shape_id - 1}"/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr><p:ph{attributes}/></p:nvPr></p:nvSpPr>'
        '<p:spPr/><p:txBody><a:bodyPr/><a:lstStyle/></p:txBody></p:sp>')


def _number_paragraph(layout_shape: Element, number: int, language: str) -> Element:
    """``<a:p><a:fld type="slidenum">``: PowerPoint and LibreOffice keep it current when slides move."""
    found = layout_shape.find(f".//{qn('a:fld')}[@type='slidenum']")
    field_id = str(found.get("id")) if found is not None and found.get("id") else SLIDE_NUMBER_FIELD_ID
    return parse_xml(
        f'<a:p {nsdecls("a")}><a:fld id="{escape(field_id, _QUOTE)}" type="slidenum">'
        f'<a:rPr lang="{escape(language, _QUOTE)}"/><a:t>{number}</a:t></a:fld></a:p>')


FooterStrips = dict[tuple[str, str, str], _Strip]
"""Prepared strips by footer text, language and layout part name."""


class FooterWriter:
    """Adds the slide number and footer to each slide of one deck, as its layout places them.

    Each layout's two placeholders are made once, then copied to every slide. ``strips``
    may be shared by every deck built from the same template (the strips only depend on its
    layouts, the footer text and the language), so only the first such deck makes them.
    """

    def __init__(self, footer: str, language: str, strips: FooterStrips | None = None) -> None:
        self._footer = footer
        self._language = language
        self._strips = strips if strips is not None else {}

    def _strip(self, layout: SlideLayout) -> _Strip:
        key = (self._footer, self._language, str(layout.part.partname))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._prepared(layout)
        return strip

    def _prepared(self, layout: SlideLayout) -> _Strip:
        number_shape, footer_shape = _placeholder_of_type(layout, "sldNum"), _placeholder_of_type(layout, "ftr")
        number = footer = None
        if number_shape is not None:
            number = _slide_placeholder(number_shape, 2)
            number.find(qn("p:txBody")).append(_number_paragraph(number_shape, 0, self._language))
        if footer_shape is not None and self._footer:
            footer = _slide_placeholder(footer_shape, 2)
            fill_plain(SlidePlaceholder(footer, layout.shapes).text_frame, self._footer, None, self._language)
        return _Strip(number, footer)

    def add(self, slide: Slide, layout: SlideLayout, number: int) -> None:
        """Number ``slide`` (its position in the deck, from 1) and give it the footer text."""
        strip = self._strip(layout)
        tree = shape_tree(slide.shapes)
        next_id = max((int(e.get("id", "0")) for e in tree.iter(_C_NV_PR)), default=1) + 1
        if strip.footer is not None:
            tree.append(_numbered(strip.footer, next_id))
            next_id += 1
        if strip.number is not None:
            shape = _numbered(strip.number, next_id)
            shape.find(f".//{_FIELD}/{_TEXT}").text = str(number)
            tree.append(shape)


def _numbered(prototype: Element, shape_id: int) -> Element:
    """A copy of ``prototype`` with shape id ``shape_id`` (unique on its slide)."""
    shape = copy.deepcopy(prototype)
    properties = shape.find(f"{qn('p:nvSpPr')}/{_C_NV_PR}")
    properties.set("id", str(shape_id))
    properties.set("name", f"{properties.get('name', '').rsplit(' ', 1)[0]} {shape_id - 1}")
    return shape


def slide_numbers(slide: Slide) -> list[str]:
    """The slide-number fields' texts on ``slide`` (for checks): ``["7"]`` or ``[]``."""
    return ["".join(t.text or "" for t in f.iter(qn("a:t")))
            for f in shape_tree(slide.shapes).iter(qn("a:fld")) if f.get("type") == "slidenum"]

