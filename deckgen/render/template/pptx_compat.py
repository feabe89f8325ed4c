"""Every private python-pptx access deckgen makes, in one place.

deckgen writes decks faster and more exactly than python-pptx's public API allows (shape
trees copied whole, relationships written as strings, parts shared between decks), which
needs a few of python-pptx's private attributes. They are reached only through the
functions here, so an upgrade of python-pptx is checked in one module and one test
(``tests/test_pptx_compat.py``), against the versions in :data:`SUPPORTED_VERSIONS`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import IO, TYPE_CHECKING, Any

from pptx.opc.package import Part, _Relationship, _Relationships
from pptx.shapes.shapetree import _BaseShapes
from pptx.slide import Slides
from pptx.text.text import TextFrame

if TYPE_CHECKING:
    from pptx.chart.data import CategoryChartData

SUPPORTED_VERSIONS = (1, 0)
"""python-pptx 1.0.x and later 1.x (pyproject pins ``python-pptx>=1.0,<2``)."""

__all__ = [
    "SUPPORTED_VERSIONS", "WorkbookMaker", "add_relationship", "append_slide_id", "base_uri", "category_chart_data",
    "chart_space", "new_relationship", "package_relationships", "part_element", "raw_target",
    "relationship_map", "set_blob", "shape_tree", "slide_id_list", "table_element", "target_mode", "text_body",
]


def shape_tree(shapes: _BaseShapes) -> Any:
    """The ``p:spTree`` element behind a slide's, layout's or master's shapes."""
    return shapes._spTree


def text_body(frame: TextFrame) -> Any:
    """The ``a:txBody`` element behind a text frame."""
    return frame._txBody


def slide_id_list(slides: Slides) -> Any:
    """The presentation's ``p:sldIdLst`` element (the slide order)."""
    return slides._sldIdLst


def relationship_map(rels: _Relationships) -> dict[str, _Relationship]:
    """The rId -> relationship dict itself (its accessors cost more than the writing)."""
    found: dict[str, _Relationship] = rels._rels
    return found


def package_relationships(package: Any) -> _Relationships:
    """The package's own relationships (``_rels/.rels``)."""
    found: _Relationships = package._rels
    return found


def base_uri(rel: _Relationship) -> str:
    """The folder a relationship's relative target is resolved against."""
    return str(rel._base_uri)


def target_mode(rel: _Relationship) -> str:
    """``Internal`` or ``External``."""
    return str(rel._target_mode)


def raw_target(rel: _Relationship) -> Any:
    """A relationship's target: a part, or a URL for an external one."""
    return rel._target


def new_relationship(like: _Relationship, target: Any) -> _Relationship:
    """A copy of ``like`` pointing at ``target`` (a part of another package)."""
    return _Relationship(like._base_uri, like.rId, like.reltype, like._target_mode, target)


def part_element(part: Part) -> Any:
    """The XML root of a part python-pptx keeps as XML (the presentation, core properties)."""
    return part._element  # type: ignore[attr-defined]


def add_relationship(rels: _Relationships, reltype: str, target: Part) -> str:
    """A new relationship from ``rels``' part to ``target``; its rId (no search for an existing one)."""
    return str(rels._add_relationship(reltype, target))


def append_slide_id(id_list: Any, slide_id: int, rid: str) -> None:
    """Add a slide to the end of the presentation's slide order (``p:sldId``)."""
    id_list._add_sldId(id=slide_id, rId=rid)


def chart_space(chart: Any) -> Any:
    """The ``c:chartSpace`` element behind a chart."""
    return chart._chartSpace


def table_element(table: Any) -> Any:
    """The ``a:tbl`` element behind a table."""
    return table._tbl


def set_blob(part: Part, blob: bytes) -> None:
    """Replace the serialised bytes of a part python-pptx keeps as bytes (app.xml, a theme)."""
    part._blob = blob


WorkbookMaker = Callable[[IO[bytes]], Any]
"""Makes the XlsxWriter ``Workbook`` a chart's data is written into, given the file to write."""


@functools.cache
def _chart_data_type() -> type[CategoryChartData]:
    """python-pptx's category chart data, writing into a workbook deckgen makes (its options,
    its date). Defined on first use: python-pptx's chart modules load XlsxWriter, which only a
    deck with a chart needs."""
    from pptx.chart.data import CategoryChartData
    from pptx.chart.xlsx import CategoryWorkbookWriter

    class WorkbookWriter(CategoryWorkbookWriter):
        def __init__(self, chart_data: CategoryChartData, make_workbook: WorkbookMaker) -> None:
            super().__init__(chart_data)  # type: ignore[no-untyped-call]
            self._make_workbook = make_workbook

        @contextmanager
        def _open_worksheet(self, xlsx_file: IO[bytes]) -> Iterator[tuple[Any, Any]]:
            workbook = self._make_workbook(xlsx_file)
            worksheet = workbook.add_worksheet()
            yield workbook, worksheet
            workbook.close()

        def _write_categories(self, workbook: Any, worksheet: Any) -> None:
            """python-pptx's column of categories, written in linear time: python-pptx looks
            each category up in the whole list (minutes for a few thousand)."""
            categories = self._chart_data.categories
            if categories.depth != 1:
                super()._write_categories(workbook, worksheet)  # type: ignore[no-untyped-call]
                return
            number_format = workbook.add_format({"num_format": categories.number_format})
            worksheet.set_column(0, 0, 10)  # as python-pptx: wide enough for a date
            for row, category in enumerate(categories, start=1):
                worksheet.write(row, 0, category.label, number_format)

    class ChartData(CategoryChartData):
        def __init__(self, make_workbook: WorkbookMaker, number_format: str) -> None:
            super().__init__(number_format=number_format)  # type: ignore[no-untyped-call]
            self._make_workbook = make_workbook

        @property
        def _workbook_writer(self) -> CategoryWorkbookWriter:
            return WorkbookWriter(self, self._make_workbook)

    return ChartData


def category_chart_data(make_workbook: WorkbookMaker, number_format: str = "General") -> CategoryChartData:
    """Empty category chart data whose embedded workbook ``make_workbook`` opens (python-pptx
    opens one with XlsxWriter's defaults, which turn some labels into formulas and links)."""
    make: Any = _chart_data_type()
    data: CategoryChartData = make(make_workbook, number_format)
    return data
