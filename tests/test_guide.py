"""``deckgen guide``: the facilitator's Markdown companion to the deck."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from tests.conftest import OUTLINES, SORA
from tests.deck_helpers import READING, SORA_ZH, SPECS, fold

SORA_AR = OUTLINES / "sora-china-ai.ar.yaml"


@pytest.fixture(scope="module")
def sora_guide() -> str:
    result = CliRunner().invoke(main, ["guide", "-o", "-", str(SORA)])
    assert result.exit_code == 0, result.output
    return result.output


def test_guide_starts_with_the_title_and_source(sora_guide: str) -> None:
    lines = sora_guide.splitlines()
    assert lines[0] == "# OpenAI's Sora: A Reality Check for China's AI Ambitions"
    assert ("Source: Niranjana Dhumal — OpenAI's Sora: A Reality Check for China's AI Ambitions (undated). "
            "No outlet named") in lines


def _run_sheet(guide: str) -> list[list[str]]:
    section = guide.split("## Run-sheet", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")]
    return [[cell.strip().strip("*") for cell in row.strip("|").split("|")] for row in rows[2:]]


def test_guide_opens_with_the_run_sheet_of_sections_and_questions(sora_guide: str) -> None:
    headings = [line for line in sora_guide.splitlines() if line.startswith("## ")]
    assert headings[:3] == ["## Objectives", "## Synopsis", "## Run-sheet"]  # the teaching note's front page first
    rows = _run_sheet(sora_guide)
    assert rows[0] == ["14:00", "1", "Opening", "2", "2"]
    assert rows[1] == ["14:02", "4", "Sora's leap (optional: 1 min)", "3", "5"]
    assert rows[-3] == ["14:55", "29", "Closing", "3", "58"]
    assert rows[-2] == ["14:58", "", "Buffer", "2", "60"]
    assert rows[-1] == ["15:00", "", "End", "", "60"]


def test_run_sheet_sets_sections_in_bold(sora_guide: str) -> None:
    assert "| 14:02 | 4     | **Sora's leap (optional: 1 min)** " in sora_guide


def test_the_run_sheet_times_add_up(sora_guide: str) -> None:
    rows = _run_sheet(sora_guide)
    total = 0.0
    for time, _slide, _segment, minutes, running in rows:
        hours, mins = time.split(":")
        assert int(hours) * 60 + int(mins) == 14 * 60 + total
        total += float(minutes or 0)
        if running:
            assert float(running) == total


def test_the_run_sheet_opens_and_closes_the_session_and_keeps_the_buffer(runner: CliRunner) -> None:
    session = Path(__file__).resolve().parent / "fixtures" / "outlines" / "session.yaml"
    guide = runner.invoke(main, ["guide", "-o", "-", str(session), "--start", "9:00"]).output
    rows = [[time, segment.split(". ")[0], minutes, total] for time, _slide, segment, minutes, total in _run_sheet(guide)]
    assert rows == [
        ["09:00", "Opening", "3", "3"], ["09:03", "The gap (optional: 4 min)", "9", "12"], ["09:12", "Discussion", "", ""],
        ["09:12", "Q1", "10", "22"], ["09:22", "Q2", "8", "30"], ["09:30", "Closing", "4.5", "34.5"],
        ["09:34", "Buffer", "2", "36.5"], ["09:36", "End", "", "36.5"],
    ]
    assert "Total running time: 36.5 min (planned session: 50 min)." in guide.splitlines()


def test_a_german_run_sheet_names_its_opening_closing_and_buffer_rows(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "de.yaml"
    path.write_text("title: T\nlanguage: de\nbuffer: 5\nsections: [{title: S}]\n", encoding="utf-8")
    guide = runner.invoke(main, ["guide", "-o", "-", str(path)]).output.replace("## Ablaufplan", "## Run-sheet")
    segments = [row[1] for row in _run_sheet(guide)]
    assert segments == ["Einstieg", "S", "Abschluss", "Puffer", "Ende"]


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


def test_guide_numbers_questions_in_deck_order_with_kind_format_minutes_and_slide(sora_guide: str) -> None:
    lines = sora_guide.splitlines()
    first = lines.index("### Q1. Have you seen an AI-generated video? What made it convincing, or not?")
    assert lines[first + 2] == "_Warm-up · 3 min · slide 7_"
    numbers = [line.split(".")[0] for line in lines if line.startswith("### Q")]
    assert numbers == [f"### Q{n}" for n in range(1, len(load_outline(SORA).questions) + 1)]


def test_guide_keeps_evidence_levels_as_nested_lists() -> None:
    result = CliRunner().invoke(main, ["guide", "-o", "-", str(READING)])
    lines = result.output.splitlines()
    assert "- Evidence offered for the problem and for the proposed fix" in lines
    assert "  - Data the authors collected or cite" in lines
    assert "    - Who produced it, and when?" in lines


def test_guide_of_an_audience_variant(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["guide", "-o", "-", str(SORA), "--audience", "undergrad"])
    assert result.exit_code == 0
    assert "Think, pair, share: in one sentence, what is this article worried about?" in result.output
    assert "Why might strides in facial recognition and NLP not carry over to text-to-video?" not in result.output


def test_guide_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "guide.md"
    result = CliRunner().invoke(main, ["guide", str(READING), "-o", str(target)])
    assert result.exit_code == 0
    assert result.output == f"wrote {target}\n"
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# How to Read a Policy Paper\n")
    assert "Total running time: 45 min (planned session: 45 min)." in text


def test_guide_and_handout_write_their_default_files_alike(runner: CliRunner, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    shutil.copy(SPECS / "minimal.yaml", tmp_path / "seminar.yaml")
    monkeypatch.chdir(tmp_path)
    guide, handout = runner.invoke(main, ["guide", "seminar.yaml"]), runner.invoke(main, ["handout", "seminar.yaml"])
    assert (guide.exit_code, handout.exit_code) == (0, 0)
    assert (guide.output, handout.output) == ("wrote seminar-guide.md\n", "wrote seminar-handout.docx\n")
    assert (tmp_path / "seminar-guide.md").read_text(encoding="utf-8").startswith("# ")
    assert (tmp_path / "seminar-handout.docx").read_bytes()[:2] == b"PK"


def test_guide_and_handout_write_to_standard_output_with_dash(runner: CliRunner, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    guide = runner.invoke(main, ["guide", str(READING), "-o", "-"])
    handout = CliRunner().invoke(main, ["handout", str(READING), "-o", "-"])
    assert guide.output.startswith("# How to Read a Policy Paper\n") and handout.stdout_bytes[:2] == b"PK"
    assert list(tmp_path.iterdir()) == []


def test_a_word_handout_is_not_sent_to_a_terminal(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib

    monkeypatch.setattr(importlib.import_module("deckgen.cli.main"), "_stdout_is_terminal", lambda: True)
    result = runner.invoke(main, ["handout", str(READING), "-o", "-"])
    assert result.exit_code == 2 and "a Word file cannot be shown on a terminal" in result.output


def test_guide_of_a_chinese_outline_is_utf8(tmp_path: Path) -> None:
    target = tmp_path / "zh.md"
    assert CliRunner().invoke(main, ["guide", str(SORA_ZH), "-o", str(target)]).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# OpenAI 的 Sora：中国人工智能雄心的一次现实检验")


def test_guide_of_a_bad_outline_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: T\nsections:\n  - title: S\nquestions:\n  - prompt: Q\n    kind: analyse\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["guide", "-o", "-", str(bad)])
    assert result.exit_code == 1
    assert result.output.startswith(f"error: {bad}:6:11: questions[0].kind: 'analyse' is not one of")
    assert "Traceback" not in result.output


def test_guide_of_a_minimal_outline() -> None:
    result = CliRunner().invoke(main, ["guide", "-o", "-", str(SPECS / "minimal.yaml")])
    assert result.exit_code == 0
    assert result.output.startswith("# A minimal guide\n")
    assert "## The only section" in result.output


def test_a_chinese_guide_has_chinese_headings(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guide", "-o", "-", str(SORA_ZH)])
    assert "## 流程表" in result.output and "## 要点总结" in result.output
    header = next(line for line in result.output.splitlines() if line.startswith("|"))
    assert [cell.strip() for cell in header.strip("|").split("|")] == ["时间", "幻灯片", "环节", "分钟", "累计"]
    assert "总时长：60 分钟（计划研讨时长：60 分钟）。" in result.output
    assert "Total running time" not in result.output


def test_a_chinese_guide_numbers_questions_and_names_slides_in_chinese(runner: CliRunner) -> None:
    lines = runner.invoke(main, ["guide", str(SORA_ZH), "-o", "-"]).output.splitlines()
    assert any(line.startswith("### 问题 1：") for line in lines)
    assert "_热身 · 3 分钟 · 第 7 张幻灯片_" in lines  # a slide, not a page (页)
    assert not any(re.search(r"第 \d+ 页", line) or line.startswith("### Q") for line in lines)


def test_a_chinese_guide_cites_in_chinese_brackets_and_full_stops(runner: CliRunner) -> None:
    lines = runner.invoke(main, ["guide", str(SORA_ZH), "-o", "-"]).output.splitlines()
    assert ("来源：Niranjana Dhumal《OpenAI's Sora: A Reality Check for China's AI Ambitions》（未注明日期）。"
            "原文没有写明发表媒体") in lines
    assert "- 快手《可灵（Kling）文生视频模型》（2024-06）。背景资料，原文未引用" in lines
    assert not any(line.startswith(("来源", "- 快手")) and (" (" in line or ". " in line) for line in lines)


def test_an_arabic_guide_labels_questions_in_arabic_and_counts_minutes_grammatically(runner: CliRunner) -> None:
    lines = runner.invoke(main, ["guide", str(SORA_AR), "-o", "-"]).output.splitlines()
    assert "### س4. هل أعاق التركيز على «البيانات الضخمة» والمبادرات الحكومية الابتكارَ العضوي؟" in lines
    assert "_تحليل · تصويت · 4 دقائق · الشريحة 16_" in lines  # three to ten take the plural
    assert "المدة الإجمالية: 60 دقيقة (مدة الجلسة المخططة: 60 دقيقة)." in lines


def test_guide_shows_comparisons_tables_and_charts_with_their_formatting() -> None:
    import re

    from deckgen.app.guide import guide_document
    from deckgen.app.markdown import document_markdown
    from deckgen.outline.loader import load_outline
    from tests.conftest import OUTLINES

    text = document_markdown(guide_document(load_outline(OUTLINES / "sora-responses-compared.yaml")))
    assert "**China's strides**\n\n- Substantial strides in various AI domains, including\n  - Facial recognition" in text
    assert re.search(r"\| Response +\| What it asks for +\| What the article says it could bring +\|\n\| -+ \| -+ \| -+ \|", text)
    assert "| **Open collaboration** " in text
    assert ("- Minutes — Opening and closing: 5, Strides and the gap: 9, Three potential responses: 11, "
            "Our session: 1, Discussion: 17, Buffer: 2") in text
    assert "\n\n\n" not in text
