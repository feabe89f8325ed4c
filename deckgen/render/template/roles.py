"""Which layout of a template serves each slide role.

Bundled templates name their layouts in a brand file. Any other template is matched by the
layout's OOXML type first (``<p:sldLayout type="obj">`` means a content layout whatever its
name's language), then by name (English names as PowerPoint, LibreOffice and pandoc write
them, then PowerPoint's names in other languages), then by placeholder types. Where a
template has several masters, slides with text take a layout whose artwork leaves their
boxes clear and roomy once moved off it (a decorated master serves title and section slides),
as :mod:`deckgen.render.template.artwork` measures them; among equals, the content layout's
master, so that a deck keeps one numbering and footer. A role with no layout of its own falls
back to a related role, with a warning; a template where no layout has a title (a theme with a
Blank layout only) gets deckgen's own boxes on its emptiest layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from deckgen.plan.layoutkinds import LOCALIZED_NAMES, normalized
from deckgen.plan.profile import Box, LayoutSlots, Role
from deckgen.render.template.areas import area
from deckgen.render.template.layouts import OPENING_ROLES, LayoutShape, placed_slots, slots_for

Tier = tuple[frozenset[str], frozenset[str]]
"""Layout types and English names (:func:`normalized`) that serve a role equally well."""


def _tier(types: str, names: str) -> Tier:
    return frozenset(types.split()), frozenset(names.split())


TIERS: dict[Role, tuple[Tier, ...]] = {
    Role.TITLE: (_tier("title", "title titleslide"),),
    Role.THESIS: (_tier("", "thesis statement"),),
    Role.AGENDA: (_tier("", "agenda"),),
    Role.SECTION: (_tier("secHead", "section sectionheader sectiontitle sectiondivider"),),
    Role.CONTENT: (_tier("obj", "content titleandcontent titlecontent"), _tier("tx", "titleandtext titletext")),
    Role.QUOTE: (_tier("", "quote contentwithquote"),),
    Role.PICTURE: (_tier("", "picture"), _tier("twoObj", "twocontent titletwocontent title2content")),
    Role.QUESTION: (_tier("", "question discussion discussionquestion"),),
    Role.TAKEAWAYS: (_tier("", "closing takeaways keytakeaways conclusion summary"),),
    Role.REFERENCES: (_tier("", "references bibliography sources furtherreading"),),
    Role.COMPARE: (_tier("twoTxTwoObj", "comparison compare"), _tier("twoObj", "twocontent titletwocontent title2content")),
    Role.TABLE: (_tier("tbl", "table"), _tier("titleOnly", "titleonly")),
    Role.CHART: (_tier("chart", "chart"), _tier("titleOnly", "titleonly")),
}
"""What serves each role, best tier first."""

FALLBACK: dict[Role, Role] = {
    Role.TITLE: Role.CONTENT,
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
DECORATED = 0.2
"""A layout whose artwork covers more of a role's boxes than this share serves text slides
only when no clearer layout can."""


def _match(shape: LayoutShape, tier: Tier) -> int | None:
    """How ``shape`` matches ``tier``: 0 by its type, 1 by its English name, 2 by its name in
    another language, None not at all."""
    types, names = tier
    key = normalized(shape.name)
    if shape.kind in types:
        return 0
    if key in names:
        return 1
    if LOCALIZED_NAMES.get(key) in types:
        return 2
    return None


def _rank(shape: LayoutShape, role: Role) -> tuple[int, int] | None:
    """``shape``'s best (tier, match) for ``role``, None when it does not serve the role."""
    found = [(number, match) for number, tier in enumerate(TIERS[role])
             if (match := _match(shape, tier)) is not None]
    return min(found) if found else None


def _text_box(slots: LayoutSlots, shape: LayoutShape) -> Box | None:
    """The box holding a role's text in ``slots`` on ``shape``: the body, else the master's body
    area (where a table or chart goes on a Title Only layout)."""
    return slots.body or (shape.areas[1] if shape.areas else slots.title)


def _crossing(shape: LayoutShape, box: Box | None) -> float:
    """How much of ``box`` (0 to 1) the artwork of ``shape`` crosses."""
    return shape.artwork.crossing(box) if shape.artwork is not None and box is not None else 0.0


def _crossed(role: Role, shape: LayoutShape) -> float:
    """How much of the box holding ``role``'s text on ``shape``, where the template places it,
    its artwork crosses (0 to 1). A title may sit on a band made for it; body text should not
    sit on pictures."""
    return _crossing(shape, _text_box(placed_slots(role, shape), shape))


def _room(role: Role, shape: LayoutShape) -> int:
    """Tenths of the slide that ``role``'s text box on ``shape`` leaves clear of artwork once it
    is moved off it (a box the artwork crosses shrinks): where masters differ, text slides take
    the roomiest clear one."""
    box = _text_box(slots_for(role, shape), shape) if role not in OPENING_ROLES else None
    if box is None:
        return 0
    clear = area(box) * (1 - _crossing(shape, box))
    return round(10 * clear / (shape.slide[0] * shape.slide[1]))


def _key(role: Role, shape: LayoutShape, rank: tuple[int, int], master: int) -> tuple[bool, int, int, int, bool, int]:
    return (_crossed(role, shape) > DECORATED, rank[0], rank[1], -_room(role, shape), shape.master != master,
            shape.index)


def _by_rank(shapes: Sequence[LayoutShape], role: Role, master: int) -> LayoutShape | None:
    """The best layout of ``shapes`` for ``role`` by type and name, clear of artwork; among equals,
    one of the content layout's master (``master``), so that a deck keeps one master's
    numbering and footers where it can."""
    ranked = [(_key(role, s, rank, master), s) for s in shapes
              if (rank := _rank(s, role)) is not None and s.title is not None]
    return min(ranked, key=lambda pair: pair[0])[1] if ranked else None


def _by_placeholders(shapes: Sequence[LayoutShape], role: Role) -> LayoutShape | None:
    """A layout whose placeholders suit ``role``, for templates with unfamiliar names and types."""
    titled = [s for s in shapes if s.title is not None]
    if role is Role.TITLE:
        found = [s for s in titled if s.centered_title and s.texts]
    elif role is Role.CONTENT:
        bodied = [s for s in titled if s.bodies]
        found = sorted(bodied, key=lambda s: len(s.texts) + len(s.pictures)) or [s for s in titled if s.kind != "title"]
    elif role is Role.PICTURE:
        found = [s for s in titled if s.texts and s.pictures]
    else:
        return None
    return min(found, key=lambda s: (_crossed(role, s) > DECORATED, found.index(s))) if found else None


def emptiest(shapes: Sequence[LayoutShape]) -> LayoutShape:
    """The layout with the least on it (a Blank layout): where deckgen draws its own boxes."""
    return min(shapes, key=lambda s: (len(s.layout.placeholders) + _pieces(s), s.kind != "blank", s.index))


def _pieces(shape: LayoutShape) -> int:
    """How many pieces of artwork a slide on ``shape`` shows."""
    return len(shape.artwork.pieces) if shape.artwork is not None else 0


def choose_layouts(
    shapes: Sequence[LayoutShape], named: Mapping[Role, str] | None = None
) -> tuple[dict[Role, LayoutShape], list[Role], set[Role]]:
    """The layout for every role, the roles that had to fall back to another role's, and the
    roles that get deckgen's own boxes.

    A template where no layout serves content (a theme with a Blank layout, or a title slide
    only) gets its emptiest layout for every role left, with deckgen's own title and body
    boxes (:func:`deckgen.render.template.layouts.slots_for`).
    """
    chosen: dict[Role, LayoutShape] = {}
    by_name: dict[str, LayoutShape] = {}
    for shape in shapes:
        by_name.setdefault(shape.name, shape)  # the first of layouts sharing a name
    for role in sorted(Role, key=lambda r: r is not Role.CONTENT):  # content first: the others prefer its master
        if named and named.get(role) in by_name:
            chosen[role] = by_name[named[role]]
            continue
        master = chosen[Role.CONTENT].master if Role.CONTENT in chosen else -1
        found = _by_rank(shapes, role, master) or _by_placeholders(shapes, role)
        if found is not None:
            chosen[role] = found
    own: set[Role] = set()
    if Role.CONTENT not in chosen:
        chosen[Role.CONTENT] = emptiest(shapes)
        own.add(Role.CONTENT)
    fallen_back = [role for role in Role if role not in chosen]
    for role in fallen_back:
        target = role
        while target not in chosen and target in FALLBACK:
            target = FALLBACK[target]
        chosen[role] = chosen[target]
        if target in own:
            own.add(role)
    return chosen, [r for r in fallen_back if r not in DRAWN_ROLES], own


def preferred_order(shapes: Sequence[LayoutShape], content: LayoutShape) -> list[LayoutShape]:
    """``shapes`` with the layouts of ``content``'s master first: where several masters have a
    layout of one name, an outline's ``layout:`` takes the one beside the content layout."""
    return sorted(shapes, key=lambda s: (s.master != content.master, s.index))
