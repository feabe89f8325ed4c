"""The closing slides: the exit ticket after the takeaways, and the References slide's QR code
of the article's address."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide

from deckgen.app.build import deck_bytes
from deckgen.outline.loader import load_outline_text
from deckgen.plan.labels import labels_for
from tests.deck_helpers import ALL_TEMPLATES, notes_of, open_deck, paragraphs, title_of

OUTLINE = """\
title: A seminar on one article
language: {language}
source:
  title: The article under discussion
  author: A. Writer
  url: https://example.org/articles/2024/the-article
sections:
  - {{id: one, title: Part one, points: [{{claim: First claim, evidence: [A bullet]}}]}}
questions:
  - {{prompt: What follows from it?, minutes: 10}}
takeaways: [Breakthroughs need research, Data is not enough]
exit_ticket: [One thing you will remember, One question you still have]
"""


def build(tmp_path: Path, language: str = "en", template: str | None = None, text: str = OUTLINE) -> bytes:
    """The deck of ``text`` (in ``language``) on ``template``."""
    file = tmp_path / "guide.yaml"
    file.write_text(text.format(language=language), encoding="utf-8")
    return deck_bytes(load_outline_text(file.read_text(encoding="utf-8"), file), template)


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> PresentationObject:
    return open_deck(build(tmp_path_factory.mktemp("closing")))


def _titled(deck: PresentationObject, title: str) -> Slide:
    return next(slide for slide in deck.slides if title_of(slide) == title)


def test_exit_ticket_closes_the_deck_after_the_takeaways_before_the_references(deck: PresentationObject) -> None:
    titles = [title_of(slide) for slide in deck.slides]
    assert titles[-3:] == ["Takeaways", "Exit ticket", "References"]


def test_exit_ticket_shows_its_prompts_numbered(deck: PresentationObject) -> None:
    slide = _titled(deck, "Exit ticket")
    assert [text for text, _level in paragraphs(slide)][1:] == [
        "1. One thing you will remember", "2. One question you still have"]


def test_exit_ticket_sits_on_the_takeaways_layout(deck: PresentationObject) -> None:
    assert _titled(deck, "Exit ticket").slide_layout.name == _titled(deck, "Takeaways").slide_layout.name


def test_exit_ticket_notes_tell_the_facilitator_to_collect_the_answers(deck: PresentationObject) -> None:
    notes = notes_of(_titled(deck, "Exit ticket"))
    assert "2 minutes" in notes and "collect" in notes


def test_without_exit_ticket_the_takeaways_lead_to_the_references(tmp_path: Path) -> None:
    text = OUTLINE.replace("exit_ticket: [One thing you will remember, One question you still have]\n", "")
    titles = [title_of(slide) for slide in open_deck(build(tmp_path, text=text)).slides]
    assert "Exit ticket" not in titles and titles[-2:] == ["Takeaways", "References"]


@pytest.mark.parametrize("language", ["zh-CN", "ja", "ar", "de"])
def test_exit_ticket_is_titled_in_the_decks_language(tmp_path: Path, language: str) -> None:
    deck = open_deck(build(tmp_path, language))
    labels = labels_for(language)
    slide = _titled(deck, labels.exit_ticket)
    assert notes_of(slide) == labels.exit_ticket_notes
    assert labels.exit_ticket not in ("Exit ticket", labels.takeaways)


def test_right_to_left_exit_ticket_reads_right_to_left(tmp_path: Path) -> None:
    slide = _titled(open_deck(build(tmp_path, "ar")), labels_for("ar").exit_ticket)
    body = [shape for shape in slide.placeholders if "1. One thing" in shape.text_frame.text][0]
    assert all(p._p.pPr is not None and p._p.pPr.get("rtl") == "1" for p in body.text_frame.paragraphs)


@pytest.mark.parametrize("template", sorted(ALL_TEMPLATES.values()))
def test_exit_ticket_on_every_template(tmp_path: Path, template: str) -> None:
    slide = _titled(open_deck(build(tmp_path, template=template)), "Exit ticket")
    assert [text for text, _level in paragraphs(slide)][1:] == [
        "1. One thing you will remember", "2. One question you still have"]
