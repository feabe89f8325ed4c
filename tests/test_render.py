"""What a built deck shows: every outline text, slide order, layouts, levels, notes, metadata."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.build import build_deck
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Outline
from tests.conftest import OUTLINES, SORA
from tests.deck_helpers import (
    READING,
    SORA_ZH,
    alt_texts,
    cached_deck_bytes,
    fold,
    missing_strings,
    notes_of,
    open_deck,
    paragraphs,
    slide_text,
    title_of,
)


@pytest.fixture(scope="module")
def sora_outline() -> Outline:
    return load_outline(SORA)


@pytest.fixture(scope="module")
def sora_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_deck(SORA, tmp_path_factory.mktemp("sora") / "sora.pptx")


@pytest.fixture(scope="module")
def sora(sora_file: Path) -> PresentationObject:
    return open_deck(sora_file)


@pytest.fixture(scope="module")
def reading(tmp_path_factory: pytest.TempPathFactory) -> PresentationObject:
    return open_deck(build_deck(READING, tmp_path_factory.mktemp("reading") / "reading.pptx"))


@pytest.fixture(scope="module")
def chinese_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_deck(SORA_ZH, tmp_path_factory.mktemp("zh") / "zh.pptx")


def _titles(deck: PresentationObject) -> list[str]:
    return [title_of(slide) for slide in deck.slides]


def test_every_claim_bullet_question_and_follow_up_is_slide_text(sora: PresentationObject, sora_outline: Outline) -> None:
    assert missing_strings(sora_outline, sora) == []


def test_slides_follow_the_spec_order(sora: PresentationObject, sora_outline: Outline) -> None:
    expected = [sora_outline.title, "Thesis", "Agenda"]
    for section in sora_outline.sections:
        expected.append(section.title)
        expected += [point.claim for point in section.points]
        expected += [q.prompt for q in sora_outline.questions if q.after == section.id]
    expected += ["Discussion", *(q.prompt for q in sora_outline.questions if q.after is None)]
    expected += ["Takeaways", "Exit ticket", "References"]
    assert [fold(t) for t in _titles(sora)] == [fold(t) for t in expected]


def test_question_slides_use_the_question_layout(sora: PresentationObject, sora_outline: Outline) -> None:
    prompts = {fold(q.prompt) for q in sora_outline.questions}
    layouts = {slide.slide_layout.name for slide in sora.slides if fold(title_of(slide)) in prompts}
    assert layouts == {"Question"}
    assert sum(fold(title_of(s)) in prompts for s in sora.slides) == len(sora_outline.questions)


def test_question_slides_show_kind_format_minutes_options_and_follow_ups(sora: PresentationObject) -> None:
    slide = next(s for s in sora.slides if title_of(s).startswith("Did the focus on"))
    text = slide_text(slide)
    assert "Analysis · Vote · 4 min" in text
    assert "A. It hindered it\nB. It helped it\nC. Both\nD. Can't tell from this article" in text
    assert "What evidence would change your vote?" in text


def test_the_deck_uses_at_least_four_distinct_layouts(sora: PresentationObject) -> None:
    names = {slide.slide_layout.name for slide in sora.slides}
    assert len(names) >= 4
    assert {"Title", "Section", "Content", "Quote", "Question"} <= names


def test_nested_evidence_keeps_its_bullet_levels(sora: PresentationObject) -> None:
    slide = next(s for s in sora.slides if title_of(s).startswith("Substantial strides in various AI domains"))
    assert [(fold(text), level) for text, level in paragraphs(slide)][1:4] == [
        ("China has made substantial strides in various AI domains, including", 0),
        ("facial recognition", 1),
        ("natural language processing", 1),
    ]


def test_three_level_evidence_reaches_level_two(reading: PresentationObject) -> None:
    slide = next(s for s in reading.slides if title_of(s).startswith("Every policy paper argues"))
    levels = {fold(text): level for text, level in paragraphs(slide)}
    assert levels["Evidence offered for the problem and for the proposed fix"] == 0
    assert levels["Data the authors collected or cite"] == 1
    assert levels["Who produced it, and when?"] == 2


def test_title_slide_shows_subtitle_and_source_byline(sora: PresentationObject) -> None:
    title_slide = sora.slides[0]
    assert title_slide.slide_layout.name == "Title"
    lines = [fold(text) for text, _ in paragraphs(title_slide)]
    assert lines[0] == "OpenAI's Sora: A Reality Check for China's AI Ambitions"
    assert "A 60-minute discussion guide" in lines
    assert "Article by Niranjana Dhumal" in lines  # the deck is titled after the article: no title twice
    assert sum(line == lines[0] for line in lines) == 1


def test_title_slide_shows_presenter_and_date(reading: PresentationObject) -> None:
    assert "Policy Reading Group · 2026-04-16" in slide_text(reading.slides[0])


def test_quote_is_shown_in_curly_quotes_with_attribution(sora: PresentationObject) -> None:
    slide = next(s for s in sora.slides if title_of(s).startswith("Response 1"))
    assert slide.slide_layout.name == "Quote"
    text = slide_text(slide)
    assert "“it’s not necessarily a roadblock for China’s AI future”" in text
    assert "— Niranjana Dhumal, in the article" in text


def test_agenda_lists_sections_with_minutes(sora: PresentationObject) -> None:
    agenda = next(s for s in sora.slides if title_of(s) == "Agenda")
    assert "Sora's leap — 6 min" in slide_text(agenda)
    assert "Discussion — 9 min" in slide_text(agenda)


def test_most_slides_have_speaker_notes(sora: PresentationObject) -> None:
    with_notes = [s for s in sora.slides if notes_of(s).strip()]
    assert len(with_notes) >= len(sora.slides) - 1


def test_point_notes_carry_the_outline_notes_and_timing(sora: PresentationObject, sora_outline: Outline) -> None:
    point = sora_outline.sections[0].points[0]
    slide = next(s for s in sora.slides if title_of(s) == point.claim)
    notes = fold(notes_of(slide))
    assert fold(point.notes) in notes
    assert "Timing: 2 min." in notes


def _notes_paragraph_properties(deck: PresentationObject) -> list[dict[str, str]]:
    return [dict(p.find(qn("a:pPr")).attrib) for slide in deck.slides if slide.has_notes_slide
            for p in slide.notes_slide.notes_text_frame._txBody.iter(qn("a:p")) if p.find(qn("a:r")) is not None]


def test_notes_paragraphs_sit_flush_with_the_margin(sora: PresentationObject) -> None:
    """LibreOffice hangs the lines after the first of a notes paragraph unless told otherwise."""
    found = _notes_paragraph_properties(sora)
    assert found and all(p == {"marL": "0", "indent": "0"} for p in found)


def test_arabic_notes_read_right_to_left() -> None:
    found = _notes_paragraph_properties(open_deck(cached_deck_bytes(OUTLINES / "sora-china-ai.ar.yaml")))
    assert found and all(p.get("rtl") == "1" and p.get("algn") == "r" for p in found)


def test_question_notes_carry_kind_minutes_notes_and_follow_ups(sora: PresentationObject, sora_outline: Outline) -> None:
    question = next(q for q in sora_outline.questions if q.prompt.startswith("Did the focus on"))
    slide = next(s for s in sora.slides if title_of(s) == question.prompt)
    notes = notes_of(slide)
    assert notes.startswith("14:24 · 24 of 60 min\nAnalysis · Vote · 4 min.\nOptions:\n- A. It hindered it")
    assert fold(question.notes) in fold(notes)
    assert all(follow_up in notes for follow_up in question.follow_ups)


def test_titles_come_first_in_reading_order(sora: PresentationObject) -> None:
    for slide in sora.slides:
        first = next(iter(slide.shapes))
        assert first.is_placeholder and first == slide.shapes.title


def test_core_properties_come_from_the_outline(sora: PresentationObject) -> None:
    core = sora.core_properties
    assert core.title == "OpenAI's Sora: A Reality Check for China's AI Ambitions"
    assert core.subject == "A 60-minute discussion guide"
    assert core.language == "en"


def test_author_is_the_presenter_and_dates_are_the_outline_date(reading: PresentationObject) -> None:
    core = reading.core_properties
    assert core.author == "Policy Reading Group"
    assert core.last_modified_by == "Policy Reading Group"
    assert core.created is not None and core.created.date().isoformat() == "2026-04-16"
    assert core.modified == core.created


def test_no_trace_of_python_pptx_in_document_properties(sora_file: Path) -> None:
    with zipfile.ZipFile(sora_file) as archive:
        props = [archive.read(n).decode() for n in archive.namelist() if n.startswith("docProps/")]
    assert props
    for text in props:
        assert "python-pptx" not in text.lower()
        assert "steve canny" not in text.lower()


def test_picture_carries_its_alt_text(reading: PresentationObject) -> None:
    alt = fold(load_outline(READING).sections[1].points[0].image.alt)  # type: ignore[union-attr]
    assert [fold(a) for a in alt_texts(reading)] == [alt]


def test_picture_slide_keeps_its_claim_and_evidence(reading: PresentationObject) -> None:
    slide = next(s for s in reading.slides if title_of(s) == "Three passes: skim, read, critique")
    assert "Pass 2, read: follow the argument, mark the evidence and the options" in slide_text(slide)


def test_chinese_runs_carry_language_and_east_asian_font(chinese_file: Path) -> None:
    deck = open_deck(chinese_file)
    runs = [run for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
            for p in shape.text_frame.paragraphs for run in p.runs]
    assert runs
    for run in runs:
        properties = run._r.find(qn("a:rPr"))
        assert properties is not None and properties.get("lang") == "zh-CN"
        east_asian = properties.find(qn("a:ea"))
        assert east_asian is not None and east_asian.get("typeface")


def test_chinese_deck_keeps_the_chinese_text(chinese_file: Path) -> None:
    outline = load_outline(SORA_ZH)
    deck = open_deck(chinese_file)
    assert missing_strings(outline, deck) == []
    assert deck.core_properties.language == "zh-CN"


def test_notes_of_chinese_deck_are_tagged_chinese(chinese_file: Path) -> None:
    slide = open_deck(chinese_file).slides[4]
    runs = [r for p in slide.notes_slide.notes_text_frame.paragraphs for r in p.runs]
    assert runs and all(r._r.find(qn("a:rPr")).get("lang") == "zh-CN" for r in runs)


def test_audience_variant_drops_tagged_questions_and_adds_its_questions(tmp_path: Path) -> None:
    deck = open_deck(build_deck(SORA, tmp_path / "u.pptx", audience="undergrad"))
    titles = _titles(deck)
    assert "Why might strides in facial recognition and NLP not carry over to text-to-video?" not in titles
    assert "Have you seen an AI-generated video? What made it convincing, or not?" not in titles
    assert "Recognising is not generating: our reading of why video is different" in titles
    think_pair_share = [s for s in deck.slides if title_of(s).startswith("Think, pair, share:")]
    assert len(think_pair_share) == 2
    assert all("Pairs" in slide_text(s) for s in think_pair_share)
    assert "A discussion seminar for first-year students" in slide_text(deck.slides[0])


def _theme_name(path: Path) -> str:
    import re

    with zipfile.ZipFile(path) as archive:
        theme = archive.read("ppt/theme/theme1.xml").decode("utf-8")
    match = re.search(r'<a:theme [^>]*name="([^"]*)"', theme)
    assert match
    return match.group(1)


def test_the_policy_briefing_opens_with_its_own_question(tmp_path: Path) -> None:
    deck = open_deck(build_deck(SORA, tmp_path / "p.pptx", audience="policy"))
    titles = _titles(deck)
    first_question = next(t for s, t in zip(deck.slides, titles) if s.slide_layout.name == "Question")
    assert first_question == "Which claim in this article would matter most to a policymaker, and why?"
    assert "Have you seen an AI-generated video? What made it convincing, or not?" not in titles


def test_the_policy_briefing_puts_the_bottom_line_first_and_the_options_in_a_table(tmp_path: Path) -> None:
    deck = open_deck(build_deck(SORA, tmp_path / "p.pptx", audience="policy"))
    titles = _titles(deck)
    assert titles[3:5] == ["Bottom line up front", "Bottom line: a hedged warning, not a verdict"]
    options = next(s for s in deck.slides if title_of(s) == "Three options and their trade-offs")
    table = next(shape.table for shape in options.shapes if shape.has_table)
    assert [cell.text for cell in table.rows[0].cells] == [
        "Option", "What the article says it could bring", "Trade-off (our reading)"]
    assert len(table.rows) == 4
    assert "Response 1: invest in fundamental research" not in titles
    assert "Recognising is not generating: our reading of why video is different" not in titles
    assert "What does this mean for us? Which option would you take up, and at what cost?" in titles


def test_audience_template_is_used(tmp_path: Path) -> None:
    deck = build_deck(load_outline(SORA, audience="policy"), tmp_path / "p.pptx")
    assert _theme_name(deck) == "deckgen Classic"
    assert all(title_of(s) != "Recognising is not generating: our reading of why video is different" for s in open_deck(deck).slides)


def test_the_cli_template_wins_over_the_audience_template(tmp_path: Path) -> None:
    deck = build_deck(load_outline(SORA, audience="policy"), tmp_path / "p.pptx", template="seminar")
    assert _theme_name(deck) == "deckgen Seminar"


def test_audience_language_switches_runs_to_chinese(tmp_path: Path) -> None:
    from tests.deck_helpers import SPECS

    deck = open_deck(build_deck(SPECS / "every-field.yaml", tmp_path / "u.pptx", audience="undergrad"))
    properties = [run._r.find(qn("a:rPr")) for slide in deck.slides for shape in slide.shapes if shape.has_text_frame
                  for p in shape.text_frame.paragraphs for run in p.runs]
    assert {(rpr.get("lang"), rpr.find(qn("a:ea")) is not None) for rpr in properties} == {("zh", True)}
    assert deck.core_properties.language == "zh"


def test_long_evidence_continues_on_cont_slides_without_losing_text(tmp_path: Path) -> None:
    from tests.deck_helpers import SPECS

    outline = load_outline(SPECS / "long-text.yaml")
    deck = open_deck(build_deck(outline, tmp_path / "long.pptx"))
    titles = _titles(deck)
    claim = "Twenty pieces of evidence for one claim"
    assert titles.count(claim) == 1
    assert f"{claim} (cont.)" in titles
    assert missing_strings(outline, deck) == []
    continued = next(s for s in deck.slides if title_of(s) == f"{claim} (cont.)")
    assert claim in notes_of(continued)


def test_a_chinese_deck_names_its_east_asian_font_in_the_theme_too(tmp_path: Path) -> None:
    from pptx import Presentation
    from pptx.opc.constants import RELATIONSHIP_TYPE as RT

    deck = Presentation(str(build_deck(SORA_ZH, tmp_path / "zh.pptx")))
    theme = deck.slide_master.part.part_related_by(RT.THEME).blob
    assert theme.count(b'<a:ea typeface="Microsoft YaHei"/>') == 2
