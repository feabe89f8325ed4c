"""Property tests: any valid outline builds a deck that holds all its text and opens cleanly."""

from __future__ import annotations

import io
import re
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx import Presentation

from deckgen.app.build import deck_bytes
from deckgen.outline.loader import load_outline

_ALPHABET = st.sampled_from(list("abcdefghijklmnopqrstuvwxyzABCXYZ0123456789 .,;:!?'\"()-–—“”…éüß中国人工智能视频文生") + ["Wörd", "deckgen"])
TEXT = st.lists(_ALPHABET, min_size=1, max_size=120).map("".join).filter(lambda t: t.strip() != "")
SHORT = st.lists(_ALPHABET, min_size=1, max_size=40).map("".join).filter(lambda t: t.strip() != "")
EVIDENCE = st.lists(st.one_of(TEXT, st.lists(SHORT, min_size=1, max_size=3)), max_size=8).filter(
    lambda items: not items or isinstance(items[0], str)
)


@st.composite
def outlines(draw: st.DrawFn) -> dict[str, Any]:
    """A valid outline as data: sections with points, questions placed and closing."""
    sections = []
    for index in range(draw(st.integers(1, 3))):
        points = [
            {"claim": draw(SHORT), "evidence": draw(EVIDENCE), "notes": draw(TEXT), "minutes": draw(st.integers(1, 9))}
            for _ in range(draw(st.integers(0, 3)))
        ]
        sections.append({"id": f"s{index}", "title": draw(SHORT), "points": points})
    questions = [
        {"prompt": draw(TEXT), "follow_ups": draw(st.lists(SHORT, max_size=4)),
         "kind": draw(st.sampled_from(["warm-up", "analysis", "application", "reflection"])),
         **({"after": f"s{draw(st.integers(0, len(sections) - 1))}"} if draw(st.booleans()) else {})}
        for _ in range(draw(st.integers(0, 4)))
    ]
    outline: dict[str, Any] = {"title": draw(SHORT), "sections": sections, "questions": questions,
                               "template": draw(st.sampled_from(["seminar", "classic"]))}
    if draw(st.booleans()):
        outline["thesis"] = draw(TEXT)
    if draw(st.booleans()):
        outline["takeaways"] = draw(st.lists(TEXT, min_size=1, max_size=6))
    return outline


def _fold(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _slide_text(data: bytes) -> str:
    deck = Presentation(io.BytesIO(data))
    return "".join(shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(outlines())
def test_any_valid_outline_builds_with_all_its_text(tmp_path: Path, data: dict[str, Any]) -> None:
    path = tmp_path / "guide.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outline = load_outline(path)
    text = _fold(_slide_text(deck_bytes(outline)))
    for section in outline.sections:
        assert _fold(section.title) in text
        for point in section.points:
            assert _fold(point.claim) in text
            for bullet in point.evidence:
                assert _fold(bullet.text) in text
    for question in outline.questions:
        assert _fold(question.prompt) in text
        assert all(_fold(f) in text for f in question.follow_ups)
