"""What a slide on a layout shows where nothing covers it: its background.

The layout's ``p:bg`` wins, then the master's, then the theme's ``bg1``. A background is
either a fill (``p:bgPr``) or a reference into the theme's fill styles (``p:bgRef``); either
may be a picture. Read by the contrast lints, the colours of deckgen's own marks and the
artwork measure.
"""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.slide import SlideLayout

from deckgen.render.template.colours import (
    RGB,
    TRANSPARENT,
    Element,
    Palette,
    as_int,
    colour_child,
    fill_of,
    paint,
    resolve_colour,
)


def _backgrounds(layout: SlideLayout) -> tuple[Element | None, str]:
    """The ``p:bg`` slides on ``layout`` show, and whose it is; None when neither sets one."""
    for owner, label in ((layout, "layout background"), (layout.slide_master, "master background")):
        background = owner.element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if background is not None:
            return background, label
    return None, "theme background (bg1)"


def background_of(layout: SlideLayout, palette: Palette) -> tuple[RGB | None, str]:
    """The layout's ``p:bg``, else the master's, else ``bg1``; with where it came from."""
    background, label = _backgrounds(layout)
    if background is None:
        return palette.scheme_colour("bg1"), label
    return _background_colour(background, palette), label


def _theme_fill(reference: Element, palette: Palette) -> Element | None:
    """The theme fill style a ``p:bgRef`` names (``idx`` 1001 and up: background fills)."""
    index = as_int(reference.get("idx"))
    styles = palette.background_fills if index > 1000 else palette.fills
    position = index - 1001 if index > 1000 else index - 1
    return styles[position] if 0 <= position < len(styles) else None


def _background_colour(background: Element, palette: Palette) -> RGB | None:
    """The colour of a ``p:bg``: its ``p:bgPr`` fill, or the theme fill its ``p:bgRef`` names."""
    properties = background.find(qn("p:bgPr"))
    if properties is not None:
        fill = fill_of(properties)
        colour = paint(fill, palette) if fill is not None else None
        return palette.scheme_colour("bg1") if colour == TRANSPARENT else colour
    reference = background.find(qn("p:bgRef"))
    if reference is None:
        return None
    style = _theme_fill(reference, palette)
    if style is None:
        return resolve_colour(colour_child(reference), palette)
    colour = paint(style, palette, resolve_colour(colour_child(reference), palette))
    return None if colour == TRANSPARENT else colour


def background_picture(layout: SlideLayout, palette: Palette) -> bool:
    """Whether slides on ``layout`` show a picture as their background."""
    background, _ = _backgrounds(layout)
    if background is None:
        return False
    properties, reference = background.find(qn("p:bgPr")), background.find(qn("p:bgRef"))
    if properties is not None:
        fill = fill_of(properties)
        return fill is not None and fill.tag == qn("a:blipFill")
    style = _theme_fill(reference, palette) if reference is not None else None
    return style is not None and style.tag == qn("a:blipFill")

