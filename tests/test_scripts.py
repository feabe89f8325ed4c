"""Script-aware type: joined and italic-less scripts are set upright and unspaced, and ask with their own "?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.build import plan_outline
from deckgen.app.templates import profile_for
from deckgen.outline.loader import load_outline
from deckgen.plan.bidi import measured_profile
from deckgen.plan.metrics import metrics_for
from deckgen.plan.profile import Role
from deckgen.plan.scripts import question_mark, upright_profile
from tests.conftest import FIXTURES
from tests.deck_helpers import SORA_ZH, THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck

LIBRARIES = FIXTURES / "outlines" / "scripts"
PANDOC = str(THIRD_PARTY_TEMPLATES["pandoc reference"])
RIGHT_TO_LEFT = ("ar", "he", "fa", "ur")
UPRIGHT_OUTLINES = {**{language: LIBRARIES / f"libraries.{language}.yaml" for language in RIGHT_TO_LEFT},
                    "zh": SORA_ZH}


def _libraries(language: str) -> Path:
    return LIBRARIES / f"libraries.{language}.yaml"


def _slide_runs(deck: PresentationObject) -> list[tuple[str, dict[str, str]]]:
    """Every text run on the deck's slides: its text and its run properties' attributes."""
    return [(run.findtext(qn("a:t")) or "", dict(run.find(qn("a:rPr")).attrib))
            for slide in deck.slides for run in slide.shapes._spTree.iter(qn("a:r"))]


@pytest.mark.parametrize("language", list(UPRIGHT_OUTLINES))
@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_joined_and_italic_less_scripts_are_set_upright_and_unspaced(language: str, template: str) -> None:
    runs = [(text, properties) for text, properties in _slide_runs(open_deck(cached_deck_bytes(
        UPRIGHT_OUTLINES[language], template))) if properties["lang"].startswith(language)]  # not English labels
    assert len(runs) > 10
    assert [text for text, properties in runs if properties.get("i") != "0" or properties.get("spc") != "0"] == []


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_emphasis_in_an_upright_script_is_weight(language: str) -> None:
    outline = load_outline(_libraries(language))
    emphasised = outline.thesis.split("*")[1]  # type: ignore[union-attr]
    runs = _slide_runs(open_deck(cached_deck_bytes(_libraries(language), "seminar")))
    assert [properties.get("b") for text, properties in runs if text == emphasised] == ["1"]


def test_latin_scripts_keep_their_italics_and_the_template_s_spacing() -> None:
    runs = _slide_runs(open_deck(cached_deck_bytes(_libraries("en"), "seminar")))
    assert [properties.get("i") for text, properties in runs if text == "free of charge"] == ["1"]
    quote = [properties for text, properties in runs if text == "“A library is a house of reading”"]
    assert quote and all(properties.get("i") == "1" for properties in quote)
    assert not any("spc" in properties for _, properties in runs)


@pytest.mark.parametrize(("language", "mark"), [("ar", "؟"), ("fa", "؟"), ("ur", "؟"), ("he", "?"), ("en", "?")])
def test_deckgen_s_question_disc_shows_the_language_s_question_mark(language: str, mark: str) -> None:
    deck = open_deck(cached_deck_bytes(_libraries(language), PANDOC))
    discs = [shape for slide in deck.slides for shape in slide.shapes if shape.name == "Question Disc"]
    assert [disc.text_frame.text for disc in discs] == [mark]


def test_question_marks_by_language() -> None:
    assert [question_mark(tag) for tag in ("ar-EG", "fa", "ur-PK", "he", "zh-CN", "en")] == ["؟", "؟", "؟", "?", "?", "?"]


def test_fitting_measures_upright_scripts_without_the_template_s_letter_spacing() -> None:
    profile = profile_for(load_outline(_libraries("en")), "seminar")
    spaced = profile.slots[Role.THESIS].title
    assert spaced is not None and spaced.levels[0].letter_spacing_pt > 0
    assert upright_profile(profile, "en") is profile
    upright = upright_profile(profile, "ur").slots[Role.THESIS].title
    assert upright is not None and upright.levels[0].letter_spacing_pt == 0
    quote = upright_profile(profile, "zh-CN").slots[Role.QUOTE].aside
    assert quote is not None and not any(level.italic for level in quote.levels)


def test_fitting_measures_emphasis_in_an_upright_script_in_the_bold_face_it_is_set_in() -> None:
    measured = measured_profile(profile_for(load_outline(_libraries("ar")), "seminar"), "ar")
    upright, plain = metrics_for(upright_profile(measured, "ar").body_font), metrics_for(measured.body_font)
    text = "تعير المكتبات العامة الكتب للجميع مجانًا"
    assert upright.width_pt(text, 24, italic=True) == plain.width_pt(text, 24, bold=True)
    assert upright.width_pt(text, 24) == plain.width_pt(text, 24)


def test_an_upright_deck_plans_the_same_slides() -> None:
    roles = [slide.role for slide in plan_outline(load_outline(_libraries("en")), "seminar").slides]
    for language in RIGHT_TO_LEFT:
        assert [slide.role for slide in plan_outline(load_outline(_libraries(language)), "seminar").slides] == roles


RTL_DECK_WORDS = {
    "ar": ("الأطروحة", "«المكتبة بيت للقراءة»\n— أمينة مكتبة", "نقاش", "دليل النقاش"),
    "he": ("התזה", "”הספרייה היא בית לקריאה”\n— ספרנית", "דיון", "מדריך לדיון"),
    "fa": ("ادعای اصلی", "«کتابخانه خانهٔ خواندن است»\n— کتابدار", "گفت‌وگو", "راهنمای گفت‌وگو"),
    "ur": ("مرکزی دعویٰ", "”کتب خانہ پڑھنے کا گھر ہے“\n— لائبریرین", "بحث", "بحث کی رہنمائی"),
}
"""Per right-to-left language: the thesis kicker, the quotation in the language's marks with
its attribution, the label under the question mark, the default footer."""


@pytest.mark.parametrize("language", RIGHT_TO_LEFT)
def test_a_right_to_left_deck_has_its_language_s_labels_and_quotation_marks(language: str) -> None:
    deck = open_deck(cached_deck_bytes(_libraries(language), "seminar"))
    texts = [shape.text_frame.text for slide in deck.slides for shape in slide.shapes if shape.has_text_frame]
    assert all(words in texts for words in RTL_DECK_WORDS[language])
