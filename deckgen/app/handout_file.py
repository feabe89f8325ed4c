"""Write a participant handout to a file: Word directly, PDF through LibreOffice."""

from __future__ import annotations

import tempfile
from pathlib import Path

from deckgen.app.kit import handout_bytes
from deckgen.app.output import write_atomically
from deckgen.app.pdf import convert_to_pdf
from deckgen.outline.model import Outline


def write_handout(outline: Outline, target: Path, epoch: int | None = None) -> Path:
    """Write ``outline``'s handout to ``target`` (.docx, or .pdf converted by LibreOffice)."""
    data = handout_bytes(outline, epoch)
    if target.suffix.lower() != ".pdf":
        write_atomically(target, data)
        return target
    with tempfile.TemporaryDirectory(prefix="deckgen-handout-") as work:
        docx = Path(work, f"{outline.stem}-handout.docx")
        docx.write_bytes(data)
        return convert_to_pdf(docx, target, "document", outline.language)
