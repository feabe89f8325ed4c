"""Writing paragraph direction: right-to-left paragraphs for Arabic, Hebrew, Persian, Urdu."""

from __future__ import annotations

from typing import Any

from deckgen.render.ooxml import qn

from deckgen.plan.bidi import is_right_to_left
from deckgen.render.textstyle import master_text_style

_FLUSH_LEFT = (None, "l", "just")
"""Alignments a right-to-left paragraph turns to the right (a centred title stays centred)."""


def set_direction(properties: Any, language: str, inherited: str | None = None) -> None:
    """Mark a paragraph's ``a:pPr`` right to left when ``language`` is RTL, and right align it
    unless it is aligned otherwise (``inherited``: what the placeholder's styles give it).

    PowerPoint then puts the bullet on the right and reads ``marL``/``indent`` from the right.
    """
    if is_right_to_left(language):
        properties.set("rtl", "1")
        if properties.get("algn") is None and inherited in _FLUSH_LEFT:
            properties.set("algn", "r")


def _level_one_alignment(element: Any) -> str | None:
    """``algn`` of the first outline level in a shape's own list style, if it sets one."""
    if element is None:
        return None
    found = element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
    return found.get("algn") if found is not None else None


def inherited_alignment(shape: Any, title: bool) -> str | None:
    """The alignment a placeholder's first level inherits: its layout's, its master's, then the
    master's title or body style (None: PowerPoint's default, left)."""
    layout = getattr(shape, "_base_placeholder", None)
    master = getattr(layout, "_base_placeholder", None) if layout is not None else None
    for placeholder in (shape, layout, master):
        found = _level_one_alignment(getattr(placeholder, "_element", None))
        if found is not None:
            return found
    slide_master = getattr(getattr(layout, "part", None), "slide_master", None)
    style = master_text_style(slide_master, title)
    level = style.find(qn("a:lvl1pPr")) if style is not None else None
    return level.get("algn") if level is not None else None
