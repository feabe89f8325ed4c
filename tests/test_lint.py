"""The honest clock's warnings: a plan over its duration, a shorter run out of reach, an
objective no question serves, an overloaded session (plan layer: no pptx)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from deckgen.outline.loader import load_outline
from deckgen.outline.model import Objective, Point, Position, Question, Section
from deckgen.plan.lint import lint_outline
from deckgen.plan.timing import optional_minutes, shortest_minutes, total_minutes
from tests.plan_helpers import outline

SESSION = Path(__file__).resolve().parent / "fixtures" / "outlines" / "session.yaml"


def _messages(**changes: object) -> list[str]:
    return [problem.message for problem in lint_outline(outline(**changes))]


def test_the_plan_counts_opening_points_questions_closing_and_buffer() -> None:
    session = load_outline(SESSION)
    assert total_minutes(session) == 3 + (5 + 4) + (10 + 8) + 4.5 + 2
    assert optional_minutes(session) == 4 + 8
    assert shortest_minutes(session) == 36.5 - 12
    assert total_minutes(outline()) == 2 + 10 + 20 + 2  # opening and closing default to 2 min, buffer to 0


def test_a_plan_longer_than_its_duration_names_both_figures() -> None:
    message = _messages(duration=30.0)[0]
    assert message == ("duration: the plan takes 34 min (opening 2 + points 10 + questions 20 + closing 2 min), "
                       "more than the declared 30 min; shorten or cut items, or raise duration")
    assert not any(m.startswith("duration:") for m in _messages(duration=34.0))


def test_one_minute_over_is_over_and_the_buffer_counts() -> None:
    assert _messages(duration=33.0)[0].startswith("duration: the plan takes 34 min")
    assert _messages(duration=36.0, buffer=3.0)[0].startswith(
        "duration: the plan takes 37 min (opening 2 + points 10 + questions 20 + closing 2 + buffer 3 min)")


def test_a_plan_far_under_its_duration_is_reported_and_a_little_under_is_not() -> None:
    assert _messages(duration=60.0)[0].startswith("duration: the plan takes 34 min (")
    assert "well under the declared 60 min" in _messages(duration=60.0)[0]
    assert not any(m.startswith("duration:") for m in _messages(duration=37.0))


def test_a_shorter_length_the_optional_items_reach_passes() -> None:
    questions = outline().questions
    optional = (questions[0], dataclasses.replace(questions[1], optional=True))
    assert _messages(duration=34.0, shorter=(24.0,), questions=optional) == []


def test_a_shorter_length_out_of_reach_says_what_leaving_out_the_optional_items_gives() -> None:
    questions = outline().questions
    optional = (questions[0], dataclasses.replace(questions[1], optional=True))
    assert _messages(duration=34.0, shorter=(20.0,), questions=optional) == [
        "shorter[0]: 20 min cannot be reached: leaving out the optional items (10 min) gives 24 min; "
        "mark more points or questions optional: true, or lengthen it"]


def test_a_shorter_length_without_optional_items_asks_for_them() -> None:
    assert _messages(duration=34.0, shorter=(30.0,)) == [
        "shorter[0]: 30 min cannot be reached: no point or question is marked optional, so the plan stays 34 min; "
        "mark what to cut when late with optional: true"]


def test_a_shorter_length_must_be_shorter_than_the_session() -> None:
    assert _messages(duration=34.0, shorter=(34.0,)) == [
        "shorter[0]: 34 min is not shorter than the session (34 min); give a shorter length or remove it"]


def test_an_objective_no_question_serves_is_reported_at_the_objective() -> None:
    objectives = (Objective("diagnose", "Tell the gaps apart", Position(4, 5)), Objective("weigh", "Weigh", Position(5, 5)))
    questions = (dataclasses.replace(outline().questions[0], serves=("diagnose",)), outline().questions[1])
    problems = lint_outline(outline(duration=34.0, objectives=objectives, questions=questions))
    assert [(p.message, p.line) for p in problems] == [
        ("objectives[1]: 'weigh' is served by no question; add serves: [weigh] to a question that works on it, "
         "or remove the objective", 5)]


def test_an_audience_that_drops_the_serving_question_unserves_its_objective(tmp_path: Path) -> None:
    path = tmp_path / "o.yaml"
    path.write_text(
        "title: T\nobjectives: [{id: one, text: Name a claim}]\nsections: [{title: S}]\n"
        "questions: [{prompt: Which claim?, serves: [one], tags: [core]}]\n"
        "audiences: {quick: {exclude_tags: [core]}}\n", encoding="utf-8")
    assert lint_outline(load_outline(path)) == []
    assert [p.message.split(":")[0] for p in lint_outline(load_outline(path, audience="quick"))] == ["objectives[0]"]


def _timed(minutes: float, follow_ups: int) -> Question:
    return Question("Why?", follow_ups=tuple(f"And {n}?" for n in range(follow_ups)), minutes=minutes)


def test_an_overloaded_session_is_reported_with_its_figures() -> None:
    questions = (_timed(3, 2), _timed(3, 2), _timed(4, 1))  # needs 2+2 + 2+2 + 2+1 = 11 min
    assert _messages(duration=None, questions=questions) == [
        "questions: 3 questions and 5 follow-ups get 10 min, too little to discuss them: allow at least 2 min "
        "a question and 1 a follow-up (11 min); cut follow-ups or questions, or give them more minutes"]


def test_a_session_at_the_floor_is_not_overloaded_and_untimed_questions_are_left_aside() -> None:
    at_floor = (_timed(4, 2), _timed(3, 1), Question("Any more?", follow_ups=("And?", "Why?")))
    assert _messages(duration=None, questions=at_floor) == []
    one = (_timed(1, 0),)
    assert _messages(duration=None, questions=one)[0].startswith("questions: 1 question and 0 follow-ups get 1 min")


def test_optional_points_count_in_the_full_plan() -> None:
    sections = (Section("S", points=(Point("A", minutes=5), Point("B", minutes=6, optional=True))),)
    plan = outline(sections=sections, questions=(), duration=None)
    assert (total_minutes(plan), optional_minutes(plan), shortest_minutes(plan)) == (15, 6, 9)
