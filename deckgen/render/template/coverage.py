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


def artwork_rects(layout: Any, slide_width: int, slide_height: int) -> tuple[Rect, ...]:
    """Bounding boxes of the artwork a slide on ``layout`` shows (its master's included), backgrounds left out."""
    rects = _artwork(layout.shapes)
    if _shows_master_shapes(layout):
        rects += _artwork(layout.slide_master.shapes)
    slide = slide_width * slide_height
    return tuple(r for r in rects if r[2] * r[3] < BACKGROUND_SHARE * slide)


def _inside(x: int, y: int, rect: Rect) -> bool:
    left, top, width, height = rect
    return left <= x < left + width and top <= y < top + height


def covered_share(rects: Sequence[Rect], boxes: Iterable[Box | None]) -> float:
    """Share (0 to 1) of the area of ``boxes`` that ``rects`` cover; 0 for no boxes."""
    covered = total = 0.0
    for box in boxes:
        if box is None or box.width <= 0 or box.height <= 0:
            continue
        area = box.width * box.height
        hits = sum(
            1
            for row in range(_GRID)
            for column in range(_GRID)
            if any(_inside(box.left + (2 * column + 1) * box.width // (2 * _GRID),
                           box.top + (2 * row + 1) * box.height // (2 * _GRID), rect) for rect in rects)
        )
        covered += area * hits / (_GRID * _GRID)
        total += area
    return covered / total if total else 0.0
