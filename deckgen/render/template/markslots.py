"""Where deckgen's own question mark goes on a layout borrowed for question slides.

A template without a question layout serves questions with its content layout. So that
question slides still stand apart, deckgen lays the slide out itself: the kind-and-minutes
label on top, the prompt in a taller title box, follow-ups below, a disc with "?" over the
"Discuss" label at the right, and an accent band (drawn by :mod:`deckgen.render.deck.marks`).
All of it keeps clear of the template's artwork and of each other: the column the content
layout's title and body span is cleared of artwork first (see
:mod:`deckgen.render.template.clearance`); the band runs down the slide's left edge where
no artwork lies there, else down the column's left edge, and the text starts right of it.
In a right-to-left deck all of it is mirrored: the band runs down the right, the disc and
its label stand at the left. Lengths are EMU.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deckgen.plan.profile import EMU_PER_PT, Box, LayoutSlots, TextStyle
from deckgen.render.template.artwork import Artwork
from deckgen.render.template.clearance import clear_box

if TYPE_CHECKING:
    from deckgen.render.template.layouts import LayoutShape

LABEL_HEIGHT = 40 * EMU_PER_PT
"""Height of the kind-and-minutes label and of the "Discuss" label (a 16 pt line and insets)."""
TITLE_SHARE = 0.5
"""Share of the area below the label that the prompt's box takes."""
LABEL_WIDTH = 3 * LABEL_HEIGHT
"""The least width of the "Discuss" label, so that it stays on one line under a small disc."""
BAND_SHARE = 64
"""The band is 1/64 of the slide's width."""
_CLEAR = 0.01
"""A strip with less than this share under artwork is clear for the band."""


def _gap(width: int) -> int:
    return width // 30


def _column(title: Box, body: Box, artwork: Artwork) -> Box:
    """The area the title and body span together, cleared of artwork to its edges (band, disc
    and labels are drawn right up to them)."""
    left, top = min(title.left, body.left), title.top
    right, bottom = max(title.left + title.width, body.left + body.width), body.top + body.height
    return clear_box(Box(left, top, right - left, bottom - top, 0, 0, 0, 0), artwork)


def _clear(box: Box, artwork: Artwork) -> bool:
    return artwork.crossing(box) < _CLEAR


def _band(column: Box, artwork: Artwork, mirrored: bool) -> tuple[Box | None, int, int]:
    """The band, and the span (left, right) the text and disc keep to beside it: down the
    slide's leading edge (its left, or its right when ``mirrored``) when clear, else down the
    column's, else no band."""
    width = artwork.width // BAND_SHARE
    right = column.left + column.width
    gap = _gap(column.width)
    edge = Box(artwork.width - width if mirrored else 0, 0, width, artwork.height)
    if _clear(edge, artwork):
        if mirrored:
            return edge, column.left, min(right, edge.left - gap // 2)
        return edge, max(column.left, width + gap // 2), right
    inside = Box(right - width if mirrored else column.left, column.top, width, column.height)
    if _clear(inside, artwork):
        if mirrored:
            return inside, column.left, inside.left - gap
        return inside, column.left + width + gap, right
    return None, column.left, right


def question_mark_slots(shape: LayoutShape, mirrored: bool = False) -> LayoutSlots | None:
    """Slots of a marked question slide on ``shape`` (a content layout); None without title and
    body, or without room for them. ``mirrored`` (right-to-left decks): the band runs down the
    right, the disc stands at the left, the text beside it."""
    if shape.title is None or not shape.texts:
        return None
    title, body = shape.title, shape.texts[0]
    artwork = shape.artwork or Artwork(*shape.slide, [])
    column = _column(title, body, artwork)
    band, left, right = _band(column, artwork, mirrored)
    width = right - left
    top, height = column.top, column.height
    bottom = top + height
    gap = _gap(width)
    if height < 4 * LABEL_HEIGHT or width < 8 * LABEL_HEIGHT:
        return None
    disc = min(width // 5, (height - LABEL_HEIGHT) * 2 // 5)
    side = max(disc, LABEL_WIDTH)  # the disc, centred over its label
    text_width = width - side - 2 * gap
    prompt_top = top + LABEL_HEIGHT
    prompt_height = int((height - LABEL_HEIGHT) * TITLE_SHARE)
    follow_top = prompt_top + prompt_height + gap
    offset = (side - disc) // 2  # from the side's outer edge, so that mirrored decks mirror exactly
    if mirrored:
        text_left, side_left, disc_left = right - text_width, left, left + side - offset - disc
    else:
        text_left, side_left, disc_left = left, right - side, right - side + offset
    return LayoutSlots(
        shape.name,
        title=replace(title, left=text_left, top=prompt_top, width=text_width, height=prompt_height),
        body=replace(body, left=text_left, top=follow_top, width=text_width, height=bottom - follow_top),
        aside=Box(text_left, top, text_width, LABEL_HEIGHT, levels=(TextStyle(),)),
        layout_index=shape.index,
        label=Box(side_left, prompt_top + disc + LABEL_HEIGHT // 4, side, LABEL_HEIGHT),
        mark=True,
        band=band,
        disc=Box(disc_left, prompt_top, disc, disc),
    )
