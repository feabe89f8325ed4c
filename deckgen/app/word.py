"""Write a :class:`~deckgen.app.document.Document` as a Word file (.docx) with python-docx.

Real heading styles (so Word's navigation pane and a PDF's bookmarks see the structure),
real tables with a repeating header row, Word's own list and quote styles, the document's
language and title in its properties. The page is A4, and its text area also fits a US
Letter page, so the file prints on either. Same document in, same bytes out.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph

from deckgen.app.document import (
    TICK_BOX,
    Block,
    Bullets,
    Document,
    Heading,
    Notes,
    PageBreak,
    Para,
    Span,
    SpanStyle,
    Table,
    TickBoxes,
    WritingSpace,
)
from deckgen.app.markdown import InlineRun, inline_runs

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
"""A4."""
SIDE_MARGIN, END_MARGIN = Mm(20), Mm(29)
"""Text area 170 x 239 mm: inside both A4 (210 x 297) and US Letter (215.9 x 279.4)."""
TEXT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
LINE_HEIGHT = Mm(9)
"""Height of one ruled writing line."""
EAST_ASIAN_FONTS = {"zh-hans": "Noto Sans CJK SC", "zh-hant": "Noto Sans CJK TC", "ja": "Noto Sans CJK JP", "ko": "Noto Sans CJK KR"}
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""Created/modified time written when no date is known, so builds are reproducible."""


def document_docx(document: Document, east_asian_font: str | None = None, when: dt.datetime | None = None) -> bytes:
    """The whole document as the bytes of a .docx file."""
    word = docx.Document()
    _page(word)
    _properties(word, document, when or FIXED_TIME)
    _language(word, document.language, east_asian_font)
    for block in document.blocks:
        _block(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _page(word: WordDocument) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = SIDE_MARGIN
    section.top_margin = section.bottom_margin = END_MARGIN


def _properties(word: WordDocument, document: Document, when: dt.datetime) -> None:
    props = word.core_properties
    props.title = document.title
    props.language = document.language
    props.author = document.author or ""
    props.subject = document.subject or ""
    props.last_modified_by = "deckgen"
    props.comments = ""
    props.revision = 1
    props.created = props.modified = when.replace(tzinfo=None)


def _language(word: WordDocument, language: str, east_asian_font: str | None) -> None:
    """Tag all text with the document's language (spelling, screen readers, PDF /Lang)."""
    rpr = word.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language if east_asian_font else "zh-CN")
    rpr.append(lang)
    if east_asian_font:
        fonts = rpr.get_or_add_rFonts()
        fonts.set(qn("w:eastAsia"), east_asian_font)


def _block(word: WordDocument, block: Block) -> None:
    if isinstance(block, Heading):
        _runs(word.add_paragraph(style="Title" if block.level == 1 else f"Heading {block.level - 1}"), block.spans)
    elif isinstance(block, Para):
        _runs(word.add_paragraph(), block.spans)
    elif isinstance(block, Bullets):
        for level, spans in block.items:
            _runs(word.add_paragraph(style="List Bullet" if level == 0 else f"List Bullet {min(level, 2) + 1}"), spans)
    elif isinstance(block, Notes):
        for line in block.lines:
            if line.strip():
                _runs(word.add_paragraph(style="Quote"), (Span(line, markdown=True),))
    elif isinstance(block, Table):
        _table(word, block)
    elif isinstance(block, TickBoxes):
        _tick_boxes(word, block.options)
    elif isinstance(block, WritingSpace):
        _writing_space(word, block.lines)
    elif isinstance(block, PageBreak):
        word.add_page_break()  # type: ignore[no-untyped-call]


def _runs(paragraph: WordParagraph, spans: Sequence[Span]) -> None:
    for span in spans:
        runs = inline_runs(span.text) if span.markdown else [InlineRun(span.text)]
        for piece in runs:
            _run(paragraph, piece, span)


def _run(paragraph: WordParagraph, piece: InlineRun, span: Span) -> None:
    text = piece.text if piece.href is None or piece.href == piece.text else f"{piece.text} ({piece.href})"
    run = paragraph.add_run(text)
    if piece.strong or span.style == "strong":
        run.bold = True
    if piece.emphasis or span.style == "emphasis":
        run.italic = True
    if piece.code:
        run.font.name = "Liberation Mono"


def _table(word: WordDocument, block: Table) -> None:
    table = word.add_table(rows=1 + len(block.rows), cols=len(block.header))
    table.style = word.styles["Light Grid Accent 1"]
    table.autofit = False
    for cell, text in zip(table.rows[0].cells, block.header):
        _runs(cell.paragraphs[0], (Span(text, "strong"),))
    _repeat_header(table)
    for index, (row, values) in enumerate(zip(table.rows[1:], block.rows)):
        for column, (cell, text) in enumerate(zip(row.cells, values)):
            style: SpanStyle = "strong" if (index, column) in block.strong_cells else "plain"
            _runs(cell.paragraphs[0], (Span(text, style, markdown=True),))
    _widths(table, block.widths or (1.0,) * len(block.header))
    word.add_paragraph()


def _repeat_header(table: WordTable) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def _widths(table: WordTable, weights: Sequence[float]) -> None:
    total = sum(weights)
    for column, weight in zip(table.columns, weights):
        width = int(TEXT_WIDTH * weight / total)
        column.width = width
        for cell in column.cells:
            cell.width = width


def _tick_boxes(word: WordDocument, options: Sequence[str]) -> None:
    for option in options:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(5)
        box = paragraph.add_run(f"{TICK_BOX}  ")
        box.font.size = Pt(14)
        _runs(paragraph, (Span(option, markdown=True),))


def _keep_with_question(word: WordDocument) -> None:
    """Keep the paragraphs since the last heading on the page of the lines that follow them."""
    for paragraph in reversed(word.paragraphs):
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.style is not None and (paragraph.style.name or "").startswith("Heading"):
            return


def _writing_space(word: WordDocument, lines: int) -> None:
    """Ruled lines: a one-column table whose rows show only their bottom rule, kept on one
    page with the question above them."""
    _keep_with_question(word)
    table = word.add_table(rows=lines, cols=1)
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        visible = edge in ("bottom", "insideH")
        border.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            border.set(qn("w:sz"), "4")
            border.set(qn("w:color"), "A6A6A6")
        borders.append(border)
    table._tbl.tblPr.append(borders)
    for index, row in enumerate(table.rows):
        row.height = LINE_HEIGHT
        row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
        row.cells[0].paragraphs[0].paragraph_format.keep_with_next = index < lines - 1
    word.add_paragraph()


def _reproducible_zip(data: bytes) -> bytes:
    """The same .docx with fixed entry times (python-docx stamps the current time)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, source.read(info.filename))
    return buffer.getvalue()
