"""One deck writer, without python-pptx: warm builds of every kind of deck load none of it.

python-pptx reads and prepares a template once (then the template cache holds its
blueprint); decks are written from the blueprint with lxml alone, pictures, tables,
comparisons and right-to-left text included. Only a chart loads python-pptx's chart writer.
"""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest

from tests.conftest import OUTLINES, SORA
from tests.test_startup import loaded_by

RICH_ARABIC = """\
title: عرض
language: ar
sections:
  - title: قسم
    points:
      - claim: صورة
        image: {path: images/reading-a-policy-paper.png, alt: رسم}
      - claim: مقارنة
        compare:
          left: {title: يسار, items: [أ, ب]}
          right: {title: يمين, items: [ج, د]}
      - claim: جدول
        table:
          header: [أ, ب]
          rows:
            - [ج, د]
"""


def _warm_loads(args: list[str], cache: Path, cwd: Path | None = None) -> list[str]:
    """What a second, warm run of ``deckgen ARGS`` loads (the first prepares the template)."""
    code, cold = loaded_by(args, cache, cwd)
    assert code in (0, None)
    code, warm = loaded_by(args, cache, cwd)
    assert code in (0, None)
    return warm


def test_a_warm_single_deck_build_loads_no_python_pptx(tmp_path: Path) -> None:
    args = ["build", str(SORA), "-o", str(tmp_path / "deck.pptx"), "--force"]
    code, cold = loaded_by(args, tmp_path / "cache")
    assert code in (0, None) and "pptx" in cold  # the template is prepared once
    first = (tmp_path / "deck.pptx").read_bytes()
    code, warm = loaded_by(args, tmp_path / "cache")
    assert code in (0, None)
    assert "pptx" not in warm and "PIL" not in warm
    assert (tmp_path / "deck.pptx").read_bytes() == first


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_a_warm_deck_with_a_picture_table_comparison_and_arabic_loads_no_python_pptx(
        tmp_path: Path, template: str) -> None:
    shutil.copytree(OUTLINES / "images", tmp_path / "images")
    (tmp_path / "rich.yaml").write_text(RICH_ARABIC, encoding="utf-8")
    args = ["build", "rich.yaml", "-o", "rich.pptx", "--force", "--template", template]
    warm = _warm_loads(args, tmp_path / "cache", tmp_path)
    assert "pptx" not in warm
    with zipfile.ZipFile(tmp_path / "rich.pptx") as deck:
        names = deck.namelist()
        slides = b"".join(deck.read(name) for name in names if name.startswith("ppt/slides/slide"))
    assert any(name.startswith("ppt/media/image") for name in names)
    assert b"<a:tbl>" in slides and b'rtl="1"' in slides


def test_a_chart_loads_python_pptx_for_its_chart_writer(tmp_path: Path) -> None:
    shutil.copytree(OUTLINES / "images", tmp_path / "images")
    shutil.copy(OUTLINES / "sora-responses-compared.yaml", tmp_path / "charted.yaml")
    warm = _warm_loads(["build", "charted.yaml", "-o", "charted.pptx", "--force"], tmp_path / "cache", tmp_path)
    assert "pptx" in warm  # python-pptx writes the chart's XML; the deck is written without it
