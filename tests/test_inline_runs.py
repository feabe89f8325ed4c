"""Word documents format outline text exactly as its slide does (one inline parser for both)."""

from __future__ import annotations

from deckgen.app.markdown import InlineRun, inline_runs
from deckgen.outline.inline import parse_inline


def test_runs_carry_strong_emphasis_code_and_links() -> None:
    assert inline_runs("**big** data and *organic* `code` [Sora](https://openai.com/sora)") == [
        InlineRun("big", strong=True), InlineRun(" data and "), InlineRun("organic", emphasis=True),
        InlineRun(" "), InlineRun("code", code=True), InlineRun(" "),
        InlineRun("Sora", href="https://openai.com/sora"),
    ]


def test_a_line_break_stays_a_line_break_and_stars_stay_literal() -> None:
    assert inline_runs("2 * 3\nR&D") == [InlineRun("2 * 3"), InlineRun("\n"), InlineRun("R&D")]


def test_the_runs_spell_the_text_a_slide_shows() -> None:
    text = "Some *argue* a **focus** on `big data` hindered [innovation](https://example.org)"
    assert "".join(run.text for run in inline_runs(text)) == parse_inline(text).text
