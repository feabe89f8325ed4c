"""Text fitting: choose a font size that fits a box, or split text over continuation slides.

Pure functions on measured widths: no pptx objects. PowerPoint's own autofit only runs
when a person edits a slide, so deckgen decides sizes itself and writes them explicitly.
Sizes are points; box dimensions are points too (1 pt = 12700 EMU).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from deckgen.plan.metrics import SINGLE_LINE_EM, FontMetrics, is_full_width
from deckgen.plan.profile import EMU_PER_PT, TextStyle

SIZE_STEP_PT = 2.0
ABSOLUTE_MIN_PT = 10.0
"""Below the template's floor, text may shrink to this only when one paragraph alone is too long."""
SPLIT_SHRINK_PT = 4.0
"""When text must be split anyway, chunks are cut at this much below the largest size."""
LEVEL_SCALE = (1.0, 0.86, 0.76)
"""Font size of bullet levels 0, 1, 2 relative to the block size."""
UNSTYLED_LEVELS = tuple(
    TextStyle(margin_left=(level + 1) * 342900, indent=-342900, space_before_pt=10.0) for level in range(3)
)
"""Assumed for a box whose template gives no paragraph styles: 0.375 in per bullet level
(pandoc's and LibreOffice's masters) and PowerPoint's 10 pt before each paragraph."""
NO_LINE_START = frozenset("，。、：；！？）」』】〕〉》”’・ー…‥〜～%,.:;!?)]}")
"""Characters East Asian line breaking keeps off the start of a line (kinsoku)."""
NO_LINE_END = frozenset("（「『【〔〈《“‘([{")
"""Characters kept off the end of a line."""


@dataclass(frozen=True)
class Area:
    """The usable text area of a box, in points (after its insets), and its paragraph styles."""

    width: float
    height: float
    levels: tuple[TextStyle, ...] = ()
    """The box's style of outline levels 0, 1, 2 ...; empty: :data:`UNSTYLED_LEVELS`."""

    def style(self, level: int) -> TextStyle:
        """The paragraph style of ``level`` (the deepest known for deeper levels)."""
        levels = self.levels or UNSTYLED_LEVELS
        return levels[min(level, len(levels) - 1)]


@dataclass(frozen=True)
class Line:
    """One paragraph to fit: text, bullet level and whether it carries a bullet indent."""

    text: str
    level: int = 0
    indented: bool = True
    """A bullet paragraph, set at its level's margins; False: a plain paragraph from the box's edge."""
    italic: bool = False


@dataclass(frozen=True)
class Fit:
    """The outcome for a block: its size and how many of its lines fit at that size."""

    size: float
    count: int
    """How many leading lines fit; equals the number of lines given when all fit."""
    fits: bool = True
    """False when even one paragraph alone does not fit at :data:`ABSOLUTE_MIN_PT`."""


def level_size(size: float, level: int) -> float:
    """Font size of a paragraph at bullet ``level`` in a block set at ``size``."""
    return round(size * LEVEL_SCALE[min(level, len(LEVEL_SCALE) - 1)])


_TOKEN = re.compile(r"\S+\s*")


@functools.lru_cache(maxsize=4096)
def has_full_width(text: str) -> bool:
    """True when ``text`` has a CJK (full-width) character: it is then measured as East Asian."""
    return any(is_full_width(char) for char in text)


@functools.lru_cache(maxsize=4096)
def break_points(text: str) -> tuple[str, ...]:
    """Break opportunities: words with trailing space; every full-width character alone.

    East Asian punctuation that may not start a line (，。、）」) stays with the character
    before it, and an opening bracket (（「“) with the character after it. Remembered,
    because fitting wraps the same paragraph at several sizes.
    """
    tokens: list[str] = []
    for word in _TOKEN.findall(text) or [text]:
        buffer = ""
        for char in word:
            if buffer and (is_full_width(char) or is_full_width(buffer[-1])):
                tokens.append(buffer)
                buffer = ""
            buffer += char
        if buffer:
            tokens.append(buffer)
    return tuple(_kinsoku(tokens))


def _kinsoku(tokens: list[str]) -> list[str]:
    """Join tokens so that no token starts with a no-start mark or follows a no-end one."""
    joined: list[str] = []
    for token in tokens:
        if joined and (token[0] in NO_LINE_START or joined[-1][-1] in NO_LINE_END):
            joined[-1] += token
        else:
            joined.append(token)
    return joined


@dataclass(frozen=True)
class _Pen:
    """How to measure one paragraph's text: face, size, spacing and script."""

    metrics: FontMetrics
    size: float
    bold: bool = False
    italic: bool = False
    spacing: float = 0.0
    east_asian: bool = False

    def width(self, text: str) -> float:
        return self.metrics.width_pt(text, self.size, self.bold, self.italic, self.spacing, self.east_asian)


class _Filler:
    """Greedy line filling, as PowerPoint and LibreOffice wrap; overlong words break anywhere.

    Tokens are added one at a time, so a paragraph can be measured as it grows (splitting a
    long paragraph stays linear in its length).
    """

    def __init__(self, width: float, pen: _Pen) -> None:
        self.width = width
        self.pen = pen
        self.lines = 1
        self.current = 0.0

    def copy(self) -> _Filler:
        twin = _Filler(self.width, self.pen)
        twin.lines, twin.current = self.lines, self.current
        return twin

    def add(self, token: str) -> None:
        """Place one break-point token (a word and the spaces after it)."""
        pen, width = self.pen, self.width
        word = token.rstrip()
        word_width = pen.width(word)
        if self.current and self.current + word_width > width:
            self.lines, self.current = self.lines + 1, 0.0
        if word_width > width:
            for char in word:
                char_width = pen.width(char)
                if self.current and self.current + char_width > width:
                    self.lines, self.current = self.lines + 1, 0.0
                self.current += char_width
            self.current += pen.width(token[len(word):])
        else:
            self.current += pen.width(token)


_LINE_COUNTS: dict[tuple[object, ...], int] = {}
_LINE_COUNTS_KEPT = 4096


def _count_lines(text: str, width: float, pen: _Pen) -> int:
    """Lines ``text`` takes when wrapped greedily into ``width`` points (remembered: fitting
    measures the same paragraph at the same size for several candidate blocks)."""
    key = (text, width, pen.metrics.family, pen.metrics.table, pen.size, pen.bold, pen.italic, pen.spacing, pen.east_asian)
    if key not in _LINE_COUNTS:
        if len(_LINE_COUNTS) >= _LINE_COUNTS_KEPT:
            _LINE_COUNTS.clear()
        filler = _Filler(width, pen)
        for token in break_points(text):
            filler.add(token)
        _LINE_COUNTS[key] = filler.lines
    return _LINE_COUNTS[key]


def wrapped_line_count(text: str, width: float, size: float, metrics: FontMetrics,
                       bold: bool = False, italic: bool = False) -> int:
    """Lines ``text`` takes when wrapped into ``width`` points at ``size`` points."""
    if width <= 0:
        return 10**6
    east_asian = has_full_width(text)
    return _count_lines(text, width, _Pen(metrics, size, bold, italic, east_asian=east_asian))


def _text_width(line: Line, style: TextStyle, area: Area) -> float:
    """Points available to ``line``'s text: the box minus its level's margin and first-line indent."""
    if not line.indented:
        return area.width
    return area.width - (style.margin_left + max(style.indent, 0)) / EMU_PER_PT


@dataclass(frozen=True)
class _Shape:
    """How one paragraph is set at one size in one box: its pen, width and line heights."""

    pen: _Pen
    width: float
    first: float
    """Points of the first line, spacing before and after included."""
    following: float
    """Points of every further line."""
    caps: bool

    def height(self, lines: int) -> float:
        return self.first + (lines - 1) * self.following


def _shape(line: Line, size: float, area: Area, metrics: FontMetrics, east_asian: bool) -> _Shape:
    style = area.style(line.level if line.indented else 0)
    para_size = level_size(size, line.level)
    pen = _Pen(metrics, para_size, style.bold, style.italic or line.italic, style.letter_spacing_pt, east_asian)
    pitch = metrics.line_pitch_pt(para_size, style.bold, east_asian)
    following = style.line_spacing_pt or pitch * style.line_spacing
    single = para_size * SINGLE_LINE_EM
    before = style.space_before_pt + style.space_before_lines * single
    after = style.space_after_pt + style.space_after_lines * single
    return _Shape(pen, _text_width(line, style, area), before + max(pitch, following) + after, following, style.caps)


def paragraph_height(line: Line, size: float, area: Area, metrics: FontMetrics) -> float:
    """Height in points that one paragraph takes in a block set at ``size``, spacing included."""
    caps = area.style(line.level if line.indented else 0).caps
    text = line.text.upper() if caps else line.text
    shape = _shape(line, size, area, metrics, has_full_width(text))
    count = _count_lines(text, shape.width, shape.pen) if shape.width > 0 else 10**6
    return shape.height(count)


def fitting_count(lines: Sequence[Line], size: float, area: Area, metrics: FontMetrics) -> int:
    """How many leading ``lines`` fit in ``area`` at ``size``."""
    used = 0.0
    for index, line in enumerate(lines):
        used += paragraph_height(line, size, area, metrics)
        if used > area.height:
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
    return Fit(ABSOLUTE_MIN_PT, 1, fits=False)


def split_paragraph(line: Line, area: Area, size: float, metrics: FontMetrics) -> list[str]:
    """The text of ``line`` cut at line-break points into pieces that each fit ``area`` at ``size``.

    Only for a paragraph too long for a whole box: it then continues on the next slide
    instead of shrinking out of sight or overflowing. Each piece is measured as it grows,
    token by token, so the work is linear in the paragraph's length.
    """
    shape = _shape(line, size, area, metrics, has_full_width(line.text))
    pieces: list[str] = []
    current: list[str] = []
    filler = _Filler(shape.width, shape.pen)
    for token in break_points(line.text):
        trial = filler.copy()
        trial.add(token.upper() if shape.caps else token)
        if current and (shape.width <= 0 or shape.height(trial.lines) > area.height):
            pieces.append("".join(current).rstrip())
            current = []
            trial = _Filler(shape.width, shape.pen)
            trial.add(token.upper() if shape.caps else token)
        filler = trial
        current.append(token)
    rest = "".join(current)
    return pieces + [rest.rstrip()] if rest.strip() else pieces


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
