"""``templates inspect --preview``: one sample slide per role on a template, as a contact sheet."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image

from deckgen.app.build import render_outline
from deckgen.app.role_preview import write_sample_outline, role_labels
from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from deckgen.plan.profile import Role
from tests.deck_helpers import CORPUS_TEMPLATES, open_deck


@pytest.mark.parametrize("template", ["seminar", str(CORPUS_TEMPLATES["pandoc-written"])], ids=["seminar", "pandoc"])
def test_the_sample_makes_a_slide_of_every_role_and_no_continuation(template: str) -> None:
    with tempfile.TemporaryDirectory() as work:
        rendered = render_outline(load_outline(write_sample_outline(Path(work))), template)
    labels = role_labels(rendered.plan)
    assert {Role(label) for label in labels} == set(Role)
    assert len(open_deck(rendered.data).slides) == len(labels)


def test_inspect_refuses_an_output_without_preview(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["templates", "inspect", "seminar", "-o", str(tmp_path / "sheet.png")])
    assert result.exit_code == 2
    assert "-o names the --preview contact sheet; add --preview" in result.output


def test_inspect_refuses_a_sheet_that_is_not_a_png(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["templates", "inspect", "seminar", "--preview", "-o", str(tmp_path / "sheet.pdf")])
    assert result.exit_code == 2
    assert "a contact sheet is written as .png" in result.output


def test_inspect_preview_renders_one_thumbnail_per_role(runner: CliRunner, soffice: str, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    template = tmp_path / "brand.pptx"
    shutil.copy(CORPUS_TEMPLATES["pandoc-written"], template)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["templates", "inspect", str(template), "--preview"])
    assert result.exit_code == 0, result.output
    assert "question    -> Title and Content (no layout of its own; deckgen draws its mark)" in result.output
    assert "wrote brand-roles.png (15 slides, one per role)" in result.output
    with Image.open(tmp_path / "brand-roles.png") as sheet:
        assert sheet.width > 400 and sheet.height > 300


def test_inspect_lists_the_placeholders_of_every_layout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "inspect", "seminar"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    layouts = [i for i, line in enumerate(lines) if line.startswith("  ") and not line.startswith("    ")
               and "[" in line and "->" not in line]
    assert len(layouts) > 5
    for start, end in zip(layouts, layouts[1:]):
        assert any(line.startswith("    - ") for line in lines[start + 1:end]), lines[start]
