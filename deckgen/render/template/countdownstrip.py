"""Where a question slide's countdown bar runs on a layout.

A question slide with minutes carries a thin bar that empties over those minutes (drawn and
animated by :mod:`deckgen.render.deck.countdown`). It runs the whole width of the slide along
its bottom edge, below where templates set their footer, slide number and date, so that it
reads as a progress bar and covers no text. Where the template's artwork lies along the
bottom edge (a band, a logo), the bar runs along the top edge instead, if that is clear; if
neither edge is clear it keeps to the bottom. Lengths are EMU.
"""

from __future__ import annotations

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import Artwork

BAR_SHARE = 108
"""The bar is 1/108 of the slide's height: 1/16 inch (4.5 pt) on a 7.5-inch slide."""
_CLEAR = 0.01
"""A strip with less than this share under artwork is clear for the bar."""


def countdown_strip(artwork: Artwork) -> Box:
    """The countdown bar's box on a slide whose artwork is ``artwork``: along the bottom edge,
    else along the top edge where only that one is clear of artwork."""
    height = max(artwork.height // BAR_SHARE, 1)
    bottom = Box(0, artwork.height - height, artwork.width, height)
    top = Box(0, 0, artwork.width, height)
    if artwork.share(bottom) >= _CLEAR and artwork.share(top) < _CLEAR:
        return top
    return bottom
