"""PDF export and slide thumbnails through LibreOffice (optional: only --pdf and preview need it)."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from pathlib import Path

from deckgen.errors import BuildError, DeckgenError
from deckgen.app.output import write_atomically

CONVERT_TIMEOUT_S = 300


def _soffice() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    raise BuildError("LibreOffice (soffice) is not installed; install it (e.g. apt-get install libreoffice-impress) to use --pdf or preview")


def convert_to_pdf(deck: Path, pdf: Path) -> Path:
    """Convert ``deck`` to ``pdf`` with a headless LibreOffice using a private profile."""
    soffice = _soffice()
    with tempfile.TemporaryDirectory(prefix="deckgen-pdf-") as work:
        profile = Path(work, "profile").as_uri()
        # absolute paths: a deck named '-x.pptx' must not be read as an option
        command = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                   "--outdir", work, str(deck.absolute())]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
            raise BuildError(f"{deck}: LibreOffice could not convert it to PDF ({error})") from None
        produced = Path(work, deck.with_suffix(".pdf").name)
        if not produced.is_file():
            raise BuildError(f"{deck}: LibreOffice produced no PDF; try opening the deck in LibreOffice")
        write_atomically(pdf, produced.read_bytes())
    return pdf


def export_pdfs(decks: Sequence[Path]) -> list[DeckgenError]:
    """Export each deck to PDF beside it; the errors of the exports that failed."""
    failures: list[DeckgenError] = []
    for deck in decks:
        try:
            convert_to_pdf(deck, deck.with_suffix(".pdf"))
        except DeckgenError as error:
            failures.append(error)
    return failures


def pdf_pages_to_png(pdf: Path, folder: Path, dpi: int = 40) -> list[Path]:
    """Render every page of ``pdf`` to PNG files in ``folder`` (needs poppler's pdftoppm)."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        raise BuildError("pdftoppm is not installed; install poppler-utils to use preview")
    command = [pdftoppm, "-png", "-r", str(dpi), str(pdf.absolute()), str(folder.absolute() / "page")]
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=CONVERT_TIMEOUT_S)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        raise BuildError(f"{pdf}: pdftoppm could not render its pages ({error})") from None
    return sorted(folder.glob("page*.png"))
