"""The validated outline: frozen dataclasses that later layers trust without re-checking.

Every item keeps the :class:`Position` of its YAML node so that lints and late errors
(a missing image, a text that cannot fit) can still point at a line of the outline.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

QUESTION_KINDS: tuple[str, ...] = ("warm-up", "analysis", "application", "reflection")
"""The allowed values of ``questions[].kind``, in the order a seminar usually uses them."""

DEFAULT_KIND = "analysis"
MAX_EVIDENCE_LEVELS = 3
FORMAT_VERSION = 1


def deck_stem(outline: Path, audience: str | None = None) -> str:
    """The name (without .pptx) of the deck built from ``outline``: ``<stem>[-<audience>]``."""
    base = outline.stem or "deck"
    return f"{base}-{audience}" if audience else base


@dataclass(frozen=True)
class Position:
    """Where a YAML node starts in its file (1-based; 0 when not from a file)."""

    line: int = 0
    column: int = 0


@dataclass(frozen=True)
class Bullet:
    """One evidence bullet, already flattened from the nested YAML lists."""

    text: str
    level: int = 0
    """0 for a top-level bullet, 1 and 2 for sub-levels."""
    position: Position = Position()


@dataclass(frozen=True)
class Quote:
    """A quotation shown on a point's slide."""

    text: str
    by: str | None = None
    """Who said it, shown as an attribution; None when unattributed."""


@dataclass(frozen=True)
class Image:
    """A picture on a point's slide; alt text is required for screen readers."""

    path: Path
    """Absolute path, resolved relative to the outline's folder."""
    alt: str
    position: Position = Position()


@dataclass(frozen=True)
class Point:
    """One claim of a section; becomes one slide (plus continuations if it is long)."""

    claim: str
    evidence: tuple[Bullet, ...] = ()
    quote: Quote | None = None
    image: Image | None = None
    notes: str = ""
    minutes: float | None = None
    tags: tuple[str, ...] = ()
    position: Position = Position()


@dataclass(frozen=True)
class Section:
    """A part of the article's argument: a divider slide, then one slide per point."""

    title: str
    id: str | None = None
    summary: str = ""
    points: tuple[Point, ...] = ()
    notes: str = ""
    position: Position = Position()

    @property
    def minutes(self) -> float:
        """Planned time of the section: the sum of its points' minutes (0 when none are set)."""
        return sum(p.minutes or 0 for p in self.points)


@dataclass(frozen=True)
class Question:
    """A discussion question: one slide with the prompt prominent."""

    prompt: str
    kind: str = DEFAULT_KIND
    """One of :data:`QUESTION_KINDS`."""
    follow_ups: tuple[str, ...] = ()
    after: str | None = None
    """Id of the section this question follows; None for the closing discussion block."""
    notes: str = ""
    minutes: float | None = None
    tags: tuple[str, ...] = ()
    position: Position = Position()


@dataclass(frozen=True)
class Source:
    """A cited work: the article under discussion or an extra reference."""

    title: str
    author: str | None = None
    url: str | None = None
    published: str | None = None
    """As written in the outline (``2024-02-20``, ``2024-06``, ``2024``)."""
    position: Position = Position()


@dataclass(frozen=True)
class Audience:
    """A named variant of the outline (tag filters, overrides, extra questions)."""

    name: str
    exclude_tags: tuple[str, ...] = ()
    include_tags: tuple[str, ...] | None = None
    """None when not given; a tuple keeps untagged items plus items with one of these tags."""
    overrides: Mapping[str, Any] = field(default_factory=dict)
    """The ``set`` block, deep-merged over the top-level fields when the variant is built."""
    questions: tuple[Question, ...] = ()
    template: str | None = None
    language: str | None = None
    position: Position = Position()


@dataclass(frozen=True)
class Outline:
    """A whole discussion guide, validated, with ``${vars}`` already substituted."""

    path: Path
    """The outline file this was loaded from (absolute)."""
    title: str
    sections: tuple[Section, ...]
    subtitle: str | None = None
    presenter: str | None = None
    date: str | None = None
    """As written in the outline: an ISO date ``YYYY-MM-DD`` (from a YAML date), a year, or free text."""
    template: str | None = None
    language: str = "en"
    duration: float | None = None
    source: Source | None = None
    thesis: str | None = None
    questions: tuple[Question, ...] = ()
    takeaways: tuple[str, ...] = ()
    references: tuple[Source, ...] = ()
    audiences: Mapping[str, Audience] = field(default_factory=dict)
    audience: str | None = None
    """The variant this outline was built for (None for the base outline)."""
    version: int = FORMAT_VERSION
    positions: Mapping[str, Position] = field(default_factory=dict)
    """Where each top-level key (``duration``, ``template`` ...) is written, for late messages."""
    template_position: Position = Position()
    """Where the ``template`` value in effect was written (an audience's own, its ``set``, or
    the top-level key), so a template that cannot be used is reported at that line."""

    def position_of(self, key: str) -> Position:
        """Position of top-level ``key`` in the outline file (0:0 when absent)."""
        return self.positions.get(key, Position())

    @property
    def stem(self) -> str:
        """Output file stem: the outline's stem, plus ``-<audience>`` for a variant."""
        return deck_stem(self.path, self.audience)
