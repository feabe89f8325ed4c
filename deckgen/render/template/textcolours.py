"""Text colours deckgen sets so that a deck's text reads on what lies under it.

A template decides its text colours, and on most templates every box deckgen fills reads
well. Some do not: a design that gives its titles white for a dark title band while its
title-slide layout puts the title on the white slide (LibreOffice exports), a dark theme
whose colour map keeps Office's black ``tx1`` and that colours only its placeholders' text
(Quarto's dark mode), so a text box of deckgen's own (a table's caption, a column) came out
black on the dark slide. Text that cannot be told from what lies under it (contrast below
:data:`UNREADABLE`: a colour meant for another background) takes, instead, the first of the
theme's ``tx1`` and ``bg1`` (its text and background colours, through the master's colour
map) that reads there at WCAG AA contrast. A colour the template chose that is merely weak
(a light brand green on white) stays: it is the template's look, and ``check`` reports it
(:mod:`deckgen.render.template.contrast`).
"""

from __future__ import annotations

from collections.abc import Iterable

from pptx.slide import SlideLayout

from deckgen.render.template.background import background_of
from deckgen.render.template.colours import RGB, TRANSPARENT, Palette, contrast_ratio, palette_for
from deckgen.render.template.blueprint import Backdrop
from deckgen.render.template.contrast import UNREADABLE, WCAG_AA, LayoutPlaceholder, backdrops, placeholder_text_colour

THEME_TEXT = ("tx1", "bg1")
"""The colours readable text may take, in the order tried: the theme's text, then its background."""


def readable(text: RGB | None, under: RGB | None, palette: Palette) -> str | None:
    """None when ``text`` can be read on ``under`` (or either is unknown), else the scheme colour
    of :data:`THEME_TEXT` that reads best there."""
    if text is None or under is None or under == TRANSPARENT or contrast_ratio(text, under) >= UNREADABLE:
        return None
    ratios = {name: contrast_ratio(found, under) for name in THEME_TEXT if (found := palette.scheme_colour(name)) is not None}
    if not ratios:
        return None
    best = next((name for name in THEME_TEXT if ratios.get(name, 0.0) >= WCAG_AA), max(ratios, key=lambda n: ratios[n]))
    return None if ratios[best] <= contrast_ratio(text, under) else best


def placeholder_recolours(layout: SlideLayout, placeholders: Iterable[tuple[LayoutPlaceholder, bool]],
                          ) -> tuple[tuple[Backdrop, ...], tuple[tuple[str | None, ...], ...]]:
    """The rectangles of the layout's artwork text may sit on (topmost first), and for each
    (layout placeholder, is a title) the colour its text needs on each of them, then on the
    slide's background (None: its own colour reads there, or a colour is unknown)."""
    palette = palette_for(layout)
    under = backdrops(layout, palette)
    colours = [*(colour for _, colour in under), background_of(layout, palette)[0]]
    found = []
    for placeholder, title in placeholders:
        text = placeholder_text_colour(placeholder, title, palette)
        found.append(tuple(readable(text, colour, palette) for colour in colours))
    return tuple(rect for rect, _ in under), tuple(found)


def text_box_colour(layout: SlideLayout) -> str | None:
    """The colour deckgen's own text boxes need on ``layout`` (they inherit the theme's ``tx1``),
    None when ``tx1`` reads on the slide's background."""
    palette = palette_for(layout)
    return readable(palette.scheme_colour("tx1"), background_of(layout, palette)[0], palette)
