"""New shapes on a slide, as XML: pictures, text boxes, tables and chart frames.

Each shape is made from the same XML text python-pptx's shape API parses, and placed where
that API places it (before a shape tree's ``p:extLst``, charts last), with the next free
shape id of the slide. So a deck written here is the deck python-pptx's API would make, byte
for byte, without loading python-pptx.
"""

from __future__ import annotations

from deckgen.plan.profile import Box
from deckgen.render.ooxml.markup import Element, nsdecls, parse_xml, qn
from deckgen.render.ooxml.opc import attribute

TABLE_STYLE = "{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"
"""Office's "Medium Style 2 - Accent 1": a header row in the theme's first accent, banded rows."""
ACCENT_TABLE_STYLES = {
    "accent1": TABLE_STYLE,
    "accent2": "{21E4AEA4-8DFA-4A89-87EB-49C32662AFE0}",
    "accent3": "{F5AB1C69-6EDB-4FF4-983F-18BD219EF322}",
    "accent4": "{00A15C55-8517-42AA-B614-E9B94910E393}",
    "accent5": "{7DF18680-E054-41AD-8BC1-D1AEF772440D}",
    "accent6": "{93296810-A885-4BE3-A3E7-6D5BEEA58F35}",
}
""""Medium Style 2 - Accent N": the same table with its header row in the theme's accent N."""
PLAIN_TABLE_STYLE = "{073A0DAA-6AF3-43AB-8588-CEC1D06C72B9}"
"""Office's "Medium Style 2": grey bands, for a header row deckgen fills in a colour of its own."""
_TABLE_URI = "http://schemas.openxmlformats.org/drawingml/2006/table"
_CHART_URI = "http://schemas.openxmlformats.org/drawingml/2006/chart"
_EXT_LST = qn("p:extLst")


def colour_xml(colour: str) -> str:
    """A DrawingML colour element: ``"accent2"`` as a scheme colour, ``"#E05A4F"`` as sRGB."""
    if colour.startswith("#"):
        return f'<a:srgbClr val="{colour[1:]}"/>'
    return f'<a:schemeClr val="{colour}"/>'


def solid_fill(colour: str) -> str:
    """An ``a:solidFill`` of ``colour`` (see :func:`colour_xml`)."""
    return f"<a:solidFill>{colour_xml(colour)}</a:solidFill>"


def next_shape_id(slide: Element) -> int:
    """One more than the largest numeric ``id`` anywhere in the slide's XML (python-pptx's rule)."""
    used = [int(value) for element in slide.iter() if (value := element.get("id")) is not None and value.isdigit()]
    return max(used, default=0) + 1


def insert_shape(tree: Element, shape: Element) -> Element:
    """Put ``shape`` last in the shape tree, before its extension list if it has one."""
    extensions = tree.find(_EXT_LST)
    if extensions is not None:
        extensions.addprevious(shape)
    else:
        tree.append(shape)
    return shape


def placement(box: Box) -> str:
    """A shape's offset and extent (``a:off``, ``a:ext``) for ``box``, in EMU."""
    return f'<a:off x="{box.left}" y="{box.top}"/><a:ext cx="{box.width}" cy="{box.height}"/>'


def picture(shape_id: int, description: str, rid: str, box: Box) -> Element:
    """A ``p:pic`` showing the image related as ``rid``, described by ``description`` (alt text)."""
    return parse_xml(
        f'<p:pic {nsdecls("a", "p", "r")}><p:nvPicPr>'
        f'<p:cNvPr id="{shape_id}" name="Picture {shape_id}" descr="{attribute(description)}"/>'
        '<p:cNvPicPr><a:picLocks noChangeAspect="1"/></p:cNvPicPr><p:nvPr/></p:nvPicPr>'
        f'<p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        f'<p:spPr><a:xfrm>{placement(box)}</a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def text_box(shape_id: int, name: str, box: Box) -> Element:
    """A ``p:sp`` text box whose text wraps at its width (no paragraphs filled yet but one empty)."""
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{attribute(name)}"/>'
        '<p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm>{placement(box)}</a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        '<p:txBody><a:bodyPr wrap="square"><a:spAutoFit/></a:bodyPr><a:lstStyle/><a:p/></p:txBody></p:sp>')


def _graphic_frame(shape_id: int, name: str, box: Box, uri: str) -> Element:
    return parse_xml(
        f'<p:graphicFrame {nsdecls("a", "p")}><p:nvGraphicFramePr>'
        f'<p:cNvPr id="{shape_id}" name="{attribute(name)}"/>'
        '<p:cNvGraphicFramePr><a:graphicFrameLocks noGrp="1"/></p:cNvGraphicFramePr><p:nvPr/></p:nvGraphicFramePr>'
        f'<p:xfrm>{placement(box)}</p:xfrm>'
        f'<a:graphic><a:graphicData uri="{uri}"/></a:graphic></p:graphicFrame>')


def table_frame(shape_id: int, box: Box, widths: tuple[int, ...], heights: tuple[int, ...],
                right_to_left: bool, brand: str = "accent1") -> tuple[Element, list[list[Element]]]:
    """A ``p:graphicFrame`` holding a table with the header-row and banded-row style, its header
    row in ``brand`` (a theme accent's style, else grey bands under a header filled in it), and
    the ``a:txBody`` of each cell by row (each holding one empty paragraph, wrapping at the cell width)."""
    frame = _graphic_frame(shape_id, "Table", box, _TABLE_URI)
    direction = ' rtl="1"' if right_to_left else ""
    style = ACCENT_TABLE_STYLES.get(brand, PLAIN_TABLE_STYLE)
    table = parse_xml(f'<a:tbl {nsdecls("a")}><a:tblPr firstRow="1" bandRow="1"{direction}>'
                      f'<a:tableStyleId>{style}</a:tableStyleId></a:tblPr><a:tblGrid/></a:tbl>')
    grid = table.find(qn("a:tblGrid"))
    for width in widths:
        grid.append(grid.makeelement(qn("a:gridCol"), {"w": str(width)}))
    bodies: list[list[Element]] = []
    for number, height in enumerate(heights):
        row = table.makeelement(qn("a:tr"), {"h": str(height)})
        table.append(row)
        cells = []
        fill = solid_fill(brand) if number == 0 and brand not in ACCENT_TABLE_STYLES else ""
        for _ in widths:
            cell = parse_xml(f'<a:tc {nsdecls("a")}><a:txBody><a:bodyPr wrap="square"/><a:lstStyle/><a:p/>'
                             f'</a:txBody><a:tcPr>{fill}</a:tcPr></a:tc>')
            row.append(cell)
            cells.append(cell.find(qn("a:txBody")))
        bodies.append(cells)
    frame.find(f"{qn('a:graphic')}/{qn('a:graphicData')}").append(table)
    return frame, bodies


def chart_frame(shape_id: int, name: str, description: str, rid: str, box: Box) -> Element:
    """A ``p:graphicFrame`` showing the chart part related as ``rid``, with alt text."""
    frame = _graphic_frame(shape_id, name, box, _CHART_URI)
    frame.find(f"{qn('p:nvGraphicFramePr')}/{qn('p:cNvPr')}").set("descr", description)
    chart = parse_xml(f'<c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
                      f'{nsdecls("r")} r:id="{rid}"/>')
    frame.find(f"{qn('a:graphic')}/{qn('a:graphicData')}").append(chart)
    return frame
