"""Reading how a template sets a placeholder's text: insets and per-level paragraph styles.

A slide placeholder inherits its text properties from a chain: the layout placeholder's
``a:lstStyle``, the master placeholder's, then the master's ``p:titleStyle`` (titles) or
``p:bodyStyle`` (everything else). For each property the first element of the chain that
sets it wins, as in PowerPoint. The result is plain data (:class:`deckgen.plan.profile.TextStyle`)
for the fitting in the plan layer.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from deckgen.render.ooxml.markup import qn

from deckgen.plan.profile import TextStyle

LEVELS = 3
"""Outline levels deckgen writes (bullets and two sub-levels)."""
DEFAULT_INSETS = (91440, 45720, 91440, 45720)
"""PowerPoint's text insets (left, top, right, bottom) in EMU when no bodyPr sets them."""
_INSET_NAMES = ("lIns", "tIns", "rIns", "bIns")
_THEME_FONTS = {"+mj-lt": "major", "+mn-lt": "minor"}

Element = Any
"""An lxml element (lxml ships no type information)."""


def _element(shape: object | None) -> Element | None:
    return getattr(shape, "_element", None) if shape is not None else None


def _body_pr(shape_element: Element | None) -> Element | None:
    if shape_element is None:
        return None
    return shape_element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")


def _lst_style(shape_element: Element | None) -> Element | None:
    if shape_element is None:
        return None
    return shape_element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")


def insets(shapes: Sequence[object | None]) -> tuple[int, int, int, int]:
    """Text insets (left, top, right, bottom) in EMU from the first shape of ``shapes`` that sets each."""
    found = []
    for name, default in zip(_INSET_NAMES, DEFAULT_INSETS):
        value = default
        for shape in shapes:
            body = _body_pr(_element(shape))
            if body is not None and body.get(name) is not None:
                value = int(body.get(name))
                break
        found.append(value)
    return found[0], found[1], found[2], found[3]


def _first_attr(elements: Sequence[Element], name: str) -> str | None:
    for element in elements:
        if element is not None and element.get(name) is not None:
            return str(element.get(name))
    return None


def _first_child(elements: Sequence[Element], tag: str) -> Element | None:
    for element in elements:
        child = element.find(qn(tag)) if element is not None else None
        if child is not None:
            return child
    return None


def _spacing(element: Element | None) -> tuple[float, float]:
    """A spacing element (``a:spcBef``, ``a:lnSpc``) as (points, fraction); 0 where unset."""
    if element is None:
        return 0.0, 0.0
    points, percent = element.find(qn("a:spcPts")), element.find(qn("a:spcPct"))
    if points is not None:
        return int(points.get("val", "0")) / 100, 0.0
    if percent is not None:
        return 0.0, int(str(percent.get("val", "0")).rstrip("%")) / 100000
    return 0.0, 0.0


def _flag(value: str | None) -> bool:
    return value in ("1", "true", "on")


def _font(run_properties: Sequence[Element]) -> str | None:
    latin = _first_child(run_properties, "a:latin")
    typeface = latin.get("typeface") if latin is not None else None
    if not typeface:
        return None
    return _THEME_FONTS.get(str(typeface), str(typeface))


def _level(paragraphs: Sequence[Element]) -> TextStyle:
    """One level's style from its ``a:lvlNpPr`` elements, nearest first."""
    runs = [p.find(qn("a:defRPr")) for p in paragraphs]
    runs = [r for r in runs if r is not None]
    before = _spacing(_first_child(paragraphs, "a:spcBef"))
    after = _spacing(_first_child(paragraphs, "a:spcAft"))
    line_pt, line_fraction = _spacing(_first_child(paragraphs, "a:lnSpc"))
    return TextStyle(
        margin_left=int(_first_attr(paragraphs, "marL") or 0),
        indent=int(_first_attr(paragraphs, "indent") or 0),
        space_before_pt=before[0],
        space_before_lines=before[1],
        space_after_pt=after[0],
        space_after_lines=after[1],
        line_spacing=line_fraction or 1.0,
        line_spacing_pt=line_pt,
        bold=_flag(_first_attr(runs, "b")),
        italic=_flag(_first_attr(runs, "i")),
        caps=_first_attr(runs, "cap") == "all",
        letter_spacing_pt=max(int(_first_attr(runs, "spc") or 0), 0) / 100,
        font=_font(runs),
    )


def master_text_style(master: object, title: bool) -> Element | None:
    """The master's ``p:titleStyle`` (for titles) or ``p:bodyStyle`` element."""
    element = _element(master)
    if element is None:
        return None
    return element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle' if title else 'p:bodyStyle')}")


def level_styles(shapes: Sequence[object | None], master_style: Element | None) -> tuple[TextStyle, ...]:
    """Styles of levels 0 .. :data:`LEVELS`-1 through the chain ``shapes`` (nearest first), then the master."""
    found = [_lst_style(_element(shape)) for shape in shapes] + [master_style]
    lists = [element for element in found if element is not None]
    styles = []
    for level in range(1, LEVELS + 1):
        paragraphs = [element.find(qn(f"a:lvl{level}pPr")) for element in lists]
        styles.append(_level([p for p in paragraphs if p is not None]))
    return tuple(styles)

