"""Drafting a prepared template's blueprint with python-pptx (see :mod:`deckgen.render.template.blueprint`).

Everything is taken from what the python-pptx writer itself does on the template: a
deck without slides gives the presentation part, the document properties and the part
order; a scratch deck with one slide on every layout gives the slide prototypes and the
notes page. A template whose deck python-pptx would change in ways the blueprint does not
describe (no notes master, no document properties, a placeholder without a text body)
gets no blueprint, and its decks are written with python-pptx.
"""

from __future__ import annotations

import posixpath
from collections.abc import Mapping, Set
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.parts.image import ImagePart
from pptx.shapes.placeholder import SlidePlaceholder

from deckgen.render.template.blueprint import Backdrop, DeckBlueprint, LayoutBlueprint, NotesBlueprint, OwnBoxes, PackagedPart
from deckgen.render.template.alignment import inherited_alignment
from deckgen.render.template.artwork import Drawn
from deckgen.render.template.factory import Placeholders, Prototypes, SlideFactory
from deckgen.render.template.host import Host, new_deck
from deckgen.render.template.markcolours import mark_colours
from deckgen.render.template.ownboxes import own_boxes
from deckgen.render.template.textcolours import placeholder_recolours
from deckgen.render.ooxml.markup import PLACEHOLDER, SHAPE_TAGS, Element, parse_xml, part_xml, qn
from deckgen.render.ooxml.opc import rels_member
from deckgen.render.template.package import content_types, relations, rels_xml
from deckgen.render.template.pptx_compat import base_uri, package_relationships, part_element, relationship_map, shape_tree
from deckgen.render.ooxml.zipwriter import ZipEntry

_TX_BODY = qn("p:txBody")


class NoBlueprint(Exception):
    """The template needs python-pptx's writer for its decks."""


def _stable(element: Element) -> bytes:
    """``element`` as XML that reads back to the same XML (checked)."""
    xml = part_xml(element)
    if part_xml(parse_xml(xml)) != xml:
        raise NoBlueprint("XML that does not survive a round trip")
    return xml


def _related(part: Any, reltype: str) -> Any:
    try:
        return part.part_related_by(reltype)
    except KeyError:
        raise NoBlueprint(f"no {reltype.rsplit('/', 1)[-1]} part") from None


def _hosted(host: Host, part: Any) -> bool:
    """Whether ``part`` is one of the template's own (shared by every deck)."""
    return host.parts.get(id(part)) is part


def _parts(host: Host, deck: Any, entries: Mapping[str, ZipEntry]) -> tuple[list[PackagedPart], int, list[Any]]:
    """The parts of a deck without slides in writing order, where its slides go, and the parts."""
    package = deck.part.package
    core, app = _related(package, RT.CORE_PROPERTIES), _related(package, RT.EXTENDED_PROPERTIES)
    order: list[PackagedPart] = []
    found: list[Any] = []
    seen: set[int] = set()
    slides_at = -1

    def walk(rels: Any) -> None:
        nonlocal slides_at
        for rel in rels.values():
            if rel.is_external or id(rel.target_part) in seen:
                continue
            part: Any = rel.target_part
            seen.add(id(part))
            found.append(part)
            name = str(part.partname)
            if part is deck.part:
                order.append(PackagedPart(name, "presentation"))
            elif part is core or part is app:
                if part.rels:
                    raise NoBlueprint("document properties with relationships")
                order.append(PackagedPart(name, "core" if part is core else "app"))
            elif _hosted(host, part) and name[1:] in entries:
                rels_name = rels_member(name) if part.rels else None
                if rels_name is not None and rels_name not in entries:
                    raise NoBlueprint(f"no entry for {rels_name}")
                order.append(PackagedPart(name, "shared", rels_name))
            else:
                raise NoBlueprint(f"a part of its own: {name}")
            walk(part.rels)
            if part is deck.part:
                slides_at = len(order)

    walk(package_relationships(package))
    return order, slides_at, found


def _alignments(found: Placeholders) -> tuple[tuple[str | None, str | None], ...]:
    """What the title and text placeholders of a new slide inherit, as a title and as body text."""
    return tuple((inherited_alignment(shape, title=True), inherited_alignment(shape, title=False))
                 for shape in (found.title, *found.texts) if shape is not None)


def _recolours(layout: Any, found: Placeholders) -> tuple[tuple[Backdrop, ...], tuple[tuple[str | None, ...], ...]]:
    """The layout's backdrops and the colours its title and text placeholders' text needs on them
    (see ``LayoutBlueprint.recolours``); nothing when the template's colours read everywhere."""
    pairs = [(getattr(shape, "_base_placeholder", None), shape is found.title)
             for shape in (found.title, *found.texts) if shape is not None]
    if any(base is None for base, _ in pairs):
        return (), ()
    rects, recolours = placeholder_recolours(layout, pairs)
    if all(colour is None for colours in recolours for colour in colours):
        return (), ()
    return rects, recolours


def _frame(shape: Any) -> tuple[int | None, int | None, int | None, int | None]:
    """A placeholder's position and size as it inherits them (plain ints: the blueprint is data)."""
    return _length(shape.left), _length(shape.top), _length(shape.width), _length(shape.height)


def _length(value: Any) -> int | None:
    return None if value is None else int(value)


def _footer_alignment(layout: Any, footer: Element | None) -> str | None:
    if footer is None:
        return None
    return inherited_alignment(SlidePlaceholder(footer, layout.shapes), title=True)


def placeholder_of_type(tree: Element, kind: str) -> Element | None:
    """The first placeholder of ``kind`` (``sldNum``, ``ftr``) in a layout's shape tree."""
    for shape in tree.iter(qn("p:sp")):
        ph = shape.find(PLACEHOLDER)
        if ph is not None and ph.get("type") == kind:
            return shape
    return None


def _layout(factory: SlideFactory, prototypes: Prototypes, layout: Any, master: int, drawn: Drawn) -> LayoutBlueprint:
    _slide, found = factory.add_slide(layout)
    prototype = prototypes.layouts[str(layout.part.partname)]
    slide = prototype.slide
    tree = slide.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    elements = [child for child in tree if child.tag in SHAPE_TAGS]
    for position in (prototype.title, *prototype.texts):
        if position is not None and elements[position].find(_TX_BODY) is None:
            raise NoBlueprint("a text placeholder without a text body")
    layout_tree = shape_tree(layout.shapes)
    number, footer = placeholder_of_type(layout_tree, "sldNum"), placeholder_of_type(layout_tree, "ftr")
    backdrops, recolours = _recolours(layout, found)
    return LayoutBlueprint(
        partname=str(layout.part.partname),
        slide=_stable(slide),
        title=prototype.title,
        texts=prototype.texts,
        pictures=prototype.pictures,
        number=None if number is None else _stable(number),
        footer=None if footer is None else _stable(footer),
        mark=mark_colours(layout, drawn),
        aligns=_alignments(found),
        frames=tuple(_frame(shape) for shape in found.texts),
        footer_align=_footer_alignment(layout, footer),
        title_frame=None if found.title is None else _frame(found.title),
        master=master,
        backdrops=backdrops,
        recolours=recolours,
    )


def _notes(deck: Any, factory: SlideFactory, prototypes: Prototypes) -> NotesBlueprint | None:
    try:
        master = deck.part.part_related_by(RT.NOTES_MASTER)
    except KeyError:
        return None
    slide, _ = factory.add_slide(deck.slide_layouts[0])
    factory.notes_frame(slide)
    if prototypes.notes is None or prototypes.notes_body is None:
        return None
    body = prototypes.notes
    for position in prototypes.notes_body:
        body = body[position]
    text = body.find(_TX_BODY)
    if text is None:
        return None
    return NotesBlueprint(_stable(prototypes.notes), (*prototypes.notes_body, text.getparent().index(text)),
                          str(master.partname))


def draft_blueprint(host: Host, entries: Mapping[str, ZipEntry], used: Set[int] | None = None) -> DeckBlueprint | None:
    """The blueprint of decks on ``host`` (the prepared template opened), or None when its
    decks must be written with python-pptx. ``used``: positions of the layouts decks may be
    built on (every layout when None); the others are not drafted."""
    try:
        return _draft(host, entries, used)
    except NoBlueprint:
        return None
    except Exception:  # a blueprint only saves time: a template it trips over is still usable
        return None


def _draft(host: Host, entries: Mapping[str, ZipEntry], used: Set[int] | None) -> DeckBlueprint:
    empty = new_deck(host)
    parts, slides_at, found = _parts(host, empty, entries)
    main = empty.part
    presentation = part_element(main)
    if presentation.find(qn("p:sldIdLst")) is None:
        raise NoBlueprint("no slide list")
    folder = posixpath.dirname(str(main.partname))
    if any(base_uri(rel) != folder for rel in relationship_map(main.rels).values()):
        raise NoBlueprint("relationships resolved against another folder")
    defaults, overrides = content_types(found)
    scratch = new_deck(host)
    prototypes = Prototypes()
    factory = SlideFactory(scratch, prototypes)
    every = [(number, layout) for number, master in enumerate(scratch.slide_masters) for layout in master.slide_layouts]
    drawn: Drawn = {}
    layouts = tuple(_layout(factory, prototypes, layout, number, drawn) if used is None or index in used else None
                    for index, (number, layout) in enumerate(every))
    theme = None  # an unreadable theme gets no East Asian font, as in the python-pptx writer
    try:
        theme_part = empty.slide_master.part.part_related_by(RT.THEME)
        theme = (str(theme_part.partname), bytes(theme_part.blob))
    except KeyError:
        pass
    return DeckBlueprint(
        layouts=layouts,
        presentation=_stable(presentation),
        presentation_name=str(main.partname),
        presentation_rels=tuple(relations(main.rels)),
        package_rels=rels_xml(package_relationships(empty.part.package)),
        parts=tuple(parts),
        slides_at=slides_at,
        content_defaults=tuple(defaults.items()),
        content_overrides=tuple(overrides.items()),
        core=bytes(_related(empty.part.package, RT.CORE_PROPERTIES).blob),
        theme=theme,
        notes=_notes(scratch, factory, prototypes),
        images=_images(empty.part.package),
        own_boxes=tuple(OwnBoxes(*own_boxes(master)) for master in scratch.slide_masters),
    )


def _images(package: Any) -> tuple[tuple[str, str], ...]:
    """The template's pictures a deck may reuse, as python-pptx finds them: image relationships
    in depth-first order, each part once."""
    found: dict[str, str] = {}
    for rel in package.iter_rels():
        if rel.is_external or rel.reltype != RT.IMAGE:
            continue
        part = rel.target_part
        if isinstance(part, ImagePart) and str(part.partname) not in found:
            found[str(part.partname)] = part.sha1
    return tuple(found.items())
