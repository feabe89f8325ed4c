"""The alignment a placeholder's text inherits from its layout and master (read once, when a
template is prepared, so right-to-left text can be set flush right where it would sit flush left)."""

from __future__ import annotations

from typing import Any

from deckgen.render.ooxml.markup import qn
from deckgen.render.template.textstyle import master_text_style


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
