"""The facilitator guide: a Markdown companion to the deck (``deckgen guide``).

Agenda with timings and total running time, then every section's points and every
question with its follow-ups and notes, in the order the deck shows them.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.labels import Labels, labels_for
from deckgen.model import Outline, Question
from deckgen.plan import (
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


def _header(outline: Outline) -> Iterator[str]:
    yield f"# {outline.title}"
    yield ""
    if outline.subtitle:
        yield f"_{outline.subtitle}_"
        yield ""
    if outline.source:
        yield f"Source: {cite(outline.source)}"
        yield ""
    if outline.thesis:
        yield f"**Thesis.** {outline.thesis}"
        yield ""


def _agenda(outline: Outline) -> Iterator[str]:
    total = total_minutes(outline)
    yield "## Agenda"
    yield ""
    yield from (f"1. {line}" for line in agenda_lines(outline))
    yield ""
    running = f"Total running time: {format_minutes(total)}"
    if outline.duration:
        running += f" (planned session: {format_minutes(outline.duration)})"
    yield running + "."
    yield ""


def guide_markdown(outline: Outline) -> str:
    """The whole facilitator guide as Markdown text."""
    labels = labels_for(outline.language)
    lines = [*_header(outline), *_agenda(outline)]
    number = 0
    for section in outline.sections:
        lines += [f"## {section.title}", ""]
        if section.summary:
            lines += [section.summary, ""]
        for point in section.points:
            timing = f" ({format_minutes(point.minutes, labels)})" if point.minutes else ""
            lines += [f"### {point.claim}{timing}", ""]
            lines += ["  " * b.level + f"- {b.text}" for b in point.evidence]
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
        lines += ["## Takeaways", "", *(f"- {t}" for t in outline.takeaways), ""]
    return "\n".join(lines).rstrip() + "\n"
