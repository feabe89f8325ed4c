"""A QR code of a web address, as PNG bytes, for the References slide and the handout.

Participants scan the article's address from the slide or the printed handout instead of
typing it. segno encodes it (ISO/IEC 18004, error correction level M so a slightly
smudged print still scans) and writes a plain black-on-white PNG with the standard quiet
zone. The picture is the same bytes for the same address, so decks and handouts stay
reproducible.
"""

from __future__ import annotations

import io

import segno

QUIET_ZONE_MODULES = 4
"""The blank border the standard asks for around the code, in modules."""


def qr_png(url: str, pixels_per_module: int = 10) -> bytes:
    """Return a PNG of a QR code that scans to ``url``."""
    code = segno.make(url, error="m", micro=False)
    png = io.BytesIO()
    code.save(png, kind="png", scale=pixels_per_module, border=QUIET_ZONE_MODULES, dark="#000000", light="#ffffff")
    return png.getvalue()
