"""The part of a box no artwork crosses: where text can go on a decorated slide.

Given a box and the artwork of a layout (see :mod:`deckgen.render.template.artwork`),
:func:`clear_box` finds the largest rectangle of the box, or of another area offered in
its place, that no piece of artwork crosses. Artwork that holds a whole box (a band made for
the title, a background picture) is where the template means text to be and does not count.
A cleared box keeps at least :data:`KEEP` of the box's width and of its height, else the
box stays as it is. Lengths are EMU.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from itertools import groupby

from PIL import Image, ImageDraw

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import SET, Artwork, covered

KEEP = 0.4
"""The least share of its width and of its height a cleared box keeps."""
SLIVER = 0.01
"""Artwork under less than this share of a box's text area leaves the box as it is: a
corner is rarely reached by text."""
Cells = tuple[int, int, int, int]
"""A rectangle of grid cells: left, top, right, bottom (right and bottom exclusive)."""


def clear_box(box: Box, artwork: Artwork, placed: Sequence[Box] = (), alternative: Box | None = None) -> Box:
    """``box`` where no artwork crosses its text area (the box within its insets): itself (also
    when only a :data:`SLIVER` lies there, or artwork touches its edges), the largest clear part
    of it or of ``alternative`` (the master's area, given ``box``'s text styles and insets), or,
    when neither keeps :data:`KEEP` of ``box``, ``box`` unchanged. ``placed``: boxes moved there
    before, which ``box`` must not cover either."""
    if _crossed(box, artwork, placed) < SLIVER:
        return box
    candidates = [box] if alternative is None else [box, replace(box, left=alternative.left, top=alternative.top,
                                                                  width=alternative.width, height=alternative.height)]
    best: tuple[int, Box] | None = None
    for candidate in candidates:
        found = _clear_part(candidate, box, artwork, placed)
        if found is not None and (best is None or found[0] > best[0]):
            best = found
    return box if best is None else best[1]


def text_area(box: Box) -> Box:
    """Where text goes in ``box``: the box within its insets."""
    width = max(box.width - box.inset_left - box.inset_right, 0)
    height = max(box.height - box.inset_top - box.inset_bottom, 0)
    return Box(box.left + box.inset_left, box.top + box.inset_top, width, height)


def _crossed(box: Box, artwork: Artwork, placed: Sequence[Box]) -> float:
    """Share of ``box``'s text area that artwork (or a ``placed`` box) crosses, but for its
    outermost cells: what merely touches the area's edges is within the mask's precision."""
    left, top, right, bottom = artwork.region(text_area(box))
    inner = (left + 1, top + 1, max(right - 1, left + 1), max(bottom - 1, top + 1))
    return covered(_blocked(box, artwork, placed), inner)


def _clear_part(candidate: Box, original: Box, artwork: Artwork, placed: Sequence[Box]) -> tuple[int, Box] | None:
    """The largest part of ``candidate``'s text area free of artwork and of ``placed`` (its
    area in cells, and the box around it), when it keeps :data:`KEEP` of ``original``'s."""
    blocked = _blocked(candidate, artwork, placed)
    area, wanted = text_area(candidate), text_area(original)
    cell = artwork.cell
    least = (max(round(wanted.width * KEEP / cell), 1), max(round(wanted.height * KEEP / cell), 1))
    found = largest_clear(blocked, artwork.region(area), least)
    if found is None:
        return None
    left, top, right, bottom = found
    x0 = max(candidate.left, max(area.left, left * cell) - candidate.inset_left)
    y0 = max(candidate.top, max(area.top, top * cell) - candidate.inset_top)
    x1 = min(candidate.left + candidate.width, min(area.left + area.width, right * cell) + candidate.inset_right)
    y1 = min(candidate.top + candidate.height, min(area.top + area.height, bottom * cell) + candidate.inset_bottom)
    return (right - left) * (bottom - top), replace(candidate, left=x0, top=y0, width=x1 - x0, height=y1 - y0)


def _blocked(box: Box, artwork: Artwork, placed: Sequence[Box]) -> Image.Image:
    """The cells text in ``box`` must keep off: artwork crossing it, and the ``placed`` boxes."""
    mask = artwork.obstacles(box)
    if not placed:
        return mask
    draw = ImageDraw.Draw(mask)
    for other in placed:
        left, top, right, bottom = artwork.region(other)
        if right > left and bottom > top:
            draw.rectangle((left, top, right - 1, bottom - 1), fill=SET)
    return mask


def largest_clear(mask: Image.Image, region: Cells, least: tuple[int, int]) -> Cells | None:
    """The largest rectangle of ``region`` with no cell set in ``mask``, at least ``least``
    (columns, rows) in size; the first found among equals. None when there is none.

    Row by row, each column's height of clear cells ending there; the rectangles those
    heights allow come off a stack (the largest rectangle in a histogram), over runs of equal
    heights, which clear areas are made of.
    """
    left, top, right, bottom = region
    width = right - left
    if width <= 0 or bottom <= top:
        return None
    cells = mask.crop(region).convert("L").tobytes()
    heights = [0] * width
    best: Cells | None = None
    best_area = 0
    for row in range(bottom - top):
        heights = [0 if cell else height + 1 for cell, height in zip(cells[row * width:(row + 1) * width], heights)]
        stack: list[tuple[int, int]] = []
        column = 0
        for height, run in groupby([*heights, 0]):
            start = column
            while stack and stack[-1][1] >= height:
                start, tall = stack.pop()
                span = column - start
                if span >= least[0] and tall >= least[1] and span * tall > best_area:
                    best_area = span * tall
                    best = (left + start, top + row + 1 - tall, left + column, top + row + 1)
            stack.append((start, height))
            column += sum(1 for _ in run)
    return best
