"""Line breaking: where a paragraph may break, and how many lines it wraps to in a width.

Renderers wrap greedily at break opportunities: after the spaces of Latin text, between
any two CJK characters, except where East Asian rules (kinsoku) keep punctuation with
its neighbour, and with a quarter-em gap where CJK and Latin text touch. Fitting asks
for the same paragraph at many sizes, so break points and line counts are remembered.
Widths are points; no pptx objects.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from deckgen.plan.metrics import FontMetrics, all_narrow, is_full_width
from deckgen.records import record

NO_LINE_START = frozenset("，。、：；！？）」』】〕〉》”’・ー…‥〜～%,.:;!?)]}")
"""Characters East Asian line breaking keeps off the start of a line (kinsoku)."""
NO_LINE_END = frozenset("（「『【〔〈《“‘([{")
"""Characters kept off the end of a line."""
AUTOSPACE_EM = 0.25
"""Space renderers put where East Asian and Latin characters touch (LibreOffice's
"Asian/Western text spacing": measured a quarter em in "Dhumal，原文")."""

_TOKEN = re.compile(r"\S+\s*")


@functools.lru_cache(maxsize=4096)
def has_full_width(text: str) -> bool:
    """True when ``text`` has a CJK (full-width) character: it is then measured as East Asian."""
    return not all_narrow(text) and any(is_full_width(char) for char in text)


@functools.lru_cache(maxsize=4096)
def break_points(text: str) -> tuple[str, ...]:
    """Break opportunities: words with trailing space; every full-width character alone.

    East Asian punctuation that may not start a line (，。、）」) stays with the character
    before it, and an opening bracket (（「“) with the character after it. Remembered,
    because fitting wraps the same paragraph at several sizes.
    """
    words = _TOKEN.findall(text) or [text]
    if all_narrow(text):  # no character breaks on its own: the words are the tokens
        return tuple(_kinsoku([word for word in words if word]))
    tokens: list[str] = []
    for word in words:
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


def widest_word(text: str, widths: Sequence[float]) -> float:
    """The widest stretch of ``text`` no line may break inside; ``widths`` are its characters' advances."""
    longest, position = 0.0, 0
    for token in break_points(text):
        start = text.find(token, position)
        word = token.rstrip()
        longest = max(longest, sum(widths[start:start + len(word)]))
        position = start + len(token)
    return longest


@record(frozen=True)
class Pen:
    """How to measure one paragraph's text: face, size in points, letter spacing and script."""

    metrics: FontMetrics
    size: float
    bold: bool = False
    italic: bool = False
    spacing: float = 0.0
    east_asian: bool = False

    def width(self, text: str) -> float:
        """Width of ``text`` in points."""
        return self.metrics.width_pt(text, self.size, self.bold, self.italic, self.spacing, self.east_asian)


def _autospace(previous: str, token: str, pen: Pen) -> float:
    """The gap before ``token`` when it and the text before it are of different scripts."""
    if not pen.east_asian or not previous or previous[-1].isspace():
        return 0.0
    return AUTOSPACE_EM * pen.size if is_full_width(previous[-1]) != is_full_width(token[0]) else 0.0


class Filler:
    """Greedy line filling, as PowerPoint and LibreOffice wrap; overlong words break anywhere.

    Tokens are added one at a time, so a paragraph can be measured as it grows (splitting a
    long paragraph stays linear in its length).
    """

    def __init__(self, width: float, pen: Pen) -> None:
        self.width = width
        self.pen = pen
        self.lines = 1
        self.current = 0.0
        self.previous = ""

    def copy(self) -> Filler:
        twin = Filler(self.width, self.pen)
        twin.lines, twin.current, twin.previous = self.lines, self.current, self.previous
        return twin

    def add(self, token: str) -> None:
        """Place one break-point token (a word and the spaces after it)."""
        pen, width = self.pen, self.width
        word = token.rstrip()
        word_width = pen.width(word)
        gap = _autospace(self.previous, token, pen) if self.current else 0.0
        self.previous = token
        if self.current and self.current + gap + word_width > width:
            self.lines, self.current, gap = self.lines + 1, 0.0, 0.0
        self.current += gap
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


def count_lines(text: str, width: float, pen: Pen) -> int:
    """Lines ``text`` takes when wrapped greedily into ``width`` points (remembered: fitting
    measures the same paragraph at the same size for several candidate blocks)."""
    key = (text, width, pen.metrics.family, pen.metrics.table, pen.size, pen.bold, pen.italic, pen.spacing,
           pen.east_asian)
    if key not in _LINE_COUNTS:
        if len(_LINE_COUNTS) >= _LINE_COUNTS_KEPT:
            _LINE_COUNTS.clear()
        filler = Filler(width, pen)
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
    return count_lines(text, width, Pen(metrics, size, bold, italic, east_asian=east_asian))
