"""Writing planned paragraphs into a text body: levels, bullets, sizes, language and links.

Paragraphs are written as DrawingML elements directly (``a:p`` > ``a:pPr``, ``a:r`` >
``a:rPr`` + ``a:t``): the same XML python-pptx's text API produces, without its lookups
for every attribute, which dominated build time for text-heavy decks. Everything here
works on ``a:txBody`` elements and needs no python-pptx.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable, Sequence

from lxml import etree

from deckgen.outline.inline import parse_inline, plain
from deckgen.plan.bidi import complex_script_font, is_right_to_left
from deckgen.plan.measure import ATTRIBUTION_SCALE, level_size
from deckgen.plan.languages import east_asian_font
from deckgen.plan.runs import CODE_FONT
from deckgen.plan.scripts import is_upright
from deckgen.plan.slides import Paragraph
from deckgen.render.deck.bidi import set_direction
from deckgen.render.ooxml.markup import Element, qn

_WHITESPACE = re.compile(r"\s+")
_MAX_LEVEL = 8
_P, _PPR, _R, _RPR, _T = qn("a:p"), qn("a:pPr"), qn("a:r"), qn("a:rPr"), qn("a:t")
_EA, _BU_NONE = qn("a:ea"), qn("a:buNone")
_SPC_BEF, _SPC_PTS = qn("a:spcBef"), qn("a:spcPts")
_LATIN, _CS, _HLINK, _RID = qn("a:latin"), qn("a:cs"), qn("a:hlinkClick"), qn("r:id")
_BODY_PR = qn("a:bodyPr")


def slide_text(text: str) -> str:
    """Text as a slide shows it: one line per paragraph, runs of white space folded."""
    return _WHITESPACE.sub(" ", text).strip()


def _hundredths(points: float) -> str:
    """A font size in the ``sz`` unit (hundredths of a point)."""
    return str(int(round(points * 100)))


def _run(paragraph: etree._Element, text: str, language: str, size: float | None, *,
         italic: bool = False, bold: bool = False, code: bool = False, link: str | None = None) -> None:
    """Append a run: its language (East Asian and complex-script fonts where the language
    needs them), size, format, text and hyperlink (``link``, a relationship id)."""
    if link is not None:
        _new_run(paragraph, text, language, size, italic, bold, code, link)
        return
    key = (language, size, italic, bold, code)
    prototype = _RUNS.get(key)
    if prototype is None:
        _new_run(paragraph, text, language, size, italic, bold, code, None)
        _RUNS[key] = copy.deepcopy(paragraph[-1])
        return
    run = copy.deepcopy(prototype)
    run[-1].text = text
    paragraph.append(run)


_RUNS: dict[tuple[str, float | None, bool, bool, bool], etree._Element] = {}
"""Finished runs (without links) by language, size and format, copied for the next run alike:
copying one is cheaper than building its properties again."""


def _new_run(paragraph: etree._Element, text: str, language: str, size: float | None,
             italic: bool, bold: bool, code: bool, link: str | None) -> None:
    run = etree.SubElement(paragraph, _R)
    properties = etree.SubElement(run, _RPR, lang=language)
    if size:
        properties.set("sz", _hundredths(size))
    _set_format(properties, language, italic, bold)
    if code:
        etree.SubElement(properties, _LATIN, typeface=CODE_FONT)
    font = east_asian_font(language)
    if font is not None:
        etree.SubElement(properties, _EA, typeface=font)
    complex_font = complex_script_font(language)
    if complex_font is not None:
        etree.SubElement(properties, _CS, typeface=complex_font)
    if link is not None:  # after the fonts, as the schema orders them
        etree.SubElement(properties, _HLINK, {_RID: link})
    etree.SubElement(run, _T).text = text


def _set_format(properties: etree._Element, language: str, italic: bool, bold: bool) -> None:
    """Bold and italic on a run's ``a:rPr``. A script that joins or has no italics
    (:func:`deckgen.plan.scripts.is_upright`) is set upright and unspaced whatever the template's
    styles say (``i="0"``, ``spc="0"``), and takes emphasis as weight."""
    upright = is_upright(language)
    if bold or (italic and upright):
        properties.set("b", "1")
    if upright:
        properties.set("i", "0")
        properties.set("spc", "0")
    elif italic:
        properties.set("i", "1")


Links = Callable[[str], str]
"""Gives the relationship id of an external link target on the slide being written."""


def _runs(paragraph: etree._Element, source: str, language: str, size: float | None, *,
          italic: bool = False, bold: bool = False, links: Links | None = None) -> None:
    """Append the runs of ``source``'s inline Markdown (text already cleaned by :func:`slide_text`)."""
    inline = parse_inline(source)
    position = 0
    for span in inline.spans:
        if span.start > position:
            _run(paragraph, inline.text[position:span.start], language, size, italic=italic, bold=bold)
        link = links(span.link) if span.link and links is not None else None
        _run(paragraph, inline.text[span.start:span.end], language, size, italic=italic or span.italic,
             bold=bold or span.bold, code=span.code, link=link)
        position = span.end
    if position < len(inline.text) or not inline.text:
        _run(paragraph, inline.text[position:], language, size, italic=italic, bold=bold)


def _space_before(properties: etree._Element, points: float) -> None:
    """Set the paragraph's space above it, in points (``spcBef`` comes first in ``a:pPr``)."""
    spacing = etree.Element(_SPC_BEF)
    etree.SubElement(spacing, _SPC_PTS, val=str(int(round(points * 100))))
    properties.insert(0, spacing)


def _paragraph(body: etree._Element, item: Paragraph, size: float, language: str, space: float,
               links: Links, inherited: str | None = None) -> None:
    """One paragraph; ``space`` (points, 0: the template's) above a top-level paragraph."""
    paragraph = etree.SubElement(body, _P)
    language = item.language or language
    if item.style == "bullet":
        properties = etree.SubElement(paragraph, _PPR)
        if item.level:
            properties.set("lvl", str(min(item.level, _MAX_LEVEL)))
        elif space:
            _space_before(properties, space)
        set_direction(properties, language, inherited)
        if not len(properties.attrib) and not len(properties):
            paragraph.remove(properties)
        _item_runs(paragraph, item, language, level_size(size, item.level), links)
        return
    properties = etree.SubElement(paragraph, _PPR, marL="0", indent="0")
    if space:
        _space_before(properties, space)
    etree.SubElement(properties, _BU_NONE)  # a plain paragraph: no bullet, no hanging indent
    run_size = size
    set_direction(properties, language, inherited)
    if item.style == "attribution":
        properties.set("algn", "l" if is_right_to_left(language) else "r")
        run_size = round(size * ATTRIBUTION_SCALE)
    _item_runs(paragraph, item, language, run_size, links)


def _item_runs(paragraph: etree._Element, item: Paragraph, language: str, size: float, links: Links) -> None:
    """The paragraph's runs; a trailing URL the plan marks as ``item.link`` becomes a linked run."""
    italic, bold = item.style == "quote", item.style == "heading"
    text = slide_text(item.text)
    if item.link and text.endswith(item.link):
        lead = text[: len(text) - len(item.link)]
        if lead:
            _runs(paragraph, lead, language, size, italic=italic, bold=bold, links=links)
        _run(paragraph, item.link, language, size, italic=italic, bold=bold, link=links(item.link))
        return
    _runs(paragraph, text, language, size, italic=italic, bold=bold, links=links)


def _cleared(body: Element) -> Element:
    """``body`` (an ``a:txBody``) with every paragraph removed (its properties kept)."""
    for paragraph in body.findall(_P):
        body.remove(paragraph)
    return body


def _ensure_paragraph(body: etree._Element) -> None:
    """A text body must hold at least one paragraph."""
    if body.find(_P) is None:
        etree.SubElement(body, _P)


def write_text(body: Element, items: Sequence[Paragraph], size: float, language: str, links: Links,
               inherited: str | None = None, paragraph_space: float = 0.0, centred: bool = False) -> None:
    """Replace ``body``'s text with ``items`` set at ``size`` points (levels scaled down).

    ``paragraph_space`` (points) sets the space above each top-level paragraph after the
    first; ``centred`` centres the text vertically in its box; ``inherited`` is the
    alignment the placeholder's styles give right-to-left text.
    """
    _cleared(body)
    top_level = 0
    for item in items:
        space = paragraph_space if top_level and item.level == 0 else 0.0
        top_level += item.level == 0
        _paragraph(body, item, size, language, space, links, inherited)
    _ensure_paragraph(body)
    if centred:
        body.find(_BODY_PR).set("anchor", "ctr")


def write_plain(body: Element, text: str, size: float | None, language: str, links: Links,
                inherited: str | None = None) -> None:
    """Replace ``body``'s text with one paragraph (titles); ``size`` None keeps the layout's."""
    _cleared(body)
    paragraph = etree.SubElement(body, _P)
    if is_right_to_left(language):
        set_direction(etree.SubElement(paragraph, _PPR), language, inherited)
    _runs(paragraph, slide_text(text), language, size, links=links)


def write_notes(body: Element, notes: str, language: str, size: float | None = None) -> None:
    """Speaker notes: one paragraph per line, as the facilitator wrote them (without Markdown
    markers), flush with the margin (LibreOffice otherwise hangs every line after the first
    of a notes paragraph, in the notes PDF too) and right to left in an RTL language; at
    ``size`` points when given (LibreOffice does not read the notes master's size)."""
    _cleared(body)
    for line in notes.splitlines():
        paragraph = etree.SubElement(body, _P)
        set_direction(etree.SubElement(paragraph, _PPR, marL="0", indent="0"), language)
        _run(paragraph, plain(line), language, size or None)
    _ensure_paragraph(body)
