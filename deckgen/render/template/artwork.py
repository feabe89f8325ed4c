"""What a layout shows besides its placeholders: the artwork text must keep clear of.

A slide on a layout shows the layout's shapes and pictures that are not placeholders, its
master's too (unless the layout sets ``showMasterSp="0"``), over a background. deckgen
draws each piece's real outline (see :mod:`deckgen.render.template.outlines`) into a mask
of the slide, a grid of cells 4 to 5 pt wide. This is deckgen's one measure of artwork: the
role chooser (:mod:`deckgen.render.template.roles`) asks how much of a role's text box the
artwork crosses (:meth:`Artwork.crossing`) to prefer a plain master for text slides, and
:mod:`deckgen.render.template.clearing` keeps text and deckgen's own marks off what crosses
a box (:meth:`Artwork.obstacles`). A piece that holds a whole box (a band made for the
title, a background picture, a shape as large as the slide) is where the template means text
to be: it crosses nothing. A background picture counts as artwork covering the whole slide
(:func:`artwork_share`). Pieces that cannot be seen (hidden, or neither filled, outlined nor
holding text, or filled in the slide's own background colour) are left out.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass, field

from PIL import Image, ImageChops, ImageDraw
from pptx.slide import SlideLayout

from deckgen.plan.profile import Box
from deckgen.render.ooxml.markup import qn
from deckgen.render.template.background import background_of, background_picture
from deckgen.render.template.colours import (
    RGB,
    Element,
    Palette,
    as_int,
    colour_child,
    contrast_ratio,
    fill_of,
    paint,
    palette_for,
    resolve_colour,
)
from deckgen.render.template.outlines import (
    LINES,
    Polygon,
    Transform,
    custom_outline,
    frame_of,
    group_space,
    identity,
    placed,
    preset_outline,
)

CELLS_ACROSS = 192
"""Mask cells across the slide's width (4 to 5 pt each)."""
HOLDS = 0.97
"""A piece under at least this share of a box holds it (a panel made for the text), rather than crossing it."""
SET = 255
"""The value of a set cell in a mask."""
_UNSEEN = 1.1
"""A fill this close to the slide background (contrast ratio) cannot be seen."""
_HAIRLINE = 12700
"""Width of an outline that names none, EMU (1 pt)."""
Boxes = tuple[Box | None, tuple[Box, ...]]
"""A title box (or none) and text boxes."""


@dataclass
class Piece:
    """One piece of artwork: the cells it covers and the colour it shows."""

    name: str
    mask: Image.Image
    """Mode ``"1"``: the slide's cells, set where the piece is drawn."""
    colour: RGB | None
    """Its fill as one colour (gradients averaged); None for pictures, outlines and text."""

    bounds: tuple[int, int, int, int] = field(init=False)
    """The cells it spans: (left, top, right, bottom), right and bottom exclusive."""

    def __post_init__(self) -> None:
        self.bounds = self.mask.getbbox() or (0, 0, 0, 0)

    def cells(self) -> int:
        """How many cells the piece covers."""
        return set_cells(self.mask)

    def share(self, region: tuple[int, int, int, int]) -> float:
        """Share of the cells of ``region`` the piece covers."""
        left, top, right, bottom = self.bounds
        if left >= region[2] or right <= region[0] or top >= region[3] or bottom <= region[1]:
            return 0.0
        return covered(self.mask, region)


@dataclass
class Artwork:
    """The artwork of one layout (and its master) on a grid over the slide; lengths EMU."""

    width: int
    height: int
    pieces: list[Piece]
    cleared: dict[tuple[Boxes, tuple[Box, Box] | None], Boxes] = field(default_factory=dict, compare=False, repr=False)
    """Boxes already moved off this artwork, by the boxes and master areas asked about (the
    roles of a layout mostly share their boxes; see :mod:`deckgen.render.template.clearing`)."""

    @property
    def cell(self) -> int:
        """Width and height of one cell."""
        return max(math.ceil(self.width / CELLS_ACROSS), 1)

    @property
    def size(self) -> tuple[int, int]:
        """Columns and rows of the grid."""
        return math.ceil(self.width / self.cell), math.ceil(self.height / self.cell)

    def region(self, box: Box) -> tuple[int, int, int, int]:
        """The cells ``box`` touches: (left, top, right, bottom), right and bottom exclusive."""
        columns, rows = self.size
        cell = self.cell
        left, top = min(max(box.left // cell, 0), columns), min(max(box.top // cell, 0), rows)
        right = min(max(-(-(box.left + box.width) // cell), left), columns)
        bottom = min(max(-(-(box.top + box.height) // cell), top), rows)
        return left, top, right, bottom

    def blank(self) -> Image.Image:
        """An empty mask of the slide."""
        return Image.new("1", self.size, 0)

    def share(self, box: Box) -> float:
        """Share of ``box`` (0 .. 1) that artwork covers."""
        union = self.blank()
        for piece in self.pieces:
            union = ImageChops.logical_or(union, piece.mask)
        return covered(union, self.region(box))

    def crossing(self, box: Box) -> float:
        """Share of ``box`` (0 .. 1) that artwork crosses without holding it (see :meth:`obstacles`):
        0 on a plain layout and under a background picture, which text is meant to sit on."""
        return covered(self.obstacles(box), self.region(box))

    def obstacles(self, box: Box) -> Image.Image:
        """The mask of the pieces that cross ``box`` without holding it (see :data:`HOLDS`)."""
        region = self.region(box)
        union = self.blank()
        for piece in self.pieces:
            share = piece.share(region)
            if 0 < share < HOLDS:
                union = ImageChops.logical_or(union, piece.mask)
        return union


def covered(mask: Image.Image, region: tuple[int, int, int, int]) -> float:
    """Share of the cells of ``region`` set in ``mask``; 0 for an empty region."""
    left, top, right, bottom = region
    total = (right - left) * (bottom - top)
    if total <= 0:
        return 0.0
    return set_cells(mask.crop(region)) / total


def set_cells(mask: Image.Image) -> int:
    """How many cells of ``mask`` are set."""
    return mask.size[0] * mask.size[1] - int(mask.histogram()[0])


Drawn = dict[tuple[int, str], list[Piece]]
"""Masters' pieces already drawn, for the layouts of one template to share."""


def artwork_share(layout: SlideLayout, box: Box, drawn: Drawn | None = None) -> float:
    """How much of ``box`` (0 .. 1) the artwork of ``layout`` and its master covers, pieces that
    hold it included: 0 on a plain layout, 1 on a background picture. ``drawn``: see
    :func:`layout_artwork`."""
    return layout_artwork(layout, drawn).share(box)


def layout_artwork(layout: SlideLayout, drawn: Drawn | None = None) -> Artwork:
    """The artwork slides on ``layout`` show: the layout's, its master's (when shown) and a
    background picture. ``drawn``, when given, keeps each master's pieces for the next layout
    (pass one per template: the layouts of a master share its artwork)."""
    master = layout.slide_master
    presentation = master.part.package.presentation_part.presentation
    artwork = Artwork(int(presentation.slide_width or 12192000), int(presentation.slide_height or 6858000), [])
    palette = palette_for(layout)
    background = background_of(layout, palette)[0]
    if background_picture(layout, palette):
        whole = artwork.blank()
        whole.paste(SET, (0, 0, *artwork.size))
        artwork.pieces.append(Piece("background picture", whole, None))
    if layout.element.get("showMasterSp") not in ("0", "false"):
        key = (id(master.element), repr((sorted(palette.mapping.items()), background)))
        pieces = drawn.get(key) if drawn is not None else None
        if pieces is None:
            pieces = _tree_pieces(artwork, master.element, palette, background)
            if drawn is not None:
                drawn[key] = pieces
        artwork.pieces += pieces
    artwork.pieces += _tree_pieces(artwork, layout.element, palette, background)
    return artwork


def _tree_pieces(artwork: Artwork, owner: Element, palette: Palette, background: RGB | None) -> list[Piece]:
    """The visible pieces of a layout's or master's shape tree."""
    tree = owner.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    return [] if tree is None else list(_pieces(artwork, tree, identity, palette, background))


# -- Pieces ---------------------------------------------------------------------------------


@dataclass
class _Look:
    """How a shape is drawn: filled (and in which colour), outlined (how wide), holding text."""

    filled: bool
    colour: RGB | None
    line: int | None
    text: bool


def _pieces(artwork: Artwork, tree: Element, outer: Transform, palette: Palette,
            background: RGB | None) -> Iterator[Piece]:
    """The visible pieces of a shape tree (groups entered), drawn into the grid."""
    for shape in tree:
        tag = shape.tag
        if not isinstance(tag, str) or _hidden(shape):
            continue
        if tag == qn("p:grpSp"):
            xfrm = shape.find(f"{qn('p:grpSpPr')}/{qn('a:xfrm')}")
            if xfrm is not None:
                yield from _pieces(artwork, shape, group_space(xfrm, outer), palette, background)
        elif tag in (qn("p:pic"), qn("p:graphicFrame")):
            xfrm = shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") if tag == qn("p:pic") else shape.find(qn("p:xfrm"))
            frame = frame_of(xfrm)
            if xfrm is not None and frame is not None:
                polygon = preset_outline("rect", frame[2], frame[3])
                yield _drawn(artwork, _name(shape), [polygon], placed(xfrm, frame, outer), _Look(True, None, None, False))
        elif tag in (qn("p:sp"), qn("p:cxnSp")) and shape.find(f".//{qn('p:nvPr')}/{qn('p:ph')}") is None:
            piece = _shape_piece(artwork, shape, outer, palette, background)
            if piece is not None:
                yield piece


def _hidden(shape: Element) -> bool:
    properties = shape.find(f"*/{qn('p:cNvPr')}")
    return properties is not None and properties.get("hidden") in ("1", "true")


def _name(shape: Element) -> str:
    properties = shape.find(f"*/{qn('p:cNvPr')}")
    return str(properties.get("name", "")) if properties is not None else ""


def _shape_piece(artwork: Artwork, shape: Element, outer: Transform, palette: Palette,
                 background: RGB | None) -> Piece | None:
    """A drawn shape or connector as a piece; None when it shows nothing."""
    properties = shape.find(qn("p:spPr"))
    xfrm = properties.find(qn("a:xfrm")) if properties is not None else None
    frame = frame_of(xfrm)
    if properties is None or xfrm is None or frame is None:
        return None
    look = _look(shape, properties, palette)
    if look.filled and look.line is None and not look.text and _unseen(look.colour, background):
        return None
    if not (look.filled or look.line or look.text):
        return None
    width, height = frame[2], frame[3]
    custom, preset = properties.find(qn("a:custGeom")), properties.find(qn("a:prstGeom"))
    name = str(preset.get("prst", "rect")) if preset is not None else "rect"
    outline: list[Polygon]
    if name in LINES or shape.tag == qn("p:cxnSp"):
        outline = [((0.0, 0.0), (float(width), float(height)))]
        look = _Look(False, None, look.line or _HAIRLINE, False)
    elif custom is not None:
        outline = custom_outline(custom, width, height)
    else:
        outline = [preset_outline(name, width, height)]
    if look.text and not look.filled:
        outline, look = [preset_outline("rect", width, height)], _Look(True, None, None, True)
    return _drawn(artwork, _name(shape), outline, placed(xfrm, frame, outer), look)


def _unseen(colour: RGB | None, background: RGB | None) -> bool:
    return colour is not None and background is not None and contrast_ratio(colour, background) < _UNSEEN


def _look(shape: Element, properties: Element, palette: Palette) -> _Look:
    """Fill, outline and text of a shape: its own properties, else its style's theme references."""
    style = shape.find(qn("p:style"))
    fill = fill_of(properties)
    if fill is not None:
        filled = fill.tag != qn("a:noFill")
        colour = paint(fill, palette) if filled else None
    else:
        reference = style.find(qn("a:fillRef")) if style is not None else None
        filled = reference is not None and as_int(reference.get("idx")) > 0
        colour = resolve_colour(colour_child(reference), palette) if filled else None
    return _Look(filled, colour if filled else None, _line(properties, style), _has_text(shape))


def _line(properties: Element, style: Element | None) -> int | None:
    """The outline's width in EMU, None when the shape has none."""
    line = properties.find(qn("a:ln"))
    if line is not None:
        fill = fill_of(line)
        if fill is not None:
            return None if fill.tag == qn("a:noFill") else as_int(line.get("w"), _HAIRLINE) or _HAIRLINE
    reference = style.find(qn("a:lnRef")) if style is not None else None
    if reference is None or as_int(reference.get("idx")) <= 0:
        return None
    return as_int(line.get("w"), _HAIRLINE) if line is not None else _HAIRLINE


def _has_text(shape: Element) -> bool:
    return any((text.text or "").strip() for text in shape.iter(qn("a:t")))


def _drawn(artwork: Artwork, name: str, outline: list[Polygon], transform: Transform, look: _Look) -> Piece:
    """The piece ``outline`` (in its frame's space) makes on the grid."""
    mask = artwork.blank()
    draw = ImageDraw.Draw(mask)
    cell = artwork.cell
    columns, rows = artwork.size
    reach = 4 * max(columns, rows)  # a damaged template's far-off points, kept drawable

    def to_cells(point: tuple[float, float]) -> tuple[float, float]:
        x, y = transform(point)
        return min(max(x / cell, -reach), reach), min(max(y / cell, -reach), reach)

    for polygon in outline:
        cells = [to_cells(point) for point in polygon]
        if look.filled and len(cells) > 2:
            draw.polygon(cells, fill=SET, outline=SET)
        elif look.line:
            closed = cells + cells[:1] if len(cells) > 2 else cells
            draw.line(closed, fill=SET, width=min(max(1, round(look.line / cell)), reach))
    colour = look.colour if look.filled and not look.text else None
    return Piece(name, mask, colour)
