"""Adding slides and notes fast: each layout's placeholders are cloned once, then copied.

python-pptx clones a layout's placeholders and the notes master's placeholders anew for
every slide, looking each one up by XPath, and names new notes parts by walking the whole
package. For a batch of decks that dominates build time, so this factory does python-pptx's
work once per layout (and once for notes) and copies the resulting XML for later slides.
The XML is exactly what python-pptx would have produced.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.slide import CT_Slide
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.presentation import Presentation as PresentationObject
from pptx.shapes.placeholder import SlidePlaceholder
from pptx.shapes.shapetree import SlideShapeFactory
from pptx.slide import NotesSlide, Slide, SlideLayout

from deckgen.render.template.layouts import PICTURE_TYPES, TEXT_TYPES, TITLE_TYPES
from deckgen.render.ooxml.markup import FIRST_SLIDE_ID
from deckgen.render.template.pptx_compat import add_relationship, append_slide_id, shape_tree, slide_id_list

_P = qn("p:nvSpPr")[: -len("nvSpPr")]
"""The PresentationML namespace in Clark notation, ``{...}``, for fast ``find`` paths."""


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
    """A new slide on one layout (its placeholders cloned), and where deckgen's placeholders
    are among them."""

    slide: Any
    """The whole ``p:sld`` element, copied for each later slide on the layout."""
    title: int | None
    """Position of the title placeholder among ``elements``."""
    texts: tuple[int, ...]
    """Positions of the text placeholders, in fill order (by idx)."""
    pictures: tuple[int, ...]


def _prototype(slide: Slide) -> _Prototype:
    """Record a freshly cloned slide's placeholders and what each is for."""
    elements = list(shape_tree(slide.shapes).iter_shape_elms())
    shapes = [SlideShapeFactory(element, slide.shapes) for element in elements]
    kinds = [s.placeholder_format.type if s.is_placeholder else None for s in shapes]
    titles = [i for i, kind in enumerate(kinds) if kind in TITLE_TYPES]
    texts = [i for i, kind in enumerate(kinds) if kind in TEXT_TYPES]
    texts.sort(key=lambda i: int(shapes[i].placeholder_format.idx))  # fill order, as in_fill_order
    return _Prototype(
        copy.deepcopy(slide.element),
        titles[0] if titles else None,
        tuple(texts),
        tuple(i for i, kind in enumerate(kinds) if kind in PICTURE_TYPES),
    )


def _notes_body_path(notes: NotesSlide) -> tuple[int, ...] | None:
    """Where the notes page's body placeholder (where speaker notes go) sits in its XML, as
    child positions from the root, found without XPath; None when it has none."""
    root = notes.element
    for element in shape_tree(notes.shapes).iter_shape_elms():
        ph = element.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type") == "body":
            path = []
            while element is not root:
                parent = element.getparent()
                path.append(parent.index(element))
                element = parent
            return tuple(reversed(path))
    return None


def _notes_body(notes: NotesSlide, path: tuple[int, ...] | None) -> Any:
    """The body placeholder of ``notes`` (a copy of the prototype), at ``path``."""
    if path is None:
        return notes.notes_placeholder
    element = notes.element
    for position in path:
        element = element[position]
    return SlidePlaceholder(element, notes)


@dataclass
class Prototypes:
    """Cloned placeholder XML of one template's layouts and notes page, kept between decks."""

    layouts: dict[str, _Prototype] = field(default_factory=dict)
    notes: Any | None = None
    notes_body: tuple[int, ...] | None = None
    """Where the body placeholder sits in the notes page's XML (child positions)."""


class SlideFactory:
    """Adds slides (and notes pages) to one presentation, reusing cloned placeholder XML.

    ``prototypes`` may be shared by every deck built from the same template (they only
    depend on its layouts and notes master), so only a process's first deck clones.
    """

    def __init__(self, presentation: PresentationObject, prototypes: Prototypes | None = None) -> None:
        self._presentation = presentation
        self._shared = prototypes if prototypes is not None else Prototypes()
        self._prototypes = self._shared.layouts
        self._notes_count = 0
        self._notes_master: Any | None = None
        self._id_list = slide_id_list(presentation.slides)
        self._next_id = max([FIRST_SLIDE_ID - 1, *(int(i) for i in self._id_list.xpath("./p:sldId/@id"))]) + 1

    def add_slide(self, layout: SlideLayout) -> tuple[Slide, Placeholders]:
        """A new slide on ``layout`` at the end of the deck, with its placeholders sorted."""
        key = str(layout.part.partname)  # layout names may repeat; part names do not
        prototype = self._prototypes.get(key)
        if prototype is None:
            slide = self._append_slide(layout, CT_Slide.new())
            slide.shapes.clone_layout_placeholders(layout)
            prototype = self._prototypes[key] = _prototype(slide)
        else:
            slide = self._append_slide(layout, copy.deepcopy(prototype.slide))
        return slide, self._placeholders(slide, prototype)

    def _append_slide(self, layout: SlideLayout, element: Any) -> Slide:
        """A slide part of ``element`` on ``layout``, listed last in the presentation.

        What python-pptx's ``add_slide`` does, without its searches for an existing
        relationship (a new part has none) or for the largest slide id, which made adding
        a slide slower the more slides a deck had.
        """
        main = self._presentation.part
        partname = PackURI(f"/ppt/slides/slide{len(self._id_list) + 1}.xml")
        slide_part = SlidePart(partname, CT.PML_SLIDE, main.package, element)
        add_relationship(slide_part.rels, RT.SLIDE_LAYOUT, layout.part)
        rid = add_relationship(main.rels, RT.SLIDE, slide_part)
        append_slide_id(self._id_list, self._next_id, rid)
        self._next_id += 1
        slide: Slide = slide_part.slide
        return slide

    @staticmethod
    def _placeholders(slide: Slide, prototype: _Prototype) -> Placeholders:
        elements = list(shape_tree(slide.shapes).iter_shape_elms())

        def shape(position: int) -> Any:
            return SlidePlaceholder(elements[position], slide.shapes)

        title = shape(prototype.title) if prototype.title is not None else None
        return Placeholders(title, [shape(i) for i in prototype.texts], [shape(i) for i in prototype.pictures])

    def notes_frame(self, slide: Slide) -> Any:
        """The notes text frame of ``slide``, creating its notes page from the prototype."""
        if self._shared.notes is None:
            notes = slide.notes_slide
            self._shared.notes = copy.deepcopy(notes.element)
            self._shared.notes_body = _notes_body_path(notes)
            self._notes_count = 1
            return _notes_body(notes, self._shared.notes_body).text_frame
        self._notes_count += 1
        slide_part = slide.part
        part = NotesSlidePart(
            PackURI(f"/ppt/notesSlides/notesSlide{self._notes_count}.xml"),
            CT.PML_NOTES_SLIDE,
            slide_part.package,
            copy.deepcopy(self._shared.notes),
        )
        if self._notes_master is None:
            self._notes_master = self._presentation.part.notes_master_part
        master = self._notes_master
        add_relationship(part.rels, RT.NOTES_MASTER, master)
        add_relationship(part.rels, RT.SLIDE, slide_part)
        add_relationship(slide_part.rels, RT.NOTES_SLIDE, part)
        return _notes_body(part.notes_slide, self._shared.notes_body).text_frame
