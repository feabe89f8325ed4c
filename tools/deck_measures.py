"""What a built deck shows, measured from the deck itself: text on artwork, unreadable text,
the question mark's colour and whether the title slide stayed whole.

Used by ``tools/template_corpus.py``. Each measure opens the deck with python-pptx and looks
at every text shape (placeholders and text boxes holding text, tables aside) as PowerPoint
lays it out: its box (inherited from its layout where the slide does not set one), its text
colour (the runs' own, else what the placeholder inherits, else the theme's ``tx1``) and what
lies under it (the topmost filled rectangle of the layout's or master's artwork holding the
box, else the slide background). deckgen's own template readers resolve the colours; the
verdicts are the tool's.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import Drawn, layout_artwork
from deckgen.render.template.background import background_of
from deckgen.render.template.colours import RGB, TRANSPARENT, contrast_ratio, fill_of, hex_of, paint, palette_for
from deckgen.render.template.contrast import backdrops, placeholder_text_colour
from deckgen.render.template.clearance import text_area
from deckgen.render.template.layouts import TITLE_TYPES

ON_ARTWORK = 0.05
"""Share of a text box's text area the artwork may cross before its text counts as on the
artwork (a band or panel that holds the whole box is where the design puts text: not counted)."""
READABLE = 3.0
"""Least contrast of text that counts as readable (WCAG's figure for large text; titles, labels)."""
CONTINUED = "(cont.)"


@dataclass
class Measures:
    """One deck's measures."""

    on_artwork: list[str] = field(default_factory=list)
    """Text shapes whose text lies on the template's artwork: ``slide N 'shape'``."""
    unreadable: list[str] = field(default_factory=list)
    """Text shapes whose text contrasts less than :data:`READABLE` with what lies under it."""
    marks: list[str] = field(default_factory=list)
    """The question discs' fill colours, once each (``#RRGGBB`` or a scheme colour's name)."""
    overlaps: list[str] = field(default_factory=list)
    """Text shapes a table, picture, chart or other text shape of the slide covers in part."""
    title_whole: bool = True
    """Whether the title slide holds the whole title and no "(cont.)" slide follows it."""


def _box(shape: Any) -> Box | None:
    if None in (shape.left, shape.top, shape.width, shape.height):
        return None
    return Box(int(shape.left), int(shape.top), int(shape.width), int(shape.height))


_TEMPLATES_OWN = ("SLIDE_NUMBER", "FOOTER", "DATE")
"""Placeholders whose place and colours are the template's design (its slide number, footer, date)."""


def _text_shapes(slide: Any) -> Iterator[Any]:
    """The shapes holding the deck's text: not the question disc, not the slide number or footer."""
    for shape in slide.shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip() or shape.name == "Question Disc":
            continue
        if shape.is_placeholder and any(kind in str(shape.placeholder_format.type) for kind in _TEMPLATES_OWN):
            continue
        yield shape


def _run_colour(shape: Any, palette: Any) -> RGB | None:
    """The colour the shape's first run sets itself, if any."""
    for properties in shape.element.iter(qn("a:rPr")):
        fill = fill_of(properties)
        if fill is not None:
            colour = paint(fill, palette)
            return None if colour == TRANSPARENT else colour
        break
    return None


def _text_colour(shape: Any, palette: Any) -> RGB | None:
    own = _run_colour(shape, palette)
    if own is not None:
        return own
    base = getattr(shape, "_base_placeholder", None) if shape.is_placeholder else None
    if base is not None:
        title = shape.placeholder_format.type in TITLE_TYPES
        return placeholder_text_colour(base, title, palette)
    listed = shape.element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    fill = fill_of(listed)
    colour = paint(fill, palette) if fill is not None else None
    return colour if colour is not None and colour != TRANSPARENT else palette.scheme_colour("tx1")


def _under(layout: Any, box: Box, palette: Any) -> RGB | None:
    for rect, colour in backdrops(layout, palette):
        if rect.covers(box.left, box.top, box.width, box.height):
            return colour
    return background_of(layout, palette)[0]


def _marks(slide: Any, palette: Any) -> Iterator[str]:
    for shape in slide.shapes:
        if shape.name == "Question Disc":
            fill = fill_of(shape.element.find(qn("p:spPr")))
            colour = fill[0] if fill is not None and len(fill) else None
            if colour is not None:
                value = colour.get("val", "")
                yield f"#{value.upper()}" if colour.tag == qn("a:srgbClr") else value


def measure(data: bytes, title: str) -> Measures:
    """The measures of the deck ``data`` whose outline is titled ``title``."""
    deck = Presentation(io.BytesIO(data))
    found = Measures()
    drawn: Drawn = {}
    for number, slide in enumerate(deck.slides, start=1):
        layout = slide.slide_layout
        palette = palette_for(layout)
        for shape in _text_shapes(slide):
            box = _box(shape)
            if box is None:
                continue
            where = f"slide {number} '{shape.name}'"
            if layout_artwork(layout, drawn).crossing(text_area(box)) > ON_ARTWORK:
                found.on_artwork.append(where)
            text, under = _text_colour(shape, palette), _under(layout, box, palette)
            if text is not None and under is not None and under != TRANSPARENT and contrast_ratio(text, under) < READABLE:
                found.unreadable.append(f"{where}: {hex_of(text)} on {hex_of(under)}")
        found.overlaps += _overlaps(slide, number)
        found.marks += [m for m in _marks(slide, palette) if m not in found.marks]
    found.title_whole = _title_whole(deck, title)
    return found


OVERLAP = 0.05
"""Share of a text shape's text area another shape may cover before the two count as overlapping."""
_DECORATIONS = ("Question Disc", "Question Band")


def _overlaps(slide: Any, number: int) -> list[str]:
    """Text shapes another shape of the slide's content covers: ``slide N 'text' under 'other'``."""
    texts = list(_text_shapes(slide))
    others = [s for s in slide.shapes if s.name not in _DECORATIONS and _box(s) is not None
              and (s.has_text_frame and s in texts or getattr(s, "has_table", False)
                   or getattr(s, "has_chart", False) or s.shape_type == 13)]  # 13: a picture
    found = []
    for index, shape in enumerate(texts):
        area = text_area(_box(shape))  # type: ignore[arg-type]
        for other in others:
            if other.element is shape.element or (other in texts and texts.index(other) < index):
                continue
            box = _box(other)
            assert box is not None
            across = min(area.left + area.width, box.left + box.width) - max(area.left, box.left)
            down = min(area.top + area.height, box.top + box.height) - max(area.top, box.top)
            if max(across, 0) * max(down, 0) > OVERLAP * max(area.width * area.height, 1):
                found.append(f"slide {number} '{shape.name}' under '{other.name}'")
    return found


def _title_whole(deck: Any, title: str) -> bool:
    slides = list(deck.slides)
    if not slides:
        return False
    first = slides[0].shapes.title
    shown = " ".join(first.text_frame.text.split()) if first is not None else ""
    follows = slides[1].shapes.title if len(slides) > 1 else None
    continued = follows is not None and follows.text_frame.text.strip().endswith(CONTINUED) and \
        follows.text_frame.text.strip().startswith(shown[:10])
    return shown == " ".join(title.split()) and not continued
