"""Any .pptx/.potx works as a template: the bundled ones, PowerPoint's, pandoc's, LibreOffice's."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from deckgen.app.build import build_deck, plan_outline, render_outline, template_for
from deckgen.cli.main import main
from deckgen.outline.inline import plain
from deckgen.outline.loader import load_outline
from tests.conftest import SORA
from tests.deck_helpers import (
    ALL_TEMPLATES,
    BUNDLED_OUTLINES,
    BUNDLED_TEMPLATES,
    READING,
    SPEC_OUTLINES,
    THIRD_PARTY_TEMPLATES,
    alt_texts,
    cached_deck_bytes,
    deck_text,
    missing_strings,
    notes_of,
    open_deck,
    title_of,
    zip_part,
)

_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
_TEMPLATE_MAIN = "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml"
_EXAMPLE_SLIDE_TEXT = ("Presentation Title", "Hello, world.", "Slide Title for Two-Content", "Some explanatory text")

DECKS = [
    pytest.param(outline, template, id=f"{outline.stem}-on-{name}")
    for outline in BUNDLED_OUTLINES + SPEC_OUTLINES
    for name, template in ALL_TEMPLATES.items()
]


@pytest.mark.parametrize(("outline", "template"), DECKS)
def test_every_outline_text_appears_on_every_template(outline: Path, template: str) -> None:
    deck = open_deck(cached_deck_bytes(outline, template))
    assert missing_strings(load_outline(outline), deck) == []


@pytest.mark.parametrize(("outline", "template"), DECKS)
def test_deck_has_exactly_the_planned_slides(outline: Path, template: str) -> None:
    deck = open_deck(cached_deck_bytes(outline, template))
    plan = plan_outline(load_outline(outline), template)
    assert [title_of(s) for s in deck.slides] == [plain(p.title) for p in plan.slides]


@pytest.mark.parametrize("template", list(THIRD_PARTY_TEMPLATES.values()), ids=list(THIRD_PARTY_TEMPLATES))
def test_example_slides_of_a_user_template_are_removed(template: Path) -> None:
    data = cached_deck_bytes(READING, str(template))
    text = deck_text(open_deck(data))
    assert not [example for example in _EXAMPLE_SLIDE_TEXT if example in text]
    assert title_of(open_deck(data).slides[0]) == "How to Read a Policy Paper"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        slide_parts = [n for n in archive.namelist() if n.startswith("ppt/slides/slide")]
    assert len(slide_parts) == len(open_deck(data).slides)


@pytest.mark.parametrize("template", list(THIRD_PARTY_TEMPLATES.values()), ids=list(THIRD_PARTY_TEMPLATES))
def test_missing_roles_fall_back_with_a_warning(template: Path) -> None:
    notices = render_outline(load_outline(READING), template).notices
    assert any("using related layouts" in notice.message for notice in notices)


@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_bundled_templates_serve_every_role_without_warnings(template: str) -> None:
    profile = template_for(load_outline(READING), template).profile
    assert profile.warnings == ()
    assert profile.fallbacks == ()
    assert render_outline(load_outline(READING), template).notices == ()
    assert profile.slots  # every role has a layout


@pytest.mark.parametrize("template", list(ALL_TEMPLATES.values()), ids=list(ALL_TEMPLATES))
def test_picture_keeps_alt_text_on_every_template(template: str) -> None:
    deck = open_deck(cached_deck_bytes(READING, template))
    assert len(alt_texts(deck)) == 1
    assert alt_texts(deck)[0].startswith("Diagram of three reading passes")


@pytest.mark.parametrize("template", list(ALL_TEMPLATES.values()), ids=list(ALL_TEMPLATES))
def test_pictures_stay_on_the_slide(template: str) -> None:
    deck = open_deck(cached_deck_bytes(READING, template))
    pictures = [shape for slide in deck.slides for shape in slide.shapes if shape.shape_type == 13]
    assert pictures
    for picture in pictures:
        assert picture.left >= 0 and picture.top >= 0
        assert picture.left + picture.width <= deck.slide_width
        assert picture.top + picture.height <= deck.slide_height


@pytest.mark.parametrize("template", list(ALL_TEMPLATES.values()), ids=list(ALL_TEMPLATES))
def test_question_kind_and_minutes_stay_visible_on_every_template(template: str) -> None:
    deck = open_deck(cached_deck_bytes(READING, template))
    slide = next(s for s in deck.slides if title_of(s).startswith("How would you read differently"))
    assert "Reflection · 4 min" in deck_text_of(slide)
    assert notes_of(slide).startswith("Reflection · 4 min")


def deck_text_of(slide: object) -> str:
    return "\n".join(shape.text_frame.text for shape in slide.shapes if shape.has_text_frame)  # type: ignore[attr-defined]


@pytest.mark.parametrize("template", list(ALL_TEMPLATES.values()), ids=list(ALL_TEMPLATES))
def test_metadata_comes_from_the_outline_not_the_template(template: str) -> None:
    data = cached_deck_bytes(READING, template)
    core = open_deck(data).core_properties
    assert core.title == "How to Read a Policy Paper"
    assert core.author == "Policy Reading Group"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        props = "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist() if n.startswith("docProps/"))
    for foreign in ("Steve Canny", "python-pptx", "Jesse Rosenthal"):
        assert foreign not in props


def _potx(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = original.read(info.filename)
            if info.filename == "[Content_Types].xml":
                assert _MAIN.encode() in data
                data = data.replace(_MAIN.encode(), _TEMPLATE_MAIN.encode())
            copy.writestr(info.filename, data)
    return target


@pytest.mark.parametrize("source", [THIRD_PARTY_TEMPLATES["pandoc reference"], Path(__file__).resolve().parent.parent / "templates" / "classic.pptx"],
                         ids=["pandoc", "classic"])
def test_a_potx_template_is_accepted_and_gives_a_pptx(tmp_path: Path, source: Path) -> None:
    template = _potx(source, tmp_path / "brand.potx")
    deck_path = build_deck(READING, tmp_path / "out.pptx", template=template)
    assert _MAIN in zip_part(deck_path, "[Content_Types].xml")
    assert _TEMPLATE_MAIN not in zip_part(deck_path, "[Content_Types].xml")
    deck = open_deck(deck_path)
    assert missing_strings(load_outline(READING), deck) == []


def test_potx_template_through_the_cli(tmp_path: Path) -> None:
    template = _potx(THIRD_PARTY_TEMPLATES["LibreOffice Impress"], tmp_path / "lo.potx")
    result = CliRunner().invoke(main, ["build", str(READING), "-o", str(tmp_path / "deck.pptx"), "--template", str(template)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "deck.pptx").is_file()


def test_inspect_shows_layouts_placeholders_and_roles_of_a_libreoffice_template() -> None:
    result = CliRunner().invoke(main, ["templates", "inspect", str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"])])
    assert result.exit_code == 0, result.output
    out = result.output
    assert "Title, Content" in out
    assert "title (idx 0)" in out
    for role in ("title", "section", "content", "question", "picture", "references"):
        assert f"  {role:<11} -> " in out
    assert "question    -> Title, Content" in out
    assert "warning: template 'libreoffice-impress.pptx' has no layout for" in out


def test_inspect_of_a_bundled_template_maps_every_role_to_its_named_layout() -> None:
    result = CliRunner().invoke(main, ["templates", "inspect", "seminar"])
    assert result.exit_code == 0, result.output
    assert "question    -> Question" in result.output
    assert "warning" not in result.output


def test_inspect_rejects_a_file_that_is_not_a_template(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.pptx"
    bogus.write_text("not a zip", encoding="utf-8")
    result = CliRunner().invoke(main, ["templates", "inspect", str(bogus)])
    assert result.exit_code == 1
    assert "is not a .pptx/.potx file" in result.output
    assert "Traceback" not in result.output


def test_an_outline_template_path_is_relative_to_the_outline(runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "guides"
    folder.mkdir()
    shutil.copy(THIRD_PARTY_TEMPLATES["pandoc reference"], folder / "brand.pptx")
    (folder / "guide.yaml").write_text("title: T\ntemplate: brand.pptx\nsections:\n  - title: S\nquestions:\n  - prompt: Why?\n",
                                       encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "guides/guide.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    deck = open_deck(tmp_path / "out" / "guide.pptx")
    assert deck.slides[0].slide_layout.name == "Title Slide"
    assert "warning: template 'brand.pptx' has no layout for question;" in result.output


def test_layouts_that_share_a_name_are_told_apart(tmp_path: Path) -> None:
    from pptx import Presentation

    source = Presentation(str(THIRD_PARTY_TEMPLATES["python-pptx default"]))
    layouts = list(source.slide_layouts)
    layouts[3].name = "Side by Side"  # no longer a 'Two Content' for pictures to find by name or type
    layouts[3].element.set("type", "cust")
    layouts[8].name = "Title and Content"  # the picture layout now shares the content layout's name
    template = tmp_path / "twins.pptx"
    source.save(str(template))
    deck = Presentation(str(build_deck(READING, tmp_path / "deck.pptx", template=str(template))))
    picture_slides = [s for s in deck.slides if any(sh.shape_type == 13 for sh in s.shapes)]
    assert picture_slides
    expected = list(deck.slide_layouts)[8].part.partname
    assert all(s.slide_layout.part.partname == expected for s in picture_slides)
    content = [s for s in deck.slides if s.slide_layout.name == "Title and Content" and s not in picture_slides]
    assert content and all(s.slide_layout.part.partname == list(deck.slide_layouts)[1].part.partname for s in content)


def test_check_tells_each_template_warning_once_for_all_outlines(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(READING), str(SORA), "--template", str(THIRD_PARTY_TEMPLATES["pandoc reference"])])
    assert result.exit_code == 0, result.output
    told = [line for line in result.output.splitlines() if "has no layout for" in line]
    assert told == ["warning: template 'pandoc-reference.pptx' has no layout for thesis, agenda, quote, question, "
                    "takeaways, references; using related layouts instead; question slides get deckgen's own mark"]


def _small_placeholders(target: Path) -> Path:
    """python-pptx's default template with the body of 'Title and Content' cut to a strip,
    as LibreOffice exports leave some templates' placeholders."""
    from pptx import Presentation
    from pptx.util import Inches

    deck = Presentation(str(THIRD_PARTY_TEMPLATES["python-pptx default"]))
    layout = next(layout for layout in deck.slide_layouts if layout.name == "Title and Content")
    body = next(p for p in layout.placeholders if p.placeholder_format.idx == 1)
    body.left, body.top, body.width, body.height = Inches(3), Inches(2), Inches(5), Inches(1.2)
    deck.save(str(target))
    return target


def test_tiny_placeholders_give_way_to_the_master_so_nothing_is_told(runner: CliRunner, tmp_path: Path) -> None:
    """Placeholders far too small for their role are replaced by the master's areas (no
    fragments), so the deck keeps its slide count and there is no small-placeholder notice
    to give (the notice's wording: tests/test_notices.py)."""
    template = _small_placeholders(tmp_path / "strip.pptx")
    on_bundled = len(plan_outline(load_outline(SORA)).slides)
    on_template = len(plan_outline(load_outline(SORA), template).slides)
    assert on_template == on_bundled
    checked = runner.invoke(main, ["check", str(SORA), "--template", str(template)])
    assert checked.exit_code == 0 and "small text placeholders" not in checked.output


def test_no_small_placeholder_warning_for_a_template_with_ample_ones(runner: CliRunner) -> None:
    result = runner.invoke(main, ["check", str(SORA), "--template", str(THIRD_PARTY_TEMPLATES["python-pptx default"])])
    assert "small text placeholders" not in result.output
