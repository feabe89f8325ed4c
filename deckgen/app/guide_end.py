"""The facilitator guide's back matter: board plan, what to cut when late, epilogue, exit ticket.

Each part appears only when the outline gives what it shows, so a guide never has an empty
heading. The cut list names the optional points and questions with their minutes and
slides, then what each ``shorter`` run (a custom show of the deck) leaves out: every
optional item, so the run plans the session's time less theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import zip_longest

from deckgen.app.document import Block, Bullets, Heading, Para, Span, Table, outline_text
from deckgen.app.guide_context import GuideContext
from deckgen.outline.model import Point, Question
from deckgen.plan.deck import format_minutes
from deckgen.plan.plurals import plural
from deckgen.plan.timing import optional_items, optional_minutes, shortest_minutes


def back_matter(context: GuideContext) -> Iterator[Block]:
    """Board plan, cut list, epilogue and exit ticket, each where the outline has it."""
    yield from _board_plan(context)
    yield from _cut_list(context)
    yield from _epilogue(context)
    yield from _exit_ticket(context)


def _board_plan(context: GuideContext) -> Iterator[Block]:
    """The board as a table: one column per board column, its items down it in order."""
    board = context.outline.board
    if not board:
        return
    yield Heading(2, (Span(context.labels.board_plan),))
    rows = tuple(tuple(item or "" for item in row) for row in zip_longest(*(column.items for column in board)))
    yield Table(tuple(column.title for column in board), rows)


def _cut_list(context: GuideContext) -> Iterator[Block]:
    """The optional items with their minutes and slides, then what each shorter run leaves out."""
    items = optional_items(context.outline)
    if not items:
        return
    labels = context.labels
    yield Heading(2, (Span(labels.if_late),))
    yield Para((Span(labels.drop_these),))
    yield Bullets(tuple((0, _cut_item(context, item)) for item in items))
    if context.outline.shorter:
        yield Para((Span(labels.shorter_shows),))
        yield Bullets(tuple((0, (Span(_shorter_run(context, length, len(items))),)) for length in context.outline.shorter))


def _cut_item(context: GuideContext, item: Point | Question) -> tuple[Span, ...]:
    """``Q4. Which response would you fund first? — 8 min · slide 6``."""
    where = context.where(item.position, item.minutes)
    return (outline_text(context.item_title(item)), *((Span(f" — {where}"),) if where else ()))


def _shorter_run(context: GuideContext, length: float, count: int) -> str:
    """``40 min: leaves out 2 optional items (12 min); the run plans 24.5 min.``: every shorter
    run, like the deck's custom show of it, leaves out all ``count`` optional items."""
    labels, outline = context.labels, context.outline
    return plural(labels.shorter_run, labels.language, count).format(
        length=format_minutes(length, labels), count=count, minutes=format_minutes(optional_minutes(outline), labels),
        total=format_minutes(shortest_minutes(outline), labels))


def _epilogue(context: GuideContext) -> Iterator[Block]:
    """What happened after the article, marked as the facilitator's context."""
    if not context.outline.epilogue:
        return
    yield Heading(2, (Span(context.labels.epilogue),))
    yield Para((Span(context.labels.epilogue_note, "emphasis"),))
    yield Para((outline_text(context.outline.epilogue),))


def _exit_ticket(context: GuideContext) -> Iterator[Block]:
    """The prompts participants answer before they leave."""
    if not context.outline.exit_ticket:
        return
    yield Heading(2, (Span(context.labels.exit_ticket),))
    yield Para((Span(context.labels.exit_ticket_intro),))
    yield Bullets(tuple((0, (outline_text(prompt),)) for prompt in context.outline.exit_ticket))
