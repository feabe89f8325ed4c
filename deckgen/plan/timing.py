"""When things happen in a session: question placement, minutes, clock times, the run-sheet.

Pure: no pptx. The deck (agenda, time checks in notes), the facilitator guide's run-sheet
and the lints all read their timings from here, so they always agree.

The plan counts every minute of the session: the ``opening`` (title, thesis and agenda),
the sections, the questions, the ``closing`` (takeaways, exit ticket, goodbye) and the
``buffer`` held in reserve. A section's time is its points' minutes plus the minutes of the
questions placed after it; the agenda's opening row is the ``opening`` plus the questions
that open the session (warm-ups without ``after``, and ``after: start``); the discussion
block is the minutes of the rest.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Literal

from deckgen.outline.model import Outline, Point, Position, Question, Section
from deckgen.records import record

MINUTES_PER_DAY = 24 * 60


def opening_questions(outline: Outline) -> list[Question]:
    """The questions that open the session, right after the agenda."""
    return [q for q in outline.questions if q.opens_session]


def questions_after(outline: Outline, section: Section) -> list[Question]:
    """The questions placed right after ``section``."""
    return [q for q in outline.questions if section.id and q.after == section.id]


def closing_questions(outline: Outline) -> list[Question]:
    """The questions of the discussion block at the end (no ``after``, not opening)."""
    return [q for q in outline.questions if not q.after and not q.opens_session]


def questions_minutes(questions: list[Question]) -> float:
    """The planned minutes of some questions (a question without minutes counts 0)."""
    return sum(q.minutes or 0 for q in questions)


def section_minutes(outline: Outline, section: Section) -> float:
    """Planned minutes of a section: its points plus the questions placed after it."""
    return section.minutes + questions_minutes(questions_after(outline, section))


def points_minutes(outline: Outline) -> float:
    """The planned minutes of every point."""
    return sum(s.minutes for s in outline.sections)


def content_minutes(outline: Outline) -> float:
    """The minutes the outline's items plan: every point and every question (0 when none has minutes)."""
    return points_minutes(outline) + questions_minutes(list(outline.questions))


def total_minutes(outline: Outline) -> float:
    """The plan's running time: opening, every point and question, closing and buffer."""
    return outline.opening + content_minutes(outline) + outline.closing + outline.buffer


def optional_minutes(outline: Outline) -> float:
    """The planned minutes of the points and questions marked ``optional`` (cut if late)."""
    return sum(item.minutes or 0 for item in optional_items(outline))


def shortest_minutes(outline: Outline) -> float:
    """The plan's running time without its optional items: the shortest run it allows."""
    return total_minutes(outline) - optional_minutes(outline)


def optional_items(outline: Outline) -> list[Point | Question]:
    """The points and questions marked ``optional``, in the order the session runs them."""
    items: list[Point | Question] = []
    for item in session_items(outline):
        if isinstance(item, Section):
            items += [point for point in item.points if point.optional]
        elif item.optional:
            items.append(item)
    return items


def planned_length(outline: Outline) -> float:
    """The length a time check counts against: ``duration`` when given, else the timings' sum."""
    return outline.duration or total_minutes(outline)


def clock(start: str, offset: float) -> str:
    """The clock time ``offset`` minutes after ``start`` (``"14:00"``), on a 24-hour clock.

    Past midnight the clock wraps (``23:50`` + 20 -> ``00:10``); :func:`ends_after_midnight`
    tells the lints to say so.
    """
    hours, minutes = (int(part) for part in start.split(":"))
    moment = round(hours * 60 + minutes + offset) % MINUTES_PER_DAY
    return f"{moment // 60:02d}:{moment % 60:02d}"


def ends_after_midnight(outline: Outline) -> bool:
    """True when a session starting at ``outline.start`` runs past 24:00."""
    if outline.start is None:
        return False
    hours, minutes = (int(part) for part in outline.start.split(":"))
    return hours * 60 + minutes + total_minutes(outline) > MINUTES_PER_DAY


SegmentKind = Literal["opening", "section", "discussion"]


@record(frozen=True)
class AgendaRow:
    """One row of the agenda: the opening, a section, or the discussion block."""

    kind: SegmentKind
    title: str
    """The section's title; empty for the opening and the discussion (labels name them)."""
    minutes: float
    offset: float
    """Minutes from the start of the session to the start of this row."""


def agenda_rows(outline: Outline) -> list[AgendaRow]:
    """The agenda in session order, each row with its minutes and when it starts.

    The opening row (shown when questions open the session) holds the ``opening`` minutes
    too; without it, the first section starts once the opening is over.
    """
    rows: list[AgendaRow] = []
    offset = outline.opening
    opening = opening_questions(outline)
    if opening:
        rows.append(AgendaRow("opening", "", outline.opening + questions_minutes(opening), 0.0))
        offset = rows[-1].minutes
    for section in outline.sections:
        rows.append(AgendaRow("section", section.title, section_minutes(outline, section), offset))
        offset += rows[-1].minutes
    closing = closing_questions(outline)
    if closing:
        rows.append(AgendaRow("discussion", "", questions_minutes(closing), offset))
    return rows


RowKind = Literal["opening", "question", "section", "discussion", "closing", "buffer", "end"]


@record(frozen=True)
class RunSheetRow:
    """One line of the facilitator's run-sheet."""

    kind: RowKind
    title: str
    minutes: float
    offset: float
    """Minutes from the start to the start of this row; ``offset + minutes`` is the running total."""
    position: Position = Position()
    """Where the row's section or question is written (finds its slide number)."""
    question: Question | None = None

    @property
    def running_total(self) -> float:
        """Minutes from the start to the end of this row."""
        return self.offset + self.minutes


def session_items(outline: Outline) -> Iterator[Section | Question]:
    """Sections and questions in the order the session runs them (the deck's order)."""
    yield from opening_questions(outline)
    for section in outline.sections:
        yield section
        yield from questions_after(outline, section)
    yield from closing_questions(outline)


def session_questions(outline: Outline) -> list[Question]:
    """Every question in the order the session (and the deck) takes them."""
    return [item for item in session_items(outline) if isinstance(item, Question)]


def offsets(outline: Outline) -> dict[Section | Question, float]:
    """When each section and question starts, in minutes from the start of the session."""
    starts: dict[Section | Question, float] = {}
    offset = outline.opening
    for item in session_items(outline):
        starts[item] = offset
        offset += item.minutes or 0
    return starts


def run_sheet(outline: Outline) -> list[RunSheetRow]:
    """The run-sheet: the opening (title, thesis, agenda), each opening question, each section
    (its points) and the questions after it, each discussion question, the closing, the buffer
    (when there is one), then an end row at the plan's running time."""
    rows = [RunSheetRow("opening", "", outline.opening, 0.0, outline.position_of("title"))]
    closing = closing_questions(outline)
    for item in session_items(outline):
        offset = rows[-1].running_total
        if isinstance(item, Section):
            rows.append(RunSheetRow("section", item.title, item.minutes, offset, item.position))
            continue
        if closing and item is closing[0]:
            rows.append(RunSheetRow("discussion", "", 0, offset, outline.position_of("questions")))
        rows.append(RunSheetRow("question", item.prompt, item.minutes or 0, offset, item.position, item))
    rows.append(RunSheetRow("closing", "", outline.closing, rows[-1].running_total, outline.position_of("takeaways")))
    if outline.buffer:
        rows.append(RunSheetRow("buffer", "", outline.buffer, rows[-1].running_total))
    rows.append(RunSheetRow("end", "", 0, rows[-1].running_total))
    return rows


def first_slides(positions: list[Position]) -> Mapping[Position, int]:
    """Slide number (1-based) of the first slide of each outline item, from the slides' positions."""
    numbers: dict[Position, int] = {}
    for number, position in enumerate(positions, start=1):
        if position != Position():
            numbers.setdefault(position, number)
    return numbers
