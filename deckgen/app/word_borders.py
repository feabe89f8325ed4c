"""Borders and shading of a Word document's tables and paragraphs, as the schema orders them."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

TBLPR_AFTER_BORDERS = ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption", "w:tblDescription",
                        "w:tblPrChange")
"""What follows ``w:tblBorders`` in a table's properties, as the schema orders them."""
PPR_AFTER_BORDER = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap", "w:overflowPunct",
                     "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd", "w:snapToGrid",
                     "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                     "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId",
                     "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")
"""What follows ``w:pBdr`` in a paragraph's properties."""
GRID_COLOUR = "BFBFBF"
"""The light grey of a table's rules."""


def shaded(cell: BaseOxmlElement, colour: str) -> None:
    """Fill a table cell with ``colour``."""
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    cell.get_or_add_tcPr().append(shading)


def grid_borders() -> BaseOxmlElement:
    """Light grey rules around and between a table's cells."""
    return _borders({edge: "single" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")}, GRID_COLOUR)


def no_borders() -> BaseOxmlElement:
    return _borders({edge: "nil" for edge in ("top", "left", "bottom", "right", "insideH", "insideV")}, GRID_COLOUR)


def _borders(kinds: dict[str, str], colour: str) -> BaseOxmlElement:
    borders = OxmlElement("w:tblBorders")
    for edge, kind in kinds.items():
        border = OxmlElement(f"w:{edge}")
        border.set(qn("w:val"), kind)
        if kind != "nil":
            border.set(qn("w:sz"), "4")
            border.set(qn("w:color"), colour)
        borders.append(border)
    return borders


def dashed_top() -> BaseOxmlElement:
    """A paragraph border: a dashed rule above it."""
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for name, value in (("w:val", "dashed"), ("w:sz", "6"), ("w:space", "4"), ("w:color", "7F7F7F")):
        top.set(qn(name), value)
    borders.append(top)
    return borders


def ruled_borders() -> BaseOxmlElement:
    """Table borders showing only the rule under each row."""
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        border = OxmlElement(f"w:{edge}")
        visible = edge in ("bottom", "insideH")
        border.set(qn("w:val"), "single" if visible else "nil")
        if visible:
            border.set(qn("w:sz"), "4")
            border.set(qn("w:color"), "A6A6A6")
        borders.append(border)
    return borders
