"""How a deck flexes with time: hidden optional slides, a custom show per shorter run, and
PowerPoint sections that mirror the agenda.

Pure: no pptx. Every slide of an optional point or question is hidden (the facilitator
unhides it when there is time); each ``shorter`` length becomes a custom show that leaves out
the optional items :func:`~deckgen.plan.timing.left_out` picks for it; the deck's sections are
the agenda's parts: the opening, each section, the discussion and the closing.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from deckgen.outline.inline import plain
from deckgen.outline.model import Outline, Point, Question
from deckgen.plan.labels import Labels
from deckgen.plan.profile import Role
from deckgen.plan.slides import SlideGroup, SlidePlan
from deckgen.plan.timing import left_out

Cuts = dict[Point | Question, tuple[float, ...]]
"""The ``shorter`` lengths whose runs leave each optional item out."""


def item_cuts(outline: Outline) -> Cuts:
    """For each optional item some shorter run leaves out, the lengths of those runs."""
    cuts: Cuts = {}
    for length in outline.shorter:
        for item in left_out(outline, length):
            cuts[item] = cuts.get(item, ()) + (length,)
    return cuts


def flexed(slide: SlidePlan, item: Point | Question, cuts: Cuts) -> SlidePlan:
    """``slide`` of ``item``: hidden when the item is optional, left out of the runs that cut it."""
    if not item.optional:
        return slide
    return replace(slide, optional=True, left_out_of=cuts.get(item, ()))


def segment_names(outline: Outline, labels: Labels) -> list[str]:
    """The name of each part of the agenda, by :attr:`SlidePlan.segment`: deckgen's words for
    the opening, discussion and closing, the outline's section titles between."""
    return [labels.opening, *(plain(section.title) for section in outline.sections), labels.discussion, labels.closing]


def deck_sections(slides: Sequence[SlidePlan], names: Sequence[str]) -> tuple[SlideGroup, ...]:
    """The deck's sections: each run of slides of one part of the agenda, named after it
    (a part without slides, such as a discussion without questions, has no section)."""
    return tuple(SlideGroup(names[slides[run[0]].segment], tuple(run)) for run in _runs(slides))


def shorter_shows(slides: Sequence[SlidePlan], lengths: Mapping[str, float]) -> tuple[SlideGroup, ...]:
    """One custom show per shorter run, by name ("45 min") and length in minutes."""
    return tuple(SlideGroup(name, _kept(slides, length)) for name, length in lengths.items())


def _runs(slides: Sequence[SlidePlan]) -> list[list[int]]:
    """The positions of the slides, in runs of one part of the agenda each."""
    runs: list[list[int]] = []
    for index, slide in enumerate(slides):
        if runs and slides[runs[-1][-1]].segment == slide.segment:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _kept(slides: Sequence[SlidePlan], length: float) -> tuple[int, ...]:
    """The slides a run of ``length`` minutes shows: all but the ones it leaves out, and but
    the divider of a section or discussion whose every other slide it leaves out."""
    dropped = {index for index, slide in enumerate(slides) if length in slide.left_out_of}
    for first, *rest in _runs(slides):
        if slides[first].role is Role.SECTION and rest and dropped.issuperset(rest):
            dropped.add(first)
    return tuple(index for index in range(len(slides)) if index not in dropped)
