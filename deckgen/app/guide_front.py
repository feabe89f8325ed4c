"""The facilitator guide's first pages: the front page, then the one-page run-sheet.

The front page is what a teaching note opens with: the title, what participants can do by
the end (the outline's ``objectives``), the ``synopsis``, the source (author, date or
"undated", its address as a link) and the session's length with its ``shorter`` runs. The
run-sheet lists the session row by row (clock time, slide, segment, minutes, running
total), marks what can be cut if late and says which rows the shorter runs leave out.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.document import Block, Bullets, Heading, Para, Span, Table, outline_text
from deckgen.app.guide_context import GuideContext
from deckgen.outline.inline import Inline
from deckgen.outline.inline import Span as InlineSpan
from deckgen.outline.model import Section, Source
from deckgen.plan.deck import cite, dated, format_minutes
from deckgen.plan.labels import Labels, sentence_break
from deckgen.plan.timing import RunSheetRow, clock, optional_items, planned_length, run_sheet, total_minutes


def front_page(context: GuideContext) -> Iterator[Block]:
    """Title, subtitle, source and the session's length (where the outline plans one); then
    the objectives and the synopsis."""
    outline, labels = context.outline, context.labels
    yield Heading(1, (outline_text(outline.title),))
    if outline.subtitle:
        yield Para((outline_text(outline.subtitle, "emphasis"),))
    if outline.source:
        yield Para((Span(labels.source + labels.colon), *source_spans(outline.source, labels)))
    if outline.duration or outline.shorter:
        yield Para((Span(_session_line(context)),))
    if outline.objectives:
        yield Heading(2, (Span(labels.objectives),))
        yield Para((Span(labels.objectives_intro),))
        yield Bullets(tuple((0, (outline_text(objective.text),)) for objective in outline.objectives))
    if outline.synopsis:
        yield Heading(2, (Span(labels.synopsis),))
        yield Para((outline_text(outline.synopsis),))


def has_front_page(context: GuideContext) -> bool:
    """True when the front page has more than a few lines (objectives or a synopsis), so the
    run-sheet starts on a page of its own."""
    return bool(context.outline.objectives or context.outline.synopsis)


def source_spans(source: Source, labels: Labels) -> tuple[Span, ...]:
    """``Author — Title (2024-02-20). https://…``: the date, or the language's "undated"; the
    address a link."""
    text = cite(dated(source, labels), labels, with_url=False)
    if not source.url:
        return (Span(text),)
    link = Inline(source.url, (InlineSpan(0, len(source.url), link=source.url),)).markdown()
    return Span(text + sentence_break(text, labels)), Span(link, markdown=True)


def _session_line(context: GuideContext) -> str:
    """``Session: 60 min; shorter runs: 45 min, 40 min.``"""
    labels, outline = context.labels, context.outline
    line = labels.session_length.format(format_minutes(planned_length(outline), labels))
    if outline.shorter:
        lengths = labels.list_separator.join(format_minutes(length, labels) for length in outline.shorter)
        line += labels.shorter_lengths.format(lengths)
    return line + labels.sentence_end


def run_sheet_blocks(context: GuideContext) -> Iterator[Block]:
    """The run-sheet table, its total, and what is cut if late."""
    labels, outline = context.labels, context.outline
    yield Heading(2, (Span(labels.run_sheet),))
    columns = labels.run_sheet_columns if outline.start else labels.run_sheet_columns[1:]
    sheet = run_sheet(outline)
    rows = tuple(_sheet_row(context, row) for row in sheet)
    widths = (1.1, 1.0, 6.0, 0.9, 1.0) if outline.start else (1.0, 6.0, 0.9, 1.0)
    segment = columns.index(labels.run_sheet_columns[2])
    strong = frozenset((n, segment) for n, row in enumerate(sheet) if row.kind != "question")
    yield Table(tuple(columns), rows, widths, strong)
    running = labels.total_running.format(format_minutes(total_minutes(outline), labels))
    if outline.duration:
        running += labels.planned_session.format(format_minutes(outline.duration, labels))
    yield Para((Span(running + labels.sentence_end),))
    if optional_items(outline):
        yield Para((Span(labels.optional_rows + _shorter_rows(context)),))


def _shorter_rows(context: GuideContext) -> str:
    labels = context.labels
    if not context.outline.shorter:
        return ""
    return labels.shorter_rows.format(labels.list_separator.join(format_minutes(m, labels) for m in context.outline.shorter))


def _sheet_row(context: GuideContext, row: RunSheetRow) -> tuple[str, ...]:
    slide = str(context.slides[row.position]) if row.position in context.slides else ""
    timed = row.kind not in ("discussion", "end")
    minutes = f"{row.minutes:g}" if timed else ""
    total = f"{row.running_total:g}" if row.kind != "discussion" else ""
    cells = (slide, _segment(context, row), minutes, total)
    return (clock(context.outline.start, row.offset), *cells) if context.outline.start else cells


def _segment(context: GuideContext, row: RunSheetRow) -> str:
    """The row's name: a question with its number, a section with the minutes of its optional points."""
    labels = context.labels
    if row.kind == "question" and row.question is not None:
        mark = labels.optional_mark if row.question.optional else ""
        return context.question_label(row.question) + row.title + mark
    if row.kind == "section":
        return row.title + _optional_part(context, row)
    titles = {"opening": labels.opening, "discussion": labels.discussion, "closing": labels.closing,
              "buffer": labels.buffer, "end": labels.end}
    return titles.get(row.kind, row.title)


def _optional_part(context: GuideContext, row: RunSheetRow) -> str:
    """`` (optional: 4 min)`` after a section some of whose points are optional."""
    section = next((s for s in context.outline.sections if s.position == row.position), None)
    optional = [p for p in section.points if p.optional] if isinstance(section, Section) else []
    if not optional:
        return ""
    minutes = sum(p.minutes or 0 for p in optional)
    labels = context.labels
    return labels.optional_part.format(format_minutes(minutes, labels)) if minutes else labels.optional_mark
