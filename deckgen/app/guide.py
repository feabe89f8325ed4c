"""The facilitator guide (``deckgen guide``): run-sheet first, then everything the facilitator says.

Page one is the run-sheet (clock time, slide number, segment, minutes, running total), from
the opening (title, thesis, agenda) to the closing and the buffer;
then the thesis and the participants' preparation, every section and point with its slide
number and notes, every question with its kind, format, vote options, follow-ups and
notes, the takeaways, the source and further reading, in the order the deck shows them.
The guide is a :class:`~deckgen.app.document.Document`, written as Markdown or Word.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from deckgen.app.document import (
    Block,
    Bullets,
    Document,
    Heading,
    Notes,
    PageBreak,
    Para,
    Span,
    Table,
    outline_text,
)
from deckgen.outline.model import Outline, Point, Position, Question, Section
from deckgen.plan.deck import cite, quoted, format_minutes, option_lines, question_meta
from deckgen.app.guide_visuals import visual_blocks
from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.labels import Labels, labels_for
from deckgen.plan.timing import (
    RunSheetRow,
    clock,
    closing_questions,
    opening_questions,
    questions_after,
    run_sheet,
    session_questions,
    total_minutes,
)

SlideNumbers = Mapping[Position, int]
"""The first slide of each section and question, by where it is written in the outline."""


def guide_document(outline: Outline, slides: SlideNumbers | None = None) -> Document:
    """The facilitator guide of ``outline``; ``slides`` adds slide numbers where known."""
    guide = _Guide(outline, labels_for(outline.language), slides or {})
    return Document(outline.title, outline.language, tuple(guide.blocks()), outline.presenter, outline.subtitle)


class _Guide:
    """Builds the guide's blocks; numbers the questions in deck order as it goes."""

    def __init__(self, outline: Outline, labels: Labels, slides: SlideNumbers) -> None:
        self.outline = outline
        self.labels = labels
        self.slides = slides
        self.numbers = {id(q): n for n, q in enumerate(session_questions(outline), start=1)}

    def blocks(self) -> Iterator[Block]:
        yield from self._header()
        yield from self._run_sheet()
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

    def _header(self) -> Iterator[Block]:
        yield Heading(1, (outline_text(self.outline.title),))
        if self.outline.subtitle:
            yield Para((outline_text(self.outline.subtitle, "emphasis"),))
        if self.outline.source:
            yield Para((Span(self.labels.source + self.labels.colon), Span(cite(self.outline.source))))

    def _run_sheet(self) -> Iterator[Block]:
        labels = self.labels
        yield Heading(2, (Span(labels.run_sheet),))
        columns = labels.run_sheet_columns if self.outline.start else labels.run_sheet_columns[1:]
        sheet = run_sheet(self.outline)
        rows = tuple(self._sheet_row(row) for row in sheet)
        widths = (1.1, 1.0, 6.0, 0.9, 1.0) if self.outline.start else (1.0, 6.0, 0.9, 1.0)
        segment = columns.index(labels.run_sheet_columns[2])
        strong = frozenset((n, segment) for n, row in enumerate(sheet) if row.kind != "question")
        yield Table(tuple(columns), rows, widths, strong)
        running = labels.total_running.format(format_minutes(total_minutes(self.outline), labels))
        if self.outline.duration:
            running += labels.planned_session.format(format_minutes(self.outline.duration, labels))
        yield Para((Span(running + labels.sentence_end),))

    def _sheet_row(self, row: RunSheetRow) -> tuple[str, ...]:
        slide = str(self.slides[row.position]) if row.position in self.slides else ""
        timed = row.kind not in ("discussion", "end")
        minutes = f"{row.minutes:g}" if timed else ""
        total = f"{row.running_total:g}" if row.kind != "discussion" else ""
        cells = (slide, self._segment(row), minutes, total)
        return (clock(self.outline.start, row.offset), *cells) if self.outline.start else cells

    def _segment(self, row: RunSheetRow) -> str:
        if row.kind == "question" and row.question is not None:
            return self.labels.question_number.format(self.numbers[id(row.question)]) + row.title
        titles = {"opening": self.labels.opening, "discussion": self.labels.discussion, "closing": self.labels.closing,
                  "buffer": self.labels.buffer, "end": self.labels.end}
        return titles.get(row.kind, row.title)

    def _thesis_and_preparation(self) -> Iterator[Block]:
        if self.outline.thesis:
            yield Heading(2, (Span(self.labels.thesis),))
            yield Para((outline_text(self.outline.thesis),))
        if self.outline.preparation:
            yield Heading(2, (Span(self.labels.preparation),))
            yield Bullets(tuple((0, (outline_text(item),)) for item in self.outline.preparation))

    def _where(self, position: Position, minutes: float | None) -> str:
        parts = [self.labels.slide.format(self.slides[position])] if position in self.slides else []
        if minutes:
            parts.append(format_minutes(minutes, self.labels))
        return " · ".join(parts)

    def _section(self, section: Section) -> Iterator[Block]:
        yield Heading(2, (outline_text(section.title),))
        where = self._where(section.position, None)
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
        where = self._where(point.position, point.minutes)
        if where:
            yield Para((Span(where, "emphasis"),))
        if point.evidence:
            yield Bullets(tuple((b.level, (outline_text(b.text),)) for b in point.evidence))
        yield from visual_blocks(point, is_right_to_left(self.outline.language))
        if point.quote:
            by = (Span(f" — {point.quote.by}"),) if point.quote.by else ()
            yield Para((outline_text(quoted(point.quote.text, self.labels), "emphasis"), *by))
        if point.notes:
            yield Notes(tuple(point.notes.splitlines()))

    def _question(self, question: Question) -> Iterator[Block]:
        number = self.numbers[id(question)]
        yield Heading(3, (Span(self.labels.question_number.format(number)), outline_text(question.prompt)))
        meta = question_meta(question, self.labels)
        slide = self._where(question.position, None)
        yield Para((Span(f"{meta} · {slide}" if slide else meta, "emphasis"),))
        if question.options:
            yield Para((Span(self.labels.options),))
            yield Bullets(tuple((0, (outline_text(line),)) for line in option_lines(question, self.labels)))
        if question.follow_ups:
            yield Para((Span(self.labels.follow_ups),))
            yield Bullets(tuple((0, (outline_text(f),)) for f in question.follow_ups))
        if question.notes:
            yield Notes(tuple(question.notes.splitlines()))

    def _closing(self) -> Iterator[Block]:
        if self.outline.takeaways:
            yield Heading(2, (Span(self.labels.takeaways),))
            yield Bullets(tuple((0, (outline_text(t),)) for t in self.outline.takeaways))
        if self.outline.source:
            yield Heading(2, (Span(self.labels.source),))
            yield Para((Span(cite(self.outline.source)),))
        if self.outline.references:
            yield Heading(2, (Span(self.labels.further_reading),))
            yield Bullets(tuple((0, (Span(cite(r)),)) for r in self.outline.references))

