"""Writing planned paragraphs into a text frame: levels, bullets, sizes and language.

Paragraphs are written as DrawingML elements directly (``a:p`` > ``a:pPr``, ``a:r`` >
``a:rPr`` + ``a:t``): the same XML python-pptx's text API produces, without its lookups
for every attribute, which dominated build time for text-heavy decks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame

from deckgen.plan.fit import level_size
from deckgen.plan.languages import east_asian_font
from deckgen.plan.slides import Paragraph

_WHITESPACE = re.compile(r"\s+")
_ATTRIBUTION_SCALE = 0.8
_MAX_LEVEL = 8
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_EA, _BU_NONE = qn("a:ea"), qn("a:buNone")


def slide_text(text: str) -> str:
    """Text as a slide shows it: one line per paragraph, runs of white space folded."""
    return _WHITESPACE.sub(" ", text).strip()


def _hundredths(points: float) -> str:
    """A font size in the ``sz`` unit (hundredths of a point)."""
    return str(int(round(points * 100)))


def _run(paragraph: etree._Element, text: str, language: str, size: float | None,
         italic: bool = False) -> None:
    """Append a run: its language (and East Asian font for CJK), size and text."""
    run = etree.SubElement(paragraph, _R)
    properties = etree.SubElement(run, _RPR, lang=language)
    if size:
        properties.set("sz", _hundredths(size))
    if italic:
        properties.set("i", "1")
    font = east_asian_font(language)
    if font is not None:
        etree.SubElement(properties, _EA, typeface=font)
    etree.SubElement(run, _T).text = text


def _paragraph(body: etree._Element, item: Paragraph, size: float, language: str) -> None:
    paragraph = etree.SubElement(body, _P)
    language = item.language or language
    if item.style == "bullet":
        if item.level:
            etree.SubElement(paragraph, _PPR, lvl=str(min(item.level, _MAX_LEVEL)))
        _run(paragraph, slide_text(item.text), language, level_size(size, item.level))
        return
    properties = etree.SubElement(paragraph, _PPR, marL="0", indent="0")
    etree.SubElement(properties, _BU_NONE)  # a plain paragraph: no bullet, no hanging indent
    run_size = size
    if item.style == "attribution":
        properties.set("algn", "r")
        run_size = round(size * _ATTRIBUTION_SCALE)
    _run(paragraph, slide_text(item.text), language, run_size, italic=item.style == "quote")


def _cleared(frame: TextFrame) -> etree._Element:
    """The frame's ``a:txBody`` with every paragraph removed (its properties kept)."""
    body: etree._Element = frame._txBody
    for paragraph in body.findall(_P):
        body.remove(paragraph)
    return body


def _ensure_paragraph(body: etree._Element) -> None:
    """A text body must hold at least one paragraph."""
    if body.find(_P) is None:
        etree.SubElement(body, _P)


def fill_text(frame: TextFrame, items: Sequence[Paragraph], size: float, language: str) -> None:
    """Replace ``frame``'s text with ``items`` set at ``size`` points (levels scaled down)."""
    body = _cleared(frame)
    for item in items:
        _paragraph(body, item, size, language)
    _ensure_paragraph(body)


def fill_plain(frame: TextFrame, text: str, size: float | None, language: str) -> None:
    """Replace ``frame``'s text with one paragraph (titles); ``size`` None keeps the layout's."""
    body = _cleared(frame)
    _run(etree.SubElement(body, _P), slide_text(text), language, size)


def fill_notes(frame: TextFrame, notes: str, language: str) -> None:
    """Speaker notes: one paragraph per line, as the facilitator wrote them."""
    body = _cleared(frame)
    for line in notes.splitlines():
        _run(etree.SubElement(body, _P), line, language, None)
    _ensure_paragraph(body)
