"""How much of a text box a layout's artwork covers: text must not sit on a template's pictures.

A template's artwork is every shape of a layout, and of its master where the layout shows
the master's shapes, that is not a placeholder: pictures, bands, freeforms. A shape covering
(almost) the whole slide is a background, which text is meant to sit on, and does not count.
Coverage is measured on bounding boxes, sampled on a grid: cheap, deterministic, and close
enough to choose between a plain master and a decorated one. Lengths are EMU.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from deckgen.plan.profile import Box

Rect = tuple[int, int, int, int]
"""A shape's bounding box: left, top, width, height (EMU)."""

BACKGROUND_SHARE = 0.9
"""A shape covering at least this share of the slide is a background, not artwork."""
_GRID = 16
"""Samples across and down each box."""


def _rect(shape: Any) -> Rect | None:
    values = (shape.left, shape.top, shape.width, shape.height)
    if any(value is None for value in values):
        return None
    left, top, width, height = (int(value) for value in values)
    return (left, top, width, height) if width > 0 and height > 0 else None


def _artwork(shapes: Iterable[Any]) -> list[Rect]:
    rects = []
    for shape in shapes:
        if getattr(shape, "is_placeholder", False):
            continue
        rect = _rect(shape)
        if rect is not None:
            rects.append(rect)
    return rects


def _shows_master_shapes(layout: Any) -> bool:
    return str(layout.element.get("showMasterSp", "1")) not in ("0", "false")


def master_artwork(master: Any, slide_width: int, slide_height: int) -> tuple[Rect, ...]:
    """Bounding boxes of a master's artwork (read once per master), backgrounds left out."""
    return _without_backgrounds(_artwork(master.shapes), slide_width, slide_height)


def artwork_rects(layout: Any, master: tuple[Rect, ...], slide_width: int, slide_height: int) -> tuple[Rect, ...]:
    """Bounding boxes of the artwork a slide on ``layout`` shows: its own, and its master's
    (``master``, from :func:`master_artwork`) unless the layout hides them; backgrounds left out."""
    own = _without_backgrounds(_artwork(layout.shapes), slide_width, slide_height)
    return own + master if _shows_master_shapes(layout) else own


def _without_backgrounds(rects: Iterable[Rect], slide_width: int, slide_height: int) -> tuple[Rect, ...]:
    slide = slide_width * slide_height
    return tuple(r for r in rects if r[2] * r[3] < BACKGROUND_SHARE * slide)


def _samples(start: int, length: int, low: int, high: int) -> range:
    """Which of a box's :data:`_GRID` sample points along one axis (at ``start + (2i+1)·length/2G``)
    fall within ``low`` to ``high``."""
    first = next((i for i in range(_GRID) if start + (2 * i + 1) * length // (2 * _GRID) >= low), _GRID)
    last = next((i for i in range(_GRID - 1, -1, -1) if start + (2 * i + 1) * length // (2 * _GRID) < high), -1)
    return range(first, last + 1)


def covered_share(rects: Sequence[Rect], boxes: Iterable[Box | None]) -> float:
    """Share (0 to 1) of the area of ``boxes`` that ``rects`` cover; 0 for no boxes."""
    covered = total = 0.0
    for box in boxes:
        if box is None or box.width <= 0 or box.height <= 0:
            continue
        hit: set[tuple[int, int]] = set()
        for left, top, width, height in rects:
            columns = _samples(box.left, box.width, left, left + width)
            hit.update((row, column) for row in _samples(box.top, box.height, top, top + height) for column in columns)
        area = box.width * box.height
        covered += area * len(hit) / (_GRID * _GRID)
        total += area
    return covered / total if total else 0.0
