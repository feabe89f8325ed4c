"""The participant handout (``deckgen handout``), given out at the start of the session.

Title, a line for the participant's name and the date, the source with its address (a live
link, and a QR code to scan from the paper), preparation, the glossary, then each question
of the audience in deck order with room to write (a vote's options as tick boxes), and an
exit-ticket strip to cut off and hand in. It holds only what participants work with: never
the facilitator's notes, follow-ups, kinds, expected answers or the takeaways, which the
recap (:mod:`deckgen.app.recap`) gives them afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.document import (
    Block,
    Bullets,
    CutLine,
    Document,
    Heading,
    Para,
    Picture,
    Span,
    TickBoxes,
    WritingSpace,
    headed_list,
    link,
    outline_text,
)
from deckgen.app.handout_room import fill_pages
from deckgen.outline.model import Outline, Source
from deckgen.plan.deck import cite, dated, option_lines
from deckgen.plan.labels import Labels, labels_for
from deckgen.plan.timing import session_questions
from deckgen.render.deck.qrcode import qr_png

WRITING_ROOM = {"write": WritingSpace(4, 12, 3.0), "vote": WritingSpace(1, 4, 1.0), "pairs": WritingSpace(2, 8, 2.0),
                "small-groups": WritingSpace(2, 8, 2.0), "whole-room": WritingSpace(2, 6, 1.5)}
"""Ruled lines under a question, by its format (least, most, share of the room to spare):
most for a written answer. :func:`deckgen.app.handout_room.fill_pages` sets how many."""
EXIT_TICKET_ROOM = WritingSpace(2, 3, 0.5)
"""Ruled lines under each exit-ticket prompt."""
QR_WIDTH = 28.0
"""The QR code's width in millimetres: big enough to scan from arm's length on paper."""
FILL_IN = "_" * 24
"""Where a participant writes their name or the date."""


def handout_document(outline: Outline) -> Document:
    """The participant handout of ``outline`` (an audience variant gives its own questions)."""
    labels = labels_for(outline.language)
    blocks = (*_header(outline, labels), *headed_list(labels.preparation, outline.preparation),
              *_glossary(outline, labels), *_questions(outline, labels), *_exit_ticket(outline, labels))
    return Document(outline.title, outline.language, fill_pages(blocks, outline.language), outline.presenter,
                    labels.handout)


def _header(outline: Outline, labels: Labels) -> Iterator[Block]:
    yield Heading(1, (outline_text(outline.title),))
    if outline.subtitle:
        yield Para((outline_text(outline.subtitle, "emphasis"),))
    byline = " · ".join(x for x in (outline.presenter, outline.date) if x)
    if byline:
        yield Para((Span(byline),))
    yield Para((Span(labels.name + labels.colon), Span(FILL_IN), Span("    "),
                Span(labels.date + labels.colon), Span(FILL_IN[:14])))
    if outline.source:
        yield from source_blocks(outline.source, labels, with_code=True)


def source_blocks(source: Source, labels: Labels, with_code: bool = False) -> Iterator[Block]:
    """The article: its citation and a live link to its address; ``with_code``, a QR code of
    the address beside them, to scan from the paper."""
    cited = (Span(labels.source + labels.colon, "strong"), Span(cite(dated(source, labels), labels, with_url=False)))
    if not source.url:
        yield Para(cited)
        return
    address = Para((link(source.url),))
    if with_code:
        yield Picture(qr_png(source.url), labels.qr_code.format(source.url), QR_WIDTH, (Para(cited), address))
    else:
        yield from (Para(cited), address)


def _glossary(outline: Outline, labels: Labels) -> Iterator[Block]:
    if outline.glossary:
        yield Heading(2, (Span(labels.glossary),))
        yield Bullets(tuple((0, (outline_text(term, "strong"), Span(" — "), outline_text(meaning)))
                            for term, meaning in outline.glossary.items()))


def _questions(outline: Outline, labels: Labels) -> Iterator[Block]:
    """Each question in deck order, numbered as the guide numbers it ("Q3.", "问题 3：", "س3."),
    so a facilitator and the room name a question alike."""
    questions = session_questions(outline)
    if questions:
        yield Heading(2, (Span(labels.discussion),))
    for number, question in enumerate(questions, start=1):
        yield Heading(3, (Span(labels.question_number.format(number)), outline_text(question.prompt)))
        if question.options:
            yield TickBoxes(tuple(option_lines(question, labels)))
        yield WRITING_ROOM.get(question.format, WRITING_ROOM["whole-room"])


def _exit_ticket(outline: Outline, labels: Labels) -> Iterator[Block]:
    """The strip at the end: a cut line, then each prompt with lines to answer on."""
    if not outline.exit_ticket:
        return
    yield CutLine(labels.cut_here)
    yield Heading(2, (Span(labels.exit_ticket),))
    for number, prompt in enumerate(outline.exit_ticket, start=1):
        yield Para((Span(f"{number}. "), outline_text(prompt)))
        yield EXIT_TICKET_ROOM
