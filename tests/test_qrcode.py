"""The QR code of an article's address: a real, scannable PNG, the same bytes every time."""

from __future__ import annotations

import io

from PIL import Image

from deckgen.render.deck.qrcode import QUIET_ZONE_MODULES, qr_png

URL = "https://www.example.org/sora-reality-check-for-chinas-ai-ambitions"


def test_a_qr_code_is_a_square_black_and_white_png() -> None:
    picture = Image.open(io.BytesIO(qr_png(URL)))
    assert picture.format == "PNG"
    assert picture.width == picture.height
    colours = {colour for _, colour in picture.convert("L").getcolors() or []}
    assert colours == {0, 255}


def test_a_qr_code_keeps_its_quiet_zone() -> None:
    picture = Image.open(io.BytesIO(qr_png(URL, pixels_per_module=4))).convert("L")
    margin = QUIET_ZONE_MODULES * 4
    border = [picture.getpixel((x, y)) for x in range(picture.width) for y in range(margin)]
    assert set(border) == {255}


def test_the_same_address_gives_the_same_bytes() -> None:
    assert qr_png(URL) == qr_png(URL)
    assert qr_png(URL) != qr_png(URL + "/")
