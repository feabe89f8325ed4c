"""Fit planned slides to their layouts: font sizes, and "(cont.)" slides for overflow.

Text is never cut: it is shrunk down to the template's floor, then split over
continuation slides that repeat the title. Anything shrunk below the floor (one single
paragraph too long for an empty slide) is reported as a lint. Type is designed across
the deck, not slide by slide: all point slides share one title size (a long claim wraps
to two lines before the deck's titles shrink), and short point-slide text grows up to
the template's ceiling and is spread down its box. Every measurement goes through
:func:`deckgen.plan.fit.fit_text`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from deckgen.errors import Problem
from deckgen.plan.fit import Area, Block, Line, Request, fit_text
from deckgen.plan.labels import ENGLISH, Labels
from deckgen.plan.metrics import FontMetrics, metrics_for
from deckgen.plan.profile import EMU_PER_PT, Box, Role, Sizes, TemplateProfile, column_gap
from deckgen.plan.qrspace import with_qr_room
from deckgen.plan.slides import Paragraph, SlidePlan

_FALLBACK_BOX = Box(838200, 1600200, 10515600, 4351338)
"""Used only when a layout has no box at all for a text (a synthesised content area)."""
_REFERENCE_FLOOR_PT = 12.0
_META_PT = 16.0
_MARKED_PROMPT_SCALE = 1.2
"""How much larger than an ordinary title a question's prompt starts where deckgen marks questions."""

POINT_ROLES = frozenset({Role.CONTENT, Role.QUOTE, Role.PICTURE, Role.TAKEAWAYS, Role.REFERENCES,
                         Role.COMPARE, Role.TABLE, Role.CHART})
"""Slides with an ordinary title: they share one title size, and a title may wrap to two lines."""
_BALANCED = frozenset({Role.CONTENT, Role.QUOTE, Role.PICTURE, Role.TAKEAWAYS, Role.REFERENCES})
"""Slides whose short body text is spread down its box (and, but for references, grows to the ceiling)."""
_TITLE_LINES = 2
BODY_TO_TITLE = 0.82
"""Point-slide text is at most this share of the deck's point title size (28 pt under 34 pt
titles), so a title always stands above its text."""
_TITLE_GROUPS = {role: "point" for role in POINT_ROLES} | {Role.QUESTION: "question", Role.SECTION: "section"}
"""Roles whose titles share one size across the deck."""


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
        return round(sizes.body * 0.85), min(_REFERENCE_FLOOR_PT, sizes.min_body)
    if role in _BALANCED:  # references are handled above: citations stay smaller
        return max(sizes.body_ceiling, sizes.body), sizes.min_body
    return sizes.body, sizes.min_body


def _aside_range(role: Role, sizes: Sizes) -> tuple[float, float]:
    """Largest and floor size of the aside text (quote or meta line), in points."""
    if role is Role.QUESTION:
        return _META_PT, min(_META_PT, sizes.min_body)
    return max(sizes.title, sizes.body_ceiling), sizes.min_body  # a pull quote may be as large as a title


KEPT_TOGETHER = frozenset({Role.AGENDA, Role.QUESTION})
"""Roles whose plain rows (the agenda's, a vote's options) stay on one slide: shrunk, or set
in two columns, before they continue on a "(cont.)" slide."""


def _keep(paragraphs: Sequence[Paragraph], index: int, role: Role) -> bool:
    """Whether paragraph ``index`` stays on one slide with the next: a quotation with its
    attribution, the agenda's rows, a vote's options."""
    if index + 1 >= len(paragraphs):
        return False
    this, after = paragraphs[index], paragraphs[index + 1]
    if this.style == "quote" and after.style == "attribution":
        return True
    if role is Role.AGENDA:
        return True
    return role is Role.QUESTION and this.style == "plain" and after.style == "plain"


def _lines(paragraphs: Sequence[Paragraph], role: Role | None = None) -> tuple[Line, ...]:
    return tuple(
        Line(p.text, p.level, p.style == "bullet", italic=p.style == "quote",
             bold=p.style == "heading", small=p.style == "attribution", source=i,
             keep=role is not None and _keep(paragraphs, i, role))
        for i, p in enumerate(paragraphs)
    )


def _in_columns(request: Request, box: Box | None) -> Block | None:
    """``request``'s text set whole in two columns of its box at no less than its floor, or
    None when two columns cannot hold it. Text flows down the first column into the second,
    so the columns hold twice the box's height, less one line that may not fit the first."""
    box = box or _FALLBACK_BOX
    width = (box.width - box.inset_left - box.inset_right - column_gap(box)) / 2 / EMU_PER_PT
    height = 2 * box.text_height_pt - request.largest * 1.2
    area = Area(width, height, request.area.levels)
    block = fit_text(replace(request, lines=request.heading + request.lines, heading=(), area=area, split=False,
                             balance=False))[0]
    return block if block.fits and block.size >= request.floor else None


def _paragraphs(block: Block, paragraphs: Sequence[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs a fitted block holds (a piece of a long paragraph keeps its style)."""
    return tuple(replace(paragraphs[line.source], text=line.text) for line in block.lines)


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


def _lint(draft: SlidePlan, path: Path, what: str, block: Block, floor: float) -> Problem:
    if block.fits:
        message = (
            f"{what} of slide '{draft.title[:40]}' is set at {block.size:g} pt, below the template's "
            f"{floor:g} pt floor; shorten it"
        )
    else:
        message = (
            f"{what} of slide '{draft.title[:40]}' does not fit its box even at {block.size:g} pt "
            "and overflows it; shorten it"
        )
    return Problem(path, draft.position.line, draft.position.column, message)


def _fits_whole(blocks: list[Block], count: int, floor: float) -> bool:
    return len(blocks) == 1 and blocks[0].fits and len(blocks[0].lines) >= count and blocks[0].size >= floor


def _title_block(title: str, role: Role, profile: TemplateProfile, layout: str | None = None) -> Block:
    """The title's size: the largest that fits its box (wrapping to two lines at most on point slides)."""
    largest, floor = _title_range(role, profile.sizes)
    slots = profile.slots_for(role, layout)
    box = slots.title
    if slots.mark:  # a question on a borrowed layout: the prompt stands above ordinary titles
        largest = round(largest * _MARKED_PROMPT_SCALE)
    request = Request((Line(title, indented=False),), _area(box), largest, floor,
                      _font(box, profile, heading=True), split=False,
                      max_lines=_TITLE_LINES if role in POINT_ROLES else None)
    return fit_text(request)[0]


def paginate(
    draft: SlidePlan, profile: TemplateProfile, path: Path, labels: Labels = ENGLISH,
    title_size: float | None = None,
) -> tuple[list[SlidePlan], list[Problem]]:
    """Fit ``draft`` to the layout serving its role: one slide, or more with "(cont.)" titles.

    A quote too long for its own box joins the body text. Without a second box in the
    layout, a question's kind-and-minutes line heads the body on every slide, and a quote
    follows the evidence. Titles are fitted slide by slide here; :func:`paginate_deck`
    then gives each group of slides one title size. ``title_size``, the deck's title size
    for a point slide, caps its body text at :data:`BODY_TO_TITLE` of it.
    """
    slots = profile.slots_for(draft.role, draft.layout)
    if draft.qr is not None and draft.qr.box is None:
        draft, slots = with_qr_room(draft, slots, profile, _FALLBACK_BOX)
    aside_max, aside_floor = _aside_range(draft.role, profile.sizes)
    if title_size is not None and draft.role is Role.QUOTE:
        aside_max = min(aside_max, max(title_size, aside_floor))  # a pull quote no larger than the titles
    aside_request = Request(_lines(draft.aside), _area(slots.aside), aside_max, aside_floor,
                            _font(slots.aside, profile, heading=False), split=False, centre=draft.role is Role.QUOTE)
    aside_blocks = fit_text(aside_request) if draft.aside else []
    heading: tuple[Paragraph, ...] = ()
    if draft.aside and slots.aside is None and draft.role is Role.QUESTION:
        heading, draft = draft.aside, replace(draft, aside=())
    elif draft.aside and (slots.aside is None or not _fits_whole(aside_blocks, len(draft.aside), aside_floor)):
        if draft.role is Role.QUOTE and slots.aside is not None:  # no empty quote panel: a plain content slide
            return paginate(replace(draft, role=Role.CONTENT, body=draft.body + draft.aside, aside=()),
                            profile, path, labels, title_size)
        draft = replace(draft, body=draft.body + draft.aside, aside=())
    aside_size = aside_blocks[0].size if draft.aside else 0.0
    aside_centred = bool(draft.aside) and aside_blocks[0].centred

    body_max, body_floor = _body_range(draft.role, profile.sizes)
    if title_size is not None and draft.role in POINT_ROLES:
        body_max = min(body_max, max(round(title_size * BODY_TO_TITLE), body_floor))
    paragraphs = heading + draft.body
    lines = _lines(paragraphs, draft.role)
    request = Request(lines[len(heading):], _area(slots.body), body_max, body_floor,
                      _font(slots.body, profile, heading=False), heading=lines[:len(heading)],
                      balance=draft.role in _BALANCED and draft.qr is None, split=draft.role is not Role.TITLE)
    blocks = fit_text(request)
    columns = 1
    if len(blocks) > 1 and draft.role in KEPT_TOGETHER:
        two = _in_columns(request, slots.body)
        if two is not None:
            blocks, columns = [two], 2
    lints: list[Problem] = []
    if any(b.size < body_floor or not b.fits for b in blocks):
        lints.append(_lint(draft, path, "the text", min(blocks, key=lambda b: (b.fits, b.size)), body_floor))

    if draft.role in (Role.PICTURE, Role.QUOTE) and len(blocks) > 1:  # no empty quote panel on "(cont.)"
        opening = replace(draft, aside_size=aside_size, aside_centred=aside_centred)
        return _picture_then_content(opening, paragraphs, blocks, profile, path, labels, lints)

    slides = [
        replace(
            draft,
            title=draft.title if index == 0 else draft.title + labels.continued,
            body=_paragraphs(block, paragraphs),
            aside=draft.aside if index == 0 or draft.role is Role.QUESTION else (),
            image=draft.image if index == 0 else None,
            qr=draft.qr if index == 0 else None,
            notes=draft.notes if index == 0 else labels.continued_from.format(draft.title),
            body_size=block.size,
            aside_size=aside_size,
            paragraph_space=block.paragraph_space,
            centred=block.centred,
            aside_centred=aside_centred,
            continuation=index > 0,
            columns=columns,
            countdown=draft.countdown if index == 0 else None,
        )
        for index, block in enumerate(blocks)
    ]
    return _with_titles(slides, draft, profile, path, lints)


def _with_titles(slides: list[SlidePlan], draft: SlidePlan, profile: TemplateProfile, path: Path,
                 lints: list[Problem]) -> tuple[list[SlidePlan], list[Problem]]:
    """``slides`` with their titles sized (a "(cont.)" title is measured with its suffix)."""
    _, floor = _title_range(draft.role, profile.sizes)
    sized = []
    for slide in slides:
        block = _title_block(slide.title, slide.role, profile, slide.layout)
        if (block.size < floor or not block.fits) and not any("the title" in lint.message for lint in lints):
            lints.append(_lint(draft, path, "the title", block, floor))
        sized.append(replace(slide, title_size=block.size))
    return sized, lints


def _picture_then_content(
    draft: SlidePlan, paragraphs: tuple[Paragraph, ...], blocks: list[Block], profile: TemplateProfile,
    path: Path, labels: Labels, lints: list[Problem],
) -> tuple[list[SlidePlan], list[Problem]]:
    """A picture or quote slide whose text runs over: the rest continues on full-width content
    slides (a continuation has no picture or quote to leave room for, and shows no empty panel)."""
    first = blocks[0]
    opening = replace(draft, body=_paragraphs(first, paragraphs), body_size=first.size)
    rest_body = tuple(p for block in blocks[1:] for p in _paragraphs(block, paragraphs))
    rest = replace(draft, role=Role.CONTENT, body=rest_body, image=None, aside=())
    more, more_lints = paginate(rest, profile, path, labels)  # continuation text: the template's sizes
    continued = [
        replace(slide, title=draft.title + labels.continued, notes=labels.continued_from.format(draft.title),
                continuation=True)
        for slide in more
    ]
    opened, lints = _with_titles([opening], draft, profile, path, lints)
    titled, more_lints = _with_titles(continued, rest, profile, path, more_lints)
    return opened + titled, lints + more_lints


Fitter = Callable[[SlidePlan, TemplateProfile, Path, Labels], tuple[list[SlidePlan], list[Problem]]]
"""Fits one slide of a kind :func:`paginate` does not lay out (a comparison, table or chart)."""


def paginate_deck(
    drafts: Sequence[SlidePlan], profile: TemplateProfile, path: Path, labels: Labels = ENGLISH,
    visual: Fitter | None = None,
) -> tuple[list[SlidePlan], list[Problem]]:
    """Fit every slide of a deck, then give each group of slides one title size.

    Point slides (and takeaways and references) share one size, question slides one,
    section dividers one: the smallest size any title of the group needs, but never below
    the floor (a title that needs less keeps its own, and is reported by :func:`paginate`).
    Slides with a comparison, table or chart are fitted by ``visual``.
    """
    point_titles = _group_size([_title_block(d.title, d.role, profile, d.layout).size for d in drafts if d.role in POINT_ROLES],
                               _title_range(Role.CONTENT, profile.sizes)[1])
    slides: list[SlidePlan] = []
    lints: list[Problem] = []
    for draft in drafts:
        if visual is not None and (draft.compare or draft.table or draft.chart):
            fitted, found = visual(draft, profile, path, labels)
        else:
            fitted, found = paginate(draft, profile, path, labels, point_titles)
        slides += fitted
        lints += found
    return _one_title_size(slides, profile), lints


def _group_size(sizes: list[float], floor: float) -> float | None:
    """One size for a group of titles: the smallest any needs, but not below the floor."""
    return max(min(sizes), floor) if sizes else None


def _one_title_size(slides: list[SlidePlan], profile: TemplateProfile) -> list[SlidePlan]:
    sizes: dict[str, float] = {}
    for slide in slides:
        group = _TITLE_GROUPS.get(slide.role)
        if group is not None:
            floor = _title_range(slide.role, profile.sizes)[1]
            sizes[group] = min(sizes.get(group, slide.title_size), max(slide.title_size, floor))
    result = []
    for slide in slides:
        group = _TITLE_GROUPS.get(slide.role)
        if group is not None and slide.title_size > sizes[group]:
            slide = replace(slide, title_size=sizes[group])
        result.append(slide)
    return result
