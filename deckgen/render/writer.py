"""Render a deck plan into a presentation: one slide per plan entry, in the planned layout.

The writer makes no content decisions: titles, texts, sizes and notes all come from the
plan; this module only puts them into the right placeholders.
"""

from __future__ import annotations

from typing import Any

from pptx.shapes.base import BaseShape
from pptx.slide import Slide, SlideLayout
from pptx.util import Emu

from deckgen.plan.languages import east_asian_font
from deckgen.plan.profile import Box, LayoutSlots, Role
from deckgen.render.factory import Placeholders, SlideFactory
from deckgen.render.host import new_deck
from deckgen.render.markcolours import mark_colours
from deckgen.render.blueprint import MarkColours
from deckgen.render.marks import draw_question_mark
from deckgen.render.metadata import set_metadata
from deckgen.render.footers import FooterWriter
from deckgen.render.package import package_bytes
from deckgen.render.pictures import add_picture
from deckgen.render.prepare import PreparedTemplate
from deckgen.render.text import fill_notes, fill_plain, fill_text, part_links
from deckgen.render.visuals import add_visual
from deckgen.render.theme import east_asian_theme
from deckgen.plan.slides import DeckPlan, SlidePlan
from deckgen.render.pptx_compat import shape_tree


def _remove(shape: BaseShape) -> None:
    element = shape.element
    element.getparent().remove(element)


def _place(shape: BaseShape, box: Box | None) -> None:
    """Give ``shape`` the slot's geometry when the slot differs from what the layout says."""
    if box is None:
        return
    if (shape.left, shape.top, shape.width, shape.height) != (box.left, box.top, box.width, box.height):
        shape.left, shape.top = Emu(box.left), Emu(box.top)
        shape.width, shape.height = Emu(box.width), Emu(box.height)


def _set_box(shape: BaseShape, box: Box | None) -> None:
    """Give ``shape`` the slot's geometry outright (without reading the inherited one first)."""
    if box is not None:
        shape.left, shape.top = Emu(box.left), Emu(box.top)
        shape.width, shape.height = Emu(box.width), Emu(box.height)


def _title_first(slide: Slide, title: BaseShape) -> None:
    """Screen readers read shapes in document order: the title goes first."""
    tree = shape_tree(slide.shapes)
    tree.remove(title.element)
    tree.insert(2, title.element)


def _fill(slide: Slide, found: Placeholders, plan: SlidePlan, slots: LayoutSlots, language: str) -> None:
    used: list[Any] = []
    if found.title is not None:
        fill_plain(found.title.text_frame, plan.title, plan.title_size, plan.title_language or language)
        _title_first(slide, found.title)
        used.append(found.title)
    body = found.texts[0] if found.texts else None
    second = found.texts[1] if len(found.texts) > 1 else None
    third = found.texts[2] if len(found.texts) > 2 else None
    if slots.mark and found.title is not None:
        _set_box(found.title, slots.title)  # deckgen's question layout on a borrowed content layout
    if body is not None and plan.body:
        if slots.mark:
            _set_box(body, slots.body)
        elif plan.image is not None and not found.pictures and second is None:
            _place(body, slots.body)  # the body gives up its right half to the picture
        fill_text(body.text_frame, plan.body, plan.body_size, language, plan.paragraph_space, plan.centred)
        used.append(body)
    if second is not None and plan.aside and slots.aside is not None and not slots.mark:
        fill_text(second.text_frame, plan.aside, plan.aside_size, language, centred=plan.aside_centred)
        used.append(second)
    if third is not None and plan.label and slots.label is not None and not slots.mark:
        fill_plain(third.text_frame, plan.label, None, plan.aside[0].language or language if plan.aside else language)
        used.append(third)
    if plan.image is not None and slots.picture is not None:
        add_picture(slide, plan.image, slots.picture)
    used += add_visual(slide, found.texts, plan, language)
    for shape in found.all():
        if shape not in used:
            _remove(shape)


def _add_slide(factory: SlideFactory, layout: SlideLayout, plan: SlidePlan, slots: LayoutSlots,
               language: str) -> Slide:
    slide, placeholders = factory.add_slide(layout)
    _fill(slide, placeholders, plan, slots, language)
    if plan.notes:
        fill_notes(factory.notes_frame(slide), plan.notes, language)
    return slide


def render_deck(plan: DeckPlan, template: PreparedTemplate, epoch: int | None = None) -> bytes:
    """The finished .pptx file of ``plan`` built on ``template``, as bytes.

    ``epoch`` (seconds, from ``SOURCE_DATE_EPOCH``) fixes the zip timestamps and, when the
    outline has no date, the document dates; the same inputs always give the same bytes.
    """
    host = template.host()
    presentation = new_deck(host)
    layouts = list(presentation.slide_layouts)
    factory = SlideFactory(presentation, template.prototypes)
    footers = FooterWriter(plan.footer, plan.language, template.footers)
    profile = template.profile
    colours: dict[int, MarkColours] = {}
    for number, slide_plan in enumerate(plan.slides, start=1):
        slots = profile.slots_for(slide_plan.role, slide_plan.layout)
        layout = layouts[slots.layout_index]
        slide = _add_slide(factory, layout, slide_plan, slots, plan.language)
        if slots.mark:
            if slots.layout_index not in colours:
                colours[slots.layout_index] = mark_colours(layout)
            draw_question_mark(shape_tree(slide.shapes), slots, slide_plan, plan.language, colours[slots.layout_index],
                               profile.slide_width, profile.slide_height, part_links(slide.part))
        if slide_plan.role is not Role.TITLE:
            footers.add(slide, layout, number)
    overrides: dict[str, bytes] = {}
    east_asian = east_asian_font(plan.language)
    if east_asian is not None:
        overrides.update(east_asian_theme(presentation.slide_master, east_asian))
    set_metadata(presentation, plan, epoch)
    return package_bytes(presentation, epoch, shared=host.parts, done=template.entries, overrides=overrides)

