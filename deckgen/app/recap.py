"""The recap (``deckgen handout --recap``, ``<name>-recap.docx`` in a kit): the sheet for after the session.

What the handout leaves out on purpose, because it would give away where the discussion is
meant to go: the takeaways, and further reading (the outline's ``references``) as live
links, after the title and the source. The epilogue stays the facilitator's (the guide).
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.document import Block, Bullets, Document, Heading, Para, Span, headed_list, link, outline_text
from deckgen.app.handout import source_blocks
from deckgen.outline.model import Outline, Source
from deckgen.plan.deck import cite
from deckgen.plan.labels import Labels, labels_for, sentence_break


def recap_document(outline: Outline) -> Document:
    """The recap of ``outline``: title, source, takeaways, further reading."""
    labels = labels_for(outline.language)
    blocks = (*_header(outline, labels), *headed_list(labels.takeaways, outline.takeaways), *_further_reading(outline, labels))
    return Document(outline.title, outline.language, blocks, outline.presenter, labels.recap)


def _header(outline: Outline, labels: Labels) -> Iterator[Block]:
    yield Heading(1, (outline_text(outline.title),))
    byline = " · ".join(x for x in (labels.recap, outline.presenter, outline.date) if x)
    yield Para((Span(byline, "emphasis"),))
    if outline.source:
        yield from source_blocks(outline.source, labels)


def _further_reading(outline: Outline, labels: Labels) -> Iterator[Block]:
    if outline.references:
        yield Heading(2, (Span(labels.further_reading),))
        yield Bullets(tuple((0, _reference(reference, labels)) for reference in outline.references))


def _reference(reference: Source, labels: Labels) -> tuple[Span, ...]:
    """A reference's citation, then its address as a live link."""
    cited = cite(reference, labels, with_url=False)
    return (Span(cited), Span(sentence_break(cited, labels)), link(reference.url)) if reference.url else (Span(cited),)
