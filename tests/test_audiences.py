"""Audience variants: tag filters, deep-merged overrides, appended questions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from deckgen.outline.audiences import keeps
from deckgen.errors import OutlineError
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Audience

OUTLINES = Path(__file__).resolve().parent / "fixtures" / "outlines"
AUDIENCES = OUTLINES / "audiences.yaml"

WriteOutline = Callable[..., Path]


def claims(path: Path, audience: str | None) -> list[list[str]]:
    return [[p.claim for p in s.points] for s in load_outline(path, audience=audience).sections]


def prompts(path: Path, audience: str | None) -> list[str]:
    return [q.prompt for q in load_outline(path, audience=audience).questions]


def test_base_outline_keeps_everything_and_lists_audiences() -> None:
    outline = load_outline(AUDIENCES)
    assert outline.audience is None
    assert list(outline.audiences) == ["novice", "policy", "everyone"]
    assert claims(AUDIENCES, None) == [["Untagged point", "Technical point", "Policy point"], ["Only technical"]]


def test_exclude_tags_drop_points_and_questions_but_never_sections() -> None:
    assert claims(AUDIENCES, "novice") == [["Untagged point", "Policy point"], []]
    outline = load_outline(AUDIENCES, audience="novice")
    assert [s.title for s in outline.sections] == ["One", "Two"]
    assert outline.audience == "novice" and outline.stem == "audiences-novice"


def test_audience_questions_are_appended_with_their_own_vars() -> None:
    outline = load_outline(AUDIENCES, audience="novice")
    assert [q.prompt for q in outline.questions] == ["Untagged question", "Policy question", "Question for novices"]
    appended = outline.questions[-1]
    assert (appended.kind, appended.after, appended.position.line) == ("warm-up", "two", 25)


def test_set_overrides_top_level_fields_and_vars() -> None:
    outline = load_outline(AUDIENCES, audience="novice")
    assert outline.subtitle == "For novices"
    assert outline.title == "Audiences for novices"
    assert load_outline(AUDIENCES).title == "Audiences for everyone"


def test_include_tags_keep_untagged_items_and_matching_ones() -> None:
    assert claims(AUDIENCES, "policy") == [["Untagged point", "Policy point"], []]
    assert prompts(AUDIENCES, "policy") == ["Untagged question", "Policy question"]


def test_empty_include_tags_means_no_include_filter() -> None:
    outline = load_outline(AUDIENCES, audience="everyone")
    assert outline.audiences["everyone"].include_tags is None
    assert claims(AUDIENCES, "everyone") == claims(AUDIENCES, None)


def test_audience_template_and_language_apply() -> None:
    outline = load_outline(AUDIENCES, audience="policy")
    assert (outline.template, outline.language) == ("classic", "de-CH")
    base = load_outline(AUDIENCES)
    assert (base.template, base.language) == (None, "en")


def test_variant_still_holds_every_audience() -> None:
    assert list(load_outline(AUDIENCES, audience="policy").audiences) == ["novice", "policy", "everyone"]


def test_set_deep_merges_mappings_and_replaces_lists() -> None:
    outline = load_outline(OUTLINES / "full.yaml", audience="undergrad")
    assert outline.source is not None
    assert (outline.source.title, outline.source.author) == ("OpenAI's Sora: A Reality Check", "N. Dhumal")
    assert outline.source.url == "https://example.org/article"
    assert [p.claim for p in outline.sections[0].points] == ["Costs ${not a var} in 2024"]
    assert (outline.template, outline.language, outline.subtitle) == ("classic", "zh-CN", "For first-years")


def test_set_can_replace_sections(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: T\nsections: [{title: Long}]\naudiences:\n  short:\n    set:\n      sections: [{title: Short}]\n"
    )
    assert [s.title for s in load_outline(path, audience="short").sections] == ["Short"]
    assert [s.title for s in load_outline(path).sections] == ["Long"]


def test_unknown_audience_lists_valid_names_with_did_you_mean() -> None:
    with pytest.raises(OutlineError) as info:
        load_outline(AUDIENCES, audience="novise")
    assert [str(p) for p in info.value.problems] == [
        f"{AUDIENCES}:18:1: audience: 'novise' is not one of everyone, novice, policy (did you mean 'novice'?)"
    ]


def test_unknown_audience_without_audiences_block(write_outline: WriteOutline) -> None:
    path = write_outline("title: T\nsections: [{title: S}]\n")
    with pytest.raises(OutlineError) as info:
        load_outline(path, audience="x")
    assert str(info.value.problems[0]) == f"{path}: audience: 'x' is not defined; this outline has no audiences"


def test_errors_in_any_audience_fail_every_load(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: T\nsections: [{title: S}]\naudiences:\n  good: {}\n  bad:\n    set: {duration: -5}\n"
    )
    for audience in (None, "good", "bad"):
        with pytest.raises(OutlineError) as info:
            load_outline(path, audience=audience)
        assert [str(p) for p in info.value.problems] == [
            f"{path}:6:21: audiences.bad.set.duration: must be greater than 0, got -5 (in audience 'bad')"
        ]


def test_set_values_are_validated_after_merge(write_outline: WriteOutline) -> None:
    path = write_outline("title: T\nsections: [{title: S}]\naudiences:\n  a:\n    set:\n      source: {author: X}\n")
    with pytest.raises(OutlineError) as info:
        load_outline(path)
    assert "source: missing required key 'title' (in audience 'a')" in str(info.value)


def test_audience_question_after_must_name_a_section(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: T\nsections: [{id: one, title: S}]\naudiences:\n  a:\n    questions: [{prompt: Q, after: two}]\n"
    )
    with pytest.raises(OutlineError) as info:
        load_outline(path)
    assert "audiences.a.questions[0].after: 'two' is not a section id" in str(info.value)


def test_audience_vars_only_defined_in_set_are_fine_in_its_questions(write_outline: WriteOutline) -> None:
    path = write_outline(
        "title: T\nsections: [{title: S}]\naudiences:\n  a:\n    set: {vars: {x: X}}\n    questions: [{prompt: 'Q ${x}'}]\n"
    )
    assert load_outline(path).audiences["a"].questions[0].prompt == "Q X"
    assert load_outline(path, audience="a").questions[0].prompt == "Q X"


@pytest.mark.parametrize(
    ("exclude", "include", "tags", "kept"),
    [
        ((), None, (), True),
        (("a",), None, ("a",), False),
        (("a",), None, ("b",), True),
        ((), ("a",), (), True),
        ((), ("a",), ("a", "b"), True),
        ((), ("a",), ("b",), False),
        (("b",), ("a",), ("a", "b"), False),
    ],
)
def test_keeps_applies_exclude_then_include(
    exclude: tuple[str, ...], include: tuple[str, ...] | None, tags: tuple[str, ...], kept: bool
) -> None:
    assert keeps(Audience("x", exclude_tags=exclude, include_tags=include), tags) is kept
