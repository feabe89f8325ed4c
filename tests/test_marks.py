"""Question slides stay distinct on any template; labels are text deckgen writes; no empty panels."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from statistics import median

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes, plan_outline
from deckgen.outline.loader import load_outline
from deckgen.plan.labels import ENGLISH
from deckgen.plan.profile import Role
from deckgen.render.template.catalog import bundled_templates_dir
from deckgen.render.template.layouts import describe_layout
from deckgen.render.template.markslots import LABEL_WIDTH, question_mark_slots
from tests.artwork_helpers import LOGO, STRIPE, decorated_template
from tests.conftest import SORA
from tests.deck_helpers import SORA_ZH, THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck, title_of

PANDOC = str(THIRD_PARTY_TEMPLATES["pandoc reference"])
QUESTION_PROMPT = "Have you seen an AI-generated video? What made it convincing, or not?"

_LONG_QUOTE_POINT = """\
title: Quotes
sections:
  - title: One
    points:
      - claim: A point with a quote and much evidence
        evidence: [{bullets}]
        quote: {{text: "A short quotation", by: Someone}}
      - claim: A point whose quote is far too long for the panel
        evidence: [A fact]
        quote: {{text: "{long}", by: Someone}}
"""


def _shape_names(slide: object) -> list[str]:
    return [shape.name for shape in slide.shapes]  # type: ignore[attr-defined]


def test_questions_on_a_template_without_question_layout_get_deckgen_s_mark() -> None:
    deck = open_deck(cached_deck_bytes(SORA, PANDOC))
    slide = next(s for s in deck.slides if title_of(s) == QUESTION_PROMPT)
    names = _shape_names(slide)
    assert {"Question Band", "Question Disc", "Question Kind", "Discuss Label"} <= set(names)
    kind = next(s for s in slide.shapes if s.name == "Question Kind")
    assert kind.text_frame.text == "Warm-up · 3 min"
    band = next(s for s in slide.shapes if s.name == "Question Band")
    colour = band._element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}/{qn('a:schemeClr')}")
    assert colour is not None and colour.get("val").startswith("accent")
    assert band._element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").get("descr") == ""
    # the kind line is not repeated in the body any more
    assert "Warm-up · 3 min" not in [p.text for p in slide.placeholders[1].text_frame.paragraphs]


def test_only_question_slides_carry_the_mark() -> None:
    deck = open_deck(cached_deck_bytes(SORA, PANDOC))
    plan = plan_outline(load_outline(SORA), PANDOC)
    marked = ["Question Disc" in _shape_names(slide) for slide in deck.slides]
    assert marked == [s.role is Role.QUESTION for s in plan.slides]


def test_a_marked_prompt_is_set_larger_than_every_ordinary_title() -> None:
    plan = plan_outline(load_outline(SORA), PANDOC)
    ordinary = [s.title_size for s in plan.slides if s.role in (Role.CONTENT, Role.QUOTE, Role.PICTURE)]
    prompts = [s.title_size for s in plan.slides if s.role is Role.QUESTION]
    assert min(prompts) >= median(ordinary)
    assert median(prompts) > median(ordinary)


def test_bundled_question_slides_are_not_marked_twice() -> None:
    deck = open_deck(cached_deck_bytes(SORA, "seminar"))
    assert not any("Question Disc" in _shape_names(s) for s in deck.slides)


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_the_discuss_label_is_text_deckgen_writes_not_layout_decoration(template: str) -> None:
    deck = open_deck(cached_deck_bytes(SORA, template))
    layout = next(layout for layout in deck.slide_layouts if layout.name == "Question")
    static = [s for s in layout.shapes if not s.is_placeholder and s.has_text_frame and s.text_frame.text.strip()]
    assert [s.text_frame.text for s in static] == ["?"]
    questions = [s for s in deck.slides if s.slide_layout.name == "Question"]
    assert questions
    for slide in questions:
        labels = [p for p in slide.placeholders if p.placeholder_format.idx == 14]
        assert [p.text_frame.text for p in labels] == [ENGLISH.discuss]


def test_the_discuss_label_comes_from_the_label_table() -> None:
    plan = plan_outline(load_outline(SORA), "seminar")
    assert {s.label for s in plan.slides if s.role is Role.QUESTION} == {ENGLISH.discuss}


def test_continuations_of_a_quote_point_use_a_plain_content_layout(write_outline: Callable[[str], Path]) -> None:
    bullets = ", ".join(f"Evidence bullet number {n} that takes a line or two of the body" for n in range(14))
    outline = load_outline(write_outline(_LONG_QUOTE_POINT.format(bullets=bullets, long="word " * 200)))
    plan = plan_outline(outline, "seminar")
    first = [s for s in plan.slides if s.title.startswith("A point with a quote")]
    assert len(first) > 1
    assert first[0].role is Role.QUOTE and first[0].aside
    assert all(s.role is Role.CONTENT and not s.aside for s in first[1:])
    deck = open_deck(deck_bytes(outline, "seminar"))
    layouts = [s.slide_layout.name for s in deck.slides if title_of(s).startswith("A point with a quote")]
    assert layouts[0] == "Quote" and set(layouts[1:]) == {"Content"}


def test_a_quote_too_long_for_its_panel_leaves_no_empty_panel(write_outline: Callable[[str], Path]) -> None:
    outline = load_outline(write_outline(_LONG_QUOTE_POINT.format(bullets="A fact", long="word " * 200)))
    plan = plan_outline(outline, "seminar")
    slides = [s for s in plan.slides if s.title.startswith("A point whose quote")]
    assert slides and all(s.role is Role.CONTENT for s in slides)
    assert any("word word" in p.text for s in slides for p in s.body)


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_the_logo_alt_text_names_the_brand(template: str) -> None:
    deck = open_deck(bundled_templates_dir() / f"{template}.pptx")
    owners = [deck.slide_master, *deck.slide_layouts]
    descriptions = {element.get("descr") for owner in owners
                    for element in owner._element.iter(qn("p:cNvPr"))
                    if element.getparent().tag == qn("p:nvPicPr")}
    assert descriptions == {f"deckgen {template.title()} logo"}


def test_a_chinese_deck_writes_its_discuss_label_in_chinese() -> None:
    deck = open_deck(cached_deck_bytes(SORA_ZH, "seminar"))
    questions = [s for s in deck.slides if s.slide_layout.name == "Question"]
    assert questions
    assert {p.text_frame.text for s in questions for p in s.placeholders if p.placeholder_format.idx == 14} == {"讨论"}


# -- marks clear of the template's artwork and of each other ------------------------------------

_MARKS = ("Question Band", "Question Kind", "Question Disc", "Discuss Label")


def _rect(shape: object) -> tuple[int, int, int, int]:
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)  # type: ignore[attr-defined]


def _overlap(first: tuple[int, int, int, int], second: tuple[int, int, int, int]) -> int:
    width = min(first[0] + first[2], second[0] + second[2]) - max(first[0], second[0])
    height = min(first[1] + first[3], second[1] + second[3]) - max(first[1], second[1])
    return max(width, 0) * max(height, 0)


def _marked_slides(template: Path) -> list[object]:
    deck = open_deck(cached_deck_bytes(SORA, str(template)))
    marked = [s for s in deck.slides if "Question Disc" in _shape_names(s)]
    assert marked
    return marked


def test_the_kind_label_starts_right_of_the_band_on_a_flush_left_layout(tmp_path: Path) -> None:
    for slide in _marked_slides(decorated_template(tmp_path, logo=False, flush_left=True)):
        shapes = {shape.name: shape for shape in slide.shapes}  # type: ignore[attr-defined]
        band = _rect(shapes["Question Band"])
        assert band[0] == 0  # the slide's edge is free of artwork: the band runs down it
        for shape in slide.shapes:  # type: ignore[attr-defined]
            if shape.has_text_frame and shape.text_frame.text.strip() and shape.name in _MARKS + ("Title 1",):
                assert _rect(shape)[0] >= band[0] + band[2], shape.name


def test_marks_keep_clear_of_the_template_s_artwork_and_of_each_other(tmp_path: Path) -> None:
    for slide in _marked_slides(decorated_template(tmp_path)):
        shapes = {shape.name: shape for shape in slide.shapes}  # type: ignore[attr-defined]
        marks = [_rect(shapes[name]) for name in _MARKS if name in shapes]
        assert len(marks) >= 3
        for mark in marks:
            assert _overlap(mark, LOGO) == 0 and _overlap(mark, STRIPE) == 0
        for number, mark in enumerate(marks):
            assert all(_overlap(mark, other) == 0 for other in marks[number + 1:])
        texts = [_rect(s) for s in slide.placeholders if s.has_text_frame and s.text_frame.text.strip()]  # type: ignore[attr-defined]
        assert all(_overlap(_rect(shapes["Question Band"]), text) == 0 for text in texts)


def test_the_band_leaves_a_slide_edge_that_carries_artwork(tmp_path: Path) -> None:
    """The logo square sits at the slide's left edge: the band runs down the text column instead."""
    for slide in _marked_slides(decorated_template(tmp_path)):
        band = _rect(next(s for s in slide.shapes if s.name == "Question Band"))  # type: ignore[attr-defined]
        assert band[0] >= LOGO[0] + LOGO[2] or band[1] >= LOGO[1] + LOGO[3]


def test_a_small_disc_keeps_a_label_wide_enough_for_one_line(tmp_path: Path) -> None:
    """A short column gives a small disc; the "Discuss" label under it keeps its width and the
    disc stays centred over it, apart from the prompt."""
    deck = Presentation(str(decorated_template(tmp_path, logo=False)))
    shape = describe_layout(deck.slide_layouts[1], int(deck.slide_width or 0), int(deck.slide_height or 0), 1)
    assert shape.title is not None
    short = replace(shape, title=replace(shape.title, top=2000000, height=600000),
                    texts=(replace(shape.texts[0], top=2700000, height=1600000),))
    slots = question_mark_slots(short)
    assert slots is not None and slots.disc is not None and slots.label is not None and slots.title is not None
    assert slots.disc.width < LABEL_WIDTH <= slots.label.width
    assert slots.disc.left + slots.disc.width // 2 == pytest.approx(slots.label.left + slots.label.width // 2, abs=1)
    assert slots.disc.top + slots.disc.height <= slots.label.top
    assert slots.title.left + slots.title.width < slots.label.left
