"""Write a :class:`~deckgen.app.document.Document` as a Word file (.docx) with python-docx.

Real heading styles (so Word's navigation pane and a PDF's bookmarks see the structure),
real tables with a repeating header row, Word's own list and quote styles, the document's
language and title in its properties. The page is A4, and its text area also fits a US
Letter page, so the file prints on either. A right-to-left document (Arabic, Hebrew,
Persian, Urdu) reads right to left throughout: section, paragraphs, tables (first column on
the right) and runs of its script (``w:rtl``); text reading the other way keeps its order
(:mod:`deckgen.plan.textdirection`). Same document in, same bytes out.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Sequence
from typing import TYPE_CHECKING

import docx
from docx.document import Document as WordDocument
from docx.enum.table import WD_ROW_HEIGHT_RULE, WD_TABLE_DIRECTION
from docx.enum.text import WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.shared import Length, Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run as WordRun

from deckgen.app.document import (
    TICK_BOX,
    Block,
    Bullets,
    CutLine,
    Document,
    Heading,
    Notes,
    PageBreak,
    Para,
    Picture,
    Span,
    SpanStyle,
    Table,
    TickBoxes,
    WritingSpace,
)
from deckgen.app.markdown import InlineRun, inline_runs
from deckgen.app.word_borders import (PPR_AFTER_BORDER, TBLPR_AFTER_BORDERS, dashed_top, grid_borders, no_borders,
                                      ruled_borders, shaded)
from deckgen.app.word_brand import add_link_style, apply_brand, branded_theme
from deckgen.app.word_language import WordLanguage, apply_language, theme_part, themed, word_language
from deckgen.app.word_links import addresses_linked, linked
from deckgen.outline.inline import allowed_link
from deckgen.plan.bidi import measured_family
from deckgen.plan.metrics import metrics_for
from deckgen.plan.textdirection import closing_mark, direction_runs, reads_right_to_left

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PaperBrand

PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
"""A4."""
SIDE_MARGIN, END_MARGIN = Mm(20), Mm(29)
"""Text area 170 x 239 mm: inside both A4 (210 x 297) and US Letter (215.9 x 279.4)."""
TEXT_WIDTH = PAGE_WIDTH - 2 * SIDE_MARGIN
LINE_HEIGHT = Mm(8)
"""Height of one ruled writing line."""
SPACER = Pt(8)
"""Height of the empty paragraph after ruled lines."""
TICK_SIZE, TICK_SPACING = Pt(13), Pt(6)
"""A tick box's size; the room after a vote's last option."""
HEADER_FONT, HEADER_SIZE = "Calibri", Pt(11)
"""What a table's header row is measured in (bold; a brand's body font is about as wide)."""
HEADER_COLOUR = "1F4E79"
"""A table header's fill without a brand: a dark blue white text reads on."""
QR_GAP = Mm(6)
"""Room between a picture and the text beside it."""
CELL_PADDING = Pt(13)
"""Room in a column beside its text: the cell margins (5.4 pt each side) and the borders."""
FIXED_TIME = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""Created/modified time written when no date is known, so builds are reproducible."""


def document_docx(document: Document, when: dt.datetime | None = None, brand: PaperBrand | None = None) -> bytes:
    """The whole document as the bytes of a .docx file, in ``brand``'s fonts and colour
    (python-docx's own without one)."""
    word = docx.Document()
    language = word_language(document.language)
    _page(word)
    _properties(word, document, when or FIXED_TIME)
    apply_language(word, language)
    colour = brand.colour if brand is not None else HEADER_COLOUR
    if brand is not None:
        apply_brand(word, brand)
    add_link_style(word, colour)
    writer = _Writer(word, language, colour)
    for block in document.blocks:
        writer.block(block)
    theme_name, theme = theme_part(word)
    theme = branded_theme(theme, brand) if brand is not None else theme
    own_theme = themed(theme, language) or (theme if brand is not None else None)
    buffer = io.BytesIO()
    word.save(buffer)
    return _reproducible_zip(buffer.getvalue(), {theme_name: own_theme} if own_theme else {})


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


class _Writer:
    """Adds blocks to a Word document in its language's direction."""

    def __init__(self, word: WordDocument, language: WordLanguage, colour: str = HEADER_COLOUR) -> None:
        self.word = word
        self.language = language
        self.rtl = language.right_to_left
        self.colour = colour
        """The brand colour: table headers, cut lines."""

    def block(self, block: Block) -> None:
        """Add one block of the document."""
        word = self.word
        if isinstance(block, Heading):
            self.runs(word.add_paragraph(style="Title" if block.level == 1 else f"Heading {block.level - 1}"), block.spans)
        elif isinstance(block, Para):
            self.runs(word.add_paragraph(), block.spans)
        elif isinstance(block, Bullets):
            for level, spans in block.items:
                self.runs(word.add_paragraph(style="List Bullet" if level == 0 else f"List Bullet {min(level, 2) + 1}"), spans)
        elif isinstance(block, Notes):
            for line in block.lines:
                if line.strip():
                    self.runs(word.add_paragraph(style="Quote"), (Span(line, markdown=True),))
        elif isinstance(block, Table):
            self.table(block)
        elif isinstance(block, TickBoxes):
            self.tick_boxes(block.options)
        elif isinstance(block, WritingSpace):
            self.writing_space(block.lines)
        elif isinstance(block, Picture):
            self.picture(block)
        elif isinstance(block, CutLine):
            self.cut_line(block.label)
        elif isinstance(block, PageBreak):
            word.add_page_break()  # type: ignore[no-untyped-call]

    def runs(self, paragraph: WordParagraph, spans: Sequence[Span]) -> None:
        """Each span's runs; a span reading against the line ends with a mark of its direction."""
        for span in spans:
            pieces = addresses_linked(inline_runs(span.text) if span.markdown else [InlineRun(span.text)])
            texts = [_shown(piece) for piece in pieces]
            own = reads_right_to_left("".join(texts), self.rtl)
            mark = closing_mark("".join(texts), self.rtl)
            for index, (piece, text) in enumerate(zip(pieces, texts)):
                last = index == len(pieces) - 1
                href = span.href or piece.href
                for part, rtl in direction_runs(text + (mark if last else ""), own):
                    run = self.run(paragraph, part, rtl, piece, span)
                    if href is not None and allowed_link(href):
                        linked(paragraph, run, href)

    def run(self, paragraph: WordParagraph, text: str, rtl: bool, piece: InlineRun, span: Span) -> WordRun:
        """One run of one direction; right-to-left runs are marked so, bold and italic for
        their script too (Word sets complex-script text by ``w:bCs``, ``w:iCs``). Emphasis
        in a script without italics is bold, as on the slides."""
        run = paragraph.add_run(text)
        emphasis = piece.emphasis or span.style == "emphasis"
        if piece.strong or span.style == "strong" or emphasis and self.language.upright:
            run.bold = True
            if rtl:
                run.font.cs_bold = True
        elif emphasis:
            run.italic = True
            if rtl:
                run.font.cs_italic = True
        if piece.code:
            run.font.name = "Liberation Mono"
        if rtl:
            run.font.rtl = True
        return run

    def table(self, block: Table) -> None:
        """A table with a repeating header row; right to left, its first column is on the right."""
        word = self.word
        table = word.add_table(rows=1 + len(block.rows), cols=len(block.header))
        table.style = word.styles["Table Grid"]
        table.autofit = False
        table._tbl.tblPr.insert_element_before(grid_borders(), *TBLPR_AFTER_BORDERS)
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        for cell, text in zip(table.rows[0].cells, block.header):
            shaded(cell._tc, self.colour)
            self.runs(cell.paragraphs[0], (Span(text, "strong"),))
            for run in cell.paragraphs[0].runs:
                run.font.color.rgb = RGBColor.from_string("FFFFFF")
        _repeat_header(table)
        for index, (row, values) in enumerate(zip(table.rows[1:], block.rows)):
            for column, (cell, text) in enumerate(zip(row.cells, values)):
                style: SpanStyle = "strong" if (index, column) in block.strong_cells else "plain"
                self.runs(cell.paragraphs[0], (Span(text, style, markdown=True),))
        _widths(table, column_widths(block.header, block.widths or (1.0,) * len(block.header), self.language.tag))
        word.add_paragraph()

    def tick_boxes(self, options: Sequence[str]) -> None:
        """A box to tick before each option, one option a line, indented from the start of the
        line; one paragraph whose lines stay together (LibreOffice may part a chain of
        paragraphs kept with the next, but never a paragraph's lines kept together)."""
        paragraph = self.word.add_paragraph()
        paragraph.paragraph_format.left_indent = Mm(5)
        paragraph.paragraph_format.space_after = TICK_SPACING
        paragraph.paragraph_format.keep_together = True
        for index, option in enumerate(options):
            if index:
                paragraph.add_run().add_break()
            box = paragraph.add_run(f"{TICK_BOX}  ")
            box.font.size = TICK_SIZE
            self.runs(paragraph, (Span(option, markdown=True),))

    def picture(self, block: Picture) -> None:
        """A picture with its alt text; with paragraphs beside it, a borderless table of two
        cells: the text, then the picture (on the left in a right-to-left document)."""
        width = Mm(block.width)
        if not block.beside:
            _with_alt(self.word.add_paragraph().add_run(), block, width)
            return
        table = self.word.add_table(rows=1, cols=2)
        table.autofit = False
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        table._tbl.tblPr.insert_element_before(no_borders(), *TBLPR_AFTER_BORDERS)
        text, picture = table.rows[0].cells
        for index, para in enumerate(block.beside):
            self.runs(text.paragraphs[0] if index == 0 else text.add_paragraph(), para.spans)
        _with_alt(picture.paragraphs[0].add_run(), block, width)
        _widths(table, [Length(int(TEXT_WIDTH - width - QR_GAP)), Length(int(width + QR_GAP))])

    def cut_line(self, label: str) -> None:
        """A dashed rule across the text width with a pair of scissors and ``label`` under it,
        kept on the page of what follows."""
        paragraph = self.word.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(18)
        paragraph.paragraph_format.keep_with_next = True
        properties = paragraph._p.get_or_add_pPr()
        properties.insert_element_before(dashed_top(), *PPR_AFTER_BORDER)
        run = paragraph.add_run(f"\u2702 {label}")
        run.font.size = Pt(8)
        run.font.color.rgb = RGBColor.from_string("7F7F7F")
        if self.rtl:
            run.font.rtl = True

    def writing_space(self, lines: int) -> None:
        """Ruled lines: a one-column table whose rows show only their bottom rule, kept on one
        page with the question above them."""
        word = self.word
        _keep_with_question(word)
        table = word.add_table(rows=lines, cols=1)
        if self.rtl:
            table.table_direction = WD_TABLE_DIRECTION.RTL
        table._tbl.tblPr.insert_element_before(ruled_borders(), *TBLPR_AFTER_BORDERS)
        for index, row in enumerate(table.rows):
            row.height = LINE_HEIGHT
            row.height_rule = WD_ROW_HEIGHT_RULE.EXACTLY
            row.cells[0].paragraphs[0].paragraph_format.keep_with_next = index < lines - 1
        _spacer(word.add_paragraph())


def _spacer(paragraph: WordParagraph) -> None:
    """A small empty paragraph (``SPACER`` tall) that keeps a table apart from the next block."""
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = SPACER
    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY


def _with_alt(run: WordRun, block: Picture, width: Length) -> None:
    """Add ``block``'s picture to ``run``, described by its alt text."""
    shape = run.add_picture(io.BytesIO(block.png), width=width)
    shape._inline.docPr.set("descr", block.alt)


def _shown(piece: InlineRun) -> str:
    """A piece's text as the document shows it: a link's address after its text."""
    return piece.text if piece.href is None or piece.href == piece.text else f"{piece.text} ({piece.href})"


def column_widths(header: Sequence[str], weights: Sequence[float], language: str) -> list[Length]:
    """Widths of a table's columns: the text width shared by ``weights``, except that each
    column is at least as wide as the longest word of its header, so no header word breaks;
    the room is taken from the columns with room to spare, in proportion to it."""
    total = sum(weights)
    shared = [TEXT_WIDTH * weight / total for weight in weights]
    needed = [_header_room(text, language) for text in header]
    short = sum(max(0.0, need - width) for need, width in zip(needed, shared))
    spare = [max(0.0, width - need) for need, width in zip(needed, shared)]
    if short == 0 or sum(spare) < short:
        return [Length(int(width)) for width in shared]
    widths = [max(width, need) - (room * short / sum(spare)) for width, need, room in zip(shared, needed, spare)]
    return [Length(int(width)) for width in widths]


def _header_room(text: str, language: str) -> float:
    """Width a header cell needs for its longest word, in EMU."""
    metrics = metrics_for(measured_family(HEADER_FONT, language))
    words = text.split() or [""]
    widest = max(metrics.width_pt(word, HEADER_SIZE.pt, bold=True) for word in words)
    return float(Pt(widest) + CELL_PADDING)


def _repeat_header(table: WordTable) -> None:
    """Repeat the header row at the top of every page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:tblHeader"))  # on; no value is valid in every schema version


def _widths(table: WordTable, widths: Sequence[Length]) -> None:
    for column, width in zip(table.columns, widths):
        column.width = width
        for cell in column.cells:
            cell.width = width


def _keep_with_question(word: WordDocument) -> None:
    """Keep the paragraphs since the last heading on the page of the lines that follow them."""
    for paragraph in reversed(word.paragraphs):
        paragraph.paragraph_format.keep_with_next = True
        if paragraph.style is not None and (paragraph.style.name or "").startswith("Heading"):
            return


def _reproducible_zip(data: bytes, replaced: dict[str, bytes]) -> bytes:
    """The same .docx with fixed entry times (python-docx stamps the current time) and the
    ``replaced`` parts' own content."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            target.writestr(fixed, replaced.get(info.filename) or source.read(info.filename))
    return buffer.getvalue()
