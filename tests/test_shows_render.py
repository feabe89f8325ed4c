"""A deck that flexes with time, as users open it: hidden optional slides, a custom show per
shorter run, PowerPoint sections that mirror the agenda; valid, reproducible, and page for
page in LibreOffice's PDFs."""

from __future__ import annotations

import io
import re
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx.presentation import Presentation as PresentationObject

from deckgen.app.build import deck_bytes
from deckgen.app.pdf import convert_to_pdf
from deckgen.app.preview import write_preview
from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from deckgen.render.deck.shows import section_id
from deckgen.render.ooxml.markup import P14, SECTIONS_URI
from tests.conftest import OUTLINES
from tests.deck_helpers import THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck, title_of
from tests.validators import deck_findings

FLEX = Path(__file__).resolve().parent / "fixtures" / "outlines" / "flex"
ENGLISH = FLEX / "flex.yaml"
TEMPLATES = ["seminar", "classic", str(THIRD_PARTY_TEMPLATES["pandoc reference"]),
             str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"])]
OPTIONAL_TITLES = {"Generation lags behind", "Is it a capability gap or a data gap?", "Fund basic research",
                   "What did this article change in your view?"}
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
PRESENTATION_ORDER = ["sldMasterIdLst", "notesMasterIdLst", "handoutMasterIdLst", "sldIdLst", "sldSz", "notesSz",
                      "smartTags", "embeddedFontLst", "custShowLst", "photoAlbum", "custDataLst", "kinsoku",
                      "defaultTextStyle", "modifyVerifier", "extLst"]
"""The children of ``p:presentation`` in the order ECMA-376 (Part 1, 19.2.1.26) requires."""
GUID = re.compile(r"^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$")


def _presentation(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return etree.fromstring(archive.read("ppt/presentation.xml"))


def _titles(deck: PresentationObject) -> list[str]:
    return [title_of(slide) for slide in deck.slides]


def _shows(data: bytes) -> dict[str, list[str]]:
    """Each custom show's name and the titles of its slides, by their relationships."""
    deck = open_deck(data)
    shows = _presentation(data).find(f"{P}custShowLst")
    assert shows is not None
    return {show.get("name"): [title_of(deck.part.related_slide(sld.get(R_ID))) for sld in show.iter(f"{P}sld")]
            for show in shows.iter(f"{P}custShow")}


def _sections(data: bytes) -> list[tuple[str, str, list[int]]]:
    """Each PowerPoint section's name, id and slide ids."""
    extensions = _presentation(data).find(f"{P}extLst")
    assert extensions is not None
    found = [ext for ext in extensions if ext.get("uri") == SECTIONS_URI]
    assert len(found) == 1
    return [(section.get("name"), section.get("id"), [int(s.get("id")) for s in section.iter(f"{{{P14}}}sldId")])
            for section in found[0].iter(f"{{{P14}}}section")]


@pytest.mark.parametrize("template", TEMPLATES)
def test_optional_slides_are_hidden_and_no_other(template: str) -> None:
    deck = open_deck(cached_deck_bytes(ENGLISH, template))
    hidden = [title_of(slide).removesuffix(" (cont.)") for slide in deck.slides if slide.element.get("show") == "0"]
    assert set(hidden) == OPTIONAL_TITLES
    assert len(hidden) >= 6  # the point's evidence, table and "(cont.)" slides, three questions and a point
    assert all(slide.element.get("show") in (None, "0") for slide in deck.slides)


@pytest.mark.parametrize("template", TEMPLATES)
def test_each_shorter_length_is_a_custom_show_without_the_items_it_cuts(template: str) -> None:
    data = cached_deck_bytes(ENGLISH, template)
    titles = _titles(open_deck(data))
    shows = _shows(data)
    assert list(shows) == ["40 min", "30 min"]
    cut = {"Generation lags behind", "Generation lags behind (cont.)", "Is it a capability gap or a data gap?",
           "How China could respond", "Fund basic research", "What did this article change in your view?"}
    assert shows["40 min"] == shows["30 min"] == [t for t in titles if t not in cut]


@pytest.mark.parametrize("template", TEMPLATES)
def test_sections_mirror_the_agenda_and_list_every_slide_once_in_order(template: str) -> None:
    data = cached_deck_bytes(ENGLISH, template)
    deck = open_deck(data)
    sections = _sections(data)
    assert [name for name, _id, _slides in sections] == [
        "Opening", "The gap Sora exposed", "How China could respond", "Discussion", "Closing"]
    listed = [slide_id for _name, _id, slides in sections for slide_id in slides]
    assert listed == [slide.slide_id for slide in deck.slides]
    ids = [section for _name, section, _slides in sections]
    assert all(GUID.match(section) for section in ids) and len(set(ids)) == len(ids)
    by_id = {slide.slide_id: title_of(slide) for slide in deck.slides}
    assert [by_id[i] for i in sections[2][2]] == ["How China could respond", "Fund basic research"]
    assert [by_id[i] for i in sections[4][2]] == ["Takeaways", "References"]


@pytest.mark.parametrize("template", TEMPLATES)
def test_presentation_children_keep_the_standards_order(template: str) -> None:
    tags = [etree.QName(child).localname for child in _presentation(cached_deck_bytes(ENGLISH, template))]
    assert tags == sorted(tags, key=PRESENTATION_ORDER.index)
    assert tags.count("custShowLst") == 1 and tags[-1] == "extLst"


@pytest.mark.parametrize("outline", ["flex.yaml", "flex.zh.yaml", "flex.ar.yaml"])
@pytest.mark.parametrize("template", ["seminar", str(THIRD_PARTY_TEMPLATES["pandoc reference"])])
def test_a_deck_with_hidden_slides_shows_and_sections_is_valid(tmp_path: Path, outline: str, template: str) -> None:
    deck = tmp_path / "flex.pptx"
    deck.write_bytes(cached_deck_bytes(FLEX / outline, template))
    assert deck_findings(deck) == []


@pytest.mark.parametrize(("outline", "sections", "shows"), [
    ("flex.zh.yaml", ["开场", "Sora 暴露的差距", "中国如何应对", "讨论", "收尾"], ["40 分钟", "30 分钟"]),
    ("flex.ar.yaml", ["الافتتاح", "الفجوة التي كشفها سورا", "كيف يمكن للصين أن تستجيب؟", "النقاش", "الختام"],
     ["40 دقيقة", "30 دقيقة"]),
])
def test_right_to_left_and_chinese_decks_name_sections_and_shows_in_their_language(
        outline: str, sections: list[str], shows: list[str]) -> None:
    data = cached_deck_bytes(FLEX / outline)
    deck = open_deck(data)
    assert [name for name, _id, _slides in _sections(data)] == sections
    assert list(_shows(data)) == shows
    assert sum(slide.element.get("show") == "0" for slide in deck.slides) == 4


def test_the_same_outline_gives_the_same_bytes_and_section_ids() -> None:
    first = deck_bytes(load_outline(ENGLISH))
    assert deck_bytes(load_outline(ENGLISH)) == first
    assert _sections(first)[0][1] == section_id("Reading the Sora debate", 0, "Opening")
    assert section_id("Reading the Sora debate", 0, "Opening") == "{27F4FD07-5819-551A-957C-64E0E289E9D5}"


def _pages(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    match = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert match, info
    return int(match.group(1))


def test_libreoffice_exports_hidden_slides_so_pdf_pages_are_slide_numbers(soffice: str, tmp_path: Path) -> None:
    deck = tmp_path / "flex.pptx"
    deck.write_bytes(cached_deck_bytes(ENGLISH))
    slides = len(open_deck(deck).slides)
    pdf = convert_to_pdf(deck, tmp_path / "flex.pdf")
    assert _pages(pdf) == slides
    page = subprocess.run(["pdftotext", "-f", "6", "-l", "6", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    assert "Generation lags behind" in page and re.search(r"\b6\b", page)  # a hidden slide, with its number
    assert _pages(convert_to_pdf(deck, tmp_path / "flex-notes.pdf", "notes")) == slides
    assert write_preview(deck, tmp_path / "sheet.png") == slides


def test_libreoffice_reads_the_custom_shows(soffice: str, tmp_path: Path) -> None:
    deck = tmp_path / "flex.pptx"
    deck.write_bytes(cached_deck_bytes(ENGLISH))
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "odp",
                    "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True, timeout=300)
    with zipfile.ZipFile(tmp_path / "flex.odp") as archive:
        content = archive.read("content.xml").decode("utf-8")
    assert re.findall(r'presentation:show presentation:name="([^"]+)"', content) == ["40 min", "30 min"]
    assert content.count('presentation:visibility="hidden"') >= 1


def test_the_kits_slides_and_notes_pdfs_have_a_page_per_slide(runner: CliRunner, soffice: str, tmp_path: Path) -> None:
    result = runner.invoke(main, ["build", str(ENGLISH), "--kit", "-o", str(tmp_path)])
    assert result.exit_code == 0, result.output
    slides = len(open_deck(tmp_path / "flex.pptx").slides)
    assert _pages(tmp_path / "flex.pdf") == slides
    assert _pages(tmp_path / "flex-notes.pdf") == slides


def _with_own_shows_and_sections(template: Path, target: Path) -> Path:
    """``template`` saved as PowerPoint saves a deck with a custom show and sections: both name
    the template's example slides, which a deck drops."""
    own = (f'<p:custShowLst><p:custShow name="Template show" id="0"><p:sldLst><p:sld r:id="rId2"/></p:sldLst>'
           f'</p:custShow></p:custShowLst><p:defaultTextStyle>')
    sections = (f'<p:extLst><p:ext uri="{SECTIONS_URI}"><p14:sectionLst xmlns:p14="{P14}">'
                '<p14:section name="Template section" id="{11111111-2222-3333-4444-555555555555}"><p14:sldIdLst>'
                '<p14:sldId id="256"/><p14:sldId id="257"/></p14:sldIdLst></p14:section></p14:sectionLst></p:ext>')
    with zipfile.ZipFile(template) as source, zipfile.ZipFile(target, "w") as copy:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "ppt/presentation.xml":
                data = data.replace(b"<p:defaultTextStyle>", own.encode(), 1)
                assert data.count(b"<p:extLst>") == 1  # the template's own extensions, which the sections join
                data = data.replace(b"<p:extLst>", sections.encode())
            copy.writestr(item, data)
    return target


@pytest.mark.parametrize("outline", [ENGLISH, OUTLINES / "sora-china-ai.yaml"])
def test_a_templates_own_custom_shows_and_sections_give_way_to_the_decks(tmp_path: Path, outline: Path) -> None:
    template = _with_own_shows_and_sections(THIRD_PARTY_TEMPLATES["pandoc reference"], tmp_path / "own.pptx")
    data = cached_deck_bytes(outline, str(template))
    names = [name for name, _id, _slides in _sections(data)]
    assert "Template section" not in names and names[0] == "Opening"
    shows = _presentation(data).find(f"{P}custShowLst")
    assert shows is not None and [show.get("name") for show in shows] == (["40 min", "30 min"] if outline == ENGLISH
                                                                           else ["45 min"])  # the deck's, not the template's
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(data)
    assert deck_findings(deck) == []
