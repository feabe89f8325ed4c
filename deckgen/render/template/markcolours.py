"""The brand colour deckgen's own marks and table headers take on a layout.

deckgen draws some things itself: the question mark of :mod:`deckgen.render.deck.marks` and
the header row of a table. They wear the template's brand colour: its first theme accent
that stands out from the slide background. Many templates made by tools keep Office's
default accents (Quarto's and pandoc's Office blue, LibreOffice's exports) and carry their
brand elsewhere: then the colour the master sets its titles in is the brand colour, else
the colour most of the template's own artwork wears, else the colour of its logo
(:mod:`deckgen.render.template.picturecolour`). A colour is kept as the theme's
scheme name where it is one (so a theme change follows), else as ``#RRGGBB``.
"""

from __future__ import annotations

import colorsys

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster

from deckgen.render.ooxml.markup import PLACEHOLDER
from deckgen.render.template.artwork import Drawn, layout_artwork
from deckgen.render.template.background import background_of
from deckgen.render.template.blueprint import MarkColours
from deckgen.render.template.colours import RGB, Palette, colour_child, contrast_ratio, fill_of, hex_of, paint, palette_for
from deckgen.render.template.picturecolour import picture_colour
from deckgen.render.template.textcolours import text_box_colour

_ACCENTS = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
_GRAPHICS_CONTRAST = 3.0
"""WCAG's contrast for graphics and large bold text: the mark and its labels need at least this."""
OFFICE_DEFAULTS = (
    ("4F81BD", "C0504D"),  # Office 2007-2010
    ("5B9BD5", "ED7D31"),  # Office 2013
    ("4472C4", "ED7D31"),  # Office 2013-2022
    ("156082", "E97132"),  # Office 2023
    ("18A303", "0369A3"),  # LibreOffice
    ("4285F4", "212121"),  # Google Slides
)
"""accent1 and accent2 of the default themes of office programs: a theme that keeps them
says nothing about the template's brand."""
_CHROMA = 0.1
"""Least HSL saturation of a colour that is a hue rather than a grey."""


def mark_colours(layout: SlideLayout, drawn: Drawn | None = None) -> MarkColours:
    """The brand colour on ``layout`` (see the module's docstring) and the better of ``bg1``/``tx1``
    on it (accent1 and bg1 when colours cannot be resolved). ``drawn``: see
    :func:`deckgen.render.template.artwork.layout_artwork`."""
    palette = palette_for(layout)
    background = background_of(layout, palette)[0]
    if background is None:
        return MarkColours()
    brand = _own_colour(layout, palette, background, drawn) if keeps_office_defaults(palette) else None
    accent, colour = brand if brand is not None else _accent(palette, background)
    if colour is None:
        return MarkColours()
    glyphs = {name: contrast_ratio(found, colour)
              for name in ("bg1", "tx1") if (found := palette.scheme_colour(name)) is not None}
    glyph = "bg1" if not glyphs or glyphs.get("bg1", 0.0) >= _GRAPHICS_CONTRAST else max(glyphs, key=lambda n: glyphs[n])
    return MarkColours(accent, palette.mapping.get(glyph, glyph), text_box_colour(layout))


def keeps_office_defaults(palette: Palette) -> bool:
    """Whether the theme's first two accents are those of an office program's default theme."""
    first, second = palette.scheme_colour("accent1"), palette.scheme_colour("accent2")
    if first is None or second is None:
        return False
    return (hex_of(first)[1:], hex_of(second)[1:]) in OFFICE_DEFAULTS


def _accent(palette: Palette, background: RGB) -> tuple[str, RGB | None]:
    """The first theme accent readable on ``background``, else the most readable one."""
    contrasts = {name: contrast_ratio(colour, background)
                 for name in _ACCENTS if (colour := palette.scheme_colour(name)) is not None}
    if not contrasts:
        return "accent1", None
    readable = [name for name in _ACCENTS if contrasts.get(name, 0.0) >= _GRAPHICS_CONTRAST]
    accent = readable[0] if readable else max(contrasts, key=lambda name: contrasts[name])
    return accent, palette.scheme_colour(accent)


def _own_colour(layout: SlideLayout, palette: Palette, background: RGB, drawn: Drawn | None) -> tuple[str, RGB] | None:
    """The titles' colour, else the colour most of the artwork wears, else the colour most of its
    pictures (a logo) wear, when it is a hue readable on ``background``."""
    title = title_colour(layout.slide_master, palette)
    if title is not None and _brand_like(title[1], background):
        return title
    drawn_colour = artwork_colour(layout, background, drawn)
    if drawn_colour is not None:
        return drawn_colour
    return picture_colour(layout, lambda colour: _brand_like(colour, background))


def _brand_like(colour: RGB, background: RGB) -> bool:
    """A hue (not black, white or grey) that stands out from ``background``."""
    _, lightness, saturation = colorsys.rgb_to_hls(*colour)
    chromatic = saturation >= _CHROMA and 0.08 <= lightness <= 0.92
    return chromatic and contrast_ratio(colour, background) >= _GRAPHICS_CONTRAST


def title_colour(master: SlideMaster, palette: Palette) -> tuple[str, RGB] | None:
    """The colour the master sets level-1 titles in: its title placeholder's list style, else
    ``p:titleStyle``; as (colour as written, sRGB). None when neither sets a solid colour."""
    styles = [placeholder.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}") for placeholder in _title_placeholders(master)]
    styles.append(master.element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}"))
    for style in styles:
        properties = style.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}") if style is not None else None
        fill = fill_of(properties)
        if fill is None:
            continue
        colour = paint(fill, palette) if fill.tag == qn("a:solidFill") else None
        return None if colour is None else (_written(fill, colour), colour)
    return None


def _title_placeholders(master: SlideMaster) -> list[etree._Element]:
    tree = master.element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    found = [] if tree is None else tree.findall(qn("p:sp"))
    return [shape for shape in found
            if (ph := shape.find(PLACEHOLDER)) is not None
            and ph.get("type") in ("title", "ctrTitle")][:1]


def _written(fill: etree._Element, colour: RGB) -> str:
    """A scheme colour's name when it is used as is, else the colour as ``#RRGGBB``."""
    element = colour_child(fill)
    if element is not None and element.tag == qn("a:schemeClr") and len(element) == 0 and element.get("val") != "phClr":
        return str(element.get("val"))
    return hex_of(colour)


def artwork_colour(layout: SlideLayout, background: RGB, drawn: Drawn | None = None) -> tuple[str, RGB] | None:
    """The hue readable on ``background`` that covers most of the slide in the layout's and
    master's artwork, as ``#RRGGBB``; None when no artwork wears one."""
    areas: dict[str, tuple[int, RGB]] = {}
    for piece in layout_artwork(layout, drawn).pieces:
        if piece.colour is not None and _brand_like(piece.colour, background):
            key = hex_of(piece.colour)
            areas[key] = (areas.get(key, (0, piece.colour))[0] + piece.cells(), piece.colour)
    if not areas:
        return None
    best = max(areas, key=lambda key: (areas[key][0], key))
    return best, areas[best][1]
