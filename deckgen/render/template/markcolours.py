"""Which theme colours deckgen's question mark takes on a layout (see :mod:`deckgen.render.deck.marks`)."""

from __future__ import annotations

from pptx.slide import SlideLayout

from deckgen.render.template.colours import contrast_ratio, palette_for
from deckgen.render.template.background import background_of
from deckgen.render.template.blueprint import MarkColours

_ACCENTS = ("accent1", "accent2", "accent3", "accent4", "accent5", "accent6")
_GRAPHICS_CONTRAST = 3.0
"""WCAG's contrast for graphics and large bold text: the mark and its labels need at least this."""


def mark_colours(layout: SlideLayout) -> MarkColours:
    """The first theme accent that stands out from ``layout``'s background, and the better of
    ``bg1``/``tx1`` on it (accent1 and bg1 when colours cannot be resolved)."""
    palette = palette_for(layout)
    background = background_of(layout, palette)[0]
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
