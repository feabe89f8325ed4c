"""Contact sheets: every slide of a deck as a thumbnail on one PNG (``deckgen preview``).

Hidden slides (an outline's optional points and questions) are on the sheet too, faded and
with their number struck through, as PowerPoint's slide sorter shows them: a facilitator
sees at a glance what the short run leaves out.
"""

from __future__ import annotations

import io
import math
import tempfile
from collections.abc import Sequence
from pathlib import Path

from PIL import Image, ImageDraw

from deckgen.app.output import write_atomically
from deckgen.app.pdf import convert_to_pdf, pdf_pages_to_png

COLUMNS = 4
GAP_PX = 12
BACKGROUND = (235, 235, 235)
HIDDEN_FADE = 0.55
"""How much of a hidden slide's thumbnail gives way to the sheet's grey."""
LABEL_INK = (60, 60, 60)


def contact_sheet(pages: list[Path], labels: Sequence[str] = (), hidden: frozenset[int] = frozenset()) -> Image.Image:
    """The thumbnails laid out in rows of :data:`COLUMNS`, numbered (and labelled with
    ``labels``, one per page, when given), on a grey sheet; the pages at the 0-based
    positions in ``hidden`` faded, their numbers struck through."""
    thumbs = [Image.open(p).convert("RGB") for p in pages]
    width = max(t.width for t in thumbs)
    height = max(t.height for t in thumbs)
    rows = math.ceil(len(thumbs) / COLUMNS)
    columns = min(COLUMNS, len(thumbs))
    sheet = Image.new("RGB", (columns * (width + GAP_PX) + GAP_PX, rows * (height + GAP_PX * 2) + GAP_PX), BACKGROUND)
    draw = ImageDraw.Draw(sheet)
    for index, thumb in enumerate(thumbs):
        x = GAP_PX + (index % COLUMNS) * (width + GAP_PX)
        y = GAP_PX + (index // COLUMNS) * (height + GAP_PX * 2)
        if index in hidden:
            thumb = Image.blend(thumb, Image.new("RGB", thumb.size, BACKGROUND), HIDDEN_FADE)
        sheet.paste(thumb, (x, y))
        label = f"{index + 1} {labels[index]}" if index < len(labels) else str(index + 1)
        draw.text((x, y + height + 1), label, fill=LABEL_INK)
        if index in hidden:
            _strike(draw, (x, y + height + 1), str(index + 1))
    return sheet


def _strike(draw: ImageDraw.ImageDraw, origin: tuple[int, int], number: str) -> None:
    """A line through a hidden slide's number, as the slide sorter marks it."""
    left, top, right, bottom = draw.textbbox(origin, number)
    middle = (top + bottom) // 2
    draw.line((left - 1, middle, right + 1, middle), fill=LABEL_INK, width=1)


def write_preview(deck: Path, sheet_path: Path, labels: Sequence[str] = (), hidden: frozenset[int] = frozenset()) -> int:
    """Render ``deck`` through LibreOffice into a contact sheet at ``sheet_path`` (thumbnails
    labelled with ``labels``, when given; the slides at the 0-based positions in ``hidden``
    marked hidden); return the page count."""
    with tempfile.TemporaryDirectory(prefix="deckgen-preview-") as work:
        pdf = convert_to_pdf(deck, Path(work, "deck.pdf"))
        pages = pdf_pages_to_png(pdf, Path(work))
        sheet = contact_sheet(pages, labels, hidden)
        buffer = io.BytesIO()
        sheet.save(buffer, format="PNG")
    write_atomically(sheet_path, buffer.getvalue())
    return len(pages)
