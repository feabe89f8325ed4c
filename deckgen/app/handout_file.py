"""Write a participant handout (or the recap) to a file: Word directly, PDF through LibreOffice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from deckgen.app.kit import handout_bytes, handout_path
from deckgen.app.output import write_atomically
from deckgen.app.pdf import convert_to_pdf
from deckgen.outline.model import Outline


def write_handout(outline: Outline, target: Path, epoch: int | None = None, recap: bool = False) -> Path:
    """Write ``outline``'s handout (or ``recap``) to ``target`` (.docx, or .pdf converted by LibreOffice)."""
    data = handout_bytes(outline, epoch, recap=recap)
    if target.suffix.lower() != ".pdf":
        write_atomically(target, data)
        return target
    with tempfile.TemporaryDirectory(prefix="deckgen-handout-") as work:
        docx = handout_path(Path(work), outline.stem, ".docx", recap)
        docx.write_bytes(data)
        return convert_to_pdf(docx, target, "document", outline.language)
