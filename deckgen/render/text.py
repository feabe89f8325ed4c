"""Writing planned paragraphs into a text frame: levels, bullets, sizes and language.

Paragraphs are written as DrawingML elements directly (``a:p`` > ``a:pPr``, ``a:r`` >
``a:rPr`` + ``a:t``): the same XML python-pptx's text API produces, without its lookups
for every attribute, which dominated build time for text-heavy decks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from pptx.enum.text import MSO_ANCHOR
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame

from deckgen.plan.fit import ATTRIBUTION_SCALE, level_size
from deckgen.plan.languages import east_asian_font
from deckgen.plan.slides import Paragraph

_WHITESPACE = re.compile(r"\s+")
_MAX_LEVEL = 8
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_EA, _BU_NONE = qn("a:ea"), qn("a:buNone")
_SPC_BEF, _SPC_PTS, _HLINK = qn("a:spcBef"), qn("a:spcPts"), qn("a:hlinkClick")


def slide_text(text: str) -> str:
    """Text as a slide shows it: one line per paragraph, runs of white space folded."""
    return _WHITESPACE.sub(" ", text).strip()


def _hundredths(points: float) -> str:
    """A font size in the ``sz`` unit (hundredths of a point)."""
    return str(int(round(points * 100)))


def _run(paragraph: etree._Element, text: str, language: str, size: float | None,
         italic: bool = False, bold: bool = False, link: str | None = None) -> None:
    """Append a run: its language (and East Asian font for CJK), size, text and link
    (``link`` is the relationship id of a hyperlink)."""
    run = etree.SubElement(paragraph, _R)
    properties = etree.SubElement(run, _RPR, lang=language)
    if size:
        properties.set("sz", _hundredths(size))
    if bold:
        properties.set("b", "1")
    if italic:
        properties.set("i", "1")
    font = east_asian_font(language)
    if font is not None:
        etree.SubElement(properties, _EA, typeface=font)
    if link is not None:  # after the fonts, as the schema orders them
        etree.SubElement(properties, _HLINK).set(qn("r:id"), link)
    etree.SubElement(run, _T).text = text


def _space_before(properties: etree._Element, points: float) -> None:
    """Set the paragraph's space above it, in points (``spcBef`` comes first in ``a:pPr``)."""
    spacing = etree.Element(_SPC_BEF)
    etree.SubElement(spacing, _SPC_PTS, val=str(int(round(points * 100))))
    properties.insert(0, spacing)


def _paragraph(body: etree._Element, item: Paragraph, size: float, language: str, space: float,
               link: str | None) -> None:
    """One paragraph; ``space`` (points, 0: the template's) above a top-level paragraph."""
    paragraph = etree.SubElement(body, _P)
    language = item.language or language
    text = slide_text(item.text)
    if item.style == "bullet":
        properties = etree.SubElement(paragraph, _PPR)
        if item.level:
            properties.set("lvl", str(min(item.level, _MAX_LEVEL)))
        elif space:
            _space_before(properties, space)
        _runs(paragraph, text, language, level_size(size, item.level), item, link)
        return
    properties = etree.SubElement(paragraph, _PPR, marL="0", indent="0")
    if space:
        _space_before(properties, space)
    etree.SubElement(properties, _BU_NONE)  # a plain paragraph: no bullet, no hanging indent
    run_size = size
    if item.style == "attribution":
        properties.set("algn", "r")
        run_size = round(size * ATTRIBUTION_SCALE)
    _runs(paragraph, text, language, run_size, item, link)


def _runs(paragraph: etree._Element, text: str, language: str, size: float, item: Paragraph,
          link: str | None) -> None:
    """The paragraph's text as runs: a trailing URL becomes a run of its own, linked."""
    italic, bold = item.style == "quote", item.style == "heading"
    if link is not None and item.link and text.endswith(item.link):
        lead = text[: len(text) - len(item.link)]
        if lead:
            _run(paragraph, lead, language, size, italic, bold)
        _run(paragraph, item.link, language, size, italic, bold, link=link)
        return
    _run(paragraph, text, language, size, italic, bold)


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


def fill_text(frame: TextFrame, items: Sequence[Paragraph], size: float, language: str,
              paragraph_space: float = 0.0, centred: bool = False) -> None:
    """Replace ``frame``'s text with ``items`` set at ``size`` points (levels scaled down).

    ``paragraph_space`` (points) sets the space above each top-level paragraph after the
    first; ``centred`` centres the text vertically in its box.
    """
    body = _cleared(frame)
    top_level = 0
    for item in items:
        space = paragraph_space if top_level and item.level == 0 else 0.0
        top_level += item.level == 0
        link = frame.part.relate_to(item.link, RT.HYPERLINK, is_external=True) if item.link else None
        _paragraph(body, item, size, language, space, link)
    _ensure_paragraph(body)
    if centred:
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE


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
