"""Writing paragraph direction: right-to-left paragraphs for Arabic, Hebrew, Persian, Urdu."""

from __future__ import annotations

from typing import Any

from deckgen.plan.bidi import is_right_to_left

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
