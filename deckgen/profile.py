"""What the planner needs to know about a template, as plain data (no pptx objects).

A :class:`TemplateProfile` is made once per template by :mod:`deckgen.render.template`
and reused for every deck built with it. Lengths are EMU (914400 per inch, 12700 per point).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

EMU_PER_PT = 12700


class Role(str, Enum):
    """What a slide is for; each role is served by one layout of the template."""

    TITLE = "title"
    THESIS = "thesis"
    AGENDA = "agenda"
    SECTION = "section"
    CONTENT = "content"
    QUOTE = "quote"
    PICTURE = "picture"
    QUESTION = "question"
    TAKEAWAYS = "takeaways"
    REFERENCES = "references"


@dataclass(frozen=True)
class Box:
    """A rectangle on the slide, in EMU, with its text insets."""

    left: int
    top: int
    width: int
    height: int
    inset_x: int = 91440
    """Left plus right inset is twice this (PowerPoint's default 0.1 in each side)."""
    inset_y: int = 45720

    @property
    def text_width_pt(self) -> float:
        """Width available to text, in points."""
        return max(self.width - 2 * self.inset_x, 0) / EMU_PER_PT

    @property
    def text_height_pt(self) -> float:
        """Height available to text, in points."""
        return max(self.height - 2 * self.inset_y, 0) / EMU_PER_PT


@dataclass(frozen=True)
class LayoutSlots:
    """Where a role's layout puts its title, body, aside (quote/meta) and picture."""

    layout: str
    """Name of the slide layout serving the role."""
    title: Box | None = None
    body: Box | None = None
    aside: Box | None = None
    """A second text placeholder (the Quote layout's quote, the Question layout's meta line)."""
    picture: Box | None = None
    """Where a picture goes; synthesised from the body when the layout has no picture placeholder."""


@dataclass(frozen=True)
class Sizes:
    """Starting and floor font sizes in points."""

    title: float = 36.0
    body: float = 24.0
    min_title: float = 24.0
    min_body: float = 14.0


@dataclass(frozen=True)
class TemplateProfile:
    """A prepared template: which layout serves each role, and their geometry."""

    name: str
    path: Path
    slots: Mapping[Role, LayoutSlots]
    heading_font: str | None = None
    body_font: str | None = None
    sizes: Sizes = Sizes()
    slide_width: int = 12192000
    slide_height: int = 6858000
    warnings: tuple[str, ...] = field(default=())
    """Role fallbacks and other things a user of this template should know."""
