"""Right-to-left decks are mirror images of their left-to-right twins: bundled designs and deckgen's marks turn."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.templates import profile_for
from deckgen.outline.loader import load_outline
from deckgen.plan.profile import Role
from tests.conftest import FIXTURES
from tests.deck_helpers import BUNDLED_TEMPLATES, CORPUS_TEMPLATES, THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck

LIBRARIES = FIXTURES / "outlines" / "scripts"
PANDOC = str(THIRD_PARTY_TEMPLATES["pandoc reference"])
RIGHT_TO_LEFT = ("ar", "he", "fa", "ur")
MARKS = ("Question Band", "Question Disc", "Question Kind", "Discuss Label")

Frame = tuple[str, int, int, int, int]


def _libraries(language: str) -> Path:
    return LIBRARIES / f"libraries.{language}.yaml"


def _deck(language: str, template: str) -> PresentationObject:
    return open_deck(cached_deck_bytes(_libraries(language), template))


def _frames(shapes: object) -> list[Frame]:
    """Name, left, top, width and height of each shape (placeholders as they inherit them), EMU."""
    return [(s.name, s.left, s.top, s.width, s.height) for s in shapes  # type: ignore[attr-defined]
            if s.left is not None]


def _mirrored(frames: list[Frame], width: int) -> list[Frame]:
    return [(name, width - left - cx, top, cx, cy) for name, left, top, cx, cy in frames]


def _design(deck: PresentationObject) -> Iterator[tuple[str, list[Frame]]]:
    """The master's and every layout's shapes, by their part."""
    yield "master", _frames(deck.slide_master.shapes)
    for layout in deck.slide_layouts:
        yield layout.name, _frames(layout.shapes)


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_a_bundled_design_is_mirrored_in_a_right_to_left_deck(template: str, language: str) -> None:
    english, turned = _deck("en", template), _deck(language, template)
    width = int(english.slide_width)
    for (part, frames), (same, found) in zip(_design(english), _design(turned), strict=True):
        assert part == same and frames
        assert found == _mirrored(frames, width), part


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_every_slide_of_a_right_to_left_deck_mirrors_its_english_twin(template: str, language: str) -> None:
    english, turned = _deck("en", template), _deck(language, template)
    assert len(turned.slides) == len(english.slides)
    for mine, twin in zip(turned.slides, english.slides):
        assert mine.slide_layout.name == twin.slide_layout.name
        assert sorted(_frames(mine.shapes)) == sorted(_mirrored(_frames(twin.shapes), int(english.slide_width)))


@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_logos_keep_their_orientation(template: str) -> None:
    deck = _deck("ar", template)
    pictures = [element for owner in (deck.slide_master, *deck.slide_layouts)
                for element in owner._element.iter(qn("p:pic"))]
    assert pictures
    assert all(picture.find(f"{qn('p:spPr')}/{qn('a:xfrm')}").get("flipH") is None for picture in pictures)


@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_alignments_turn_with_the_design(template: str) -> None:
    english, turned = _deck("en", template), _deck("ar", template)
    swap = {"l": "r", "r": "l"}
    for before, after in zip((english.slide_master, *english.slide_layouts), (turned.slide_master, *turned.slide_layouts)):
        found = [p.get("algn") for p in before._element.iter() if p.get("algn") is not None]
        assert [p.get("algn") for p in after._element.iter() if p.get("algn") is not None] == [
            swap.get(value, value) for value in found]


@pytest.mark.parametrize(("language", "mark"), [("ar", "؟"), ("fa", "؟"), ("ur", "؟"), ("he", "?"), ("en", "?")])
@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_the_question_layout_asks_with_the_language_s_question_mark(template: str, language: str, mark: str) -> None:
    layout = next(layout for layout in _deck(language, template).slide_layouts if layout.name == "Question")
    static = [s.text_frame.text for s in layout.shapes if not s.is_placeholder and s.has_text_frame
              and s.text_frame.text.strip()]
    assert static == [mark]


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_comparison_columns_stand_where_the_outline_puts_them(template: str, language: str) -> None:
    outline = load_outline(_libraries(language))
    compare = outline.sections[0].points[1].compare
    assert compare is not None
    slide = next(s for s in _deck(language, template).slides if s.slide_layout.name == "Two Content")
    columns = sorted((shape.left, shape.text_frame.paragraphs[0].text) for shape in slide.placeholders
                     if shape.placeholder_format.idx in (1, 2))
    assert [heading for _, heading in columns] == [compare.left.title, compare.right.title]


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_a_user_template_keeps_its_layouts_but_deckgen_s_mark_turns(language: str) -> None:
    english, turned = _deck("en", PANDOC), _deck(language, PANDOC)
    assert list(_design(turned)) == list(_design(english))
    width = int(english.slide_width)
    (mine,) = [s for s in turned.slides if any(shape.name == "Question Disc" for shape in s.shapes)]
    (twin,) = [s for s in english.slides if any(shape.name == "Question Disc" for shape in s.shapes)]
    content = next(layout for layout in english.slide_layouts if layout.name == mine.slide_layout.name)
    left = min(shape.left for shape in content.placeholders if shape.placeholder_format.idx in (0, 1))
    right = max(shape.left + shape.width for shape in content.placeholders if shape.placeholder_format.idx in (0, 1))
    assert (left, right) == (width - right, width - left)  # pandoc's content area is centred
    marks = [frame for frame in _frames(mine.shapes) if frame[0] in MARKS]
    assert len(marks) == len(MARKS)
    assert sorted(marks) == sorted(frame for frame in _mirrored(_frames(twin.shapes), width) if frame[0] in MARKS)
    prompt, english_prompt = mine.shapes.title, twin.shapes.title
    assert prompt.left == width - english_prompt.left - english_prompt.width


def test_right_to_left_text_on_a_user_template_is_set_flush_right() -> None:
    slide = next(s for s in _deck("ar", PANDOC).slides if s.slide_layout.name == "Title and Content")
    body = next(shape for shape in slide.placeholders if shape.placeholder_format.idx == 1)
    found = {(p._p.find(qn("a:pPr")).get("rtl"), p._p.find(qn("a:pPr")).get("algn"))
             for p in body.text_frame.paragraphs}
    assert found == {("1", "r")}


def test_templates_are_prepared_for_the_writing_of_their_decks() -> None:
    english = profile_for(load_outline(_libraries("en")), "seminar")
    arabic = profile_for(load_outline(_libraries("ar")), "seminar")
    assert (english.right_to_left, arabic.right_to_left) == (False, True)
    before, after = english.slots[Role.AGENDA].title, arabic.slots[Role.AGENDA].title
    assert before is not None and after is not None
    assert after.left == english.slide_width - before.left - before.width


_PICTURE_POINT = """\
title: {title}
language: {language}
sections:
  - title: {title}
    points:
      - claim: {title}
        evidence: [{title}]
        image: {{path: chart.png, alt: {title}}}
        layout: Title and Content
"""


@pytest.mark.parametrize(("language", "title"), [("en", "Reading"), ("ar", "القراءة")])
def test_a_picture_beside_the_text_stands_where_the_text_is_read_last(tmp_path: Path, language: str,
                                                                       title: str) -> None:
    """On a layout without a picture placeholder deckgen splits the body: the text comes first
    in reading order (at the left, or at the right of a right-to-left deck), the picture after."""
    (tmp_path / "chart.png").write_bytes((FIXTURES / "outlines" / "images" / "chart.png").read_bytes())
    outline = tmp_path / "picture.yaml"
    outline.write_text(_PICTURE_POINT.format(title=title, language=language), encoding="utf-8")
    deck = open_deck(cached_deck_bytes(outline, PANDOC))
    slide = next(s for s in deck.slides if any(shape.shape_type == 13 for shape in s.shapes))
    picture = next(shape for shape in slide.shapes if shape.shape_type == 13)
    body = next(shape for shape in slide.placeholders if shape.placeholder_format.idx == 1)
    assert (picture.left < body.left) == (language == "ar")


def _centres(deck: PresentationObject, name: str) -> set[float]:
    """Where the centre of each of deckgen's ``name`` marks stands, as a share of the slide's width."""
    width = int(deck.slide_width)
    return {round((shape.left + shape.width / 2) / width, 2) for slide in deck.slides for shape in slide.shapes
            if shape.name == name}


@pytest.mark.parametrize("template", list(CORPUS_TEMPLATES))
def test_on_templates_users_bring_deckgen_s_marks_turn_and_text_reads_right_to_left(template: str) -> None:
    english, turned = _deck("en", str(CORPUS_TEMPLATES[template])), _deck("ar", str(CORPUS_TEMPLATES[template]))
    for mark in ("Question Disc", "Question Band"):
        (left_to_right,), (right_to_left,) = _centres(english, mark), _centres(turned, mark)
        assert (left_to_right > 0.5, right_to_left < 0.5) == (mark == "Question Disc", mark == "Question Disc")
    paragraphs = [(paragraph.text, paragraph._p.find(qn("a:pPr"))) for slide in turned.slides
                  for shape in slide.placeholders if shape.placeholder_format.type != PP_PLACEHOLDER.SLIDE_NUMBER
                  for paragraph in shape.text_frame.paragraphs if paragraph.text.strip()]
    assert paragraphs and all(p is not None and p.get("rtl") == "1" for _, p in paragraphs)
    # flush right, but for a quotation's attribution, which ends the line as it does at the right in English
    assert [text for text, p in paragraphs if p.get("algn") == "l"] == ["— أمينة مكتبة"]
