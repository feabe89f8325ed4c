"""Decks open in LibreOffice: one PDF page per slide, every question readable, CJK intact.

Skipped where LibreOffice (soffice) or poppler (pdftotext, pdfinfo) is missing. All decks
are converted by one soffice run per session, with a private profile folder.
"""

from __future__ import annotations

import re
from collections import Counter
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from deckgen.app.pdf import export_filter
from deckgen.cli.main import main
from deckgen.outline.inline import plain
from deckgen.outline.loader import load_outline
from tests.conftest import OUTLINES, SORA, require_metric_fonts
from tests.deck_helpers import (
    READING,
    SORA_ZH,
    SPECS,
    THIRD_PARTY_TEMPLATES,
    cached_deck_bytes,
    open_deck,
)

DECKS = {
    "sora": (SORA, None),
    "chinese": (SORA_ZH, None),
    "pandoc": (READING, str(THIRD_PARTY_TEMPLATES["pandoc reference"])),
    "libreoffice": (SPECS / "every-field.yaml", str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"])),
    "rich": (OUTLINES / "sora-responses-compared.yaml", None),
    "rich-pandoc": (SPECS / "rich-content.yaml", str(THIRD_PARTY_TEMPLATES["pandoc reference"])),
    "rich-classic": (SPECS / "rich-content.yaml", "classic"),
    "arabic": (OUTLINES / "sora-china-ai.ar.yaml", None),
}
LATIN_DECKS = [name for name in DECKS if name != "arabic"]
"""Decks whose text pdftotext gives back in reading order (Arabic comes out in visual order)."""


@pytest.fixture(scope="session")
def poppler() -> None:
    if not (shutil.which("pdftotext") and shutil.which("pdfinfo")):
        pytest.skip("poppler-utils (pdftotext, pdfinfo) is not installed")


@pytest.fixture(scope="session")
def soffice_binary() -> str:
    """Like conftest's ``soffice``, for session-scoped fixtures."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture(scope="session")
def pdfs(soffice_binary: str, poppler: None, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Every deck of :data:`DECKS` converted to PDF by a single LibreOffice run."""
    require_metric_fonts()
    soffice = soffice_binary
    work = tmp_path_factory.mktemp("libreoffice")
    decks = []
    for name, (outline, template) in DECKS.items():
        deck = work / f"{name}.pptx"
        deck.write_bytes(cached_deck_bytes(outline, template))
        decks.append(str(deck))
    profile = (work / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", export_filter("slides"),
                    "--outdir", str(work / "pdf"), *decks], check=True, capture_output=True, timeout=300)
    return {name: work / "pdf" / f"{name}.pdf" for name in DECKS}


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def _squeezed(text: str) -> str:
    """Text without white space or hyphens, NFKC-normalised.

    Line wrapping differs between renderers, and pdftotext drops the hyphen of a word
    like "text-to-video" when a line ends after it.
    """
    return re.sub(r"[\s\-\u00ad]+", "", unicodedata.normalize("NFKC", text))


def _pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


@pytest.mark.parametrize("name", list(DECKS))
def test_one_pdf_page_per_slide(pdfs: dict[str, Path], name: str) -> None:
    outline, template = DECKS[name]
    slides = len(open_deck(cached_deck_bytes(outline, template)).slides)
    assert _pages(pdfs[name]) == slides


@pytest.mark.parametrize("name", LATIN_DECKS)
def test_every_question_prompt_is_readable_in_the_pdf(pdfs: dict[str, Path], name: str) -> None:
    outline, _template = DECKS[name]
    text = _squeezed(_pdf_text(pdfs[name]))
    missing = [q.prompt for q in load_outline(outline).questions if _squeezed(plain(q.prompt)) not in text]
    assert missing == []


@pytest.mark.parametrize("name", LATIN_DECKS)
def test_every_claim_is_readable_in_the_pdf(pdfs: dict[str, Path], name: str) -> None:
    outline, _template = DECKS[name]
    text = _squeezed(_pdf_text(pdfs[name]))
    claims = [p.claim for s in load_outline(outline).sections for p in s.points]
    assert [c for c in claims if _squeezed(plain(c)) not in text] == []


_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _words(pdf: Path, page: int) -> list[tuple[float, float, float, float, str]]:
    """Every word on ``page`` (1-based) with its box in points (y down from the top)."""
    html = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout
    return [(float(a), float(b), float(c), float(d), text) for a, b, c, d, text in _WORD.findall(html)]


@pytest.mark.parametrize("name", ["rich", "rich-pandoc", "rich-classic"])
def test_every_table_cell_stays_inside_its_frame(pdfs: dict[str, Path], name: str) -> None:
    """LibreOffice grows a row whose text needs more room, pushing the rows below it down:
    every word of every cell must be drawn inside the table's planned frame."""
    outline, template = DECKS[name]
    deck = open_deck(cached_deck_bytes(outline, template))
    checked = 0
    for number, slide in enumerate(deck.slides, start=1):
        for shape in (s for s in slide.shapes if s.has_table):
            left, top = shape.left / 12700, shape.top / 12700
            right = left + shape.width / 12700
            bottom = top + sum(row.height for row in shape.table.rows) / 12700
            expected = Counter(w for row in shape.table.rows for cell in row.cells for w in cell.text.split())
            inside = Counter(w[4] for w in _words(pdfs[name], number)
                             if w[0] >= left - 1 and w[2] <= right + 1 and w[1] >= top - 1 and w[3] <= bottom + 1)
            assert expected - inside == Counter(), f"slide {number}: cell text outside the table's frame"
            checked += 1
    assert checked


def test_a_missing_measuring_font_skips_naming_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.conftest as conftest

    monkeypatch.setattr(conftest, "installed_font_families", lambda: frozenset({"DejaVu Sans", "Carlito"}))
    conftest.require_metric_fonts("Carlito")  # present: no skip
    with pytest.raises(pytest.skip.Exception, match="Caladea is not installed.*fonts-crosextra-caladea"):
        conftest.require_metric_fonts("Carlito", "Caladea")
    monkeypatch.setattr(conftest, "installed_font_families", lambda: None)
    with pytest.raises(pytest.skip.Exception, match="fc-list"):
        conftest.require_metric_fonts()
