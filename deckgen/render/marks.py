"""deckgen's own question mark, for templates that have no question layout.

On such a template a question slide borrows the content layout; deckgen then draws what the
bundled Question layout carries: an accent band along the left edge, a disc with "?", the
kind-and-minutes label above the prompt and the "Discuss" label under the disc. Colours are
the template's own theme colours (scheme references, so a theme change follows), picked for
contrast with the slide background. Geometry comes from :mod:`deckgen.render.markslots`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.oxml.ns import qn
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu, Pt

from deckgen.plan.profile import EMU_PER_PT, Box, LayoutSlots
from deckgen.plan.slides import Paragraph, SlidePlan
from deckgen.render.colours import contrast_ratio, palette_for
from deckgen.render.contrast import slide_background
from deckgen.render.markslots import disc_box
from deckgen.render.text import fill_text

_ACCENTS = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
_GRAPHICS_CONTRAST = 3.0
"""WCAG's contrast for graphics and large bold text: the mark and its labels need at least this."""
_BAND_SHARE = 64
"""The band is 1/64 of the slide's width."""
_GLYPH_SHARE = 0.62
"""The "?" is set at this share of the disc's height."""


@dataclass(frozen=True)
class MarkColours:
    """Scheme colour names: the accent of band, disc and labels, and the "?" on the disc."""

    accent: str = "accent1"
    glyph: str = "bg1"


def mark_colours(layout: SlideLayout) -> MarkColours:
    """The first theme accent that stands out from ``layout``'s background, and the better of
    ``bg1``/``tx1`` on it (accent1 and bg1 when colours cannot be resolved)."""
    palette = palette_for(layout)
    background = slide_background(layout)
    if background is None:
        return MarkColours()
    contrasts = {name: contrast_ratio(colour, background)
                 for name in _ACCENTS if (colour := palette.scheme_colour(name)) is not None}
    if not contrasts:
        return MarkColours()
    readable = [name for name in _ACCENTS if contrasts.get(name, 0.0) >= _GRAPHICS_CONTRAST]
    accent = readable[0] if readable else max(contrasts, key=lambda name: contrasts[name])
    accent_colour = palette.scheme_colour(accent)
    glyphs = {name: contrast_ratio(colour, accent_colour)
              for name in ("bg1", "tx1") if (colour := palette.scheme_colour(name)) is not None and accent_colour}
    glyph = "bg1" if not glyphs or glyphs.get("bg1", 0.0) >= _GRAPHICS_CONTRAST else max(glyphs, key=lambda n: glyphs[n])
    return MarkColours(accent, palette.mapping.get(glyph, glyph))


def _scheme_fill(parent: Any, colour: str) -> Any:
    """``<a:solidFill><a:schemeClr val=colour/></a:solidFill>`` as the first child of ``parent``."""
    fill = etree.Element(qn("a:solidFill"))
    etree.SubElement(fill, qn("a:schemeClr"), val=colour)
    parent.insert(0, fill)
    return fill


def _decoration(slide: Slide, shape_type: MSO_SHAPE, box: Box, colour: str, name: str) -> Any:
    """A filled shape without outline, marked decorative for screen readers (empty alt text)."""
    shape = slide.shapes.add_shape(shape_type, Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape.fill.solid()
    shape.fill.fore_color.theme_color = _theme_colour(colour)
    shape.line.fill.background()
    style = shape._element.find(qn("p:style"))
    if style is not None:  # the theme's shape style would add a shadow and its own text colour
        shape._element.remove(style)
    properties = shape._element.nvSpPr.cNvPr
    properties.set("name", name)
    properties.set("descr", "")
    return shape


def _theme_colour(name: str) -> MSO_THEME_COLOR:
    """The python-pptx theme colour of a scheme colour name (``accent2``, ``lt1`` ...)."""
    return {
        "accent1": MSO_THEME_COLOR.ACCENT_1, "accent2": MSO_THEME_COLOR.ACCENT_2,
        "accent3": MSO_THEME_COLOR.ACCENT_3, "accent4": MSO_THEME_COLOR.ACCENT_4,
        "accent5": MSO_THEME_COLOR.ACCENT_5, "accent6": MSO_THEME_COLOR.ACCENT_6,
        "bg1": MSO_THEME_COLOR.BACKGROUND_1, "tx1": MSO_THEME_COLOR.TEXT_1,
        "lt1": MSO_THEME_COLOR.LIGHT_1, "dk1": MSO_THEME_COLOR.DARK_1,
        "lt2": MSO_THEME_COLOR.LIGHT_2, "dk2": MSO_THEME_COLOR.DARK_2,
    }[name]


def _text_box(slide: Slide, box: Box, paragraphs: tuple[Paragraph, ...], size: float, language: str,
              colour: str, name: str, centred: bool = False) -> Any:
    """A text box at ``box`` holding ``paragraphs`` set bold at ``size`` points in ``colour``."""
    shape = slide.shapes.add_textbox(Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height))
    shape._element.nvSpPr.cNvPr.set("name", name)
    frame = shape.text_frame
    frame.word_wrap = True
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE if centred else MSO_ANCHOR.BOTTOM
    fill_text(frame, paragraphs, size, language)
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.CENTER if centred else None
    for properties in shape._element.iter(qn("a:rPr")):
        properties.set("b", "1")
        _scheme_fill(properties, colour)
    return shape


def draw_question_mark(slide: Slide, slots: LayoutSlots, plan: SlidePlan, language: str,
                       colours: MarkColours, slide_width: int, slide_height: int) -> None:
    """Band, disc with "?", and the kind and "Discuss" labels of a marked question slide."""
    band = Box(0, 0, slide_width // _BAND_SHARE, slide_height)
    _decoration(slide, MSO_SHAPE.RECTANGLE, band, colours.accent, "Question Band")
    if plan.aside and slots.aside is not None:
        _text_box(slide, slots.aside, plan.aside, plan.aside_size, language, colours.accent, "Question Kind")
    if slots.label is None:
        return
    disc = disc_box(slots.label)
    shape = _decoration(slide, MSO_SHAPE.OVAL, disc, colours.glyph, "Question Disc")
    shape.fill.fore_color.theme_color = _theme_colour(colours.accent)
    frame = shape.text_frame
    frame.text = "?"
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = Emu(0)
    frame.vertical_anchor = MSO_ANCHOR.MIDDLE
    frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    run = frame.paragraphs[0].runs[0]
    run.font.size = Pt(round(disc.height / EMU_PER_PT * _GLYPH_SHARE))
    run.font.bold = True
    run.font.color.theme_color = _theme_colour(colours.glyph)
    run._r.get_or_add_rPr().set("lang", language)
    if plan.label:
        label = (Paragraph(plan.label, style="plain", language=plan.aside[0].language if plan.aside else None),)
        _text_box(slide, slots.label, label, max(plan.aside_size, 14.0), language, colours.accent,
                  "Discuss Label", centred=True)
