"""deckgen's own question mark, for templates that have no question layout.

On such a template a question slide borrows the content layout; deckgen then draws what the
bundled Question layout carries: an accent band down the left, a disc with "?" (the
language's own question mark), the kind-and-minutes label above the prompt and the "Discuss"
label under the disc; in a right-to-left deck the band runs down the right and the disc stands
at the left. They wear the template's brand colour (:mod:`deckgen.render.template.markcolours`:
a theme colour by its scheme name, so a theme change follows, else the titles' or the
artwork's colour), picked for contrast with the slide background. Geometry, clear of the
template's artwork and mirrored for right-to-left decks, comes from
:mod:`deckgen.render.template.markslots`.
"""

from __future__ import annotations

from typing import Any

from deckgen.plan.bidi import complex_script_font
from deckgen.plan.profile import EMU_PER_PT, Box, LayoutSlots
from deckgen.plan.scripts import question_mark
from deckgen.plan.slides import Paragraph, SlidePlan
from deckgen.render.template.blueprint import MarkColours
from deckgen.render.ooxml.markup import Element, nsdecls, parse_xml, qn
from deckgen.render.ooxml.opc import attribute
from deckgen.render.deck.drawing import colour_xml, solid_fill
from deckgen.render.deck.paragraphs import Links, write_text

_GLYPH_SHARE = 0.62
"""The "?" is set at this share of the disc's height."""


def _shape(shape_id: int, name: str, box: Box, geometry: str, fill: str, body: str = "",
           text_box: bool = False) -> Any:
    """A ``p:sp`` at ``box``: decorative shapes carry empty alt text so screen readers skip them."""
    descr = "" if text_box else ' descr=""'
    kind = ' txBox="1"' if text_box else ""
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"{descr}/>'
        f"<p:cNvSpPr{kind}/><p:nvPr/></p:nvSpPr>"
        f'<p:spPr><a:xfrm><a:off x="{box.left}" y="{box.top}"/><a:ext cx="{box.width}" cy="{box.height}"/></a:xfrm>'
        f'<a:prstGeom prst="{geometry}"><a:avLst/></a:prstGeom>{fill}<a:ln><a:noFill/></a:ln></p:spPr>'
        f"{body}</p:sp>")


def _text_box(links: Links, shape_id: int, box: Box, paragraphs: tuple[Paragraph, ...], size: float,
              language: str, colour: str, name: str, centred: bool = False) -> Any:
    """A text box at ``box`` holding ``paragraphs`` set bold at ``size`` points in ``colour``."""
    anchor = "ctr" if centred else "b"
    shape = _shape(shape_id, name, box, "rect", "<a:noFill/>", text_box=True,
                   body=f'<p:txBody><a:bodyPr wrap="square" rtlCol="0" anchor="{anchor}"><a:noAutofit/></a:bodyPr>'
                        "<a:lstStyle/><a:p/></p:txBody>")
    write_text(shape.find(qn("p:txBody")), paragraphs, size, language, links)
    for properties in shape.iter(qn("a:rPr")):
        properties.set("b", "1")
        properties.insert(0, parse_xml(f'<a:solidFill {nsdecls("a")}>{colour_xml(colour)}</a:solidFill>'))
    if centred:
        for properties in shape.iter(qn("a:pPr")):
            properties.set("algn", "ctr")
    return shape


def _disc(shape_id: int, box: Box, colours: MarkColours, language: str) -> Any:
    """The disc with the language's own question mark ("؟" in Arabic, Persian and Urdu)."""
    size = round(box.height / EMU_PER_PT * _GLYPH_SHARE) * 100
    font = complex_script_font(language)
    face = "" if font is None else f'<a:cs typeface="{attribute(font)}"/>'
    body = ('<p:txBody><a:bodyPr lIns="0" tIns="0" rIns="0" bIns="0" rtlCol="0" anchor="ctr"><a:noAutofit/></a:bodyPr>'
            f'<a:lstStyle/><a:p><a:pPr algn="ctr"/><a:r><a:rPr lang="{attribute(language)}" sz="{size}" b="1">'
            f"{solid_fill(colours.glyph)}{face}</a:rPr><a:t>{question_mark(language)}</a:t></a:r></a:p></p:txBody>")
    return _shape(shape_id, "Question Disc", box, "ellipse", solid_fill(colours.accent), body)


def draw_question_mark(tree: Element, slots: LayoutSlots, plan: SlidePlan, language: str, colours: MarkColours,
                       links: Links) -> None:
    """Band, disc with "?", and the kind and "Discuss" labels of a marked question slide
    (``tree``: the slide's shape tree; ``links``: its hyperlink relationships)."""
    next_id = max((int(e.get("id", "0")) for e in tree.iter(qn("p:cNvPr"))), default=1) + 1
    shapes = []
    if slots.band is not None:
        shapes.append(_shape(next_id, "Question Band", slots.band, "rect", solid_fill(colours.accent)))
    if plan.aside and slots.aside is not None:
        shapes.append(_text_box(links, next_id + 1, slots.aside, plan.aside, plan.aside_size, language,
                                colours.accent, "Question Kind"))
    if slots.disc is not None:
        shapes.append(_disc(next_id + 2, slots.disc, colours, language))
    if slots.label is not None and plan.label:
        label = (Paragraph(plan.label, style="plain", language=plan.aside[0].language if plan.aside else None),)
        shapes.append(_text_box(links, next_id + 3, slots.label, label, max(plan.aside_size, 14.0), language,
                                colours.accent, "Discuss Label", centred=True))
    for shape in shapes:
        tree.append(shape)
