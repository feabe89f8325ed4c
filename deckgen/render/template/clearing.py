"""Text clear of artwork: a layout's text boxes moved off the template's decorations.

Where a layout's title or text box would put words on the layout's or master's artwork
(see :mod:`deckgen.render.template.artwork`), deckgen shrinks the box to the largest part
of it that no artwork crosses, or takes the master's own title or body area when more of
that is clear (:mod:`deckgen.render.template.clearance`). The plan then fits the text into
the cleared box as into any other, and the deck writer gives the placeholder its geometry.
"""

from __future__ import annotations

from dataclasses import replace

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import SlideLayout

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import Artwork
from deckgen.render.template.clearance import clear_box
from deckgen.render.template.layouts import LayoutShape, in_fill_order

_MASTER_TYPES = {
    "title": (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE),
    "body": (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT),
}


def clear_of_artwork(shape: LayoutShape, artwork: Artwork) -> LayoutShape:
    """``shape`` with its title and text boxes clear of ``artwork`` (unchanged where nothing
    lies under them). The master's title area may stand for the title, its body area for the
    only text box of a layout; a box moved there is kept clear of the boxes after it."""
    if not artwork.pieces:
        return shape
    moved: list[Box] = []
    title = None
    if shape.title is not None:
        title = clear_box(shape.title, artwork, moved, _master_box(shape.layout, "title"))
        moved += [] if _within(title, shape.title) else [title]
    texts = []
    single = len(shape.texts) == 1
    for box in shape.texts:
        texts.append(clear_box(box, artwork, moved, _master_box(shape.layout, "body") if single else None))
        moved += [] if _within(texts[-1], box) else [texts[-1]]
    return replace(shape, title=title, texts=tuple(texts))


def _within(inner: Box, outer: Box) -> bool:
    """Whether ``inner`` lies inside ``outer``: a box shrunk in place overlaps nothing new."""
    return (outer.left <= inner.left and outer.top <= inner.top and inner.left + inner.width <= outer.left + outer.width
            and inner.top + inner.height <= outer.top + outer.height)


def _master_box(layout: SlideLayout, kind: str) -> Box | None:
    """The master's own title or body area, None when it has none."""
    for placeholder in in_fill_order(layout.slide_master.placeholders):
        if placeholder.placeholder_format.type in _MASTER_TYPES[kind]:
            left, top, width, height = placeholder.left, placeholder.top, placeholder.width, placeholder.height
            if None in (left, top, width, height):
                return None
            return Box(int(left), int(top), int(width), int(height))
    return None
