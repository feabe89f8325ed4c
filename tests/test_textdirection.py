"""Pieces of text read their own way inside lines of the other direction."""

from __future__ import annotations

import pytest

from deckgen.plan.textdirection import (
    LEFT_TO_RIGHT_MARK,
    RIGHT_TO_LEFT_MARK,
    closing_mark,
    direction_runs,
    reads_right_to_left,
)


@pytest.mark.parametrize(("text", "line", "expected"), [
    ("سورا من OpenAI: اختبار", True, True),  # has the line's letters: reads with the line
    ("Sora של OpenAI", True, True),
    ("Niranjana Dhumal — OpenAI's Sora (2024).", True, False),  # all Latin in an Arabic line
    ("مقال", False, True),  # all Arabic in an English line
    ("Reading سورا", False, False),
    ("14:05 · 12", True, True),  # no letters: the line's way
    ("14:05 · 12", False, False),
])
def test_a_piece_reads_against_its_line_only_when_all_its_letters_do(text: str, line: bool, expected: bool) -> None:
    assert reads_right_to_left(text, line) is expected


def test_runs_are_cut_where_the_direction_changes_and_neutrals_between_take_the_pieces_own() -> None:
    assert direction_runs("سورا من OpenAI: اختبار", True) == [("سورا من ", True), ("OpenAI", False), (": اختبار", True)]
    assert direction_runs("Sora (2024).", False) == [("Sora (2024).", False)]
    assert direction_runs("ناقش Sora.", True) == [("ناقش ", True), ("Sora", False), (".", True)]  # the full stop ends the Arabic sentence


def test_text_without_letters_is_one_run_in_its_own_direction() -> None:
    assert direction_runs("", True) == [("", True)]
    assert direction_runs("4 · 8", False) == [("4 · 8", False)]


def test_a_piece_against_its_line_ends_with_a_mark_of_its_own_direction() -> None:
    assert closing_mark("OpenAI's Sora (2024).", True) == LEFT_TO_RIGHT_MARK
    assert closing_mark("مقال.", False) == RIGHT_TO_LEFT_MARK
    assert closing_mark("سورا من OpenAI", True) == closing_mark("Sora", False) == ""
