"""Hostile input, round three: chart labels in the embedded workbook, and outline text in the guide.

- chart labels that look like formulas (``=WEBSERVICE(...)``, ``{=1+1}``, ``=cmd|' /C calc'!A0``)
  or links (``https://``, ``mailto:``, ``external:``) are written into the chart's workbook
  as text, verbatim: no formula Excel would run, no link
- a chart label that is a web address too long for Excel writes no library warning, and a
  warning any library raises during a build is one escaped ``warning:`` line
- outline text in the Markdown guide (``deckgen guide``, ``build --kit``): ``<script>``,
  ``<img onerror>``, ``<a href="javascript:...">``, comments, entities such as ``&amp;``, remote
  images and ``~~~`` show literally, as on the slide; links only to web pages and e-mail
  addresses, in the Word guide too
- charts python-pptx took minutes over: 40,000 categories (a workbook column written in
  quadratic time) and 16,400 series (python-pptx failed at Excel's last column after 90 s);
  both are refused at the value now (charts hold at most 50 series and 1,000 categories)
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from deckgen.app.document import Document, Para, outline_text
from deckgen.app.markdown import document_markdown
from deckgen.app.word import document_docx
from deckgen.outline.inline import plain
from tests.test_hostile import Hostile, assert_clean, deckgen

FORMULAS = ['=WEBSERVICE("http://127.0.0.1:9/x")', "{=1+1}", "=cmd|' /C calc'!A0", '=HYPERLINK("http://127.0.0.1:9","x")',
            "@SUM(1+1)", "+1+1", "-1+1"]
LINKS = ["https://example.org/a", "mailto:a@example.org", "external:c:\\x.xlsx", "ftp://example.org/f"]
LONG_URL = "https://example.org/" + "x" * 2100 + "\nerror: forged"
"""Past Excel's 2,079 characters for a link; it ends in a line that looks like deckgen's own error."""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def chart_outline(categories: list[str], names: list[str]) -> str:
    """An outline of one point whose chart has these category labels and series names."""
    series = "".join(f"            - {{name: {_quoted(name)}, values: [{', '.join(['1'] * len(categories))}]}}\n"
                     for name in names)
    return ("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        chart:\n          type: column\n"
            f"          categories: [{', '.join(map(_quoted, categories))}]\n          series:\n{series}"
            "          alt: A chart\n")


def _chart_outline(categories: list[str], names: list[str]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(chart_outline(categories, names), encoding="utf-8")
    return setup


HTML_TEXTS = {
    "title": "Title <script>alert(1)</script> &amp; R&D",
    "thesis": "&lt;b&gt; &#60;i&#62; &copy; <img src=x onerror=alert(1)>",
    "summary": '<a href="javascript:alert(1)">click</a>',
    "claim": "Claim <style>body{display:none}</style>",
    "notes": 'Note <iframe src="file:///etc/passwd"></iframe>',
    "takeaway": "<u>u</u> &nbsp; <b onmouseover=alert(1)>b</b>",
    "alt": "Alt <svg onload=alert(1)>",
}
HTML_EVIDENCE = ["<!-- hidden -->shown", "![remote](https://tracker.example/p.png)", "~~~", "~~struck~~",
                 "<https://example.org/auto> and [mail](mailto:a@example.org)", "*em*, **strong** and `<code>`",
                 "a\\*b\\_c", "<?php echo 1; ?> <![CDATA[x]]>", "[x]: https://example.org/definition"]
HTML_CHART = (["<img src=x>", "**bold**"], "<b>s</b>")


def html_outline() -> str:
    """An outline whose every kind of text is HTML, entities or Markdown a guide could misread."""
    texts = {key: _quoted(value) for key, value in HTML_TEXTS.items()}
    categories, name = HTML_CHART
    return (f"title: {texts['title']}\nthesis: {texts['thesis']}\nsections:\n  - title: S\n"
            f"    summary: {texts['summary']}\n    points:\n      - claim: {texts['claim']}\n"
            f"        evidence: [{', '.join(map(_quoted, HTML_EVIDENCE))}]\n        notes: {texts['notes']}\n"
            f"        chart: {{type: column, categories: [{', '.join(map(_quoted, categories))}], "
            f"series: [{{name: {_quoted(name)}, values: [1, 2]}}], alt: {texts['alt']}}}\n"
            f"takeaways: [{texts['takeaway']}]\n")


def _html_outline(folder: Path) -> None:
    (folder / "in.yaml").write_text(html_outline(), encoding="utf-8")


def _wide_chart(categories: int, series: int) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        values = ", ".join(["1"] * categories)
        (folder / "in.yaml").write_text(
            "title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        chart:\n          type: column\n"
            f"          categories: [{', '.join(f'c{n}' for n in range(categories))}]\n          series:\n"
            + "".join(f"            - {{name: s{n}, values: [{values}]}}\n" for n in range(series))
            + "          alt: A chart\n", encoding="utf-8")
    return setup


CORPUS = [
    Hostile("chart-labels-that-look-like-formulas", _chart_outline(FORMULAS, FORMULAS[:2]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    Hostile("chart-labels-that-look-like-links", _chart_outline(LINKS, LINKS[:2]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    Hostile("chart-label-a-web-address-too-long-for-excel", _chart_outline(["a", LONG_URL], [LONG_URL]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    Hostile("chart-of-40000-categories", _wide_chart(40_000, 1), ("build", "in.yaml", "-o", "out"), 1,
            "a series may have at most 1,000; one per category"),
    Hostile("chart-of-16400-series", _wide_chart(1, 16_400), ("build", "in.yaml", "-o", "out"), 1,
            "in.yaml:10:13: sections[0].points[0].chart.series: has 16,400 series; a chart may have at most 50; "
            "show fewer series, or split it into several charts"),
    Hostile("guide-of-outline-text-with-html", _html_outline, ("guide", "in.yaml", "-o", "g.md"), 0, "wrote g.md"),
    Hostile("kit-of-outline-text-with-html", _html_outline, ("build", "in.yaml", "-o", "out", "--kit"), 0,
            "built out/in.pptx", {"PATH": "/nonexistent"}),  # no LibreOffice: the kit without its PDFs, quickly
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    output = result.stdout + result.stderr
    assert result.returncode == case.exit_code, output
    assert case.message in output
    assert_clean(result, tmp_path)
    assert "Warning" not in output and "warn(" not in output, output  # no library warning, raw or not
    assert not re.search(r"^error: forged", output, re.M), output


# --------------------------------------------------------------------------- the chart's workbook


def _workbook(deck: Path) -> zipfile.ZipFile:
    """The workbook embedded in the deck's one chart."""
    with zipfile.ZipFile(deck) as package:
        embedded = [name for name in package.namelist() if name.startswith("ppt/embeddings/") and name.endswith(".xlsx")]
        assert len(embedded) == 1, embedded
        return zipfile.ZipFile(io.BytesIO(package.read(embedded[0])))


def _cell_texts(workbook: zipfile.ZipFile) -> list[str]:
    """The text of every cell that holds text, shared or inline, in sheet order."""
    from lxml import etree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    shared = [("".join(item.itertext())) for item in etree.fromstring(workbook.read("xl/sharedStrings.xml")).iter(f"{main}si")]
    sheet = etree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    texts = []
    for cell in sheet.iter(f"{main}c"):
        if cell.get("t") == "s":
            texts.append(shared[int(cell.findtext(f"{main}v"))])
        elif cell.get("t") == "inlineStr":
            texts.append("".join(cell.find(f"{main}is").itertext()))
    return texts


@pytest.mark.parametrize("labels", [FORMULAS, LINKS, ["a", LONG_URL]], ids=["formulas", "links", "long-url"])
def test_chart_labels_are_text_in_the_workbook(labels: list[str], tmp_path: Path) -> None:
    _chart_outline(labels, labels[:2])(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    workbook = _workbook(tmp_path / "out" / "in.pptx")
    sheet = workbook.read("xl/worksheets/sheet1.xml")
    assert b"<f" not in sheet  # no formula, not even an array formula
    assert b"<hyperlink" not in sheet
    assert not [name for name in workbook.namelist() if name.startswith("xl/worksheets/_rels/")]  # no link to anywhere
    texts = _cell_texts(workbook)
    assert texts[:2] == labels[:2]  # the series names, verbatim
    assert texts[2:] == labels  # the categories, verbatim


def test_number_like_labels_stay_text_in_the_workbook(tmp_path: Path) -> None:
    _chart_outline(["2024", "1e5", "0x10"], ["42"])(tmp_path)
    assert deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path).returncode == 0
    assert _cell_texts(_workbook(tmp_path / "out" / "in.pptx")) == ["42", "2024", "1e5", "0x10"]


# --------------------------------------------------------------------------- library warnings


def test_a_library_warning_during_a_build_is_one_escaped_warning_line(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckgen.cli import main
    from deckgen.render.deck import charts

    monkeypatch.setattr(charts, "WORKBOOK_OPTIONS", {"in_memory": True})  # XlsxWriter's defaults: it warns on the label
    _chart_outline(["a", LONG_URL], ["s"])(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "in.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    quoted = f"Ignoring URL '{LONG_URL}"[:200] + "…"  # cut short: the label goes on for 2,000 characters
    assert warned == [f"warning: in.yaml: a library warned (UserWarning): {quoted}"]
    assert not [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_warning_no_command_caught_is_one_escaped_line(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from deckgen.cli.main import _show_warning

    monkeypatch.setattr(warnings, "showwarning", _show_warning)  # as the deckgen command does
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("Ignoring 'x'\nerror: forged\x1b[2J", UserWarning)
    assert capsys.readouterr().err == "warning: a library warned (UserWarning): Ignoring 'x'\\nerror: forged\\x1b[2J\n"


# --------------------------------------------------------------------------- the guide


class _Rendered(HTMLParser):
    """What a Markdown viewer shows of rendered HTML: each block's text, every tag, every href."""

    BLOCKS = ("h1", "h2", "h3", "h4", "p", "li", "td", "th")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.texts: list[str] = []
        self.tags: set[str] = set()
        self.hrefs: list[str] = []
        self._open: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.hrefs += [value or "" for name, value in attrs if name in ("href", "src")]
        if tag in self.BLOCKS:
            self._open.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag in self.BLOCKS and self._open:
            text = "".join(self._open.pop())
            self.texts.append(text)
            if self._open:
                self._open[-1].append(text)

    def handle_data(self, data: str) -> None:
        if self._open:
            self._open[-1].append(data)


def rendered(markdown: str) -> _Rendered:
    """The guide as a CommonMark viewer that passes HTML through shows it."""
    from markdown_it import MarkdownIt

    page = _Rendered()
    page.feed(MarkdownIt("commonmark", {"html": True}).render(markdown))
    page.close()
    return page


def _slide_texts(deck: Path) -> set[str]:
    from pptx import Presentation

    texts = set()
    for slide in Presentation(str(deck)).slides:
        frames = [shape.text_frame for shape in slide.shapes if shape.has_text_frame]
        if slide.has_notes_slide:
            frames.append(slide.notes_slide.notes_text_frame)
        texts.update(paragraph.text for frame in frames for paragraph in frame.paragraphs)
    return texts


def assert_guide_shows_the_slide_text(markdown: str, deck: Path) -> None:
    """No tag but Markdown's own, links only to web pages and mail, every outline text as its slide shows it."""
    page = rendered(markdown)
    assert page.tags <= {"h1", "h2", "h3", "p", "em", "strong", "code", "a", "ul", "li", "blockquote", "br", "hr"}, page.tags
    assert all(re.match(r"(https?|mailto):", href) for href in page.hrefs), page.hrefs
    on_slides = _slide_texts(deck)
    categories, name = HTML_CHART
    for text in [*HTML_TEXTS.values(), *HTML_EVIDENCE]:
        slide_text = plain(text)
        if text != HTML_TEXTS["alt"]:  # the alt text is the chart's description, not slide text
            assert slide_text in on_slides, (text, sorted(on_slides))
        assert slide_text in page.texts or f"Chart (column): {slide_text}" in page.texts, (text, page.texts)
    assert f"{plain(name)} — {plain(categories[0])}: 1, {plain(categories[1])}: 2" in page.texts


def test_the_markdown_guide_shows_outline_text_as_the_slides_do(tmp_path: Path) -> None:
    _html_outline(tmp_path)
    assert deckgen("build", "in.yaml", "-o", "in.pptx", cwd=tmp_path).returncode == 0
    result = deckgen("guide", "in.yaml", "-o", "g.md", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert_guide_shows_the_slide_text((tmp_path / "g.md").read_text(encoding="utf-8"), tmp_path / "in.pptx")


def test_the_kit_guide_shows_outline_text_as_the_slides_do(tmp_path: Path) -> None:
    _html_outline(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", "--kit", cwd=tmp_path, env={"PATH": "/nonexistent"})
    assert result.returncode == 0, result.stderr
    assert_guide_shows_the_slide_text((tmp_path / "out" / "in-facilitator.md").read_text(encoding="utf-8"),
                                      tmp_path / "out" / "in.pptx")
    word = docx.Document(str(tmp_path / "out" / "in-facilitator.docx"))
    shown = [paragraph.text for paragraph in word.paragraphs]
    assert plain(HTML_TEXTS["summary"]) in shown and plain(HTML_TEXTS["title"]) in shown


def test_the_guide_links_only_to_web_pages_and_mail(tmp_path: Path) -> None:
    """A document built by the Python API may carry any text: both writers drop other link targets."""
    text = "[bad](javascript:alert(1)) [share](file://host/s) [good](https://example.org/g) <mailto:a@example.org>"
    document = Document("T", "en", (Para((outline_text(text),)),))
    page = rendered(document_markdown(document))
    assert page.hrefs == ["https://example.org/g", "mailto:a@example.org"]
    assert page.texts == ["bad share good mailto:a@example.org"]
    (tmp_path / "g.docx").write_bytes(document_docx(document))
    with zipfile.ZipFile(tmp_path / "g.docx") as word:
        xml = b"".join(word.read(name) for name in word.namelist() if name.endswith((".xml", ".rels")))
    assert b"javascript:" not in xml and b"file://host" not in xml
    assert docx.Document(str(tmp_path / "g.docx")).paragraphs[-1].text == (
        "bad share good (https://example.org/g) mailto:a@example.org")
