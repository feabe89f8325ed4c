"""Template text-colour contrast (WCAG 2.x AA, 4.5:1): the maths, colour resolution, real templates."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes
from deckgen.cli.main import main
from deckgen.outline.loader import load_outline
from deckgen.render.template.colours import Palette, contrast_ratio, hex_of, paint, relative_luminance, resolve_colour, rgb_from_hex
from deckgen.render.template.contrast import Contrast, contrast_message, layout_contrasts
from deckgen.render.template.prepared import prepared_template
from deckgen.render.template.catalog import resolve_template
from tests.conftest import SORA
from tests.deck_helpers import BUNDLED_TEMPLATES, TEMPLATES, THIRD_PARTY_TEMPLATES

A = "http://schemas.openxmlformats.org/drawingml/2006/main"


def _rgb(value: str) -> tuple[float, float, float]:
    colour = rgb_from_hex(value)
    assert colour is not None
    return colour


OFFICE = Palette(
    scheme={"dk1": _rgb("000000"), "lt1": _rgb("FFFFFF"), "dk2": _rgb("1F497D"), "lt2": _rgb("EEECE1"),
            "accent1": _rgb("4F81BD")},
    mapping={"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"},
)
"""The Office 2007 theme's colours with PowerPoint's usual colour map."""


def _colour(xml: str, palette: Palette = OFFICE) -> str:
    """The ``#RRGGBB`` a DrawingML colour or fill element (written without its namespace) resolves to."""
    element = etree.fromstring(re.sub(r"^<(a:\w+)", rf'<\1 xmlns:a="{A}"', xml))
    local = etree.QName(element).localname
    colour = paint(element, palette) if local.endswith("Fill") else resolve_colour(element, palette)
    assert colour is not None
    return hex_of(colour)


# -- the ratio maths ----------------------------------------------------------------------


def test_black_on_white_is_21_to_1_in_either_order() -> None:
    assert contrast_ratio(_rgb("000000"), _rgb("FFFFFF")) == pytest.approx(21.0)
    assert contrast_ratio(_rgb("FFFFFF"), _rgb("000000")) == pytest.approx(21.0)


def test_a_colour_on_itself_is_1_to_1() -> None:
    assert contrast_ratio(_rgb("E0A030"), _rgb("E0A030")) == pytest.approx(1.0)


def test_relative_luminance_spans_black_to_white() -> None:
    assert relative_luminance(_rgb("000000")) == 0.0
    assert relative_luminance(_rgb("FFFFFF")) == pytest.approx(1.0)
    assert relative_luminance(_rgb("808080")) == pytest.approx(0.2159, abs=1e-4)


@pytest.mark.parametrize(("text", "background", "ratio"), [
    ("767676", "FFFFFF", 4.54),  # the lightest grey that passes AA on white (WebAIM)
    ("777777", "FFFFFF", 4.48),  # one step lighter fails
    ("0000FF", "FFFFFF", 8.59),
    ("FF0000", "FFFFFF", 4.00),
    ("E0A030", "FFFFFF", 2.27),  # seminar's amber as text on white
    ("1F2A30", "E0A030", 6.45),  # seminar's question slide: dark text on amber
])
def test_known_pairs_have_their_published_ratios(text: str, background: str, ratio: float) -> None:
    assert contrast_ratio(_rgb(text), _rgb(background)) == pytest.approx(ratio, abs=0.01)


def test_hex_round_trips_and_rejects_bad_values() -> None:
    assert hex_of(_rgb("#e0a030")) == "#E0A030"
    assert rgb_from_hex("E0A03") is None
    assert rgb_from_hex("GGGGGG") is None


# -- colour resolution --------------------------------------------------------------------


@pytest.mark.parametrize(("xml", "expected"), [
    ('<a:srgbClr val="E0A030"/>', "#E0A030"),
    ('<a:schemeClr val="tx1"/>', "#000000"),
    ('<a:schemeClr val="bg1"/>', "#FFFFFF"),
    ('<a:schemeClr val="tx2"/>', "#1F497D"),
    ('<a:schemeClr val="accent1"/>', "#4F81BD"),
    ('<a:sysClr val="windowText" lastClr="222222"/>', "#222222"),
    ('<a:sysClr val="window"/>', "#FFFFFF"),
    ('<a:prstClr val="black"/>', "#000000"),
    ('<a:scrgbClr r="100000" g="0" b="0"/>', "#FF0000"),
])
def test_colours_resolve_through_the_colour_map_and_theme(xml: str, expected: str) -> None:
    assert _colour(xml) == expected


@pytest.mark.parametrize(("transforms", "expected"), [
    ('<a:lumMod val="75000"/>', "#376092"),  # PowerPoint's "Accent 1, Darker 25%"
    ('<a:lumMod val="50000"/>', "#254061"),  # "Darker 50%"
    ('<a:lumMod val="60000"/><a:lumOff val="40000"/>', "#95B3D7"),  # "Lighter 40%"
])
def test_lum_mod_and_lum_off_give_powerpoints_theme_shades(transforms: str, expected: str) -> None:
    assert _colour(f'<a:schemeClr val="accent1">{transforms}</a:schemeClr>') == expected


def test_background_1_darker_15_percent_is_d9d9d9() -> None:
    assert _colour('<a:schemeClr val="bg1"><a:lumMod val="85000"/></a:schemeClr>') == "#D9D9D9"


def test_tint_works_in_linear_rgb_so_office_subtitle_grey_is_898989() -> None:
    assert _colour('<a:schemeClr val="tx1"><a:tint val="75000"/></a:schemeClr>') == "#898989"


def test_a_swapped_colour_map_makes_tx1_light() -> None:
    dark = Palette(OFFICE.scheme, {"bg1": "dk1", "tx1": "lt1"})
    assert _colour('<a:schemeClr val="tx1"/>', dark) == "#FFFFFF"
    assert _colour('<a:schemeClr val="bg1"/>', dark) == "#000000"


def test_a_gradient_counts_as_the_average_of_its_stops() -> None:
    xml = ('<a:gradFill><a:gsLst><a:gs pos="0"><a:srgbClr val="000000"/></a:gs>'
           '<a:gs pos="100000"><a:srgbClr val="FFFFFF"/></a:gs></a:gsLst></a:gradFill>')
    assert _colour(xml) == "#808080"


def test_the_message_names_template_layout_colours_ratio_and_fix() -> None:
    finding = Contrast("Question", "title", "#E0A030", "#FFFFFF", "layout background", 2.27)
    assert contrast_message("x", finding) == (
        "template 'x': layout 'Question' title text #E0A030 on #FFFFFF (layout background) has contrast "
        "2.3:1, below WCAG AA 4.5:1; darken the text or lighten the background")


def test_a_ratio_just_below_the_threshold_is_not_rounded_up_to_it() -> None:
    finding = Contrast("Content", "body", "#777777", "#FFFFFF", "master background", 4.478)
    assert "has contrast 4.48:1, below" in contrast_message("x", finding)


def test_light_text_on_dark_is_told_to_lighten() -> None:
    finding = Contrast("Section", "body", "#505050", "#202020", "layout background", 2.1)
    assert contrast_message("x", finding).endswith("lighten the text or darken the background")


# -- real templates -----------------------------------------------------------------------


@pytest.mark.parametrize("name", BUNDLED_TEMPLATES)
def test_bundled_templates_have_no_contrast_findings(name: str) -> None:
    profile = prepared_template(resolve_template(name)).profile
    assert profile.lints == ()


@pytest.mark.parametrize("name", BUNDLED_TEMPLATES)
def test_every_role_layout_of_the_bundled_templates_was_measured(name: str) -> None:
    profile = prepared_template(resolve_template(name)).profile
    deck = Presentation(str(profile.path))
    used = {slots.layout for slots in profile.slots.values()}
    measured = [c for layout in deck.slide_layouts if layout.name in used for c in layout_contrasts(layout)]
    assert {c.layout for c in measured} == used
    assert all(c.ratio >= 4.5 for c in measured)


def test_text_on_a_band_is_measured_against_the_band_not_the_slide() -> None:
    deck = Presentation(str(resolve_template("seminar").file))
    closing = next(layout for layout in deck.slide_layouts if layout.name == "Closing")
    title = next(c for c in layout_contrasts(closing) if c.placeholder == "title")
    assert (title.text, title.background, title.behind) == ("#FFFFFF", "#0F5C63", "shape 'Title Band'")


def test_a_theme_background_reference_resolves_through_bg_fill_style() -> None:
    deck = Presentation(str(TEMPLATES / "python-pptx-default.pptx"))  # master: <p:bgRef idx="1001"> bg1
    content = next(layout for layout in deck.slide_layouts if layout.name == "Title and Content")
    assert [(c.placeholder, c.text, c.background) for c in layout_contrasts(content)] == [
        ("title", "#000000", "#FFFFFF"), ("body", "#000000", "#FFFFFF")]


OFFICE_SUBTITLE_GREY = [
    "layout 'Title Slide' subtitle text #898989 on #FFFFFF (master background) has contrast 3.5:1",
    "layout 'Section Header' body text #898989 on #FFFFFF (master background) has contrast 3.5:1",
]
"""Office 2007's default theme sets subtitles in tx1 tinted 75 %: a grey below 4.5:1 on white."""


@pytest.mark.parametrize(("name", "expected"), [
    ("python-pptx default", OFFICE_SUBTITLE_GREY),
    ("pandoc reference", OFFICE_SUBTITLE_GREY),
    ("LibreOffice Impress", []),
])
def test_third_party_templates_report_only_their_real_findings(name: str, expected: list[str]) -> None:
    path = THIRD_PARTY_TEMPLATES[name]
    lints = prepared_template(resolve_template(path)).profile.lints
    assert [lint.split(": ", 1)[1].split(", below")[0] for lint in lints] == expected
    assert all(lint.startswith(f"template '{path.name}': ") for lint in lints)


# -- a template made light grey in the test -----------------------------------------------


def _grey_title_template(folder: Path, fill: str | None = None, text: str = "999999") -> Path:
    """python-pptx's default template with a mid grey title on 'Title and Content' (and a fill)."""
    path = folder / "grey-title.pptx"
    shutil.copyfile(TEMPLATES / "python-pptx-default.pptx", path)
    deck = Presentation(str(path))
    layout = next(layout for layout in deck.slide_layouts if layout.name == "Title and Content")
    title = layout.placeholders[0]._element
    colour = f'<a:solidFill xmlns:a="{A}"><a:srgbClr val="{text}"/></a:solidFill>'
    level = etree.SubElement(title.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}"), qn("a:lvl1pPr"))
    etree.SubElement(level, qn("a:defRPr")).append(etree.fromstring(colour))
    if fill is not None:
        title.find(qn("p:spPr")).append(etree.fromstring(colour.replace(text, fill)))
    deck.save(str(path))
    return path


GREY_TITLE = ("template 'grey-title.pptx': layout 'Title and Content' title text #999999 on #FFFFFF "
              "(master background) has contrast 2.8:1, below WCAG AA 4.5:1; darken the text or lighten "
              "the background")


def test_a_light_grey_title_on_white_is_a_finding(tmp_path: Path) -> None:
    lints = prepared_template(resolve_template(_grey_title_template(tmp_path))).profile.lints
    assert GREY_TITLE in lints


def test_text_that_cannot_be_read_is_no_finding_as_decks_set_it_readable(tmp_path: Path) -> None:
    """A near-white title on white (1.4:1) is a colour meant for another background: decks set
    it in the theme's text colour, so the template is not reported for it."""
    path = _grey_title_template(tmp_path, text="DDDDDD")
    assert not [lint for lint in prepared_template(resolve_template(path)).profile.lints if "#DDDDDD" in lint]
    deck = Presentation(io.BytesIO(deck_bytes(load_outline(SORA), str(path))))
    titled = [s for s in deck.slides if s.slide_layout.name == "Title and Content"]
    runs = [r for r in titled[0].shapes.title.text_frame.paragraphs[0].runs]
    assert runs and all(r.font.color.theme_color is not None and r.font.color.theme_color.name == "TEXT_1" for r in runs)


def test_a_placeholder_fill_is_what_its_text_sits_on(tmp_path: Path) -> None:
    path = _grey_title_template(tmp_path, fill="1F2A30")
    lints = prepared_template(resolve_template(path)).profile.lints
    assert not any("'Title and Content' title" in lint for lint in lints)
    deck = Presentation(str(path))
    layout = next(layout for layout in deck.slide_layouts if layout.name == "Title and Content")
    title = next(c for c in layout_contrasts(layout) if c.placeholder == "title")
    assert (title.background, title.behind) == ("#1F2A30", "placeholder fill")


def test_check_strict_fails_on_a_low_contrast_template(tmp_path: Path, runner: CliRunner) -> None:
    _grey_title_template(tmp_path)
    outline = tmp_path / "guide.yaml"
    outline.write_text("title: A guide\ntemplate: grey-title.pptx\nsections:\n  - title: Only\n", encoding="utf-8")
    lenient = runner.invoke(main, ["check", str(outline)])
    assert lenient.exit_code == 0, lenient.output
    assert f"warning: {GREY_TITLE}" in lenient.output.splitlines()
    strict = runner.invoke(main, ["check", "--strict", str(outline)])
    assert strict.exit_code == 1, strict.output
    assert f"error: {GREY_TITLE}" in strict.output.splitlines()


def test_templates_inspect_shows_contrast_findings(tmp_path: Path, runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "inspect", str(_grey_title_template(tmp_path))])
    assert result.exit_code == 0, result.output
    assert f"warning: {GREY_TITLE}" in result.output.splitlines()
