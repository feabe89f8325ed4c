"""Paragraphs too long for a whole box, cut at line breaks into pieces that each fit.

Shrinking a paragraph that cannot fit an empty box at the template's floor would set it
out of sight or let it overflow; instead it continues on the next slide, cut where a
renderer could break the line. Most paragraphs are cleared by a cheap bound before any
measuring, and an absurdly long one is measured as it grows, in time linear in its length.
Sizes and lengths are points.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckgen.outline.inline import Inline, parse_inline
from deckgen.plan.linebreak import Filler, Pen, break_points, has_full_width
from deckgen.plan.measure import Area, Line, fitting_count, line_size, line_style, lines_height, text_width
from deckgen.plan.metrics import FontMetrics

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


def cut_long(lines: Sequence[Line], area: Area, floor: float, metrics: FontMetrics) -> list[Line]:
    """Paragraphs too long for a whole box at the floor size, cut into pieces that fit."""
    result: list[Line] = []
    for line in lines:
        if _surely_fits(line.text, area, floor) or fitting_count([line], floor, area, metrics):
            result.append(line)
        else:
            result += [replace(line, text=piece) for piece in split_paragraph(line, area, floor, metrics)]
    return result


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
        if end > start and (width <= 0
                            or lines_height(line, size, area, metrics, east_asian, trial.lines) > area.height):
            pieces.append(inline.sliced(start, end).markdown().rstrip())
            start = token_start
            trial = Filler(width, pen)
            trial.add(shown)
        filler = trial
        end = token_start + len(token)
    rest = inline.sliced(start, len(inline.text))
    return pieces + [rest.markdown().rstrip()] if rest.text.strip() else pieces
