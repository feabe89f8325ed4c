"""Fitting text to boxes: sizes shrink to the floor, then text splits; nothing is cut."""

from __future__ import annotations

from deckgen.fit import ABSOLUTE_MIN_PT, Area, Line, fit_block, split_to_fit, wrapped_line_count
from deckgen.metrics import metrics_for

CALIBRI = metrics_for("Calibri")


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


def test_unknown_fonts_are_measured_wider_than_calibri() -> None:
    assert metrics_for("Some Display Font").width_pt("Discussion", 20) > CALIBRI.width_pt("Discussion", 20)
