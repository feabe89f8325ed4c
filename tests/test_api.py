"""The public Python API works as documented, without the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx import Presentation

import deckgen
from deckgen import DeckgenError, Outline, OutlineError, Problem, build_deck, load_outline

ROOT = Path(__file__).resolve().parent.parent


def test_load_and_build_from_python(tmp_path: Path) -> None:
    outline = load_outline(ROOT / "outlines" / "sora-china-ai.yaml", audience="undergrad")
    assert isinstance(outline, Outline)
    deck = build_deck(outline, tmp_path / "out.pptx", template="seminar")
    assert Presentation(str(deck)).slides[0].shapes.title.text == outline.title


def test_errors_are_plain_exceptions_carrying_problems(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nsections: []\n", encoding="utf-8")
    with pytest.raises(OutlineError) as caught:
        load_outline(bad)
    assert isinstance(caught.value, DeckgenError)
    assert not any(cls.__module__.startswith("click") for cls in type(caught.value).__mro__)
    problem = caught.value.problems[0]
    assert isinstance(problem, Problem)
    assert (problem.path, problem.line, problem.location) == (bad, 2, "sections")
    assert caught.value.exit_code == 1


def test_the_package_ships_type_information() -> None:
    assert (Path(deckgen.__file__).parent / "py.typed").is_file()
