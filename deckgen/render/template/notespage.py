"""A template's notes page as the planner fits speaker notes to it: the page's size, the
slide image and notes boxes of its notes master, and the notes' first-level size.

Notes are fitted to this page (:mod:`deckgen.plan.notes`) so the notes PDF never cuts them
off; a notes page python-pptx or :mod:`deckgen.render.template.parts` added has these
boxes too.
"""

from __future__ import annotations

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.base import BaseShape

from deckgen.plan.profile import Box, NotesFrame
from deckgen.render.ooxml.markup import qn
from deckgen.render.template.pptx_compat import part_element

DEFAULT_NOTES_PT = 12.0
"""PowerPoint's size for notes whose master says none."""


def notes_frame(presentation: PresentationObject) -> NotesFrame | None:
    """The notes page of ``presentation`` (None when its notes master has no notes box)."""
    master = presentation.notes_master
    boxes: dict[object, BaseShape] = {}
    for shape in master.placeholders:  # type: ignore[misc]  # python-pptx types the iterator loosely
        boxes.setdefault(shape.placeholder_format.type, shape)
    body = _box(boxes.get(PP_PLACEHOLDER.BODY))
    if body is None:
        return None
    size = part_element(presentation.part).find(qn("p:notesSz"))
    width, height = (int(size.get("cx")), int(size.get("cy"))) if size is not None else (6858000, 9144000)
    return NotesFrame(width, height, body, _box(boxes.get(PP_PLACEHOLDER.SLIDE_IMAGE)), _size(master.part))


def _box(shape: BaseShape | None) -> Box | None:
    """Where ``shape`` stands, with its text insets (None: it has no position of its own)."""
    if shape is None or None in (shape.left, shape.top, shape.width, shape.height):
        return None
    box = Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))
    if not shape.has_text_frame:
        return box
    frame = shape.text_frame  # type: ignore[attr-defined]
    return Box(box.left, box.top, box.width, box.height, int(frame.margin_left), int(frame.margin_top),
               int(frame.margin_right), int(frame.margin_bottom))


def _size(part: object) -> float:
    """The notes master's first-level size (``p:notesStyle``), in points."""
    style = f"{qn('p:notesStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}"
    found = part_element(part).find(style)  # type: ignore[arg-type]
    value = found.get("sz") if found is not None else None
    return int(value) / 100 if value and value.isdigit() else DEFAULT_NOTES_PT
