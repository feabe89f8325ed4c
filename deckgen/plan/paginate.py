"""Fit one planned slide to its layout: font sizes, and "(cont.)" slides for overflow.

Text is never cut: it is shrunk down to the template's floor, then split over
continuation slides that repeat the title. Anything shrunk below the floor (one single
paragraph too long for an empty slide) is reported as a lint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from deckgen.errors import Problem
from deckgen.plan.fit import (
    Area,
    Fit,
    Line,
    fit_block,
    fitting_count,
    paragraph_height,
    split_paragraph,
    split_to_fit,
)
from deckgen.plan.labels import ENGLISH, Labels
from deckgen.plan.metrics import FontMetrics, metrics_for
from deckgen.plan.profile import Box, Role, Sizes, TemplateProfile
from deckgen.plan.slides import Paragraph, SlidePlan

_FALLBACK_BOX = Box(838200, 1600200, 10515600, 4351338)
"""Used only when a layout has no box at all for a text (a synthesised content area)."""
_REFERENCE_FLOOR_PT = 12.0
_META_PT = 16.0
_MARKED_PROMPT_SCALE = 1.2
"""How much larger than an ordinary title a question's prompt starts where deckgen marks questions."""


def _title_range(role: Role, sizes: Sizes) -> tuple[float, float]:
    """Largest and floor size of a role's title, in points."""
    scale = {Role.TITLE: 1.25, Role.SECTION: 1.15, Role.THESIS: 0.75}.get(role, 1.0)
    largest = round(sizes.title * scale)
    return largest, min(sizes.min_title, largest)


def _body_range(role: Role, sizes: Sizes) -> tuple[float, float]:
    """Largest and floor size of a role's body text, in points."""
    if role is Role.THESIS:
        return sizes.body + 4, sizes.min_body
    if role is Role.TITLE:
        return round(sizes.body * 0.85), sizes.min_body
    if role is Role.REFERENCES:
        return round(sizes.body * 0.75), min(_REFERENCE_FLOOR_PT, sizes.min_body)
    return sizes.body, sizes.min_body


def _aside_range(role: Role, sizes: Sizes) -> tuple[float, float]:
    """Largest and floor size of the aside text (quote or meta line), in points."""
    if role is Role.QUESTION:
        return _META_PT, min(_META_PT, sizes.min_body)
    return sizes.body + 2, sizes.min_body


def _lines(paragraphs: Sequence[Paragraph]) -> list[Line]:
    return [Line(p.text, p.level, p.style == "bullet", italic=p.style == "quote") for p in paragraphs]


def _area(box: Box | None) -> Area:
    box = box or _FALLBACK_BOX
    return Area(box.text_width_pt, box.text_height_pt, box.levels)


def _font(box: Box | None, profile: TemplateProfile, heading: bool) -> FontMetrics:
    """Metrics of the font a box sets its text in: its own, else the theme's heading or body font."""
    wanted = box.levels[0].font if box is not None and box.levels else None
    if wanted == "major" or (wanted is None and heading):
        return metrics_for(profile.heading_font)
    if wanted == "minor" or wanted is None:
        return metrics_for(profile.body_font)
    return metrics_for(wanted)


def _lint(draft: SlidePlan, path: Path, what: str, fit: Fit, floor: float) -> Problem:
    if fit.fits:
        message = (
            f"{what} of slide '{draft.title[:40]}' is set at {fit.size:g} pt, below the template's "
            f"{floor:g} pt floor; shorten it"
        )
    else:
        message = (
            f"{what} of slide '{draft.title[:40]}' does not fit its box even at {fit.size:g} pt "
            "and overflows it; shorten it"
        )
    return Problem(path, draft.position.line, draft.position.column, message)


def _fits_whole(fit: Fit, count: int, floor: float) -> bool:
    return fit.fits and fit.count >= count and fit.size >= floor


def _break_long(paragraphs: Sequence[Paragraph], area: Area, floor: float, metrics: FontMetrics
                ) -> tuple[Paragraph, ...]:
    """Paragraphs too long for a whole box at the floor size, cut into pieces that fit."""
    result: list[Paragraph] = []
    for paragraph, line in zip(paragraphs, _lines(paragraphs)):
        if _surely_fits(line.text, area, floor) or fitting_count([line], floor, area, metrics):
            result.append(paragraph)
        else:
            result += [replace(paragraph, text=piece) for piece in split_paragraph(line, area, floor, metrics)]
    return tuple(result)


_WIDEST_EM = 1.0
"""No character is wider than one em (full-width CJK); Latin letters are about half that."""
_TALLEST_LINE_EM = 2.0
"""A generous bound on line pitch plus paragraph spacing, in ems."""


def _surely_fits(text: str, area: Area, size: float) -> bool:
    """A cheap bound: True when ``text`` fits ``area`` at ``size`` even if every character were
    one em wide (most paragraphs), so only long ones are measured for splitting."""
    usable = area.width / 2  # room for the deepest bullet indent
    if usable <= size:
        return False
    lines = len(text) * _WIDEST_EM * size / usable + 1
    return (lines + 1) * _TALLEST_LINE_EM * size <= area.height


def _without_height(area: Area, lines: Sequence[Line], size: float, metrics: FontMetrics) -> Area:
    """``area`` less the height that ``lines`` take at ``size`` (text repeated on every slide)."""
    used = sum(paragraph_height(line, size, area, metrics) for line in lines)
    return replace(area, height=max(area.height - used, 0.0))


def paginate(
    draft: SlidePlan, profile: TemplateProfile, path: Path, labels: Labels = ENGLISH
) -> tuple[list[SlidePlan], list[Problem]]:
    """Fit ``draft`` to the layout serving its role: one slide, or more with "(cont.)" titles.

    A quote too long for its own box joins the body text. Without a second box in the
    layout, a question's kind-and-minutes line heads the body on every slide, and a quote
    follows the evidence.
    """
    slots = profile.slots[draft.role]
    lints: list[Problem] = []

    title_max, title_floor = _title_range(draft.role, profile.sizes)
    if slots.mark:  # a question on a borrowed layout: the prompt stands above ordinary titles
        title_max = round(title_max * _MARKED_PROMPT_SCALE)
    title_fit = fit_block(
        [Line(draft.title + labels.continued, indented=False)], _area(slots.title), title_max,
        title_floor, _font(slots.title, profile, heading=True),
    )
    if title_fit.size < title_floor or not title_fit.fits:
        lints.append(_lint(draft, path, "the title", title_fit, title_floor))

    aside_max, aside_floor = _aside_range(draft.role, profile.sizes)
    aside_font = _font(slots.aside, profile, heading=False)
    aside_fit = fit_block(_lines(draft.aside), _area(slots.aside), aside_max, aside_floor, aside_font)
    repeated: tuple[Paragraph, ...] = ()
    if draft.aside and slots.aside is None and draft.role is Role.QUESTION:
        repeated, draft = draft.aside, replace(draft, aside=())
    elif draft.aside and (slots.aside is None or not _fits_whole(aside_fit, len(draft.aside), aside_floor)):
        if draft.role is Role.QUOTE and slots.aside is not None:  # no empty quote panel: a plain content slide
            return paginate(replace(draft, role=Role.CONTENT, body=draft.body + draft.aside, aside=()),
                            profile, path, labels)
        draft = replace(draft, body=draft.body + draft.aside, aside=())

    body_max, body_floor = _body_range(draft.role, profile.sizes)
    body_font = _font(slots.body, profile, heading=False)
    area = _without_height(_area(slots.body), _lines(repeated), body_max, body_font)
    body = _break_long(draft.body, area, body_floor, body_font)
    chunks = split_to_fit(_lines(body), area, body_max, body_floor, body_font)
    if any(c.size < body_floor or not c.fits for c in chunks):
        lints.append(_lint(draft, path, "the text", min(chunks, key=lambda c: (c.fits, c.size)), body_floor))

    if draft.role in (Role.PICTURE, Role.QUOTE) and len(chunks) > 1:
        opening = replace(draft, body=body[: chunks[0].count], title_size=title_fit.size,
                          body_size=chunks[0].size, aside_size=aside_fit.size)
        return _then_content(opening, body[chunks[0].count :], profile, path, labels, lints)

    slides: list[SlidePlan] = []
    start = 0
    for index, chunk in enumerate(chunks):
        first = index == 0
        slides.append(
            replace(
                draft,
                title=draft.title if first else draft.title + labels.continued,
                body=repeated + body[start : start + chunk.count],
                aside=draft.aside if first or draft.role is Role.QUESTION else (),
                image=draft.image if first else None,
                notes=draft.notes if first else labels.continued_from.format(draft.title),
                title_size=title_fit.size,
                body_size=chunk.size,
                aside_size=aside_fit.size,
                continuation=not first,
            )
        )
        start += chunk.count
    return slides, lints


def _then_content(
    opening: SlidePlan, rest: tuple[Paragraph, ...], profile: TemplateProfile,
    path: Path, labels: Labels, lints: list[Problem],
) -> tuple[list[SlidePlan], list[Problem]]:
    """A picture or quote slide whose text runs over: the rest continues on full-width content
    slides (a continuation has no picture or quote to leave room for, and shows no empty panel)."""
    draft = replace(opening, role=Role.CONTENT, body=rest, image=None, aside=())
    more, more_lints = paginate(draft, profile, path, labels)
    continued = [
        replace(slide, title=opening.title + labels.continued, notes=labels.continued_from.format(opening.title),
                continuation=True)
        for slide in more
    ]
    return [opening, *continued], lints + more_lints
