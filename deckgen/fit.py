"""Text fitting: choose a font size that fits a box, or split text over continuation slides.

Pure functions on measured widths: no pptx objects. PowerPoint's own autofit only runs
when a person edits a slide, so deckgen decides sizes itself and writes them explicitly.
Sizes are points; box dimensions are points too (1 pt = 12700 EMU).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from deckgen.metrics import FontMetrics, is_full_width

SIZE_STEP_PT = 2.0
ABSOLUTE_MIN_PT = 10.0
"""Below the template's floor, text may shrink to this only when one paragraph alone is too long."""
LEVEL_INDENT_EM = 1.6
"""Indent of each bullet level (and the bullet itself) in ems of the paragraph's size."""
PARAGRAPH_GAP = 0.35
"""Space between paragraphs, as a fraction of a line."""
SPLIT_SHRINK_PT = 4.0
"""When text must be split anyway, chunks are cut at this much below the largest size."""
LEVEL_SCALE = (1.0, 0.86, 0.76)
"""Font size of bullet levels 0, 1, 2 relative to the block size."""


@dataclass(frozen=True)
class Area:
    """The usable text area of a box, in points (after its insets)."""

    width: float
    height: float


@dataclass(frozen=True)
class Line:
    """One paragraph to fit: text, bullet level and whether it carries a bullet indent."""

    text: str
    level: int = 0
    indented: bool = True


@dataclass(frozen=True)
class Fit:
    """The outcome for a block: its size and how many of its lines fit at that size."""

    size: float
    count: int
    """How many leading lines fit; equals the number of lines given when all fit."""


def level_size(size: float, level: int) -> float:
    """Font size of a paragraph at bullet ``level`` in a block set at ``size``."""
    return round(size * LEVEL_SCALE[min(level, len(LEVEL_SCALE) - 1)])


_TOKEN = re.compile(r"\S+\s*")


def _tokens(text: str) -> list[str]:
    """Break opportunities: words with trailing space; every full-width character alone."""
    tokens: list[str] = []
    for word in _TOKEN.findall(text) or [text]:
        buffer = ""
        for char in word:
            if is_full_width(char):
                if buffer:
                    tokens.append(buffer)
                    buffer = ""
                tokens.append(char)
            else:
                buffer += char
        if buffer:
            tokens.append(buffer)
    return tokens


def wrapped_line_count(text: str, width: float, size: float, metrics: FontMetrics) -> int:
    """Lines ``text`` takes when wrapped into ``width`` points at ``size`` points."""
    if width <= 0:
        return 10**6
    lines, current = 1, 0.0
    for token in _tokens(text):
        token_width = metrics.width_pt(token.rstrip(), size)
        if current and current + token_width > width:
            lines += 1
            current = 0.0
        while token_width > width:  # a word longer than the line breaks anywhere
            lines += 1
            token_width -= width
        current += metrics.width_pt(token, size)
    return lines


def _line_height(line: Line, size: float, area: Area, metrics: FontMetrics) -> float:
    """Height in points that one paragraph takes, including the gap after it."""
    para_size = level_size(size, line.level)
    indent = (line.level + 1) * LEVEL_INDENT_EM * para_size if line.indented else 0.0
    count = wrapped_line_count(line.text, area.width - indent, para_size, metrics)
    return (count + PARAGRAPH_GAP) * para_size * metrics.line_height


def fitting_count(lines: Sequence[Line], size: float, area: Area, metrics: FontMetrics) -> int:
    """How many leading ``lines`` fit in ``area`` at ``size``."""
    used = 0.0
    for index, line in enumerate(lines):
        used += _line_height(line, size, area, metrics)
        if used > area.height + PARAGRAPH_GAP * size * metrics.line_height:
            return index
    return len(lines)


def _sizes(largest: float, floor: float) -> list[float]:
    """Candidate sizes from ``largest`` down to ``floor`` in steps."""
    sizes, size = [], largest
    while size > floor:
        sizes.append(size)
        size -= SIZE_STEP_PT
    return sizes + [floor]


def fit_block(
    lines: Sequence[Line], area: Area, largest: float, floor: float, metrics: FontMetrics
) -> Fit:
    """The largest size between ``floor`` and ``largest`` at which all ``lines`` fit.

    When even ``floor`` is too large, returns the floor and how many lines fit there; when
    not one line fits at the floor, shrinks further (down to :data:`ABSOLUTE_MIN_PT`) so a
    single long paragraph is still shown whole.
    """
    for size in _sizes(largest, floor):
        if fitting_count(lines, size, area, metrics) == len(lines):
            return Fit(size, len(lines))
    count = fitting_count(lines, floor, area, metrics)
    if count:
        return Fit(floor, count)
    for size in _sizes(floor, ABSOLUTE_MIN_PT):
        if fitting_count(lines[:1], size, area, metrics):
            return Fit(size, 1)
    return Fit(ABSOLUTE_MIN_PT, 1)


def split_to_fit(
    lines: Sequence[Line], area: Area, largest: float, floor: float, metrics: FontMetrics
) -> list[Fit]:
    """Split ``lines`` into consecutive chunks that each fit ``area``; one :class:`Fit` a chunk.

    Shrinking (down to ``floor``) is preferred to splitting. When a split is unavoidable the
    chunks are cut at a comfortable size (:data:`SPLIT_SHRINK_PT` below ``largest``) and all
    share one size, so continuation slides look like their first slide.
    """
    whole = fit_block(lines, area, largest, floor, metrics)
    if whole.count >= len(lines):
        return [whole]
    split_size = max(floor, largest - SPLIT_SHRINK_PT)
    chunks: list[Fit] = []
    rest = list(lines)
    while rest:
        count = fitting_count(rest, split_size, area, metrics)
        fit = fit_block(rest[: max(count, 1)], area, split_size, floor, metrics)
        chunks.append(fit)
        rest = rest[fit.count :]
    size = min(chunk.size for chunk in chunks)
    return [Fit(size, chunk.count) for chunk in chunks]
