"""A deck that flexes with time, as planned: optional slides, shorter runs, sections (no pptx)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from deckgen.outline.loader import load_outline
from deckgen.plan.deck import plan_deck
from deckgen.plan.profile import Role
from deckgen.plan.slides import DeckPlan
from tests.plan_helpers import profile

FLEX = Path(__file__).resolve().parent / "fixtures" / "outlines" / "flex"
BUNDLED = sorted((Path(__file__).resolve().parent.parent / "outlines").glob("*.yaml"))
OPTIONAL_TITLES = {"Generation lags behind", "Is it a capability gap or a data gap?", "Fund basic research",
                   "What did this article change in your view?"}


def _plan(name: str = "flex.yaml") -> DeckPlan:
    return plan_deck(load_outline(FLEX / name), profile())


def _titles(plan: DeckPlan, positions: tuple[int, ...]) -> list[str]:
    return [plan.slides[index].title for index in positions]


def test_every_slide_of_an_optional_point_or_question_is_optional_and_only_those() -> None:
    plan = _plan()
    optional = [slide.title.removesuffix(" (cont.)") for slide in plan.slides if slide.optional]
    assert set(optional) == OPTIONAL_TITLES
    assert optional.count("Generation lags behind") >= 3  # its evidence, its table and the table's "(cont.)"
    assert not [slide for slide in plan.slides if not slide.optional and slide.title in OPTIONAL_TITLES]


def test_sections_follow_the_agenda_and_hold_every_slide_once_in_order() -> None:
    plan = _plan()
    assert [group.name for group in plan.sections] == [
        "Opening", "The gap Sora exposed", "How China could respond", "Discussion", "Closing"]
    assert [index for group in plan.sections for index in group.slides] == list(range(len(plan.slides)))
    opening, gap, respond, discussion, closing = plan.sections
    assert [plan.slides[i].role for i in opening.slides] == [Role.TITLE, Role.AGENDA, Role.QUESTION]
    assert _titles(plan, gap.slides)[-1] == "Is it a capability gap or a data gap?"  # placed after its section
    assert _titles(plan, respond.slides) == ["How China could respond", "Fund basic research"]
    assert [plan.slides[i].role for i in closing.slides] == [Role.TAKEAWAYS, Role.REFERENCES]
    assert _titles(plan, discussion.slides)[0] == "Discussion"


def test_every_shorter_run_leaves_out_every_optional_item_and_a_divider_left_empty() -> None:
    plan = _plan()  # 47 min; optional: 6, 8, 4 and 7 min, so a shorter run plans 22
    assert [show.name for show in plan.shows] == ["40 min", "30 min"]
    optional = [slide.title for slide in plan.slides if slide.optional]
    for show in plan.shows:
        left_out = [slide.title for index, slide in enumerate(plan.slides) if index not in show.slides]
        assert left_out == [*optional[:5], "How China could respond", *optional[5:]]  # the emptied divider too
        assert list(show.slides) == sorted(show.slides)


def test_a_length_the_optional_items_cannot_reach_still_leaves_them_all_out() -> None:
    outline = load_outline(FLEX / "flex.yaml")
    plan = plan_deck(replace(outline, shorter=(10.0,)), profile())
    (short,) = plan.shows
    assert not [i for i in short.slides if plan.slides[i].optional]


@pytest.mark.parametrize(("name", "names", "shows"), [
    ("flex.zh.yaml", ["开场", "Sora 暴露的差距", "中国如何应对", "讨论", "收尾"], ["40 分钟", "30 分钟"]),
    ("flex.ar.yaml", ["الافتتاح", "الفجوة التي كشفها سورا", "كيف يمكن للصين أن تستجيب؟", "النقاش", "الختام"],
     ["40 دقيقة", "30 دقيقة"]),
])
def test_section_and_show_names_are_in_the_decks_language(name: str, names: list[str], shows: list[str]) -> None:
    plan = _plan(name)
    assert [group.name for group in plan.sections] == names
    assert [show.name for show in plan.shows] == shows


WITHOUT_OPTIONAL = [path for path in BUNDLED if "optional: true" not in path.read_text("utf-8")]


@pytest.mark.parametrize("outline", WITHOUT_OPTIONAL, ids=[path.stem for path in WITHOUT_OPTIONAL])
def test_a_deck_without_optional_items_has_no_hidden_slide_and_no_show(outline: Path) -> None:
    plan = plan_deck(load_outline(outline), profile(), lenient=True)
    assert not [slide for slide in plan.slides if slide.optional]
    assert plan.shows == ()
    assert [index for group in plan.sections for index in group.slides] == list(range(len(plan.slides)))


def test_the_sora_deck_hides_its_optional_slides_and_runs_in_45_minutes_without_them() -> None:
    outline = load_outline(BUNDLED[[path.stem for path in BUNDLED].index("sora-china-ai")])
    plan = plan_deck(outline, profile())
    hidden = [index for index, slide in enumerate(plan.slides) if slide.optional]
    (show,) = plan.shows
    assert show.name == "45 min" and hidden
    assert not set(hidden) & set(show.slides)
