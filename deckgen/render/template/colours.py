"""DrawingML colours as sRGB, and the WCAG maths to compare them.

A template's colours are rarely plain hex values: scheme colours (``tx1``, ``accent2``) go
through the master's colour map to the theme's colour scheme, and any colour may carry
transforms (``lumMod``, ``tint``, ``shade`` ...). This module resolves all of that to one
sRGB colour, as PowerPoint would show it, so that :mod:`deckgen.render.template.contrast` can say
whether text is readable.
"""

from __future__ import annotations

import colorsys
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from lxml import etree
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout

from deckgen.render.template.theme import theme_xml
from deckgen.records import record

Element = Any
"""An lxml element (lxml ships no type information)."""
RGB = tuple[float, float, float]
"""An sRGB colour, each component 0..1 (gamma-encoded, as in ``#RRGGBB``)."""

_FILLS = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")
_COLOURS = ("a:srgbClr", "a:schemeClr", "a:sysClr", "a:prstClr", "a:scrgbClr", "a:hslClr")
_SYSTEM = {"windowText": "000000", "window": "FFFFFF", "btnText": "000000", "captionText": "000000"}
_PRESET = {"black": "000000", "white": "FFFFFF", "gray": "808080", "grey": "808080", "red": "FF0000",
           "green": "008000", "blue": "0000FF", "yellow": "FFFF00", "navy": "000080", "silver": "C0C0C0",
           "darkGray": "A9A9A9", "dkGray": "A9A9A9", "lightGray": "D3D3D3", "ltGray": "D3D3D3"}
_DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
_DEFAULT_SCHEME = {"dk1": "000000", "lt1": "FFFFFF"}
_PERCENT = 100000.0
"""DrawingML percentages are thousandths of a percent (``lumMod val="75000"`` = 75 %)."""


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


@record(frozen=True)
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


def as_int(value: object, default: int = 0) -> int:
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
    amount = as_int(transform.get("val"), int(_PERCENT)) / _PERCENT
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
        return (_encoded(as_int(element.get("r")) / _PERCENT), _encoded(as_int(element.get("g")) / _PERCENT),
                _encoded(as_int(element.get("b")) / _PERCENT))
    if name == "hslClr":
        hue = as_int(element.get("hue")) / 21600000
        return colorsys.hls_to_rgb(hue, as_int(element.get("lum")) / _PERCENT, as_int(element.get("sat")) / _PERCENT)
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


def colour_child(parent: Element | None) -> Element | None:
    """The colour element (``a:srgbClr``, ``a:schemeClr`` ...) among ``parent``'s children."""
    tags = {qn(tag) for tag in _COLOURS}
    return None if parent is None else next((child for child in parent if child.tag in tags), None)


def fill_of(parent: Element | None) -> Element | None:
    """The fill element (``a:solidFill``, ``a:noFill`` ...) among ``parent``'s children."""
    tags = {qn(tag) for tag in _FILLS}
    return None if parent is None else next((child for child in parent if child.tag in tags), None)


TRANSPARENT = (-1.0, -1.0, -1.0)
"""What :func:`paint` returns for ``a:noFill``: look through to what lies beneath."""


def paint(fill: Element, palette: Palette, placeholder: RGB | None = None) -> RGB | None:
    """The one colour a fill amounts to: solid as is, gradient and pattern averaged.

    :data:`TRANSPARENT` for no fill; None for a picture or anything unresolvable.
    """
    name = etree.QName(fill).localname
    if name == "noFill":
        return TRANSPARENT
    if name == "solidFill":
        return resolve_colour(colour_child(fill), palette, placeholder)
    if name == "gradFill":
        stops = [resolve_colour(colour_child(stop), palette, placeholder) for stop in fill.iter(qn("a:gs"))]
        return None if None in stops else _average([s for s in stops if s is not None])
    if name == "pattFill":
        parts = [resolve_colour(colour_child(fill.find(qn(t))), palette, placeholder) for t in ("a:fgClr", "a:bgClr")]
        return None if None in parts else _average([p for p in parts if p is not None])
    return None


# -- Theme and colour map -----------------------------------------------------------------


def _scheme(theme: Element | None) -> dict[str, RGB]:
    """The theme's colour scheme (``dk1`` .. ``folHlink``), Office's black and white by default."""
    empty = Palette({}, {})
    found = {name: colour for name, value in _DEFAULT_SCHEME.items() if (colour := rgb_from_hex(value))}
    scheme = theme.find(f".//{qn('a:clrScheme')}") if theme is not None else None
    for slot in scheme if scheme is not None else ():
        colour = resolve_colour(colour_child(slot), empty)
        if colour is not None:
            found[etree.QName(slot).localname] = colour
    return found


def _fill_list(theme: Element | None, tag: str) -> list[Element]:
    found = theme.find(f".//{qn('a:fmtScheme')}/{qn(tag)}") if theme is not None else None
    return [] if found is None else [child for child in found if isinstance(child.tag, str)]


def palette_for(layout: SlideLayout) -> Palette:
    """The palette of ``layout``: its master's theme and colour map, with the layout's override."""
    master = layout.slide_master
    theme = theme_xml(master)
    mapping = dict(_DEFAULT_MAP)
    clr_map = master.element.find(qn("p:clrMap"))
    override = layout.element.find(f"{qn('p:clrMapOvr')}/{qn('a:overrideClrMapping')}")
    for source in (clr_map, override):
        if source is not None:
            mapping.update({str(k): str(v) for k, v in source.attrib.items()})
    return Palette(_scheme(theme), mapping, _fill_list(theme, "a:bgFillStyleLst"), _fill_list(theme, "a:fillStyleLst"))
