"""Slide numbers and footers: the placeholders python-pptx leaves off new slides.

python-pptx copies a layout's placeholders to a new slide except its date, footer and
slide-number placeholders (PowerPoint adds those through Insert > Header & Footer). deckgen
numbers every slide but the title slide and writes the deck's footer text, wherever the
slide's layout has a place for them: the bundled layouts and any template that has them.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from deckgen.render.ooxml.markup import PLACEHOLDER, Element, nsdecls, parse_xml, qn
from deckgen.render.ooxml.opc import attribute
from deckgen.render.deck.paragraphs import Links, write_plain

SLIDE_NUMBER_FIELD_ID = "{B6F15528-21DE-4FAA-801E-634DDDAF4B2B}"
"""The ``a:fld`` id used when the layout's slide-number placeholder carries no field of its own."""
_C_NV_PR, _FIELD, _TEXT = qn("p:cNvPr"), qn("a:fld"), qn("a:t")
_NAMES = {"sldNum": "Slide Number Placeholder", "ftr": "Footer Placeholder"}


@dataclass(frozen=True)
class FooterStrip:
    """Ready slide placeholders (``p:sp``) for one layout's slide number and footer, to copy."""

    number: Element | None
    footer: Element | None


def _slide_placeholder(layout_shape: Element, shape_id: int) -> Element:
    """An empty slide placeholder inheriting from ``layout_shape`` (same ``p:ph``), no text yet."""
    ph = layout_shape.find(PLACEHOLDER)
    kind = str(ph.get("type"))
    attributes = "".join(f' {name}="{attribute(str(value))}"' for name, value in ph.attrib.items()
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
        f'<a:p {nsdecls("a")}><a:fld id="{attribute(field_id)}" type="slidenum">'
        f'<a:rPr lang="{attribute(language)}"/><a:t>{number}</a:t></a:fld></a:p>')


FooterStrips = dict[tuple[str, str, str], FooterStrip]
"""Prepared strips by footer text, language and layout part name."""


def footer_strip(number_shape: Element | None, footer_shape: Element | None, footer: str, language: str,
                 links: Links, inherited: str | None) -> FooterStrip:
    """The slide-number and footer placeholders of a layout whose own are ``number_shape`` and
    ``footer_shape`` (None: the layout has none), ready to copy onto its slides."""
    number = footer_placeholder = None
    if number_shape is not None:
        number = _slide_placeholder(number_shape, 2)
        number.find(qn("p:txBody")).append(_number_paragraph(number_shape, 0, language))
    if footer_shape is not None and footer:
        footer_placeholder = _slide_placeholder(footer_shape, 2)
        write_plain(footer_placeholder.find(qn("p:txBody")), footer, None, language, links, inherited)
    return FooterStrip(number, footer_placeholder)


def add_footer(tree: Element, strip: FooterStrip, number: int) -> None:
    """Put ``strip`` on the slide whose shape tree is ``tree``, numbered ``number`` (from 1)."""
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
