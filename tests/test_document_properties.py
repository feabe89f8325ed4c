"""Templates pandoc, Quarto and R Markdown write give valid decks: one part per name, one
core and one extended-properties part, each under the relationship type Office reads."""

from __future__ import annotations

import io
import re
import zipfile
from collections import Counter
from pathlib import Path

import pytest

from deckgen.app.build import build_deck
from tests.deck_helpers import CORPUS_TEMPLATES, READING, THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck, zip_part

_EXTENDED = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
_CORE = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"
_PANDOC_EXTENDED = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/extended-properties"


def _names(data: bytes | Path) -> list[str]:
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with zipfile.ZipFile(source) as archive:
        return archive.namelist()


def _package_rels(data: bytes | Path) -> list[tuple[str, str]]:
    """``(type, target)`` of every package relationship (``_rels/.rels``)."""
    return re.findall(r'Type="([^"]+)" Target="([^"]+)"', zip_part(data, "_rels/.rels"))


def test_pandoc_written_template_relates_app_xml_by_its_own_type() -> None:
    """The fixture is what the tests below are about (guards against a re-saved fixture)."""
    assert (_PANDOC_EXTENDED, "docProps/app.xml") in _package_rels(CORPUS_TEMPLATES["pandoc-written"])


@pytest.mark.parametrize("template", list(CORPUS_TEMPLATES.values()), ids=list(CORPUS_TEMPLATES))
def test_every_part_of_a_deck_has_a_name_of_its_own(template: Path) -> None:
    names = _names(cached_deck_bytes(READING, str(template)))
    assert [name for name, count in Counter(n.lower() for n in names).items() if count > 1] == []


@pytest.mark.parametrize("template", list(CORPUS_TEMPLATES.values()), ids=list(CORPUS_TEMPLATES))
def test_a_deck_has_one_core_and_one_extended_properties_part_under_office_types(template: Path) -> None:
    data = cached_deck_bytes(READING, str(template))
    rels = _package_rels(data)
    assert [target for kind, target in rels if kind == _EXTENDED] == ["docProps/app.xml"]
    assert [target for kind, target in rels if kind == _CORE] == ["docProps/core.xml"]
    assert _PANDOC_EXTENDED not in zip_part(data, "_rels/.rels")
    assert [n for n in _names(data) if n.startswith("docProps/app")] == ["docProps/app.xml"]
    assert "<Application>deckgen</Application>" in zip_part(data, "docProps/app.xml")


def test_a_deck_on_a_pandoc_written_template_carries_the_outline_title() -> None:
    deck = open_deck(cached_deck_bytes(READING, str(CORPUS_TEMPLATES["pandoc-written"])))
    assert deck.core_properties.title == "How to Read a Policy Paper"
    assert deck.slides[0].shapes.title.text == "How to Read a Policy Paper"


def _without_extended_properties(source: Path, target: Path) -> Path:
    """``source`` with its ``docProps/app.xml`` and the relationship to it removed."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "docProps/app.xml":
                continue
            if info.filename == "_rels/.rels":
                data = re.sub(rb'<Relationship [^>]*extended-properties"[^>]*/>', b"", data)
            copy.writestr(info.filename, data)
    return target


def test_a_template_without_extended_properties_gets_them(tmp_path: Path) -> None:
    template = _without_extended_properties(THIRD_PARTY_TEMPLATES["python-pptx default"], tmp_path / "bare.pptx")
    assert "docProps/app.xml" not in _names(template)
    deck = build_deck(READING, tmp_path / "deck.pptx", template=template)
    assert [target for kind, target in _package_rels(deck) if kind == _EXTENDED] == ["docProps/app.xml"]
    assert _names(deck).count("docProps/app.xml") == 1


def test_a_template_s_custom_properties_stay_out_of_decks() -> None:
    """pandoc copies its document's metadata into docProps/custom.xml; a deck's metadata is the outline's."""
    template = CORPUS_TEMPLATES["pandoc-written"]
    assert "docProps/custom.xml" in _names(template)
    data = cached_deck_bytes(READING, str(template))
    assert not [n for n in _names(data) if n.startswith("docProps/custom")]
    assert _CUSTOM not in zip_part(data, "_rels/.rels")
    assert "docProps/custom" not in zip_part(data, "[Content_Types].xml")
