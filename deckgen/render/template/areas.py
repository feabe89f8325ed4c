"""Where a role's title and text go when a layout's own boxes cannot hold them.

Some templates give a layout placeholders far too small for what a slide holds (LibreOffice
exports every layout with the boxes of one master page), or none at all (a theme with a
single Blank layout). Rather than pour a point over many slides, deckgen then uses the
master's title and body areas, and where the master has none, or they are too small
themselves, boxes of its own within the slide's margins. Pure geometry on
:class:`~deckgen.plan.profile.Box` (EMU); styles travel with the boxes.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.plan.profile import EMU_PER_PT, Box

ROOM_SHARE = 1 / 3
"""A text box holding less than this share of the master's body area is too small for a point."""
SLIDE_SHARE = 0.2
"""A text box holding less than this share of the slide is too small for a point (the columns
of a Comparison layout hold a quarter)."""
SUBTITLE_LINES = 3
"""A title slide's text box holds at least this many lines (subtitle, presenter, source)."""
SUBTITLE_LINE_PT = 20 * 1.2
"""The height of one such line: the title slide's text size (20 pt) and its leading."""


def area(box: Box) -> int:
    """A box's area in square EMU."""
    return box.width * box.height


def too_small(body: Box, reference: Box, slide_width: int, slide_height: int) -> bool:
    """Whether ``body`` is too small to hold a point: under :data:`ROOM_SHARE` of ``reference``
    (the master's body area) or under :data:`SLIDE_SHARE` of the slide."""
    return area(body) < ROOM_SHARE * area(reference) or area(body) < SLIDE_SHARE * slide_width * slide_height


def content_areas(title: Box, body: Box, defaults: tuple[Box, Box], slide: tuple[int, int]) -> tuple[Box, Box]:
    """The master's title and body areas (``title``, ``body``) when the body area can hold a
    point, else deckgen's own (``defaults``'s geometry, keeping the master's text styles)."""
    if not too_small(body, defaults[1], *slide):
        return title, body
    return moved(title, defaults[0]), moved(body, defaults[1])


def moved(box: Box, place: Box) -> Box:
    """``box``'s styles at ``place``'s position and size."""
    return replace(box, left=place.left, top=place.top, width=place.width, height=place.height)


def title_slide_areas(title: Box, body: Box, slide_width: int, slide_height: int) -> tuple[Box, Box]:
    """deckgen's own title and subtitle boxes for a title or section slide: the title across
    the middle of the slide, the subtitle under it, as wide as the content area ``body``."""
    left, width = body.left, body.width
    title_box = replace(title, left=left, top=slide_height * 27 // 100, width=width, height=slide_height * 23 // 100)
    below = title_box.top + title_box.height + slide_height // 40
    subtitle = replace(body, left=left, top=below, width=width, height=slide_height * 25 // 100)
    return title_box, subtitle


def roomy_subtitle(subtitle: Box, title: Box | None, slide_height: int) -> Box:
    """A title slide's text box tall enough for :data:`SUBTITLE_LINES` lines, grown away from the
    title (down when it sits below the title, up when above) and kept on the slide."""
    needed = int(SUBTITLE_LINES * SUBTITLE_LINE_PT * EMU_PER_PT) + subtitle.inset_top + subtitle.inset_bottom
    if subtitle.height >= needed:
        return subtitle
    margin = slide_height // 20
    above_title = title is not None and subtitle.top + subtitle.height // 2 < title.top + title.height // 2
    if above_title:
        top = max(margin, subtitle.top + subtitle.height - needed)
        return replace(subtitle, top=top, height=subtitle.top + subtitle.height - top)
    bottom = min(slide_height - margin, subtitle.top + needed)
    top = min(subtitle.top, bottom - needed)
    return replace(subtitle, top=max(margin, top), height=bottom - max(margin, top))
