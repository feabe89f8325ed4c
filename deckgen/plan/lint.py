"""Lints: things that build accepts but a facilitator would want to fix. Pure, no pptx.

Reported by ``deckgen check`` as warnings (errors with ``--strict``), each at the line of
the item it concerns.
"""

from __future__ import annotations

from collections.abc import Iterator

from deckgen.errors import Problem
from deckgen.outline.model import Outline, Point, Position, Question
from deckgen.plan.deck import format_minutes, total_minutes
from deckgen.plan.timing import (
    clock,
    content_minutes,
    ends_after_midnight,
    optional_minutes,
    planned_length,
    points_minutes,
    questions_minutes,
    shortest_minutes,
)

MAX_BULLETS = 6
"""More top-level bullets than this on one point makes a slide hard to read."""
MAX_BULLET_CHARS = 120
"""A bullet longer than this reads as a paragraph, not a bullet."""
DURATION_TOLERANCE = 0.1
"""A plan may fall short of the declared duration by this fraction before it is reported
(a plan longer than the duration is always reported)."""
MIN_QUESTION_MINUTES = 2
"""The least time a question takes: read out, thought about, answered by two or three people."""
MIN_FOLLOW_UP_MINUTES = 1
"""The least time a follow-up takes: it builds on an answer already given."""


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" + ("" if number == 1 else "s")


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


def _exceeds(minutes: float, limit: float) -> bool:
    """``minutes`` > ``limit``, ignoring the last bits of a sum of decimal minutes."""
    return round(minutes - limit, 6) > 0


def plan_breakdown(outline: Outline) -> str:
    """What the plan counts: ``opening 2 + points 25 + questions 35 + closing 2 min`` (and the buffer)."""
    parts = [("opening", outline.opening), ("points", points_minutes(outline)),
             ("questions", questions_minutes(list(outline.questions))), ("closing", outline.closing)]
    parts += [("buffer", outline.buffer)] if outline.buffer else []
    return " + ".join(f"{name} {minutes:g}" for name, minutes in parts) + " min"


def _duration_lint(outline: Outline) -> Iterator[Problem]:
    """A plan longer than ``duration``, or far shorter (items without minutes, usually)."""
    if not outline.duration or not content_minutes(outline):
        return
    total, duration = total_minutes(outline), format_minutes(outline.duration)
    if _exceeds(total, outline.duration):
        message = (f"duration: the plan takes {format_minutes(total)} ({plan_breakdown(outline)}), more than the "
                   f"declared {duration}; shorten or cut items, or raise duration")
    elif _exceeds(outline.duration - total, DURATION_TOLERANCE * outline.duration):
        message = (f"duration: the plan takes {format_minutes(total)} ({plan_breakdown(outline)}), well under the "
                   f"declared {duration}; give items their minutes, add a buffer, or lower duration")
    else:
        return
    yield _at(outline, outline.position_of("duration"), message)


def _shorter_lints(outline: Outline) -> Iterator[Problem]:
    """Each ``shorter`` length that is not shorter than the session, or that leaving out the
    optional items does not reach."""
    session = planned_length(outline)
    shortest, cut = shortest_minutes(outline), optional_minutes(outline)
    for index, length in enumerate(outline.shorter):
        where = f"shorter[{index}]: {format_minutes(length)}"
        if not _exceeds(session, length):
            message = f"{where} is not shorter than the session ({format_minutes(session)}); give a shorter length or remove it"
        elif not cut and _exceeds(shortest, length):
            message = (f"{where} cannot be reached: no point or question is marked optional, so the plan stays "
                       f"{format_minutes(shortest)}; mark what to cut when late with optional: true")
        elif _exceeds(shortest, length):
            message = (f"{where} cannot be reached: leaving out the optional items ({format_minutes(cut)}) gives "
                       f"{format_minutes(shortest)}; mark more points or questions optional: true, or lengthen it")
        else:
            continue
        yield _at(outline, outline.position_of("shorter"), message)


def _objective_lints(outline: Outline) -> Iterator[Problem]:
    """Each objective no question serves: nothing in the session works towards it."""
    served = {objective for question in outline.questions for objective in question.serves}
    for index, objective in enumerate(outline.objectives):
        if objective.id not in served:
            message = (f"objectives[{index}]: '{objective.id}' is served by no question; add serves: [{objective.id}] "
                       "to a question that works on it, or remove the objective")
            yield _at(outline, objective.position, message)


def _overload_lint(outline: Outline) -> Iterator[Problem]:
    """Questions asking more than their minutes allow: at least :data:`MIN_QUESTION_MINUTES` a
    question and :data:`MIN_FOLLOW_UP_MINUTES` a follow-up (questions without minutes aside)."""
    timed = [question for question in outline.questions if question.minutes]
    follow_ups = sum(len(question.follow_ups) for question in timed)
    needed = MIN_QUESTION_MINUTES * len(timed) + MIN_FOLLOW_UP_MINUTES * follow_ups
    planned = questions_minutes(timed)
    if timed and _exceeds(needed, planned):
        message = (f"questions: {_count(len(timed), 'question')} and {_count(follow_ups, 'follow-up')} get "
                   f"{format_minutes(planned)}, too little to discuss them: allow at least {MIN_QUESTION_MINUTES} min a "
                   f"question and {MIN_FOLLOW_UP_MINUTES} a follow-up ({format_minutes(needed)}); cut follow-ups or "
                   "questions, or give them more minutes")
        yield _at(outline, outline.position_of("questions"), message)


def timing_lints(outline: Outline) -> list[Problem]:
    """With ``start``: items without minutes (clock times count them as 0) and a session
    that runs past midnight. Shared by ``check`` and ``guide``."""
    if outline.start is None:
        return []
    problems = [
        _at(outline, point.position, f"sections[{s}].points[{p}]: no minutes; clock times count it as 0 min, give it minutes")
        for s, section in enumerate(outline.sections) for p, point in enumerate(section.points) if point.minutes is None
    ]
    problems += [
        _at(outline, question.position, f"questions[{q}]: no minutes; clock times count it as 0 min, give it minutes")
        for q, question in enumerate(outline.questions) if question.minutes is None
    ]
    if ends_after_midnight(outline):
        end = clock(outline.start, total_minutes(outline))
        message = f"start: a session starting at {outline.start} ends after midnight ({end} the next day); check start and the minutes"
        problems.append(_at(outline, outline.position_of("start"), message))
    return problems


def lint_outline(outline: Outline) -> list[Problem]:
    """Every lint of ``outline``, in outline order."""
    problems: list[Problem] = []
    for s_index, section in enumerate(outline.sections):
        for p_index, point in enumerate(section.points):
            problems.extend(_point_lints(outline, f"sections[{s_index}].points[{p_index}]", point))
    for q_index, question in enumerate(outline.questions):
        problems.extend(_question_lints(outline, f"questions[{q_index}]", question))
    problems.extend(_duration_lint(outline))
    problems.extend(_shorter_lints(outline))
    problems.extend(_objective_lints(outline))
    problems.extend(_overload_lint(outline))
    problems.extend(timing_lints(outline))
    return problems
