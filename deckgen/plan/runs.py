"""Measuring formatted text: bold, italic and code runs each with their own font metrics.

A paragraph with inline Markdown (:mod:`deckgen.outline.inline`) is wrapped like any other
(greedy filling at the break points of :func:`deckgen.plan.linebreak.break_points`), but each
character is measured in the face its run is set in: bold in the bold face, code in the
monospace font (Courier New, measured as its twin Liberation Mono).
"""

from __future__ import annotations

from collections.abc import Sequence

from deckgen.outline.inline import Inline, Span, parse_inline
from deckgen.plan.metrics import WIDTH_MARGIN, FontMetrics, metrics_for

CODE_FONT = "Courier New"
"""The monospace face of code runs: on every PowerPoint, and LibreOffice renders it as
Liberation Mono, whose advance widths it shares."""


def _span_of_each_char(inline: Inline) -> list[Span | None]:
    """The span each character of ``inline``'s text is in (the first, should two overlap), or
    None; made in one pass over the spans, so a text with many spans is measured in linear time."""
    owners: list[Span | None] = [None] * len(inline.text)
    for span in reversed(inline.spans):  # an earlier span wins where two overlap
        owners[span.start:span.end] = [span] * (min(span.end, len(owners)) - min(span.start, len(owners)))
    return owners


def char_widths(inline: Inline, metrics: FontMetrics, size: float, bold: bool = False, italic: bool = False,
                spacing: float = 0.0, east_asian: bool = False) -> list[float]:
    """The advance of every character of ``inline``'s text in points, each in its run's face."""
    code_metrics = metrics_for(CODE_FONT)
    widths = []
    for char, span in zip(inline.text, _span_of_each_char(inline)):
        face_metrics = code_metrics if span is not None and span.code else metrics
        face = face_metrics.face(bold or bool(span and span.bold), italic or bool(span and span.italic))
        widths.append((face.char_em(char, east_asian) * size + spacing) * WIDTH_MARGIN)
    return widths


def styled_line_count(inline: Inline, tokens: Sequence[str], width: float, widths: Sequence[float]) -> int:
    """Lines the text takes in ``width`` points, greedy as renderers wrap; ``tokens`` are its
    break points in order, ``widths`` its characters' advances."""
    lines, current, position = 1, 0.0, 0
    for token in tokens:
        start = inline.text.find(token, position)
        start = position if start < 0 else start
        word = token.rstrip()
        word_width = sum(widths[start:start + len(word)])
        if current and current + word_width > width:
            lines, current = lines + 1, 0.0
        if word_width > width:
            for advance in widths[start:start + len(word)]:
                if current and current + advance > width:
                    lines, current = lines + 1, 0.0
                current += advance
            current += sum(widths[start + len(word):start + len(token)])
        else:
            current += sum(widths[start:start + len(token)])
        position = start + len(token)
    return lines


def is_formatted(text: str) -> bool:
    """True when ``text`` has a bold, italic, code or link run (then it is measured per run)."""
    return bool(parse_inline(text).spans)
