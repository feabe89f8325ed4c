"""``deckgen guide``: the facilitator's Markdown companion to the deck."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from tests.conftest import SORA
from tests.deck_helpers import READING, SORA_ZH, SPECS, fold


@pytest.fixture(scope="module")
def sora_guide() -> str:
    result = CliRunner().invoke(main, ["guide", str(SORA)])
    assert result.exit_code == 0, result.output
    return result.output


def test_guide_starts_with_the_title_and_source(sora_guide: str) -> None:
    lines = sora_guide.splitlines()
    assert lines[0] == "# OpenAI's Sora: A Reality Check for China's AI Ambitions"
    assert "Source: Niranjana Dhumal — OpenAI's Sora: A Reality Check for China's AI Ambitions" in lines


def test_guide_agenda_lists_sections_with_timings(sora_guide: str) -> None:
    agenda = sora_guide.split("## Agenda", 1)[1].split("\n## ", 1)[0]
    items = [line for line in agenda.splitlines() if line.startswith("1. ")]
    assert items == [
        "1. Sora's leap — 8 min",
        "1. The gap Sora exposed — 8 min",
        "1. Soul-searching in China's AI sector — 13 min",
        "1. How can China respond? — 18 min",
        "1. Beyond China: the broader impact — 4 min",
        "1. Discussion — 9 min",
    ]


def test_guide_gives_the_total_running_time_and_the_planned_session(sora_guide: str) -> None:
    assert "Total running time: 60 min (planned session: 60 min)." in sora_guide.splitlines()


def test_guide_has_every_question_with_its_follow_ups_and_notes(sora_guide: str) -> None:
    outline = load_outline(SORA)
    text = fold(sora_guide)
    for question in outline.questions:
        assert fold(question.prompt) in text
        for follow_up in question.follow_ups:
            assert f"- {follow_up}" in sora_guide.splitlines()
        assert fold(question.notes) in text


def test_guide_numbers_questions_in_deck_order_with_kind_and_minutes(sora_guide: str) -> None:
    assert "**Q1. Have you seen an AI-generated video? What made it convincing, or not?** _(Warm-up · 3 min)_" in sora_guide
    numbers = [line.split(".")[0] for line in sora_guide.splitlines() if line.startswith("**Q")]
    assert numbers == [f"**Q{n}" for n in range(1, len(load_outline(SORA).questions) + 1)]


def test_guide_keeps_evidence_levels_as_nested_lists() -> None:
    result = CliRunner().invoke(main, ["guide", str(READING)])
    lines = result.output.splitlines()
    assert "- Evidence offered for the problem and for the proposed fix" in lines
    assert "  - Data the authors collected or cite" in lines
    assert "    - Who produced it, and when?" in lines


def test_guide_of_an_audience_variant(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["guide", str(SORA), "--audience", "undergrad"])
    assert result.exit_code == 0
    assert "Check for understanding: in one sentence, what is this article worried about?" in result.output
    assert "Why text-to-video? The article leaves the cause open" not in result.output


def test_guide_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    result = CliRunner().invoke(main, ["guide", str(READING), "-o", str(target)])
    assert result.exit_code == 0
    assert result.output == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# How to Read a Policy Paper\n")
    assert "Total running time: 45 min (planned session: 45 min)." in text


def test_guide_of_a_chinese_outline_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "zh.md"
    assert CliRunner().invoke(main, ["guide", str(SORA_ZH), "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# OpenAI 的 Sora：中国人工智能雄心的一次现实检验")


def test_guide_of_a_bad_outline_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nsections:\n  - title: S\nquestions:\n  - prompt: Q\n    kind: analyse\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}:6:11: questions[0].kind: 'analyse' is not one of")
    assert "Traceback" not in result.output


def test_guide_of_a_minimal_outline() -> None:
    result = CliRunner().invoke(main, ["guide", str(SPECS / "minimal.yaml")])
    assert result.exit_code == 0
    assert result.output.startswith("# A minimal guide\n")
    assert "## The only section" in result.output


def test_a_chinese_guide_has_chinese_headings(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guide", str(SORA_ZH)])
    assert "## 议程" in result.output and "## 要点总结" in result.output
    assert "总时长：60 分钟（计划研讨时长：60 分钟）。" in result.output
    assert "Total running time" not in result.output


def test_guide_shows_comparisons_tables_and_charts_with_their_formatting() -> None:
    from deckgen.app.guide import guide_markdown
    from deckgen.outline.loader import load_outline
    from tests.conftest import OUTLINES

    text = guide_markdown(load_outline(OUTLINES / "sora-responses-compared.yaml"))
    assert "**China's strides**\n\n- Facial recognition" in text
    assert "| Response | What it asks for | What the article expects |\n| --- | --- | --- |" in text
    assert "| **Open collaboration** |" in text
    assert "- Minutes — Strengths and the gap: 12, Three responses: 14, Discussion: 19" in text
    assert "\n\n\n" not in text
