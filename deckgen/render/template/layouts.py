"""A template's layouts as deckgen sees them, and where each role's texts go on one.

Each layout is read once (:func:`describe_layout`): its title, text and picture placeholders
with their boxes and text styles, its OOXML type, its master's title and body areas and the
artwork a slide on it shows (:mod:`deckgen.render.template.artwork`). :func:`slots_for` then
says where a role's title, body, aside and picture go on it, with deckgen's own boxes where
the layout has no placeholder for them or its boxes are too small
(:mod:`deckgen.render.template.areas`), and every box moved off the artwork
(:mod:`deckgen.render.template.clearing`). Which layout serves which role is
:mod:`deckgen.render.template.roles`' to decide, on the boxes as the template places them
(:func:`placed_slots`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import SlideLayout

from deckgen.plan.layoutkinds import normalized
from deckgen.plan.layouts import shared_layout_message
from deckgen.plan.profile import Box, LayoutSlots, Role
from deckgen.render.template.areas import area, content_areas, moved, roomy_subtitle, title_slide_areas, too_small
from deckgen.render.template.artwork import Artwork, Drawn, layout_artwork
from deckgen.render.template.clearing import clear_of_artwork
from deckgen.render.template.countdownstrip import countdown_strip
from deckgen.render.template.markslots import question_mark_slots
from deckgen.render.template.textstyle import insets, level_styles, master_text_style
from deckgen.records import record

_P = TypeVar("_P", bound=Any)

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
TEXT_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
PICTURE_TYPES = (PP_PLACEHOLDER.PICTURE,)
MARGIN_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
"""The placeholders deckgen fills in a slide's margin: its footer and its number."""

@record(frozen=True)
class LayoutShape:
    """The placeholders of one layout that deckgen fills, in document order, and what else
    decides which roles it serves: its type, its master's areas and artwork."""

    layout: SlideLayout
    title: Box | None
    texts: tuple[Box, ...]
    pictures: tuple[Box, ...]
    centered_title: bool
    index: int = 0
    """Position among the template's layouts, every master's in turn (names may repeat; positions do not)."""
    kind: str = "cust"
    """The layout's OOXML type (``<p:sldLayout type="…">``: ``title``, ``obj``, ``titleOnly`` ...)."""
    master: int = 0
    """Position of the layout's master among the template's masters."""
    areas: tuple[Box, Box] | None = None
    """The master's title and body areas (its placeholders, else deckgen's defaults), with its text styles."""
    artwork: Artwork | None = None
    """The pictures and shapes a slide on the layout shows besides placeholders (None: not
    measured, no artwork counted)."""
    slide: tuple[int, int] = (12192000, 6858000)
    """The slide's width and height (EMU)."""
    bodies: int = 0
    """How many of ``texts`` are body or content placeholders (the others are subtitles)."""
    margins: tuple[Box, ...] = ()
    """Where the layout's footer and slide number stand (the countdown bar keeps clear of them)."""

    @property
    def name(self) -> str:
        """The layout's name as the template gives it."""
        return str(self.layout.name)


def in_fill_order(placeholders: Iterable[_P]) -> list[_P]:
    """Placeholders by idx (body 1 before a layout's extra body 13), document order among equals.

    LibreOffice numbers every placeholder 0, so document order decides there.
    """
    return sorted(placeholders, key=lambda p: int(p.placeholder_format.idx))


def _box(placeholder: object, fallback: Box, title: bool) -> Box:
    """Geometry, insets and paragraph styles of a layout placeholder (inherited from the master)."""
    left, top = getattr(placeholder, "left", None), getattr(placeholder, "top", None)
    width, height = getattr(placeholder, "width", None), getattr(placeholder, "height", None)
    chain = [placeholder, getattr(placeholder, "_base_placeholder", None)]
    master = master_text_style(getattr(getattr(placeholder, "part", None), "slide_master", None), title)
    styled = replace(fallback, levels=level_styles(chain, master))
    inset_left, inset_top, inset_right, inset_bottom = insets(chain)
    styled = replace(styled, inset_left=inset_left, inset_top=inset_top, inset_right=inset_right,
                     inset_bottom=inset_bottom)
    if None in (left, top, width, height):
        return styled
    return replace(styled, left=int(left), top=int(top), width=int(width), height=int(height))  # type: ignore[arg-type]


def default_boxes(slide_width: int, slide_height: int) -> tuple[Box, Box]:
    """A title band and a content area for layouts that give no geometry."""
    margin = slide_width // 16
    title = Box(margin, slide_height // 20, slide_width - 2 * margin, slide_height // 6)
    top = slide_height // 4
    body = Box(margin, top, slide_width - 2 * margin, slide_height - top - slide_height // 10)
    return title, body


def master_areas(master: Any, slide_width: int, slide_height: int) -> tuple[Box, Box]:
    """The title and body areas of ``master`` with its text styles: its title and body
    placeholders' boxes, else deckgen's defaults styled as the master styles titles and text."""
    title_default, body_default = default_boxes(slide_width, slide_height)
    title = replace(title_default, levels=level_styles([], master_text_style(master, True)))
    body = replace(body_default, levels=level_styles([], master_text_style(master, False)))
    kinds = {placeholder.placeholder_format.type: placeholder for placeholder in reversed(list(master.placeholders))}
    found_title = kinds.get(PP_PLACEHOLDER.TITLE, kinds.get(PP_PLACEHOLDER.CENTER_TITLE))
    if found_title is not None:
        title = _box(found_title, title_default, title=True)
    if PP_PLACEHOLDER.BODY in kinds:
        body = _box(kinds[PP_PLACEHOLDER.BODY], body_default, title=False)
    return title, body


def describe_layout(layout: SlideLayout, slide_width: int, slide_height: int, index: int = 0,
                    master: int = 0, areas: tuple[Box, Box] | None = None, drawn: Drawn | None = None) -> LayoutShape:
    """The fillable placeholders of ``layout`` with their boxes, its type, its master's areas
    (``areas``, read from the layout's master when not given) and its artwork (``drawn``: the
    masters' artwork already drawn, one per template, see
    :func:`deckgen.render.template.artwork.layout_artwork`)."""
    areas = areas or master_areas(layout.slide_master, slide_width, slide_height)
    title_default, body_default = default_boxes(slide_width, slide_height)
    title: Box | None = None
    texts: list[Box] = []
    pictures: list[Box] = []
    margins: list[Box] = []
    centered = False
    bodies = 0
    for placeholder in in_fill_order(layout.placeholders):
        kind = placeholder.placeholder_format.type
        if kind in TITLE_TYPES and title is None:
            title = _box(placeholder, title_default, title=True)
            centered = kind == PP_PLACEHOLDER.CENTER_TITLE
        elif kind in TEXT_TYPES:
            texts.append(_box(placeholder, body_default, title=False))
            bodies += kind != PP_PLACEHOLDER.SUBTITLE
        elif kind in PICTURE_TYPES:
            pictures.append(_box(placeholder, body_default, title=False))
        elif kind in MARGIN_TYPES and None not in (placeholder.left, placeholder.top, placeholder.width, placeholder.height):
            margins.append(Box(int(placeholder.left), int(placeholder.top), int(placeholder.width), int(placeholder.height)))
    return LayoutShape(
        layout, title, tuple(texts), tuple(pictures), centered, index,
        kind=str(layout.element.get("type", "cust")),
        master=master,
        areas=areas,
        artwork=layout_artwork(layout, drawn),
        slide=(slide_width, slide_height),
        bodies=bodies,
        margins=tuple(margins),
    )


def _split_for_picture(body: Box, mirrored: bool = False) -> tuple[Box, Box]:
    """Left half for text, right half for a picture, with a gap between (``mirrored``: text
    on the right, as a right-to-left deck reads it first)."""
    gap = body.width // 25
    half = (body.width - gap) // 2
    if mirrored:
        text = replace(body, left=body.left + body.width - half, width=half)
        return text, Box(body.left, body.top, body.width - half - gap, body.height)
    text = replace(body, width=half)
    picture = Box(body.left + half + gap, body.top, body.width - half - gap, body.height)
    return text, picture


VISUAL_ROLES = (Role.COMPARE, Role.TABLE, Role.CHART)
"""Roles whose slides hold a drawn comparison, table or chart, not body text."""
OPENING_ROLES = (Role.TITLE, Role.SECTION)
"""Roles whose slides open the deck or a part: a large title and a short text under it."""


def _master_boxes(role: Role, shape: LayoutShape) -> tuple[Box, Box]:
    """Where ``role``'s title and text go when the layout's own boxes cannot take them: the
    master's areas (or deckgen's), across the middle of the slide for an opening slide."""
    assert shape.areas is not None
    title, body = content_areas(*shape.areas, default_boxes(*shape.slide), shape.slide)
    return title_slide_areas(title, body, *shape.slide) if role in OPENING_ROLES else (title, body)


def _fitted(role: Role, shape: LayoutShape, own_title: bool, own_body: bool) -> LayoutShape:
    """``shape`` with boxes that can hold ``role``: deckgen's own where the layout has none,
    the master's areas (or deckgen's) where its text boxes are too small for a point, the
    master's title area for a title standing where a layout without a body puts the slide's
    text, and a title slide's text box grown to hold its lines."""
    if own_title or own_body:
        title, body = _master_boxes(role if own_title else Role.CONTENT, shape)
        if not own_title:
            assert shape.title is not None
            if _title_in_body_area(shape.title, body):  # both from the master: an opening slide's across the middle
                title, body = _master_boxes(role, shape)
                title = moved(shape.title, title)
            else:
                title = shape.title
        return replace(shape, title=title, texts=(body,), pictures=())
    assert shape.title is not None and shape.areas is not None
    if role in OPENING_ROLES:
        if not shape.texts:
            return shape
        return replace(shape, texts=(roomy_subtitle(shape.texts[0], shape.title, shape.slide[1]), *shape.texts[1:]))
    main = max(shape.texts, key=area) if shape.texts else None
    if main is None and _title_in_body_area(shape.title, shape.areas[1]):
        return replace(shape, title=moved(shape.title, _master_boxes(role, shape)[0]))
    if main is None or not too_small(main, shape.areas[1], *shape.slide):
        return shape
    title, body = _master_boxes(role, shape)
    return replace(shape, title=moved(shape.title, title), texts=(moved(shape.texts[0], body),), pictures=())


def _title_in_body_area(title: Box, body: Box) -> bool:
    """Whether a layout's title stands in the master's body area, where a layout without a body
    puts a slide's text, table or chart (LibreOffice exports its Title Only layout with the
    title in the middle of the slide: a table went over it)."""
    across = min(title.left + title.width, body.left + body.width) - max(title.left, body.left)
    down = min(title.top + title.height, body.top + body.height) - max(title.top, body.top)
    return 2 * max(across, 0) * max(down, 0) > area(title)


def _role_boxes(role: Role, shape: LayoutShape, own: bool) -> tuple[LayoutShape, bool, bool]:
    """``shape`` with the boxes ``role`` takes on it as the template places them (see
    :func:`slots_for`), and whether deckgen draws its own title and body boxes."""
    if own:
        shape = replace(shape, title=None, texts=(), pictures=())
    own_title = shape.title is None
    own_body = not shape.texts and role not in VISUAL_ROLES
    return _fitted(role, shape, own_title, own_body), own_title, own_body


def slots_for(role: Role, shape: LayoutShape, borrowed: bool = False, own: bool = False,
              mirrored: bool = False) -> LayoutSlots:
    """Which of ``shape``'s boxes hold the title, body, aside and picture of ``role``.

    ``borrowed``: the layout serves another role and ``role`` has none of its own; a question
    slide then gets deckgen's own mark (see :mod:`deckgen.render.deck.marks`). Where the
    layout has no title placeholder, or no text placeholder for a role's text, or ``own``
    (no layout of the template can hold the role), deckgen draws its own boxes
    (``own_title``, ``own_body``). Every title and text box is moved off the layout's artwork
    (:func:`deckgen.render.template.clearing.clear_of_artwork`). ``mirrored``: for
    right-to-left decks, what deckgen arranges itself (that mark, a picture beside the body)
    is mirrored. A question slide's slots say where its countdown bar runs
    (:mod:`deckgen.render.template.countdownstrip`).
    """
    fitted, own_title, own_body = _role_boxes(role, shape, own)
    slots = replace(_slots(role, clear_of_artwork(fitted), borrowed, mirrored), own_title=own_title, own_body=own_body)
    if role is Role.QUESTION:
        slots = replace(slots, countdown=countdown_strip(shape.artwork or Artwork(*shape.slide, []), shape.margins))
    return slots


def placed_slots(role: Role, shape: LayoutShape) -> LayoutSlots:
    """Where ``role``'s boxes lie on ``shape`` as the template places them, before they are
    moved off its artwork: what the role chooser measures the artwork under."""
    return _slots(role, _role_boxes(role, shape, False)[0], False, False)


def _slots(role: Role, shape: LayoutShape, borrowed: bool, mirrored: bool) -> LayoutSlots:
    if borrowed and role is Role.QUESTION:
        marked = question_mark_slots(shape, mirrored)
        if marked is not None:
            return marked
    body = shape.texts[0] if shape.texts else None
    second = shape.texts[1] if len(shape.texts) > 1 else None
    if role is Role.PICTURE:
        picture = shape.pictures[0] if shape.pictures else second
        if picture is None and body is not None:
            body, picture = _split_for_picture(body, mirrored)
        return LayoutSlots(shape.name, shape.title, body, None, picture, shape.index, shape.texts)
    aside = second if role in (Role.QUOTE, Role.QUESTION) else None
    label = shape.texts[2] if role is Role.QUESTION and len(shape.texts) > 2 else None
    return LayoutSlots(shape.name, shape.title, body, aside, None, shape.index, shape.texts, label=label)


def slots_by_layout(shapes: Sequence[LayoutShape], mirrored: bool = False) -> dict[str, dict[Role, LayoutSlots]]:
    """Every layout by name (the first of layouts sharing one, in ``shapes``' order), as each role would fill it."""
    named: dict[str, dict[Role, LayoutSlots]] = {}
    for shape in shapes:
        if shape.name not in named:
            named[shape.name] = {role: slots_for(role, shape, mirrored=mirrored) for role in Role}
    return named


def layout_kinds(shapes: Sequence[LayoutShape]) -> dict[str, str]:
    """The type of every layout by name (the first of layouts sharing one, in ``shapes``' order)."""
    kinds: dict[str, str] = {}
    for shape in shapes:
        kinds.setdefault(shape.name, shape.kind)
    return kinds


def shared_names(shapes: Sequence[LayoutShape]) -> dict[str, tuple[int, ...]]:
    """Layout names several layouts of one master share, with their positions (1-based, as
    users count them). Masters repeating each other's names is how masters are made."""
    positions: dict[tuple[int, str], list[int]] = {}
    for shape in shapes:
        positions.setdefault((shape.master, shape.name), []).append(shape.index + 1)
    shared: dict[str, tuple[int, ...]] = {}
    for (_master, name), found in positions.items():
        if len(found) > 1 and name not in shared:
            shared[name] = tuple(found)
    return shared


def shared_name_warnings(template: str, shapes: Sequence[LayoutShape], chosen: Iterable[LayoutShape]) -> list[str]:
    """One warning for each layout serving a role whose name (as roles match names) other
    layouts of its master share."""
    warnings = []
    told: set[tuple[int, str]] = set()
    for shape in chosen:
        key = normalized(shape.name)
        if not key or (shape.master, key) in told:
            continue
        told.add((shape.master, key))
        positions = tuple(s.index + 1 for s in shapes if s.master == shape.master and normalized(s.name) == key)
        if len(positions) > 1:
            warnings.append(shared_layout_message(template, shape.name, positions))
    return warnings
