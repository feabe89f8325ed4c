"""The brand colour a template shows only in its pictures: a logo on the master.

Many templates made for R Markdown, pandoc or Quarto keep Office's default theme and black
titles, and carry their brand in a logo picture on the master (a university's red wordmark).
Their brand colour is the hue most of the logo's pixels wear, among those that stand out
from the slide background. Pictures are read small (a thumbnail of :data:`THUMBNAIL` pixels a
side); one too large, or unreadable, counts as having no colour.
"""

from __future__ import annotations

import io
import warnings
from collections import Counter
from collections.abc import Callable, Iterator

from PIL import Image
from pptx.oxml.ns import qn
from pptx.slide import SlideLayout, SlideMaster

from deckgen.render.template.colours import RGB, hex_of

THUMBNAIL = 64
"""Pixels a side a picture is read at."""
MAX_PIXELS = 40_000_000
"""A picture of more pixels is not read (a logo has far fewer)."""
LEAST_SHARE = 0.05
"""Share of a picture's opaque pixels a hue must cover to count as its colour."""
_BUCKET = 32
"""Pixels are grouped by colour in steps of this many levels per channel (8 steps)."""


def _pictures(owner: SlideLayout | SlideMaster) -> Iterator[bytes]:
    """The image bytes of the pictures (not placeholders) of a layout or master."""
    tree = owner.element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    for picture in ([] if tree is None else tree.iter(qn("p:pic"))):
        blip = picture.find(f".//{qn('a:blip')}")
        rid = blip.get(qn("r:embed")) if blip is not None else None
        if rid is None or picture.find(f".//{qn('p:nvPr')}/{qn('p:ph')}") is not None:
            continue
        try:
            yield owner.part.related_part(rid).blob
        except (KeyError, AttributeError):
            continue


def _pixels(blob: bytes) -> list[tuple[int, int, int]]:
    """The opaque pixels of a picture read small; [] when it cannot be read."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(blob)) as opened:
                if opened.width * opened.height > MAX_PIXELS:
                    return []
                opened.thumbnail((THUMBNAIL, THUMBNAIL))
                image = opened.convert("RGBA")
    except Exception:  # any picture Pillow cannot read has no colour for us
        return []
    raw = image.tobytes()
    return [(raw[i], raw[i + 1], raw[i + 2]) for i in range(0, len(raw), 4) if raw[i + 3] >= 128]


def _hues(pixels: list[tuple[int, int, int]], usable: Callable[[RGB], bool]) -> Counter[tuple[int, int, int]]:
    """How many of ``pixels`` fall in each colour group, among the colours ``usable`` accepts."""
    return Counter((r // _BUCKET, g // _BUCKET, b // _BUCKET) for r, g, b in pixels
                   if usable((r / 255, g / 255, b / 255)))


def picture_colour(layout: SlideLayout, usable: Callable[[RGB], bool]) -> tuple[str, RGB] | None:
    """The colour (``#RRGGBB``, sRGB) most of the layout's and its master's pictures wear among
    the colours ``usable`` accepts (a hue readable on the background); None when none does. A
    picture whose commonest such colour covers less than :data:`LEAST_SHARE` of it (a
    photograph's scattered hues) counts for nothing."""
    counts: Counter[tuple[int, int, int]] = Counter()
    pixels_of: dict[tuple[int, int, int], list[tuple[int, int, int]]] = {}
    for owner in (layout, layout.slide_master):
        for blob in _pictures(owner):
            pixels = _pixels(blob)
            hues = _hues(pixels, usable)
            if not hues or max(hues.values()) < LEAST_SHARE * len(pixels):
                continue
            counts.update(hues)
            for r, g, b in pixels:
                pixels_of.setdefault((r // _BUCKET, g // _BUCKET, b // _BUCKET), []).append((r, g, b))
    if not counts:
        return None
    key = max(counts, key=lambda group: (counts[group], group))
    members = pixels_of[key]
    found: RGB = tuple(sum(p[i] for p in members) / len(members) / 255 for i in range(3))  # type: ignore[assignment]
    return hex_of(found), found
