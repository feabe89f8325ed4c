"""The lean writer (no python-pptx) makes exactly the decks the python-pptx writer makes.

A single-deck build with a warm template cache writes plain decks without loading
python-pptx; users must not be able to tell: every outline here is built both ways on
every template and the bytes compared.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from deckgen.app.templates import lean_template_for, planned, template_for
from deckgen.outline.loader import load_outline, load_variants
from deckgen.outline.model import Outline
from deckgen.render.lean import lean_deck
from deckgen.render.writer import render_deck

from tests.conftest import OUTLINES, SORA, fixture_path
from tests.test_startup import loaded_by

TEMPLATES = ["classic", "seminar", *(str(fixture_path("templates", name)) for name in (
    "libreoffice-impress.pptx", "pandoc-reference.pptx", "python-pptx-default.pptx"))]
OUTLINE_FILES = [*sorted(OUTLINES.glob("*.yaml")), *sorted(fixture_path("outlines").glob("*.yaml"))]
EPOCH = 1_700_000_000


def _variants() -> list[Outline]:
    return [variant for path in OUTLINE_FILES for variant in load_variants(path)]


def _both_ways(outline: Outline, template: str, epoch: int | None) -> tuple[bytes, bytes] | None:
    """The deck from the python-pptx writer and from the lean one (None: not a lean deck)."""
    prepared = template_for(outline, template)
    lean = lean_template_for(outline, template)
    assert lean is not None, "a prepared template is cached with its blueprint"
    plan = planned(outline, prepared.profile)
    if not lean.writes(plan):
        return None
    return render_deck(plan, prepared, epoch), lean_deck(plan, lean, epoch)


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda t: Path(t).stem)
def test_lean_decks_are_byte_identical_to_python_pptx_decks(template: str) -> None:
    compared = []
    for outline in _variants():
        for epoch in (None, EPOCH):
            decks = _both_ways(outline, template, epoch)
            if decks is not None:
                assert decks[0] == decks[1], f"{outline.path.name} ({outline.audience}) on {template}, epoch {epoch}"
                compared.append(outline.path.name)
    assert {"sora-china-ai.yaml", "sora-china-ai.zh.yaml", "full.yaml", "minimal.yaml"} <= set(compared)


def test_decks_with_pictures_tables_charts_or_right_to_left_text_take_python_pptx(tmp_path: Path) -> None:
    for name in ("sora-china-ai.ar.yaml", "reading-a-policy-paper.yaml", "sora-responses-compared.yaml"):
        outline = load_outline(OUTLINES / name)
        lean = lean_template_for(outline) or (template_for(outline) and lean_template_for(outline))
        assert lean is not None
        assert not lean.writes(planned(outline, lean.profile)), name


def test_a_warm_single_deck_build_loads_no_python_pptx(tmp_path: Path) -> None:
    args = ["build", str(SORA), "-o", str(tmp_path / "deck.pptx"), "--force"]
    code, cold = loaded_by(args, tmp_path / "cache")
    assert code in (0, None) and "pptx" in cold  # the template is prepared once
    first = (tmp_path / "deck.pptx").read_bytes()
    code, warm = loaded_by(args, tmp_path / "cache")
    assert code in (0, None)
    assert "pptx" not in warm and "PIL" not in warm
    assert (tmp_path / "deck.pptx").read_bytes() == first
