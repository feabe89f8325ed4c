"""Clock times, question placement and the run-sheet (plan layer: no pptx)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from deckgen.outline.loader import load_outline
from deckgen.outline.model import Position
from deckgen.plan.deck import agenda_lines, outline_slides
from deckgen.plan.lint import lint_outline
from deckgen.plan.slides import SlidePlan
from deckgen.plan.timing import clock, first_slides, optional_items, run_sheet, total_minutes

KIT = Path(__file__).resolve().parent / "fixtures" / "outlines" / "kit.yaml"
BUNDLED = sorted((Path(__file__).resolve().parent.parent / "outlines").glob("*.yaml"))


def _slides() -> list[SlidePlan]:
    return list(outline_slides(load_outline(KIT)))


def test_clock_adds_minutes_and_wraps_past_midnight() -> None:
    assert clock("14:00", 22) == "14:22"
    assert clock("09:45", 30.4) == "10:15"
    assert clock("23:50", 20) == "00:10"


def test_agenda_shows_the_opening_each_section_and_the_discussion_with_clock_times() -> None:
    assert agenda_lines(load_outline(KIT)) == [
        "14:00 · Opening — 10 min",
        "14:10 · Sora's leap — 5 min",
        "14:15 · The gap — 22 min",
        "14:37 · Discussion — 15 min",
    ]


def test_without_start_the_agenda_has_no_clock_times() -> None:
    outline = dataclasses.replace(load_outline(KIT), start=None)
    assert agenda_lines(outline)[0] == "Opening — 10 min"


def test_opening_questions_follow_the_agenda() -> None:
    titles = [s.title for s in _slides()]
    agenda = titles.index("Agenda")
    assert titles[agenda + 1: agenda + 4] == [
        "Have you seen an AI-generated video?", "What did the article get right?", "Sora's leap",
    ]


def test_dividers_and_questions_open_their_notes_with_a_time_check() -> None:
    notes = {s.title: s.notes for s in _slides()}
    assert notes["Sora's leap"].splitlines()[0] == "14:10 · 10 of 60 min"
    assert notes["The gap"].splitlines()[0] == "14:15 · 15 of 60 min"
    assert notes["How would you split new research money?"].splitlines()[0] == "14:25 · 25 of 60 min"
    assert notes["What is one lesson any lab could use?"].splitlines()[0] == "14:47 · 47 of 60 min"


def test_question_meta_names_the_format_and_a_vote_shows_lettered_options() -> None:
    slides = {s.title: s for s in _slides()}
    pairs = slides["How would you split new research money?"]
    assert pairs.aside[0].text == "Application · Pairs · 12 min"
    vote = slides["Did big data help or hinder organic innovation?"]
    assert [p.text for p in vote.body] == ["A. Helped", "B. Hindered", "C. Both"]
    assert "- A. Helped" in vote.notes.splitlines()
    assert slides["Have you seen an AI-generated video?"].aside[0].text == "Warm-up · 3 min"


def test_run_sheet_times_add_up() -> None:
    rows = run_sheet(load_outline(KIT))
    assert [(r.kind, r.title, r.offset, r.minutes) for r in rows] == [
        ("opening", "", 0, 2),
        ("question", "Have you seen an AI-generated video?", 2, 3),
        ("question", "What did the article get right?", 5, 5),
        ("section", "Sora's leap", 10, 5),
        ("section", "The gap", 15, 10),
        ("question", "How would you split new research money?", 25, 12),
        ("discussion", "", 37, 0),
        ("question", "Did big data help or hinder organic innovation?", 37, 10),
        ("question", "What is one lesson any lab could use?", 47, 5),
        ("closing", "", 52, 2),
        ("end", "", 54, 0),
    ]
    assert all(a.running_total == b.offset for a, b in zip(rows, rows[1:]))


def test_first_slides_numbers_each_item_by_its_first_slide() -> None:
    numbers = first_slides([Position(), Position(3, 1), Position(3, 1), Position(9, 5)])
    assert numbers == {Position(3, 1): 2, Position(9, 5): 4}


def test_missing_minutes_and_a_session_past_midnight_are_reported(tmp_path: Path) -> None:
    path = tmp_path / "late.yaml"
    path.write_text(
        'title: T\nstart: "23:30"\nsections:\n  - title: S\n    points:\n      - {claim: C, minutes: 40}\n'
        "questions:\n  - prompt: Why?\n", encoding="utf-8")
    messages = [p.message for p in lint_outline(load_outline(path))]
    assert "questions[0]: no minutes; clock times count it as 0 min, give it minutes" in messages
    assert any(m.startswith("start: a session starting at 23:30 ends after midnight (00:14 the next day)") for m in messages)


def test_a_chinese_time_check_reads_in_chinese() -> None:
    zh = Path(__file__).resolve().parent.parent / "outlines" / "sora-china-ai.zh.yaml"
    notes = [s.notes for s in outline_slides(load_outline(zh)) if s.title.startswith("对“大数据”")]
    assert notes[0].splitlines()[:2] == ["14:24 · 已进行 24 分钟，共 60 分钟", "分析 · 投票 · 4 分钟。"]


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: p.name)
def test_a_bundled_guide_plans_exactly_the_minutes_it_announces(path: Path) -> None:
    """The agenda and the chart of a bundled guide add up to its duration, not a minute more."""
    outline = load_outline(path)
    assert total_minutes(outline) == outline.duration
    plans = [point.chart for section in outline.sections for point in section.points
             if point.chart is not None and point.chart.series[0].name == "Minutes"]
    assert all(sum(chart.series[0].values) == outline.duration for chart in plans)


def test_optional_items_come_in_the_order_the_session_runs_them(tmp_path: Path) -> None:
    path = tmp_path / "late.yaml"
    path.write_text(
        "title: T\nsections:\n  - {id: a, title: A, points: [{claim: P1}, {claim: P2, optional: true}]}\n"
        "  - {title: B, points: [{claim: P3, optional: true}]}\n"
        "questions:\n  - {prompt: Closing?, optional: true}\n  - {prompt: After A?, after: a, optional: true}\n"
        "  - {prompt: Kept?, after: a}\n", encoding="utf-8")
    items = optional_items(load_outline(path))
    assert [getattr(item, "claim", None) or getattr(item, "prompt") for item in items] == ["P2", "After A?", "P3", "Closing?"]


FLEX = Path(__file__).resolve().parent / "fixtures" / "outlines" / "flex" / "flex.yaml"


def test_every_shorter_run_leaves_out_the_optional_items_in_session_order() -> None:
    outline = load_outline(FLEX)
    assert total_minutes(outline) == 47
    assert [item.minutes for item in optional_items(outline)] == [6, 8, 4, 7]
