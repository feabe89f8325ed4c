"""Writing planned paragraphs into a text frame: levels, bullets, sizes and language."""

from __future__ import annotations

import re
from collections.abc import Sequence

from lxml import etree
from pptx.enum.text import PP_ALIGN
from pptx.oxml.ns import qn
from pptx.text.text import TextFrame, _Paragraph, _Run
from pptx.util import Pt

from deckgen.fit import level_size
from deckgen.languages import east_asian_font
from deckgen.slides import Paragraph

_WHITESPACE = re.compile(r"\s+")
_ATTRIBUTION_SCALE = 0.8


def slide_text(text: str) -> str:
    """Text as a slide shows it: one line per paragraph, runs of white space folded."""
    return _WHITESPACE.sub(" ", text).strip()


def set_language(run: _Run, language: str) -> None:
    """Tag a run with its language and, for CJK languages, an East Asian font."""
    properties = run._r.get_or_add_rPr()
    properties.set("lang", language)
    font = east_asian_font(language)
    if font is None:
        return
    for old in properties.findall(qn("a:ea")):
        properties.remove(old)
    east_asian = etree.SubElement(properties, qn("a:ea"))
    east_asian.set("typeface", font)
    _order_font_elements(properties)


_RPR_ORDER = ("a:ln", "a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill",
              "a:grpFill", "a:effectLst", "a:effectDag", "a:highlight", "a:uLnTx", "a:uLn",
              "a:uFillTx", "a:uFill", "a:latin", "a:ea", "a:cs", "a:sym", "a:hlinkClick",
              "a:hlinkMouseOver", "a:rtl", "a:extLst")
"""Child order of ``a:rPr`` required by the schema (PowerPoint repairs files that break it)."""


def _order_font_elements(properties: etree._Element) -> None:
    rank = {qn(tag): index for index, tag in enumerate(_RPR_ORDER)}
    children = sorted(properties, key=lambda child: rank.get(child.tag, len(rank)))
    for child in children:
        properties.append(child)


def _no_bullet(paragraph: _Paragraph) -> None:
    """A plain paragraph: no bullet character and no hanging indent."""
    properties = paragraph._p.get_or_add_pPr()
    properties.set("marL", "0")
    properties.set("indent", "0")
    for old in properties.findall(qn("a:buNone")):
        properties.remove(old)
    properties.insert(_bullet_position(properties), etree.Element(qn("a:buNone")))


def _bullet_position(properties: etree._Element) -> int:
    """Index where a bullet element goes: after spacing elements, before tab stops and runs."""
    before = {qn("a:lnSpc"), qn("a:spcBef"), qn("a:spcAft"), qn("a:buClrTx"), qn("a:buClr"),
              qn("a:buSzTx"), qn("a:buSzPct"), qn("a:buSzPts"), qn("a:buFontTx"), qn("a:buFont")}
    return sum(1 for child in properties if child.tag in before)


def _style(paragraph: _Paragraph, run: _Run, item: Paragraph, size: float) -> None:
    if item.style == "bullet":
        paragraph.level = min(item.level, 8)
        run.font.size = Pt(level_size(size, item.level))
        return
    _no_bullet(paragraph)
    run.font.size = Pt(size)
    if item.style == "quote":
        run.font.italic = True
    elif item.style == "attribution":
        run.font.size = Pt(round(size * _ATTRIBUTION_SCALE))
        paragraph.alignment = PP_ALIGN.RIGHT


def fill_text(frame: TextFrame, items: Sequence[Paragraph], size: float, language: str) -> None:
    """Replace ``frame``'s text with ``items`` set at ``size`` points (levels scaled down)."""
    frame.clear()  # type: ignore[no-untyped-call]
    for index, item in enumerate(items):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        run = paragraph.add_run()
        run.text = slide_text(item.text)
        _style(paragraph, run, item, size)
        set_language(run, language)


def fill_plain(frame: TextFrame, text: str, size: float | None, language: str) -> None:
    """Replace ``frame``'s text with one paragraph (titles); ``size`` None keeps the layout's."""
    frame.clear()  # type: ignore[no-untyped-call]
    run = frame.paragraphs[0].add_run()
    run.text = slide_text(text)
    if size:
        run.font.size = Pt(size)
    set_language(run, language)


def fill_notes(frame: TextFrame, notes: str, language: str) -> None:
    """Speaker notes: one paragraph per line, as the facilitator wrote them."""
    frame.clear()  # type: ignore[no-untyped-call]
    for index, line in enumerate(notes.splitlines()):
        paragraph = frame.paragraphs[0] if index == 0 else frame.add_paragraph()  # type: ignore[no-untyped-call]
        run = paragraph.add_run()
        run.text = line
        set_language(run, language)
