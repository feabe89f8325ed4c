"""Where a question slide's countdown bar runs on a layout.

A question slide with minutes carries a thin bar that empties over those minutes (drawn and
animated by :mod:`deckgen.render.deck.countdown`). It runs along the slide's bottom edge, the
whole width of the slide, below where templates set their footer, slide number and date, so
that it reads as a progress bar and covers no text. It keeps clear of the layout's footer and
slide number (for templates that set them on the edge) and of the template's artwork
(:mod:`deckgen.render.template.artwork`; a piece as large as the slide, such as a background,
does not count): where they reach the bottom edge, such as a logo in a corner or the foot of
a diagonal, the bar takes the longest clear part of that edge when it spans at least half the
slide; else it rises just above what lies along the bottom (a band, within the slide's lowest
quarter) to the first height where such a part is clear, else it runs along the top edge;
when nothing is clear it keeps to the bottom edge. Lengths are EMU.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from PIL import Image, ImageDraw

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import Artwork, covered

BAR_SHARE = 108
"""The bar is 1/108 of the slide's height: 1/16 inch (4.5 pt) on a 7.5-inch slide."""
LEAST_RUN = 0.5
"""The least share of the slide's width a part of the bottom edge needs to carry the bar."""
LIFT_SHARE = 4
"""The bar rises at most 1/4 of the slide's height above the bottom edge, over a band of artwork."""


def countdown_strip(artwork: Artwork, margins: Sequence[Box] = ()) -> Box:
    """The countdown bar's box on a slide whose artwork is ``artwork`` (see the module's text),
    clear of ``margins`` too: where the slide's footer and number stand."""
    height = max(artwork.height // BAR_SHARE, 1)
    bottom = Box(0, artwork.height - height, artwork.width, height)
    mask = _blocked(artwork, margins)
    for strip in _rising(artwork, bottom):
        run = _longest_run(mask, artwork, strip)
        if run is not None and run.width >= artwork.width * LEAST_RUN:
            return run
    top = Box(0, 0, artwork.width, height)
    return top if covered(mask, artwork.region(top)) == 0 else bottom


def _blocked(artwork: Artwork, margins: Sequence[Box]) -> Image.Image:
    """The cells the bar must not cross: artwork (but a piece as large as the slide) and ``margins``."""
    mask = artwork.obstacles(Box(0, 0, artwork.width, artwork.height))
    draw = ImageDraw.Draw(mask)
    for box in margins:
        left, top, right, bottom = artwork.region(box)
        if right > left and bottom > top:
            draw.rectangle((left, top, right - 1, bottom - 1), fill=1)
    return mask


def _rising(artwork: Artwork, bottom: Box) -> Iterator[Box]:
    """The bottom edge's strip, then strips of its height a cell higher each, up to the limit."""
    yield bottom
    cell = artwork.cell
    highest = artwork.height - artwork.height // LIFT_SHARE
    top = (bottom.top // cell - 1) * cell
    while top >= highest:
        yield Box(0, top, bottom.width, bottom.height)
        top -= cell


def _longest_run(mask: Image.Image, artwork: Artwork, strip: Box) -> Box | None:
    """The longest part of ``strip`` (a full-width strip) that no artwork crosses, by whole cells."""
    left, top, right, bottom = artwork.region(strip)
    if right <= left or bottom <= top:
        return None
    columns = mask.crop((left, top, right, bottom)).convert("L").reduce((1, bottom - top)).tobytes()
    clear = [value == 0 for value in columns]  # a column's cells averaged: 0 where none is set
    best: tuple[int, int] | None = None
    start: int | None = None
    for column, free in enumerate([*clear, False]):
        if free and start is None:
            start = column
        elif not free and start is not None:
            if best is None or column - start > best[1] - best[0]:
                best = (start, column)
            start = None
    if best is None:
        return None
    cell = artwork.cell
    begin, end = (left + best[0]) * cell, min((left + best[1]) * cell, artwork.width)
    return Box(begin, strip.top, end - begin, strip.height)
