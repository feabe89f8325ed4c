"""Counted labels take the plural form CLDR gives their count: "1 question", Arabic dual and plurals."""

from __future__ import annotations

import json
from dataclasses import fields

import pytest
from babel.core import Locale

from deckgen.plan.deck import format_minutes, plan_deck
from deckgen.plan.labels import ENGLISH, labels_for, translated_languages
from deckgen.plan.plurals import RULES_FILE, CATEGORIES, category
from tests.plan_helpers import outline, profile

COUNTED = [f.name for f in fields(ENGLISH) if isinstance(getattr(ENGLISH, f.name), dict) and "other" in getattr(ENGLISH, f.name)]
"""The labels with a count: one text per plural category."""


def _primary(tag: str) -> str:
    return tag.lower().split("-")[0]


def test_the_bundled_rules_are_the_cldr_rules_of_the_installed_babel() -> None:
    bundled = json.loads(RULES_FILE.read_text("utf-8"))
    expected = {_primary(tag): dict(Locale.parse(_primary(tag)).plural_form.rules) for tag in translated_languages()}
    assert bundled == expected, "run python tools/make_plurals.py"


def test_the_counted_labels_are_the_ones_with_numbers_of_things() -> None:
    assert set(COUNTED) == {"minutes", "part_minutes", "plan_parts", "discussion_count", "shorter_run"}


@pytest.mark.parametrize("language", translated_languages())
def test_a_counted_label_has_one_text_or_a_text_for_each_category_of_its_language(language: str) -> None:
    labels = labels_for(language)
    needed = set(Locale.parse(_primary(language)).plural_form.tags) | {"other"}
    for name in COUNTED:
        forms = getattr(labels, name)
        assert set(forms) <= set(CATEGORIES), name
        if set(forms) != {"other"}:  # one text for every count, or one per category
            assert set(forms) >= needed, f"{language}: {name} lacks {sorted(needed - set(forms))}"
        for text in forms.values():
            assert text.format(7, count=7, minutes="M", parts=7, length="L", total="T")  # the same fields as English


@pytest.mark.parametrize(("count", "expected"), [
    (0, "zero"), (1, "one"), (2, "two"), (3, "few"), (10, "few"), (11, "many"), (99, "many"),
    (100, "other"), (103, "few"), (2.5, "other"),
])
def test_arabic_counts_fall_into_cldrs_six_categories(count: float, expected: str) -> None:
    assert category("ar", count) == expected


def test_a_visible_decimal_counts_in_english() -> None:
    assert (category("en", 1), category("en", 1.0), category("en", 1.5)) == ("one", "one", "other")
    assert category("zh-CN", 1) == category("sw", 1) == "other"  # no plural forms; no rules


@pytest.mark.parametrize(("minutes", "expected"), [
    (1, "دقيقة واحدة"), (2, "دقيقتان"), (8, "8 دقائق"), (10, "10 دقائق"), (15, "15 دقيقة"), (2.5, "2.5 دقيقة"),
])
def test_arabic_minutes_take_the_dual_and_the_plural_of_three_to_ten(minutes: float, expected: str) -> None:
    assert format_minutes(minutes, labels_for("ar")) == expected


def _discussion_line(language: str, questions: int) -> str:
    base = outline(language=language)
    asked = tuple(base.questions[0].__class__(f"Q{n}?", minutes=5) for n in range(questions))
    plan = plan_deck(outline(language=language, questions=asked), profile())
    divider = next(s for s in plan.slides if s.title == labels_for(language).discussion)
    return divider.body[0].text


@pytest.mark.parametrize(("language", "questions", "expected"), [
    ("en", 1, "1 question · 5 min"),
    ("en", 2, "2 questions · 10 min"),
    ("de", 1, "1 Frage · 5 Min"),
    ("es", 1, "1 pregunta · 5 min"),
    ("ar", 1, "سؤال واحد · 5 دقائق"),
    ("ar", 2, "سؤالان · 10 دقائق"),
    ("ar", 3, "3 أسئلة · 15 دقيقة"),
    ("he", 1, "שאלה אחת · 5 דקות"),
    ("he", 2, "שתי שאלות · 10 דקות"),
    ("he", 3, "3 שאלות · 15 דקות"),
    ("fa", 1, "1 پرسش · 5 دقیقه"),  # a noun after a number stays singular
    ("fa", 3, "3 پرسش · 15 دقیقه"),
    ("ur", 1, "1 سوال · 5 منٹ"),
    ("ur", 3, "3 سوالات · 15 منٹ"),
])
def test_the_discussion_divider_counts_its_questions_grammatically(language: str, questions: int, expected: str) -> None:
    assert _discussion_line(language, questions) == expected


@pytest.mark.parametrize(("minutes", "expected"), [(1, "1 דקה"), (2, "2 דקות"), (8, "8 דקות"), (0.5, "0.5 דקה")])
def test_hebrew_minutes_are_singular_for_one_and_for_a_fraction_below_one(minutes: float, expected: str) -> None:
    assert format_minutes(minutes, labels_for("he")) == expected


def test_the_opening_script_counts_the_parts() -> None:
    notes = plan_deck(outline(language="ar"), profile()).slides[0].notes
    assert "سنمر على جزأين" in notes  # two sections: the dual
