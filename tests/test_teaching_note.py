"""The facilitator guide as a teaching note: front page, run-sheet, what each question is for,
board plan, cut list, epilogue and exit ticket, in Markdown and in Word, in the deck's language."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from deckgen.cli.main import main
from tests.conftest import SORA
from tests.deck_helpers import SPECS

RICH = SPECS / "rich-content.yaml"
"""An outline whose long table takes more slides on a template with a smaller body."""

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEACHING_NOTE = FIXTURES / "outlines" / "teaching-note.yaml"
RE_PAGINATING = FIXTURES / "templates" / "roles-midnightblue.pptx"
"""A template whose smaller body placeholder continues one of Sora's points onto a second slide."""

PARTS = ["Objectives", "Synopsis", "Run-sheet", "Thesis", "Preparation", "The gap", "Discussion", "Takeaways",
         "Further reading", "Board plan", "If you run late", "Epilogue", "Exit ticket"]
"""The guide's parts, in order, for an outline that gives every one of them."""
OPTIONAL_PARTS = {"Objectives", "Synopsis", "Board plan", "If you run late", "Epilogue", "Exit ticket"}


def _guide(runner: CliRunner, outline: Path, *options: str) -> str:
    result = runner.invoke(main, ["guide", "-o", "-", str(outline), *options])
    assert result.exit_code == 0, result.output
    return result.output


def _word_guide(runner: CliRunner, outline: Path, tmp_path: Path, *options: str) -> docx.document.Document:
    target = tmp_path / "guide.docx"
    result = runner.invoke(main, ["guide", str(outline), "-o", str(target), *options])
    assert result.exit_code == 0, result.output
    return docx.Document(io.BytesIO(target.read_bytes()))


def _headings(markdown: str, level: int = 2) -> list[str]:
    return [line[level + 1:] for line in markdown.splitlines() if line.startswith("#" * level + " ")]


@pytest.fixture(scope="module")
def note() -> str:
    return _guide(CliRunner(), TEACHING_NOTE)


def test_the_markdown_guide_has_every_part_in_order(note: str) -> None:
    assert _headings(note) == PARTS


def test_the_word_guide_has_every_part_in_order(runner: CliRunner, tmp_path: Path) -> None:
    document = _word_guide(runner, TEACHING_NOTE, tmp_path)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == PARTS
    texts = [p.text for p in document.paragraphs]
    assert texts.index("By the end, participants can:") < texts.index("Tell a capability gap from a data gap")
    assert "Participants answer before they leave:" in texts
    board = next(t for t in document.tables if t.rows[0].cells[0].text == "Claims")
    assert [[cell.text for cell in row.cells] for row in board.rows] == [
        ["Claims", "Responses"], ["Strides in recognition", "Research"], ["Gap in generation", ""]]


def test_the_front_page_gives_objectives_synopsis_source_and_the_session_lengths(note: str) -> None:
    front = note.split("## Run-sheet")[0]
    lines = front.splitlines()
    assert lines[0] == "# A teaching note"
    assert ("Source: Niranjana Dhumal — The article (2024-02-20). "
            "[https://example.org/article](https://example.org/article)") in lines
    assert "Session: 40 min; shorter runs: 30 min, 28 min." in lines
    assert "By the end, participants can:\n\n- Tell a capability gap from a data gap\n- Weigh three responses" in front
    assert "The article argues that *data* alone did not close the gap." in lines
    assert front.rstrip().endswith("___")  # the run-sheet starts a page of its own


def test_a_source_without_a_date_is_said_to_be_undated(runner: CliRunner, tmp_path: Path) -> None:
    outline = tmp_path / "undated.yaml"
    outline.write_text("title: T\nsource: {title: The article, author: A. Writer}\nsections: [{title: S}]\n", "utf-8")
    assert "Source: A. Writer — The article (undated)" in _guide(runner, outline).splitlines()


def test_the_run_sheet_marks_what_can_be_cut_and_what_the_shorter_runs_leave_out(note: str) -> None:
    sheet = note.split("## Run-sheet")[1].split("\n## ")[0]
    assert "| **The gap (optional: 4 min)** " in sheet
    assert "| Q2. Which response would you fund first? (optional) " in sheet
    assert "| Q1. Is it a capability gap or a data gap? " in sheet
    assert ("Rows marked optional can be cut if you run late. The shorter runs (30 min, 28 min) leave them out."
            in sheet.splitlines())


def test_each_question_says_what_it_serves_what_to_listen_for_and_the_misconceptions(note: str) -> None:
    question = note.split("### Q1. ")[1].split("\n## ")[0]
    assert question.splitlines()[2] == "_Analysis · Pairs · 10 min · slide 6_"
    parts = ["Serves:", "- Tell a capability gap from a data gap", "Listen for:",
             "- Separates what models can do from what they were trained on", "Misconceptions:",
             "- More data always means better models", "Follow-ups:", "- What evidence would change your mind?",
             "> Expect a split room."]
    lines = question.splitlines()
    assert [lines.index(part) for part in parts] == sorted(lines.index(part) for part in parts)
    assert "diagnose" not in question  # the objective's text, not its id


def test_points_give_their_slide_minutes_notes_and_whether_they_are_optional(note: str) -> None:
    point = note.split("### Generation lags")[1].split("\n### ")[0]
    assert point.splitlines()[2] == "_slide 5 · 4 min · optional_"
    assert "> Skip if the room is quiet." in point


def test_the_cut_list_names_the_optional_items_their_minutes_slides_and_each_shorter_run(note: str) -> None:
    cut = note.split("## If you run late")[1].split("\n## ")[0]
    assert [line for line in cut.splitlines() if line.startswith("- ")] == [
        "- Generation lags — slide 5 · 4 min",
        "- Q2. Which response would you fund first? — slide 7 · 8 min",
        "- 30 min: leaves out 2 optional items (12 min); the run plans 28 min.",
        "- 28 min: leaves out 2 optional items (12 min); the run plans 28 min.",
    ]


def test_the_epilogue_is_marked_as_the_facilitators_context(note: str) -> None:
    epilogue = note.split("## Epilogue")[1].split("\n## ")[0].strip().splitlines()
    assert epilogue[0].startswith("_For the facilitator:") and epilogue[-1] == "Kling shipped four months later."


@pytest.mark.parametrize("outline", [SPECS / "minimal.yaml", SORA], ids=["minimal", "sora"])
def test_an_outline_without_the_teaching_fields_gets_no_empty_heading(runner: CliRunner, outline: Path) -> None:
    guide = _guide(runner, outline)
    lines = [line for line in guide.splitlines() if line.strip()]
    for index, line in enumerate(lines):
        if line.startswith("#"):
            assert index + 1 < len(lines), f"{line} ends the guide"
            following = lines[index + 1]
            depth = len(line) - len(line.lstrip("#"))
            assert not re.match(rf"#{{1,{depth}}} ", following), f"{line} has nothing under it"
    if outline.name == "minimal.yaml":
        assert not OPTIONAL_PARTS & set(_headings(guide))
        assert not any(line.startswith(("Session:", "Source:", "Rows marked")) for line in lines)
        assert _headings(guide)[0] == "Run-sheet" and "___" not in guide.split("## Run-sheet")[0]


def test_a_template_that_paginates_differently_changes_the_slide_numbers(runner: CliRunner) -> None:
    bundled, other = _guide(runner, RICH), _guide(runner, RICH, "--template", str(RE_PAGINATING))
    slides = re.compile(r"slide (\d+)")
    assert slides.findall(bundled) != slides.findall(other)
    assert "_slide 6_" in bundled and "_slide 7_" in other  # it takes more slides there


def test_a_kit_built_on_a_template_numbers_the_slides_as_guide_does_on_it(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(RICH), "-o", str(tmp_path), "--kit", "--template", str(RE_PAGINATING)])
    assert result.exit_code == 0, result.output
    kit = (tmp_path / f"{RICH.stem}-guide.md").read_text("utf-8")
    assert kit == _guide(runner, RICH, "--template", str(RE_PAGINATING))


def test_an_unknown_template_is_a_one_line_error(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guide", "-o", "-", str(SORA), "--template", "nonesuch"])
    assert result.exit_code == 1
    assert result.output.startswith("error: unknown template 'nonesuch'") and result.output.count("\n") == 1


CHINESE = """\
title: 教学笔记
language: zh-CN
shorter: [20]
synopsis: 文章概要。
objectives: [{id: a, text: 区分能力差距与数据差距}]
source: {title: 原文, author: 作者}
sections:
  - title: 差距
    points: [{claim: 识别领先, minutes: 5}, {claim: 生成落后, minutes: 5, optional: true}]
questions:
  - {prompt: 这是能力差距吗？, serves: [a], expect: [区分两者], misconceptions: [数据越多越好], minutes: 10, optional: true}
board: [{title: 论点, items: [识别]}]
epilogue: 后来的情况。
exit_ticket: [你记住了什么？]
"""


def test_a_chinese_teaching_note_is_chinese_throughout(runner: CliRunner, tmp_path: Path) -> None:
    outline = tmp_path / "zh.yaml"
    outline.write_text(CHINESE, "utf-8")
    guide = _guide(runner, outline)
    assert _headings(guide) == ["学习目标", "概要", "流程表", "差距", "讨论", "板书计划", "如果时间不够", "后记", "离场卡"]
    lines = guide.splitlines()
    assert "来源：作者《原文》（未注明日期）" in lines
    assert "课程结束时，参与者能够：" in lines and "对应目标：" in lines and "留意的回答：" in lines
    assert "- 20 分钟：删去 2 项可选内容（15 分钟），计划时长 9 分钟。" in lines
    assert "_第 4 张幻灯片 · 5 分钟 · 可选_" in lines
    english = ("Objectives", "Listen for", "Misconceptions", "optional", "If you run late", "Board plan", "Serves")
    assert not any(word in guide for word in english)


ARABIC = """\
title: ملاحظات تعليمية
language: ar
shorter: [20]
objectives: [{id: a, text: التمييز بين فجوة القدرة وفجوة البيانات}]
sections:
  - title: الفجوة
    points: [{claim: التعرف متقدم, minutes: 5}, {claim: التوليد متأخر, minutes: 5, optional: true}]
questions:
  - {prompt: هل هي فجوة قدرة؟, serves: [a], expect: [يميز بين الاثنين], minutes: 10, optional: true}
  - {prompt: ماذا نموّل أولًا؟, minutes: 3, optional: true}
  - {prompt: ما الدرس؟, minutes: 3, optional: true}
board: [{title: الحجج, items: [التعرف]}]
exit_ticket: [ماذا تتذكر؟]
"""


def test_an_arabic_teaching_note_reads_right_to_left_with_arabic_labels_and_plurals(runner: CliRunner,
                                                                                     tmp_path: Path) -> None:
    outline = tmp_path / "ar.yaml"
    outline.write_text(ARABIC, "utf-8")
    guide = _guide(runner, outline)
    assert _headings(guide) == ["الأهداف", "جدول الجلسة", "الفجوة", "النقاش", "خطة السبورة", "إذا ضاق الوقت", "بطاقة الخروج"]
    assert "- 20 دقيقة: تحذف 4 عناصر اختيارية (21 دقيقة)؛ المدة المخططة 9 دقائق." in guide.splitlines()
    assert "يخدم الأهداف:" in guide and "ما ننتظره من إجابات:" in guide
    document = _word_guide(runner, outline, tmp_path)
    assert document.sections[0]._sectPr.find("{*}bidi") is not None
    assert document.styles["Normal"].element.pPr.find("{*}bidi") is not None  # every paragraph style is based on it
    assert document.tables and all(t._tbl.tblPr.find("{*}bidiVisual") is not None for t in document.tables)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name == "Heading 1"]
    assert headings == _headings(guide)


def test_a_chart_is_named_in_the_guides_language(runner: CliRunner, tmp_path: Path) -> None:
    outline = tmp_path / "chart.yaml"
    outline.write_text("title: 图表\nlanguage: zh-CN\nsections:\n  - title: 部分\n    points:\n      - claim: 时间\n"
                       "        chart: {type: pie, categories: [开场, 讨论], series: [{name: 分钟, values: [4, 18]}], alt: 计划}\n",
                       "utf-8")
    assert "图表（饼图）：计划" in _guide(runner, outline).splitlines()
