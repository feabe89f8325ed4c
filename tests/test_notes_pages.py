"""Speaker notes never cut off on their notes page: shrunk to a floor, then given the page
below a smaller slide image, then two columns; the notes PDF holds every word."""

from __future__ import annotations

import re
from collections import Counter
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes
from deckgen.app.pdf import convert_to_pdf
from deckgen.outline.loader import load_outline_text
from deckgen.plan.metrics import metrics_for
from deckgen.plan.notes import NOTES_FLOOR_PT, NOTES_MIN_PT, fit_notes, notes_fit, roomy_frame
from deckgen.plan.profile import Box, NotesFrame, Role
from deckgen.plan.slides import SlidePlan
from tests.deck_helpers import open_deck, title_of

FRAME = NotesFrame(6858000, 9144000, Box(685800, 4343400, 5486400, 4114800), Box(1143000, 685800, 4572000, 3429000))
"""PowerPoint's default notes page (7.5 x 10 in): the slide's image above, the notes below."""
METRICS = metrics_for("Calibri")
SENTENCE = "The facilitator reads this sentence aloud and checks the room before moving on to idea {}."


def sentences(count: int) -> str:
    return " ".join(SENTENCE.format(number) for number in range(count))


def test_short_notes_keep_the_notes_masters_size() -> None:
    assert notes_fit("Ask who has seen a Sora clip.", FRAME, METRICS).size == 12.0


def test_longer_notes_shrink_before_they_take_more_room() -> None:
    fit = notes_fit(sentences(25), FRAME, METRICS)
    assert NOTES_FLOOR_PT <= fit.size < 12.0
    assert not fit.roomy


def test_notes_too_long_at_the_floor_take_the_page_below_a_smaller_slide_image() -> None:
    fit = notes_fit(sentences(40), FRAME, METRICS)
    assert fit.roomy and fit.columns == 1 and fit.size >= NOTES_FLOOR_PT
    image, body = roomy_frame(FRAME)
    assert FRAME.image is not None and image.width < FRAME.image.width
    assert image.top + image.height <= body.top
    assert body.top < FRAME.body.top and body.top + body.height == FRAME.body.top + FRAME.body.height


def test_very_long_notes_flow_in_two_columns_and_are_reported_below_the_floor() -> None:
    slide = SlidePlan(Role.CONTENT, "A long point", notes=sentences(90))
    (fitted,), lints = fit_notes([slide], FRAME, METRICS, Path("guide.yaml"))
    assert fitted.notes_roomy and fitted.notes_columns == 2
    assert NOTES_MIN_PT <= fitted.notes_size < NOTES_FLOOR_PT
    assert [lint.message for lint in lints] == [
        f"the speaker notes of slide 'A long point' are set at {fitted.notes_size:g} pt in two columns to fit one "
        "notes page, below the 9 pt that reads well in print; shorten them"]


def test_notes_no_page_can_hold_are_reported_as_too_long() -> None:
    slide = SlidePlan(Role.CONTENT, "An essay", notes=sentences(400))
    (fitted,), lints = fit_notes([slide], FRAME, METRICS, Path("guide.yaml"))
    assert fitted.notes_size == NOTES_MIN_PT
    assert lints[0].message == ("the speaker notes of slide 'An essay' do not fit one notes page even at 6 pt in two "
                                "columns and may run off it; shorten them")


def test_many_short_lines_are_measured_as_lines() -> None:
    assert notes_fit("\n".join(f"Line {n}" for n in range(12)), FRAME, METRICS).size == 12.0
    fit = notes_fit("\n".join(f"Line {n}" for n in range(40)), FRAME, METRICS)
    assert fit.roomy or fit.size < 12.0


OUTLINE = """\
title: Notes of every length
sections:
  - title: One part
    points:
      - {{claim: Short notes, notes: Ask who has seen a Sora clip.}}
      - {{claim: Long notes, notes: "{long}"}}
      - {{claim: Very long notes, notes: "{very_long}"}}
      - claim: Many lines
        notes: |
{lines}
questions:
  - {{prompt: What follows?, notes: "{long}"}}
"""


def _outline_text() -> str:
    lines = "\n".join(f"          Line {number} of the running order END{number}" for number in range(60))
    return OUTLINE.format(long=sentences(30), very_long=sentences(60), lines=lines)


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("notes")
    file = folder / "guide.yaml"
    file.write_text(_outline_text(), encoding="utf-8")
    path = folder / "deck.pptx"
    path.write_bytes(deck_bytes(load_outline_text(file.read_text(encoding="utf-8"), file), None))
    return path


def _notes_shapes(deck: Path) -> dict[str, object]:
    return {title_of(slide): slide.notes_slide for slide in open_deck(deck).slides if slide.has_notes_slide}


def test_notes_runs_carry_their_size_so_libreoffice_sets_them_as_powerpoint_does(deck: Path) -> None:
    notes = _notes_shapes(deck)
    sizes = {title: {run.font.size.pt for paragraph in page.notes_text_frame.paragraphs  # type: ignore[attr-defined]
                     for run in paragraph.runs} for title, page in notes.items()}
    assert sizes["Short notes"] == {12.0}
    assert all(len(found) == 1 and NOTES_MIN_PT <= next(iter(found)) <= 12.0 for found in sizes.values())
    assert next(iter(sizes["Very long notes"])) < next(iter(sizes["Short notes"]))


def test_roomy_notes_pages_move_the_slide_image_and_notes_box(deck: Path) -> None:
    notes = _notes_shapes(deck)
    short, long = notes["Short notes"], notes["Very long notes"]
    assert short.notes_placeholder._element.spPr.find(qn("a:xfrm")) is None  # type: ignore[attr-defined]
    body = long.notes_placeholder  # type: ignore[attr-defined]
    image = next(shape for shape in long.placeholders if shape.placeholder_format.idx == 2)  # type: ignore[attr-defined]
    assert image.top + image.height <= body.top
    assert body._element.txBody.find(qn("a:bodyPr")).get("numCol") in (None, "2")


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler) is not installed")
def test_notes_pdf_holds_every_word_of_long_notes(deck: Path, soffice: str, tmp_path: Path) -> None:
    pdf = convert_to_pdf(deck, tmp_path / "notes.pdf", "notes")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    presentation = open_deck(deck)
    for page, slide in zip(pages, presentation.slides):
        if slide.has_notes_slide:
            wanted = Counter(_words(slide.notes_slide.notes_text_frame.text))
            missing = wanted - Counter(_words(page))  # columns may be read in either order
            assert not missing, title_of(slide)
