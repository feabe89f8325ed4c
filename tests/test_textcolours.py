"""Text reads on what lies under it, whatever colours a template gives it.

LibreOffice's dark designs keep their titles' white only in the master's prompt text, and
lay the title of some layouts on the white slide; Quarto's dark mode keeps Office's black
``tx1`` on a dark slide. deckgen's text there takes the theme colour that reads.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pptx.oxml.ns import qn
from pptx.slide import Slide

from tests.deck_helpers import TEMPLATES, cached_deck_bytes, open_deck, title_of
from tests.test_validity import RICH_CORPUS

MIDNIGHTBLUE = TEMPLATES / "roles-midnightblue.pptx"
QUARTO_DARK = TEMPLATES / "artwork-quarto-dark.pptx"
SORA = Path(__file__).resolve().parent.parent / "outlines" / "sora-china-ai.yaml"


def _run_colours(shape: Any) -> set[str | None]:
    """The colour each run of a shape's text sets itself (a scheme name, ``#RRGGBB``, None: inherited)."""
    found: set[str | None] = set()
    for run in shape.element.iter(qn("a:rPr")):
        fill = run.find(qn("a:solidFill"))
        colour = fill[0] if fill is not None and len(fill) else None
        found.add(None if colour is None else colour.get("val") if colour.tag == qn("a:schemeClr")
                  else f"#{colour.get('val')}")
    return found


def _on_band(slide: Slide) -> bool:
    """Whether the slide's title lies on Midnightblue's dark title band (the top 1 in)."""
    title = slide.shapes.title
    return title is not None and title.top is not None and title.top + title.height / 2 < 914400


def test_libreoffice_titles_keep_the_designs_white_on_its_band() -> None:
    deck = open_deck(cached_deck_bytes(SORA, str(MIDNIGHTBLUE)))
    master = deck.slide_masters[0].element
    style = master.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    assert style is not None and style.find(f"{qn('a:solidFill')}/{qn('a:srgbClr')}").get("val").lower() == "ffffff"
    banded = [s for s in deck.slides if _on_band(s) and s.slide_layout.slide_master is deck.slide_masters[0]]
    assert banded and all(_run_colours(s.shapes.title) == {None} for s in banded)


def test_a_title_off_the_band_takes_the_theme_text_colour() -> None:
    deck = open_deck(cached_deck_bytes(SORA, str(MIDNIGHTBLUE)))
    first = deck.slides[0]
    assert first.slide_layout.slide_master is deck.slide_masters[0] and not _on_band(first)
    assert _run_colours(first.shapes.title) == {"tx1"}


def test_deckgens_own_text_boxes_read_on_a_dark_slide() -> None:
    deck = open_deck(cached_deck_bytes(RICH_CORPUS, str(QUARTO_DARK)))
    (slide,) = [s for s in deck.slides if title_of(s) == "A table of three rows"]
    (caption,) = [s for s in slide.shapes if s.name == "Table caption"]
    assert _run_colours(caption) == {"bg1"}


def test_templates_whose_text_reads_get_no_colour_of_deckgens() -> None:
    deck = open_deck(cached_deck_bytes(RICH_CORPUS, None))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and (shape.is_placeholder or shape.name == "Table caption"):
                assert not {"tx1", "bg1"} & _run_colours(shape), (title_of(slide), shape.name)
