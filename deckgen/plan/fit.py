"""Text fitting: choose a font size that fits a box, or split text over continuation slides.

Pure functions on measured widths: no pptx objects. PowerPoint's own autofit only runs
when a person edits a slide, so deckgen decides sizes itself and writes them explicitly.
Sizes are points; box dimensions are points too (1 pt = 12700 EMU). How a paragraph
wraps and how tall it is are :mod:`deckgen.plan.linebreak`'s and
:mod:`deckgen.plan.measure`'s; this module searches sizes with them. The rest of the
planner fits text through :func:`fit_text` alone (what ``__all__`` names).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import overload

from deckgen.outline.inline import parse_inline
from deckgen.plan.linebreak import widest_word
from deckgen.plan.long_paragraphs import cut_long
from deckgen.plan.measure import Area, Line, fitting_count, paragraph_height, paragraph_lines, space_before
from deckgen.plan.metrics import FontMetrics
from deckgen.plan.profile import TextStyle
from deckgen.plan.runs import char_widths
from deckgen.records import record

__all__ = ["SIZE_STEP_PT", "Area", "Block", "Cell", "CellExtent", "Line", "Request", "fit_text"]
"""The fitting API: the rest of the planner fits text through :func:`fit_text` alone."""

SIZE_STEP_PT = 2.0
"""Sizes are tried this many points apart, from the largest down."""
ABSOLUTE_MIN_PT = 10.0
"""Below the template's floor, text may shrink to this only when one paragraph alone is too long."""
SPLIT_SHRINK_PT = 4.0
"""When text must be split anyway, chunks are cut at this much below the largest size."""


@record(frozen=True)
class Fit:
    """The outcome for a block: its size and how many of its lines fit at that size."""

    size: float
    count: int
    """How many leading lines fit; equals the number of lines given when all fit."""
    fits: bool = True
    """False when even one paragraph alone does not fit at :data:`ABSOLUTE_MIN_PT`."""


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
    return Fit(ABSOLUTE_MIN_PT, 1, fits=False)


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
        count = _kept(rest, fitting_count(rest, split_size, area, metrics))
        fit = fit_block(rest[: max(count, 1)], area, split_size, floor, metrics)
        chunks.append(fit)
        rest = rest[fit.count :]
    size = min(chunk.size for chunk in chunks)
    return [Fit(size, chunk.count, chunk.fits) for chunk in chunks]


def _kept(lines: Sequence[Line], count: int) -> int:
    """``count`` moved back so a box does not end on a line kept with the next, unless the
    kept group starts the box (then it cannot help but continue)."""
    if count >= len(lines):
        return count
    back = count
    while back > 0 and lines[back - 1].keep:
        back -= 1
    return back or count


# --- the one entry point: a text to fit, and the boxes it fills -----------------------

BALANCE_FILL = 0.6
"""Balanced text spreads its paragraphs until it reaches this share of its box's height."""
MAX_GAP_EM = 1.0
"""Balancing adds at most this much space (in ems of the text size) between paragraphs."""
TOP_THIRD = 1 / 3
"""Balanced text that still ends within this share of its box is centred in the box instead."""
CENTRE_BELOW = 2 / 3
"""Text asked to be centred when short is centred when it fills less than this share of its box."""


@record(frozen=True)
class Request:
    """A text to fit into a box: its paragraphs, the box, the size range and the font.

    ``largest`` is the ceiling: text is set as large as fits up to it, never larger.
    """

    lines: tuple[Line, ...]
    area: Area
    largest: float
    floor: float
    metrics: FontMetrics
    heading: tuple[Line, ...] = ()
    """Lines repeated at the top of every box (a question's meta line, or a comparison column's
    heading, without a box of its own)."""
    max_lines: int | None = None
    """Titles: the text may wrap to at most this many lines (fewer sizes then fit)."""
    split: bool = True
    """True: text too long for one box continues in more boxes; False: one box, shrunk to fit."""
    cut_long: bool = True
    """True: a paragraph too long for a whole box is cut at line breaks and continues in the
    next; False: every paragraph stays whole, shrunk instead (a comparison column's bullets)."""
    balance: bool = False
    """True: short text is spread down its box (or centred), so it does not end in the top third."""
    centre: bool = False
    """True: text filling less than :data:`CENTRE_BELOW` of its box is centred in it (a pull quote)."""


@record(frozen=True)
class Block:
    """The text of one box, fitted: its size, its lines and how they sit in the box."""

    size: float
    lines: tuple[Line, ...]
    fits: bool = True
    """False when even one paragraph alone does not fit at :data:`ABSOLUTE_MIN_PT`."""
    paragraph_space: float = 0.0
    """Space above each top-level paragraph after the first, in points; 0: the template's own."""
    centred: bool = False
    """True: the text is centred vertically in its box (too little to fill it otherwise)."""


@record(frozen=True)
class Cell:
    """A table cell's text to measure at one trial size (a table searches its size itself,
    because its column widths change with the size too)."""

    text: str
    size: float
    metrics: FontMetrics
    bold: bool = False
    """A header cell, set bold."""
    wrap: float | None = None
    """Width in points the text wraps into for its height; None: its widths alone are wanted."""


@record(frozen=True)
class CellExtent:
    """The room a cell's text takes at its size, in points."""

    width: float
    """The whole text on one line."""
    widest_word: float
    """Its widest word: the narrowest column it fits in without a word broken."""
    height: float = 0.0
    """Wrapped into :attr:`Cell.wrap`, line spacing included; 0 when no width was given."""


@overload
def fit_text(request: Request) -> list[Block]: ...


@overload
def fit_text(request: Cell) -> CellExtent: ...


def fit_text(request: Request | Cell) -> list[Block] | CellExtent:
    """Fit ``request``'s text: one block per box it takes, in order; every line kept.

    Long paragraphs are first cut at line-break points into pieces a box can hold (unless
    ``cut_long`` is False); then the text is shrunk down to the floor before it is split
    over more boxes (all at one size); a title stays in one box and shrinks until it wraps
    to ``max_lines`` at most. A table :class:`Cell` is measured at its own size instead.
    """
    if isinstance(request, Cell):
        return _measure_cell(request)
    if request.max_lines is not None or not request.split:
        return [_centred(_one_box(request), request)]
    blocks = _boxes(request)
    if request.balance and len(blocks) == 1:
        return [_balanced(blocks[0], request)]
    return blocks


def _boxes(request: Request) -> list[Block]:
    """Text that may continue: long paragraphs cut, shrunk to the floor, then split over boxes."""
    area = _less_heading(request)
    lines = cut_long(request.lines, area, request.floor, request.metrics) if request.cut_long else list(request.lines)
    blocks: list[Block] = []
    start = 0
    for chunk in split_to_fit(lines, area, request.largest, request.floor, request.metrics):
        body = tuple(lines[start:start + chunk.count])
        blocks.append(Block(chunk.size, request.heading + body, chunk.fits))
        start += chunk.count
    return blocks


def _one_box(request: Request) -> Block:
    """A title (or a box that cannot continue): the largest size at which it fits, within ``max_lines``.

    A title too long for ``max_lines`` even at the floor takes more lines at the floor
    before it shrinks below it.
    """
    lines = list(request.lines)
    for size in _sizes(request.largest, request.floor):
        if _within(lines, size, request):
            return Block(size, request.lines)
    for size in _sizes(request.floor, ABSOLUTE_MIN_PT):
        if fitting_count(lines, size, request.area, request.metrics) == len(lines):
            return Block(size, request.lines)
    return Block(ABSOLUTE_MIN_PT, request.lines, fits=False)


def _within(lines: list[Line], size: float, request: Request) -> bool:
    if fitting_count(lines, size, request.area, request.metrics) < len(lines):
        return False
    limit = request.max_lines
    return limit is None or all(paragraph_lines(line, size, request.area, request.metrics) <= limit
                                for line in lines)


def _less_heading(request: Request) -> Area:
    """The box less the height its repeated heading takes (at the largest size, to be safe)."""
    used = sum(paragraph_height(line, request.largest, request.area, request.metrics) for line in request.heading)
    return replace(request.area, height=max(request.area.height - used, 0.0))


def _centred(block: Block, request: Request) -> Block:
    """``block`` centred in its box when the request asks it and the text fills too little of it."""
    if not request.centre:
        return block
    return replace(block, centred=_used(block, request) < request.area.height * CENTRE_BELOW)


def _used(block: Block, request: Request) -> float:
    """Height in points the block's lines take in the request's box."""
    return sum(paragraph_height(line, block.size, request.area, request.metrics) for line in block.lines)


def _balanced(block: Block, request: Request) -> Block:
    """``block`` spread down its box: more space between top-level paragraphs (at most
    :data:`MAX_GAP_EM` each) until it fills :data:`BALANCE_FILL`; centred if it still ends
    within the top third."""
    area, size = request.area, block.size
    used = _used(block, request)
    tops = [line for line in block.lines[1:] if line.level == 0]
    extra = 0.0
    if tops and used < area.height * BALANCE_FILL:
        extra = min(MAX_GAP_EM * size, (area.height * BALANCE_FILL - used) / len(tops))
        used += extra * len(tops)
    space = space_before(tops[0], size, area) + extra if extra else 0.0
    return replace(block, paragraph_space=round(space, 1), centred=used <= area.height * TOP_THIRD)


_CELL_STYLES = (TextStyle(),)
"""A table cell's paragraphs: no margins, indents or spacing of the template's."""
_TALL = 10**6
"""A cell is measured in a box this many points tall: its height is what is asked."""


def _measure_cell(cell: Cell) -> CellExtent:
    """``cell``'s text on one line and, given a width, wrapped; formatted runs in their own faces."""
    inline = parse_inline(cell.text)
    widths = char_widths(inline, cell.metrics, cell.size, cell.bold)
    height = 0.0
    if cell.wrap is not None:
        metrics = _bold(cell.metrics) if cell.bold else cell.metrics
        height = paragraph_height(Line(cell.text, indented=False), cell.size, Area(cell.wrap, _TALL, _CELL_STYLES),
                                  metrics)
    return CellExtent(sum(widths), widest_word(inline.text, widths), height)


def _bold(metrics: FontMetrics) -> FontMetrics:
    """``metrics`` measuring every style in its bold face (a header row is set bold)."""
    faces = {key: metrics.face(True, key.endswith("italic")) for key in metrics.faces}
    return replace(metrics, faces=faces)
