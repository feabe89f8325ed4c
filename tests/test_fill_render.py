"""Designed type checked by a real renderer: the Sora deck as LibreOffice draws it.

Built on both bundled templates (and in Chinese), converted to PDF once, read back with
``pdftotext -bbox-layout``: every point slide's text reaches below the top third of its
body box, and every point slide's title is written at one size. Skipped where soffice or
pdftotext is missing (CI installs both).
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.app.build import build_deck
from deckgen.app.pdf import export_filter
from tests.conftest import SORA
from tests.deck_helpers import SORA_ZH
from tests.test_fit_render import Rect, Word, _pages

CASES = {"seminar": (SORA, "seminar"), "classic": (SORA, "classic"), "chinese": (SORA_ZH, "seminar")}
POINT_LAYOUTS = ("Content", "Quote", "Picture")


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, list[tuple[float, list[Word]]]]]:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("needs LibreOffice (soffice) and poppler's pdftotext")
    folder = tmp_path_factory.mktemp("fill-render")
    decks = {name: build_deck(outline, folder / f"{name}.pptx", template=template)
             for name, (outline, template) in CASES.items()}
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", export_filter("slides"),
                    "--outdir", str(folder), *(str(deck) for deck in decks.values())],
                   check=True, capture_output=True, timeout=600)
    found = {}
    for name, deck in decks.items():
        bbox = subprocess.run([pdftotext, "-bbox-layout", str(deck.with_suffix(".pdf")), "-"], check=True,
                              capture_output=True, text=True, timeout=120).stdout
        found[name] = (deck, _pages(bbox))
    return found


def _body_box(slide: object, scale: float) -> Rect:
    body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)  # type: ignore[attr-defined]
    left, top = int(body.left) * scale, int(body.top) * scale
    return Rect(left, top, left + int(body.width) * scale, top + int(body.height) * scale)


@pytest.mark.parametrize("case", list(CASES))
def test_no_point_slides_text_ends_in_the_top_third_of_its_body(rendered: dict[str, tuple[Path, list[tuple[float, list[Word]]]]],
                                                               case: str) -> None:
    deck, pages = rendered[case]
    presentation = Presentation(str(deck))
    scale = pages[0][0] / int(presentation.slide_width)
    short = []
    for number, (slide, (_, words)) in enumerate(zip(presentation.slides, pages), start=1):
        if slide.slide_layout.name not in POINT_LAYOUTS:
            continue
        box = _body_box(slide, scale)
        inside = [w.box.bottom for w in words if box.left <= w.box.left < box.right and box.top <= w.box.top < box.bottom]
        assert inside, f"slide {number}: no text drawn in its body"
        if max(inside) < box.top + (box.bottom - box.top) / 3:
            short.append(f"slide {number}: text ends at {max(inside):.0f} pt, body {box.top:.0f}-{box.bottom:.0f} pt")
    assert short == []


@pytest.mark.parametrize("case", list(CASES))
def test_every_point_slides_title_is_written_at_one_size(rendered: dict[str, tuple[Path, list[tuple[float, list[Word]]]]],
                                                         case: str) -> None:
    deck, _ = rendered[case]
    sizes = set()
    for slide in Presentation(str(deck)).slides:
        if slide.slide_layout.name in POINT_LAYOUTS:
            runs = slide.shapes.title.text_frame._txBody.iter(qn("a:rPr"))
            sizes |= {run.get("sz") for run in runs}
    assert len(sizes) == 1, sizes
