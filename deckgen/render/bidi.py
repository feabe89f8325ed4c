"""Writing paragraph direction: right-to-left paragraphs for Arabic, Hebrew, Persian, Urdu."""

from __future__ import annotations

from typing import Any

from deckgen.plan.bidi import is_right_to_left


def set_direction(properties: Any, language: str) -> None:
    """Mark a paragraph's ``a:pPr`` right to left and right aligned when ``language`` is RTL.

    PowerPoint then puts the bullet on the right and reads ``marL``/``indent`` from the right.
    """
    if is_right_to_left(language):
        properties.set("rtl", "1")
        if properties.get("algn") is None:
            properties.set("algn", "r")
