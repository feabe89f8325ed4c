"""How a deck flexes with time: hidden optional slides, a custom show per shorter run, and
PowerPoint sections that mirror the agenda.

Pure: no pptx. Every slide of an optional point or question is hidden (the facilitator
unhides it when there is time); each ``shorter`` length becomes a custom show that leaves out
every optional item (the slides the full deck hides, so a show and the deck agree); the deck's
sections are the agenda's parts: the opening, each section, the discussion and the closing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from deckgen.outline.inline import plain
from deckgen.outline.model import Outline, Point, Question
from deckgen.plan.labels import Labels
from deckgen.plan.profile import Role
from deckgen.plan.slides import SlideGroup, SlidePlan

def flexed(slide: SlidePlan, item: Point | Question) -> SlidePlan:
    """``slide`` of ``item``: hidden, and left out of every shorter run, when the item is optional."""
    return replace(slide, optional=True) if item.optional else slide


def segment_names(outline: Outline, labels: Labels) -> list[str]:
    """The name of each part of the agenda, by :attr:`SlidePlan.segment`: deckgen's words for
    the opening, discussion and closing, the outline's section titles between."""
    return [labels.opening, *(plain(section.title) for section in outline.sections), labels.discussion, labels.closing]


def deck_sections(slides: Sequence[SlidePlan], names: Sequence[str]) -> tuple[SlideGroup, ...]:
    """The deck's sections: each run of slides of one part of the agenda, named after it
    (a part without slides, such as a discussion without questions, has no section)."""
    return tuple(SlideGroup(names[slides[run[0]].segment], tuple(run)) for run in _runs(slides))


def shorter_shows(slides: Sequence[SlidePlan], names: Sequence[str]) -> tuple[SlideGroup, ...]:
    """One custom show per shorter run, by name ("45 min"): every run shows the same slides."""
    kept = _kept(slides)
    return tuple(SlideGroup(name, kept) for name in names)


def _runs(slides: Sequence[SlidePlan]) -> list[list[int]]:
    """The positions of the slides, in runs of one part of the agenda each."""
    runs: list[list[int]] = []
    for index, slide in enumerate(slides):
        if runs and slides[runs[-1][-1]].segment == slide.segment:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _kept(slides: Sequence[SlidePlan]) -> tuple[int, ...]:
    """The slides a shorter run shows: all but the optional ones, and but the divider of a
    section or discussion whose every other slide is optional."""
    dropped = {index for index, slide in enumerate(slides) if slide.optional}
    for first, *rest in _runs(slides):
        if slides[first].role is Role.SECTION and rest and dropped.issuperset(rest):
            dropped.add(first)
    return tuple(index for index in range(len(slides)) if index not in dropped)
