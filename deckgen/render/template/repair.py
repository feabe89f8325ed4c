"""Repairs to templates that other programs save in ways PowerPoint and python-pptx misread.

LibreOffice writes every layout placeholder with idx 0 (the title, the body, a second body).
PowerPoint and python-pptx match a slide placeholder to its layout placeholder by idx, so a
slide's body then takes the title's box. LibreOffice also leaves the master's body style
without bullets (its outline bullets live only in the master's prompt text), so body text
on a slide shows no bullet glyphs in PowerPoint or LibreOffice. Its text colours live there
too: a dark design's white titles are only the colour of the master's prompt text, so a
slide's title took the theme's black text colour on the design's dark band. All three are
repaired once, while the template is prepared; slides cloned from the repaired layouts carry
the new idx.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.presentation import Presentation as PresentationObject
from deckgen.render.ooxml.markup import PLACEHOLDER
from deckgen.render.template.pptx_compat import shape_tree

Element = Any
"""An lxml element (lxml ships no type information)."""

_TITLES = ("title", "ctrTitle")
_BULLETS = tuple(qn(f"a:{tag}") for tag in ("buChar", "buAutoNum", "buBlip"))
_BULLET_PARTS = tuple(qn(f"a:{tag}") for tag in ("buClrTx", "buClr", "buSzTx", "buSzPct", "buSzPts",
                                                   "buFontTx", "buFont", "buNone", "buChar", "buAutoNum", "buBlip"))
_AFTER_BULLETS = tuple(qn(f"a:{tag}") for tag in ("tabLst", "defRPr", "extLst"))
_AFTER_TX_STYLES = (qn("p:extLst"),)
_LEVELS = 9
_HANGING_EMU = 342900
"""Bullet indent per level where a template gives none: 0.375 in, as PowerPoint's default master."""


def _placeholders(tree: Element) -> list[Element]:
    """The ``p:ph`` elements of a shape tree's top-level shapes, in document order."""
    found = []
    for shape in tree:
        ph = shape.find(PLACEHOLDER)
        if ph is not None:
            found.append(ph)
    return found


def unique_placeholder_ids(placeholders: Iterable[Element]) -> int:
    """Give every placeholder among ``placeholders`` (one layout's) its own idx; how many changed.

    The title keeps its idx; later placeholders sharing an idx get the next unused numbers,
    in document order, so the order deckgen fills them in stays the same.
    """
    phs = list(placeholders)
    ordered = sorted(phs, key=lambda ph: ph.get("type", "obj") not in _TITLES)  # stable: titles first
    used = {int(ph.get("idx", "0")) for ph in phs}
    seen: set[int] = set()
    changed = 0
    for ph in ordered:
        idx = int(ph.get("idx", "0"))
        if idx in seen:
            idx = max(used | seen) + 1
            ph.set("idx", str(idx))
            changed += 1
        seen.add(idx)
    return changed


def repair_placeholder_ids(presentation: PresentationObject) -> int:
    """Make placeholder idx unique within every layout of every master; how many changed."""
    changed = 0
    for master in presentation.slide_masters:
        for layout in master.slide_layouts:
            changed += unique_placeholder_ids(_placeholders(shape_tree(layout.shapes)))
    return changed


def _has_bullet(ppr: Element | None) -> bool:
    return ppr is not None and any(ppr.find(tag) is not None for tag in _BULLETS)


def _prompt_levels(master: Any) -> dict[int, Element]:
    """The paragraph properties of the master body placeholder's prompt text, by level (0-based),
    where they carry a bullet (LibreOffice keeps a design's outline bullets there)."""
    for shape in shape_tree(master.shapes):
        ph = shape.find(PLACEHOLDER)
        if ph is None or ph.get("type") != "body":
            continue
        levels: dict[int, Element] = {}
        for paragraph in shape.iter(qn("a:p")):
            ppr = paragraph.find(qn("a:pPr"))
            level = int(ppr.get("lvl", "0")) if ppr is not None else 0
            if _has_bullet(ppr) and level not in levels:
                levels[level] = ppr
        return levels
    return {}


def _default_level(level: int) -> Element:
    """A plain round bullet with a hanging indent of :data:`_HANGING_EMU` per level."""
    tag = f"a:lvl{level + 1}pPr"
    return parse_xml(
        f'<{tag} {nsdecls("a")} marL="{_HANGING_EMU * (level + 1)}" indent="-{_HANGING_EMU}">'
        f'<a:buFont typeface="Arial"/><a:buChar char="\u2022"/></{tag}>')


def _level_from_prompt(prompt: Element, level: int) -> Element:
    """A ``a:lvlNpPr`` with the prompt paragraph's indents, spacing and bullet."""
    element = copy.deepcopy(prompt)
    element.tag = qn(f"a:lvl{level + 1}pPr")
    element.attrib.pop("lvl", None)
    for child in list(element):
        if child.tag in (qn("a:defRPr"), qn("a:extLst")):
            element.remove(child)
    return element


def _with_bullet(style: Element, source: Element) -> None:
    """Give the level style ``style`` the bullet (and indents, when it has none) of ``source``."""
    for child in list(style):
        if child.tag in _BULLET_PARTS:
            style.remove(child)
    position = next((i for i, child in enumerate(style) if child.tag in _AFTER_BULLETS), len(style))
    for child in reversed([c for c in source if c.tag in _BULLET_PARTS]):
        style.insert(position, copy.deepcopy(child))
    if int(style.get("marL", "0")) == 0:
        style.set("marL", source.get("marL", "0"))
        style.set("indent", source.get("indent", "0"))


def _body_style(master_element: Element) -> Element:
    """The master's ``p:txStyles/p:bodyStyle``, created where missing."""
    styles = master_element.find(qn("p:txStyles"))
    if styles is None:
        styles = parse_xml(f"<p:txStyles {nsdecls('p')}/>")
        position = next((i for i, c in enumerate(master_element) if c.tag in _AFTER_TX_STYLES), len(master_element))
        master_element.insert(position, styles)
    body = styles.find(qn("p:bodyStyle"))
    if body is None:
        body = parse_xml(f"<p:bodyStyle {nsdecls('p')}/>")
        other = styles.find(qn("p:otherStyle"))
        if other is not None:
            other.addprevious(body)
        else:
            styles.append(body)
    return body


def give_body_bullets(presentation: PresentationObject) -> int:
    """Bullets for body text in masters whose body style has none; how many masters changed."""
    changed = 0
    for master in presentation.slide_masters:
        body = _body_style(master.element) if _needs_bullets(master.element) else None
        if body is None:
            continue
        prompts = _prompt_levels(master)
        for level in range(_LEVELS):
            tag = qn(f"a:lvl{level + 1}pPr")
            source = _level_from_prompt(prompts[level], level) if level in prompts else _default_level(level)
            style = body.find(tag)
            if style is None:
                _insert_level(body, source, level)
            elif not _has_bullet(style):
                _with_bullet(style, source)
        changed += 1
    return changed


def _needs_bullets(master_element: Element) -> bool:
    body = master_element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    first = body.find(qn("a:lvl1pPr")) if body is not None else None
    return not _has_bullet(first)


def _insert_level(body: Element, style: Element, level: int) -> None:
    """Insert ``a:lvlNpPr`` in its schema position (after defPPr and lower levels)."""
    later = {qn(f"a:lvl{n}pPr") for n in range(level + 2, _LEVELS + 1)} | {qn("a:extLst")}
    following = next((child for child in body if child.tag in later), None)
    if following is not None:
        following.addprevious(style)
    else:
        body.append(style)


_FILLS = tuple(qn(f"a:{tag}") for tag in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))


def _prompt_colours(shape: Element) -> dict[int, Element]:
    """The ``a:solidFill`` of each level's first prompt run in a master placeholder, by level."""
    colours: dict[int, Element] = {}
    for paragraph in shape.iter(qn("a:p")):
        ppr = paragraph.find(qn("a:pPr"))
        level = int(ppr.get("lvl", "0")) if ppr is not None else 0
        run = paragraph.find(f"{qn('a:r')}/{qn('a:rPr')}")
        fill = run.find(qn("a:solidFill")) if run is not None else None
        if fill is not None and level not in colours:
            colours[level] = fill
    return colours


def _level_fill(style: Element | None, level: int) -> Element | None:
    """The fill a list style sets for level ``level`` (0-based) text, if any."""
    found = style.find(f"{qn(f'a:lvl{level + 1}pPr')}/{qn('a:defRPr')}") if style is not None else None
    return next((child for child in found if child.tag in _FILLS), None) if found is not None else None


def _text_style(master_element: Element, tag: str) -> Element:
    """The master's ``p:txStyles/{tag}`` (``p:titleStyle`` or ``p:bodyStyle``), created where missing."""
    if tag == "p:bodyStyle":
        return _body_style(master_element)
    styles = _body_style(master_element).getparent()
    found = styles.find(qn(tag))
    if found is None:
        found = parse_xml(f"<{tag} {nsdecls('p')}/>")
        styles.insert(0, found)
    return found


def _set_fill(style: Element, level: int, fill: Element) -> None:
    """Give level ``level`` of the list style ``style`` the text fill ``fill``."""
    tag = qn(f"a:lvl{level + 1}pPr")
    properties = style.find(tag)
    if properties is None:
        properties = parse_xml(f'<a:lvl{level + 1}pPr {nsdecls("a")}/>')
        _insert_level(style, properties, level)
    run = properties.find(qn("a:defRPr"))
    if run is None:
        run = properties.makeelement(qn("a:defRPr"), {})
        after = properties.find(qn("a:extLst"))
        if after is not None:
            after.addprevious(run)
        else:
            properties.append(run)
    line = run.find(qn("a:ln"))
    run.insert(0 if line is None else list(run).index(line) + 1, copy.deepcopy(fill))


def give_prompt_colours(presentation: PresentationObject) -> int:
    """Title and body text in the colour of the master's prompt text, where the master's
    placeholder and text styles set none; how many levels changed."""
    changed = 0
    for master in presentation.slide_masters:
        for shape in shape_tree(master.shapes):
            ph = shape.find(PLACEHOLDER)
            kind = None if ph is None else ("p:titleStyle" if ph.get("type") in _TITLES
                                            else "p:bodyStyle" if ph.get("type") == "body" else None)
            if kind is None:
                continue
            own = shape.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")
            for level, fill in sorted(_prompt_colours(shape).items()):
                style = _text_style(master.element, kind)
                if _level_fill(own, level) is None and _level_fill(style, level) is None:
                    _set_fill(style, level, fill)
                    changed += 1
    return changed
