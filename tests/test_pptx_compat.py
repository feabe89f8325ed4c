"""The private python-pptx attributes deckgen relies on exist in the installed python-pptx.

deckgen reaches them only through ``deckgen.render.template.pptx_compat``; this test pins them to
the supported versions, so an upgrade that moves one fails here, by name, not deep in a build.
"""

from __future__ import annotations

import pptx
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.enum.chart import XL_CHART_TYPE
from pptx.util import Inches, lazyproperty
from xlsxwriter import Workbook  # type: ignore[import-untyped]

from deckgen.render.template import pptx_compat as compat


def test_the_installed_python_pptx_is_a_supported_version() -> None:
    major, minor = (int(part) for part in pptx.__version__.split(".")[:2])
    assert (major, minor) >= compat.SUPPORTED_VERSIONS and major == compat.SUPPORTED_VERSIONS[0]


def test_every_private_access_reaches_what_it_names() -> None:
    presentation = Presentation()
    layout = presentation.slide_layouts[1]
    slide = presentation.slides.add_slide(layout)
    assert compat.shape_tree(slide.shapes).tag.endswith("}spTree")
    assert compat.text_body(slide.placeholders[1].text_frame).tag.endswith("}txBody")
    assert compat.slide_id_list(presentation.slides).tag.endswith("}sldIdLst")
    assert compat.part_element(presentation.part).tag.endswith("}presentation")

    rels = compat.relationship_map(presentation.part.rels)
    rel = next(iter(rels.values()))
    assert compat.base_uri(rel) == "/ppt"
    assert compat.target_mode(rel) in ("Internal", "External")
    assert compat.raw_target(rel) is rel.target_part
    copied = compat.new_relationship(rel, rel.target_part)
    assert (copied.rId, copied.reltype, copied.target_part) == (rel.rId, rel.reltype, rel.target_part)
    assert compat.package_relationships(presentation.part.package)

    rid = compat.add_relationship(slide.part.rels, rel.reltype, rel.target_part)
    assert rid in compat.relationship_map(slide.part.rels)
    before = len(compat.slide_id_list(presentation.slides))
    compat.append_slide_id(compat.slide_id_list(presentation.slides), 999, rid)
    assert len(compat.slide_id_list(presentation.slides)) == before + 1

    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), data)
    assert compat.chart_space(frame.chart).tag.endswith("}chartSpace")
    opened: list[object] = []
    made = compat.category_chart_data(lambda file: opened.append(file) or Workbook(file, {"in_memory": True}))
    made.categories = ["a"]
    made.add_series("s", (1,))
    slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_CLUSTERED, 0, 0, Inches(4), Inches(3), made)
    assert len(opened) == 1  # the workbook deckgen makes is the one embedded
    for overridden in ("_open_worksheet", "_write_categories"):  # else the override would go unused
        assert callable(getattr(CategoryWorkbookWriter, overridden))
    assert isinstance(CategoryChartData.__dict__["_workbook_writer"], lazyproperty)
    table = slide.shapes.add_table(2, 2, 0, 0, Inches(4), Inches(2)).table
    assert compat.table_element(table).tag.endswith("}tbl")

    app = presentation.part.package.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties")
    compat.set_blob(app, b"<x/>")
    assert app.blob == b"<x/>"


def test_no_other_module_touches_python_pptx_privates() -> None:
    import re
    from pathlib import Path

    privates = re.compile(r"\.(_element|_spTree|_txBody|_rels|_blob|_sldIdLst|_base_uri|_target|_target_mode|"
                          r"_add_relationship|_add_sldId|_chartSpace|_tbl|_open_worksheet|_workbook_writer|_write_categories)\b|\b_Relationships?\b")
    package = Path(compat.__file__).resolve().parent.parent
    offenders = [
        f"{path.relative_to(package)}:{number}"
        for path in sorted(package.rglob("*.py")) if path.name != "pptx_compat.py" and path.parent.name != "app"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if privates.search(line)
    ]
    assert not offenders, f"python-pptx privates outside render/pptx_compat.py: {offenders}"
