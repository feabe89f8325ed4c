"""What every part of the facilitator guide reads: the outline, its labels, slide and question numbers.

The guide quotes the deck's slide numbers (from the plan of the template the deck is built
on) and numbers the questions in the order the deck shows them; each part of the guide
(front page, run-sheet, body, back matter) says them the same way through one
:class:`GuideContext`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from deckgen.outline.model import Outline, Point, Position, Question
from deckgen.plan.deck import format_minutes
from deckgen.plan.labels import Labels, labels_for
from deckgen.plan.timing import session_questions

SlideNumbers = Mapping[Position, int]
"""The first slide of each section, point and question, by where it is written in the outline."""


@dataclass(frozen=True)
class GuideContext:
    """The outline a guide describes, in its language, with the deck's slide numbers."""

    outline: Outline
    slides: SlideNumbers
    labels: Labels = field(init=False)
    numbers: Mapping[int, int] = field(init=False)
    """Each question's number in deck order (1 for the first), by the question's ``id()``."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "labels", labels_for(self.outline.language))
        numbers = {id(q): n for n, q in enumerate(session_questions(self.outline), start=1)}
        object.__setattr__(self, "numbers", numbers)

    def slide(self, position: Position) -> str:
        """``slide 7`` for the item written at ``position``; empty when the deck's numbers are unknown."""
        return self.labels.slide.format(self.slides[position]) if position in self.slides else ""

    def where(self, position: Position, minutes: float | None, optional: bool = False) -> str:
        """The line under an item's heading: ``slide 7 · 3 min · optional`` (what is known of it)."""
        parts = [self.slide(position), format_minutes(minutes, self.labels) if minutes else "",
                 self.labels.optional if optional else ""]
        return " · ".join(part for part in parts if part)

    def question_label(self, question: Question) -> str:
        """``Q3. `` before a question's prompt, numbered in deck order."""
        return self.labels.question_number.format(self.numbers[id(question)])

    def item_title(self, item: Point | Question) -> str:
        """A point's claim, or a question's prompt after its number (outline text)."""
        return self.question_label(item) + item.prompt if isinstance(item, Question) else item.claim
