"""Room for a QR code beside a slide's body text: a square the size to scan from the back of
the room, at the top of the body's box on the side text reads towards, the text narrowed to
keep clear of it.

The body's box is already clear of the template's artwork and footer (see
:mod:`deckgen.render.template.clearing`), so a square cut from it is too. Pure: boxes in, boxes out.
"""

from __future__ import annotations

from dataclasses import replace

from deckgen.plan.profile import Box, LayoutSlots, TemplateProfile
from deckgen.plan.slides import SlidePlan

QR_SHARE = 0.16
"""The code's side as a share of the slide's width: 5.4 cm (quiet zone included) on a
13.33 in slide, which a phone reads from the back of a seminar room."""
MOST_OF_BODY = 0.4
"""The code never takes more than this share of the body's width, so the text keeps its room."""
_GAP_SHARE = 1 / 25
"""Gap between the text and the code, as a share of the body's width."""


def beside_qr(body: Box, slide_width: int, mirrored: bool = False) -> tuple[Box, Box]:
    """``body`` narrowed for a QR code, and the code's square: at the body's top right
    (``mirrored``: top left, where a right-to-left reader's eye ends), both in EMU."""
    side = max(min(int(slide_width * QR_SHARE), body.height, int(body.width * MOST_OF_BODY)), 0)
    gap = int(body.width * _GAP_SHARE)
    text_width = max(body.width - side - gap, 0)
    if mirrored:
        return replace(body, left=body.left + side + gap, width=text_width), Box(body.left, body.top, side, side)
    return replace(body, width=text_width), Box(body.left + body.width - side, body.top, side, side)


def with_qr_room(draft: SlidePlan, slots: LayoutSlots, profile: TemplateProfile,
                 fallback: Box) -> tuple[SlidePlan, LayoutSlots]:
    """``draft`` with its QR code placed and its body narrowed beside it, and ``slots`` with
    the narrowed body the text is fitted to (``fallback``: the body box of a layout without one)."""
    assert draft.qr is not None
    text, square = beside_qr(slots.body or fallback, profile.slide_width, profile.right_to_left)
    return replace(draft, qr=replace(draft.qr, box=square), body_box=text), replace(slots, body=text)
