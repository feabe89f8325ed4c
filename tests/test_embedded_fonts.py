"""A template's embedded fonts reach decks only when they can set the deck's own text.

Google Slides embeds each font as a compressed subset of the template's own characters;
decks leave such fonts out (file checkers report them, and the deck's other characters
would fall back to another font) and the user is told once which fonts to install.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from click.testing import CliRunner

from deckgen.cli.main import main
from deckgen.render.template.embeddedfonts import carries_any_text
from tests.deck_helpers import READING, TEMPLATES, zip_part
from tests.validators import deck_findings

GOOGLE_FONTS = TEMPLATES / "fonts-google-slides.pptx"
"""python-pptx's default template with Montserrat embedded as Google Slides embeds it."""


def _eot(flags: int) -> bytes:
    """The start of an Embedded OpenType file with ``flags``, its font data following."""
    header = bytearray(82)
    header[12:16] = flags.to_bytes(4, "little")
    header[34:36] = (0x504C).to_bytes(2, "little")
    return bytes(header) + b"\x00\x01\x00\x00"


def test_the_fixture_embeds_a_font_the_checkers_refuse() -> None:
    """Guards the fixture: the template itself carries the font openxml-audit reports."""
    assert any("fntdata" in finding for finding in deck_findings(GOOGLE_FONTS))


def test_a_deck_leaves_out_a_subset_font_and_is_valid(runner: CliRunner, tmp_path: Path) -> None:
    deck = tmp_path / "deck.pptx"
    result = runner.invoke(main, ["build", str(READING), "-o", str(deck), "--template", str(GOOGLE_FONTS)])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(deck) as archive:
        assert not [name for name in archive.namelist() if name.startswith("ppt/fonts/")]
    assert "embeddedFontLst" not in zip_part(deck, "ppt/presentation.xml")
    assert "ppt/fonts" not in zip_part(deck, "ppt/_rels/presentation.xml.rels")
    assert deck_findings(deck) == []


def _with_whole_font(target: Path) -> Path:
    """The fixture with its font replaced by an uncompressed, whole one (an EOT header around a font)."""
    with zipfile.ZipFile(GOOGLE_FONTS) as original, zipfile.ZipFile(target, "w") as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            copy.writestr(info.filename, _eot(0) if info.filename == "ppt/fonts/font1.fntdata" else data)
    return target


def test_a_whole_embedded_font_stays_in_the_deck(runner: CliRunner, tmp_path: Path) -> None:
    template = _with_whole_font(tmp_path / "whole.pptx")
    deck = tmp_path / "deck.pptx"
    result = runner.invoke(main, ["build", str(READING), "-o", str(deck), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert "embedded fonts" not in result.output
    assert 'typeface="Montserrat"' in zip_part(deck, "ppt/presentation.xml")
    with zipfile.ZipFile(deck) as archive:
        assert archive.read("ppt/fonts/font1.fntdata") == _eot(0)


def test_build_and_check_name_the_fonts_to_install_once(runner: CliRunner, tmp_path: Path) -> None:
    built = runner.invoke(main, ["build", str(READING), "-o", str(tmp_path / "deck.pptx"), "--template", str(GOOGLE_FONTS)])
    checked = runner.invoke(main, ["check", str(READING), "--template", str(GOOGLE_FONTS)])
    for result in (built, checked):
        assert result.output.count("embedded fonts 'Montserrat'") == 1, result.output
        assert "install the fonts where the deck is shown" in result.output


def test_only_whole_uncompressed_fonts_can_set_any_text() -> None:
    assert carries_any_text(_eot(0))
    assert carries_any_text(b"\x00\x01\x00\x00" + bytes(40))  # a bare TrueType font
    assert not carries_any_text(_eot(0x1))  # a subset
    assert not carries_any_text(_eot(0x4))  # compressed with MicroType Express
    assert not carries_any_text(_eot(0x5))  # both, as Google Slides writes them
    assert not carries_any_text(b"not a font")
