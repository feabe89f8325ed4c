"""Which layout of a template serves each slide role, and where its text boxes are.

Bundled templates name their layouts in a brand file. Any other template is matched by
layout name (PowerPoint's, LibreOffice's and pandoc's names), then by placeholder types;
a role with no layout of its own falls back to a related role, with a warning. Where
several layouts share a name, the first serves, and the user is told their positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.slide import SlideLayout

from deckgen.plan.layouts import shared_layout_message
from deckgen.plan.profile import Box, LayoutSlots, Role
from deckgen.render.template.markslots import question_mark_slots
from deckgen.render.template.textstyle import insets, level_styles, master_text_style
from deckgen.records import record

_P = TypeVar("_P", bound=Any)

TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
TEXT_TYPES = (PP_PLACEHOLDER.BODY, PP_PLACEHOLDER.OBJECT, PP_PLACEHOLDER.SUBTITLE)
PICTURE_TYPES = (PP_PLACEHOLDER.PICTURE,)

_NAMES: dict[Role, tuple[str, ...]] = {
    Role.TITLE: ("title", "titleslide"),
    Role.THESIS: ("thesis", "statement"),
    Role.AGENDA: ("agenda",),
    Role.SECTION: ("section", "sectionheader", "sectiontitle", "sectiondivider"),
    Role.CONTENT: ("content", "titleandcontent", "titlecontent", "titleandtext", "titletext"),
    Role.QUOTE: ("quote", "contentwithquote"),
    Role.PICTURE: ("picture", "twocontent", "titletwocontent", "title2content"),
    Role.QUESTION: ("question", "discussion", "discussionquestion"),
    Role.TAKEAWAYS: ("closing", "takeaways", "keytakeaways", "conclusion", "summary"),
    Role.REFERENCES: ("references", "bibliography", "sources", "furtherreading"),
    Role.COMPARE: ("comparison", "compare", "twocontent", "titletwocontent", "title2content"),
    Role.TABLE: ("table", "titleonly"),
    Role.CHART: ("chart", "titleonly"),
}
"""Layout names (lower case, letters and digits only) that serve each role, best first."""

FALLBACK: dict[Role, Role] = {
    Role.SECTION: Role.TITLE,
    Role.THESIS: Role.CONTENT,
    Role.AGENDA: Role.CONTENT,
    Role.QUOTE: Role.CONTENT,
    Role.PICTURE: Role.CONTENT,
    Role.QUESTION: Role.CONTENT,
    Role.TAKEAWAYS: Role.CONTENT,
    Role.REFERENCES: Role.CONTENT,
    Role.COMPARE: Role.CONTENT,
    Role.TABLE: Role.CONTENT,
    Role.CHART: Role.CONTENT,
}
"""Where a role goes when the template has no layout for it."""
DRAWN_ROLES = (Role.COMPARE, Role.TABLE, Role.CHART)
"""Roles deckgen draws in the content area when no layout has their name: no warning."""


def normalized(name: str) -> str:
    """``'Title, Content'`` -> ``'titlecontent'``: how layout names are compared."""
    return re.sub(r"[^a-z0-9]", "", name.lower())


@record(frozen=True)
class LayoutShape:
    """The placeholders of one layout that deckgen fills, in document order."""

    layout: SlideLayout
    title: Box | None
    texts: tuple[Box, ...]
    pictures: tuple[Box, ...]
    centered_title: bool
    index: int = 0
    """Position among the template's layouts (names may repeat; positions do not)."""

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


def describe_layout(layout: SlideLayout, slide_width: int, slide_height: int, index: int = 0) -> LayoutShape:
    """The fillable placeholders of ``layout`` with their boxes."""
    title_default, body_default = default_boxes(slide_width, slide_height)
    title: Box | None = None
    texts: list[Box] = []
    pictures: list[Box] = []
    centered = False
    for placeholder in in_fill_order(layout.placeholders):
        kind = placeholder.placeholder_format.type
        if kind in TITLE_TYPES and title is None:
            title = _box(placeholder, title_default, title=True)
            centered = kind == PP_PLACEHOLDER.CENTER_TITLE
        elif kind in TEXT_TYPES:
            texts.append(_box(placeholder, body_default, title=False))
        elif kind in PICTURE_TYPES:
            pictures.append(_box(placeholder, body_default, title=False))
    return LayoutShape(layout, title, tuple(texts), tuple(pictures), centered, index)


def _by_name(shapes: Sequence[LayoutShape], role: Role) -> LayoutShape | None:
    wanted = _NAMES[role]
    ranked = [(wanted.index(normalized(s.name)), i) for i, s in enumerate(shapes) if normalized(s.name) in wanted]
    return shapes[min(ranked)[1]] if ranked else None


def _by_types(shapes: Sequence[LayoutShape], role: Role) -> LayoutShape | None:
    """A layout whose placeholders suit ``role``, for templates with unfamiliar names."""
    titled = [s for s in shapes if s.title is not None]
    if role is Role.TITLE:
        found = [s for s in titled if s.centered_title and s.texts]
        return found[0] if found else None
    if role is Role.CONTENT:
        found = sorted((s for s in titled if s.texts), key=lambda s: len(s.texts) + len(s.pictures))
        return found[0] if found else (titled[0] if titled else None)
    if role is Role.PICTURE:
        found = [s for s in titled if s.texts and s.pictures]
        return found[0] if found else None
    return None


def choose_layouts(
    shapes: Sequence[LayoutShape], named: Mapping[Role, str] | None = None
) -> tuple[dict[Role, LayoutShape], list[Role]]:
    """The layout for every role, and the roles that had to fall back to another role's."""
    chosen: dict[Role, LayoutShape] = {}
    by_name: dict[str, LayoutShape] = {}
    for shape in shapes:
        by_name.setdefault(shape.name, shape)  # the first of layouts sharing a name
    for role in Role:
        if named and named.get(role) in by_name:
            chosen[role] = by_name[named[role]]
            continue
        found = _by_name(shapes, role) or _by_types(shapes, role)
        if found is not None:
            chosen[role] = found
    fallen_back = [role for role in Role if role not in chosen]
    for role in fallen_back:
        target = role
        while target not in chosen and target in FALLBACK:
            target = FALLBACK[target]
        if target in chosen:
            chosen[role] = chosen[target]
    return chosen, [r for r in fallen_back if r in chosen and r not in DRAWN_ROLES]


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


def slots_for(role: Role, shape: LayoutShape, borrowed: bool = False, mirrored: bool = False) -> LayoutSlots:
    """Which of ``shape``'s boxes hold the title, body, aside and picture of ``role``.

    ``borrowed``: the layout serves another role and ``role`` has none of its own; a question
    slide then gets deckgen's own mark (see :mod:`deckgen.render.deck.marks`). ``mirrored``:
    for right-to-left decks, what deckgen arranges itself (that mark, a picture beside the
    body) is mirrored.
    """
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
    """Every layout by name (the first of layouts sharing one), as each role would fill it."""
    named: dict[str, dict[Role, LayoutSlots]] = {}
    for shape in shapes:
        if shape.name not in named:
            named[shape.name] = {role: slots_for(role, shape, mirrored=mirrored) for role in Role}
    return named


def shared_names(shapes: Sequence[LayoutShape]) -> dict[str, tuple[int, ...]]:
    """Layout names several layouts share, with their positions (1-based, as users count them)."""
    positions: dict[str, list[int]] = {}
    for shape in shapes:
        positions.setdefault(shape.name, []).append(shape.index + 1)
    return {name: tuple(found) for name, found in positions.items() if len(found) > 1}


def shared_name_warnings(template: str, shapes: Sequence[LayoutShape], chosen: Iterable[LayoutShape]) -> list[str]:
    """One warning for each layout serving a role whose name (as roles match names) other layouts share."""
    warnings = []
    told: set[str] = set()
    for shape in chosen:
        key = normalized(shape.name)
        if not key or key in told:
            continue
        told.add(key)
        positions = tuple(s.index + 1 for s in shapes if normalized(s.name) == key)
        if len(positions) > 1:
            warnings.append(shared_layout_message(template, shape.name, positions))
    return warnings
