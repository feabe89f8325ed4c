"""Writing planned paragraphs into python-pptx text frames (see :mod:`deckgen.render.paragraphs`).

A frame knows its slide (hyperlinks become that slide's relationships) and its placeholder
(right-to-left text takes the alignment the placeholder inherits).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.text.text import TextFrame

from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.slides import Paragraph
from deckgen.render.bidi import inherited_alignment
from deckgen.render.paragraphs import Links, slide_text, write_notes, write_plain, write_text
from deckgen.render.pptx_compat import text_body

__all__ = ["fill_notes", "fill_plain", "fill_text", "link_maker", "part_links", "slide_text"]


def link_maker(frame: TextFrame) -> Links:
    """Relationship ids for hyperlinks from ``frame``'s slide (one per distinct target)."""
    return part_links(frame.part)


def part_links(part: Any) -> Links:
    """Relationship ids for hyperlinks from ``part`` (a slide's; one per distinct target)."""

    def relate(url: str) -> str:
        return str(part.relate_to(url, RT.HYPERLINK, is_external=True))

    return relate


def _inherited(frame: TextFrame, language: str, title: bool) -> str | None:
    if not is_right_to_left(language):
        return None
    return inherited_alignment(getattr(frame, "_parent", None), title=title)


def fill_text(frame: TextFrame, items: Sequence[Paragraph], size: float, language: str,
              paragraph_space: float = 0.0, centred: bool = False) -> None:
    """Replace ``frame``'s text with ``items`` (see :func:`deckgen.render.paragraphs.write_text`)."""
    write_text(text_body(frame), items, size, language, link_maker(frame), _inherited(frame, language, False),
               paragraph_space, centred)


def fill_plain(frame: TextFrame, text: str, size: float | None, language: str) -> None:
    """Replace ``frame``'s text with one paragraph (titles); ``size`` None keeps the layout's."""
    write_plain(text_body(frame), text, size, language, link_maker(frame), _inherited(frame, language, True))


def fill_notes(frame: TextFrame, notes: str, language: str) -> None:
    """Speaker notes: one paragraph per line, as the facilitator wrote them."""
    write_notes(text_body(frame), notes, language)
