"""Writing a deck from a template's blueprint, without python-pptx.

Loading python-pptx costs more than building a deck from a cached template, so decks
whose slides hold only what this writer knows (titles, text, notes, question marks,
footers and slide numbers; no pictures, tables, charts or comparisons; no right-to-left
titles or labels) are written here, from the XML the blueprint recorded, and every other
deck by :mod:`deckgen.render.writer`. The two give the same bytes for the same deck;
``tests/test_lean.py`` builds decks both ways and compares them.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.outline.inline import parse_inline
from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.languages import east_asian_font
from deckgen.plan.profile import Box, LayoutSlots, Role, TemplateProfile
from deckgen.plan.slides import DeckPlan, SlidePlan
from deckgen.render.blueprint import DeckBlueprint, LayoutBlueprint, PackagedPart
from deckgen.render.cache import stored_entry
from deckgen.render.memo import TemplateMemo, entries_size, make_room
from deckgen.render.catalog import TemplateChoice
from deckgen.render.docprops import app_xml, core_xml
from deckgen.render.eastasian import with_east_asian_font
from deckgen.render.marks import draw_question_mark
from deckgen.render.numbers import FooterStrip, add_footer, footer_strip
from deckgen.render.ooxml import (
    CONTENT_NOTES_SLIDE,
    CONTENT_SLIDE,
    FIRST_SLIDE_ID,
    REL_HYPERLINK,
    REL_NOTES_MASTER,
    REL_NOTES_SLIDE,
    REL_SLIDE,
    REL_SLIDE_LAYOUT,
    SHAPE_TAGS,
    Element,
    parse_xml,
    part_xml,
    qn,
)
from deckgen.render.opc import (
    CONTENT_TYPES,
    PACKAGE_RELS,
    Relation,
    content_types_xml,
    next_rid,
    relative_ref,
    rels_member,
    rels_xml,
    zip_time,
)
from deckgen.render.paragraphs import Links, write_notes, write_plain, write_text
from deckgen.render.zipwriter import ZipEntry, make_entry, zip_bytes

_TREE = f"{qn('p:cSld')}/{qn('p:spTree')}"
_TX_BODY, _SP_PR, _XFRM, _OFF, _EXT = qn("p:txBody"), qn("p:spPr"), qn("a:xfrm"), qn("a:off"), qn("a:ext")
_AFTER_XFRM = frozenset(qn(f"a:{name}") for name in (
    "custGeom", "prstGeom", "noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill", "ln",
    "effectLst", "effectDag", "scene3d", "sp3d", "extLst"))
_AFTER_OFF = frozenset(qn(f"a:{name}") for name in ("ext", "chOff", "chExt"))
_AFTER_EXT = frozenset(qn(f"a:{name}") for name in ("chOff", "chExt"))


@dataclass
class LeanTemplate:
    """A cached template ready for this writer: its profile, blueprint and compressed parts,
    with the parsed slide and notes prototypes and footer strips kept between decks."""

    profile: TemplateProfile
    blueprint: DeckBlueprint
    entries: dict[str, ZipEntry]
    _slides: dict[int, Element] = field(default_factory=dict, repr=False)
    _notes: list[Element] = field(default_factory=list, repr=False)
    _strips: dict[tuple[str, str, int], FooterStrip] = field(default_factory=dict, repr=False)

    def writes(self, plan: DeckPlan) -> bool:
        """Whether this writer can write ``plan`` (else python-pptx's writer does)."""
        if is_right_to_left(plan.language):
            return False
        if plan.footer and any(span.link for span in parse_inline(plan.footer).spans):
            return False
        notes = self.blueprint.notes is not None
        return all(_plain(slide) and (notes or not slide.notes) for slide in plan.slides)

    def slide(self, index: int) -> Element:
        """A new slide element on layout ``index``."""
        if index not in self._slides:
            self._slides[index] = parse_xml(self.blueprint.layouts[index].slide)
        return copy.deepcopy(self._slides[index])

    def notes_page(self) -> Element:
        """A new notes page element."""
        if not self._notes:
            assert self.blueprint.notes is not None
            self._notes.append(parse_xml(self.blueprint.notes.page))
        return copy.deepcopy(self._notes[0])

    def strip(self, footer: str, language: str, index: int) -> FooterStrip:
        """Slide number and footer to copy onto slides on layout ``index``."""
        key = (footer, language, index)
        if key not in self._strips:
            layout = self.blueprint.layouts[index]
            self._strips[key] = footer_strip(
                None if layout.number is None else parse_xml(layout.number),
                None if layout.footer is None else parse_xml(layout.footer),
                footer, language, _no_links, None)
        return self._strips[key]


_LEAN: TemplateMemo[tuple[Path, int, int, str], LeanTemplate] = TemplateMemo()


def lean_template(choice: TemplateChoice) -> LeanTemplate | None:
    """``choice`` ready for this writer when the template cache holds it with a blueprint;
    None when python-pptx must prepare it or write its decks. Kept per process."""
    try:
        status = choice.file.stat()
    except OSError:
        return None  # python-pptx's path reports the problem
    key = (choice.file, status.st_size, status.st_mtime_ns, choice.name)
    kept = _LEAN.get(key)
    if kept is not None:
        return kept
    make_room(status.st_size)
    stored = stored_entry(choice)
    if stored is None or stored.blueprint is None:
        return None
    return _LEAN.put(key, LeanTemplate(stored.profile, stored.blueprint, stored.entries), entries_size(stored.entries.values()))


def _no_links(url: str) -> str:
    raise AssertionError("footers with links are written by python-pptx")


def _plain(slide: SlidePlan) -> bool:
    """Holds only what this writer writes."""
    if slide.image is not None or slide.compare is not None or slide.table is not None or slide.chart is not None:
        return False
    if slide.title_language and is_right_to_left(slide.title_language):
        return False
    return not (slide.aside and slide.aside[0].language and is_right_to_left(slide.aside[0].language))


class _Rels:
    """One part's relationships as python-pptx adds them (hyperlinks once per address)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.items: list[Relation] = []

    def add(self, reltype: str, partname: str) -> str:
        rid = next_rid(r.rid for r in self.items)
        self.items.append(Relation(rid, reltype, relative_ref(partname, self.folder)))
        return rid

    def link(self, url: str) -> str:
        for rel in self.items:
            if rel.external and rel.reltype == REL_HYPERLINK and rel.target == url:
                return rel.rid
        rid = next_rid(r.rid for r in self.items)
        self.items.append(Relation(rid, REL_HYPERLINK, url, True))
        return rid


def _insert(parent: Element, tag: str, before: frozenset[str]) -> Element:
    """``parent``'s ``tag`` child, added before the first of ``before`` when missing."""
    found = parent.find(tag)
    if found is not None:
        return found
    found = parent.makeelement(tag, {})
    for position, child in enumerate(parent):
        if child.tag in before:
            parent.insert(position, found)
            return found
    parent.append(found)
    return found


def _set_box(shape: Element, box: Box | None) -> None:
    """Give ``shape`` the slot's geometry (``a:xfrm``), as python-pptx's position setters do."""
    if box is None:
        return
    transform = _insert(shape.find(_SP_PR), _XFRM, _AFTER_XFRM)
    offset = _insert(transform, _OFF, _AFTER_OFF)
    offset.set("x", str(box.left))
    offset.set("y", str(box.top))
    extent = _insert(transform, _EXT, _AFTER_EXT)
    extent.set("cx", str(box.width))
    extent.set("cy", str(box.height))


def _fill(tree: Element, layout: LayoutBlueprint, plan: SlidePlan, slots: LayoutSlots, language: str,
          links: Links) -> None:
    """The slide's text in its placeholders; unused placeholders removed (see writer._fill)."""
    shapes = [child for child in tree if child.tag in SHAPE_TAGS]
    title = shapes[layout.title] if layout.title is not None else None
    texts = [shapes[i] for i in layout.texts]
    placeholders = [shape for shape in (title, *texts, *(shapes[i] for i in layout.pictures)) if shape is not None]
    used: list[Element] = []
    if title is not None:
        write_plain(title.find(_TX_BODY), plan.title, plan.title_size, plan.title_language or language, links)
        tree.remove(title)
        tree.insert(2, title)  # screen readers read the title first
        used.append(title)
    body = texts[0] if texts else None
    second = texts[1] if len(texts) > 1 else None
    third = texts[2] if len(texts) > 2 else None
    if slots.mark and title is not None:
        _set_box(title, slots.title)
    if body is not None and plan.body:
        if slots.mark:
            _set_box(body, slots.body)
        write_text(body.find(_TX_BODY), plan.body, plan.body_size, language, links, None, plan.paragraph_space,
                   plan.centred)
        used.append(body)
    if second is not None and plan.aside and slots.aside is not None and not slots.mark:
        write_text(second.find(_TX_BODY), plan.aside, plan.aside_size, language, links, centred=plan.aside_centred)
        used.append(second)
    if third is not None and plan.label and slots.label is not None and not slots.mark:
        label_language = plan.aside[0].language or language if plan.aside else language
        write_plain(third.find(_TX_BODY), plan.label, None, label_language, links)
        used.append(third)
    for shape in placeholders:
        if not any(shape is kept for kept in used):
            tree.remove(shape)


@dataclass
class _Written:
    """A part this deck adds: its name, XML and relationships."""

    partname: str
    xml: bytes
    rels: list[Relation]


def lean_deck(plan: DeckPlan, template: LeanTemplate, epoch: int | None) -> bytes:
    """The .pptx file of ``plan`` (which ``template.writes``), as the python-pptx writer makes it."""
    blueprint = template.blueprint
    presentation = parse_xml(blueprint.presentation)
    slide_list = presentation.find(qn("p:sldIdLst"))
    folder = blueprint.presentation_name.rsplit("/", 1)[0]
    presentation_rels = _Rels(folder)
    presentation_rels.items = list(blueprint.presentation_rels)
    written: list[_Written] = []
    profile = template.profile
    notes_count = 0
    for number, slide_plan in enumerate(plan.slides, start=1):
        slots = profile.slots_for(slide_plan.role, slide_plan.layout)
        layout = blueprint.layouts[slots.layout_index]
        partname = f"/ppt/slides/slide{number}.xml"  # python-pptx's names, wherever the presentation is
        slide = template.slide(slots.layout_index)
        rels = _Rels("/ppt/slides")
        rels.add(REL_SLIDE_LAYOUT, layout.partname)
        rid = presentation_rels.add(REL_SLIDE, partname)
        entry = slide_list.makeelement(qn("p:sldId"), {})
        slide_list.append(entry)
        entry.set("id", str(FIRST_SLIDE_ID + number - 1))
        entry.set(qn("r:id"), rid)
        tree = slide.find(_TREE)
        _fill(tree, layout, slide_plan, slots, plan.language, rels.link)
        notes = None
        if slide_plan.notes:
            notes_count += 1
            notes = _notes(template, slide_plan.notes, plan.language, notes_count, partname)
            rels.add(REL_NOTES_SLIDE, notes.partname)
        if slots.mark:
            draw_question_mark(tree, slots, slide_plan, plan.language, layout.mark, profile.slide_width,
                               profile.slide_height, rels.link)
        if slide_plan.role is not Role.TITLE:
            add_footer(tree, template.strip(plan.footer, plan.language, slots.layout_index), number)
        written.append(_Written(partname, part_xml(slide), rels.items))
        if notes is not None:
            written.append(notes)
    overrides = _overrides(blueprint, plan)
    types = dict(blueprint.content_overrides)
    for part in written:
        types[part.partname] = CONTENT_NOTES_SLIDE if "/notesSlides/" in part.partname else CONTENT_SLIDE
    own = {"presentation": part_xml(presentation), "core": core_xml(blueprint.core, plan, epoch),
           "app": app_xml(len(plan.slides))}

    def entries() -> Iterator[ZipEntry]:
        yield make_entry(CONTENT_TYPES, content_types_xml(dict(blueprint.content_defaults), types))
        yield make_entry(PACKAGE_RELS, blueprint.package_rels)
        for position, part in enumerate(blueprint.parts):
            if position == blueprint.slides_at:
                yield from _written_entries(written)
            yield from _part_entries(part, template.entries, own, overrides, presentation_rels.items)
        if blueprint.slides_at == len(blueprint.parts):
            yield from _written_entries(written)

    return zip_bytes(entries(), zip_time(epoch))


def _notes(template: LeanTemplate, text: str, language: str, count: int, slide: str) -> _Written:
    """The notes page of the slide ``slide``, holding ``text``."""
    blueprint = template.blueprint.notes
    assert blueprint is not None
    page = template.notes_page()
    body = page
    for position in blueprint.body:
        body = body[position]
    write_notes(body, text, language)
    partname = f"/ppt/notesSlides/notesSlide{count}.xml"
    rels = _Rels("/ppt/notesSlides")
    rels.add(REL_NOTES_MASTER, blueprint.master)
    rels.add(REL_SLIDE, slide)
    return _Written(partname, part_xml(page), rels.items)


def _overrides(blueprint: DeckBlueprint, plan: DeckPlan) -> dict[str, bytes]:
    """Shared parts this deck writes its own content for: the theme of an East Asian deck."""
    typeface = east_asian_font(plan.language)
    if typeface is None or blueprint.theme is None:
        return {}
    theme = with_east_asian_font(blueprint.theme[1], typeface)
    return {} if theme is None else {blueprint.theme[0]: theme}


def _written_entries(written: list[_Written]) -> Iterator[ZipEntry]:
    for part in written:
        yield make_entry(part.partname[1:], part.xml)
        yield make_entry(rels_member(part.partname), rels_xml(part.rels))


def _part_entries(part: PackagedPart, entries: dict[str, ZipEntry], own: dict[str, bytes],
                  overrides: dict[str, bytes], presentation_rels: list[Relation]) -> Iterator[ZipEntry]:
    member = part.partname[1:]
    if part.kind != "shared":
        yield make_entry(member, own[part.kind])
        if part.kind == "presentation":
            yield make_entry(rels_member(part.partname), rels_xml(presentation_rels))
        return
    override = overrides.get(part.partname)
    yield entries[member] if override is None else make_entry(member, override)
    if part.rels is not None:
        yield entries[part.rels]
