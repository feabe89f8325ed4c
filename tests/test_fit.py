"""Fitting text to boxes: sizes shrink to the floor, then text splits; nothing is cut."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from deckgen.plan import fit
from deckgen.plan.fit import ABSOLUTE_MIN_PT, Cell, Request, fit_block, fit_text, split_to_fit
from deckgen.plan.linebreak import break_points, wrapped_line_count
from deckgen.plan.measure import Area, Line, fitting_count, paragraph_height
from deckgen.plan.metrics import metrics_for
from deckgen.plan.profile import Box, TextStyle

CALIBRI = metrics_for("Calibri")
PLAIN = (TextStyle(),)


def test_short_text_keeps_the_largest_size() -> None:
    fit = fit_block([Line("Short bullet")], Area(800, 300), 24, 14, CALIBRI)
    assert (fit.size, fit.count) == (24, 1)


def test_longer_text_shrinks_but_not_below_the_floor() -> None:
    lines = [Line("word " * 30) for _ in range(6)]
    fit = fit_block(lines, Area(800, 340), 24, 14, CALIBRI)
    assert 14 <= fit.size < 24


def test_text_too_long_for_one_box_is_split_and_every_line_kept() -> None:
    lines = [Line(f"bullet {i} " + "word " * 25) for i in range(30)]
    chunks = split_to_fit(lines, Area(800, 340), 24, 14, CALIBRI)
    assert len(chunks) > 1
    assert sum(c.count for c in chunks) == len(lines)
    assert len({c.size for c in chunks}) == 1


def test_one_enormous_paragraph_shrinks_below_the_floor_instead_of_being_cut() -> None:
    fit = fit_block([Line("word " * 600)], Area(800, 340), 24, 14, CALIBRI)
    assert fit.count == 1
    assert ABSOLUTE_MIN_PT <= fit.size < 14


def test_chinese_text_wraps_between_characters() -> None:
    text = "中国人工智能的发展面临新的挑战" * 4
    assert wrapped_line_count(text, 300, 20, CALIBRI) >= 4


def test_chinese_text_is_measured_full_width() -> None:
    # 60 ideographs at 20 pt are 1200 pt: five lines of 250 pt (12 characters each)
    assert wrapped_line_count("中" * 60, 250, 20, CALIBRI) == 5


def test_cjk_punctuation_does_not_start_a_line_and_brackets_do_not_end_one() -> None:
    tokens = list(break_points("发展，面临（新的）挑战。"))
    assert tokens == ["发", "展，", "面", "临", "（新", "的）", "挑", "战。"]


def test_latin_words_in_chinese_text_stay_whole() -> None:
    assert list(break_points("使用Sora模型")) == ["使", "用", "Sora", "模", "型"]


def test_words_wrap_at_spaces_with_real_widths() -> None:
    text = "The quick brown fox jumps over the lazy dog"
    width = CALIBRI.width_pt(text, 20)
    assert wrapped_line_count(text, width + 1, 20, CALIBRI) == 1
    assert wrapped_line_count(text, width - 5, 20, CALIBRI) == 2


def test_a_word_longer_than_the_line_breaks_anywhere() -> None:
    word = "x" * 100
    lines = wrapped_line_count(word, 100, 20, CALIBRI)
    whole_lines = -(-CALIBRI.width_pt(word, 20) // 100)
    assert whole_lines <= lines <= whole_lines + 1  # characters are not split


def test_bold_text_wraps_sooner_than_regular() -> None:
    text = "Discussion questions for the seminar room"
    assert wrapped_line_count(text, 255, 36, CALIBRI, bold=True) > wrapped_line_count(text, 255, 36, CALIBRI)


def test_bullet_levels_use_the_templates_margins() -> None:
    text = "word " * 40
    narrow = Area(600, 400, (TextStyle(margin_left=914400 * 4),))  # 4 in = 288 pt margin
    assert paragraph_height(Line(text), 20, narrow, CALIBRI) > paragraph_height(Line(text), 20, Area(600, 400, PLAIN), CALIBRI)
    # a plain paragraph starts at the box edge whatever the bullet margin
    assert paragraph_height(Line(text, indented=False), 20, narrow, CALIBRI) == paragraph_height(
        Line(text, indented=False), 20, Area(600, 400, PLAIN), CALIBRI)


def test_paragraph_height_is_lines_times_pitch_plus_spacing() -> None:
    pitch = CALIBRI.line_pitch_pt(20)
    assert paragraph_height(Line("one line"), 20, Area(600, 400, PLAIN), CALIBRI) == pitch
    spaced = Area(600, 400, (TextStyle(space_before_pt=10, space_after_lines=0.5),))
    assert paragraph_height(Line("one line"), 20, spaced, CALIBRI) == 10 + pitch + 0.5 * 1.2 * 20


def test_reduced_line_spacing_shortens_lines_after_the_first() -> None:
    text = "word " * 60
    normal = paragraph_height(Line(text, indented=False), 36, Area(400, 900, PLAIN), CALIBRI)
    tight = paragraph_height(Line(text, indented=False), 36, Area(400, 900, (TextStyle(line_spacing=0.9),)), CALIBRI)
    lines = wrapped_line_count(text, 400, 36, CALIBRI)
    assert tight == normal - (lines - 1) * 0.1 * CALIBRI.line_pitch_pt(36)


def test_cjk_lines_are_taller() -> None:
    latin = paragraph_height(Line("word"), 20, Area(600, 400, PLAIN), CALIBRI)
    assert paragraph_height(Line("中文"), 20, Area(600, 400, PLAIN), CALIBRI) > latin


def test_capitals_and_letter_spacing_widen_text() -> None:
    text = "analysis · ten minutes " * 3
    plain = Area(300, 400, PLAIN)
    styled = Area(300, 400, (TextStyle(caps=True, letter_spacing_pt=2),))
    assert paragraph_height(Line(text), 16, styled, CALIBRI) > paragraph_height(Line(text), 16, plain, CALIBRI)


def test_boxes_lose_their_insets() -> None:
    box = Box(0, 0, 127000, 127000, inset_left=12700, inset_top=0, inset_right=25400, inset_bottom=38100)
    assert (box.text_width_pt, box.text_height_pt) == (7, 7)


def test_exactly_full_box_fits_and_one_point_less_does_not() -> None:
    lines = [Line("a bullet", indented=False)] * 3
    height = sum(paragraph_height(line, 20, Area(600, 1000, PLAIN), CALIBRI) for line in lines)
    assert fitting_count(lines, 20, Area(600, height, PLAIN), CALIBRI) == 3
    assert fitting_count(lines, 20, Area(600, height - 1, PLAIN), CALIBRI) == 2


def test_latin_next_to_cjk_is_measured_with_the_renderers_autospace() -> None:
    from deckgen.plan.linebreak import AUTOSPACE_EM

    mixed = "Dhumal，原文" * 6
    size = 20
    plain_width = CALIBRI.width_pt(mixed, size, east_asian=True)
    # a box just wide enough for the characters alone: the gaps push the text to a second line
    assert wrapped_line_count(mixed, plain_width + 1, size, CALIBRI) == 2
    assert wrapped_line_count(mixed, plain_width + 12 * AUTOSPACE_EM * size, size, CALIBRI) == 1
    assert wrapped_line_count("原文" * 10, CALIBRI.width_pt("原文" * 10, size, east_asian=True) + 1, size, CALIBRI) == 1


def test_a_bullet_kept_whole_shrinks_where_it_would_otherwise_be_cut() -> None:
    long = (Line("word " * 600),)
    whole = fit_text(Request(long, Area(800, 340), 24, 14, CALIBRI, cut_long=False))
    assert [block.lines for block in whole] == [long]
    assert ABSOLUTE_MIN_PT <= whole[0].size < 14
    assert len(fit_text(Request(long, Area(800, 340), 24, 14, CALIBRI))) > 1


def test_a_table_cell_is_measured_on_one_line_by_its_widest_word_and_wrapped() -> None:
    text = "a much longer description of the item"
    alone = fit_text(Cell(text, 18, CALIBRI))
    assert alone.width == pytest.approx(CALIBRI.width_pt(text, 18))
    assert alone.widest_word == pytest.approx(CALIBRI.width_pt("description", 18))
    assert alone.height == 0
    narrow, wide = (fit_text(Cell(text, 18, CALIBRI, wrap=width)).height for width in (100, alone.width + 1))
    assert narrow > wide > 0
    assert fit_text(Cell(text, 18, CALIBRI, bold=True)).width > alone.width


FITTING = {"fit", "linebreak", "measure", "long_paragraphs"}
"""The fitting modules: the rest of the planner reaches them through :func:`fit_text` alone."""


def _imports(module: Path) -> Iterator[tuple[str, set[str]]]:
    """Each module ``module`` imports (lazily too), with the names it takes from it."""
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            yield node.module, {alias.name for alias in node.names}
        elif isinstance(node, ast.Import):
            yield from ((alias.name, set()) for alias in node.names)


def test_the_rest_of_the_planner_fits_text_through_fit_text_alone() -> None:
    internals = {f"deckgen.plan.{name}" for name in FITTING - {"fit"}}
    for module in sorted(p for p in Path(fit.__file__).parent.glob("*.py") if p.stem not in FITTING):
        for imported, names in _imports(module):
            assert imported not in internals, f"{module.name} imports {imported}"
            if imported == "deckgen.plan.fit":
                assert names <= set(fit.__all__), f"{module.name} takes {names - set(fit.__all__)} from fit.py"
