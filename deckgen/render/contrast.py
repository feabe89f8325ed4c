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

import colorsys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster

from deckgen.render.layouts import TEXT_TYPES, TITLE_TYPES, in_fill_order

Element = Any
"""An lxml element (lxml ships no type information)."""
LayoutPlaceholder = Any
"""A python-pptx layout placeholder (its base placeholder on the master is ``_base_placeholder``)."""
RGB = tuple[float, float, float]
"""An sRGB colour, each component 0..1 (gamma-encoded, as in ``#RRGGBB``)."""

WCAG_AA = 4.5
"""WCAG 2.x level AA minimum contrast ratio for normal text."""
BODY_PLACEHOLDERS = 2
"""Text placeholders per layout that deckgen fills (body, then the Quote/Question aside)."""

_FILLS = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")
_COLOURS = ("a:srgbClr", "a:schemeClr", "a:sysClr", "a:prstClr", "a:scrgbClr", "a:hslClr")
_SYSTEM = {"windowText": "000000", "window": "FFFFFF", "btnText": "000000", "captionText": "000000"}
_PRESET = {"black": "000000", "white": "FFFFFF", "gray": "808080", "grey": "808080", "red": "FF0000",
           "green": "008000", "blue": "0000FF", "yellow": "FFFF00", "navy": "000080", "silver": "C0C0C0",
           "darkGray": "A9A9A9", "dkGray": "A9A9A9", "lightGray": "D3D3D3", "ltGray": "D3D3D3"}
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_DEFAULT_SCHEME = {"dk1": "000000", "lt1": "FFFFFF"}
_RECTANGLES = ("rect", "roundRect", "snip1Rect", "snip2SameRect", "round1Rect", "round2SameRect")
_PERCENT = 100000.0
"""DrawingML percentages are thousandths of a percent (``lumMod val="75000"`` = 75 %)."""


@dataclass(frozen=True)
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


# -- WCAG maths ---------------------------------------------------------------------------


def _linear(channel: float) -> float:
    """An sRGB channel (0..1) without its gamma (the WCAG/sRGB transfer function)."""
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _encoded(channel: float) -> float:
    """A linear channel (0..1) with the sRGB gamma applied; the inverse of :func:`_linear`."""
    channel = min(max(channel, 0.0), 1.0)
    return channel * 12.92 if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def relative_luminance(colour: RGB) -> float:
    """WCAG relative luminance of an sRGB colour: 0 for black, 1 for white."""
    red, green, blue = (_linear(c) for c in colour)
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: RGB, second: RGB) -> float:
    """WCAG contrast ratio of two colours, 1 (same) to 21 (black on white); order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def rgb_from_hex(value: str) -> RGB | None:
    """``"E0A030"`` (or ``"#e0a030"``) as an sRGB colour; None when it is not six hex digits."""
    value = value.lstrip("#")
    if len(value) != 6:
        return None
    try:
        return (int(value[0:2], 16) / 255, int(value[2:4], 16) / 255, int(value[4:6], 16) / 255)
    except ValueError:
        return None


def hex_of(colour: RGB) -> str:
    """An sRGB colour as ``#RRGGBB``."""
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in colour)


def _average(colours: Sequence[RGB]) -> RGB | None:
    if not colours:
        return None
    count = len(colours)
    return (sum(c[0] for c in colours) / count, sum(c[1] for c in colours) / count,
            sum(c[2] for c in colours) / count)


# -- DrawingML colours --------------------------------------------------------------------


@dataclass(frozen=True)
class Palette:
    """What scheme colours mean on one layout: the theme's colour scheme and the colour map."""

    scheme: Mapping[str, RGB]
    """Theme slots (``dk1``, ``lt1``, ``accent1`` ...) -> colour."""
    mapping: Mapping[str, str]
    """The colour map (``bg1`` -> ``lt1``, ``tx1`` -> ``dk1`` ...), layout override applied."""
    background_fills: Sequence[Element] = ()
    """The theme's ``a:bgFillStyleLst`` fills, for ``p:bgRef idx="1001"`` and up."""
    fills: Sequence[Element] = ()
    """The theme's ``a:fillStyleLst`` fills, for ``p:bgRef idx="1"`` .. ``999``."""

    def scheme_colour(self, name: str) -> RGB | None:
        """``tx1``, ``accent2``, ``dk1`` ... through the colour map to the theme's colour."""
        return self.scheme.get(self.mapping.get(name, name))


def _int(value: object, default: int = 0) -> int:
    """An integer attribute; strict OOXML's ``"75%"`` as ``75000``; ``default`` when absent or bad."""
    text = str(value)
    try:
        return round(float(text[:-1]) * 1000) if text.endswith("%") else int(text)
    except ValueError:
        return default


def _hls_changed(colour: RGB, change: Callable[[float, float, float], tuple[float, float, float]]) -> RGB:
    hue, lightness, saturation = colorsys.rgb_to_hls(*colour)
    hue, lightness, saturation = change(hue, lightness, saturation)
    return colorsys.hls_to_rgb(hue, min(max(lightness, 0.0), 1.0), min(max(saturation, 0.0), 1.0))


def _transformed(colour: RGB, transform: Element) -> RGB:
    """``colour`` after one DrawingML colour transform (lumMod, lumOff, tint, shade, satMod).

    Luminance and saturation changes work in HSL, as in PowerPoint; tint and shade in
    linear RGB, as LibreOffice does. Others (alpha, hue ...) do not change what is compared.
    """
    name = etree.QName(transform).localname
    amount = _int(transform.get("val"), int(_PERCENT)) / _PERCENT
    if name == "lumMod":
        return _hls_changed(colour, lambda h, l, s: (h, l * amount, s))
    if name == "lumOff":
        return _hls_changed(colour, lambda h, l, s: (h, l + amount, s))
    if name == "satMod":
        return _hls_changed(colour, lambda h, l, s: (h, l, s * amount))
    if name == "tint":
        return _in_linear(colour, lambda c: 1 - (1 - c) * amount)
    if name == "shade":
        return _in_linear(colour, lambda c: c * amount)
    return colour


def _in_linear(colour: RGB, change: Callable[[float], float]) -> RGB:
    red, green, blue = (_encoded(change(_linear(c))) for c in colour)
    return red, green, blue


def _base_colour(element: Element, palette: Palette, placeholder: RGB | None) -> RGB | None:
    """The colour a colour element names, before its transforms."""
    name = etree.QName(element).localname
    value = str(element.get("val", ""))
    if name == "srgbClr":
        return rgb_from_hex(value)
    if name == "schemeClr":
        return placeholder if value == "phClr" else palette.scheme_colour(value)
    if name == "sysClr":
        return rgb_from_hex(str(element.get("lastClr") or _SYSTEM.get(value, "")))
    if name == "prstClr":
        return rgb_from_hex(_PRESET.get(value, ""))
    if name == "scrgbClr":
        return (_encoded(_int(element.get("r")) / _PERCENT), _encoded(_int(element.get("g")) / _PERCENT),
                _encoded(_int(element.get("b")) / _PERCENT))
    if name == "hslClr":
        hue = _int(element.get("hue")) / 21600000
        return colorsys.hls_to_rgb(hue, _int(element.get("lum")) / _PERCENT, _int(element.get("sat")) / _PERCENT)
    return None


def resolve_colour(element: Element | None, palette: Palette, placeholder: RGB | None = None) -> RGB | None:
    """The sRGB colour of a DrawingML colour element (``a:srgbClr``, ``a:schemeClr`` ...).

    ``placeholder`` is what ``phClr`` stands for (the colour a ``p:bgRef`` passes to a theme
    fill). None when the colour cannot be resolved.
    """
    if element is None:
        return None
    colour = _base_colour(element, palette, placeholder)
    if colour is None:
        return None
    for transform in element:
        colour = _transformed(colour, transform)
    return colour


def _colour_child(parent: Element | None) -> Element | None:
    """The colour element (``a:srgbClr``, ``a:schemeClr`` ...) among ``parent``'s children."""
    tags = {qn(tag) for tag in _COLOURS}
    return None if parent is None else next((child for child in parent if child.tag in tags), None)


def _fill_of(parent: Element | None) -> Element | None:
    """The fill element (``a:solidFill``, ``a:noFill`` ...) among ``parent``'s children."""
    tags = {qn(tag) for tag in _FILLS}
    return None if parent is None else next((child for child in parent if child.tag in tags), None)


_TRANSPARENT = (-1.0, -1.0, -1.0)
"""What :func:`paint` returns for ``a:noFill``: look through to what lies beneath."""


def paint(fill: Element, palette: Palette, placeholder: RGB | None = None) -> RGB | None:
    """The one colour a fill amounts to: solid as is, gradient and pattern averaged.

    :data:`_TRANSPARENT` for no fill; None for a picture or anything unresolvable.
    """
    name = etree.QName(fill).localname
    if name == "noFill":
        return _TRANSPARENT
    if name == "solidFill":
        return resolve_colour(_colour_child(fill), palette, placeholder)
    if name == "gradFill":
        stops = [resolve_colour(_colour_child(stop), palette, placeholder) for stop in fill.iter(qn("a:gs"))]
        return None if None in stops else _average([s for s in stops if s is not None])
    if name == "pattFill":
        parts = [resolve_colour(_colour_child(fill.find(qn(t))), palette, placeholder) for t in ("a:fgClr", "a:bgClr")]
        return None if None in parts else _average([p for p in parts if p is not None])
    return None


# -- Theme and colour map -----------------------------------------------------------------


def _theme(master: SlideMaster) -> Element | None:
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        return etree.fromstring(part.blob, parser)
    except etree.XMLSyntaxError:  # a damaged theme: fall back to black on white, as PowerPoint would
        return None


def _scheme(theme: Element | None) -> dict[str, RGB]:
    """The theme's colour scheme (``dk1`` .. ``folHlink``), Office's black and white by default."""
    empty = Palette({}, {})
    found = {name: colour for name, value in _DEFAULT_SCHEME.items() if (colour := rgb_from_hex(value))}
    scheme = theme.find(f".//{qn('a:clrScheme')}") if theme is not None else None
    for slot in scheme if scheme is not None else ():
        colour = resolve_colour(_colour_child(slot), empty)
        if colour is not None:
            found[etree.QName(slot).localname] = colour
    return found


def _fill_list(theme: Element | None, tag: str) -> list[Element]:
    found = theme.find(f".//{qn('a:fmtScheme')}/{qn(tag)}") if theme is not None else None
    return [] if found is None else [child for child in found if isinstance(child.tag, str)]


def palette_for(layout: SlideLayout) -> Palette:
    """The palette of ``layout``: its master's theme and colour map, with the layout's override."""
    master = layout.slide_master
    theme = _theme(master)
    mapping = dict(_DEFAULT_MAP)
    clr_map = master._element.find(qn("p:clrMap"))
    override = layout._element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
    for source in (clr_map, override):
        if source is not None:
            mapping.update({str(k): str(v) for k, v in source.attrib.items()})
    return Palette(_scheme(theme), mapping, _fill_list(theme, "a:bgFillStyleLst"), _fill_list(theme, "a:fillStyleLst"))


# -- What the text sits on ----------------------------------------------------------------


def _slide_background(layout: SlideLayout, palette: Palette) -> tuple[RGB | None, str]:
    """The layout's ``p:bg``, else the master's, else ``bg1``; with where it came from."""
    master = layout.slide_master
    for owner, label in ((layout, "layout background"), (master, "master background")):
        background = owner._element.find(f"{qn('p:cSld')}/{qn('p:bg')}")
        if background is not None:
            return _background_colour(background, palette), label
    return palette.scheme_colour("bg1"), "theme background (bg1)"


def _background_colour(background: Element, palette: Palette) -> RGB | None:
    """The colour of a ``p:bg``: its ``p:bgPr`` fill, or the theme fill its ``p:bgRef`` names."""
    properties = background.find(qn("p:bgPr"))
    if properties is not None:
        fill = _fill_of(properties)
        colour = paint(fill, palette) if fill is not None else None
        return palette.scheme_colour("bg1") if colour == _TRANSPARENT else colour
    reference = background.find(qn("p:bgRef"))
    if reference is None:
        return None
    index = _int(reference.get("idx"))
    styles = palette.background_fills if index > 1000 else palette.fills
    position = index - 1001 if index > 1000 else index - 1
    if not 0 <= position < len(styles):
        return resolve_colour(_colour_child(reference), palette)
    colour = paint(styles[position], palette, resolve_colour(_colour_child(reference), palette))
    return None if colour == _TRANSPARENT else colour


@dataclass(frozen=True)
class _Rect:
    left: int
    top: int
    width: int
    height: int

    def overlap(self, other: _Rect) -> int:
        """Area shared with ``other``, EMU²."""
        width = min(self.left + self.width, other.left + other.width) - max(self.left, other.left)
        height = min(self.top + self.height, other.top + other.height) - max(self.top, other.top)
        return max(width, 0) * max(height, 0)

    def covers_centre_of(self, other: _Rect) -> bool:
        x, y = other.left + other.width / 2, other.top + other.height / 2
        return self.left <= x <= self.left + self.width and self.top <= y <= self.top + self.height


def _rect_of(shape: Element) -> _Rect | None:
    xfrm = shape.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    offset = xfrm.find(qn("a:off")) if xfrm is not None else None
    extent = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if offset is None or extent is None:
        return None
    return _Rect(_int(offset.get("x")), _int(offset.get("y")), _int(extent.get("cx")), _int(extent.get("cy")))


def _covers(shape: Element, box: _Rect) -> bool:
    """Whether ``shape`` lies under most of ``box``: it holds the box's centre and half its area."""
    rect = _rect_of(shape)
    return rect is not None and rect.covers_centre_of(box) and 2 * rect.overlap(box) >= box.width * box.height


def _backdrop(shape: Element, palette: Palette) -> RGB | None:
    """The colour a decorative shape shows behind text: its fill (pictures: unknown)."""
    if shape.tag == qn("p:pic"):
        return None
    geometry = shape.find(f"{qn('p:spPr')}/{qn('a:prstGeom')}")
    if geometry is None or geometry.get("prst") not in _RECTANGLES:
        return _TRANSPARENT
    fill = _fill_of(shape.find(qn("p:spPr")))
    return _TRANSPARENT if fill is None else paint(fill, palette)


def _decorations(owner: SlideLayout | SlideMaster) -> Iterator[Element]:
    """Shapes (not placeholders) of a layout or master, topmost first."""
    tree = owner._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    children = [] if tree is None else [c for c in tree if c.tag in (qn("p:sp"), qn("p:pic"))]
    for shape in reversed(children):
        if shape.find(f".//{qn('p:nvPr')}/{qn('p:ph')}") is None:
            yield shape


def _shape_behind(layout: SlideLayout, box: _Rect, palette: Palette) -> tuple[RGB | None, str] | None:
    """The topmost filled rectangle of the layout (then the master) under ``box``, if any."""
    owners: list[SlideLayout | SlideMaster] = [layout]
    if layout._element.get("showMasterSp") not in ("0", "false"):
        owners.append(layout.slide_master)
    for owner in owners:
        for shape in _decorations(owner):
            if not _covers(shape, box):
                continue
            colour = _backdrop(shape, palette)
            if colour != _TRANSPARENT:
                name = shape.find(f".//{qn('p:cNvPr')}")
                return colour, f"shape '{name.get('name', '') if name is not None else ''}'"
    return None


def _behind(placeholder: LayoutPlaceholder, layout: SlideLayout, palette: Palette) -> tuple[RGB | None, str]:
    """What ``placeholder``'s text sits on: its own fill, a shape under it, or the slide background."""
    chain = _chain(placeholder)
    for element, label in zip(chain, ("placeholder fill", "master placeholder fill")):
        fill = _fill_of(element.find(qn("p:spPr")))
        if fill is not None:
            colour = paint(fill, palette)
            if colour != _TRANSPARENT:
                return colour, label
            break
    box = _box(placeholder)
    found = _shape_behind(layout, box, palette) if box is not None else None
    return found if found is not None else _slide_background(layout, palette)


def _box(placeholder: LayoutPlaceholder) -> _Rect | None:
    """The placeholder's rectangle in EMU (inherited from the master), None when it has none."""
    left, top = placeholder.left, placeholder.top
    width, height = placeholder.width, placeholder.height
    if None in (left, top, width, height):
        return None
    return _Rect(int(left), int(top), int(width), int(height))


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
    lists.append(master._element.find(f"{qn('p:txStyles')}/{qn(style)}"))
    for found in lists:
        properties = found.find(f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}") if found is not None else None
        fill = _fill_of(properties)
        if fill is not None:
            colour = paint(fill, palette)
            return None if colour == _TRANSPARENT else colour
    return palette.scheme_colour("tx1")


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
        if text is None or background is None or background == _TRANSPARENT:
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
    """Lint messages for the text colours of ``layouts`` below WCAG AA contrast."""
    return tuple(contrast_message(template, c) for c in template_contrasts(layouts) if not c.passes)
