"""Text clear of artwork: a layout's text boxes moved off the template's decorations.

Where a role's title or text box on a layout would put words on the layout's or master's
artwork (``LayoutShape.artwork``, see :mod:`deckgen.render.template.artwork`), deckgen
shrinks the box to the largest part of it that no artwork crosses, or takes the master's own
title or body area when more of that is clear (:mod:`deckgen.render.template.clearance`).
:func:`deckgen.render.template.layouts.slots_for` clears the boxes a role gets, so the plan
fits text into the cleared boxes as into any other, and the deck writer gives the
placeholder its geometry.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import Artwork, Boxes
from deckgen.render.template.clearance import clear_box

if TYPE_CHECKING:
    from deckgen.render.template.layouts import LayoutShape


def clear_of_artwork(shape: LayoutShape) -> LayoutShape:
    """``shape`` with its title and text boxes clear of its artwork (unchanged where nothing
    lies under them). The master's title area may stand for the title, its body area for the
    only text box of a layout; a box moved there is kept clear of the boxes after it, and a
    text box that has to move is kept clear of the title (a subtitle moved off a title slide's
    artwork into the master's body area went over the title)."""
    artwork = shape.artwork
    if artwork is None or not artwork.pieces:
        return shape
    key = ((shape.title, shape.texts), shape.areas)
    if key not in artwork.cleared:
        artwork.cleared[key] = _cleared(shape.title, shape.texts, artwork, shape.areas)
    title, texts = artwork.cleared[key]
    return replace(shape, title=title, texts=texts)


def _cleared(title: Box | None, texts: tuple[Box, ...], artwork: Artwork, areas: tuple[Box, Box] | None) -> Boxes:
    master_title, master_body = areas if areas is not None else (None, None)
    moved: list[Box] = []
    cleared_title = None
    if title is not None:
        cleared_title = clear_box(title, artwork, moved, master_title)
        moved += [] if _within(cleared_title, title) else [cleared_title]
    cleared: list[Box] = []
    single = len(texts) == 1
    for box in texts:
        found = clear_box(box, artwork, moved, master_body if single else None)
        if found != box and cleared_title is not None and cleared_title not in moved:
            found = clear_box(box, artwork, [*moved, cleared_title], master_body if single else None)
        cleared.append(found)
        moved += [] if _within(cleared[-1], box) else [cleared[-1]]
    return cleared_title, tuple(cleared)


def _within(inner: Box, outer: Box) -> bool:
    """Whether ``inner`` lies inside ``outer``: a box shrunk in place overlaps nothing new."""
    return (outer.left <= inner.left and outer.top <= inner.top and inner.left + inner.width <= outer.left + outer.width
            and inner.top + inner.height <= outer.top + outer.height)
