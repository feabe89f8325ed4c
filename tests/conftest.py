"""Shared test helpers: fixture files, a CLI runner, and ways to open built decks."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
OUTLINES = ROOT / "outlines"
SORA = OUTLINES / "sora-china-ai.yaml"


def fixture_path(*parts: str) -> Path:
    """Path of a named file under tests/fixtures/."""
    return FIXTURES.joinpath(*parts)


@pytest.fixture
def runner() -> CliRunner:
    """click's runner for the deckgen CLI (stderr kept apart from stdout)."""
    return CliRunner()


@pytest.fixture
def write_outline(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write YAML text as an outline file in a fresh folder; returns its path."""

    def write(text: str, name: str = "outline.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def soffice() -> str:
    """The LibreOffice binary; tests that need it are skipped where it is absent."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture(autouse=True, scope="session")
def _private_template_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Prepared templates are cached in a folder of this test run, never the user's cache
    (the variable is inherited by the deckgen processes tests start)."""
    os.environ["DECKGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-cache"))
