"""The closing slides: the exit ticket after the takeaways, and the References slide's QR code
of the article's address."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide
from pptx.util import Cm, Inches

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


QR_URL = "https://example.org/articles/2024/the-article"


def _pictures(slide: Slide) -> list[object]:
    return [shape for shape in slide.shapes if shape.shape_type == MSO_SHAPE_TYPE.PICTURE]


def _qr(deck: PresentationObject, title: str = "References") -> object:
    found = _pictures(_titled(deck, title))
    assert len(found) == 1
    return found[0]


def _overlaps(first: object, second: object) -> bool:
    a, b = first, second
    return (a.left < b.left + b.width and b.left < a.left + a.width  # type: ignore[attr-defined]
            and a.top < b.top + b.height and b.top < a.top + a.height)  # type: ignore[attr-defined]


def test_references_slide_carries_a_qr_code_of_the_source_with_alt_text(deck: PresentationObject) -> None:
    picture = _qr(deck)
    assert picture._element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").get("descr") == f"QR code: {QR_URL}"


def test_only_the_references_slide_carries_the_qr_code(deck: PresentationObject) -> None:
    assert [title_of(slide) for slide in deck.slides if _pictures(slide)] == ["References"]


def test_qr_code_is_large_enough_to_scan_from_the_back_of_the_room(deck: PresentationObject) -> None:
    picture = _qr(deck)
    assert picture.width == picture.height >= Cm(4) * deck.slide_width / Inches(13.333)  # type: ignore[attr-defined]


@pytest.mark.parametrize("template", sorted(ALL_TEMPLATES.values()))
def test_qr_code_stays_on_the_slide_clear_of_every_text_box(tmp_path: Path, template: str) -> None:
    deck = open_deck(build(tmp_path, template=template))
    picture = _qr(deck)
    assert 0 <= picture.left and picture.left + picture.width <= deck.slide_width  # type: ignore[attr-defined]
    assert 0 <= picture.top and picture.top + picture.height <= deck.slide_height  # type: ignore[attr-defined]
    texts = [shape for shape in _titled(deck, "References").shapes if shape.has_text_frame]
    assert texts and not [shape.name for shape in texts if _overlaps(shape, picture)]


def test_qr_code_stands_beside_the_source_entry(deck: PresentationObject) -> None:
    slide = _titled(deck, "References")
    body = next(shape for shape in slide.placeholders if "Source" in shape.text_frame.text)
    picture = _qr(deck)
    assert picture.left > body.left + body.width  # type: ignore[attr-defined]
    assert abs(picture.top - body.top) < Cm(1)  # type: ignore[attr-defined]


def test_right_to_left_decks_put_the_qr_code_on_the_left(tmp_path: Path) -> None:
    deck = open_deck(build(tmp_path, "ar"))
    slide = _titled(deck, labels_for("ar").references)
    body = next(shape for shape in slide.placeholders if QR_URL in shape.text_frame.text)
    picture = _pictures(slide)[0]
    assert picture.left + picture.width < body.left  # type: ignore[attr-defined]
    assert picture.left < deck.slide_width / 2  # type: ignore[attr-defined]


def test_no_qr_code_without_a_web_address(tmp_path: Path) -> None:
    deck = open_deck(build(tmp_path, text=OUTLINE.replace(f"  url: {QR_URL}\n", "")))
    assert not [slide for slide in deck.slides if _pictures(slide)]


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg (zbar-tools) is not installed")
def test_qr_code_scans_to_the_source_address(deck: PresentationObject, tmp_path: Path) -> None:
    image = tmp_path / "qr.png"
    image.write_bytes(_qr(deck).image.blob)  # type: ignore[attr-defined]
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True)
    assert scanned.stdout.strip() == QR_URL


def test_qr_code_is_a_media_part_named_as_powerpoint_names_images_and_builds_reproduce(tmp_path: Path) -> None:
    first = build(tmp_path)
    assert build(tmp_path) == first
    picture = _qr(open_deck(first))
    partname = picture.part.related_part(picture._element.blip_rId).partname  # type: ignore[attr-defined]
    assert re.fullmatch(r"/ppt/media/image[0-9]+\.png", str(partname))
