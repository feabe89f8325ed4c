"""Template text-colour contrast: is a layout's title and body text readable on what it sits on?

WCAG 2.x asks for a contrast ratio of at least 4.5:1 between normal text and its background
(level AA). A template decides both colours, so deckgen checks them once per template, for
the layouts it uses, and reports the pairs below that ratio as lints.

The text colour follows PowerPoint's inheritance: the layout placeholder's ``a:lstStyle``,
the master placeholder's, the master's ``p:titleStyle``/``p:bodyStyle``, then ``tx1``. What
the text sits on is, nearest first: the placeholder's own fill (layout, then master
placeholder), the topmost filled rectangle of the layout (then of the master, when the layout
shows master shapes) that covers the placeholder, the layout's ``p:bg``, the master's
``p:bg``, then ``bg1``. Scheme colours go through the layout's colour map to the theme's
colour scheme. Gradients count as the average of their stops; a picture background (or a
colour deckgen cannot resolve) means no finding, since guessing would only give noise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster

from deckgen.render.template.background import background_of
from deckgen.render.template.blueprint import Backdrop
from deckgen.render.template.colours import (
    RGB,
    TRANSPARENT,
    Element,
    Palette,
    as_int,
    contrast_ratio,
    fill_of,
    hex_of,
    paint,
    palette_for,
    relative_luminance,
    rgb_from_hex,
)
from deckgen.render.template.layouts import TEXT_TYPES, TITLE_TYPES, in_fill_order
from deckgen.records import record

LayoutPlaceholder = Any
"""A python-pptx layout placeholder (its base placeholder on the master is ``_base_placeholder``)."""

WCAG_AA = 4.5
"""WCAG 2.x level AA minimum contrast ratio for normal text."""
UNREADABLE = 2.0
"""Contrast below which text is not the template's design but a colour meant for another
background (white on white, black on a dark slide: 1.0 to 1.3). deckgen sets such text in a
colour that reads (:mod:`deckgen.render.template.textcolours`), so no lint reports it."""
BODY_PLACEHOLDERS = 2
"""Text placeholders per layout that deckgen fills (body, then the Quote/Question aside)."""

_RECTANGLES = ("rect", "roundRect", "snip1Rect", "snip2SameRect", "round1Rect", "round2SameRect")


@record(frozen=True)
class Contrast:
    """One text colour of a layout against what it sits on."""

    layout: str
    """The layout's name."""
    placeholder: str
    """Which text: ``"title"``, ``"body"``, ``"subtitle"`` (with ``" 2"`` for a second body)."""
    text: str
    """Text colour as ``#RRGGBB``."""
    background: str
    """Colour behind the text as ``#RRGGBB``."""
    behind: str
    """Where that colour comes from, e.g. ``"layout background"``, ``"shape 'Title Band'"``."""
    ratio: float
    """WCAG contrast ratio, 1 .. 21."""

    @property
    def passes(self) -> bool:
        """Whether the pair meets WCAG AA for normal text."""
        return self.ratio >= WCAG_AA


# -- What the text sits on ----------------------------------------------------------------


def _rect_of(shape: Element) -> Backdrop | None:
    xfrm = shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    offset = xfrm.find(qn("a:off")) if xfrm is not None else None
    extent = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if offset is None or extent is None:
        return None
    return Backdrop(as_int(offset.get("x")), as_int(offset.get("y")), as_int(extent.get("cx")), as_int(extent.get("cy")))


def _covers(shape: Element, box: Backdrop) -> bool:
    """Whether ``shape`` lies under most of ``box``: it holds the box's centre and half its area."""
    rect = _rect_of(shape)
    return rect is not None and rect.covers(box.left, box.top, box.width, box.height)


def _backdrop(shape: Element, palette: Palette) -> RGB | None:
    """The colour a decorative shape shows behind text: its fill (pictures: unknown)."""
    if shape.tag == qn("p:pic"):
        return None
    geometry = shape.find(f"{qn('p:spPr')}/{qn('a:prstGeom')}")
    if geometry is None or geometry.get("prst") not in _RECTANGLES:
        return TRANSPARENT
    fill = fill_of(shape.find(qn("p:spPr")))
    return TRANSPARENT if fill is None else paint(fill, palette)


def _decorations(owner: SlideLayout | SlideMaster) -> Iterator[Element]:
    """Shapes (not placeholders) of a layout or master, topmost first."""
    tree = owner.element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    children = [] if tree is None else [c for c in tree if c.tag in (qn("p:sp"), qn("p:pic"))]
    for shape in reversed(children):
        if shape.find(f".//{qn('p:nvPr')}/{qn('p:ph')}") is None:
            yield shape


def _owners(layout: SlideLayout) -> list[SlideLayout | SlideMaster]:
    """The layout, then its master when the layout shows the master's shapes."""
    owners: list[SlideLayout | SlideMaster] = [layout]
    if layout.element.get("showMasterSp") not in ("0", "false"):
        owners.append(layout.slide_master)
    return owners


def backdrops(layout: SlideLayout, palette: Palette) -> list[tuple[Backdrop, RGB | None]]:
    """The shapes of the layout's (then master's) artwork text may sit on, topmost first, with
    their colour (None: a picture, unknown): what :func:`_shape_behind` looks through."""
    found = []
    for owner in _owners(layout):
        for shape in _decorations(owner):
            rect, colour = _rect_of(shape), _backdrop(shape, palette)
            if rect is not None and colour != TRANSPARENT:
                found.append((rect, colour))
    return found


def _shape_behind(layout: SlideLayout, box: Backdrop, palette: Palette) -> tuple[RGB | None, str] | None:
    """The topmost filled rectangle of the layout (then the master) under ``box``, if any."""
    for owner in _owners(layout):
        for shape in _decorations(owner):
            if not _covers(shape, box):
                continue
            colour = _backdrop(shape, palette)
            if colour != TRANSPARENT:
                name = shape.find(f".//{qn('p:cNvPr')}")
                return colour, f"shape '{name.get('name', '') if name is not None else ''}'"
    return None


def _behind(placeholder: LayoutPlaceholder, layout: SlideLayout, palette: Palette) -> tuple[RGB | None, str]:
    """What ``placeholder``'s text sits on: its own fill, a shape under it, or the slide background."""
    chain = _chain(placeholder)
    for element, label in zip(chain, ("placeholder fill", "master placeholder fill")):
        fill = fill_of(element.find(qn("p:spPr")))
        if fill is not None:
            colour = paint(fill, palette)
            if colour != TRANSPARENT:
                return colour, label
            break
    box = _box(placeholder)
    found = _shape_behind(layout, box, palette) if box is not None else None
    return found if found is not None else background_of(layout, palette)


def _box(placeholder: LayoutPlaceholder) -> Backdrop | None:
    """The placeholder's rectangle in EMU (inherited from the master), None when it has none."""
    left, top = placeholder.left, placeholder.top
    width, height = placeholder.width, placeholder.height
    if None in (left, top, width, height):
        return None
    return Backdrop(int(left), int(top), int(width), int(height))


# -- The text colour ----------------------------------------------------------------------


def _chain(placeholder: LayoutPlaceholder) -> list[Element]:
    """The layout placeholder's element, then its master placeholder's (when it has one)."""
    base = getattr(placeholder, "_base_placeholder", None)
    return [e for e in (getattr(placeholder, "_element", None), getattr(base, "_element", None)) if e is not None]


def _text_colour(placeholder: LayoutPlaceholder, title: bool, palette: Palette) -> RGB | None:
    """The colour of level-1 text: placeholder, master placeholder, master text style, then tx1."""
    master = placeholder.part.slide_master
    style = "p:titleStyle" if title else "p:bodyStyle"
    lists = [e.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}") for e in _chain(placeholder)]
    lists.append(master.element.find(f"{qn('p:txStyles')}/{qn(style)}"))
    for found in lists:
        properties = found.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}") if found is not None else None
        fill = fill_of(properties)
        if fill is not None:
            colour = paint(fill, palette)
            return None if colour == TRANSPARENT else colour
    return palette.scheme_colour("tx1")


def placeholder_text_colour(placeholder: LayoutPlaceholder, title: bool, palette: Palette) -> RGB | None:
    """The colour of ``placeholder``'s level-1 text (see :func:`_text_colour`)."""
    return _text_colour(placeholder, title, palette)


# -- Layouts ------------------------------------------------------------------------------


def _text_placeholders(layout: SlideLayout) -> Iterator[tuple[LayoutPlaceholder, str, bool]]:
    """The placeholders deckgen writes text into: (placeholder, label, is title)."""
    ordered = in_fill_order(layout.placeholders)
    titles = [p for p in ordered if p.placeholder_format.type in TITLE_TYPES]
    if titles:
        yield titles[0], "title", True
    texts = [p for p in ordered if p.placeholder_format.type in TEXT_TYPES][:BODY_PLACEHOLDERS]
    for number, placeholder in enumerate(texts):
        kind = "subtitle" if "SUBTITLE" in str(placeholder.placeholder_format.type) else "body"
        yield placeholder, kind if number == 0 else f"{kind} {number + 1}", False


def layout_contrasts(layout: SlideLayout) -> list[Contrast]:
    """The contrast of every text placeholder deckgen fills on ``layout`` whose colours resolve."""
    palette = palette_for(layout)
    found = []
    for placeholder, label, title in _text_placeholders(layout):
        text = _text_colour(placeholder, title, palette)
        background, behind = _behind(placeholder, layout, palette)
        if text is None or background is None or background == TRANSPARENT:
            continue
        found.append(Contrast(str(layout.name), label, hex_of(text), hex_of(background), behind,
                              contrast_ratio(text, background)))
    return found


def template_contrasts(layouts: Iterable[SlideLayout]) -> list[Contrast]:
    """:func:`layout_contrasts` of each distinct layout, in the order given."""
    seen: list[SlideLayout] = []
    found = []
    for layout in layouts:
        if any(layout is s for s in seen):
            continue
        seen.append(layout)
        found += layout_contrasts(layout)
    return found


def _ratio_text(ratio: float) -> str:
    """``2.1``, ``4.47``: one decimal unless rounding would hide that it is below the threshold."""
    text = f"{ratio:.1f}"
    return text if float(text) < WCAG_AA or ratio >= WCAG_AA else f"{ratio:.2f}"


def contrast_message(template: str, finding: Contrast) -> str:
    """The lint for a pair below WCAG AA, saying which way to change it."""
    background = rgb_from_hex(finding.background)
    light = background is not None and relative_luminance(background) > 0.18
    advice = "darken the text or lighten the background" if light else "lighten the text or darken the background"
    return (f"template '{template}': layout '{finding.layout}' {finding.placeholder} text {finding.text} on "
            f"{finding.background} ({finding.behind}) has contrast {_ratio_text(finding.ratio)}:1, below WCAG AA "
            f"{WCAG_AA}:1; {advice}")


def contrast_lints(template: str, layouts: Iterable[SlideLayout]) -> tuple[str, ...]:
    """Lint messages for the text colours of ``layouts`` below WCAG AA contrast (but for text
    below :data:`UNREADABLE`, which decks show in a readable colour instead)."""
    return tuple(contrast_message(template, c) for c in template_contrasts(layouts)
                 if not c.passes and c.ratio >= UNREADABLE)

