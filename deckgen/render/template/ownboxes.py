"""deckgen's own title and body boxes, for layouts that have no placeholder for a slide's text.

A theme-only template (a single Blank layout) still carries what a deck should look like:
its master's title and body styles, theme fonts and text colours. The boxes made here
carry those styles in their own list styles, so text set in them looks as the template's
placeholders would set it, in PowerPoint and LibreOffice alike: the title is a title
placeholder of the slide itself (screen readers and the outline view find the slide's
title), the body a text box with the master's bullets and indents. Made once per master
while a template is prepared; the deck writer copies them and places them.
"""

from __future__ import annotations

import copy
from typing import Any

from deckgen.render.ooxml.markup import PLACEHOLDER, Element, nsdecls, parse_xml, part_xml, qn

_LEVELS = tuple(f"a:lvl{level}pPr" for level in range(1, 10))
_FILLS = frozenset(qn(f"a:{name}") for name in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_BEFORE_FILL = frozenset({qn("a:ln")})
_BEFORE_FONT = _BEFORE_FILL | _FILLS | frozenset(qn(f"a:{name}") for name in (
    "effectLst", "effectDag", "highlight", "uLnTx", "uLn", "uFillTx", "uFill"))
_AFTER_DEF_RPR = frozenset({qn("a:extLst")})

_TITLE = (
    f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="0" name="Title"/><p:cNvSpPr><a:spLocks noGrp="1"/>'
    '</p:cNvSpPr><p:nvPr><p:ph type="title"/></p:nvPr></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm></p:spPr>'
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>'
)
_BODY = (
    f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="0" name="Text"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
    '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></a:xfrm>'
    '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
    '<p:txBody><a:bodyPr/><a:lstStyle/><a:p/></p:txBody></p:sp>'
)


def _insert_before(parent: Element, child: Element, later: frozenset[str]) -> None:
    """Put ``child`` into ``parent`` before its first child of a tag in ``later`` (schema order)."""
    for position, existing in enumerate(parent):
        if existing.tag in later:
            parent.insert(position, child)
            return
    parent.append(child)


def _insert_after(parent: Element, child: Element, earlier: frozenset[str]) -> None:
    """Put ``child`` into ``parent`` after its last child of a tag in ``earlier`` (schema order)."""
    position = 0
    for index, existing in enumerate(parent):
        if existing.tag in earlier:
            position = index + 1
    parent.insert(position, child)


def _run_defaults(level: Element) -> Element:
    """The level's ``a:defRPr``, added where the schema puts it when missing."""
    found = level.find(qn("a:defRPr"))
    if found is None:
        found = level.makeelement(qn("a:defRPr"), {})
        _insert_before(level, found, _AFTER_DEF_RPR)
    return found


def _themed(level: Element, font: str) -> None:
    """Give a level the theme font ``font`` and the text colour where its style names none."""
    run = _run_defaults(level)
    if not any(child.tag in _FILLS for child in run):
        fill = parse_xml(f'<a:solidFill {nsdecls("a")}><a:schemeClr val="tx1"/></a:solidFill>')
        _insert_after(run, fill, _BEFORE_FILL)
    if run.find(qn("a:latin")) is None:
        _insert_after(run, run.makeelement(qn("a:latin"), {"typeface": font}), _BEFORE_FONT)


def _list_style(style: Element | None, levels: int, font: str) -> Element:
    """An ``a:lstStyle`` holding the first ``levels`` levels of a master text style, themed."""
    listed = parse_xml(f'<a:lstStyle {nsdecls("a")}/>')
    for tag in _LEVELS[:levels]:
        found = style.find(qn(tag)) if style is not None else None
        level = copy.deepcopy(found) if found is not None else listed.makeelement(qn(tag), {})
        _themed(level, font)
        listed.append(level)
    return listed


def _body_properties(placeholder: Element | None, wrap: bool) -> Element:
    """The master placeholder's ``a:bodyPr`` (insets, anchoring), else an empty one."""
    found = placeholder.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}") if placeholder is not None else None
    properties = copy.deepcopy(found) if found is not None else parse_xml(f'<a:bodyPr {nsdecls("a")}/>')
    if wrap and properties.get("wrap") is None:
        properties.set("wrap", "square")
    return properties


def _master_placeholder(master: Element, kinds: tuple[str, ...]) -> Element | None:
    for shape in master.iter(qn("p:sp")):
        ph = shape.find(PLACEHOLDER)
        if ph is not None and ph.get("type", "obj") in kinds:
            return shape
    return None


def _own_box(template: str, master: Element, style: str, kinds: tuple[str, ...], levels: int, font: str,
             wrap: bool) -> bytes:
    shape = parse_xml(template)
    body = shape.find(qn("p:txBody"))
    body.replace(body.find(qn("a:bodyPr")), _body_properties(_master_placeholder(master, kinds), wrap))
    styles = master.find(f"{qn('p:txStyles')}/{qn(style)}")
    body.replace(body.find(qn("a:lstStyle")), _list_style(styles, levels, font))
    return part_xml(shape)


def own_boxes(master: Any) -> tuple[bytes, bytes]:
    """deckgen's own title box and body box in ``master``'s styles (``p:sp`` XML each, placed at 0, 0)."""
    element = parse_xml(part_xml(master.element))
    title = _own_box(_TITLE, element, "p:titleStyle", ("title", "ctrTitle"), 1, "+mj-lt", wrap=False)
    body = _own_box(_BODY, element, "p:bodyStyle", ("body",), 9, "+mn-lt", wrap=True)
    return title, body
