"""Planning a deck: slide order, roles, titles, bullets and notes (no pptx involved)."""

from __future__ import annotations

import sys

from deckgen.outline.model import Bullet, Point, Question, Section
from deckgen.plan.deck import agenda_lines, plan_deck, question_notes
from deckgen.plan.profile import Role
from deckgen.plan.slides import Countdown
from tests.plan_helpers import outline, profile


def test_planning_works_without_pptx() -> None:
    import subprocess

    code = "import sys, deckgen.plan.deck, deckgen.plan.lint, deckgen.app.guide; assert 'pptx' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_slides_follow_the_spec_order() -> None:
    plan = plan_deck(outline(), profile())
    assert [s.role for s in plan.slides] == [
        Role.TITLE, Role.THESIS, Role.AGENDA,
        Role.SECTION, Role.QUOTE,
        Role.SECTION, Role.CONTENT, Role.QUESTION,
        Role.SECTION, Role.QUESTION, Role.TAKEAWAYS, Role.REFERENCES,
    ]
    assert plan.slides[4].title == "Sora turns text into video"
    assert plan.slides[7].title == "Did big data help?"


def test_title_slide_carries_subtitle_presenter_date_and_source_byline() -> None:
    title = plan_deck(outline(), profile()).slides[0]
    assert [p.text for p in title.body] == [
        "A discussion guide",
        "Jane Doe · 2026-03-14",
        "Niranjana Dhumal — OpenAI's Sora: A Reality Check for China's AI Ambitions",
    ]


def test_a_deck_titled_after_its_article_does_not_repeat_the_title_in_the_byline() -> None:
    same = outline(title="OpenAI’s Sora: a reality check for China’s AI ambitions")
    assert [p.text for p in plan_deck(same, profile()).slides[0].body][-1] == "Article by Niranjana Dhumal"


def test_agenda_lists_sections_with_minutes_and_the_discussion_block() -> None:
    assert agenda_lines(outline()) == ["The leap — 5 min", "The gap — 15 min", "Discussion — 10 min"]


def test_agenda_is_left_out_for_a_single_section() -> None:
    one = outline(sections=(Section("Only", points=(Point("Claim"),)),), questions=())
    assert Role.AGENDA not in [s.role for s in plan_deck(one, profile()).slides]


def test_evidence_keeps_bullet_levels_and_quote_goes_to_the_aside() -> None:
    quote_slide = plan_deck(outline(), profile()).slides[4]
    assert [(p.text, p.level) for p in quote_slide.body] == [("Realistic video", 0), ("From prompts", 1)]
    assert [p.text for p in quote_slide.aside] == ["“pouring cold water”", "— the article"]


def test_quote_joins_the_body_when_the_layout_has_no_second_box() -> None:
    quote_slide = plan_deck(outline(), profile(with_aside=False)).slides[4]
    assert quote_slide.aside == ()
    assert quote_slide.body[-2].style == "quote"


def test_question_slides_show_kind_and_minutes_and_notes_have_follow_ups() -> None:
    question = plan_deck(outline(), profile()).slides[7]
    assert [p.text for p in question.aside] == ["Analysis · 10 min"]
    assert [p.text for p in question.body] == ["Why?"]
    assert question.notes == "Analysis · 10 min.\nSplit room.\nFollow-ups:\n- Why?"


def test_a_question_with_minutes_counts_them_down_in_the_deck_s_language() -> None:
    questions = (Question("Did big data help?", after="gap", minutes=2.5), Question("What would you do?"))
    slides = [s for s in plan_deck(outline(questions=questions), profile()).slides if s.role is Role.QUESTION]
    assert [s.countdown for s in slides] == [Countdown(2.5, "Countdown: 2.5 min"), None]
    chinese = plan_deck(outline(questions=questions[:1], language="zh-CN"), profile())
    assert [s.countdown.description for s in chinese.slides if s.countdown] == ["倒计时：2.5 分钟"]


def test_countdown_false_leaves_every_question_without_a_countdown() -> None:
    plan = plan_deck(outline(countdown=False), profile())
    assert [s.countdown for s in plan.slides] == [None] * len(plan.slides)


def test_only_the_first_slide_of_a_continuing_question_counts_down() -> None:
    follow_ups = tuple(f"Follow-up {i}: " + "a long follow-up question " * 6 for i in range(24))
    long = outline(questions=(Question("A crowded question?", follow_ups=follow_ups, minutes=4),))
    slides = [s for s in plan_deck(long, profile()).slides if s.title.startswith("A crowded question?")]
    assert len(slides) > 1
    assert [s.countdown is not None for s in slides] == [True] + [False] * (len(slides) - 1)


def test_question_notes_without_minutes_or_follow_ups() -> None:
    from deckgen.outline.model import Question

    assert question_notes(Question("Why?", kind="reflection")) == "Reflection."


def test_point_notes_include_timing() -> None:
    quote_slide = plan_deck(outline(), profile()).slides[4]
    assert quote_slide.notes == "Ask who has seen a clip.\nTiming: 5 min."


def test_long_evidence_continues_on_cont_slides_with_every_bullet() -> None:
    bullets = tuple(Bullet(f"Bullet {i}: " + "long evidence text " * 6) for i in range(24))
    long = outline(sections=(Section("Long", points=(Point("A crowded claim", bullets),)),), questions=())
    slides = [s for s in plan_deck(long, profile()).slides if s.role is Role.CONTENT]
    assert len(slides) > 1
    assert slides[1].title == "A crowded claim (cont.)" and slides[1].continuation
    assert [p.text for s in slides for p in s.body] == [b.text for b in bullets]


def test_metadata_comes_from_the_outline() -> None:
    plan = plan_deck(outline(), profile())
    assert (plan.title, plan.author, plan.date, plan.language) == ("Sora: A Reality Check", "Jane Doe", "2026-03-14", "en")


def test_section_notes_reach_the_divider_slide() -> None:
    with_notes = outline(sections=(Section("Only", summary="What it is.", notes="Ask who has read it."),), questions=())
    divider = plan_deck(with_notes, profile()).slides[2]
    assert divider.role is Role.SECTION
    assert divider.notes == "Part 1 of 1.\nWhat it is.\nAsk who has read it."
