"""deckgen's own words in the deck's language: a label table, English with a warning otherwise."""

from __future__ import annotations

from dataclasses import fields

import pytest

from deckgen.outline.model import Quote
from deckgen.plan.deck import plan_deck
from deckgen.plan.labels import ENGLISH, has_labels, labels_for, tidy_cjk
from tests.plan_helpers import outline, profile

LANGUAGES = ["zh-CN", "zh-TW", "ja", "ko", "de", "fr", "es", "ar"]
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
