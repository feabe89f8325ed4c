"""A template's "?" decorations in the deck language's own question mark.

The bundled Question layout draws a large "?" in its disc, as a text box of the layout; a
user's template may too. In a deck whose language asks with another mark (Arabic, Persian
and Urdu: "؟"), such a decoration shows that mark instead. Only shapes whose whole text is
"?" change; placeholders hold the deck's own text and are left alone.
"""

from __future__ import annotations

from typing import Any

from deckgen.plan.scripts import QUESTION_MARK
from deckgen.render.ooxml.markup import PLACEHOLDER, Element, qn

_SHAPE, _TEXT = qn("p:sp"), qn("a:t")


def ask_with(presentation: Any, mark: str) -> None:
    """Show ``mark`` in the "?" decorations of every slide master and layout of ``presentation``."""
    if mark == QUESTION_MARK:
        return
    for master in presentation.slide_masters:
        ask_in(master.element, mark)
        for layout in master.slide_layouts:
            ask_in(layout.element, mark)


def ask_in(root: Element, mark: str) -> None:
    """Show ``mark`` in the "?" decorations of one master's or layout's ``root`` element."""
    for shape in root.iter(_SHAPE):
        texts = list(shape.iter(_TEXT))
        if shape.find(PLACEHOLDER) is None and "".join(t.text or "" for t in texts).strip() == QUESTION_MARK:
            for text in texts:
                if text.text and QUESTION_MARK in text.text:
                    text.text = text.text.replace(QUESTION_MARK, mark)
