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

from deckgen.outline.inline import Inline, parse_inline
from deckgen.plan.linebreak import Filler, Pen, break_points, has_full_width
from deckgen.plan.measure import (Area, Line, fitting_count, line_size, line_style, lines_height, paragraph_height,
                                  paragraph_lines, space_before, text_width)
from deckgen.plan.metrics import FontMetrics
from deckgen.records import record

__all__ = ["Area", "Block", "Line", "Request", "fit_text"]

SIZE_STEP_PT = 2.0
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


LONG_PARAGRAPH = 20_000
"""Characters past which a paragraph is split by the linear measure (its plain text)."""


def split_paragraph(line: Line, area: Area, size: float, metrics: FontMetrics) -> list[str]:
    """The text of ``line`` cut at line-break points into pieces that each fit ``area`` at ``size``.

    Only for a paragraph too long for a whole box: it then continues on the next slide
    instead of shrinking out of sight or overflowing.
    """
    inline = parse_inline(line.text)
    if len(inline.text) > LONG_PARAGRAPH:
        return _split_long(line, inline, area, size, metrics)
    pieces: list[str] = []
    start = end = 0
    for token in break_points(inline.text):
        token_start = inline.text.find(token, end)
        candidate_end = token_start + len(token)
        candidate = inline.sliced(start, candidate_end).markdown().rstrip()
        if end > start and not fitting_count([replace(line, text=candidate)], size, area, metrics):
            pieces.append(inline.sliced(start, end).markdown().rstrip())
            start = token_start
        end = candidate_end
    rest = inline.sliced(start, len(inline.text))
    return pieces + [rest.markdown().rstrip()] if rest.text.strip() else pieces




def _split_long(line: Line, inline: Inline, area: Area, size: float, metrics: FontMetrics) -> list[str]:
    """:func:`split_paragraph` for an absurdly long paragraph, in time linear in its length.

    Each piece is measured as it grows, token by token, in the paragraph's plain face (a
    1.9 MB bullet took 100 s when every candidate piece was measured from its start).
    Formatting is kept in the pieces; a piece with bold runs may then be set a little smaller.
    """
    style = line_style(line, area)
    text = inline.text
    east_asian = has_full_width(text)
    pen = Pen(metrics, line_size(size, line), style.bold or line.bold, style.italic or line.italic,
              style.letter_spacing_pt, east_asian)
    width = text_width(line, style, area)
    pieces: list[str] = []
    start = end = 0
    filler = Filler(width, pen)
    for token in break_points(text):
        token_start = text.find(token, end)
        shown = token.upper() if style.caps else token
        trial = filler.copy()
        trial.add(shown)
        if end > start and (width <= 0 or lines_height(line, size, area, metrics, east_asian, trial.lines) > area.height):
            pieces.append(inline.sliced(start, end).markdown().rstrip())
            start = token_start
            trial = Filler(width, pen)
            trial.add(shown)
        filler = trial
        end = token_start + len(token)
    rest = inline.sliced(start, len(inline.text))
    return pieces + [rest.markdown().rstrip()] if rest.text.strip() else pieces


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
    return [Fit(size, chunk.count, chunk.fits) for chunk in chunks]


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
    """Lines repeated at the top of every box (a question's meta line without a box of its own)."""
    max_lines: int | None = None
    """Titles: the text may wrap to at most this many lines (fewer sizes then fit)."""
    split: bool = True
    """True: text too long for one box continues in more boxes; False: one box, shrunk to fit."""
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


def fit_text(request: Request) -> list[Block]:
    """Fit ``request``'s text: one block per box it takes, in order; every line kept.

    Long paragraphs are first cut at line-break points into pieces a box can hold; then
    the text is shrunk down to the floor before it is split over more boxes (all at one
    size); a title stays in one box and shrinks until it wraps to ``max_lines`` at most.
    """
    if request.max_lines is not None or not request.split:
        block = _one_box(request)
        return [replace(block, centred=_used(block, request) < request.area.height * CENTRE_BELOW)
                if request.centre else block]
    area = _less_heading(request)
    lines = _cut_long(request.lines, area, request.floor, request.metrics)
    chunks = split_to_fit(lines, area, request.largest, request.floor, request.metrics)
    blocks: list[Block] = []
    start = 0
    for chunk in chunks:
        body = tuple(lines[start:start + chunk.count])
        blocks.append(Block(chunk.size, request.heading + body, chunk.fits))
        start += chunk.count
    if request.balance and len(blocks) == 1:
        return [_balanced(blocks[0], request)]
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


_WIDEST_EM = 1.0
"""No character is wider than one em (full-width CJK); Latin letters are about half that."""
_TALLEST_LINE_EM = 2.0
"""A generous bound on line pitch plus paragraph spacing, in ems."""


def _surely_fits(text: str, area: Area, size: float) -> bool:
    """A cheap bound: True when ``text`` fits ``area`` at ``size`` even if every character were
    one em wide (most paragraphs), so only long ones are measured for splitting."""
    usable = area.width / 2  # room for the deepest bullet indent
    if usable <= size:
        return False
    lines = len(text) * _WIDEST_EM * size / usable + 1
    return (lines + 1) * _TALLEST_LINE_EM * size <= area.height


def _cut_long(lines: Sequence[Line], area: Area, floor: float, metrics: FontMetrics) -> list[Line]:
    """Paragraphs too long for a whole box at the floor size, cut into pieces that fit."""
    result: list[Line] = []
    for line in lines:
        if _surely_fits(line.text, area, floor) or fitting_count([line], floor, area, metrics):
            result.append(line)
        else:
            result += [replace(line, text=piece) for piece in split_paragraph(line, area, floor, metrics)]
    return result


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
