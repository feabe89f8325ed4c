"""Writing room that fills the handout's pages, and no more pages than it needs.

Ruled lines are most of a handout, and the part that can give: with a fixed number of lines
per question, a handout may run two lines onto a sheet of its own, or leave half a page
blank. So each block of ruled lines has a least and a most number of lines and a weight
(how much its question asks participants to write). The handout is first laid out with the
least; the number of pages that takes is kept, and lines are then added one at a time, to
the block with the fewest for its weight, as long as the pages still hold everything.

Heights are estimated, in points, from the Word styles :mod:`deckgen.app.word` writes with
(python-docx's defaults: 11 pt text at 1.15 lines, headings of 26, 14 and 13 pt, and their
spacing) and the metric-compatible font widths fitting uses; blocks are kept together as the
Word file keeps them (a question with its options and lines), and a margin is left for
what the estimate cannot know.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Sequence
from dataclasses import replace

from deckgen.app.document import (
    Block,
    Bullets,
    CutLine,
    Heading,
    Para,
    Picture,
    Span,
    TickBoxes,
    WritingSpace,
)
from deckgen.app.word import END_MARGIN, LINE_HEIGHT, PAGE_HEIGHT, SPACER, TEXT_WIDTH, TICK_SIZE, TICK_SPACING, QR_GAP
from deckgen.plan.bidi import is_right_to_left, measured_family
from deckgen.plan.metrics import FontMetrics, is_full_width, metrics_for

_WIDTH = TEXT_WIDTH / 12700
"""The text width in points."""

PAGE_ROOM = (PAGE_HEIGHT - 2 * END_MARGIN) / 12700 * 0.985
"""The text height of a page, less a margin for what an estimate cannot know (points)."""
LATIN_LINE_EM, CJK_LINE_EM, ARABIC_LINE_EM = 1.22 * 1.15, 1.45 * 1.15, 1.62 * 1.15
"""Line pitch of Word's 1.15 spacing, in ems, as LibreOffice sets it: Carlito's own line, and
a line with Noto Sans CJK or Noto Naskh Arabic letters in it (measured)."""
BODY, AFTER = 11.0, 10.0
"""Text size and the room after a paragraph (points); a list has none after it (measured:
LibreOffice sets the next heading's room before it alone)."""
HEADINGS = {1: (26.0, 0.0, 20.0, True), 2: (14.0, 24.0, 0.0, False), 3: (13.0, 10.0, 0.0, False)}
"""By block heading level: size, room before, room after (points), single-spaced."""
BULLET_INDENT = 18.0
"""Indent of a bulleted item (points)."""
WRAP_WASTE = 1.08
"""Room wrapped lines leave at their ends, as a share of the text's width."""


def fill_pages(blocks: Sequence[Block], language: str) -> tuple[Block, ...]:
    """``blocks`` with each ``WritingSpace`` given the lines that fill the pages they need."""
    measure = _Measure(metrics_for(measured_family("Calibri", language)), is_right_to_left(language))
    heights = [0.0 if isinstance(block, WritingSpace) else measure.block(block) for block in blocks]
    lines = {index: block.lines for index, block in enumerate(blocks) if isinstance(block, WritingSpace)}
    pages = _pages(blocks, heights, lines)
    while True:
        for index in sorted(lines, key=lambda i: (lines[i] / _weight(blocks[i]), i)):
            space = blocks[index]
            assert isinstance(space, WritingSpace)
            if lines[index] >= max(space.most, space.lines):
                continue
            lines[index] += 1
            if _pages(blocks, heights, lines) <= pages:
                break
            lines[index] -= 1
        else:
            break
    return tuple(replace(block, lines=lines[index]) if isinstance(block, WritingSpace) else block
                 for index, block in enumerate(blocks))


def _weight(block: Block) -> float:
    return block.weight if isinstance(block, WritingSpace) else 1.0


def _pages(blocks: Sequence[Block], heights: Sequence[float], lines: dict[int, int]) -> int:
    """How many pages ``blocks`` fill, each group kept on one page (a heading with what
    follows it up to the next heading; a cut line with the strip after it)."""
    pages, used = 1, 0.0
    for group in _groups(blocks):
        height = sum(_ruled(lines[i]) if i in lines else heights[i] for i in group)
        if used + height > PAGE_ROOM and used > 0:
            pages += 1
            used = 0.0
        used += height
    return pages


def _groups(blocks: Sequence[Block]) -> list[list[int]]:
    """Positions of the blocks Word keeps on one page: a question's heading with its options
    and lines; a heading with the group after it; the exit-ticket strip from its cut line on."""
    groups: list[list[int]] = []
    joined, strip = True, False
    for index, block in enumerate(blocks):
        if not groups or (isinstance(block, (Heading, CutLine)) and not joined and not strip):
            groups.append([])
        groups[-1].append(index)
        strip = strip or isinstance(block, CutLine)
        joined = isinstance(block, Heading) and block.level <= 2
    return groups


def _ruled(lines: int) -> float:
    return float(lines * LINE_HEIGHT.pt + SPACER.pt)


class _Measure:
    """Heights of blocks as the Word writer sets them, in points."""

    def __init__(self, metrics: FontMetrics, right_to_left: bool = False) -> None:
        self.metrics = metrics
        self.right_to_left = right_to_left
        """In a right-to-left document every line is as tall as one with the script's font
        (LibreOffice sets a paragraph's lines by the fonts of its direction; measured)."""

    def block(self, block: Block) -> float:
        if isinstance(block, Heading):
            size, before, after, single = HEADINGS.get(block.level, HEADINGS[3])
            return before + self.text(block.spans, size, _WIDTH, bold=True, single=single) + after
        if isinstance(block, Para):
            return self.text(block.spans, BODY, _WIDTH) + AFTER
        if isinstance(block, Bullets):
            return sum(self.text(spans, BODY, _WIDTH - BULLET_INDENT) for _, spans in block.items)
        if isinstance(block, TickBoxes):
            pitch = ARABIC_LINE_EM if self.right_to_left else LATIN_LINE_EM
            return float(len(block.options) * TICK_SIZE.pt * pitch + TICK_SPACING.pt)
        if isinstance(block, Picture):
            beside = _WIDTH - block.width * 72 / 25.4 - float(QR_GAP.pt)
            text = sum(self.text(para.spans, BODY, beside) + AFTER for para in block.beside)
            return max(block.width * 72 / 25.4 + AFTER, text)
        if isinstance(block, CutLine):
            return 18.0 + 8.0 * LATIN_LINE_EM + 4.0 + AFTER
        return 0.0

    def text(self, spans: Sequence[Span], size: float, width: float, bold: bool = False, single: bool = False) -> float:
        """Height of a paragraph of ``spans`` wrapped in ``width`` points."""
        text = "".join(span.text for span in spans)
        east_asian = any(is_full_width(char) for char in text)
        pitch = _line_em(text, east_asian, self.right_to_left) / (1.15 if single else 1.0) * size
        wide = self.metrics.width_pt(text, size, bold=bold, east_asian=east_asian) * WRAP_WASTE
        return max(1, math.ceil(wide / width)) * pitch


def _line_em(text: str, east_asian: bool, right_to_left: bool) -> float:
    """The line pitch of ``text``, in ems: its tallest script's (every line counted so), a
    right-to-left script's in a ``right_to_left`` document."""
    if right_to_left or any(unicodedata.bidirectional(char) in ("R", "AL") for char in text):
        return ARABIC_LINE_EM
    return CJK_LINE_EM if east_asian else LATIN_LINE_EM
