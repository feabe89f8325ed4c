"""What goes in which placeholder of a new slide, and what is drawn beside them.

The one fill routine of the deck writer: the title into the title placeholder (first in
reading order), the body, aside and label into the text placeholders, a picture, a
comparison, a table or a chart where the plan puts them; placeholders left unused are
removed so no "Click to add text" prompt shows. A placeholder whose slot differs from the
place it inherits (moved off the template's artwork, replaced by the master's area where it
is too small, or giving up half to a picture) gets the slot's geometry; where a layout has
no placeholder for the text, deckgen's own boxes in the master's styles hold it. Right-to-left text is set flush right where the template leaves it
flush left (``LayoutBlueprint.aligns``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from deckgen.outline.inline import plain
from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.profile import Box, LayoutSlots, column_gap
from deckgen.plan.slides import ChartPlan, ColumnPlan, ComparePlan, Paragraph, SlidePlan, TablePlan
from deckgen.render.template.blueprint import LayoutBlueprint, MarkColours, OwnBoxes
from deckgen.render.deck.drawing import (
    chart_frame,
    colour_xml,
    insert_shape,
    next_shape_id,
    picture,
    table_frame,
    text_box,
)
from deckgen.render.deck.media import fitted_box
from deckgen.render.ooxml.markup import SHAPE_TAGS, Element, nsdecls, parse_xml, qn
from deckgen.render.deck.paragraphs import Links, write_plain, write_text

_TX_BODY, _SP_PR, _XFRM, _OFF, _EXT = qn("p:txBody"), qn("p:spPr"), qn("a:xfrm"), qn("a:off"), qn("a:ext")
_AFTER_XFRM = frozenset(qn(f"a:{name}") for name in (
    "custGeom", "prstGeom", "noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill", "ln",
    "effectLst", "effectDag", "scene3d", "sp3d", "extLst"))
_AFTER_OFF = frozenset(qn(f"a:{name}") for name in ("ext", "chOff", "chExt"))
_AFTER_EXT = frozenset(qn(f"a:{name}") for name in ("chOff", "chExt"))
_RUN_FILLS = frozenset(qn(f"a:{name}") for name in ("noFill", "solidFill", "gradFill", "blipFill", "pattFill", "grpFill"))
_BULLET_INDENT = 285750
"""Hanging indent of a drawn bullet (0.3125 in), per level."""


@dataclass
class Canvas:
    """A slide being written: its XML, and how it relates to the parts it uses."""

    root: Element
    """The ``p:sld`` element."""
    links: Links
    """The relationship id of a web or mail link from this slide."""
    picture: Callable[[Path], tuple[str, tuple[int, int]]]
    """The relationship id of an image file's part from this slide, and the image's pixel size."""
    chart: Callable[[ChartPlan, MarkColours], str]
    """The relationship id of a new chart part from this slide (in the layout's brand and text colours)."""
    qr_code: Callable[[str], str]
    """The relationship id of a QR code picture of a web address from this slide."""

    @property
    def tree(self) -> Element:
        """The slide's shape tree."""
        return self.root.find(f"{qn('p:cSld')}/{qn('p:spTree')}")


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


def set_box(shape: Element, box: Box | None) -> None:
    """Give ``shape`` the slot's geometry (``a:xfrm``)."""
    if box is None:
        return
    transform = _insert(shape.find(_SP_PR), _XFRM, _AFTER_XFRM)
    offset = _insert(transform, _OFF, _AFTER_OFF)
    offset.set("x", str(box.left))
    offset.set("y", str(box.top))
    extent = _insert(transform, _EXT, _AFTER_EXT)
    extent.set("cx", str(box.width))
    extent.set("cy", str(box.height))


@dataclass
class _Placeholder:
    """A placeholder of the new slide, and the alignments its text inherits (title, body)."""

    shape: Element
    aligns: tuple[str | None, str | None]
    frame: tuple[int | None, int | None, int | None, int | None] | None = None

    def readable(self, layout: LayoutBlueprint, index: int) -> None:
        """Set the text in the colour it needs to read where the placeholder ended up, if any
        (``index``: its place among the layout's title and text placeholders)."""
        frame = _frame_of(self.shape) or self.frame
        if frame is None or None in frame:
            return
        left, top, width, height = (int(value or 0) for value in frame)
        colour = layout.recolour(index, (left, top, width, height))
        if colour is not None:
            _coloured(self.body, colour, keep=True)

    @property
    def body(self) -> Element:
        return self.shape.find(_TX_BODY)

    def align(self, language: str, title: bool) -> str | None:
        """What right-to-left text in ``language`` inherits here (None for left-to-right text)."""
        if not is_right_to_left(language):
            return None
        return self.aligns[0] if title else self.aligns[1]


def _own(canvas: Canvas, xml: bytes, box: Box | None, first: bool) -> _Placeholder:
    """deckgen's own box (``xml``, see :class:`OwnBoxes`) placed at ``box``: first in the shape
    tree (a title, read first) or last."""
    shape = parse_xml(xml)
    shape.find(f"{qn('p:nvSpPr')}/{qn('p:cNvPr')}").set("id", str(next_shape_id(canvas.root)))
    set_box(shape, box)
    if first:
        canvas.tree.insert(2, shape)
    else:
        insert_shape(canvas.tree, shape)
    return _Placeholder(shape, (None, None))


def fill_slide(canvas: Canvas, layout: LayoutBlueprint, plan: SlidePlan, slots: LayoutSlots, language: str,
               own: OwnBoxes | None = None) -> None:
    """Write ``plan`` into the new slide ``canvas`` on ``layout`` (see the module's docstring);
    ``own``: deckgen's own boxes in the layout's master's styles, where ``slots`` asks for them."""
    tree = canvas.tree
    shapes = [child for child in tree if child.tag in SHAPE_TAGS]
    aligns = iter(layout.aligns or ((None, None),) * (len(layout.texts) + 1))
    title = _Placeholder(shapes[layout.title], next(aligns), layout.title_frame) if layout.title is not None else None
    texts = [_Placeholder(shapes[i], next(aligns, (None, None)), frame)
             for i, frame in zip(layout.texts, layout.frames or (None,) * len(layout.texts))]
    placed = [p for p in (title, *texts) if p is not None]  # before own boxes replace any: recolours' order
    placeholders = [shape for shape in (title and title.shape, *(t.shape for t in texts),
                                        *(shapes[i] for i in layout.pictures)) if shape is not None]
    if own is not None and slots.own_title:
        title = _own(canvas, own.title, slots.title, first=True)
    if own is not None and slots.own_body and plan.body:
        texts = [_own(canvas, own.body, plan.body_box or slots.body, first=False)]
    used: list[Element] = []
    links = canvas.links
    if title is not None:
        title_language = plan.title_language or language
        write_plain(title.body, plan.title, plan.title_size, title_language, links, title.align(title_language, True))
        tree.remove(title.shape)
        tree.insert(2, title.shape)  # screen readers read the title first
        used.append(title.shape)
    body = texts[0] if texts else None
    second = texts[1] if len(texts) > 1 else None
    third = texts[2] if len(texts) > 2 else None
    if title is not None:
        if slots.mark:
            set_box(title.shape, slots.title)  # deckgen's question layout on a borrowed content layout
        else:
            _place(title, slots.title)
    if body is not None and plan.body:
        if slots.mark:
            set_box(body.shape, slots.body)
        else:
            _place(body, plan.body_box or slots.body)  # cleared of artwork, or giving up room to a picture
        write_text(body.body, plan.body, plan.body_size, language, links, body.align(language, False),
                   plan.paragraph_space, plan.centred)
        if plan.columns > 1 and slots.body is not None:
            _columns(body.body, plan.columns, column_gap(slots.body))
        used.append(body.shape)
    if second is not None and plan.aside and slots.aside is not None and not slots.mark:
        _place(second, slots.aside)
        write_text(second.body, plan.aside, plan.aside_size, language, links, second.align(language, False),
                   centred=plan.aside_centred)
        used.append(second.shape)
    if third is not None and plan.label and slots.label is not None and not slots.mark:
        _place(third, slots.label)
        label_language = plan.aside[0].language or language if plan.aside else language
        write_plain(third.body, plan.label, None, label_language, links, third.align(label_language, True))
        used.append(third.shape)
    if plan.image is not None and slots.picture is not None:
        rid, size = canvas.picture(plan.image.path)
        box = fitted_box(size, slots.picture)
        insert_shape(tree, picture(next_shape_id(canvas.root), plan.image.alt, rid, box))
    if plan.qr is not None and plan.qr.box is not None:
        rid = canvas.qr_code(plan.qr.url)
        insert_shape(tree, picture(next_shape_id(canvas.root), plan.qr.alt, rid, plan.qr.box))
    used += _visual(canvas, texts, plan, slots, layout.mark, language)
    if layout.recolours:
        for index, placeholder in enumerate(placed):
            if any(placeholder.shape is kept for kept in used):
                placeholder.readable(layout, index)
    for shape in placeholders:
        if not any(shape is kept for kept in used):
            tree.remove(shape)


def _columns(body: Element, count: int, gap: int) -> None:
    """Set the text of ``body`` (an ``a:txBody``) in ``count`` columns ``gap`` EMU apart."""
    properties = body.find(qn("a:bodyPr"))
    properties.set("numCol", str(count))
    properties.set("spcCol", str(gap))


def _place(placeholder: _Placeholder, box: Box | None) -> None:
    """Give the placeholder the slot's geometry when the slot differs from what it inherits
    (a box moved off the template's artwork, a box too small for its role replaced by the
    master's, a body giving up half to a picture; deckgen's own box, placed)."""
    if box is not None and placeholder.frame != (box.left, box.top, box.width, box.height):
        set_box(placeholder.shape, box)


def _visual(canvas: Canvas, texts: list[_Placeholder], plan: SlidePlan, slots: LayoutSlots, mark: MarkColours,
            language: str) -> list[Element]:
    """Draw the slide's comparison, table or chart; returns the text placeholders it filled."""
    if plan.compare is not None:
        for placeholder, box in zip(texts, slots.texts):
            _place(placeholder, box)
        return _compare(canvas, texts, plan.compare, language, mark)
    if plan.table is not None:
        _table(canvas, plan.table, mark, language)
    if plan.chart is not None:
        _chart(canvas, plan.chart, mark)
    return []


def _column_paragraphs(column: ColumnPlan) -> list[Paragraph]:
    return [*column.heading, *column.body]


def _compare(canvas: Canvas, texts: list[_Placeholder], plan: ComparePlan, language: str,
             mark: MarkColours) -> list[Element]:
    """A comparison's two columns: in four placeholders (own headings), in two, or drawn as text boxes."""
    columns = (plan.left, plan.right)
    links = canvas.links
    filled = columns[::-1] if plan.right_first else columns  # in the placeholders' order
    if plan.placeholders == 4 and len(texts) >= 4:
        for column, heading, body in zip(filled, (texts[0], texts[2]), (texts[1], texts[3])):
            write_text(heading.body, column.heading, column.heading_size, language, links, heading.align(language, False))
            write_text(body.body, column.body, column.size, language, links, body.align(language, False))
        return [t.shape for t in texts[:4]]
    if plan.placeholders == 2 and len(texts) >= 2:
        for column, body in zip(filled, texts[:2]):
            write_text(body.body, _column_paragraphs(column), column.size, language, links, body.align(language, False))
        return [t.shape for t in texts[:2]]
    for index, column in enumerate(columns):
        shape = insert_shape(canvas.tree, text_box(next_shape_id(canvas.root), f"Column {index + 1}", column.box))
        write_text(shape.find(_TX_BODY), _column_paragraphs(column), column.size, language, links)
        _bulleted(shape.find(_TX_BODY))
        if mark.text is not None:
            _coloured(shape.find(_TX_BODY), mark.text, keep=True)
    return []


def _bulleted(body: Element) -> None:
    """Give a text box's bullet paragraphs a bullet and hanging indent, as a body placeholder would
    (a text box has no list style to give them)."""
    for paragraph in body.findall(qn("a:p")):
        properties = paragraph.find(qn("a:pPr"))
        if properties is None:
            properties = paragraph.makeelement(qn("a:pPr"), {})
            paragraph.insert(0, properties)
        if properties.find(qn("a:buNone")) is not None:
            continue
        level = int(properties.get("lvl", "0"))
        properties.set("marL", str(_BULLET_INDENT * (level + 1)))
        properties.set("indent", str(-_BULLET_INDENT))
        bullet = properties.makeelement(qn("a:buChar"), {"char": "•"})
        properties.append(bullet)


def _table(canvas: Canvas, plan: TablePlan, mark: MarkColours, language: str) -> None:
    """A real table at its planned place and sizes (header row bold, in the template's brand
    colour ``mark.accent``), with its caption below."""
    box = Box(plan.box.left, plan.box.top, plan.box.width, sum(plan.heights))
    frame, cells = table_frame(next_shape_id(canvas.root), box, plan.widths, plan.heights, is_right_to_left(language),
                               mark.accent)
    insert_shape(canvas.tree, frame)
    for row, texts in zip(cells, (plan.header, *plan.rows)):
        for body, text in zip(row, texts):
            shown = f"**{text}**" if row is cells[0] and text.strip() else text  # the header, bold everywhere
            write_text(body, [Paragraph(shown, style="plain")], plan.size, language, canvas.links)
            if row is cells[0] and mark.accent != "accent1":
                _coloured(body, mark.glyph)
    if plan.caption and plan.caption_box is not None:
        caption = insert_shape(canvas.tree, text_box(next_shape_id(canvas.root), "Table caption", plan.caption_box))
        write_text(caption.find(_TX_BODY), [Paragraph(plan.caption, style="plain")], plan.caption_size, language,
                   canvas.links)
        if mark.text is not None:
            _coloured(caption.find(_TX_BODY), mark.text, keep=True)


def _coloured(body: Element, colour: str, keep: bool = False) -> None:
    """Set every run of ``body`` in ``colour`` (header text readable on the brand colour);
    ``keep``: not the runs that have a fill of their own (a link's)."""
    for properties in body.iter(qn("a:rPr")):
        if keep and any(child.tag in _RUN_FILLS for child in properties):
            continue
        line = properties.find(qn("a:ln"))
        position = 0 if line is None else properties.index(line) + 1
        properties.insert(position, parse_xml(f'<a:solidFill {nsdecls("a")}>{colour_xml(colour)}</a:solidFill>'))


def _frame_of(shape: Element) -> tuple[int | None, int | None, int | None, int | None] | None:
    """The position and size a shape sets itself (EMU), None when it inherits them."""
    offset = shape.find(f"{_SP_PR}/{_XFRM}/{_OFF}")
    extent = shape.find(f"{_SP_PR}/{_XFRM}/{_EXT}")
    if offset is None or extent is None:
        return None
    return int(offset.get("x")), int(offset.get("y")), int(extent.get("cx")), int(extent.get("cy"))


def _chart(canvas: Canvas, plan: ChartPlan, mark: MarkColours) -> None:
    """A native chart in its box, described for screen readers, in the layout's colours."""
    rid = canvas.chart(plan, mark)
    alt = plain(plan.chart.alt)
    canvas.tree.append(chart_frame(next_shape_id(canvas.root), f"Chart: {alt[:60]}", alt, rid, plan.box))

