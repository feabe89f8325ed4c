"""Contact sheets: hidden (optional) slides faded with their numbers struck through."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from deckgen.app.preview import BACKGROUND, COLUMNS, GAP_PX, contact_sheet
from deckgen.cli.main import main

FLEX = Path(__file__).resolve().parent / "fixtures" / "outlines" / "flex" / "flex.yaml"
RED = (200, 30, 30)


def _pages(folder: Path, count: int) -> list[Path]:
    pages = []
    for index in range(count):
        page = folder / f"page-{index}.png"
        Image.new("RGB", (80, 45), RED).save(page)
        pages.append(page)
    return pages


def test_a_hidden_slide_is_faded_toward_the_sheet_and_a_shown_one_is_not(tmp_path: Path) -> None:
    sheet = contact_sheet(_pages(tmp_path, 2), hidden=frozenset({1}))
    shown = sheet.getpixel((GAP_PX + 40, GAP_PX + 20))
    faded = sheet.getpixel((GAP_PX + 80 + GAP_PX + 40, GAP_PX + 20))
    assert shown == RED and isinstance(faded, tuple)
    assert faded != RED and all(abs(f - b) < abs(r - b) for f, r, b in zip(faded, RED, BACKGROUND))


def test_a_hidden_slide_s_number_is_struck_through(tmp_path: Path) -> None:
    plain = contact_sheet(_pages(tmp_path, 2))
    marked = contact_sheet(_pages(tmp_path, 2), hidden=frozenset({1}))
    label_row = (GAP_PX + 45, GAP_PX + 45 + GAP_PX * 2)
    box = (GAP_PX + 80 + GAP_PX, label_row[0], GAP_PX + 2 * (80 + GAP_PX), label_row[1])
    assert plain.crop(box).tobytes() != marked.crop(box).tobytes()
    first = (GAP_PX, label_row[0], GAP_PX + 80, label_row[1])
    assert plain.crop(first).tobytes() == marked.crop(first).tobytes()  # shown slides keep their plain number
    assert COLUMNS >= 2


@pytest.mark.skipif(shutil.which("soffice") is None, reason="needs LibreOffice")
def test_preview_marks_the_decks_hidden_slides(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.png"
    result = CliRunner().invoke(main, ["preview", str(FLEX), "-o", str(sheet)])
    assert result.exit_code == 0, result.output
    assert "wrote" in result.output and sheet.exists()
