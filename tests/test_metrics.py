"""Font metrics: bundled tables of the metric-compatible fonts, a wide fallback, CJK full width."""

from __future__ import annotations

import json
import string
from pathlib import Path

import pytest

from deckgen.plan.metrics import (EAST_ASIAN_LINE_EM, SINGLE_LINE_EM, WIDTH_MARGIN, metrics_for,
                             table_for)

DATA = Path(__file__).resolve().parent.parent / "deckgen" / "plan" / "data" / "metrics"
TABLES = ("carlito", "caladea", "liberation-sans", "liberation-serif", "liberation-mono")
SAMPLES = ("The quick brown fox jumps over the lazy dog", "WWW MMM", "illicit", "0123456789 %&@")


@pytest.mark.parametrize(("family", "table"), [
    ("Calibri", "carlito"), ("Cambria", "caladea"), ("Arial", "liberation-sans"), ("Helvetica", "liberation-sans"),
    ("Times New Roman", "liberation-serif"), ("Courier New", "liberation-mono"), (" ARIAL ", "liberation-sans"),
    ("Carlito", "carlito"), ("Liberation Sans", "liberation-sans"),
])
def test_office_fonts_are_measured_with_their_metric_compatible_twins(family: str, table: str) -> None:
    assert table_for(family) == table
    assert metrics_for(family).table == table


def test_widths_are_the_fonts_advance_widths() -> None:
    calibri = metrics_for("Calibri")
    # Carlito (= Calibri): 'a' advances 981 and 'M' 1751 of 2048 units per em
    assert calibri.width_pt("a", 2048) == pytest.approx(981 * WIDTH_MARGIN)
    assert calibri.width_pt("M", 2048) == pytest.approx(1751 * WIDTH_MARGIN)
    courier = metrics_for("Courier New")
    assert courier.width_pt("iiii", 10) == pytest.approx(courier.width_pt("MMMM", 10))


def test_bold_is_wider_than_regular() -> None:
    for family in ("Calibri", "Cambria", "Arial"):
        metrics = metrics_for(family)
        assert metrics.width_pt(SAMPLES[0], 20, bold=True) > metrics.width_pt(SAMPLES[0], 20)


def test_arial_is_wider_than_calibri() -> None:
    assert metrics_for("Arial").width_pt(SAMPLES[0], 20) > 1.05 * metrics_for("Calibri").width_pt(SAMPLES[0], 20)


@pytest.mark.parametrize("text", SAMPLES)
@pytest.mark.parametrize("bold", [False, True])
def test_unknown_fonts_are_measured_wider_than_every_known_proportional_font(text: str, bold: bool) -> None:
    unknown = metrics_for("Some Display Font")
    assert unknown.table == "fallback"
    for family in ("Calibri", "Cambria", "Arial", "Times New Roman"):
        assert unknown.width_pt(text, 20, bold=bold) > metrics_for(family).width_pt(text, 20, bold=bold)


def test_no_font_name_gets_the_fallback() -> None:
    assert metrics_for(None).table == "fallback"
    assert metrics_for("").table == "fallback"


def test_cjk_characters_are_one_em_wide_in_every_font() -> None:
    for family in ("Calibri", "Cambria", "Unknown Sans"):
        assert metrics_for(family).width_pt("中文字体", 10) == pytest.approx(40 * WIDTH_MARGIN)
        assert metrics_for(family).width_pt("かなカナ한글", 10) == pytest.approx(60 * WIDTH_MARGIN)


def test_quotes_and_dashes_are_full_width_in_east_asian_text() -> None:
    calibri = metrics_for("Calibri")
    assert calibri.width_pt("“”", 10) < 10
    assert calibri.width_pt("“”", 10, east_asian=True) == pytest.approx(20 * WIDTH_MARGIN)


def test_combining_marks_take_no_width_and_other_scripts_are_measured_wide() -> None:
    calibri = metrics_for("Calibri")
    assert calibri.width_pt("e\u0301", 10) == pytest.approx(calibri.width_pt("e", 10))
    assert calibri.width_pt("ก", 10) >= 0.5 * 10


def test_letter_spacing_adds_to_every_character() -> None:
    calibri = metrics_for("Calibri")
    spaced = calibri.width_pt("ANALYSIS", 16, spacing_pt=2)
    assert spaced == pytest.approx(calibri.width_pt("ANALYSIS", 16) + 16 * WIDTH_MARGIN)


def test_lines_are_at_least_1_2_em_apart_and_cjk_lines_more() -> None:
    for family in ("Calibri", "Cambria", "Arial", "Times New Roman", "Courier New", "Unknown"):
        metrics = metrics_for(family)
        assert metrics.line_pitch_pt(20) >= SINGLE_LINE_EM * 20
        assert metrics.line_pitch_pt(20, east_asian=True) >= EAST_ASIAN_LINE_EM * 20
    # Carlito's own line (ascent 1536 + descent 512 + gap 452 of 2048) is a little taller than 1.2 em
    assert metrics_for("Calibri").line_pitch_pt(2048) == pytest.approx(2500)


@pytest.mark.parametrize("table", TABLES)
def test_bundled_tables_cover_latin_text_and_punctuation(table: str) -> None:
    data = json.loads((DATA / f"{table}.json").read_text(encoding="ascii"))
    assert set(data["styles"]) == {"regular", "bold", "italic", "bold-italic"}
    for style in data["styles"].values():
        covered = {first + i for first, widths in style["widths"] for i in range(len(widths))}
        wanted = set(string.ascii_letters + string.digits + string.punctuation + " ") | set("éüñçß–—‘’“”…•€©")
        assert {ord(c) for c in wanted} <= covered


def test_bundled_tables_are_compact() -> None:
    assert sum(path.stat().st_size for path in DATA.glob("*.json")) < 200_000
