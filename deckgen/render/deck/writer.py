"""Writing a deck from a template's blueprint, without python-pptx.

Loading python-pptx costs more than building a deck from a cached template, so every deck
is written here, from the XML the blueprint recorded when the template was prepared:
slides, notes pages, pictures, charts (whose XML python-pptx's chart writer makes) and
the package around them, in the part order and form PowerPoint and python-pptx use.
"""

from __future__ import annotations

import copy
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.languages import east_asian_font
from deckgen.plan.notes import roomy_frame
from deckgen.plan.profile import NotesFrame, Role, column_gap
from deckgen.plan.slides import ChartPlan, DeckPlan, SlidePlan
from deckgen.render.template.blueprint import DeckBlueprint, MarkColours, PackagedPart, PreparedTemplate
from deckgen.render.deck.countdown import add_countdown
from deckgen.render.deck.docprops import app_xml, core_xml
from deckgen.render.deck.eastasian import with_east_asian_font
from deckgen.render.deck.fill import Canvas, fill_slide, set_box
from deckgen.render.deck.media import MediaParts, Picture, png_picture
from deckgen.render.deck.marks import draw_question_mark
from deckgen.render.deck.footers import FooterStrip, add_footer, footer_strip
from deckgen.render.deck.shows import write_shows_and_sections
from deckgen.render.ooxml.markup import (
    CONTENT_CHART,
    CONTENT_NOTES_SLIDE,
    CONTENT_SLIDE,
    CONTENT_WORKBOOK,
    DEFAULT_CONTENT_TYPES,
    FIRST_SLIDE_ID,
    REL_CHART,
    REL_HYPERLINK,
    REL_IMAGE,
    REL_NOTES_MASTER,
    REL_NOTES_SLIDE,
    REL_PACKAGE,
    REL_SLIDE,
    REL_SLIDE_LAYOUT,
    Element,
    parse_xml,
    part_xml,
    qn,
)
from deckgen.render.ooxml.opc import (
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
from deckgen.render.deck.paragraphs import Links, write_notes
from deckgen.render.ooxml.zipwriter import ZipEntry, make_entry, zip_bytes

_TREE = f"{qn('p:cSld')}/{qn('p:spTree')}"


class _Stock:
    """One blueprint's XML parsed once, copied for every slide, notes page and footer."""

    def __init__(self, blueprint: DeckBlueprint) -> None:
        self.blueprint = blueprint
        self._slides: dict[int, Element] = {}
        self._notes: list[Element] = []
        self._strips: dict[tuple[str, str, int], FooterStrip] = {}

    def slide(self, index: int) -> Element:
        """A new slide element on layout ``index``."""
        if index not in self._slides:
            self._slides[index] = parse_xml(self.blueprint.layout(index).slide)
        return copy.deepcopy(self._slides[index])

    def notes_page(self) -> Element:
        """A new notes page element."""
        if not self._notes:
            assert self.blueprint.notes is not None
            self._notes.append(parse_xml(self.blueprint.notes.page))
        return copy.deepcopy(self._notes[0])

    def strip(self, footer: str, language: str, index: int, links: Links) -> FooterStrip:
        """Slide number and footer to copy onto a slide on layout ``index`` (``links``: that
        slide's link relationships; a footer with a link is made for each slide)."""
        key = (footer, language, index)
        if key in self._strips:
            return self._strips[key]
        layout = self.blueprint.layout(index)
        linked = False

        def link(url: str) -> str:
            nonlocal linked
            linked = True
            return links(url)

        strip = footer_strip(
            None if layout.number is None else parse_xml(layout.number),
            None if layout.footer is None else parse_xml(layout.footer),
            footer, language, link, layout.footer_align if is_right_to_left(language) else None)
        if not linked:
            self._strips[key] = strip
        return strip


_STOCKS: dict[int, _Stock] = {}
"""Parsed blueprints by identity; templates live for the process (see deckgen.render.template.prepared)."""


def _stock(blueprint: DeckBlueprint) -> _Stock:
    found = _STOCKS.get(id(blueprint))
    if found is None or found.blueprint is not blueprint:
        found = _STOCKS[id(blueprint)] = _Stock(blueprint)
    return found


class _Rels:
    """One part's relationships as python-pptx adds them (hyperlinks once per address)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.items: list[Relation] = []

    def add(self, reltype: str, partname: str) -> str:
        rid = next_rid(r.rid for r in self.items)
        self.items.append(Relation(rid, reltype, relative_ref(partname, self.folder)))
        return rid

    def related(self, reltype: str, partname: str) -> str:
        """The id of the relationship to ``partname``, added unless the part already has one."""
        target = relative_ref(partname, self.folder)
        for rel in self.items:
            if not rel.external and rel.reltype == reltype and rel.target == target:
                return rel.rid
        return self.add(reltype, partname)

    def link(self, url: str) -> str:
        for rel in self.items:
            if rel.external and rel.reltype == REL_HYPERLINK and rel.target == url:
                return rel.rid
        rid = next_rid(r.rid for r in self.items)
        self.items.append(Relation(rid, REL_HYPERLINK, url, True))
        return rid


@dataclass
class _Written:
    """A part this deck adds: its name, content, type and relationships."""

    partname: str
    blob: bytes
    content_type: str
    rels: list[Relation] = field(default_factory=list)


class _DeckParts:
    """The parts one deck adds to its template, in the order they are written."""

    def __init__(self, blueprint: DeckBlueprint) -> None:
        self.written: list[_Written] = []
        self._partnames = {part.partname for part in blueprint.parts}
        self._media: MediaParts | None = None
        self._blueprint = blueprint

    @property
    def media(self) -> MediaParts:
        """The deck's pictures (made on first use: most decks have none)."""
        if self._media is None:
            self._media = MediaParts(self._blueprint.images, tuple(self._partnames))
        return self._media

    def add(self, part: _Written) -> None:
        self.written.append(part)
        self._partnames.add(part.partname)

    def next_partname(self, template: str) -> str:
        """The highest free name of ``template`` up to one past the count (python-pptx's rule)."""
        prefix = template[: (template % 42).find("42")]
        taken = {name for name in self._partnames if name.startswith(prefix)}
        for number in range(len(taken) + 1, 0, -1):
            if template % number not in taken:
                return template % number
        raise AssertionError("more distinct part names than parts")


def _canvas(slide: Element, rels: _Rels, parts: _DeckParts, right_to_left: bool) -> Canvas:
    """The slide being written, relating what it shows to the deck's parts (its charts read
    right to left in a right-to-left deck)."""

    def related(image: Picture) -> tuple[str, tuple[int, int]]:
        partname, new = parts.media.part_for(image)
        if new:
            parts.add(_Written(partname, image.blob, image.content_type))
        return rels.related(REL_IMAGE, partname), image.size

    def picture(path: Path) -> tuple[str, tuple[int, int]]:
        return related(parts.media.picture(path))

    def qr_code(url: str) -> str:
        from deckgen.render.deck.qrcode import qr_png  # loads segno, for a deck with a QR code only

        return related(png_picture(qr_png(url)))[0]

    def chart(plan: ChartPlan, colours: MarkColours) -> str:
        from deckgen.render.deck.charts import chart_parts  # loads python-pptx's chart writer

        made = chart_parts(plan, colours=colours, right_to_left=right_to_left)
        partname = parts.next_partname("/ppt/charts/chart%d.xml")
        workbook = parts.next_partname("/ppt/embeddings/Microsoft_Excel_Sheet%d.xlsx")
        chart_rels = _Rels("/ppt/charts")
        chart_rels.add(REL_PACKAGE, workbook)
        parts.add(_Written(partname, made.chart, CONTENT_CHART, chart_rels.items))
        parts.add(_Written(workbook, made.workbook, CONTENT_WORKBOOK))
        return rels.add(REL_CHART, partname)

    return Canvas(slide, rels.link, picture, chart, qr_code)


def write_deck(plan: DeckPlan, template: PreparedTemplate, epoch: int | None) -> bytes:
    """The .pptx file of ``plan`` on ``template`` (``epoch``: ``SOURCE_DATE_EPOCH`` seconds, which
    fixes the zip timestamps and, when the outline has no date, the document dates)."""
    blueprint = template.blueprint
    stock = _stock(blueprint)
    presentation = parse_xml(blueprint.presentation)
    slide_list = presentation.find(qn("p:sldIdLst"))
    folder = blueprint.presentation_name.rsplit("/", 1)[0]
    presentation_rels = _Rels(folder)
    presentation_rels.items = list(blueprint.presentation_rels)
    parts = _DeckParts(blueprint)
    profile = template.profile
    notes_count = 0
    slide_ids: list[int] = []
    slide_rids: list[str] = []
    for number, slide_plan in enumerate(plan.slides, start=1):
        slots = profile.slots_for(slide_plan.role, slide_plan.layout)
        layout = blueprint.layout(slots.layout_index)
        partname = f"/ppt/slides/slide{number}.xml"  # python-pptx's names, wherever the presentation is
        slide = stock.slide(slots.layout_index)
        rels = _Rels("/ppt/slides")
        rels.add(REL_SLIDE_LAYOUT, layout.partname)
        rid = presentation_rels.add(REL_SLIDE, partname)
        entry = slide_list.makeelement(qn("p:sldId"), {})
        slide_list.append(entry)
        entry.set("id", str(FIRST_SLIDE_ID + number - 1))
        entry.set(qn("r:id"), rid)
        slide_ids.append(FIRST_SLIDE_ID + number - 1)
        slide_rids.append(rid)
        if slide_plan.optional:
            slide.set("show", "0")  # hidden: a facilitator unhides an optional item when there is time
        written = _Written(partname, b"", CONTENT_SLIDE, rels.items)
        parts.add(written)
        boxes = blueprint.own_boxes[layout.master] if slots.own_title or slots.own_body else None
        fill_slide(_canvas(slide, rels, parts, is_right_to_left(plan.language)), layout, slide_plan, slots, plan.language, boxes)
        tree = slide.find(_TREE)
        if slide_plan.notes:
            notes_count += 1
            notes = _notes(stock, slide_plan, plan.language, notes_count, partname, profile.notes)
            rels.add(REL_NOTES_SLIDE, notes.partname)
            parts.add(notes)
        if slots.mark:
            draw_question_mark(tree, slots, slide_plan, plan.language, layout.mark, rels.link)
        if slide_plan.role is not Role.TITLE:
            add_footer(tree, stock.strip(plan.footer, plan.language, slots.layout_index, rels.link), number)
        if slide_plan.countdown is not None and slots.countdown is not None:
            add_countdown(slide, slots.countdown, slide_plan.countdown, layout.mark.accent,
                          is_right_to_left(plan.language))
        written.blob = part_xml(slide)
    write_shows_and_sections(presentation, plan, slide_ids, slide_rids)
    overrides = _overrides(blueprint, plan)
    defaults = dict(blueprint.content_defaults)
    types = dict(blueprint.content_overrides)
    for part in parts.written:
        extension = posixpath.splitext(part.partname)[1][1:].lower()
        if (extension, part.content_type) in DEFAULT_CONTENT_TYPES:
            defaults[extension] = part.content_type
        else:
            types[part.partname] = part.content_type
    own = {"presentation": part_xml(presentation), "core": core_xml(blueprint.core, plan, epoch),
           "app": app_xml(len(plan.slides))}

    def entries() -> Iterator[ZipEntry]:
        yield make_entry(CONTENT_TYPES, content_types_xml(defaults, types))
        yield make_entry(PACKAGE_RELS, blueprint.package_rels)
        for position, part in enumerate(blueprint.parts):
            if position == blueprint.slides_at:
                yield from _written_entries(parts.written)
            yield from _part_entries(part, template.entries, own, overrides, presentation_rels.items)
        if blueprint.slides_at == len(blueprint.parts):
            yield from _written_entries(parts.written)

    return zip_bytes(entries(), zip_time(epoch))


def _notes(stock: _Stock, plan: SlidePlan, language: str, count: int, slide: str,
           frame: NotesFrame | None) -> _Written:
    """The notes page of the slide ``slide``, holding ``plan``'s notes at their fitted size
    (on a roomy page, below a smaller image of the slide, when ``frame`` is too small for them)."""
    blueprint = stock.blueprint.notes
    assert blueprint is not None
    page = stock.notes_page()
    body = page
    for position in blueprint.body:
        body = body[position]
    write_notes(body, plan.notes, language, plan.notes_size)
    if plan.notes_roomy and frame is not None:
        _roomy(page, body.getparent(), frame, plan.notes_columns)
    partname = f"/ppt/notesSlides/notesSlide{count}.xml"
    rels = _Rels("/ppt/notesSlides")
    rels.add(REL_NOTES_MASTER, blueprint.master)
    rels.add(REL_SLIDE, slide)
    return _Written(partname, part_xml(page), CONTENT_NOTES_SLIDE, rels.items)


def _roomy(page: Element, body: Element, frame: NotesFrame, columns: int) -> None:
    """Give the notes page's text box (``body``, its ``p:sp``) the page below a smaller slide
    image, its text in ``columns`` columns."""
    image, text = roomy_frame(frame)
    set_box(body, text)
    if columns > 1:
        properties = body.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
        properties.set("numCol", str(columns))
        properties.set("spcCol", str(column_gap(text)))
    for shape in page.iter(qn("p:sp")):
        placeholder = shape.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if placeholder is not None and placeholder.get("type") == "sldImg":
            set_box(shape, image)


def _overrides(blueprint: DeckBlueprint, plan: DeckPlan) -> dict[str, bytes]:
    """Shared parts this deck writes its own content for: the theme of an East Asian deck."""
    typeface = east_asian_font(plan.language)
    if typeface is None or blueprint.theme is None:
        return {}
    theme = with_east_asian_font(blueprint.theme[1], typeface)
    return {} if theme is None else {blueprint.theme[0]: theme}


def _written_entries(written: list[_Written]) -> Iterator[ZipEntry]:
    """Each added part, then its relationships when it has any, in the order python-pptx walks them."""
    for part in written:
        yield make_entry(part.partname[1:], part.blob)
        if part.rels:
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
