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
from tests.deck_helpers import notes_of, open_deck, title_of

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


def test_handout_has_questions_tick_boxes_and_space_but_no_facilitator_notes(runner: CliRunner, tmp_path: Path) -> None:
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
    assert "Analysis · Vote" in text and "Reflection · Write" in text
    assert "Read the article (about 10 minutes)." in text and "https://example.org/sora" in text
    document = docx.Document(str(target))
    ruled = [t for t in document.tables if len(t.columns) == 1]
    assert len(ruled) == len(outline.questions)
    headings = [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert headings[-1] == "Takeaways"


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


# --------------------------------------------------------------------------- build --kit


def _kit_build(runner: CliRunner, out: Path, *extra: str) -> str:
    result = runner.invoke(main, ["build", str(KIT), "--kit", "-o", str(out), *extra])  # every audience
    assert result.exit_code == 0, result.output
    return result.output


def test_build_kit_writes_every_file_and_a_notes_page_per_slide(runner: CliRunner, writer: str, tmp_path: Path) -> None:
    _kit_build(runner, tmp_path)
    for stem in ("kit", "kit-short"):
        for suffix in ("-guide.md", "-guide.docx", "-handout.docx", ".pdf", "-notes.pdf", "-handout.pdf"):
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
    assert {"kit-guide.md", "kit-guide.docx", "kit-handout.docx", "kit.pdf", "kit-notes.pdf", "kit-handout.pdf"} <= set(manifest)


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
        "kit-short-guide.docx", "kit-short-guide.md", "kit-short-handout.docx", "kit-short.pptx"]


def test_a_new_outline_builds_a_kit_of_the_kit_names(runner: CliRunner, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kit_pdfs, "soffice_path", lambda: None)
    monkeypatch.setattr("deckgen.app.pdf.soffice_path", lambda: None)
    outline = tmp_path / "seminar.yaml"
    assert runner.invoke(main, ["new", str(outline)]).exit_code == 0
    result = runner.invoke(main, ["build", str(outline), "--kit", "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir() if not p.name.startswith(".")) == [
        "seminar-guide.docx", "seminar-guide.md", "seminar-handout.docx", "seminar.pptx"]


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
