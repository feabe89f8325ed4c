"""Templates saved by LibreOffice (every placeholder idx 0, no body bullets) are repaired.

The checked-in LibreOffice fixture always runs; three of Impress's bundled designs are
exported to .pptx by LibreOffice itself where it is installed (skipped otherwise).
"""

from __future__ import annotations

import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.build import deck_bytes, template_for
from deckgen.outline.loader import load_outline
from deckgen.render.template.repair import unique_placeholder_ids
from deckgen.render.template.layouts import TEXT_TYPES, TITLE_TYPES
from tests.conftest import SORA
from tests.deck_helpers import THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck, opened_template
from tests.validators import deck_findings

LIBREOFFICE = THIRD_PARTY_TEMPLATES["LibreOffice Impress"]
IMPRESS_DESIGNS = ("Beehive", "Blue_Curve", "Midnightblue")
_DESIGN_FOLDERS = (Path("/usr/lib/libreoffice/share/template/common/presnt"),
                   Path("/usr/share/libreoffice/share/template/common/presnt"),
                   Path("/opt/libreoffice/share/template/common/presnt"))


@pytest.fixture(scope="module")
def impress_designs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Impress's own designs saved as .pptx by LibreOffice (what many users have)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    folder = next((f for f in _DESIGN_FOLDERS if (f / "Beehive.otp").is_file()), None)
    if soffice is None or folder is None:
        pytest.skip("LibreOffice with its Impress templates is not installed")
    work = tmp_path_factory.mktemp("impress")
    sources = [str(folder / f"{name}.otp") for name in IMPRESS_DESIGNS]
    subprocess.run([soffice, f"-env:UserInstallation=file://{work}/profile", "--headless",
                    "--convert-to", "pptx", "--outdir", str(work), *sources],
                   check=True, capture_output=True, timeout=300)
    found = {name: work / f"{name}.pptx" for name in IMPRESS_DESIGNS}
    missing = [name for name, path in found.items() if not path.is_file()]
    if missing:
        pytest.skip(f"LibreOffice did not export {', '.join(missing)}")
    return found


def _layout_ids(presentation: PresentationObject) -> list[list[int]]:
    return [[int(p.placeholder_format.idx) for p in layout.placeholders] for layout in presentation.slide_layouts]


def _has_duplicates(ids: list[int]) -> bool:
    return any(count > 1 for count in Counter(ids).values())


def _assert_resolves_to_own_boxes(data: bytes) -> None:
    """Each text placeholder on each slide inherits from a layout placeholder of its own type,
    never from the title's box (as python-pptx, and PowerPoint, match by idx); where it keeps
    the layout's geometry (a box moved off the template's artwork has its own), that box."""
    deck = open_deck(data)
    checked = 0
    for slide in deck.slides:
        ids = [int(p.placeholder_format.idx) for p in slide.placeholders]
        assert not _has_duplicates(ids), ids
        for placeholder in slide.placeholders:
            kind = placeholder.placeholder_format.type
            if kind not in TEXT_TYPES:
                continue
            base = placeholder._base_placeholder
            assert base is not None and base.placeholder_format.type not in TITLE_TYPES
            if placeholder._element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}") is None:  # inherited geometry
                assert (placeholder.top, placeholder.height) == (base.top, base.height)
            checked += 1
    assert checked


def test_repair_gives_each_placeholder_of_a_layout_its_own_idx() -> None:
    tree = parse_xml(
        f'<p:spTree {nsdecls("p")}>'
        + "".join(f'<p:sp><p:nvSpPr><p:cNvPr id="{n}" name="s"/><p:cNvSpPr/><p:nvPr>{ph}</p:nvPr></p:nvSpPr></p:sp>'
                  for n, ph in enumerate(['<p:ph type="body"/>', '<p:ph type="title"/>', "<p:ph/>",
                                          '<p:ph type="sldNum" idx="3"/>'], start=2))
        + "</p:spTree>")
    phs = list(tree.iter(qn("p:ph")))
    assert unique_placeholder_ids(phs) == 2
    assert [ph.get("idx") for ph in phs] == ["4", None, "5", "3"]  # the title keeps 0; order kept


def test_libreoffice_fixture_is_ambiguous_before_and_unique_after_preparing() -> None:
    assert any(_has_duplicates(ids) for ids in _layout_ids(open_deck(LIBREOFFICE)))
    prepared = opened_template(template_for(load_outline(SORA), str(LIBREOFFICE)))
    assert not any(_has_duplicates(ids) for ids in _layout_ids(prepared))


def test_slides_on_a_libreoffice_template_resolve_to_their_own_boxes() -> None:
    _assert_resolves_to_own_boxes(cached_deck_bytes(SORA, str(LIBREOFFICE)))


def test_a_master_without_body_bullets_gets_them() -> None:
    prepared = opened_template(template_for(load_outline(SORA), str(LIBREOFFICE)))
    style = prepared.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    assert style is not None
    for level in (1, 2, 3):
        properties = style.find(qn(f"a:lvl{level}pPr"))
        assert properties.find(qn("a:buChar")) is not None, level
        assert int(properties.get("marL")) > 0 and int(properties.get("indent")) < 0


def test_a_template_with_bullets_keeps_its_own() -> None:
    pandoc = THIRD_PARTY_TEMPLATES["pandoc reference"]
    before = open_deck(pandoc).slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    after = opened_template(template_for(load_outline(SORA), str(pandoc))).slide_master._element.find(
        f"{qn('p:txStyles')}/{qn('p:bodyStyle')}")
    assert [e.tag for e in before.iter()] == [e.tag for e in after.iter()]


@pytest.mark.parametrize("design", IMPRESS_DESIGNS)
def test_impress_designs_build_valid_decks_whose_placeholders_resolve_to_their_own_boxes(
    design: str, impress_designs: dict[str, Path], tmp_path: Path
) -> None:
    template = impress_designs[design]
    assert any(_has_duplicates(ids) for ids in _layout_ids(open_deck(template)))
    data = deck_bytes(load_outline(SORA), str(template))
    _assert_resolves_to_own_boxes(data)
    deck = open_deck(data)
    bullets = deck.slide_master._element.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}")
    assert bullets is not None and bullets.find(qn("a:buChar")) is not None
    questions = [s for s in deck.slides if any(sh.name == "Question Disc" for sh in s.shapes)]
    assert questions  # Impress designs have no question layout: deckgen marks the questions
    built = tmp_path / f"{design}.pptx"
    built.write_bytes(data)
    assert deck_findings(built) == []


@pytest.mark.parametrize("design", IMPRESS_DESIGNS)
def test_impress_design_decks_number_their_slides_where_the_design_has_numbers(
    design: str, impress_designs: dict[str, Path]
) -> None:
    deck = open_deck(deck_bytes(load_outline(SORA), str(impress_designs[design])))
    layout = deck.slides[1].slide_layout
    if not any(p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER for p in layout.placeholders):
        pytest.skip(f"{design}'s first master has no slide-number placeholder")
    numbered = [s for s in list(deck.slides)[1:]
                if any(p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER for p in s.placeholders)]
    assert len(numbered) == len(deck.slides) - 1
