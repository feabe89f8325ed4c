"""Where a drawn shape lies on the slide: its outline as polygons, in slide EMU.

A shape's ``a:xfrm`` places a frame (offset, extent, rotation, flips); its geometry draws
inside that frame: a custom path (``a:custGeom``, its own coordinate space scaled to the
frame) or a preset (``a:prstGeom``). Shapes inside a group are placed in the group's child
space, which the group's frame maps onto the slide. This module turns all of that into
polygons so :mod:`deckgen.render.template.artwork` can tell what lies under a text box.
Curves are followed with a few points each; presets other than the common ones count as
their whole frame, which is never smaller than what they draw.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator

from lxml import etree

from deckgen.render.ooxml.markup import qn
from deckgen.render.template.colours import Element, as_int

Point = tuple[float, float]
Polygon = tuple[Point, ...]
Transform = Callable[[Point], Point]
"""Maps a point of a frame's own space (EMU from its top left corner) onto the slide."""

_CURVE_STEPS = 8
"""Points per Bézier curve or arc."""
_ANGLE = 60000.0
"""DrawingML angles are 60000ths of a degree."""


def identity(point: Point) -> Point:
    """The slide's own space: no change."""
    return point


def frame_of(xfrm: Element | None) -> tuple[int, int, int, int] | None:
    """``(left, top, width, height)`` of an ``a:xfrm``/``p:xfrm``; None without offset and extent."""
    offset = xfrm.find(qn("a:off")) if xfrm is not None else None
    extent = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if offset is None or extent is None:
        return None
    return as_int(offset.get("x")), as_int(offset.get("y")), as_int(extent.get("cx")), as_int(extent.get("cy"))


def placed(xfrm: Element, frame: tuple[int, int, int, int], outer: Transform) -> Transform:
    """Points of a frame's own space (flipped and rotated as ``xfrm`` says) on the slide."""
    left, top, width, height = frame
    flip_h, flip_v = xfrm.get("flipH") in ("1", "true"), xfrm.get("flipV") in ("1", "true")
    angle = math.radians(as_int(xfrm.get("rot")) / _ANGLE)
    cos, sin = math.cos(angle), math.sin(angle)
    centre_x, centre_y = width / 2, height / 2

    def transform(point: Point) -> Point:
        x, y = point
        x, y = (width - x if flip_h else x) - centre_x, (height - y if flip_v else y) - centre_y
        return outer((left + centre_x + x * cos - y * sin, top + centre_y + x * sin + y * cos))

    return transform


def group_space(xfrm: Element, outer: Transform) -> Transform:
    """Points of a group's child space (``a:chOff``/``a:chExt``) on the slide."""
    frame = frame_of(xfrm) or (0, 0, 0, 0)
    child_offset, child_extent = xfrm.find(qn("a:chOff")), xfrm.find(qn("a:chExt"))
    left, top, width, height = frame
    off_x, off_y = (as_int(child_offset.get("x")), as_int(child_offset.get("y"))) if child_offset is not None else (left, top)
    ext_x, ext_y = (as_int(child_extent.get("cx")), as_int(child_extent.get("cy"))) if child_extent is not None else (width, height)
    scale_x, scale_y = (width / ext_x if ext_x else 1.0), (height / ext_y if ext_y else 1.0)
    inner = placed(xfrm, frame, outer)

    def transform(point: Point) -> Point:
        return inner(((point[0] - off_x) * scale_x, (point[1] - off_y) * scale_y))

    return transform


# -- Geometry in a frame's own space ---------------------------------------------------------


def _rectangle(width: float, height: float) -> Polygon:
    return ((0.0, 0.0), (width, 0.0), (width, height), (0.0, height))


def _ellipse(width: float, height: float, steps: int = 24) -> Polygon:
    return tuple((width / 2 * (1 + math.cos(2 * math.pi * i / steps)), height / 2 * (1 + math.sin(2 * math.pi * i / steps)))
                 for i in range(steps))


_PRESETS: dict[str, Callable[[float, float], Polygon]] = {
    "ellipse": _ellipse,
    "triangle": lambda w, h: ((w / 2, 0.0), (w, h), (0.0, h)),
    "rtTriangle": lambda w, h: ((0.0, 0.0), (0.0, h), (w, h)),
    "diamond": lambda w, h: ((w / 2, 0.0), (w, h / 2), (w / 2, h), (0.0, h / 2)),
}
"""Presets drawn by their outline; any other preset counts as its whole frame."""
LINES = ("line", "straightConnector1")
"""Presets that draw a line from the frame's top left to its bottom right corner."""


def preset_outline(name: str, width: float, height: float) -> Polygon:
    """The outline of preset geometry ``name`` in a frame of ``width`` by ``height``."""
    return _PRESETS.get(name, _rectangle)(width, height)


def _point(element: Element | None, scale: Point) -> Point | None:
    """An ``a:pt`` scaled to the frame; None when it names a guide deckgen does not compute."""
    if element is None:
        return None
    try:
        return float(str(element.get("x"))) * scale[0], float(str(element.get("y"))) * scale[1]
    except ValueError:
        return None


def _bezier(points: list[Point]) -> Iterator[Point]:
    """Points along a Bézier curve from ``points[0]`` through its control points, the start left out."""
    for step in range(1, _CURVE_STEPS + 1):
        t = step / _CURVE_STEPS
        layer = points
        while len(layer) > 1:
            layer = [(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t) for a, b in zip(layer, layer[1:])]
        yield layer[0]


def _arc(current: Point, command: Element, scale: Point) -> Iterator[Point]:
    """Points along an ``a:arcTo`` that starts at ``current`` (the start left out)."""
    radius_x, radius_y = as_int(command.get("wR")) * scale[0], as_int(command.get("hR")) * scale[1]
    start, swing = math.radians(as_int(command.get("stAng")) / _ANGLE), math.radians(as_int(command.get("swAng")) / _ANGLE)
    centre = (current[0] - radius_x * math.cos(start), current[1] - radius_y * math.sin(start))
    for step in range(1, _CURVE_STEPS + 1):
        angle = start + swing * step / _CURVE_STEPS
        yield centre[0] + radius_x * math.cos(angle), centre[1] + radius_y * math.sin(angle)


def _path_polygons(path: Element, width: float, height: float) -> list[Polygon] | None:
    """The closed figures of one ``a:path``; None when a point cannot be computed."""
    path_width, path_height = as_int(path.get("w")), as_int(path.get("h"))
    scale = (width / path_width if path_width else 1.0, height / path_height if path_height else 1.0)
    figures: list[list[Point]] = []
    for command in path:
        name = etree.QName(command).localname if isinstance(command.tag, str) else "close"
        if name == "close":
            continue
        points = [_point(p, scale) for p in command.findall(qn("a:pt"))]
        if None in points:
            return None
        found = [p for p in points if p is not None]
        if name == "moveTo":
            figures.append(found[:1])
            continue
        if not figures or not figures[-1]:
            figures.append([(0.0, 0.0)])
        figure = figures[-1]
        if name == "lnTo":
            figure += found
        elif name in ("cubicBezTo", "quadBezTo"):
            figure += _bezier([figure[-1], *found])
        elif name == "arcTo":
            figure += _arc(figure[-1], command, scale)
    return [tuple(f) for f in figures if len(f) > 2]


def custom_outline(geometry: Element, width: float, height: float) -> list[Polygon]:
    """The filled figures of an ``a:custGeom`` in a frame of ``width`` by ``height``; its whole
    frame when a path uses guides deckgen does not compute."""
    found: list[Polygon] = []
    for path in geometry.iter(qn("a:path")):
        if path.get("fill") == "none":
            continue
        polygons = _path_polygons(path, width, height)
        if polygons is None:
            return [_rectangle(width, height)]
        found += polygons
    return found
