"""Inline Markdown in slide strings: parsed into runs, measured per face, written as runs and links."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pptx.oxml.ns import qn

from deckgen.app.build import deck_bytes
from deckgen.errors import OutlineError
from deckgen.outline.inline import (
    MAX_LINKS,
    MAX_MARKS,
    Inline,
    Span,
    count_marks,
    link_problems,
    markup_problems,
    parse_inline,
    plain,
)
from deckgen.outline.loader import load_outline
from deckgen.plan.measure import Area, Line, paragraph_height
from deckgen.plan.metrics import WIDTH_MARGIN, metrics_for
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


# --------------------------------------------------------------------------- bounds on work


def _stock_tokens(source: str) -> list[tuple[str, str, object]]:
    """markdown-it's own tokens for ``source`` (its own text-joining rules), as deckgen configures it."""
    from markdown_it import MarkdownIt

    stock = MarkdownIt("zero").enable(["emphasis", "backticks", "link", "autolink", "escape"])
    stock.validateLink = lambda url: True  # type: ignore[method-assign]
    return [(t.type, t.content, t.attrs) for block in stock.parseInline(source) for t in block.children or []]


def _our_tokens(source: str) -> list[tuple[str, str, object]]:
    from deckgen.outline.inline import _parser

    return [(t.type, t.content, t.attrs) for block in _parser().parseInline(source) for t in block.children or []]


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="*_`[]()<>\\!-: ab\u00e9", max_size=60))
def test_linear_text_rules_give_markdown_its_own_tokens(source: str) -> None:
    assert _our_tokens(source) == _stock_tokens(source)


def test_linear_text_rules_agree_on_texts_past_a_pending_chunk() -> None:
    source = ("a-b: " * 2000 + "*x* [l](https://x.org) ") * 3 + "\\* `c` <https://y.org> _u_"
    assert _our_tokens(source) == _stock_tokens(source)


def test_many_unmatched_stars_parse_in_memory_linear_in_the_text() -> None:
    tracemalloc.start()
    try:
        parsed = parse_inline("*a " * 20_000)
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert parsed.text == "*a " * 20_000
    assert peak < 64 * 1024 * 1024  # markdown-it's own joining kept every prefix: over 1 GB here


def test_each_character_is_measured_in_its_own_span() -> None:
    inline = parse_inline("a **b** c `d` " * 300 + "[e](https://x.org)")
    metrics = metrics_for("Calibri")
    widths = char_widths(inline, metrics, 20.0)
    code = metrics_for("Courier New")
    for index in (0, 2, 4, 6, len(inline.text) - 1):
        span = next((s for s in inline.spans if s.start <= index < s.end), None)
        face = (code if span is not None and span.code else metrics).face(bool(span and span.bold), False)
        assert widths[index] == pytest.approx((face.char_em(inline.text[index], False) * 20.0) * WIDTH_MARGIN)


def test_marks_are_counted_before_anything_is_parsed() -> None:
    assert count_marks("a **b** `c` [d](https://x.org) \\* <e> snake_case") == 12
    assert markup_problems("*" * MAX_MARKS) == []
    assert markup_problems("*" * (MAX_MARKS + 1)) == [
        f"has {MAX_MARKS + 1:,} Markdown marks (* _ ` [ ] < \\); a text may have at most {MAX_MARKS:,}; "
        "split it into several texts"]


@pytest.mark.parametrize("link", ["[l](https://x.org) ", "<https://x.org> ", "[**l** *m*](https://x.org) "])
def test_links_are_counted_one_each_whatever_their_formats(link: str) -> None:
    assert markup_problems(link * MAX_LINKS) == []
    assert markup_problems(link * (MAX_LINKS + 1)) == [
        f"has {MAX_LINKS + 1} links; a text may have at most {MAX_LINKS}; split it into several texts, "
        "or list the sources under references"]


def test_links_past_the_mark_limit_are_reported_as_links() -> None:
    assert markup_problems("[l](https://x.org) " * 3000)[0].startswith("has 3,000 links; a text may have at most 100")


def _parsed_by_markdown_it(source: str) -> Inline:
    """``source`` read by markdown-it itself (what the shortcut for ``**text**`` must match)."""
    from deckgen.outline import inline

    state = inline._State([], [])
    for block in inline._parser().parseInline(source):
        inline._walk(block.children or [], state)
    return Inline("".join(state.text), inline._merged(state.spans))


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=16))
def test_a_wholly_strong_text_reads_as_markdown_it_reads_it(inner: str) -> None:
    source = f"**{inner}**"
    parse_inline.cache_clear()
    assert parse_inline(source) == _parsed_by_markdown_it(source)
