"""Mirroring a bundled template's design for right-to-left decks.

A right-to-left deck is read from the right, so a bundled template's design turns with its
text: every shape of the slide masters and layouts (accent rules, panels, bars, placeholders,
the footer, the slide number, the logo) moves to its mirror position, x -> slide width - x -
width; paragraph alignments swap left and right, and so do text insets. Pictures keep their
orientation: only where they stand changes, nothing is flipped. User templates keep their
design (it is their authors'); their right-to-left text is set flush right by the writer.
Lengths are EMU.
"""

from __future__ import annotations

from typing import Any

from deckgen.render.ooxml.markup import Element, qn

_FULL_TURN = 21600000
"""A whole turn in ``rot`` units (60 000ths of a degree)."""
_SWAPPED = {"l": "r", "r": "l"}
_PARAGRAPH_STYLES = frozenset(qn(f"a:{name}") for name in (
    "pPr", "defPPr", *(f"lvl{level}pPr" for level in range(1, 10))))
_BODY = qn("a:bodyPr")
_TRANSFORMS = {
    qn("p:sp"): f"{qn('p:spPr')}/{qn('a:xfrm')}",
    qn("p:cxnSp"): f"{qn('p:spPr')}/{qn('a:xfrm')}",
    qn("p:pic"): f"{qn('p:spPr')}/{qn('a:xfrm')}",
    qn("p:grpSp"): f"{qn('p:grpSpPr')}/{qn('a:xfrm')}",
    qn("p:graphicFrame"): qn("p:xfrm"),
}
"""Where each kind of shape keeps its position."""
_OFF, _EXT, _CH_OFF, _CH_EXT = qn("a:off"), qn("a:ext"), qn("a:chOff"), qn("a:chExt")
_TREE = f"{qn('p:cSld')}/{qn('p:spTree')}"


def mirror_design(presentation: Any) -> None:
    """Mirror every slide master of ``presentation`` (python-pptx's) and its layouts."""
    width = int(presentation.slide_width or 12192000)
    for master in presentation.slide_masters:
        mirror_part(master.element, width)
        for layout in master.slide_layouts:
            mirror_part(layout.element, width)


def mirror_part(root: Element, width: int) -> None:
    """Mirror a master's or layout's ``root`` element on a slide ``width`` wide."""
    tree = root.find(_TREE)
    if tree is not None:
        _mirror_shapes(tree, 0, width)
    for element in root.iter(_BODY, *_PARAGRAPH_STYLES):
        if element.tag == _BODY:
            _swap(element, "lIns", "rIns")
        elif element.get("algn") in _SWAPPED:
            element.set("algn", _SWAPPED[element.get("algn")])


def _mirror_shapes(tree: Element, start: int, span: int) -> None:
    """Mirror each shape of ``tree`` (a shape tree or a group) across the middle of
    ``start`` .. ``start + span``, its coordinate space; a group's shapes within the group."""
    for shape in tree:
        path = _TRANSFORMS.get(shape.tag)
        transform = None if path is None else shape.find(path)
        if transform is None:
            continue  # placed by its layout or master, which are mirrored themselves
        offset, extent = transform.find(_OFF), transform.find(_EXT)
        if offset is not None and extent is not None:
            offset.set("x", str(2 * start + span - int(offset.get("x", "0")) - int(extent.get("cx", "0"))))
        if int(transform.get("rot", "0")):
            transform.set("rot", str(-int(transform.get("rot", "0")) % _FULL_TURN))
        child_offset, child_extent = transform.find(_CH_OFF), transform.find(_CH_EXT)
        if shape.tag == qn("p:grpSp") and child_offset is not None and child_extent is not None:
            _mirror_shapes(shape, int(child_offset.get("x", "0")), int(child_extent.get("cx", "0")))


def _swap(element: Element, first: str, second: str) -> None:
    """Swap two attributes of ``element`` (either may be missing)."""
    values = element.get(first), element.get(second)
    for name, value in zip((second, first), values):
        if value is None:
            element.attrib.pop(name, None)
        else:
            element.set(name, value)
