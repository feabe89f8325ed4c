"""Hostile input, round three: chart labels in the embedded workbook, and outline text in the guide.

- chart labels that look like formulas (``=WEBSERVICE(...)``, ``{=1+1}``, ``=cmd|' /C calc'!A0``)
  or links (``https://``, ``mailto:``, ``external:``) are written into the chart's workbook
  as text, verbatim: no formula Excel would run, no link
- a chart label that is a web address too long for Excel writes no library warning
"""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from tests.test_hostile import Hostile, assert_clean, deckgen

FORMULAS = ['=WEBSERVICE("http://127.0.0.1:9/x")', "{=1+1}", "=cmd|' /C calc'!A0", '=HYPERLINK("http://127.0.0.1:9","x")',
            "@SUM(1+1)", "+1+1", "-1+1"]
LINKS = ["https://example.org/a", "mailto:a@example.org", "external:c:\\x.xlsx", "ftp://example.org/f"]
LONG_URL = "https://example.org/" + "x" * 2100 + "\nerror: forged"
"""Past Excel's 2,079 characters for a link; it ends in a line that looks like deckgen's own error."""


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def chart_outline(categories: list[str], names: list[str]) -> str:
    """An outline of one point whose chart has these category labels and series names."""
    series = "".join(f"            - {{name: {_quoted(name)}, values: [{', '.join(['1'] * len(categories))}]}}\n"
                     for name in names)
    return ("title: T\nsections:\n  - title: S\n    points:\n      - claim: C\n        chart:\n          type: column\n"
            f"          categories: [{', '.join(map(_quoted, categories))}]\n          series:\n{series}"
            "          alt: A chart\n")


def _chart_outline(categories: list[str], names: list[str]) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        (folder / "in.yaml").write_text(chart_outline(categories, names), encoding="utf-8")
    return setup


CORPUS = [
    Hostile("chart-labels-that-look-like-formulas", _chart_outline(FORMULAS, FORMULAS[:2]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    Hostile("chart-labels-that-look-like-links", _chart_outline(LINKS, LINKS[:2]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
    Hostile("chart-label-a-web-address-too-long-for-excel", _chart_outline(["a", LONG_URL], [LONG_URL]),
            ("build", "in.yaml", "-o", "out"), 0, "built out/in.pptx"),
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_input_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    output = result.stdout + result.stderr
    assert result.returncode == case.exit_code, output
    assert case.message in output
    assert_clean(result, tmp_path)
    assert "Warning" not in output and "warn(" not in output, output  # no library warning, raw or not
    assert not re.search(r"^error: forged", output, re.M), output


# --------------------------------------------------------------------------- the chart's workbook


def _workbook(deck: Path) -> zipfile.ZipFile:
    """The workbook embedded in the deck's one chart."""
    with zipfile.ZipFile(deck) as package:
        embedded = [name for name in package.namelist() if name.startswith("ppt/embeddings/") and name.endswith(".xlsx")]
        assert len(embedded) == 1, embedded
        return zipfile.ZipFile(io.BytesIO(package.read(embedded[0])))


def _cell_texts(workbook: zipfile.ZipFile) -> list[str]:
    """The text of every cell that holds text, shared or inline, in sheet order."""
    from lxml import etree

    main = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    shared = [("".join(item.itertext())) for item in etree.fromstring(workbook.read("xl/sharedStrings.xml")).iter(f"{main}si")]
    sheet = etree.fromstring(workbook.read("xl/worksheets/sheet1.xml"))
    texts = []
    for cell in sheet.iter(f"{main}c"):
        if cell.get("t") == "s":
            texts.append(shared[int(cell.findtext(f"{main}v"))])
        elif cell.get("t") == "inlineStr":
            texts.append("".join(cell.find(f"{main}is").itertext()))
    return texts


@pytest.mark.parametrize("labels", [FORMULAS, LINKS, ["a", LONG_URL]], ids=["formulas", "links", "long-url"])
def test_chart_labels_are_text_in_the_workbook(labels: list[str], tmp_path: Path) -> None:
    _chart_outline(labels, labels[:2])(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    workbook = _workbook(tmp_path / "out" / "in.pptx")
    sheet = workbook.read("xl/worksheets/sheet1.xml")
    assert b"<f" not in sheet  # no formula, not even an array formula
    assert b"<hyperlink" not in sheet
    assert not [name for name in workbook.namelist() if name.startswith("xl/worksheets/_rels/")]  # no link to anywhere
    texts = _cell_texts(workbook)
    assert texts[:2] == labels[:2]  # the series names, verbatim
    assert texts[2:] == labels  # the categories, verbatim


def test_number_like_labels_stay_text_in_the_workbook(tmp_path: Path) -> None:
    _chart_outline(["2024", "1e5", "0x10"], ["42"])(tmp_path)
    assert deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path).returncode == 0
    assert _cell_texts(_workbook(tmp_path / "out" / "in.pptx")) == ["42", "2024", "1e5", "0x10"]


# --------------------------------------------------------------------------- library warnings


def test_a_library_warning_during_a_build_is_one_escaped_warning_line(
        runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from deckgen.cli import main
    from deckgen.render import charts

    monkeypatch.setattr(charts, "WORKBOOK_OPTIONS", {"in_memory": True})  # XlsxWriter's defaults: it warns on the label
    _chart_outline(["a", LONG_URL], ["s"])(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(main, ["build", "in.yaml", "-o", "out"])
    assert result.exit_code == 0, result.output
    warned = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    quoted = f"Ignoring URL '{LONG_URL}"[:200] + "…"  # cut short: the label goes on for 2,000 characters
    assert warned == [f"warning: in.yaml: a library warned (UserWarning): {quoted}"]
    assert not [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_a_warning_no_command_caught_is_one_escaped_line(monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    from deckgen.cli.main import _show_warning

    monkeypatch.setattr(warnings, "showwarning", _show_warning)  # as the deckgen command does
    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.warn("Ignoring 'x'\nerror: forged\x1b[2J", UserWarning)
    assert capsys.readouterr().err == "warning: a library warned (UserWarning): Ignoring 'x'\\nerror: forged\\x1b[2J\n"
