"""The facilitator guide (``deckgen guide``): a teaching note for the session the deck runs.

The front page (title, objectives, synopsis, source, the session's length) and the one-page
run-sheet come first (:mod:`deckgen.app.guide_front`); then the thesis and the
participants' preparation, every section and point with its slide number and notes, every
question with what it serves, the answers to listen for, the misconceptions to expect, its
format, vote options, follow-ups and notes, the takeaways and further reading, in the order
the deck shows them; then the board plan, what to cut when late, the epilogue and the exit
ticket (:mod:`deckgen.app.guide_end`). The guide is a
:class:`~deckgen.app.document.Document`, written as Markdown or Word.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.document import Block, Bullets, Document, Heading, Notes, PageBreak, Para, Span, headed_list, outline_text
from deckgen.app.guide_context import GuideContext, SlideNumbers
from deckgen.app.guide_end import back_matter
from deckgen.app.guide_front import front_page, has_front_page, run_sheet_blocks
from deckgen.app.guide_visuals import visual_blocks
from deckgen.outline.model import Outline, Point, Question, Section
from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.deck import cite, option_lines, question_meta, quoted
from deckgen.plan.timing import closing_questions, opening_questions, questions_after

__all__ = ["SlideNumbers", "guide_document"]


def guide_document(outline: Outline, slides: SlideNumbers | None = None) -> Document:
    """The facilitator guide of ``outline``; ``slides`` adds slide numbers where known."""
    guide = _Guide(GuideContext(outline, slides or {}))
    return Document(outline.title, outline.language, tuple(guide.blocks()), outline.presenter, outline.subtitle)


class _Guide:
    """Builds the guide's blocks in the order the session runs."""

    def __init__(self, context: GuideContext) -> None:
        self.context = context
        self.outline = context.outline
        self.labels = context.labels

    def blocks(self) -> Iterator[Block]:
        yield from front_page(self.context)
        if has_front_page(self.context):
            yield PageBreak()
        yield from run_sheet_blocks(self.context)
        yield PageBreak()
        yield from self._thesis_and_preparation()
        opening = opening_questions(self.outline)
        if opening:
            yield Heading(2, (Span(self.labels.opening),))
            for question in opening:
                yield from self._question(question)
        for section in self.outline.sections:
            yield from self._section(section)
        closing = closing_questions(self.outline)
        if closing:
            yield Heading(2, (Span(self.labels.discussion),))
            for question in closing:
                yield from self._question(question)
        yield from self._closing()
        yield from back_matter(self.context)

    def _thesis_and_preparation(self) -> Iterator[Block]:
        if self.outline.thesis:
            yield Heading(2, (Span(self.labels.thesis),))
            yield Para((outline_text(self.outline.thesis),))
        yield from headed_list(self.labels.preparation, self.outline.preparation)

    def _section(self, section: Section) -> Iterator[Block]:
        yield Heading(2, (outline_text(section.title),))
        where = self.context.where(section.position, None)
        if where:
            yield Para((Span(where, "emphasis"),))
        if section.summary:
            yield Para((outline_text(section.summary),))
        if section.notes:
            yield Notes(tuple(section.notes.splitlines()))
        for point in section.points:
            yield from self._point(point)
        for question in questions_after(self.outline, section):
            yield from self._question(question)

    def _point(self, point: Point) -> Iterator[Block]:
        yield Heading(3, (outline_text(point.claim),))
        where = self.context.where(point.position, point.minutes, point.optional)
        if where:
            yield Para((Span(where, "emphasis"),))
        if point.evidence:
            yield Bullets(tuple((b.level, (outline_text(b.text),)) for b in point.evidence))
        yield from visual_blocks(point, is_right_to_left(self.outline.language), self.labels)
        if point.quote:
            by = (Span(f" — {point.quote.by}"),) if point.quote.by else ()
            yield Para((outline_text(quoted(point.quote.text, self.labels), "emphasis"), *by))
        if point.notes:
            yield Notes(tuple(point.notes.splitlines()))

    def _question(self, question: Question) -> Iterator[Block]:
        context, labels = self.context, self.labels
        yield Heading(3, (Span(context.question_label(question)), outline_text(question.prompt)))
        meta = [question_meta(question, labels), context.where(question.position, None, question.optional)]
        yield Para((Span(" · ".join(part for part in meta if part), "emphasis"),))
        objectives = {objective.id: objective.text for objective in self.outline.objectives}
        yield from _listed(labels.serves, [objectives[served] for served in question.serves if served in objectives])
        yield from _listed(labels.options, option_lines(question, labels))
        yield from _listed(labels.listen_for, question.expect)
        yield from _listed(labels.misconceptions, question.misconceptions)
        yield from _listed(labels.follow_ups, question.follow_ups)
        if question.notes:
            yield Notes(tuple(question.notes.splitlines()))

    def _closing(self) -> Iterator[Block]:
        yield from headed_list(self.labels.takeaways, self.outline.takeaways)
        if self.outline.references:
            yield Heading(2, (Span(self.labels.further_reading),))
            yield Bullets(tuple((0, (Span(cite(r, self.labels)),)) for r in self.outline.references))


def _listed(label: str, items: tuple[str, ...] | list[str]) -> Iterator[Block]:
    """``label`` over a bulleted list of outline texts; nothing when there are none."""
    if items:
        yield Para((Span(label),))
        yield Bullets(tuple((0, (outline_text(item),)) for item in items))
