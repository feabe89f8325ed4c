"""The closing and framing slides: Source apart from Further reading, links, the Discussion
divider, the opening script and the References notes."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.build import build_deck
from tests.deck_helpers import notes_of, open_deck, paragraphs, title_of

OUTLINE = """\
title: A seminar on one article
presenter: Jane Doe
source:
  title: The article under discussion
  author: A. Writer
  url: https://example.org/article
sections:
  - {id: one, title: Part one, points: [{claim: First claim, minutes: 5}]}
  - {id: two, title: Part two, points: [{claim: Second claim, minutes: 5}]}
questions:
  - {prompt: What did you notice?, after: one, minutes: 3}
  - {prompt: What follows from it?, minutes: 10}
  - {prompt: What would you change?, minutes: 5}
references:
  - {title: A later model, author: A lab, published: 2024-06, url: "https://example.org/later", note: "context, not cited in the article"}
  - {title: A book, author: Someone}
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> PresentationObject:
    folder = tmp_path_factory.mktemp("references")
    (folder / "guide.yaml").write_text(OUTLINE, encoding="utf-8")
    return open_deck(build_deck(folder / "guide.yaml", folder / "deck.pptx"))


def _links(slide: object) -> list[tuple[str, str]]:
    found = []
    for shape in slide.shapes:  # type: ignore[attr-defined]
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                found += [(run.text, run.hyperlink.address) for run in paragraph.runs if run.hyperlink.address]
    return found


def test_references_list_the_source_apart_from_further_reading(deck: PresentationObject) -> None:
    slide = deck.slides[-1]
    assert title_of(slide) == "References"
    texts = [text for text, _ in paragraphs(slide)][1:]
    assert texts == [
        "Source",
        "A. Writer — The article under discussion (undated). https://example.org/article",
        "Further reading",
        "A lab — A later model (2024-06). context, not cited in the article. https://example.org/later",
        "Someone — A book",
    ]


def test_reference_urls_are_clickable_links(deck: PresentationObject) -> None:
    assert _links(deck.slides[-1]) == [
        ("https://example.org/article", "https://example.org/article"),
        ("https://example.org/later", "https://example.org/later"),
    ]


def test_the_references_slide_has_notes(deck: PresentationObject) -> None:
    assert "Further reading is context from outside the article" in notes_of(deck.slides[-1])


def test_a_discussion_divider_opens_the_block_the_agenda_lists(deck: PresentationObject) -> None:
    titles = [title_of(s) for s in deck.slides]
    agenda = [text for text, _ in paragraphs(deck.slides[1])]
    assert "Discussion — 15 min" in agenda
    divider = titles.index("Discussion")
    assert titles[divider + 1:divider + 3] == ["What follows from it?", "What would you change?"]
    assert deck.slides[divider].slide_layout.name == "Section"
    assert "2 questions · 15 min" in [text for text, _ in paragraphs(deck.slides[divider])]


def test_the_title_slide_notes_open_the_session_instead_of_repeating_the_agenda(deck: PresentationObject) -> None:
    notes = notes_of(deck.slides[0])
    assert notes.startswith("Welcome")
    assert "Today we discuss “The article under discussion” by A. Writer." in notes
    assert "Part one" not in notes and "Part two" not in notes


CHINESE = """\
title: 一篇文章的研讨
language: zh-CN
source: {title: 原文, author: 作者, url: "https://example.org/article"}
sections:
  - {id: one, title: 第一部分, points: [{claim: 第一个论点, minutes: 5}]}
questions:
  - {prompt: 你注意到了什么？, minutes: 5}
references:
  - {title: 后来的模型, author: 某实验室, published: 2024-06, note: 背景资料}
"""


def test_a_chinese_references_slide_cites_in_chinese_brackets_and_full_stops(tmp_path: Path) -> None:
    (tmp_path / "zh.yaml").write_text(CHINESE, encoding="utf-8")
    slide = open_deck(build_deck(tmp_path / "zh.yaml", tmp_path / "zh.pptx")).slides[-1]
    assert title_of(slide) == "参考资料"
    assert [text for text, _ in paragraphs(slide)][1:] == [
        "来源", "作者《原文》（未注明日期）。https://example.org/article", "延伸阅读", "某实验室《后来的模型》（2024-06）。背景资料",
    ]
    assert _links(slide) == [("https://example.org/article", "https://example.org/article")]
