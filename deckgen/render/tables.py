"""Real PowerPoint tables: planned widths and heights, fitted text, the theme's table style.

python-pptx's new tables use the built-in "Medium Style 2 – Accent 1" style with a header
row and banded rows: the header is filled in the theme's first accent (the brand's
primary colour in the bundled templates) and the rows alternate tints of it, in any
template. Cell text is written like any slide text (runs, links, language, direction).
"""

from __future__ import annotations

from typing import Any

from pptx.slide import Slide
from pptx.util import Emu

from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.slides import Paragraph, TablePlan
from deckgen.render.text import fill_text
from deckgen.render.pptx_compat import table_element


def add_table(slide: Slide, plan: TablePlan, language: str) -> None:
    """Draw ``plan``'s table (and caption) at its planned place and sizes."""
    box = plan.box
    frame = slide.shapes.add_table(len(plan.rows) + 1, len(plan.header), Emu(box.left), Emu(box.top),
                                   Emu(box.width), Emu(sum(plan.heights)))
    frame.name = "Table"
    table: Any = frame.table
    table.first_row = True
    table.horz_banding = True
    if is_right_to_left(language):
        table_element(table).tblPr.set("rtl", "1")
    _size_grid(table, plan)
    texts = [f"**{text}**" if text.strip() else text for text in plan.header]  # the header, bold everywhere
    texts += [text for row in plan.rows for text in row]
    for cell, text in zip(table.iter_cells(), texts):
        cell.text_frame.word_wrap = True
        fill_text(cell.text_frame, [Paragraph(text, style="plain")], plan.size, language)
    if plan.caption and plan.caption_box is not None:
        caption = plan.caption_box
        shape = slide.shapes.add_textbox(Emu(caption.left), Emu(caption.top), Emu(caption.width), Emu(caption.height))
        shape.name = "Table caption"
        shape.text_frame.word_wrap = True
        fill_text(shape.text_frame, [Paragraph(plan.caption, style="plain")], plan.caption_size, language)


def _size_grid(table: Any, plan: TablePlan) -> None:
    """Give the columns and rows their planned widths and heights (EMU), then the frame their sums.

    Set on the grid directly: python-pptx's setters re-add every column after each one, and
    its column and cell look-ups walk the grid each time, so a wide table took minutes.
    """
    grid = table_element(table)
    for column, width in zip(grid.tblGrid.gridCol_lst, plan.widths):
        column.w = Emu(width)
    for row, height in zip(grid.tr_lst, plan.heights):
        row.h = Emu(height)
    table.notify_width_changed()
    table.notify_height_changed()
