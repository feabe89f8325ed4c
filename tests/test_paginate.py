"""Paginating one slide: the box's own styles (bold titles, italic quotes, fonts) decide its sizes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from deckgen.plan.paginate import paginate
from deckgen.plan.profile import Box, LayoutSlots, Role, TemplateProfile, TextStyle
from deckgen.plan.slides import Paragraph, SlidePlan
from tests.plan_helpers import BODY_BOX, TITLE_BOX, profile

PATH = Path("guide.yaml")
TITLE = "Discussion questions for the whole seminar room"
TITLE_WIDTH = 700 * 12700 + 2 * 91440
ONE_LINE_HEIGHT = 50 * 12700 + 2 * 45720
"""700 pt by 50 pt of text, room for one line: the title fits at 34 pt in Calibri, 32 pt in Calibri bold, 30 pt in Arial."""


def _with_title_style(style: TextStyle, font: str | None = "Calibri") -> tuple[float, ...]:
    title = replace(TITLE_BOX, width=TITLE_WIDTH, height=ONE_LINE_HEIGHT, levels=(style,))
    base = profile()
    slots = {role: replace(slot, title=title) for role, slot in base.slots.items()}
    fitted, _ = paginate(SlidePlan(Role.CONTENT, TITLE), replace(base, slots=slots, heading_font=font), PATH)
    return tuple(slide.title_size or 0 for slide in fitted)


def test_a_bold_title_style_is_measured_bold() -> None:
    assert _with_title_style(TextStyle(bold=True)) == (32,)
    assert _with_title_style(TextStyle()) == (34,)


def test_a_wider_heading_font_gets_a_smaller_title() -> None:
    assert _with_title_style(TextStyle(), "Arial") == (30,)


def test_a_box_that_names_its_own_font_is_measured_in_it() -> None:
    assert _with_title_style(TextStyle(font="Arial"), "Calibri") == _with_title_style(TextStyle(), "Arial")


def test_bullets_that_fit_with_default_insets_split_when_the_template_margins_are_wide() -> None:
    body = tuple(Paragraph("A piece of evidence stated at length so that it wraps " * 2) for _ in range(8))
    draft = SlidePlan(Role.CONTENT, "Claim", body=body)
    wide = replace(BODY_BOX, levels=(TextStyle(margin_left=BODY_BOX.width // 2, space_before_pt=20),))
    base = profile()
    narrow = replace(base, slots={r: replace(s, body=wide) for r, s in base.slots.items()})
    plain = replace(base, slots={r: replace(s, body=replace(BODY_BOX, levels=(TextStyle(),))) for r, s in base.slots.items()})
    assert len(paginate(draft, plain, PATH)[0]) == 1
    assert len(paginate(draft, narrow, PATH)[0]) > 1


def test_quotes_are_measured_italic_in_their_own_box() -> None:
    aside = Box(0, 0, 3_000_000, 1_000_000, levels=(TextStyle(),))
    base = profile()
    slots = dict(base.slots)
    slots[Role.QUOTE] = LayoutSlots("Quote", TITLE_BOX, BODY_BOX, aside)
    draft = SlidePlan(Role.QUOTE, "Claim", body=(Paragraph("Evidence"),),
                      aside=(Paragraph("“" + "pouring cold water " * 6 + "”", style="quote"),))
    fitted, _ = paginate(draft, replace(base, slots=slots), PATH)
    assert fitted[0].aside_size is not None and fitted[0].aside_size < 26


# --- text too long for its box: never cut, never silently overflowing ----------------

WORDS = " ".join(f"word{i}" for i in range(400))


def _words(slides: list[SlidePlan]) -> list[str]:
    return [w for slide in slides for p in slide.body + slide.aside for w in p.text.replace("“", "").replace("”", "").split()]


def test_a_quote_too_long_for_its_box_joins_the_body_and_continues() -> None:
    draft = SlidePlan(Role.QUOTE, "A claim", (Paragraph("Evidence"),), aside=(Paragraph(WORDS, style="quote"),))
    slides, lints = paginate(draft, profile(), PATH)
    assert all(not slide.aside for slide in slides)
    assert len(slides) > 1
    assert _words(slides) == ["Evidence", *WORDS.split()]
    assert not any("overflows" in lint.message for lint in lints)


def test_a_paragraph_longer_than_a_slide_continues_on_cont_slides() -> None:
    draft = SlidePlan(Role.CONTENT, "A claim", (Paragraph("First"), Paragraph(WORDS), Paragraph("Last")))
    slides, lints = paginate(draft, profile(), PATH)
    assert len(slides) > 2
    assert _words(slides) == ["First", *WORDS.split(), "Last"]
    assert all(slide.body_size >= 14 for slide in slides)
    assert lints == []


def test_a_title_that_cannot_fit_at_all_is_reported_as_overflowing() -> None:
    slides, lints = paginate(SlidePlan(Role.CONTENT, WORDS), profile(), PATH)
    assert slides[0].title == WORDS
    assert any("does not fit its box even at 10 pt and overflows it" in lint.message for lint in lints)


def test_without_a_meta_box_a_questions_kind_and_minutes_head_every_slide() -> None:
    follow_ups = tuple(Paragraph(f"Follow-up question number {i} that is asked in the room?") for i in range(25))
    draft = SlidePlan(Role.QUESTION, "Why?", follow_ups, aside=(Paragraph("Analysis · 3 min", style="meta"),))
    slides, _ = paginate(draft, profile(with_aside=False), PATH)
    assert len(slides) > 1
    assert all(slide.body[0].text == "Analysis · 3 min" for slide in slides)
    assert [p.text for s in slides for p in s.body[1:]] == [p.text for p in follow_ups]


def test_text_running_over_a_picture_slide_continues_at_full_width() -> None:
    from deckgen.outline.model import Image

    bullets = tuple(Paragraph(f"Bullet {i} with enough words to wrap inside half a slide width") for i in range(14))
    draft = SlidePlan(Role.PICTURE, "A picture claim", bullets, image=Image(Path("chart.png"), "A chart"), notes="Say this.")
    slides, _ = paginate(draft, profile(), PATH)
    assert [s.role for s in slides] == [Role.PICTURE] + [Role.CONTENT] * (len(slides) - 1)
    assert slides[0].image is not None and all(s.image is None for s in slides[1:])
    assert [s.title for s in slides[1:]] == ["A picture claim (cont.)"] * (len(slides) - 1)
    assert slides[1].notes == "Continued from 'A picture claim'."
    assert [p.text for s in slides for p in s.body] == [p.text for p in bullets]


# --- type designed across the deck -------------------------------------------------------

from deckgen.plan.fit import TOP_THIRD  # noqa: E402
from deckgen.plan.measure import Area, Line, paragraph_height, space_before  # noqa: E402
from deckgen.plan.metrics import metrics_for  # noqa: E402
from deckgen.plan.paginate import paginate_deck  # noqa: E402

SHORT = "Sora exposes a gap"
TWO_LINES = "China made substantial strides in recognition and language, not in text-to-video"
TOO_LONG = " ".join([TWO_LINES] * 3)


def _titled_profile() -> TemplateProfile:
    """Title boxes 97 pt high, no paragraph spacing: two lines fit at 36 pt."""
    base = profile()
    title = replace(TITLE_BOX, levels=(TextStyle(),))
    return replace(base, slots={role: replace(slot, title=title) for role, slot in base.slots.items()})


def _titles(*claims: str) -> set[float]:
    drafts = [SlidePlan(Role.CONTENT, claim, (Paragraph("Evidence"),)) for claim in claims]
    slides, _ = paginate_deck(drafts, _titled_profile(), PATH)
    return {slide.title_size for slide in slides}


def test_all_point_slides_share_one_title_size() -> None:
    assert len(_titles(SHORT, TWO_LINES, "A claim of middling length, neither short nor long")) == 1


def test_a_long_claim_wraps_to_two_lines_before_the_decks_titles_shrink() -> None:
    assert _titles(SHORT) == _titles(SHORT, TWO_LINES) == {36}


def test_a_claim_that_cannot_fit_two_lines_shrinks_every_point_title() -> None:
    assert _titles(SHORT, TWO_LINES, TOO_LONG[:120]) == {32}


def test_a_claim_too_long_for_two_lines_at_the_floor_takes_three_before_shrinking_further() -> None:
    assert _titles(SHORT, TOO_LONG[:220]) == {24}


def test_question_prompts_share_their_own_size_apart_from_point_titles() -> None:
    drafts = [SlidePlan(Role.CONTENT, SHORT, (Paragraph("Evidence"),)),
              SlidePlan(Role.QUESTION, "Why?"), SlidePlan(Role.QUESTION, TOO_LONG[:220])]
    slides, _ = paginate_deck(drafts, _titled_profile(), PATH)
    assert slides[0].title_size == 36
    assert slides[1].title_size == slides[2].title_size < 36


def _text_end(slide: SlidePlan) -> float:
    """Where a fitted slide's body text ends, as a share of its box's height."""
    box = profile().slots[slide.role].body
    assert box is not None
    area = Area(box.text_width_pt, box.text_height_pt, box.levels)
    metrics = metrics_for("Calibri")
    lines = [Line(p.text, p.level, p.style == "bullet") for p in slide.body]
    used = sum(paragraph_height(line, slide.body_size, area, metrics) for line in lines)
    tops = [line for line in lines[1:] if line.level == 0]
    if slide.paragraph_space:
        used += sum(slide.paragraph_space - space_before(line, slide.body_size, area) for line in tops)
    if slide.centred:
        return (area.height + used) / 2 / area.height
    return used / area.height


def test_short_point_text_grows_to_the_ceiling_and_ends_below_the_top_third() -> None:
    for count in (1, 2, 3):
        draft = SlidePlan(Role.CONTENT, SHORT, tuple(Paragraph(f"Short bullet {i}") for i in range(count)))
        slide = paginate(draft, profile(), PATH)[0][0]
        assert slide.body_size == profile().sizes.body_ceiling == 28
        assert _text_end(slide) > TOP_THIRD
        assert _text_end(slide) <= 1.0


def test_three_short_bullets_are_spread_rather_than_centred() -> None:
    draft = SlidePlan(Role.CONTENT, SHORT, tuple(Paragraph(f"Short bullet {i}") for i in range(3)))
    slide = paginate(draft, profile(), PATH)[0][0]
    assert slide.paragraph_space > 10 and not slide.centred


def test_full_slides_are_not_spread() -> None:
    body = tuple(Paragraph("A piece of evidence stated at some length so that it wraps onto a second line") for _ in range(6))
    slide = paginate(SlidePlan(Role.CONTENT, SHORT, body), profile(), PATH)[0][0]
    assert slide.paragraph_space == 0 and not slide.centred


def test_a_short_quote_grows_to_fill_its_panel() -> None:
    panel = Box(0, 0, 3_600_000, 3_200_000, levels=(TextStyle(),))
    base = profile()
    quote_profile = replace(base, slots={**base.slots, Role.QUOTE: LayoutSlots("Quote", TITLE_BOX, BODY_BOX, panel)})
    draft = SlidePlan(Role.QUOTE, SHORT, (Paragraph("Evidence"),),
                      aside=(Paragraph("“pouring cold water”", style="quote"), Paragraph("— the article", style="attribution")))
    slide = paginate(draft, quote_profile, PATH)[0][0]
    assert slide.aside_size > profile().sizes.body_ceiling


def test_a_short_quote_that_still_leaves_its_panel_half_empty_is_centred_in_it() -> None:
    panel = Box(0, 0, 3_600_000, 5_000_000, levels=(TextStyle(),))
    base = profile()
    quote_profile = replace(base, slots={**base.slots, Role.QUOTE: LayoutSlots("Quote", TITLE_BOX, BODY_BOX, panel)})
    short = SlidePlan(Role.QUOTE, SHORT, (Paragraph("Evidence"),), aside=(Paragraph("“No.”", style="quote"),))
    long = replace(short, aside=(Paragraph("“" + "pouring cold water " * 12 + "”", style="quote"),))
    assert paginate(short, quote_profile, PATH)[0][0].aside_centred
    assert not paginate(long, quote_profile, PATH)[0][0].aside_centred


def test_point_text_stays_smaller_than_the_decks_point_titles() -> None:
    low_title = replace(TITLE_BOX, height=40 * 12700, levels=(TextStyle(),))  # one line of at most ~30 pt
    base = profile()
    small = replace(base, slots={role: replace(slot, title=low_title) for role, slot in base.slots.items()})
    drafts = [SlidePlan(Role.CONTENT, "A claim long enough that it must shrink to stay on its one line", (Paragraph("Short"),)),
              SlidePlan(Role.QUOTE, "Short", (Paragraph("Short"),), aside=(Paragraph("“No.”", style="quote"),))]
    slides, _ = paginate_deck(drafts, small, PATH)
    title = slides[0].title_size
    assert {s.title_size for s in slides} == {title} and title < 28
    assert all(s.body_size <= round(title * 0.82) for s in slides)
    assert slides[1].aside_size <= title


# --- no fragments: what belongs together stays on one slide --------------------------

SHORT_BODY = replace(BODY_BOX, height=150 * 12700)
"""Room for five paragraphs of body text at the floor (14 pt, with the default space between)."""


def _short_profile() -> TemplateProfile:
    base = profile(with_aside=False)
    return replace(base, slots={role: replace(slot, body=SHORT_BODY) for role, slot in base.slots.items()})


def test_the_title_slides_text_never_continues() -> None:
    lines = tuple(Paragraph(f"Line {i} of the title slide", style="plain") for i in range(8))
    slides, _ = paginate(SlidePlan(Role.TITLE, "A deck", lines), _short_profile(), PATH)
    assert [s.title for s in slides] == ["A deck"]
    assert [p.text for p in slides[0].body] == [p.text for p in lines]


def test_a_quotation_and_its_attribution_stay_on_one_slide() -> None:
    for count in range(1, 12):
        evidence = tuple(Paragraph(f"Evidence bullet number {i}") for i in range(count))
        quote = (Paragraph("“A quotation of some length”", style="quote"), Paragraph("— Someone", style="attribution"))
        slides, _ = paginate(SlidePlan(Role.CONTENT, "A claim", evidence + quote), _short_profile(), PATH)
        holding = [s for s in slides if any(p.style in ("quote", "attribution") for p in s.body)]
        assert len(holding) == 1, count
        assert [p.style for p in holding[0].body][-2:] == ["quote", "attribution"]


def test_a_long_agenda_is_set_in_two_columns_rather_than_continued() -> None:
    rows = tuple(Paragraph(f"Part {i} — 5 min") for i in range(8))
    slides, _ = paginate(SlidePlan(Role.AGENDA, "Agenda", rows), _short_profile(), PATH)
    assert len(slides) == 1
    assert slides[0].columns == 2
    assert slides[0].body_size >= _short_profile().sizes.min_body


def test_a_votes_options_stay_with_their_prompt_in_two_columns() -> None:
    options = tuple(Paragraph(f"{letter}. Option", style="plain") for letter in "ABCDEFG")
    draft = SlidePlan(Role.QUESTION, "Which?", options + (Paragraph("Why?"),))
    slides, _ = paginate(draft, _short_profile(), PATH)
    assert len(slides) == 1
    assert slides[0].columns == 2


def test_an_agenda_two_columns_cannot_hold_continues_at_the_floor() -> None:
    rows = tuple(Paragraph(f"Part {i} of a very long session with a long name — 5 min") for i in range(40))
    slides, _ = paginate(SlidePlan(Role.AGENDA, "Agenda", rows), _short_profile(), PATH)
    assert len(slides) > 1
    assert all(s.columns == 1 for s in slides)
    assert [p.text for s in slides for p in s.body] == [p.text for p in rows]
