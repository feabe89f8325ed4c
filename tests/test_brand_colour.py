"""deckgen's own marks and table headers wear the template's brand colour, not Office blue."""

from __future__ import annotations

from pathlib import Path

import pytest
from openxml_audit import validate_pptx
from openxml_audit.errors import SourceClass, ValidationSeverity
from openxml_audit.verdict import AppPrediction, predict
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from deckgen.plan.profile import Box
from deckgen.render.deck.drawing import ACCENT_TABLE_STYLES, PLAIN_TABLE_STYLE, TABLE_STYLE, table_frame
from deckgen.render.template.artwork import layout_artwork
from deckgen.render.template.colours import contrast_ratio, hex_of, palette_for, rgb_from_hex
from deckgen.render.template.markcolours import keeps_office_defaults, mark_colours
from tests.artwork_helpers import CORAL, decorated_template
from tests.conftest import SORA
from tests.deck_helpers import SPECS, TEMPLATES, cached_deck_bytes, open_deck

QUARTO = TEMPLATES / "artwork-quarto-dark.pptx"
FOCUS = TEMPLATES / "artwork-focus.pptx"
PANDOC = TEMPLATES / "pandoc-reference.pptx"
RICH = SPECS / "rich-content.yaml"


def _content_layout(path: Path) -> object:
    deck = Presentation(str(path))
    return next(layout for layout in deck.slide_layouts if "Content" in layout.name)


def _shape(deck: object, name: str) -> object:
    return next(shape for slide in deck.slides for shape in slide.shapes if shape.name == name)  # type: ignore[attr-defined]


def _tables(deck: object) -> list[object]:
    return [shape for slide in deck.slides for shape in slide.shapes if shape.has_table]  # type: ignore[attr-defined]


# -- which colour ---------------------------------------------------------------------------


@pytest.mark.parametrize(("template", "keeps"), [(QUARTO, True), (FOCUS, True), (PANDOC, True)])
def test_office_default_accents_are_recognised(template: Path, keeps: bool) -> None:
    assert keeps_office_defaults(palette_for(_content_layout(template))) is keeps


def test_a_quarto_template_s_marks_take_its_coral_titles_not_office_blue() -> None:
    colours = mark_colours(_content_layout(QUARTO))
    assert colours.accent == "#FF6268"
    assert colours.glyph in ("dk1", "lt1")


def test_coral_titles_beat_purple_artwork(tmp_path: Path) -> None:
    assert mark_colours(_content_layout(decorated_template(tmp_path))).accent == f"#{CORAL}"


def test_titles_in_a_theme_accent_keep_the_accent_by_name(tmp_path: Path) -> None:
    assert mark_colours(_content_layout(decorated_template(tmp_path, title_colour="accent2"))).accent == "accent2"


def test_black_titles_leave_the_brand_to_the_template_s_artwork() -> None:
    layout = _content_layout(FOCUS)
    triangles = {hex_of(piece.colour) for piece in layout_artwork(layout).pieces if piece.colour is not None}
    colours = mark_colours(layout)
    assert colours.accent in triangles
    assert contrast_ratio(rgb_from_hex(colours.accent) or (1.0, 1.0, 1.0), (1.0, 1.0, 1.0)) >= 3.0


def test_a_plain_office_template_keeps_its_office_accent() -> None:
    assert mark_colours(_content_layout(PANDOC)).accent == "accent1"


# -- what is drawn in it ----------------------------------------------------------------------


def test_question_mark_on_quarto_is_drawn_in_its_title_colour() -> None:
    deck = open_deck(cached_deck_bytes(SORA, str(QUARTO)))
    band, disc = _shape(deck, "Question Band"), _shape(deck, "Question Disc")
    for shape in (band, disc):
        colour = shape._element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}")  # type: ignore[attr-defined]
        assert colour is not None and colour.get("val") == "FF6268"


def test_table_headers_on_quarto_are_filled_in_its_title_colour_over_grey_bands() -> None:
    deck = open_deck(cached_deck_bytes(RICH, str(QUARTO)))
    tables = _tables(deck)
    assert tables
    for frame in tables:
        table = frame.table  # type: ignore[attr-defined]
        style = table._tbl.find(f"{qn('a:tblPr')}/{qn('a:tableStyleId')}")
        assert style.text == PLAIN_TABLE_STYLE
        for cell in table.rows[0].cells:
            fill = cell._tc.find(f"{qn('a:tcPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}")
            assert fill is not None and fill.get("val") == "FF6268"
            runs = [r for p in cell.text_frame.paragraphs for r in p.runs]
            assert runs and all(r._r.find(f"{qn('a:rPr')}/{qn('a:solidFill')}") is not None for r in runs)
        for cell in table.rows[1].cells:
            assert cell._tc.find(f"{qn('a:tcPr')}/{qn('a:solidFill')}") is None


def test_bundled_tables_keep_the_accent_1_style_and_no_fills_of_their_own() -> None:
    deck = open_deck(cached_deck_bytes(RICH, "classic"))
    for frame in _tables(deck):
        table = frame.table  # type: ignore[attr-defined]
        assert table._tbl.find(f"{qn('a:tblPr')}/{qn('a:tableStyleId')}").text == TABLE_STYLE
        assert all(c._tc.find(f"{qn('a:tcPr')}/{qn('a:solidFill')}") is None for c in table.rows[0].cells)


@pytest.mark.parametrize("accent", ["accent2", "accent5"])
def test_a_brand_accent_other_than_the_first_picks_that_accent_s_table_style(accent: str) -> None:
    frame, _cells = table_frame(7, Box(0, 0, 100, 100), (50, 50), (20, 20), False, accent)
    style = frame.find(f".//{qn('a:tableStyleId')}")
    assert style.text == ACCENT_TABLE_STYLES[accent]
    assert frame.find(f".//{qn('a:tcPr')}/{qn('a:solidFill')}") is None


def test_titles_in_the_second_accent_give_tables_the_second_accent_s_style(tmp_path: Path) -> None:
    deck = open_deck(cached_deck_bytes(RICH, str(decorated_template(tmp_path, title_colour="accent2"))))
    for frame in _tables(deck):
        table = frame.table  # type: ignore[attr-defined]
        assert table._tbl.find(f"{qn('a:tblPr')}/{qn('a:tableStyleId')}").text == ACCENT_TABLE_STYLES["accent2"]
        assert all(c._tc.find(f"{qn('a:tcPr')}/{qn('a:solidFill')}") is None for c in table.rows[0].cells)


@pytest.mark.parametrize(("outline", "template"), [(RICH, QUARTO), (SORA, QUARTO), (SORA, FOCUS)],
                         ids=["table-on-quarto", "marks-on-quarto", "marks-on-focus"])
def test_decks_with_brand_coloured_marks_and_headers_open_cleanly(tmp_path: Path, outline: Path, template: Path) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(cached_deck_bytes(outline, str(template)))
    result = validate_pptx(deck)
    assert [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR] == []
    assert [str(e) for e in result.errors if e.source_class is SourceClass.POWERPOINT_APP_COMPAT] == []
    assert predict(result).prediction is AppPrediction.OPENS_CLEAN


def _charts(data: bytes) -> list[object]:
    deck = open_deck(data)
    return [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]  # type: ignore[attr-defined]


def _series_fill(chart: object) -> str:
    """The first series' fill colour: a theme colour's name or ``#RRGGBB``."""
    series = chart.plots[0].series[0]  # type: ignore[attr-defined]
    fill = series.format.line.color if chart.chart_type.name.startswith("LINE") else series.format.fill.fore_color  # type: ignore[attr-defined]
    return f"#{fill.rgb}" if fill.type.name == "RGB" else str(fill.theme_color.name)


def test_a_quarto_chart_s_first_series_wears_its_coral_titles() -> None:
    charts = _charts(cached_deck_bytes(RICH, str(QUARTO)))
    assert charts and {_series_fill(chart) for chart in charts} == {"#FF6268"}  # the titles' coral
    second = next(chart for chart in charts if len(chart.plots[0].series) > 1)  # type: ignore[attr-defined]
    assert second.plots[0].series[1].format.fill.fore_color.theme_color.name == "ACCENT_1"  # type: ignore[attr-defined]


def test_chart_labels_read_on_a_dark_slide() -> None:
    for chart in _charts(cached_deck_bytes(RICH, str(QUARTO))):
        assert chart.font.color.theme_color.name == "BACKGROUND_1"  # type: ignore[attr-defined]


def test_a_plain_office_template_s_charts_keep_accent_1() -> None:
    charts = _charts(cached_deck_bytes(RICH, str(PANDOC)))
    assert charts and {_series_fill(chart) for chart in charts} == {"ACCENT_1"}
    assert all(chart.font.color.type is None for chart in charts)  # type: ignore[attr-defined]


def _template_with_a_logo(folder: Path, colour: tuple[int, int, int]) -> Path:
    """python-pptx's default template (Office's accents, black titles) with a logo picture on its
    master: a wordmark in ``colour`` on white, as R Markdown templates of universities carry."""
    logo = Image.new("RGB", (240, 80), "white")
    ImageDraw.Draw(logo).rectangle((10, 10, 230, 70), fill=colour)
    image = folder / "logo.png"
    logo.save(image)
    deck = Presentation(str(TEMPLATES / "python-pptx-default.pptx"))
    master = deck.slide_master
    _part, rid = master.part.get_or_add_image_part(str(image))
    master.shapes._spTree.append(parse_xml(
        f'<p:pic {nsdecls("a", "p", "r")}><p:nvPicPr><p:cNvPr id="90" name="Logo" descr=""/><p:cNvPicPr/><p:nvPr/>'
        f'</p:nvPicPr><p:blipFill><a:blip r:embed="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
        '<p:spPr><a:xfrm><a:off x="91440" y="91440"/><a:ext cx="1371600" cy="457200"/></a:xfrm>'
        '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>'))
    path = folder / "logo.pptx"
    deck.save(str(path))
    return path


def test_a_logo_gives_its_colour_to_marks_tables_and_charts_on_an_office_theme(tmp_path: Path) -> None:
    template = _template_with_a_logo(tmp_path, (214, 0, 28))
    accent = mark_colours(_content_layout(template)).accent
    assert _near(accent, (214, 0, 28)), accent
    data = cached_deck_bytes(RICH, str(template))
    assert {_series_fill(chart) for chart in _charts(data)} == {accent}


def _near(colour: str, wanted: tuple[int, int, int]) -> bool:
    """Whether ``#RRGGBB`` is ``wanted`` but for the rounding of a picture read small."""
    return colour.startswith("#") and all(abs(int(colour[1 + 2 * i:3 + 2 * i], 16) - wanted[i]) <= 2 for i in range(3))


def test_a_grey_logo_leaves_the_office_accent(tmp_path: Path) -> None:
    template = _template_with_a_logo(tmp_path, (90, 90, 90))
    assert mark_colours(_content_layout(template)).accent == "accent1"
