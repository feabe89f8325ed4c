"""The participant handout (``deckgen handout``): what participants read and write on.

Title, the source with its address, preparation, thesis, then each question of the
audience in deck order with its kind and format, a vote's options as tick boxes, and
ruled space to write; the takeaways at the end. It is built only from what participants
see on the slides: no facilitator notes (of points, sections or questions), no timings.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.document import (
    Block,
    Bullets,
    Document,
    Heading,
    Para,
    Span,
    TickBoxes,
    WritingSpace,
    outline_text,
)
from deckgen.outline.model import Outline, Question
from deckgen.plan.deck import cite, option_lines
from deckgen.plan.labels import Labels, labels_for
from deckgen.plan.timing import session_questions

WRITING_LINES = {"write": 10, "vote": 3, "pairs": 6, "small-groups": 6, "whole-room": 5}
"""Ruled lines under a question, by its format: most for a written answer."""


def handout_document(outline: Outline) -> Document:
    """The participant handout of ``outline`` (an audience variant gives its own questions)."""
    labels = labels_for(outline.language)
    blocks = (*_header(outline, labels), *_questions(outline, labels), *_takeaways(outline, labels))
    return Document(outline.title, outline.language, blocks, outline.presenter, labels.handout)


def _header(outline: Outline, labels: Labels) -> Iterator[Block]:
    yield Heading(1, (outline_text(outline.title),))
    if outline.subtitle:
        yield Para((outline_text(outline.subtitle, "emphasis"),))
    byline = " · ".join(x for x in (outline.presenter, outline.date) if x)
    if byline:
        yield Para((Span(byline),))
    if outline.source:
        yield Para((Span(labels.source + labels.colon, "strong"), Span(cite(outline.source))))
    if outline.preparation:
        yield Heading(2, (Span(labels.preparation),))
        yield Bullets(tuple((0, (outline_text(item),)) for item in outline.preparation))
    if outline.thesis:
        yield Heading(2, (Span(labels.thesis),))
        yield Para((outline_text(outline.thesis),))


def _questions(outline: Outline, labels: Labels) -> Iterator[Block]:
    questions = session_questions(outline)
    if questions:
        yield Heading(2, (Span(labels.discussion),))
    for number, question in enumerate(questions, start=1):
        yield Heading(3, (Span(f"{number}. "), outline_text(question.prompt)))
        yield Para((Span(_kind_and_format(question, labels), "emphasis"),))
        if question.options:
            yield TickBoxes(tuple(option_lines(question, labels)))
        if question.follow_ups:
            yield Bullets(tuple((0, (outline_text(f),)) for f in question.follow_ups))
        yield WritingSpace(WRITING_LINES.get(question.format, 5))


def _kind_and_format(question: Question, labels: Labels) -> str:
    kind = labels.kinds.get(question.kind, question.kind)
    if question.format == "whole-room":
        return kind
    return f"{kind} · {labels.formats.get(question.format, question.format)}"


def _takeaways(outline: Outline, labels: Labels) -> Iterator[Block]:
    if outline.takeaways:
        yield Heading(2, (Span(labels.takeaways),))
        yield Bullets(tuple((0, (outline_text(t),)) for t in outline.takeaways))
