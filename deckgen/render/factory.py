"""Adding slides and notes fast: each layout's placeholders are cloned once, then copied.

python-pptx clones a layout's placeholders and the notes master's placeholders anew for
every slide, looking each one up by XPath, and names new notes parts by walking the whole
package. For a batch of decks that dominates build time, so this factory does python-pptx's
work once per layout (and once for notes) and copies the resulting XML for later slides.
The XML is exactly what python-pptx would have produced.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.parts.slide import NotesSlidePart
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import Slide, SlideLayout

from deckgen.render.layouts import PICTURE_TYPES, TEXT_TYPES, TITLE_TYPES, in_fill_order


@dataclass
class Placeholders:
    """A new slide's placeholders by what deckgen uses them for, in fill order."""

    title: Any | None
    texts: list[Any]
    pictures: list[Any]

    def all(self) -> list[Any]:
        """Every placeholder deckgen may fill (or remove when unused)."""
        return [shape for shape in (self.title, *self.texts, *self.pictures) if shape is not None]


@dataclass(frozen=True)
class _Prototype:
    """The cloned placeholders of one layout and the role of each (by position)."""

    elements: tuple[Any, ...]
    kinds: tuple[str, ...]
    """``title``, ``text``, ``picture`` or ``other`` for each element, in document order."""


def _kinds(slide: Slide, elements: list[Any]) -> tuple[str, ...]:
    """``title``, ``text``, ``picture`` or ``other`` for each shape element, in order."""
    kinds: list[str] = []
    for element in elements:
        shape = SlideShapeFactory(element, slide.shapes)
        kind = shape.placeholder_format.type if shape.is_placeholder else None
        if kind in TITLE_TYPES and "title" not in kinds:
            kinds.append("title")
        elif kind in TEXT_TYPES:
            kinds.append("text")
        else:
            kinds.append("picture" if kind in PICTURE_TYPES else "other")
    return tuple(kinds)


class SlideFactory:
    """Adds slides (and notes pages) to one presentation, reusing cloned placeholder XML."""

    def __init__(self, presentation: PresentationObject) -> None:
        self._presentation = presentation
        self._prototypes: dict[str, _Prototype] = {}
        self._notes_prototype: Any | None = None
        self._notes_count = 0

    def add_slide(self, layout: SlideLayout) -> tuple[Slide, Placeholders]:
        """A new slide on ``layout`` at the end of the deck, with its placeholders sorted."""
        slides = self._presentation.slides
        prototype = self._prototypes.get(layout.name)
        if prototype is None:
            slide = slides.add_slide(layout)
            prototype = self._remember(layout, slide)
        else:
            rid, slide = self._presentation.part.add_slide(layout)
            tree = slide.shapes._spTree
            for element in prototype.elements:
                tree.append(copy.deepcopy(element))
            slides._sldIdLst.add_sldId(rid)
        return slide, self._placeholders(slide, prototype)

    def _remember(self, layout: SlideLayout, slide: Slide) -> _Prototype:
        elements = list(slide.shapes._spTree.iter_shape_elms())
        prototype = _Prototype(tuple(copy.deepcopy(e) for e in elements), _kinds(slide, elements))
        self._prototypes[layout.name] = prototype
        return prototype

    def _placeholders(self, slide: Slide, prototype: _Prototype) -> Placeholders:
        found = Placeholders(None, [], [])
        elements = list(slide.shapes._spTree.iter_shape_elms())
        by_kind: dict[str, list[Any]] = {"title": [], "text": [], "picture": [], "other": []}
        for element, kind in zip(elements, prototype.kinds):
            by_kind[kind].append(SlideShapeFactory(element, slide.shapes))
        found.title = by_kind["title"][0] if by_kind["title"] else None
        found.texts = in_fill_order(by_kind["text"])
        found.pictures = by_kind["picture"]
        return found

    def notes_frame(self, slide: Slide) -> Any:
        """The notes text frame of ``slide``, creating its notes page from the prototype."""
        if self._notes_prototype is None:
            notes = slide.notes_slide
            self._notes_prototype = copy.deepcopy(notes._element)
            self._notes_count = 1
            return notes.notes_text_frame
        self._notes_count += 1
        slide_part = slide.part
        part = NotesSlidePart(
            PackURI(f"/ppt/notesSlides/notesSlide{self._notes_count}.xml"),
            CT.PML_NOTES_SLIDE,
            slide_part.package,
            copy.deepcopy(self._notes_prototype),
        )
        master = self._presentation.part.notes_master_part
        part.relate_to(master, RT.NOTES_MASTER)
        part.relate_to(slide_part, RT.SLIDE)
        slide_part.relate_to(part, RT.NOTES_SLIDE)
        return part.notes_slide.notes_text_frame
