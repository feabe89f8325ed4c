"""Speaker notes fitted to their notes page, so the notes PDF (and a printed notes page)
never cuts them off.

Notes are set at the notes master's size when they fit its box. Longer notes shrink, down
to :data:`NOTES_FLOOR_PT`; notes still too long take the page below a smaller image of the
slide (:func:`roomy_frame`), then flow in two columns there, shrinking again from the
master's size to the floor each time, and only then below the floor (down to
:data:`NOTES_MIN_PT`), with a lint that asks to shorten them. Every measurement goes
through :func:`deckgen.plan.fit.fit_text`, as slide text does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from deckgen.errors import Problem
from deckgen.outline.inline import plain
from deckgen.plan.fit import Area, Line, Request, fit_text
from deckgen.plan.metrics import FontMetrics
from deckgen.plan.profile import Box, NotesFrame, TextStyle, column_gap
from deckgen.plan.slides import SlidePlan
from deckgen.records import record

NOTES_FLOOR_PT = 9.0
"""The smallest notes a facilitator reads comfortably from a printed page."""
NOTES_MIN_PT = 6.0
"""Notes too long for a whole page at the floor shrink to this at most (and are reported)."""
THUMBNAIL_SHARE = 0.5
"""The slide's image on a roomy notes page, as a share of the page's width."""
_UNBROKEN = r"[^\s\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]+"
"""A run of characters a line cannot break inside: not spaces, not East Asian characters
(each of which may end a line). Compiled only for the first notes with a character from
U+2E80 on: a class of such ranges takes one to two milliseconds to compile, which every
``check`` paid."""
_FIRST_EAST_ASIAN = "\u2e80"
"""The first character of :data:`_UNBROKEN`'s ranges: text below it breaks at spaces only."""
_WIDEST_EM = 1.1
"""No character of a notes font is wider than this many ems (a safe bound: an em dash is one)."""
_SAFE_LINE_PITCH = 1.3
"""A line's height as a multiple of its size, rounded up from any font's line spacing."""
_STYLES = (TextStyle(),)
"""Notes paragraphs start flush with the box's margin, with no space between them (as
:func:`deckgen.render.deck.paragraphs.write_notes` writes them)."""


@record(frozen=True)
class NotesFit:
    """How one slide's notes are set: size (points), on a roomy page or not, in how many columns."""

    size: float
    roomy: bool = False
    columns: int = 1
    fits: bool = True
    """False: not even :data:`NOTES_MIN_PT` in two columns holds them on one page."""


def roomy_frame(frame: NotesFrame) -> tuple[Box, Box]:
    """The slide's image and the notes' box on a notes page whose notes need more room: the
    image half the page wide at its usual top, the notes from below it to the usual bottom."""
    margin = max(frame.body.left, 0)
    ratio = frame.image.height / frame.image.width if frame.image and frame.image.width else 0.75
    width = int(frame.page_width * THUMBNAIL_SHARE)
    top = frame.image.top if frame.image is not None else margin // 2
    image = Box((frame.page_width - width) // 2, top, width, int(width * ratio))
    body_top = image.top + image.height + margin // 4
    bottom = frame.body.top + frame.body.height
    return image, replace(frame.body, top=body_top, height=max(bottom - body_top, 0))


def fit_notes(slides: Sequence[SlidePlan], frame: NotesFrame | None, metrics: FontMetrics,
              path: Path) -> tuple[list[SlidePlan], list[Problem]]:
    """``slides`` with their notes' size (and page) chosen; a lint for notes set below the floor."""
    if frame is None:
        return list(slides), []
    fitted, lints = [], []
    for slide in slides:
        if not slide.notes:
            fitted.append(slide)
            continue
        fit = notes_fit(slide.notes, frame, metrics)
        fitted.append(replace(slide, notes_size=fit.size, notes_roomy=fit.roomy, notes_columns=fit.columns))
        if fit.size < NOTES_FLOOR_PT or not fit.fits:
            lints.append(_lint(slide, fit, path))
    return fitted, lints


def notes_fit(notes: str, frame: NotesFrame, metrics: FontMetrics) -> NotesFit:
    """The first way ``notes`` fit their page whole, from the master's own down to the smallest."""
    largest = max(frame.size, NOTES_FLOOR_PT)
    if _surely_fits(notes.splitlines(), _area(frame.body), largest):  # Markdown markers only add length
        return NotesFit(largest)
    lines = tuple(Line(plain(text), indented=False, source=index) for index, text in enumerate(notes.splitlines()))
    for fit, area in _tries(frame):
        size = _fitting(lines, area, fit.size, NOTES_FLOOR_PT if fit.size > NOTES_FLOOR_PT else NOTES_MIN_PT, metrics)
        if size is not None:
            return replace(fit, size=size)
    return NotesFit(NOTES_MIN_PT, True, 2, fits=False)


def _surely_fits(texts: list[str], area: Area, size: float) -> bool:
    """True when ``texts`` fit ``area`` at ``size`` by a bound that needs no measuring (most
    notes are a few short lines): no character is wider than :data:`_WIDEST_EM` of an em, so
    a line that wraps before a word holds at least the line's ems less that word and its space."""
    longest = max((len(word) for text in texts for word in _unbroken_runs(text)), default=0)
    per_line = int(area.width / (size * _WIDEST_EM)) - longest - 1
    if per_line < 1:
        return False
    lines = sum(max(1, -(-len(text) // per_line)) for text in texts)
    return lines * size * _SAFE_LINE_PITCH <= area.height


def _unbroken_runs(text: str) -> list[str]:
    """The runs of ``text`` a line cannot break inside (see :data:`_UNBROKEN`); for text with no
    East Asian character, whose only breaks are spaces, its words."""
    return text.split() if not text or max(text) < _FIRST_EAST_ASIAN else re.findall(_UNBROKEN, text)


def _tries(frame: NotesFrame) -> Iterator[tuple[NotesFit, Area]]:
    """Ways to set notes, roomier each: (the size to start from, page, columns) and the area."""
    largest = max(frame.size, NOTES_FLOOR_PT)
    roomy = roomy_frame(frame)[1]
    yield NotesFit(largest), _area(frame.body)
    yield NotesFit(largest, True), _area(roomy)
    yield NotesFit(largest, True, 2), _in_columns(roomy, largest)
    yield NotesFit(NOTES_FLOOR_PT, True, 2), _in_columns(roomy, NOTES_FLOOR_PT)


def _area(box: Box) -> Area:
    return Area(box.text_width_pt, box.text_height_pt, _STYLES)


def _in_columns(box: Box, size: float) -> Area:
    """Two columns of ``box`` as one area: text flows down the first into the second, so they
    hold twice its height, less a line that may not fit the first (as slide text's columns)."""
    width = box.text_width_pt - column_gap(box) / 12700
    return Area(width / 2, 2 * box.text_height_pt - size * 1.2, _STYLES)


def _fitting(lines: tuple[Line, ...], area: Area, largest: float, floor: float, metrics: FontMetrics) -> float | None:
    """The largest size from ``largest`` down to ``floor`` at which ``lines`` fit ``area`` whole."""
    blocks = fit_text(Request(lines, area, largest, floor, metrics))
    return blocks[0].size if len(blocks) == 1 and blocks[0].fits and blocks[0].size >= floor else None


def _lint(slide: SlidePlan, fit: NotesFit, path: Path) -> Problem:
    if fit.fits:
        message = (f"the speaker notes of slide '{slide.title[:40]}' are set at {fit.size:g} pt in two columns to fit "
                   f"one notes page, below the {NOTES_FLOOR_PT:g} pt that reads well in print; shorten them")
    else:
        message = (f"the speaker notes of slide '{slide.title[:40]}' do not fit one notes page even at "
                   f"{NOTES_MIN_PT:g} pt in two columns and may run off it; shorten them")
    return Problem(path, slide.position.line, slide.position.column, message)
