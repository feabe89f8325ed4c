"""Accessibility guarantees of built decks (issue 6, item 4), checked on the decks as saved.

Every slide has a title (continuations too) and the title comes first in reading order;
pictures carry alt text; the deck declares its language on the package and on every run;
question slides carry speaker notes; any table has a header row.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide

from deckgen.app.build import build_deck
from deckgen.plan.labels import labels_for
from deckgen.outline.loader import load_outline
from tests.conftest import SORA
from tests.deck_helpers import (
    READING,
    SORA_ZH,
    SPECS,
    TEMPLATES,
    alt_texts,
    fold,
    notes_of,
    open_deck,
    title_of,
)

OUTLINES = {"sora": SORA, "reading": READING, "sora-zh": SORA_ZH, "long-text": SPECS / "long-text.yaml"}
TEMPLATE_CHOICES = {"seminar": "seminar", "classic": "classic", "pandoc": str(TEMPLATES / "pandoc-reference.pptx")}
CASES = [(o, t) for o in OUTLINES for t in TEMPLATE_CHOICES]
_TITLE_TYPES = ("title", "ctrTitle")
_SHAPES = tuple(qn(tag) for tag in ("p:sp", "p:pic", "p:graphicFrame", "p:grpSp", "p:cxnSp", "p:contentPart"))

Builder = Callable[[str, str], PresentationObject]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Builder:
    """Build an outline on a template with :func:`build_deck` (once per module) and reopen it."""
    folder = tmp_path_factory.mktemp("accessible")
    paths: dict[tuple[str, str], Path] = {}

    def build(outline: str, template: str) -> PresentationObject:
        if (outline, template) not in paths:
            target = folder / f"{outline}-{template}.pptx"
            paths[outline, template] = build_deck(OUTLINES[outline], target, template=TEMPLATE_CHOICES[template])
        return open_deck(paths[outline, template])

    return build


def _cases() -> list[object]:
    return [pytest.param(outline, template, id=f"{outline}-{template}") for outline, template in CASES]


def _placeholder_type(shape_element: object) -> str | None:
    """The ``p:ph`` type of a shape element (``"body"`` when a placeholder names none), else None."""
    ph = shape_element.find(f"*/{qn('p:nvPr')}/{qn('p:ph')}")  # type: ignore[attr-defined]
    return None if ph is None else str(ph.get("type", "body"))


def _first_shape(slide: Slide) -> object:
    return next(child for child in slide.shapes._spTree if child.tag in _SHAPES)


@pytest.mark.parametrize(("outline", "template"), _cases())
def test_every_slide_has_a_non_empty_title(built: Builder, outline: str, template: str) -> None:
    deck = built(outline, template)
    untitled = [number for number, slide in enumerate(deck.slides, 1) if not title_of(slide).strip()]
    assert untitled == []


@pytest.mark.parametrize("template", TEMPLATE_CHOICES)
def test_continuation_slides_are_titled_as_continuations(built: Builder, template: str) -> None:
    deck = built("long-text", template)
    marker = labels_for("en").continued.strip()
    continued = [title_of(slide) for slide in deck.slides if marker in title_of(slide)]
    assert len(continued) >= 2  # the long-text spec overflows both a point and a question
    assert all(fold(title).removesuffix(marker).strip() for title in continued)


@pytest.mark.parametrize(("outline", "template"), _cases())
def test_the_title_is_first_in_reading_order(built: Builder, outline: str, template: str) -> None:
    deck = built(outline, template)
    first = [_placeholder_type(_first_shape(slide)) for slide in deck.slides]
    assert [n for n, kind in enumerate(first, 1) if kind not in _TITLE_TYPES] == []


@pytest.mark.parametrize("template", TEMPLATE_CHOICES)
def test_every_picture_has_alt_text(built: Builder, template: str) -> None:
    descriptions = [alt for outline in OUTLINES for alt in alt_texts(built(outline, template))]
    assert descriptions, "the reading outline has a picture"
    assert all(alt and alt.strip() for alt in descriptions)


@pytest.mark.parametrize(("outline", "template"), _cases())
def test_the_deck_declares_its_language_on_the_package_and_every_run(
    built: Builder, outline: str, template: str
) -> None:
    deck = built(outline, template)
    language = load_outline(OUTLINES[outline]).language
    assert deck.core_properties.language == language
    for slide in deck.slides:
        trees = [slide.shapes._spTree] + ([slide.notes_slide.shapes._spTree] if slide.has_notes_slide else [])
        runs = [run for tree in trees for run in tree.iter(qn("a:r"))]
        assert {run.find(qn("a:rPr")).get("lang") if run.find(qn("a:rPr")) is not None else None
                for run in runs} <= {language}


@pytest.mark.parametrize(("outline", "template"), _cases())
def test_question_slides_carry_notes_with_their_follow_ups(built: Builder, outline: str, template: str) -> None:
    deck = built(outline, template)
    slides = list(deck.slides)
    for question in load_outline(OUTLINES[outline]).questions:
        asked = [s for s in slides if fold(title_of(s)).startswith(fold(question.prompt))]
        assert asked, f"no slide for {question.prompt!r}"
        assert all(notes_of(s).strip() for s in asked)
        assert all(fold(f) in fold(notes_of(asked[0])) for f in question.follow_ups)


@pytest.mark.parametrize(("outline", "template"), _cases())
def test_any_table_has_a_header_row(built: Builder, outline: str, template: str) -> None:
    deck = built(outline, template)
    tables = [t for slide in deck.slides for t in slide.shapes._spTree.iter(qn("a:tbl"))]
    assert all(t.find(qn("a:tblPr")) is not None and t.find(qn("a:tblPr")).get("firstRow") in ("1", "true")
               for t in tables)


def _run_languages(tmp_path: Path, language: str) -> dict[str, str | None]:
    outline = tmp_path / "guide.yaml"
    outline.write_text(
        f"title: Mwongozo\nlanguage: {language}\nsections:\n"
        "  - {id: a, title: Sehemu ya kwanza, points: [{claim: Hoja}]}\n"
        "  - {id: b, title: Sehemu ya pili}\n"
        "questions:\n  - {prompt: Kwa nini?, minutes: 5}\n",
        encoding="utf-8",
    )
    deck = Presentation(str(build_deck(outline, tmp_path / "guide.pptx")))
    return {run.text: run._r.get_or_add_rPr().get("lang")
            for slide in deck.slides for shape in slide.placeholders if shape.has_text_frame
            for paragraph in shape.text_frame.paragraphs for run in paragraph.runs}


def test_english_labels_in_a_deck_of_a_language_without_labels_are_tagged_english(tmp_path: Path) -> None:
    langs = _run_languages(tmp_path, "sw")
    assert langs["Agenda"] == "en" and langs["Analysis · 5 min"] == "en"
    assert langs["Hoja"] == "sw" and langs["Kwa nini?"] == "sw"


def test_labels_of_a_japanese_deck_are_japanese_and_tagged_japanese(tmp_path: Path) -> None:
    langs = _run_languages(tmp_path, "ja")
    assert langs["アジェンダ"] == "ja" and langs["分析 · 5分"] == "ja"
    assert "Agenda" not in langs
