"""The facilitator kit: guide (.md, .docx), handout (.docx, .pdf), build --kit, shared PDF export.

Word files are read back with python-docx; PDFs with poppler (pdftotext, pdfinfo). Tests
that need LibreOffice skip where it is missing.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from deckgen.app import kit_pdfs
from deckgen.app.pdf import Conversion, convert_all
from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from tests.deck_helpers import SPECS, notes_of, open_deck, title_of

KIT = Path(__file__).resolve().parent / "fixtures" / "outlines" / "kit.yaml"


def _docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _pdftotext(path: Path, page: int | None = None) -> str:
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], capture_output=True, text=True, check=True).stdout


def _pdfinfo(path: Path) -> dict[str, str]:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return {k.strip(): v.strip() for k, v in (line.split(":", 1) for line in out.splitlines() if ":" in line)}


@pytest.fixture
def writer(soffice: str) -> str:
    """LibreOffice with its Writer component (needed to export Word handouts)."""
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils is not installed")
    program = Path(soffice).resolve().parent
    if not any(program.glob("libswlo.*")) and not (program / "swriter").exists():
        pytest.skip("LibreOffice Writer is not installed")
    return soffice


# --------------------------------------------------------------------------- guide


def test_guide_markdown_escapes_outline_text_and_keeps_notes_in_the_quote(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guide", "-o", "-", str(KIT)])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "# Reading *Sora*: a seminar"  # the outline's own emphasis stays emphasis
    assert "> First line of notes." in lines
    assert "> Second line, with a * star and _underscores_." in lines  # both lines inside the quote
    assert "- A. Helped" in lines and "_Analysis · Vote · 10 min · slide 12_" in lines


def test_guide_start_option_overrides_the_outline(runner: CliRunner) -> None:
    result = runner.invoke(main, ["guide", "-o", "-", str(KIT), "--start", "9:30"])
    assert "| 09:32 | 4     | Q1. Have you seen an AI-generated video?" in result.output
    bad = runner.invoke(main, ["guide", "-o", "-", str(KIT), "--start", "25:00"])
    assert bad.exit_code == 2 and "'25:00' is not a clock time" in bad.output


def test_guide_slide_numbers_match_the_deck(runner: CliRunner, tmp_path: Path) -> None:
    assert runner.invoke(main, ["build", str(KIT), "-o", str(tmp_path / "kit.pptx")]).exit_code == 0
    titles = [title_of(slide) for slide in open_deck(tmp_path / "kit.pptx").slides]
    guide = runner.invoke(main, ["guide", "-o", "-", str(KIT)]).output
    rows = re.findall(r"^\| \d\d:\d\d \| (\d+) +\| (?:Q\d+\. )?([^|]+?) +\|", guide, re.MULTILINE)
    assert len(rows) == 10  # opening, 5 questions, 2 sections, the discussion block's divider, closing
    assert (rows[0], rows[-1]) == (("1", "**Opening**"), (str(titles.index("Takeaways") + 1), "**Closing**"))
    for number, segment in rows[1:-1]:
        assert titles[int(number) - 1] == segment.strip("*")


def test_guide_docx_has_the_run_sheet_table_first_real_headings_and_properties(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "guide.docx"
    result = runner.invoke(main, ["guide", str(KIT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    document = docx.Document(str(target))
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["Time", "Slide", "Segment", "Min", "Total"]
    assert [c.text for c in table.rows[1].cells] == ["14:00", "1", "Opening", "2", "2"]
    assert [c.text for c in table.rows[2].cells] == ["14:02", "4", "Q1. Have you seen an AI-generated video?", "3", "5"]
    assert [c.text for c in table.rows[-2].cells] == ["14:52", "14", "Closing", "2", "54"]
    assert [c.text for c in table.rows[-1].cells] == ["14:54", "", "End", "", "54"]
    assert table.rows[4].cells[2].paragraphs[0].runs[0].bold  # a section row: "Sora's leap"
    styles = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None and p.text]
    assert styles[0] == ("Title", "Reading Sora: a seminar")
    assert ("Heading 1", "Run-sheet") in styles and ("Heading 2", "Q4. Did big data help or hinder organic innovation?") in styles
    assert ("Quote", "Count hands, then ask each side for its best point.") in styles
    props = document.core_properties
    assert (props.title, props.language) == ("Reading *Sora*: a seminar", "en")
    section = document.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert section.page_width.mm - section.left_margin.mm - section.right_margin.mm <= 215.9 - 40


def test_guide_docx_is_byte_for_byte_reproducible(runner: CliRunner, tmp_path: Path) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    runner.invoke(main, ["guide", str(KIT), "-o", str(first)])
    runner.invoke(main, ["guide", str(KIT), "-o", str(second)])
    assert first.read_bytes() == second.read_bytes()


def test_guide_of_another_format_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["guide", str(KIT), "-o", str(tmp_path / "guide.txt")])
    assert result.exit_code == 2 and "a guide is written as .md or .docx" in result.output
    assert not (tmp_path / "guide.txt").exists()


# --------------------------------------------------------------------------- handout


def test_handout_has_questions_tick_boxes_and_space_but_no_facilitator_notes_or_kinds(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "handout.docx"
    assert runner.invoke(main, ["handout", str(KIT), "-o", str(target)]).exit_code == 0
    text = _docx_text(target)
    outline = load_outline(KIT)
    notes = [q.notes for q in outline.questions] + [p.notes for s in outline.sections for p in s.points]
    notes += [s.notes for s in outline.sections]
    for note in filter(None, notes):
        for line in note.splitlines():
            assert line not in text
    for question in outline.questions:
        assert question.prompt in text
    assert "☐  A. Helped" in text and "☐  C. Both" in text
    assert "Analysis" not in text and "Vote" not in text and "What would you expect after two years?" not in text
    assert "Read the article (about 10 minutes)." in text and "https://example.org/sora" in text
    document = docx.Document(str(target))
    ruled = [t for t in document.tables if len(t.columns) == 1]
    assert len(ruled) == len(outline.questions)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert "Takeaways" not in headings and headings[-1] == "Q5. What is one lesson any lab could use?"


def test_handout_of_an_audience_lists_its_own_questions(runner: CliRunner, tmp_path: Path) -> None:
    target = tmp_path / "short.docx"
    assert runner.invoke(main, ["handout", str(KIT), "--audience", "short", "-o", str(target)]).exit_code == 0
    assert "☐  A. Research" in _docx_text(target)


def test_handout_pdf_is_tagged_with_title_and_language(runner: CliRunner, writer: str, tmp_path: Path) -> None:
    target = tmp_path / "handout.pdf"
    result = runner.invoke(main, ["handout", str(KIT), "-o", str(target)])
    assert result.exit_code == 0, result.output
    info = _pdfinfo(target)
    assert info["Tagged"] == "yes" and info["Title"] == "Reading *Sora*: a seminar"
    assert b"/Lang(en" in target.read_bytes()
    text = _pdftotext(target)
    assert "Did big data help or hinder organic innovation?" in text and "Count hands" not in text


# --------------------------------------------------------------------------- right-to-left documents

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RTL_OUTLINES = {
    "ar": ("سورا من OpenAI: اختبار واقعي", "الفجوة التي كشفها سورا", "يحوّل سورا النص إلى فيديو",
           "هل ساعدت البيانات الضخمة الابتكار؟", ["ساعدت", "أعاقت"]),
    "he": ("Sora של OpenAI: בדיקת מציאות", "הפער ש-Sora חשף", "Sora הופך טקסט לווידאו",
           "האם ה-big data עזר לחדשנות?", ["עזר", "הזיק"]),
    "fa": ("Sora از OpenAI: محک واقعیت", "شکافی که سورا نشان داد", "سورا متن را به ویدیو تبدیل می‌کند",
           "آیا داده‌های بزرگ به نوآوری کمک کرد؟", ["کمک کرد", "مانع شد"]),
    "ur": ("OpenAI کا Sora: حقیقت کی جانچ", "وہ خلا جو سورا نے دکھایا", "سورا متن کو ویڈیو میں بدلتا ہے",
           "کیا بگ ڈیٹا نے جدت میں مدد کی؟", ["مدد کی", "رکاوٹ بنا"]),
}
"""Per right-to-left language: title (with Latin names), section, point, vote question, options."""
COMPLEX_FONTS = {"ar": "Noto Naskh Arabic", "fa": "Noto Naskh Arabic", "ur": "Noto Naskh Arabic", "he": "Arial"}
SOURCE = "Niranjana Dhumal — OpenAI's Sora: A Reality Check for China's AI Ambitions (2024)"


def _rtl_outline(folder: Path, language: str) -> Path:
    title, section, point, question, options = RTL_OUTLINES[language]
    path = folder / f"{language}.yaml"
    path.write_text(json.dumps({
        "title": title, "language": language, "start": "14:00",
        "source": {"title": "OpenAI's Sora: A Reality Check for China's AI Ambitions", "author": "Niranjana Dhumal",
                   "published": "2024"},
        "sections": [{"title": section, "points": [{"claim": point, "minutes": 8}]}],
        "questions": [{"prompt": question, "format": "vote", "options": options, "minutes": 2}],
    }, ensure_ascii=False), encoding="utf-8")
    return path


def _rtl_documents(runner: CliRunner, folder: Path, language: str) -> list[docx.document.Document]:
    outline = _rtl_outline(folder, language)
    made = []
    for command in ("guide", "handout"):
        target = folder / f"{language}-{command}.docx"
        assert runner.invoke(main, [command, str(outline), "-o", str(target)]).exit_code == 0
        made.append(docx.Document(str(target)))
    return made


def _is_on(element: object, tag: str) -> bool:
    found = element.find(f"{W}{tag}") if element is not None else None  # type: ignore[attr-defined]
    return found is not None and found.get(f"{W}val", "true") in ("1", "true", "on")


@pytest.mark.parametrize("language", sorted(RTL_OUTLINES))
def test_a_right_to_left_guide_and_handout_read_right_to_left_throughout(runner: CliRunner, tmp_path: Path,
                                                                         language: str) -> None:
    for document in _rtl_documents(runner, tmp_path, language):
        assert _is_on(document.sections[0]._sectPr, "bidi")
        normal = document.styles["Normal"].element
        assert _is_on(normal.pPr, "bidi")  # every paragraph style is based on Normal
        assert not any(p._p.pPr is not None and p._p.pPr.find(f"{W}bidi") is not None for p in document.paragraphs)
        assert document.tables and all(_is_on(t._tbl.tblPr, "bidiVisual") for t in document.tables)
        fonts, lang = normal.rPr.find(f"{W}rFonts"), normal.rPr.find(f"{W}lang")
        assert fonts.get(f"{W}cs") == COMPLEX_FONTS[language]
        assert (lang.get(f"{W}val"), lang.get(f"{W}bidi")) == (language, language)
        runs = [run for p in document.paragraphs for run in p.runs]
        runs += [run for t in document.tables for row in t.rows for c in row.cells for p in c.paragraphs for run in p.runs]
        for run in runs:
            letters = [ch for ch in run.text if ch.isalpha()]
            if letters:  # a run of the language's script is right to left, a run of Latin letters is not
                assert run.font.rtl is (True if not letters[0].isascii() else None), run.text


@pytest.mark.parametrize("language", sorted(RTL_OUTLINES))
def test_latin_text_in_a_right_to_left_document_keeps_its_order(runner: CliRunner, tmp_path: Path, language: str) -> None:
    guide, handout = _rtl_documents(runner, tmp_path, language)
    source = next(p for p in handout.paragraphs if "Niranjana" in p.text)
    assert source.text.endswith(SOURCE + "\u200e")  # the mark keeps the closing bracket with its year
    title = handout.paragraphs[0]
    assert "\u200e" not in title.text  # the title has the language's letters: it reads right to left
    assert [run.text for run in title.runs if "OpenAI" in run.text] == ["OpenAI"]  # its own left-to-right run


def test_an_arabic_guide_numbers_questions_in_arabic_and_counts_in_arabic(runner: CliRunner, tmp_path: Path) -> None:
    guide, _ = _rtl_documents(runner, tmp_path, "ar")
    headings = [p.text for p in guide.paragraphs if p.style is not None and p.style.name == "Heading 2"]
    assert "س1. هل ساعدت البيانات الضخمة الابتكار؟" in headings
    assert "تحليل · تصويت · دقيقتان · الشريحة 4" in [p.text for p in guide.paragraphs]  # two minutes: the dual


@pytest.mark.parametrize("language", [*sorted(RTL_OUTLINES), "en"])
def test_word_files_in_scripts_without_italics_slant_nothing(runner: CliRunner, tmp_path: Path, language: str) -> None:
    outline = _rtl_outline(tmp_path, language) if language != "en" else SPECS / "every-field.yaml"
    target = tmp_path / "guide.docx"
    assert runner.invoke(main, ["guide", str(outline), "-o", str(target)]).exit_code == 0
    document = docx.Document(str(target))
    runs = [run for p in document.paragraphs for run in p.runs]
    slanted = [s.name for s in document.styles if getattr(s, "font", None) is not None and s.font.italic]
    if language == "en":  # Latin text keeps its italics (the subtitle line, the Quote style of notes)
        assert any(run.italic for run in runs) and "Quote" in slanted
        return
    assert not any(run.italic or run.font.cs_italic for run in runs) and slanted == []
    assert any(run.bold for run in runs if "Niranjana" not in run.text)  # emphasis is weight


RTL_KITS = {
    "ar": ("س1. ", "تحليل · تصويت · دقيقتان · الشريحة 4", ["أ) ساعدت", "ب) أعاقت"]),
    "he": ("שאלה 1: ", "ניתוח · הצבעה · 2 דקות · שקף 4", ["א. עזר", "ב. הזיק"]),
    "fa": ("پرسش 1: ", "تحلیل · رأی‌گیری · 2 دقیقه · اسلاید 4", ["الف) کمک کرد", "ب) مانع شد"]),
    "ur": ("سوال 1: ", "تجزیہ · رائے شماری · 2 منٹ · سلائیڈ 4", ["(الف) مدد کی", "(ب) رکاوٹ بنا"]),
}
"""Per right-to-left language: the guide's question label, its meta line, the lettered vote options."""


@pytest.mark.parametrize("language", sorted(RTL_KITS))
def test_a_right_to_left_kit_numbers_counts_and_letters_in_its_language(runner: CliRunner, tmp_path: Path,
                                                                        language: str) -> None:
    number, meta, options = RTL_KITS[language]
    guide, handout = _rtl_documents(runner, tmp_path, language)
    texts = [p.text for p in guide.paragraphs]
    assert number + RTL_OUTLINES[language][3] in texts and meta in texts
    assert all(option in texts for option in options)  # lettered in the language's own letters
    ticked = [line for p in handout.paragraphs for line in p.text.split("\n") if line.startswith("☐")]
    assert [line.split(maxsplit=1)[1] for line in ticked] == options


def test_run_sheet_columns_are_wide_enough_for_their_header_words() -> None:
    from deckgen.app.word import CELL_PADDING, HEADER_FONT, HEADER_SIZE, column_widths
    from deckgen.plan.bidi import measured_family
    from deckgen.plan.labels import labels_for
    from deckgen.plan.metrics import metrics_for

    weights = (1.1, 1.0, 6.0, 0.9, 1.0)
    for language in ("ar", "es", "de", "en"):
        header = labels_for(language).run_sheet_columns
        widths = column_widths(header, weights, language)
        metrics = metrics_for(measured_family(HEADER_FONT, language))
        for text, width in zip(header, widths):
            assert width >= docx.shared.Pt(metrics.width_pt(text, HEADER_SIZE.pt, bold=True)) + CELL_PADDING, (language, text)
        assert abs(sum(widths) - sum(column_widths(("",) * 5, weights, language))) < 10  # the same text width
    english = column_widths(labels_for("en").run_sheet_columns, weights, "en")
    assert english == column_widths(("",) * 5, weights, "en")  # short English headers keep the weights


def test_an_arabic_handout_pdf_is_set_right_to_left(runner: CliRunner, writer: str, tmp_path: Path) -> None:
    outline = _rtl_outline(tmp_path, "ar")
    target = tmp_path / "handout.pdf"
    assert runner.invoke(main, ["handout", str(outline), "-o", str(target)]).exit_code == 0
    layout = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(target), "-"],
                            capture_output=True, text=True, check=True).stdout
    lines = [(float(a), float(b)) for a, b in re.findall(r'<line xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', layout)]
    right_margin = 595.3 - 56.7  # A4 less 20 mm
    assert len(lines) >= 6
    assert all(x_max > right_margin - 20 for _, x_max in lines)  # every line starts at the right margin
    assert sum(x_min > 300 for x_min, _ in lines) >= 4  # short lines end in the page's left half


# --------------------------------------------------------------------------- East Asian forms

HAN = "直骨今令化"
"""Characters simplified Chinese, traditional Chinese and Japanese draw differently."""


def _east_asian_outline(folder: Path, language: str) -> Path:
    path = folder / f"{language}.yaml"
    path.write_text(json.dumps({"title": f"{HAN} 讨论", "language": language,
                                "sections": [{"title": HAN, "points": [{"claim": HAN}]}],
                                "questions": [{"prompt": f"{HAN}？"}]}, ensure_ascii=False), encoding="utf-8")
    return path


def _glyph_names(pdf: Path) -> dict[str, set[str]]:
    """The glyphs a LibreOffice PDF draws each character with, by name in its embedded
    fonts. Noto Sans CJK's faces share one font program, whose name (NotoSansCJKjp) pdffonts
    shows for all of them; the glyphs tell the faces apart."""
    import zlib

    data = pdf.read_bytes()
    objects = {int(n): body for n, body in re.findall(rb"(\d+) 0 obj(.*?)endobj", data, re.S)}

    def stream(number: int) -> bytes:
        body = objects[number]
        start = body.index(b"stream") + 6
        start += 2 if body[start:start + 2] == b"\r\n" else 1
        return zlib.decompress(body[start:body.rindex(b"endstream")])

    found: dict[str, set[str]] = {}
    for body in objects.values():
        descriptor, to_unicode = re.search(rb"/FontDescriptor (\d+) 0 R", body), re.search(rb"/ToUnicode (\d+) 0 R", body)
        program = descriptor and re.search(rb"/FontFile (\d+) 0 R", objects[int(descriptor.group(1))])
        if not (program and to_unicode):
            continue
        names = {int(c): n.decode() for c, n in re.findall(rb"dup (\d+) /(\S+) put", stream(int(program.group(1))))}
        for code, text in re.findall(rb"<([0-9A-F]{2})>\s*<([0-9A-F]{4,})>", stream(int(to_unicode.group(1)))):
            if int(code, 16) in names:
                found.setdefault(bytes.fromhex(text.decode()).decode("utf-16-be"), set()).add(names[int(code, 16)])
    return found


@pytest.mark.parametrize(("language", "font"), [("zh-CN", "Noto Sans CJK SC"), ("zh-TW", "Noto Sans CJK TC"),
                                                ("zh-HK", "Noto Sans CJK HK"), ("ja", "Noto Sans CJK JP"),
                                                ("ko", "Noto Sans CJK KR")])
def test_word_files_name_the_east_asian_font_with_the_languages_forms(runner: CliRunner, tmp_path: Path,
                                                                      language: str, font: str) -> None:
    import zipfile

    target = tmp_path / "guide.docx"
    assert runner.invoke(main, ["guide", str(_east_asian_outline(tmp_path, language)), "-o", str(target)]).exit_code == 0
    normal = docx.Document(str(target)).styles["Normal"].element.rPr
    assert normal.find(f"{W}rFonts").get(f"{W}eastAsia") == font
    assert normal.find(f"{W}lang").get(f"{W}eastAsia") == language
    with zipfile.ZipFile(target) as package:  # the title and headings take the theme's fonts
        assert package.read("word/theme/theme1.xml").count(f'<a:ea typeface="{font}"/>'.encode()) == 2


def test_chinese_pdfs_draw_chinese_forms_not_japanese_ones(runner: CliRunner, writer: str, tmp_path: Path) -> None:
    """The kit's PDFs of a deck and a handout. LibreOffice shapes Noto Sans CJK with the forms
    of each run's language, so this checks the language tags as much as the fonts."""
    drawn: dict[tuple[str, str], dict[str, set[str]]] = {}
    for language in ("zh-CN", "zh-TW", "ja"):
        outline = _east_asian_outline(tmp_path, language)
        handout = tmp_path / f"{language}-handout.pdf"
        assert runner.invoke(main, ["handout", str(outline), "-o", str(handout)]).exit_code == 0
        drawn[language, "handout"] = _glyph_names(handout)
        if language != "zh-TW":
            assert runner.invoke(main, ["build", str(outline), "--pdf", "-o", str(tmp_path / f"{language}.pptx")]).exit_code == 0
            drawn[language, "slides"] = _glyph_names(tmp_path / f"{language}.pdf")
    for kind in ("handout", "slides"):
        chinese, japanese = drawn["zh-CN", kind], drawn["ja", kind]
        assert all(chinese[char] and chinese[char] != japanese[char] for char in HAN), kind
    assert drawn["zh-CN", "handout"]["骨"] != drawn["zh-TW", "handout"]["骨"]  # simplified and traditional forms differ


# --------------------------------------------------------------------------- build --kit


def _kit_build(runner: CliRunner, out: Path, *extra: str) -> str:
    result = runner.invoke(main, ["build", str(KIT), "--kit", "-o", str(out), *extra])  # every audience
    assert result.exit_code == 0, result.output
    return result.output


def test_build_kit_writes_every_file_and_a_notes_page_per_slide(runner: CliRunner, writer: str, tmp_path: Path) -> None:
    _kit_build(runner, tmp_path)
    for stem in ("kit", "kit-short"):
        for suffix in ("-guide.md", "-guide.docx", "-handout.docx", "-recap.docx", ".pdf", "-notes.pdf", "-handout.pdf"):
            assert (tmp_path / f"{stem}{suffix}").is_file(), f"{stem}{suffix}"
    deck = open_deck(tmp_path / "kit.pptx")
    notes_pdf = tmp_path / "kit-notes.pdf"
    assert int(_pdfinfo(notes_pdf)["Pages"]) == len(deck.slides)
    for number, slide in enumerate(deck.slides, start=1):
        first = notes_of(slide).splitlines()[0] if notes_of(slide) else ""
        page = " ".join(_pdftotext(notes_pdf, number).split())
        assert " ".join(first.split())[:30] in page
    for pdf in ("kit.pdf", "kit-notes.pdf", "kit-handout.pdf"):
        assert _pdfinfo(tmp_path / pdf)["Tagged"] == "yes"
    manifest = json.loads((tmp_path / ".deckgen-manifest.json").read_text(encoding="utf-8"))["decks"]
    assert {"kit-guide.md", "kit-guide.docx", "kit-handout.docx", "kit-recap.docx", "kit.pdf", "kit-notes.pdf",
            "kit-handout.pdf"} <= set(manifest)


def test_an_unchanged_kit_is_skipped_and_a_changed_outline_rebuilds_it(runner: CliRunner, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kit_pdfs, "soffice_path", lambda: None)
    monkeypatch.setattr("deckgen.app.pdf.soffice_path", lambda: None)
    outline = tmp_path / "kit.yaml"
    outline.write_text(KIT.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    runner.invoke(main, ["build", str(outline), "--kit", "-o", str(out)])
    assert "0 built, 2 skipped" in runner.invoke(main, ["build", str(outline), "--kit", "-o", str(out)]).output
    (out / "kit-guide.md").unlink()
    assert "1 built, 1 skipped" in runner.invoke(main, ["build", str(outline), "--kit", "-o", str(out)]).output
    outline.write_text(outline.read_text(encoding="utf-8").replace("Go round quickly.", "Go round."), encoding="utf-8")
    assert "2 built" in runner.invoke(main, ["build", str(outline), "--kit", "-o", str(out)]).output
    assert "> Go round." in (out / "kit-guide.md").read_text(encoding="utf-8").splitlines()


def test_without_libreoffice_the_kit_says_which_pdfs_it_skipped(runner: CliRunner, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kit_pdfs, "soffice_path", lambda: None)
    monkeypatch.setattr("deckgen.app.pdf.soffice_path", lambda: None)
    result = runner.invoke(main, ["build", str(KIT), "--kit", "--audience", "short", "-o", str(tmp_path)])
    assert result.exit_code == 0
    assert ("warning: LibreOffice (soffice) is not installed: skipped 3 PDF(s) of the kit "
            "(kit-short.pdf, kit-short-notes.pdf, kit-short-handout.pdf); install LibreOffice") in result.output
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == [
        "kit-short-guide.docx", "kit-short-guide.md", "kit-short-handout.docx", "kit-short-recap.docx", "kit-short.pptx"]


def test_a_new_outline_builds_a_kit_of_the_kit_names(runner: CliRunner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kit_pdfs, "soffice_path", lambda: None)
    monkeypatch.setattr("deckgen.app.pdf.soffice_path", lambda: None)
    outline = tmp_path / "seminar.yaml"
    assert runner.invoke(main, ["new", str(outline)]).exit_code == 0
    result = runner.invoke(main, ["build", str(outline), "--kit", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "seminar-guide.docx", "seminar-guide.md", "seminar-handout.docx", "seminar-recap.docx", "seminar.pptx"]


def test_without_writer_the_kit_skips_only_the_handout_pdfs(runner: CliRunner, soffice: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kit_pdfs, "writer_missing", lambda: True)
    monkeypatch.setattr("deckgen.app.pdf.writer_missing", lambda: True)
    build = ["build", str(KIT), "--kit", "--audience", "short", "-o", str(tmp_path)]
    result = runner.invoke(main, build)
    assert result.exit_code == 0, result.output
    assert "warning: LibreOffice Writer is not installed: skipped 1 handout PDF(s) (kit-short-handout.pdf)" in result.output
    assert (tmp_path / "kit-short-notes.pdf").is_file() and not (tmp_path / "kit-short-handout.pdf").exists()
    assert "0 built, 1 skipped" in runner.invoke(main, build).output


# --------------------------------------------------------------------------- shared PDF export


def test_a_failing_file_is_reported_without_losing_the_rest_and_each_pdf_has_its_language(soffice: str, tmp_path: Path, runner: CliRunner) -> None:
    assert runner.invoke(main, ["build", str(KIT), "--all-audiences", "-o", str(tmp_path)]).exit_code == 0
    broken = tmp_path / "broken.pptx"
    broken.write_bytes(b"PK\x03\x04 this is not a deck")
    conversions = [Conversion(tmp_path / "kit.pptx", tmp_path / "a.pdf"), Conversion(broken, tmp_path / "b.pdf"),
                   Conversion(tmp_path / "kit-short.pptx", tmp_path / "c.pdf", language="zh-CN")]
    failures = convert_all(conversions, processes=1)
    assert (tmp_path / "a.pdf").is_file() and (tmp_path / "c.pdf").is_file()
    assert b"/Lang(zh-CN)" in (tmp_path / "c.pdf").read_bytes()  # the PDF's language property
    assert [f.conversion.source for f in failures] == [broken]
    assert failures[0].message.startswith(f"{broken}: LibreOffice could not convert it to b.pdf")


# --------------------------------------------------------------------------- watch


def test_watch_rebuilds_when_the_outline_is_saved(tmp_path: Path) -> None:
    import threading
    import time

    from deckgen.app.batch import build_batch
    from deckgen.app.watch import watch_outline

    outline = tmp_path / "kit.yaml"
    outline.write_text(KIT.read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "out"
    stop = threading.Event()
    statuses: list[str] = []

    def rebuild() -> None:
        statuses.extend(r.status for r in build_batch([outline], out).results)

    watcher = threading.Thread(target=watch_outline, args=(outline, out, rebuild, stop))
    watcher.start()
    try:
        deadline = time.monotonic() + 60
        while not statuses and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1)  # let the watcher start before the save
        outline.write_text(outline.read_text(encoding="utf-8").replace("Ask why.", "Ask how."), encoding="utf-8")
        while len(statuses) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
    finally:
        stop.set()
        watcher.join(timeout=10)
    assert statuses[:2] == ["built", "built"]
    assert "Ask how." in "".join(notes_of(s) for s in open_deck(out / "kit.pptx").slides)


def test_watch_ignores_its_own_outputs_and_temporary_files(tmp_path: Path) -> None:
    from deckgen.app.watch import is_input_change

    out = tmp_path / "build"
    assert is_input_change(tmp_path / "kit.yaml", out)
    assert is_input_change(tmp_path / "images" / "a.png", out)
    assert not is_input_change(out / "kit.pptx", out)
    assert not is_input_change(tmp_path / ".kit.yaml.swp", out)
    assert not is_input_change(tmp_path / "notes.txt", out)


@pytest.mark.parametrize("outline_path", sorted((Path(__file__).resolve().parent.parent / "outlines").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_no_handout_of_any_bundled_outline_or_audience_holds_a_facilitator_note(outline_path: Path) -> None:
    from deckgen.app.handout import handout_document
    from deckgen.app.markdown import document_markdown
    from deckgen.outline.loader import load_variants

    for outline in load_variants(outline_path):
        text = " ".join(document_markdown(handout_document(outline)).split())
        notes = [q.notes for q in outline.questions] + [s.notes for s in outline.sections]
        notes += [p.notes for s in outline.sections for p in s.points]
        for note in filter(None, notes):
            for sentence in re.split(r"(?<=[.!?。！？])\s*", note):
                if len(sentence) > 25:
                    assert " ".join(sentence.split()) not in text, (outline.stem, sentence)
        for question in outline.questions:
            assert question.prompt.split()[0] in text


def test_a_call_past_its_timeout_is_stopped_and_reported(soffice: str, tmp_path: Path, runner: CliRunner,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from deckgen.app import pdf

    assert runner.invoke(main, ["build", str(KIT), "-o", str(tmp_path / "kit.pptx")]).exit_code == 0
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_BASE_S", 0.05)
    monkeypatch.setattr(pdf, "CALL_TIMEOUT_PER_FILE_S", 0)
    monkeypatch.setattr(pdf, "CONVERT_TIMEOUT_S", 0.05)
    failures = convert_all([Conversion(tmp_path / "kit.pptx", tmp_path / "kit.pdf")])
    assert [f.message for f in failures] == [
        f"{soffice}: made no PDF within 0.05 s and was stopped: 1 PDF(s) not made ({tmp_path / 'kit.pdf'}); "
        f"check that '{soffice} --headless --convert-to pdf FILE' works on this machine "
        "(a dialog waiting for an answer or a damaged installation makes LibreOffice hang)"]
    assert not (tmp_path / "kit.pdf").exists()
