"""Comparisons, tables, charts and chosen layouts, as users see them in the built decks."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes, plan_outline
from deckgen.app.check import check_outline
from deckgen.errors import OutlineError
from deckgen.outline.loader import load_outline
from deckgen.outline.model import MAX_TABLE_COLUMNS
from deckgen.plan.visuals import column_widths
from deckgen.plan.metrics import metrics_for
from tests.conftest import FIXTURES
from tests.deck_helpers import STRIP_TYPES, ALL_TEMPLATES, SPECS, cached_deck_bytes, notes_of, open_deck, title_of

RICH = SPECS / "rich-content.yaml"
PANDOC = ALL_TEMPLATES["pandoc reference"]


def _slides(template: str, title: str) -> list[object]:
    deck = open_deck(cached_deck_bytes(RICH, template))
    return [s for s in deck.slides if title_of(s).startswith(title)]


def _tables(slide: object) -> list[object]:
    return [shape.table for shape in slide.shapes if shape.has_table]  # type: ignore[attr-defined]


@pytest.mark.parametrize("template", ["seminar", "classic", PANDOC])
def test_long_table_continues_with_header_repeated_and_no_row_lost(template: str) -> None:
    slides = _slides(template, "A long table")
    assert len(slides) > 1
    assert [title_of(s) for s in slides[1:]] == ["A long table (cont.)"] * (len(slides) - 1)
    names = []
    for slide in slides:
        (table,) = _tables(slide)
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        assert rows[0] == ["Name", "Description", "Value"]
        names += [row[0] for row in rows[1:]]
    assert names == [f"Row {i}" for i in range(1, 31)]


@pytest.mark.parametrize("template", ["seminar", PANDOC])
def test_table_fills_the_body_width_and_stays_on_the_slide(template: str) -> None:
    deck = open_deck(cached_deck_bytes(RICH, template))
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_table:
                widths = sum(column.width for column in shape.table.columns)
                assert widths == shape.width
                assert shape.top + sum(row.height for row in shape.table.rows) <= deck.slide_height


def test_the_widest_table_allowed_gets_every_cell_and_its_planned_grid(tmp_path: Path) -> None:
    header = ", ".join(f"h{n}" for n in range(MAX_TABLE_COLUMNS))
    rows = ", ".join("[" + ", ".join(f"r{r}c{n}" for n in range(MAX_TABLE_COLUMNS)) + "]" for r in range(3))
    path = tmp_path / "wide.yaml"
    path.write_text(f"title: T\nsections:\n  - title: S\n    points:\n      - claim: Wide\n"
                    f"        table: {{header: [{header}], rows: [{rows}]}}\n", encoding="utf-8")
    outline = load_outline(path)
    (planned,) = [slide.table for slide in plan_outline(outline).slides if slide.table is not None]
    (shape,) = [shape for slide in open_deck(deck_bytes(outline)).slides for shape in slide.shapes if shape.has_table]
    assert [column.width for column in shape.table.columns] == list(planned.widths)
    assert [row.height for row in shape.table.rows] == list(planned.heights)
    assert (shape.width, shape.height) == (sum(planned.widths), sum(planned.heights))
    assert [cell.text for cell in shape.table.rows[3].cells] == [f"r2c{n}" for n in range(MAX_TABLE_COLUMNS)]


def test_measured_widths_give_the_long_column_more_room() -> None:
    widths = column_widths(["Name", "Description"], [["A", "a much longer description of the item"]], 500, 18,
                           metrics_for("Calibri"))
    assert sum(widths) == pytest.approx(500)
    assert widths[1] > 2 * widths[0]


def test_table_is_styled_with_header_and_bands() -> None:
    (slide,) = _slides("seminar", "A long table")[:1]
    (table,) = _tables(slide)
    assert table.first_row and table.horz_banding
    header_runs = [r for cell in table.rows[0].cells for p in cell.text_frame.paragraphs for r in p.runs]
    assert header_runs and all(r.font.bold for r in header_runs)


@pytest.mark.parametrize(("template", "placeholders"), [("seminar", 2), (PANDOC, 4)])
def test_comparison_uses_the_template_layout(template: str, placeholders: int) -> None:
    slides = _slides(template, "A long left column")
    assert slides[0].slide_layout.name == ("Two Content" if placeholders == 2 else "Comparison")
    text = [shape.text_frame.text for shape in slides[0].placeholders
            if shape.placeholder_format.idx and shape.placeholder_format.type not in STRIP_TYPES]
    assert len(text) == placeholders
    assert any("Many points" in t for t in text) and any("Few points" in t for t in text)


def test_each_column_continues_on_its_own() -> None:
    slides = _slides("seminar", "A long left column")
    assert len(slides) > 1
    last = [shape.text_frame.text for shape in slides[-1].placeholders if shape.placeholder_format.idx]
    assert "Left column point 14" in last[0] and "One" not in last[1]


def test_comparison_is_drawn_where_the_template_has_no_two_column_layout(tmp_path: Path) -> None:
    presentation = Presentation(ALL_TEMPLATES["python-pptx default"])
    for layout in list(presentation.slide_layouts):
        if layout.name in ("Two Content", "Comparison"):
            presentation.slide_layouts.remove(layout)
    template = tmp_path / "one-column.pptx"
    presentation.save(str(template))
    deck = open_deck(deck_bytes(load_outline(RICH), template))
    slide = next(s for s in deck.slides if title_of(s) == "A long left column")
    boxes = [shape for shape in slide.shapes if shape.name.startswith("Column")]
    assert [b.name for b in boxes] == ["Column 1", "Column 2"]
    assert boxes[0].left + boxes[0].width < boxes[1].left
    assert boxes[0].text_frame.paragraphs[0].text == "Many points"
    bullet = boxes[0].text_frame.paragraphs[1]._p.find(qn("a:pPr")).find(qn("a:buChar"))
    assert bullet is not None
    assert not [shape for shape in slide.placeholders if shape.placeholder_format.idx == 1]


@pytest.mark.parametrize("template", ["seminar", PANDOC])
def test_charts_are_native_with_alt_text_and_data_in_notes(template: str) -> None:
    (bars,) = [s for s in _slides(template, "Bars and lines") if any(sh.has_chart for sh in s.shapes)]
    frame = next(shape for shape in bars.shapes if shape.has_chart)
    chart = frame.chart
    assert chart.chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    assert list(chart.plots[0].categories) == ["North", "South", "East"]
    assert [list(s.values) for s in chart.plots[0].series] == [[3, 5.5, -1], [2, 4, 6]]
    descr = frame._element.nvGraphicFramePr.cNvPr.get("descr")
    assert descr == "Bar chart of two series over three regions"
    assert "First — North: 3, South: 5.5, East: -1" in notes_of(bars)


def test_chart_workbook_is_the_same_bytes_every_build() -> None:
    outline = load_outline(RICH)
    first, second = deck_bytes(outline), deck_bytes(outline)
    assert first == second
    with zipfile.ZipFile(io.BytesIO(first)) as package:
        books = [n for n in package.namelist() if n.endswith(".xlsx")]
        assert len(books) == 2
        with zipfile.ZipFile(io.BytesIO(package.read(books[0]))) as book:
            assert b"2000-01-01T00:00:00Z" in book.read("docProps/core.xml")


def test_a_point_uses_the_layout_it_names() -> None:
    (slide,) = _slides("seminar", "A line on a chosen layout")
    assert slide.slide_layout.name == "Title Only"
    assert any(shape.has_chart for shape in slide.shapes)


def test_an_unknown_layout_is_reported_at_its_line_by_build_and_check(write_outline: Callable[..., Path]) -> None:
    path = write_outline(RICH.read_text(encoding="utf-8").replace("layout: Title Only", "layout: Title Onyl"))
    with pytest.raises(OutlineError) as caught:
        deck_bytes(load_outline(path))
    (problem,) = caught.value.problems
    assert problem.line == RICH.read_text(encoding="utf-8").splitlines().index("        layout: Title Only") + 1
    assert "has no layout 'Title Onyl' (did you mean 'Title Only'?)" in problem.message
    result = check_outline(path)
    assert [p.message for p in result.errors] == [problem.message]


def test_right_to_left_text_is_marked_aligned_and_set_in_a_complex_script_font(write_outline: Callable[..., Path]) -> None:
    path = write_outline("title: عنوان\nlanguage: ar\nsections:\n  - title: قسم\n    points:\n"
                         "      - claim: ادعاء\n        evidence: [نص **غامق**]\n"
                         "        table: {header: [أ, ب], rows: [[ج, د]]}\n")
    deck = open_deck(deck_bytes(load_outline(path)))
    slide = next(s for s in deck.slides if title_of(s) == "ادعاء")
    body = next(shape for shape in slide.placeholders if shape.placeholder_format.idx == 1)
    paragraph = body.text_frame.paragraphs[0]._p
    properties = paragraph.find(qn("a:pPr"))
    assert (properties.get("rtl"), _shown_alignment(slide, body)) == ("1", "r")
    runs = paragraph.findall(qn("a:r"))
    assert {r.find(qn("a:rPr")).get("lang") for r in runs} == {"ar"}
    assert {r.find(qn("a:rPr")).find(qn("a:cs")).get("typeface") for r in runs} == {"Noto Naskh Arabic"}
    table_slide = [s for s in deck.slides if title_of(s) == "ادعاء"][1]
    (table,) = _tables(table_slide)
    assert table._tbl.tblPr.get("rtl") == "1"


def test_the_example_outline_shows_every_rich_feature() -> None:
    from deckgen.outline.inline import parse_inline
    from tests.conftest import OUTLINES

    outline = load_outline(OUTLINES / "sora-responses-compared.yaml")
    points = [p for s in outline.sections for p in s.points]
    assert all(any(getattr(p, key) for p in points) for key in ("compare", "table", "chart", "layout"))
    texts = [outline.subtitle or "", *(b.text for p in points for b in p.evidence),
             *(f for q in outline.questions for f in q.follow_ups)]
    spans = [span for text in texts for span in parse_inline(text).spans]
    assert all(any(getattr(span, kind) for span in spans) for kind in ("bold", "italic", "code", "link"))
    deck = open_deck(cached_deck_bytes(OUTLINES / "sora-responses-compared.yaml", None))
    links = [r.hyperlink.address for s in deck.slides for sh in s.shapes if sh.has_text_frame
             for p in sh.text_frame.paragraphs for r in p.runs if r.hyperlink.address]
    assert links == ["https://openai.com/sora"]


def _shown_alignment(slide: object, shape: object) -> str | None:
    """How the first paragraph of a placeholder is aligned: its own ``algn``, else its layout's."""
    own = shape.text_frame.paragraphs[0]._p.find(qn("a:pPr")).get("algn")  # type: ignore[attr-defined]
    if own is not None:
        return str(own)
    layout = slide.slide_layout.placeholders.get(idx=shape.placeholder_format.idx)  # type: ignore[attr-defined]
    return layout._element.find(f".//{qn('a:lstStyle')}/{qn('a:lvl1pPr')}").get("algn")  # type: ignore[no-any-return]


def test_right_to_left_keeps_a_centred_title_centred() -> None:
    from tests.conftest import OUTLINES

    deck = open_deck(cached_deck_bytes(OUTLINES / "sora-china-ai.ar.yaml", "classic"))
    title = deck.slides[0].shapes.title.text_frame.paragraphs[0]._p.find(qn("a:pPr"))
    assert title.get("rtl") == "1" and title.get("algn") is None  # the layout centres it
    slide = next(s for s in deck.slides if s.slide_layout.name == "Content")
    assert _shown_alignment(slide, slide.shapes.title) == "r"  # the mirrored layout sets it flush right


CHARTS = FIXTURES / "outlines" / "scripts"


def _chart_axes(language: str, template: str) -> list[tuple[XL_CHART_TYPE, bool, bool]]:
    """Per chart of the charts outline: its type, whether its categories and its values run reversed."""
    deck = open_deck(cached_deck_bytes(CHARTS / f"charts.{language}.yaml", template))
    charts = [shape.chart for slide in deck.slides for shape in slide.shapes if shape.has_chart]
    return [(chart.chart_type, chart.category_axis.reverse_order, chart.value_axis.reverse_order)
            if chart.chart_type != XL_CHART_TYPE.PIE else (chart.chart_type, False, False) for chart in charts]


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_charts_in_a_right_to_left_deck_read_right_to_left(template: str) -> None:
    assert _chart_axes("en", template) == [(XL_CHART_TYPE.COLUMN_CLUSTERED, False, False),
                                           (XL_CHART_TYPE.BAR_CLUSTERED, False, False),
                                           (XL_CHART_TYPE.LINE_MARKERS, False, False), (XL_CHART_TYPE.PIE, False, False)]
    assert _chart_axes("ar", template) == [
        (XL_CHART_TYPE.COLUMN_CLUSTERED, True, False),  # the first category at the right, the values beside it
        (XL_CHART_TYPE.BAR_CLUSTERED, False, True),  # bars grow leftwards from categories at the right
        (XL_CHART_TYPE.LINE_MARKERS, True, False),
        (XL_CHART_TYPE.PIE, False, False),  # a pie has no direction to turn
    ]
