"""Lints: things that build accepts but a facilitator would want to fix. Pure, no pptx.

Reported by ``deckgen check`` as warnings (errors with ``--strict``), each at the line of
the item it concerns.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.errors import Problem
from deckgen.outline.model import Outline, Point, Position, Question
from deckgen.plan.deck import format_minutes, total_minutes

MAX_BULLETS = 6
"""More top-level bullets than this on one point makes a slide hard to read."""
MAX_BULLET_CHARS = 120
"""A bullet longer than this reads as a paragraph, not a bullet."""
DURATION_TOLERANCE = 0.1
"""Timings may differ from the declared duration by this fraction before it is reported."""


def _at(outline: Outline, position: Position, message: str) -> Problem:
    return Problem(outline.path, position.line, position.column, message)


def _point_lints(outline: Outline, where: str, point: Point) -> Iterator[Problem]:
    top_level = [b for b in point.evidence if b.level == 0]
    if len(top_level) > MAX_BULLETS:
        message = f"{where}: {len(top_level)} bullets on one slide; keep to {MAX_BULLETS} or split the point"
        yield _at(outline, point.position, message)
    for bullet in point.evidence:
        if len(bullet.text) > MAX_BULLET_CHARS:
            message = f"{where}: bullet of {len(bullet.text)} characters; keep bullets under {MAX_BULLET_CHARS}"
            yield _at(outline, bullet.position, message)


def _question_lints(outline: Outline, where: str, question: Question) -> Iterator[Problem]:
    if not question.prompt.rstrip().endswith(("?", "？", "؟")):
        yield _at(outline, question.position, f"{where}.prompt: does not end with '?'; phrase it as a question")


def _duration_lint(outline: Outline) -> Iterator[Problem]:
    total = total_minutes(outline)
    if not outline.duration or not total:
        return
    if abs(total - outline.duration) > DURATION_TOLERANCE * outline.duration:
        message = (
            f"duration: timings add up to {format_minutes(total)}, not the declared "
            f"{format_minutes(outline.duration)}; adjust minutes or duration"
        )
        yield _at(outline, outline.position_of("duration"), message)


def lint_outline(outline: Outline) -> list[Problem]:
    """Every lint of ``outline``, in outline order."""
    problems: list[Problem] = []
    for s_index, section in enumerate(outline.sections):
        for p_index, point in enumerate(section.points):
            problems.extend(_point_lints(outline, f"sections[{s_index}].points[{p_index}]", point))
    for q_index, question in enumerate(outline.questions):
        problems.extend(_question_lints(outline, f"questions[{q_index}]", question))
    problems.extend(_duration_lint(outline))
    return problems
