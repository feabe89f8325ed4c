"""Native charts: python-pptx's chart XML and API, theme colours, a reproducible workbook.

A chart is a real PowerPoint chart: editable, its data in an embedded Excel workbook
(python-pptx writes it with XlsxWriter). This is the one module of the deck writer that
loads python-pptx, and only for a deck with a chart: writing chart XML is what python-pptx
does well and deckgen would otherwise copy. XlsxWriter stamps the workbook with the time it
was written, so the workbook is given a fixed date here: the same outline always gives
the same deck bytes. Every label is written into it as text, whatever it looks like: with
XlsxWriter's defaults a label starting with ``=`` became a formula Excel runs when the
chart's data is edited, and a web address a link. Series (or a pie's slices) take the
theme's accent colours in turn, the first the template's brand colour (the colour of
deckgen's marks: on a theme that keeps Office's blue accents but brands its titles, the
titles' colour); its labels, legend and axes take the slide's readable text colour where the
theme's would not read on the slide.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import IO, Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import ColorFormat, RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_LEGEND_POSITION
from pptx.enum.dml import MSO_THEME_COLOR
from pptx.chart.chart import Chart
from pptx.opc.oxml import serialize_part_xml
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt
from xlsxwriter import Workbook  # type: ignore[import-untyped]

from deckgen.outline.inline import plain
from deckgen.plan.slides import ChartPlan
from deckgen.render.template.blueprint import MarkColours
from deckgen.render.template.pptx_compat import category_chart_data

WORKBOOK_DATE = dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
"""The creation date written into every embedded workbook (any fixed date keeps decks reproducible)."""
_TYPES = {
    "column": XL_CHART_TYPE.COLUMN_CLUSTERED,
    "bar": XL_CHART_TYPE.BAR_CLUSTERED,
    "line": XL_CHART_TYPE.LINE_MARKERS,
    "pie": XL_CHART_TYPE.PIE,
}
CHART_FONT_PT = 14.0


WORKBOOK_OPTIONS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False,
                    "strings_to_numbers": False}
"""Labels are text, never formulas, links or numbers; the workbook is built in memory."""


def _workbook(xlsx_file: IO[bytes]) -> Workbook:
    """The workbook a chart's data is written into: labels as text, a fixed creation date."""
    workbook = Workbook(xlsx_file, dict(WORKBOOK_OPTIONS))
    workbook.set_properties({"created": WORKBOOK_DATE})
    return workbook


def chart_data(plan: ChartPlan) -> CategoryChartData:
    """The chart's categories and series, as python-pptx chart data."""
    data = category_chart_data(_workbook)
    data.categories = [plain(c) for c in plan.chart.categories]
    for series in plan.chart.series:
        data.add_series(plain(series.name), series.values)  # type: ignore[no-untyped-call]
    return data


_SCHEME = {"accent1": MSO_THEME_COLOR.ACCENT_1, "accent2": MSO_THEME_COLOR.ACCENT_2,
           "accent3": MSO_THEME_COLOR.ACCENT_3, "accent4": MSO_THEME_COLOR.ACCENT_4,
           "accent5": MSO_THEME_COLOR.ACCENT_5, "accent6": MSO_THEME_COLOR.ACCENT_6,
           "tx1": MSO_THEME_COLOR.TEXT_1, "bg1": MSO_THEME_COLOR.BACKGROUND_1,
           "tx2": MSO_THEME_COLOR.TEXT_2, "bg2": MSO_THEME_COLOR.BACKGROUND_2,
           "dk1": MSO_THEME_COLOR.DARK_1, "lt1": MSO_THEME_COLOR.LIGHT_1,
           "dk2": MSO_THEME_COLOR.DARK_2, "lt2": MSO_THEME_COLOR.LIGHT_2}
"""deckgen's scheme colour names (see :class:`MarkColours`) as python-pptx theme colours."""


def _palette(brand: str) -> list[str]:
    """The series' colours in turn: the brand colour, then the other theme accents."""
    accents = [f"accent{n}" for n in range(1, 7)]
    return [brand, *(a for a in accents if a != brand)]


def _colour(color: ColorFormat, colour: str) -> None:
    """``color`` set to ``colour``: a scheme name, or ``#RRGGBB``."""
    if colour.startswith("#"):
        color.rgb = RGBColor.from_string(colour[1:])  # type: ignore[no-untyped-call]
    else:
        color.theme_color = _SCHEME.get(colour, MSO_THEME_COLOR.ACCENT_1)


def _paint(chart: Any, kind: str, brand: str) -> None:
    """One colour per series, or per slice of a pie: the brand colour first, then the accents."""
    plot = chart.plots[0]
    colours = _palette(brand)
    if kind == "pie":
        for index, point in enumerate(plot.series[0].points):
            point.format.fill.solid()
            _colour(point.format.fill.fore_color, colours[index % len(colours)])
        return
    for index, series in enumerate(plot.series):
        colour = colours[index % len(colours)]
        if kind == "line":
            _colour(series.format.line.color, colour)
            series.format.line.width = Pt(2.5)
            series.marker.format.fill.solid()
            _colour(series.marker.format.fill.fore_color, colour)
        else:
            series.format.fill.solid()
            _colour(series.format.fill.fore_color, colour)


def _unsigned_axis_ids(space: Any) -> None:
    """Axis ids as the schema's unsigned ints: python-pptx's bar chart writes negative ones,
    which PowerPoint reads as their 32-bit twins; the same twins keep axes paired."""
    for element in space.iter(qn("c:axId"), qn("c:crossAx")):
        value = int(element.get("val"))
        if value < 0:
            element.set("val", str(value + 2**32))


def _orient_max_min(axis: Any) -> None:
    """``axis`` runs from its largest value (or last category) to its smallest."""
    scaling = axis.find(qn("c:scaling"))
    orientation = scaling.find(qn("c:orientation"))
    if orientation is None:  # the first child of c:scaling in the schema's order
        orientation = scaling.makeelement(qn("c:orientation"), {})
        scaling.insert(0, orientation)
    orientation.set("val", "maxMin")


def _read_right_to_left(space: Any, kind: str) -> None:
    """A chart of a right-to-left deck, turned as its slide is: the first category at the right
    and the value axis beside it (column, line), or bars growing leftwards from an axis of
    categories at the right (bar), as Excel's "categories in reverse order" turns them; its
    labels and legend set right to left. A pie has no direction to turn."""
    plot_area = space.find(f"{qn('c:chart')}/{qn('c:plotArea')}")
    category_axis, value_axis = plot_area.find(qn("c:catAx")), plot_area.find(qn("c:valAx"))
    if kind == "bar":
        _orient_max_min(value_axis)
        category_axis.find(qn("c:axPos")).set("val", "r")
    elif kind != "pie":
        _orient_max_min(category_axis)
        value_axis.find(qn("c:axPos")).set("val", "r")
    for paragraph in space.iter(qn("a:pPr")):
        paragraph.set("rtl", "1")


@dataclass(frozen=True)
class ChartParts:
    """A chart's part (``c:chartSpace``, its workbook related as ``rId1``) and the workbook."""

    chart: bytes
    workbook: bytes


def chart_parts(plan: ChartPlan, size: float = CHART_FONT_PT, colours: MarkColours | None = None,
                right_to_left: bool = False) -> ChartParts:
    """The chart of ``plan`` as PowerPoint stores it: the chart part's XML and its data workbook;
    ``colours``: the brand and text colours on the slide's layout; read right to left in a
    right-to-left deck."""
    colours = colours or MarkColours()
    kind = plan.chart.type
    data = chart_data(plan)
    space = parse_xml(data.xml_bytes(_TYPES[kind]))  # type: ignore[no-untyped-call]
    space.get_or_add_externalData().rId = "rId1"  # the workbook: the chart part's one relationship
    chart: Any = Chart(space, None)  # type: ignore[no-untyped-call]
    chart.font.size = Pt(size)
    if colours.text is not None:
        _colour(chart.font.color, colours.text)
    chart.has_title = False  # the slide's title says what the chart is
    chart.has_legend = kind == "pie" or len(plan.chart.series) > 1
    if chart.has_legend:
        chart.legend.position = XL_LEGEND_POSITION.BOTTOM
        chart.legend.include_in_layout = False
    if kind == "pie":
        plot = chart.plots[0]
        plot.has_data_labels = True
        plot.data_labels.show_value = True
        plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END  # on the slide's background, readable
    _paint(chart, kind, colours.accent)
    if right_to_left:
        _read_right_to_left(space, kind)
    _unsigned_axis_ids(space)
    return ChartParts(serialize_part_xml(space), data.xlsx_blob)
