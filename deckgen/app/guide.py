"""The facilitator guide: a Markdown companion to the deck (``deckgen guide``).

Agenda with timings and total running time, then every section's points and every
question with its follow-ups and notes, in the order the deck shows them.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.app.guide_visuals import visual_markdown
from deckgen.plan.labels import Labels, labels_for
from deckgen.outline.model import Outline, Question
from deckgen.plan.deck import (
    agenda_lines,
    cite,
    closing_questions,
    format_minutes,
    question_meta,
    questions_after,
    total_minutes,
)


def _question(number: int, question: Question, labels: Labels) -> Iterator[str]:
    yield f"**Q{number}. {question.prompt}** _({question_meta(question, labels)})_"
    yield ""
    for follow_up in question.follow_ups:
        yield f"- {follow_up}"
    if question.notes:
        yield from ("", f"> {question.notes}")
    yield ""


def _header(outline: Outline, labels: Labels) -> Iterator[str]:
    yield f"# {outline.title}"
    yield ""
    if outline.subtitle:
        yield f"_{outline.subtitle}_"
        yield ""
    if outline.source:
        yield f"{labels.source}: {cite(outline.source)}"
        yield ""
    if outline.thesis:
        yield f"**{labels.thesis}.** {outline.thesis}"
        yield ""


def _agenda(outline: Outline, labels: Labels) -> Iterator[str]:
    total = total_minutes(outline)
    yield f"## {labels.agenda}"
    yield ""
    yield from (f"1. {line}" for line in agenda_lines(outline))
    yield ""
    running = labels.total_running.format(format_minutes(total, labels))
    if outline.duration:
        running += labels.planned_session.format(format_minutes(outline.duration, labels))
    yield running + labels.sentence_end
    yield ""


def guide_markdown(outline: Outline) -> str:
    """The whole facilitator guide as Markdown text."""
    labels = labels_for(outline.language)
    lines = [*_header(outline, labels), *_agenda(outline, labels)]
    number = 0
    for section in outline.sections:
        lines += [f"## {section.title}", ""]
        lines += [text for text in (section.summary, section.notes and f"> {section.notes}") if text]
        if section.summary or section.notes:
            lines.append("")
        for point in section.points:
            timing = f" ({format_minutes(point.minutes, labels)})" if point.minutes else ""
            lines += [f"### {point.claim}{timing}", ""]
            lines += ["  " * b.level + f"- {b.text}" for b in point.evidence]
            lines += visual_markdown(point)
            if point.notes:
                lines += ["", f"> {point.notes}"]
            lines.append("")
        for question in questions_after(outline, section):
            number += 1
            lines += list(_question(number, question, labels))
    closing = closing_questions(outline)
    if closing:
        lines += [f"## {labels.discussion}", ""]
        for question in closing:
            number += 1
            lines += list(_question(number, question, labels))
    if outline.takeaways:
        lines += [f"## {labels.takeaways}", "", *(f"- {t}" for t in outline.takeaways), ""]
    return "\n".join(lines).rstrip() + "\n"
