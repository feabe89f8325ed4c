"""Any template a user brings serves every slide role, as the deck shows it.

Layouts are found by their OOXML type whatever their names' language, a layout an outline
names may be named in any language or by its type, a theme without a usable layout still
builds with deckgen's own boxes, and no template multiplies slides: boxes too small for a
point give way to the master's, and the title slide never continues.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide
from pptx.util import Emu, Inches

from deckgen.cli.main import main
from deckgen.errors import OutlineError
from deckgen.outline.loader import load_outline
from deckgen.app.build import deck_bytes
from tests.conftest import SORA
from tests.test_validity import RICH_CORPUS
from tests.deck_helpers import READING, TEMPLATES, THIRD_PARTY_TEMPLATES, cached_deck_bytes, fold, open_deck, title_of

ROLE_TEMPLATES = {
    "spanish": TEMPLATES / "roles-spanish.pptx",
    "short subtitle": TEMPLATES / "roles-short-subtitle.pptx",
    "theme only": TEMPLATES / "roles-theme-only.pptx",
    "title slide only": TEMPLATES / "roles-title-slide-only.pptx",
    "Midnightblue": TEMPLATES / "roles-midnightblue.pptx",
}
"""Real templates that once multiplied slides or were refused (see tests/fixtures/templates/README-roles.md)."""
EVERY_TEMPLATE = {**{k: str(v) for k, v in THIRD_PARTY_TEMPLATES.items()}, **{k: str(v) for k, v in ROLE_TEMPLATES.items()}}
CONTINUED = "(cont.)"


def _deck(outline: Path, template: str | Path) -> PresentationObject:
    return open_deck(cached_deck_bytes(outline, str(template)))


def _layouts(deck: PresentationObject) -> list[str]:
    return [slide.slide_layout.name for slide in deck.slides]


def _body_shapes(slide: Slide) -> list[object]:
    """The shapes holding a slide's text besides its title and footer strip."""
    strip = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE, PP_PLACEHOLDER.TITLE,
             PP_PLACEHOLDER.CENTER_TITLE)
    return [shape for shape in slide.shapes if shape.has_text_frame and shape.text_frame.text.strip()
            and not (shape.is_placeholder and shape.placeholder_format.type in strip)]


# --- roles by layout type ---------------------------------------------------------------


def test_spanish_layout_names_serve_their_roles_by_type() -> None:
    deck = _deck(SORA, ROLE_TEMPLATES["spanish"])
    layouts = _layouts(deck)
    assert layouts[0] == "Diapositiva de título"
    assert layouts.count("Diapositiva de título") == 1
    assert "Título y objetos" in layouts and "Encabezado de sección" in layouts
    assert len(deck.slides) == len(_deck(SORA, "seminar").slides)


@pytest.mark.parametrize("named", ["Title Only", "title-only", "Solo el título", "solo el titulo"])
def test_a_point_names_a_layout_in_any_language_or_by_its_type(write_outline: Callable[..., Path], named: str) -> None:
    path = write_outline(f"title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        layout: {named}\n"
                         "        evidence: [E]\n")
    deck = open_deck(deck_bytes(load_outline(path), str(ROLE_TEMPLATES["spanish"])))
    (slide,) = [s for s in deck.slides if title_of(s) == "C"]
    assert slide.slide_layout.name == "Solo el título"
    assert [shape.text_frame.text for shape in _body_shapes(slide)] == ["E"]


@pytest.mark.parametrize(("keyword", "layout"), [
    ("two-content", "Two Content"), ("section", "Section Header"), ("comparison", "Comparison"),
    ("title-and-content", "Title and Content"), ("blank", "Blank"),
])
def test_type_keywords_find_the_layout_of_that_type(write_outline: Callable[..., Path], keyword: str, layout: str) -> None:
    path = write_outline(f"title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        layout: {keyword}\n"
                         "        evidence: [E]\n")
    deck = open_deck(deck_bytes(load_outline(path), str(THIRD_PARTY_TEMPLATES["python-pptx default"])))
    (slide,) = [s for s in deck.slides if title_of(s) == "C"]
    assert slide.slide_layout.name == layout
    assert "E" in [shape.text_frame.text for shape in _body_shapes(slide)]


def test_the_did_you_mean_proposes_only_layouts_that_can_hold_a_point(write_outline: Callable[..., Path]) -> None:
    path = write_outline(f"title: T\ntemplate: {THIRD_PARTY_TEMPLATES['python-pptx default']}\nsections:\n"
                         "  - title: S\n    points:\n      - claim: C\n        layout: Title Slid\n")
    with pytest.raises(OutlineError) as caught:
        deck_bytes(load_outline(path))
    (problem,) = caught.value.problems
    assert (problem.line, problem.column) == (7, 17)
    assert "has no layout 'Title Slid'" in problem.message
    assert "did you mean 'Title Slide'" not in problem.message
    assert "or a type: " in problem.message and "title-only" in problem.message


def test_a_layout_the_replacing_template_lacks_is_a_warning(runner: CliRunner, write_outline: Callable[..., Path],
                                                             tmp_path: Path) -> None:
    path = write_outline("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        layout: Agenda\n"
                         "        evidence: [E]\n")
    result = runner.invoke(main, ["build", str(path), "-o", str(tmp_path / "deck.pptx"), "--template",
                                  str(ROLE_TEMPLATES["spanish"])])
    assert result.exit_code == 0, result.output
    assert "has no layout 'Agenda'" in result.output and "the slide takes its usual layout" in result.output
    deck = open_deck(tmp_path / "deck.pptx")
    (slide,) = [s for s in deck.slides if title_of(s) == "C"]
    assert slide.slide_layout.name == "Título y objetos"
    checked = runner.invoke(main, ["check", str(path), "--template", str(ROLE_TEMPLATES["spanish"])])
    assert checked.exit_code == 0 and "has no layout 'Agenda'" in checked.output


def test_the_outlines_own_template_still_refuses_a_layout_it_lacks(runner: CliRunner,
                                                                   write_outline: Callable[..., Path]) -> None:
    path = write_outline(f"title: T\ntemplate: {ROLE_TEMPLATES['spanish']}\nsections:\n  - title: S\n    points:\n"
                         "      - claim: C\n        layout: Agenda\n")
    result = runner.invoke(main, ["check", str(path)])
    assert result.exit_code == 1
    assert ":7:17: sections[0].points[0].layout: template 'roles-spanish.pptx' has no layout 'Agenda'" in result.output


# --- several masters: text slides on the plain one ---------------------------------------


def test_text_slides_take_the_plain_master_and_its_roomy_body() -> None:
    deck = _deck(SORA, ROLE_TEMPLATES["Midnightblue"])
    plain = deck.slide_masters[0]
    claims = {fold(point.claim) for section in load_outline(SORA).sections for point in section.points}
    content = [s for s in deck.slides if fold(title_of(s)) in claims]
    assert content and all(s.slide_layout.slide_master == plain for s in content)
    for slide in content:
        for shape in _body_shapes(slide):
            assert shape.height >= Inches(3)  # the master's body area, not the layout's 1.8 in box
            assert shape.top + shape.height <= deck.slide_height


# --- theme-only templates ------------------------------------------------------------------


@pytest.mark.parametrize("template", ["theme only", "title slide only"])
def test_a_template_without_a_content_layout_builds_with_deckgens_own_boxes(template: str) -> None:
    deck = _deck(SORA, ROLE_TEMPLATES[template])
    outline = load_outline(SORA)
    assert len(deck.slides) == len(_deck(SORA, "seminar").slides)
    titles = [fold(title_of(slide)) for slide in deck.slides]
    assert all(titles)
    assert fold(outline.sections[0].points[0].claim) in titles
    for slide in deck.slides:
        for shape in [slide.shapes.title, *_body_shapes(slide)]:
            assert shape is not None
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height


def test_own_boxes_carry_the_masters_fonts_colours_and_bullets() -> None:
    deck = _deck(SORA, ROLE_TEMPLATES["theme only"])
    point = next(s for s in deck.slides if title_of(s) == load_outline(SORA).sections[0].points[0].claim)
    title = point.shapes.title._element.find(qn("p:txBody"))
    title_level = title.find(f"{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
    assert title_level.find(f"{qn('a:defRPr')}/{qn('a:latin')}").get("typeface") == "+mj-lt"
    (body,) = _body_shapes(point)
    level = body._element.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn('a:lvl1pPr')}")
    assert level.find(qn("a:buChar")) is not None
    assert level.find(f"{qn('a:defRPr')}/{qn('a:latin')}").get("typeface") == "+mn-lt"
    assert level.find(f"{qn('a:defRPr')}/{qn('a:solidFill')}") is not None


def test_inspect_says_which_roles_get_deckgens_own_boxes(runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "inspect", str(ROLE_TEMPLATES["theme only"])])
    assert result.exit_code == 0, result.output
    assert "  Blank [blank]" in result.output
    assert "content     -> Blank (deckgen's own title and text boxes)" in result.output
    assert "has no layout with a title and text; deckgen draws its own title and text boxes" in result.output


# --- no fragments ---------------------------------------------------------------------------


@pytest.mark.parametrize("outline", [SORA, READING], ids=["sora", "reading"])
@pytest.mark.parametrize("template", EVERY_TEMPLATE)
def test_no_template_adds_more_than_a_quarter_more_slides(outline: Path, template: str) -> None:
    bundled = len(_deck(outline, "seminar").slides)
    assert len(_deck(outline, EVERY_TEMPLATE[template]).slides) <= bundled * 1.25


@pytest.mark.parametrize("template", EVERY_TEMPLATE)
def test_the_title_slide_never_continues(template: str) -> None:
    deck = _deck(SORA, EVERY_TEMPLATE[template])
    titles = [title_of(slide) for slide in deck.slides]
    assert not titles[1].endswith(CONTINUED)
    assert all(text in fold("\n".join(s.text_frame.text for s in _body_shapes(deck.slides[0])))
               for text in ("A 60-minute discussion guide", "Niranjana Dhumal"))


def test_a_short_subtitle_box_grows_to_hold_the_title_slides_lines() -> None:
    deck = _deck(SORA, ROLE_TEMPLATES["short subtitle"])
    (subtitle,) = _body_shapes(deck.slides[0])
    assert subtitle.height > Inches(0.6)
    assert subtitle.top >= deck.slides[0].shapes.title.top + deck.slides[0].shapes.title.height - Emu(1)


def test_a_long_agenda_takes_two_columns_on_a_small_template(write_outline: Callable[..., Path]) -> None:
    sections = "".join(f"  - title: Part {i} of the session\n    points: [{{claim: Claim {i}}}]\n" for i in range(14))
    path = write_outline(f"title: T\nsections:\n{sections}")
    deck = open_deck(deck_bytes(load_outline(path), str(ROLE_TEMPLATES["Midnightblue"])))
    agenda = [s for s in deck.slides if title_of(s).startswith("Agenda")]
    assert [title_of(s) for s in agenda] == ["Agenda"]
    (body,) = _body_shapes(agenda[0])
    assert body.text_frame._txBody.find(qn("a:bodyPr")).get("numCol") == "2"


def _frame_of(shape: object) -> tuple[int, int, int, int]:
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)  # type: ignore[attr-defined]


def _overlaps(first: tuple[int, int, int, int], second: tuple[int, int, int, int]) -> bool:
    across = min(first[0] + first[2], second[0] + second[2]) - max(first[0], second[0])
    down = min(first[1] + first[3], second[1] + second[3]) - max(first[1], second[1])
    return across > 0 and down > 0


@pytest.mark.parametrize("claim", ["A table of three rows", "A point on the Title Only layout"])
def test_a_title_only_layout_s_title_stays_clear_of_the_table_or_text_under_it(claim: str) -> None:
    """LibreOffice exports Midnightblue's Title Only layout with its title in the middle of the
    slide, where the table (or a point's text) goes: the title takes the master's title area."""
    deck = open_deck(cached_deck_bytes(RICH_CORPUS, str(ROLE_TEMPLATES["Midnightblue"])))
    (slide,) = [s for s in deck.slides if title_of(s) == claim]
    assert slide.slide_layout.name == "Title Only"
    title = _frame_of(slide.shapes.title)
    others = [s for s in slide.shapes if s.shape_id != slide.shapes.title.shape_id and (s.has_text_frame or s.has_table)
              and not (s.is_placeholder and "SLIDE_NUMBER" in str(s.placeholder_format.type))]
    assert others and not any(_overlaps(title, _frame_of(other)) for other in others)


def test_a_section_layout_without_a_text_box_keeps_its_subtitle_off_the_title(tmp_path: Path) -> None:
    """A section layout with only a title in the master's body area (Google Slides' exports):
    the title goes across the middle and deckgen's own subtitle box under it, not over it."""
    deck = Presentation(str(THIRD_PARTY_TEMPLATES["python-pptx default"]))
    layout = next(layout for layout in deck.slide_layouts if layout.name == "Section Header")
    for placeholder in [p for p in layout.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.BODY]:
        placeholder._element.getparent().remove(placeholder._element)
    path = tmp_path / "section-title-only.pptx"
    deck.save(str(path))
    built = open_deck(cached_deck_bytes(SORA, str(path)))
    sections = [s for s in built.slides if s.slide_layout.name == "Section Header"]
    assert sections
    for slide in sections:
        texts = [s for s in slide.shapes if s.has_text_frame and s.name == "Text"]
        title = _frame_of(slide.shapes.title)
        assert texts and not _overlaps(title, _frame_of(texts[0]))
        middle = title[1] + title[3] / 2
        assert built.slide_height / 4 < middle < built.slide_height * 3 / 4  # a divider, not a content slide's title
