"""Inline Markdown in slide strings: parsed into runs, measured per face, written as runs and links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes
from deckgen.errors import OutlineError
from deckgen.outline.inline import Inline, Span, link_problems, parse_inline, plain
from deckgen.outline.loader import load_outline
from deckgen.plan.measure import Area, Line, paragraph_height
from deckgen.plan.metrics import metrics_for
from deckgen.plan.runs import char_widths
from tests.deck_helpers import open_deck

OUTLINE = """\
title: Inline
sections:
  - title: Part
    points:
      - claim: The **bold** claim
        evidence:
          - "Read *the article* and the `code`, see [the source](https://example.org/a)"
          - A literal \\* star and snake_case and R&amp;D
"""


def test_markup_becomes_spans_of_the_visible_text() -> None:
    parsed = parse_inline("a **b** *c* `d*e` [f](https://x.org)")
    assert parsed.text == "a b c d*e f"
    assert parsed.spans == (
        Span(2, 3, bold=True), Span(4, 5, italic=True), Span(6, 9, code=True), Span(10, 11, link="https://x.org"),
    )


@pytest.mark.parametrize("text", ["2 * 3 * 4", "snake_case_name", "R&amp;D", "C:\\path", "plain words"])
def test_ordinary_text_stays_as_written(text: str) -> None:
    assert parse_inline(text) == Inline(text)


def test_escaped_star_is_literal() -> None:
    assert plain("a \\*b\\* c") == "a *b* c"


def test_sliced_markdown_reads_back_the_same_runs() -> None:
    parsed = parse_inline("one **two three** `four` [five](https://x.org) six\\*")
    part = parsed.sliced(4, 20)
    assert parse_inline(part.markdown()) == part


@pytest.mark.parametrize("target", ["file:///etc/passwd", "javascript:alert(1)", "slides.html"])
def test_only_web_and_mail_links_are_allowed(target: str) -> None:
    assert link_problems(f"[x]({target})")
    assert not link_problems("[x](https://x.org) [y](mailto:a@b.org) [z](http://x.org)")


def test_bold_and_code_runs_are_measured_wider() -> None:
    metrics = metrics_for("Calibri")
    widths = [sum(char_widths(parse_inline(text), metrics, 24)) for text in ("word word", "**word word**", "`word word`")]
    assert widths[0] < widths[1] < widths[2]
    area = Area(300, 1000)
    plain_height, code_height = (paragraph_height(Line(text), 24, area, metrics) for text in ("abcdefghij " * 10, "`abcdefghij` " * 10))
    assert plain_height < code_height


def test_runs_and_links_are_written(write_outline: Callable[..., Path]) -> None:
    deck = open_deck(deck_bytes(load_outline(write_outline(OUTLINE))))
    slide = next(s for s in deck.slides if s.shapes.title.text_frame.text == "The bold claim")
    title_runs = slide.shapes.title.text_frame.paragraphs[0].runs
    assert [r.text for r in title_runs] == ["The ", "bold", " claim"] and title_runs[1].font.bold
    body = next(s for s in slide.placeholders if s.placeholder_format.idx == 1)
    first, second = body.text_frame.paragraphs[:2]
    runs = {r.text: r for r in first.runs}
    assert runs["the article"].font.italic
    assert runs["code"].font.name == "Courier New"
    assert runs["the source"].hyperlink.address == "https://example.org/a"
    assert second.text == "A literal * star and snake_case and R&amp;D"


def test_a_bad_link_is_a_located_error(write_outline: Callable[..., Path]) -> None:
    path = write_outline(OUTLINE.replace("https://example.org/a", "file:///etc/passwd"))
    with pytest.raises(OutlineError) as caught:
        load_outline(path)
    problem = caught.value.problems[0]
    assert (problem.line, problem.location) == (7, "sections[0].points[0].evidence[0]")
    assert "links must start with https://" in problem.message


def test_a_formatted_paragraph_split_over_slides_keeps_its_runs_and_words(write_outline: Callable[..., Path]) -> None:
    words = " ".join(f"**word{i}** and *more{i}* with `code{i}`" for i in range(120))
    path = write_outline(f'title: T\nsections:\n  - title: S\n    points:\n      - claim: Long\n        evidence: ["{words}"]\n')
    deck = open_deck(deck_bytes(load_outline(path)))
    slides = [s for s in deck.slides if s.shapes.title.text_frame.text.startswith("Long")]
    assert len(slides) > 1
    paragraphs = [p for s in slides for shape in s.placeholders if shape.placeholder_format.idx == 1
                  for p in shape.text_frame.paragraphs]
    runs = [r for p in paragraphs for r in p.runs]
    text = " ".join(" ".join("".join(r.text for r in p.runs) for p in paragraphs).split())
    assert text == plain(words)
    assert all(r.font.bold for r in runs if r.text.startswith("word"))
    assert all(r.font.name == "Courier New" for r in runs if r.text.startswith("code"))
