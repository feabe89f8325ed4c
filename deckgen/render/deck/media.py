"""Pictures as parts of a deck: one part per distinct image, named and typed as PowerPoint expects.

An image used on several slides, or already in the template (a logo), is stored once:
images are told apart by their SHA-1, as python-pptx does, and a new one takes the first
free ``/ppt/media/imageN.ext`` name. The format comes from the file's content, not its
name; the pixel size places it on the slide without distortion.
"""

from __future__ import annotations

import bisect
import hashlib
import posixpath
import re
import struct
from dataclasses import dataclass
from pathlib import Path

from deckgen.plan.profile import Box

IMAGE_FORMATS = {"BMP": ("bmp", "image/bmp"), "GIF": ("gif", "image/gif"), "JPEG": ("jpg", "image/jpeg"),
                 "PNG": ("png", "image/png"), "TIFF": ("tiff", "image/tiff"), "WMF": ("wmf", "image/x-wmf")}
"""Pillow's format name -> the part's extension and content type."""
_MEDIA = "/ppt/media/image"
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_STEM = re.compile(r"([a-zA-Z]+)([1-9][0-9]*)?")


@dataclass(frozen=True)
class Picture:
    """An image file read for a deck: its bytes, identity, extension, type and pixel size."""

    blob: bytes
    sha1: str
    ext: str
    content_type: str
    size: tuple[int, int]


def read_picture(path: Path) -> Picture:
    """The image at ``path`` (the outline checked it exists and is an image Pillow reads)."""
    from PIL import Image as PILImage  # only decks with pictures pay for Pillow

    blob = path.read_bytes()
    with PILImage.open(path) as opened:
        size, kind = opened.size, str(opened.format)
    ext, content_type = IMAGE_FORMATS[kind]
    return Picture(blob, hashlib.sha1(blob).hexdigest(), ext, content_type, size)


def png_picture(blob: bytes) -> Picture:
    """A PNG made by deckgen itself (a QR code), its pixel size read from its header."""
    if blob[:8] != _PNG_SIGNATURE or blob[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    width, height = struct.unpack(">II", blob[16:24])
    return Picture(blob, hashlib.sha1(blob).hexdigest(), "png", "image/png", (width, height))


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


def _index(partname: str) -> int | None:
    """The number after a part name's leading letters (``image12.png`` -> 12), as python-pptx reads it."""
    stem = posixpath.splitext(partname.rsplit("/", 1)[-1])[0]
    found = _STEM.match(stem)
    return int(found.group(2)) if found is not None and found.group(2) else None


def _first_free(indexes: list[int]) -> int:
    """The first number missing from the sorted ``indexes`` (python-pptx's next image number)."""
    for position, index in enumerate(indexes):
        if position + 1 < index:
            return position + 1
    return len(indexes) + 1


class MediaParts:
    """The image parts of one deck: the template's, then those its slides add."""

    def __init__(self, template_images: tuple[tuple[str, str], ...], partnames: tuple[str, ...]) -> None:
        self._by_sha1: dict[str, str] = {}
        for partname, sha1 in template_images:
            self._by_sha1.setdefault(sha1, partname)
        self._indexes = sorted(index for name in partnames if name.startswith(_MEDIA) and (index := _index(name)) is not None)
        self._cache: dict[Path, Picture] = {}

    def picture(self, path: Path) -> Picture:
        """The image at ``path``, read once per deck."""
        if path not in self._cache:
            self._cache[path] = read_picture(path)
        return self._cache[path]

    def part_for(self, picture: Picture) -> tuple[str, bool]:
        """The part name holding ``picture``, and whether it is new (to be written with the deck)."""
        known = self._by_sha1.get(picture.sha1)
        if known is not None:
            return known, False
        index = _first_free(self._indexes)
        bisect.insort(self._indexes, index)
        partname = f"{_MEDIA}{index}.{picture.ext}"
        self._by_sha1[picture.sha1] = partname
        return partname, True
