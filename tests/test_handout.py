"""The handout (given out at the start), the recap (for afterwards) and their Word files in the deck's brand.

Word files are read back with python-docx and as their XML parts; PDFs with poppler.
Tests that need LibreOffice, poppler or zbar skip where they are missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from deckgen.app.document import Document, Para, Picture, Span, link
from deckgen.app.handout import handout_document
from deckgen.app.kit import handout_bytes
from deckgen.app.markdown import document_markdown
from deckgen.app.recap import recap_document
from deckgen.app.templates import template_for
from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from deckgen.plan.labels import labels_for
from tests.conftest import FIXTURES, SORA

HANDOUT = FIXTURES / "outlines" / "handout.yaml"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"


def _write(folder: Path, outline: Path = HANDOUT, recap: bool = False) -> Path:
    target = folder / ("recap.docx" if recap else "handout.docx")
    target.write_bytes(handout_bytes(load_outline(outline), recap=recap))
    return target


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [p.text for table in document.tables for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _links(path: Path) -> list[str]:
    """The targets of the document's ``w:hyperlink`` elements, in order."""
    document = docx.Document(str(path))
    relations = document.part.rels
    return [relations[link.get(f"{R}id")].target_ref for link in document.element.body.iter(f"{W}hyperlink")]


def _outline_file(folder: Path, **fields: object) -> Path:
    """The handout fixture with ``fields`` replaced, as a JSON outline (JSON is YAML)."""
    import yaml

    data = yaml.safe_load(HANDOUT.read_text(encoding="utf-8"))
    data.update(fields)
    path = folder / "outline.yaml"
    path.write_text(json.dumps(data, ensure_ascii=False, default=str), encoding="utf-8")
    return path


# --------------------------------------------------------------------------- the handout


def test_the_handout_holds_what_participants_work_with(tmp_path: Path) -> None:
    text = _text(_write(tmp_path))
    assert "Name: ________________________    Date: ______________" in text
    assert "Niranjana Dhumal — OpenAI's Sora: A Reality Check for China's AI Ambitions (2024-02-20)" in text
    assert "Skim the Kling announcement (https://example.org/kling-news) for contrast." in text
    assert "NLP — natural language processing" in text and "text-to-video — a model that turns" in text
    assert "Q3. Did big data help or hinder organic innovation?" in text  # numbered as in the guide
    assert "☐  A. Helped" in text and "☐  C. Both" in text
    assert "Cut here and hand in before you leave" in text
    assert "Exit ticket" in text and "1. One thing you will remember" in text and "2. One question you still have" in text


def test_the_handout_leaves_out_what_the_facilitator_keeps(tmp_path: Path) -> None:
    text = _text(_write(tmp_path))
    outline = load_outline(HANDOUT)
    kept = [*outline.takeaways, outline.synopsis, outline.epilogue, outline.thesis]
    for question in outline.questions:
        kept += [question.notes, *question.follow_ups, *question.expect, *question.misconceptions]
    kept += [s.notes for s in outline.sections] + [p.notes for s in outline.sections for p in s.points]
    for item in filter(None, kept):
        assert item.split("[")[0] not in text, item
    for kind in labels_for("en").kinds.values():
        assert kind not in text
    assert "Takeaways" not in text and "Further reading" not in text


def test_the_handout_links_the_article_and_shows_a_qr_code_of_its_address(tmp_path: Path) -> None:
    path = _write(tmp_path)
    assert _links(path)[:2] == ["https://example.org/sora", "https://example.org/kling-news"]
    document = docx.Document(str(path))
    [shape] = document.inline_shapes
    assert 25 <= shape.width.mm <= 30 and abs(shape.width - shape.height) < 10
    described = document.element.body.find(f".//{WP}docPr")
    assert described is not None and "https://example.org/sora" in described.get("descr")
    if shutil.which("zbarimg") is None:
        pytest.skip("zbar-tools is not installed: the code's picture is not decoded")
    with zipfile.ZipFile(path) as package:
        [name] = [n for n in package.namelist() if n.startswith("word/media/")]
        (tmp_path / "code.png").write_bytes(package.read(name))
    decoded = subprocess.run(["zbarimg", "--raw", "-q", str(tmp_path / "code.png")], capture_output=True, text=True)
    assert decoded.stdout.strip() == "https://example.org/sora"


def test_an_article_without_an_address_has_no_code_and_no_link(tmp_path: Path) -> None:
    outline = _outline_file(tmp_path, source={"title": "A paper", "author": "Someone"})
    path = _write(tmp_path, outline)
    assert not docx.Document(str(path)).inline_shapes
    assert "Source: Someone — A paper" in _text(path)


def test_writing_room_stays_within_each_formats_least_and_most() -> None:
    from deckgen.app.document import WritingSpace
    from deckgen.app.handout import WRITING_ROOM

    one = handout_document(load_outline(SORA))
    spaces = [b for b in one.blocks if isinstance(b, WritingSpace)]
    assert all(space.lines <= max(space.most, WRITING_ROOM["write"].most) for space in spaces)
    written = [b for b in one.blocks if isinstance(b, WritingSpace) and b.weight == WRITING_ROOM["write"].weight]
    voted = [b for b in one.blocks if isinstance(b, WritingSpace) and b.weight == WRITING_ROOM["vote"].weight]
    assert written and voted and min(s.lines for s in written) > max(s.lines for s in voted)


# --------------------------------------------------------------------------- the recap


def test_the_recap_holds_the_takeaways_and_further_reading_as_live_links(tmp_path: Path) -> None:
    path = _write(tmp_path, recap=True)
    text = _text(path)
    assert "A gap in text-to-video, not across the board" in text
    assert "Data is not the same as innovation (https://example.org/innovation)" in text
    assert "Kuaishou — Kling text-to-video model (2024-06). https://example.org/kling" in text
    assert "Someone — A survey without an address" in text
    assert _links(path) == ["https://example.org/sora", "https://example.org/innovation", "https://example.org/kling"]
    for left_out in ("Have you seen an AI-generated video?", "Exit ticket", "What happened after the article."):
        assert left_out not in text
    headings = [p.text for p in docx.Document(str(path)).paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings == ["Takeaways", "Further reading"]


def test_handout_recap_writes_its_own_default_file_and_a_pdf(runner: CliRunner, soffice: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["handout", str(HANDOUT), "--recap"])
    assert (result.exit_code, result.output) == (0, "wrote handout-recap.docx\n")
    result = runner.invoke(main, ["handout", str(HANDOUT), "--recap", "-o", "x.pdf"])
    assert result.exit_code == 0, result.output
    text = subprocess.run(["pdftotext", "x.pdf", "-"], capture_output=True, text=True, check=True).stdout
    assert "Takeaways" in text and "Further reading" in text and "Have you seen" not in text
    assert b"/URI(https://example.org/kling)" in (tmp_path / "x.pdf").read_bytes().replace(b" ", b"")


def test_markdown_writes_link_spans_as_links_and_keeps_the_text_beside_a_picture() -> None:
    text = document_markdown(recap_document(load_outline(HANDOUT)))
    assert "[https://example.org/kling](https://example.org/kling)" in text
    beside = Document("t", "en", (Picture(b"", "a code", 28, (Para((Span("Scan "), link("https://example.org/a"))),)),))
    assert document_markdown(beside) == "Scan [https://example.org/a](https://example.org/a)\n"


# --------------------------------------------------------------------------- the deck's brand


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_word_files_take_the_templates_fonts_and_brand_colour(tmp_path: Path, template: str) -> None:
    outline_path = _outline_file(tmp_path, template=template)
    outline = load_outline(outline_path)
    profile, brand = template_for(outline).profile, template_for(outline).blueprint.paper
    assert brand.colour not in ("4F81BD", "365F91", "17365D")  # python-docx's own blues
    for recap in (False, True):
        with zipfile.ZipFile(_write(tmp_path, outline_path, recap)) as package:
            styles = package.read("word/styles.xml").decode()
            theme = package.read("word/theme/theme1.xml").decode()
        for style in ("Title", "Heading1", "Heading2"):
            body = re.search(rf'w:styleId="{style}".*?</w:style>', styles, re.S)
            assert body is not None
            assert f'w:ascii="{profile.heading_font}"' in body.group(0) and "asciiTheme" not in body.group(0)
            assert f'<w:color w:val="{brand.colour}"/>' in body.group(0)
        defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.S)
        assert defaults is not None and f'w:ascii="{profile.body_font}"' in defaults.group(0)
        assert f'<a:latin typeface="{profile.heading_font}"' in theme and f'<a:srgbClr val="{brand.colour}"/>' in theme


def test_the_brand_colour_is_darkened_until_it_reads_on_paper() -> None:
    from deckgen.render.template.colours import contrast_ratio, rgb_from_hex
    from deckgen.render.template.paperbrand import _on_paper

    light = rgb_from_hex("#FFD54F")  # a dark design's bright accent
    assert light is not None
    darker = _on_paper(light)
    assert contrast_ratio(darker, (1.0, 1.0, 1.0)) >= 4.5
    assert darker[0] > darker[2]  # still a yellow-orange, not a grey


def test_guide_tables_have_brand_header_rows(tmp_path: Path) -> None:
    from deckgen.app.kit import guide_bytes

    outline = load_outline(HANDOUT)
    (tmp_path / "guide.docx").write_bytes(guide_bytes(outline, ".docx"))
    table = docx.Document(str(tmp_path / "guide.docx")).tables[0]
    fill = table.rows[0].cells[0]._tc.tcPr.find(f"{W}shd").get(f"{W}fill")
    assert fill == template_for(outline).blueprint.paper.colour
    assert _links(tmp_path / "guide.docx")[0] == "https://example.org/sora"  # the address in the source line


# --------------------------------------------------------------------------- languages


def test_an_arabic_handout_reads_right_to_left_with_its_code_on_the_left(tmp_path: Path) -> None:
    outline = _outline_file(tmp_path, language="ar", title="سورا من OpenAI", template="seminar")
    path = _write(tmp_path, outline)
    document = docx.Document(str(path))
    assert all(t._tbl.tblPr.find(f"{W}bidiVisual") is not None for t in document.tables)  # the code's table too
    text = _text(path)
    assert "الاسم" in text and "التاريخ" in text and "بطاقة الخروج" in text and "مسرد المصطلحات" in text
    assert _links(path)[0] == "https://example.org/sora"


def test_a_chinese_handout_names_its_fonts_and_labels(tmp_path: Path) -> None:
    outline = _outline_file(tmp_path, language="zh-CN", glossary={"文生视频": "把文字提示变成视频的模型"})
    path = _write(tmp_path, outline)
    text = _text(path)
    assert "术语表" in text and "文生视频 — 把文字提示变成视频的模型" in text and "离场卡" in text and "姓名：" in text
    normal = docx.Document(str(path)).styles["Normal"].element.rPr
    assert normal.find(f"{W}rFonts").get(f"{W}eastAsia") == "Noto Sans CJK SC"
    with zipfile.ZipFile(path) as package:
        theme = package.read("word/theme/theme1.xml").decode()
    assert theme.count('<a:ea typeface="Noto Sans CJK SC"/>') == 2


@pytest.mark.parametrize(("language", "label", "right_to_left"), [
    ("ar", "س{}. ", True), ("he", "שאלה {}: ", True), ("zh-CN", "问题 {}：", False),
])
def test_handout_questions_are_numbered_as_the_guide_numbers_them(tmp_path: Path, language: str, label: str,
                                                                   right_to_left: bool) -> None:
    path = _write(tmp_path, _outline_file(tmp_path, language=language))
    questions = [p for p in docx.Document(str(path)).paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert [p.runs[0].text for p in questions] == [label.format(n) for n in (1, 2, 3, 4)]
    assert all(bool(p.runs[0].font.rtl) == right_to_left for p in questions)  # read in the line's direction
    assert not any(re.match(r"\d+\. ", p.text) for p in questions)


# --------------------------------------------------------------------------- pages


def _lowest_ink(pdf: Path, page: int) -> float:
    """How far down ``page`` its lowest mark is (text or rule), as a share of the page's height."""
    grey = subprocess.run(["pdftoppm", "-gray", "-r", "20", "-f", str(page), "-l", str(page), str(pdf)],
                          capture_output=True, check=True).stdout
    header = re.match(rb"P5\s+(\d+)\s+(\d+)\s+255\s", grey)
    assert header is not None
    width, height = int(header.group(1)), int(header.group(2))
    pixels = grey[header.end():]
    inked = [row for row in range(height) if min(pixels[row * width:(row + 1) * width]) < 235]
    return (max(inked) + 1) / height if inked else 0.0


@pytest.mark.parametrize(("outline", "language", "most"), [(SORA, "en", 3), (HANDOUT, "en", 2), (HANDOUT, "ar", 2),
                                                            (SORA, "ar", 4)], ids=["sora", "handout", "handout-ar", "sora-ar"])
def test_a_handout_takes_the_pages_it_needs_and_fills_its_last(runner: CliRunner, soffice: str, tmp_path: Path,
                                                               outline: Path, language: str, most: int) -> None:
    """The Sora handout (eight questions, a glossary, an exit ticket) takes three pages, four
    right to left, where LibreOffice sets every line as tall as the script's font sets it; the
    last page is as full as the others."""
    if not shutil.which("pdftoppm"):
        pytest.skip("poppler-utils is not installed")
    if language != "en":
        import yaml

        data = yaml.safe_load(outline.read_text(encoding="utf-8"))
        outline = tmp_path / "outline.yaml"
        outline.write_text(json.dumps({**data, "language": language}, default=str), encoding="utf-8")
    target = tmp_path / "handout.pdf"
    assert runner.invoke(main, ["handout", str(outline), "-o", str(target)]).exit_code == 0
    info = subprocess.run(["pdfinfo", str(target)], capture_output=True, text=True, check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    assert pages <= most
    assert _lowest_ink(target, pages) > 0.7  # bottom margin 29 mm of 297: a full page inks below ~85 %
