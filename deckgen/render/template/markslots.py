"""Where deckgen's own question mark goes on a layout borrowed for question slides.

A template without a question layout serves questions with its content layout. So that
question slides still stand apart, deckgen lays the slide out itself: the kind-and-minutes
label on top, the prompt in a taller title box, follow-ups below, and a disc with "?" and
the "Discuss" label at the right, or at the left in a right-to-left deck (drawn by
:mod:`deckgen.render.deck.marks`). Lengths are EMU.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from deckgen.plan.profile import EMU_PER_PT, Box, LayoutSlots, TextStyle

if TYPE_CHECKING:
    from deckgen.render.template.layouts import LayoutShape

LABEL_HEIGHT = 40 * EMU_PER_PT
"""Height of the kind-and-minutes label and of the "Discuss" label (a 16 pt line and insets)."""
TITLE_SHARE = 0.5
"""Share of the area below the label that the prompt's box takes."""


def _gap(width: int) -> int:
    return width // 30


def disc_box(label: Box) -> Box:
    """The disc with "?" stands right above the "Discuss" label box, as wide as it."""
    return Box(label.left, label.top - LABEL_HEIGHT // 4 - label.width, label.width, label.width)


def question_mark_slots(shape: LayoutShape, mirrored: bool = False) -> LayoutSlots | None:
    """Slots of a marked question slide on ``shape`` (a content layout); None without title and
    body. ``mirrored`` (right-to-left decks): the disc stands at the left, the text beside it."""
    if shape.title is None or not shape.texts:
        return None
    title, body = shape.title, shape.texts[0]
    left = min(title.left, body.left)
    width = max(title.left + title.width, body.left + body.width) - left
    top, bottom = title.top, body.top + body.height
    height = bottom - top
    gap = _gap(width)
    if height < 4 * LABEL_HEIGHT or width < 8 * LABEL_HEIGHT:
        return None
    disc = min(width // 5, (height - LABEL_HEIGHT) * 2 // 5)
    text_width = width - disc - 2 * gap
    prompt_top = top + LABEL_HEIGHT
    prompt_height = int((height - LABEL_HEIGHT) * TITLE_SHARE)
    follow_top = prompt_top + prompt_height + gap
    text_left, disc_left = (left + width - text_width, left) if mirrored else (left, left + width - disc)
    return LayoutSlots(
        shape.name,
        title=replace(title, left=text_left, top=prompt_top, width=text_width, height=prompt_height),
        body=replace(body, left=text_left, top=follow_top, width=text_width, height=bottom - follow_top),
        aside=Box(text_left, top, text_width, LABEL_HEIGHT, levels=(TextStyle(),)),
        layout_index=shape.index,
        label=Box(disc_left, prompt_top + disc + LABEL_HEIGHT // 4, disc, LABEL_HEIGHT),
        mark=True,
    )
