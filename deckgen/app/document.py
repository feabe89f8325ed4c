"""A small document model for the facilitator guide and the participant handout.

The guide and the handout are written once as a sequence of blocks; the Markdown writer
(:mod:`deckgen.app.markdown`) and the Word writer (:mod:`deckgen.app.word`) each turn the
same blocks into their format, so the two forms never drift apart.

Text marked ``markdown=True`` comes from the outline and may use its inline Markdown
(``*emphasis*``, ``\\*`` for a literal star); deckgen's own labels are plain text.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal, Union

SpanStyle = Literal["plain", "strong", "emphasis"]


@dataclass(frozen=True)
class Span:
    """A piece of a paragraph in one style."""

    text: str
    style: SpanStyle = "plain"
    markdown: bool = False
    """True for outline text (inline Markdown is honoured); False for deckgen's labels."""
    href: str | None = None
    """A web address the span links to (a live link in Word, a link in Markdown)."""


def link(address: str, text: str | None = None) -> Span:
    """A span showing ``text`` (the address itself by default) that links to ``address``."""
    return Span(text or address, href=address)


def outline_text(text: str, style: SpanStyle = "plain") -> Span:
    """A span of the outline's own text (its inline Markdown honoured)."""
    return Span(text, style, markdown=True)


@dataclass(frozen=True)
class Heading:
    """A heading; level 1 is the document's title."""

    level: int
    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Para:
    """A paragraph of spans."""

    spans: tuple[Span, ...]


@dataclass(frozen=True)
class Bullets:
    """A bulleted list; each item has a nesting level (0 for the top)."""

    items: tuple[tuple[int, tuple[Span, ...]], ...]


@dataclass(frozen=True)
class Notes:
    """Facilitator notes: each line its own paragraph, set apart (a block quote)."""

    lines: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row; cells are plain text (or outline text where ``markdown``)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...] = ()
    """Relative column widths (Word); empty for equal widths."""
    strong_cells: frozenset[tuple[int, int]] = frozenset()
    """(row, column) of body cells set in bold (the sections of a run-sheet)."""


@dataclass(frozen=True)
class TickBoxes:
    """Options to tick, one per line: ``☐ A. Helped``."""

    options: tuple[str, ...]


@dataclass(frozen=True)
class WritingSpace:
    """Ruled lines to write on."""

    lines: int
    most: int = 0
    """The most lines it may grow to where a page has room (:mod:`deckgen.app.handout_room`); 0: ``lines``."""
    weight: float = 1.0
    """Its share of the room to spare, against other writing spaces."""


@dataclass(frozen=True)
class Picture:
    """A picture (PNG) with its alt text, ``width`` millimetres wide, paragraphs ``beside`` it
    (Word); Markdown, which cannot size a picture, writes only the paragraphs beside it."""

    png: bytes
    alt: str
    width: float
    """Width in millimetres."""
    beside: tuple[Para, ...] = ()


@dataclass(frozen=True)
class CutLine:
    """A dashed line across the page to cut along, with a label (Word only)."""

    label: str


@dataclass(frozen=True)
class PageBreak:
    """Start a new page (Word); a thematic break in Markdown."""


Block = Union[Heading, Para, Bullets, Notes, Table, TickBoxes, WritingSpace, Picture, CutLine, PageBreak]


def headed_list(title: str, items: Sequence[str]) -> Iterator[Block]:
    """A heading over a bulleted list of outline texts (preparation, takeaways ...); nothing
    when there are none, so a document never shows an empty heading."""
    if items:
        yield Heading(2, (Span(title),))
        yield Bullets(tuple((0, (outline_text(item),)) for item in items))


@dataclass(frozen=True)
class Document:
    """A titled sequence of blocks, with the metadata written into the file."""

    title: str
    language: str
    blocks: tuple[Block, ...]
    author: str | None = None
    subject: str | None = None


TICK_BOX = "☐"
"""U+2610 BALLOT BOX: present in the bundled Noto/DejaVu fonts and in Word's Segoe UI Symbol."""
