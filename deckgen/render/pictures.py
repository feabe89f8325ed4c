"""Pictures on slides: scaled to fit their slot without cropping, described by alt text."""

from __future__ import annotations

from PIL import Image as PILImage
from pptx.slide import Slide
from pptx.util import Emu

from deckgen.outline.model import Image
from deckgen.plan.profile import Box


def fitted_box(image_size: tuple[int, int], slot: Box) -> Box:
    """The largest box of the image's aspect ratio inside ``slot``, centred in it."""
    width_px, height_px = image_size
    if width_px <= 0 or height_px <= 0:
        return slot
    scale = min(slot.width / width_px, slot.height / height_px)
    width, height = int(width_px * scale), int(height_px * scale)
    left = slot.left + (slot.width - width) // 2
    top = slot.top + (slot.height - height) // 2
    return Box(left, top, width, height)


def add_picture(slide: Slide, image: Image, slot: Box) -> None:
    """Add ``image`` to ``slide`` inside ``slot``, with its alt text as the shape description."""
    with PILImage.open(image.path) as opened:
        size = opened.size
    box = fitted_box(size, slot)
    picture = slide.shapes.add_picture(
        str(image.path), Emu(box.left), Emu(box.top), Emu(box.width), Emu(box.height)
    )
    properties = picture.element.nvPicPr.cNvPr  # type: ignore[union-attr]
    properties.set("descr", image.alt)
    properties.set("name", f"Picture {properties.get('id')}")
