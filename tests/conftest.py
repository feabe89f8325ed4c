"""Shared test helpers: fixture files, a CLI runner, and ways to open built decks."""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
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


METRIC_FONTS = {
    "Carlito": "fonts-crosextra-carlito",
    "Caladea": "fonts-crosextra-caladea",
    "Liberation Sans": "fonts-liberation2",
    "Liberation Serif": "fonts-liberation2",
}
"""Fonts with the widths of Calibri, Cambria, Arial and Times New Roman (and their Debian
packages): LibreOffice draws the templates' fonts with them, so what it renders can be
compared with what deckgen measured."""


@functools.cache
def installed_font_families() -> frozenset[str] | None:
    """Font families fontconfig knows, or None when ``fc-list`` is missing."""
    if shutil.which("fc-list") is None:
        return None
    listing = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True, check=False).stdout
    return frozenset(name.strip() for line in listing.splitlines() for name in line.split(","))


def require_metric_fonts(*families: str) -> None:
    """Skip the calling test, saying why, unless every font of ``families`` is installed."""
    wanted = families or tuple(METRIC_FONTS)
    found = installed_font_families()
    if found is None:
        pytest.skip("fontconfig's fc-list is missing, so the fonts LibreOffice renders with cannot be checked")
    missing = [family for family in wanted if family not in found]
    if missing:
        packages = sorted({METRIC_FONTS.get(family, "") for family in missing} - {""})
        pytest.skip(f"font {', '.join(missing)} is not installed (Debian: {' '.join(packages) or 'a package with it'}); "
                    "LibreOffice would draw the text in a font of other widths than deckgen measured")


@pytest.fixture
def soffice() -> str:
    """The LibreOffice binary; tests that need it are skipped where it is absent."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    return found


@pytest.fixture(autouse=True, scope="session")
def _private_template_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Prepared templates are cached in a folder of this test run, never the user's cache,
    and signed with a key of this run, so no test makes a key file in the user's config
    folder (the variables are inherited by the deckgen processes tests start)."""
    os.environ["DECKGEN_CACHE_DIR"] = str(tmp_path_factory.mktemp("template-cache"))
    os.environ["DECKGEN_CACHE_KEY"] = os.urandom(32).hex()
