"""deckgen's own words in the deck's language: a label table, English with a warning otherwise."""

from __future__ import annotations

from dataclasses import fields

import pytest

from deckgen.outline.model import Question, Quote, Source
from deckgen.plan.deck import cite, option_lines, plan_deck, quoted
from deckgen.plan.labels import ENGLISH, has_labels, labels_for, tidy_cjk
from tests.plan_helpers import outline, profile

LANGUAGES = ["zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "ar", "he", "fa", "ur"]
SHOWN = ["thesis", "agenda", "discussion", "takeaways", "references", "source", "further_reading", "footer",
         "continued", "minutes", "byline_author"]
"""Labels a participant sees on the slides."""
SAME_WORD = {"fr": {"discussion", "source", "minutes"}, "es": {"agenda", "minutes", "continued"}}
"""Labels that are spelt as in English in that language."""


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_a_slide_shows_is_translated(language: str) -> None:
    labels = labels_for(language)
    assert has_labels(language)
    for name in set(SHOWN) - SAME_WORD.get(language, set()):
        assert getattr(labels, name) != getattr(ENGLISH, name), f"{language}: {name} is still English"
    assert set(labels.kinds) == set(ENGLISH.kinds)
    assert all(labels.kinds[kind] != ENGLISH.kinds[kind] or language == "fr" and kind == "application"
               for kind in labels.kinds)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_label_template_takes_the_same_fields_as_english(language: str) -> None:
    labels = labels_for(language)
    for field in fields(labels):
        english = getattr(ENGLISH, field.name)
        if isinstance(english, str):
            values = dict(title="T", author="A", minutes="M", parts=2, count=3)
            assert getattr(labels, field.name).format(1, 2, 3, **values)  # no KeyError, no IndexError


def test_regional_tags_find_their_language_and_script() -> None:
    assert labels_for("zh-TW").agenda == "議程" and labels_for("zh-Hans-CN").agenda == "议程"
    assert labels_for("de-AT").agenda == labels_for("de").agenda
    assert labels_for("pt-BR") is ENGLISH and not has_labels("pt-BR")


def test_a_language_without_labels_keeps_english_labels_and_warns() -> None:
    plan = plan_deck(outline(language="sw"), profile())
    assert any(s.title == "Agenda" for s in plan.slides)
    assert any("no labels in 'sw'" in w.message and "English" in w.message for w in plan.warnings)
    assert not any("no labels" in w.message for w in plan_deck(outline(language="de"), profile()).warnings)


def test_a_chinese_deck_shows_no_english_label() -> None:
    plan = plan_deck(outline(language="zh-CN"), profile())
    titles = [s.title for s in plan.slides]
    assert {"议程", "讨论", "要点总结", "参考资料"} <= set(titles)
    texts = [p.text for s in plan.slides for p in s.body + s.aside]
    assert "原文作者：Niranjana Dhumal" not in texts  # the deck has its own title: the byline names both
    assert "Niranjana Dhumal：OpenAI's Sora: A Reality Check for China's AI Ambitions" in texts
    assert "来源" in texts and "延伸阅读" in texts
    assert "应用 · 10 分钟" in texts and "— the article" in texts


def test_cjk_punctuation_has_no_stray_spaces() -> None:
    assert tidy_cjk("Niranjana Dhumal ，原文") == "Niranjana Dhumal，原文"
    assert tidy_cjk("他说“ 好 ”。") == "他说“好”。"
    assert tidy_cjk("Sora 的飞跃") == "Sora 的飞跃"  # spaces between words stay
    sections = outline().sections
    point = sections[0].points[0]
    spaced = (type(sections[0])(**{**sections[0].__dict__, "points": (
        type(point)(**{**point.__dict__, "quote": Quote("泼冷水", "Niranjana Dhumal ，原文")}),)}),) + sections[1:]
    plan = plan_deck(outline(language="zh-CN", sections=spaced), profile())
    assert "— Niranjana Dhumal，原文" in [p.text for s in plan.slides for p in s.aside]


def test_the_opening_script_of_a_chinese_deck_is_chinese_without_spaces_between_sentences() -> None:
    notes = plan_deck(outline(language="zh-CN"), profile()).slides[0].notes
    assert notes.startswith("欢迎大家")
    assert "再一起讨论。时间共 30 分钟。" in notes


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if not lang.startswith("en")])
def test_kit_and_format_labels_are_translated(language: str) -> None:
    labels = labels_for(language)
    for name in ("opening", "run_sheet", "preparation", "your_notes", "handout", "options", "end"):
        assert getattr(labels, name) != getattr(ENGLISH, name), name
    assert all(labels.formats[f] != ENGLISH.formats[f] for f in ENGLISH.formats if f != "vote" or language != "fr")


TEACHING_NOTE = ("objectives", "objectives_intro", "undated", "session_length", "shorter_lengths", "optional_rows",
                 "shorter_rows", "serves", "listen_for", "misconceptions", "board_plan", "if_late", "drop_these",
                 "shorter_shows", "shorter_run", "epilogue", "epilogue_note", "exit_ticket", "exit_ticket_intro")
"""The guide's teaching-note labels that every language spells its own way."""


@pytest.mark.parametrize("language", [lang for lang in LANGUAGES if not lang.startswith("en")])
def test_teaching_note_labels_are_translated(language: str) -> None:
    labels = labels_for(language)
    for name in TEACHING_NOTE:
        assert getattr(labels, name) != getattr(ENGLISH, name), name
    if language != "de":  # German writes "optional" as English does
        assert (labels.optional, labels.optional_mark) != (ENGLISH.optional, ENGLISH.optional_mark)
    assert "other" in labels.shorter_run
    assert all(text.format(length="L", count=3, minutes="M", total="T") for text in labels.shorter_run.values())
@pytest.mark.parametrize(("language", "lettered"), [
    ("en", ["A. Helped", "B. Hindered", "C. Both"]),
    ("ar", ["أ) ساعدت", "ب) أعاقت", "ج) كلاهما"]),
    ("he", ["א. עזר", "ב. הזיק", "ג. שניהם"]),
    ("fa", ["الف) کمک کرد", "ب) مانع شد", "ج) هر دو"]),
    ("ur", ["(الف) مدد کی", "(ب) رکاوٹ بنا", "(ج) دونوں"]),
])
def test_vote_options_on_the_slide_are_lettered_in_the_language(language: str, lettered: list[str]) -> None:
    options = tuple(option.split(maxsplit=1)[1] for option in lettered)
    vote = Question("Q?", format="vote", options=options, minutes=5)
    plan = plan_deck(outline(language=language, questions=(vote,)), profile())
    slide = next(s for s in plan.slides if s.title == "Q?")
    assert [p.text for p in slide.body] == lettered
    assert all(f"- {line}" in slide.notes for line in lettered)


def test_options_past_the_alphabet_take_two_letters() -> None:
    many = Question("Q?", format="vote", options=tuple(f"o{n}" for n in range(30)), minutes=5)
    english, arabic = option_lines(many), option_lines(many, labels_for("ar"))
    assert (english[25], english[26]) == ("Z. o25", "AA. o26")
    assert (arabic[27], arabic[28]) == ("غ) o27", "أأ) o28")


@pytest.mark.parametrize(("language", "quoted_text"), [
    ("en", "“pouring cold water”"), ("ar", "«pouring cold water»"), ("fa", "«pouring cold water»"),
    ("he", "”pouring cold water”"), ("ur", "”pouring cold water“"), ("de", "„pouring cold water“"),
])
def test_a_quotation_takes_the_language_s_quotation_marks(language: str, quoted_text: str) -> None:
    quote_slide = next(s for s in plan_deck(outline(language=language), profile()).slides if s.aside
                       and s.aside[0].style == "quote")
    assert quote_slide.aside[0].text == quoted_text
    assert quoted("«already quoted»", labels_for("en")) == "«already quoted»"


ARTICLE = Source("Sora", author="N. Dhumal", url="https://example.org/sora", published="2024-02")


@pytest.mark.parametrize(("language", "note", "cited"), [
    ("en", "not cited", "N. Dhumal — Sora (2024-02). not cited. https://example.org/sora"),
    ("zh-CN", "背景资料", "N. Dhumal《Sora》（2024-02）。背景资料。https://example.org/sora"),
    ("zh-TW", "背景資料", "N. Dhumal《Sora》（2024-02）。背景資料。https://example.org/sora"),
    ("ja", "背景資料", "N. Dhumal「Sora」（2024-02）。背景資料。https://example.org/sora"),
    ("ko", "배경 자료", "N. Dhumal, 「Sora」 (2024-02). 배경 자료. https://example.org/sora"),
    ("ar", "سياق", "N. Dhumal — Sora (2024-02). سياق. https://example.org/sora"),
    ("he", "הקשר", "N. Dhumal — Sora (2024-02). הקשר. https://example.org/sora"),
    ("fa", "زمینه", "N. Dhumal — Sora (2024-02). زمینه. https://example.org/sora"),
    ("ur", "سیاق", "N. Dhumal — Sora (2024-02)۔ سیاق۔ https://example.org/sora"),
])
def test_a_citation_takes_the_language_s_brackets_and_full_stops(language: str, note: str, cited: str) -> None:
    source = Source(ARTICLE.title, ARTICLE.author, ARTICLE.url, ARTICLE.published, note=note)
    assert cite(source, labels_for(language)) == cited


def test_a_citation_adds_no_full_stop_after_a_question_and_brackets_an_authorless_title() -> None:
    question = Source("Did Sora change anything?", note="context")
    assert cite(question, ENGLISH) == "Did Sora change anything? context"
    assert cite(Source("Sora 的飞跃", note="背景资料"), labels_for("zh-CN")) == "《Sora 的飞跃》。背景资料"
    assert cite(Source("Sora 的飞跃？", note="背景资料"), labels_for("zh-CN")) == "《Sora 的飞跃？》。背景资料"
