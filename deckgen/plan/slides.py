"""The plan of a deck as data: what each slide says, in which role, at which font sizes.

A plan can be printed, diffed and tested without writing a deck; the renderer turns it
into a .pptx without making any decision of its own about content.
"""

from __future__ import annotations

from typing import Literal

from deckgen.errors import Problem
from deckgen.outline.model import Chart, Image, Position
from deckgen.plan.profile import Box, Role
from deckgen.records import record

ParagraphStyle = Literal["bullet", "plain", "quote", "attribution", "meta", "heading"]
"""How a paragraph is set: a bullet at its level, plain text, a quotation, its attribution,
a small meta line (question kind and minutes), or a bold heading within the text."""


@record(frozen=True)
class Paragraph:
    """One paragraph of slide text."""

    text: str
    level: int = 0
    style: ParagraphStyle = "bullet"
    language: str | None = None
    """The paragraph's language when it differs from the deck's (deckgen's English labels)."""
    link: str | None = None
    """A URL the paragraph's text ends with, written as a clickable link."""


@record(frozen=True)
class ColumnPlan:
    """One column of a comparison: its heading and bullets, fitted to its own box."""

    heading: tuple[Paragraph, ...]
    body: tuple[Paragraph, ...]
    size: float
    heading_size: float
    box: Box
    """Where the column's bullets go (and its heading too, unless ``heading_box`` is given)."""
    heading_box: Box | None = None
    """The heading's own box (a Comparison layout's heading placeholder)."""


@record(frozen=True)
class ComparePlan:
    """Two columns side by side; ``placeholders``: filled into the layout's text placeholders
    (two, or four with headings of their own), else drawn as text boxes."""

    left: ColumnPlan
    right: ColumnPlan
    placeholders: int = 0
    """How many text placeholders of the layout the columns use: 4, 2, or 0 (drawn)."""
    right_first: bool = False
    """The right column fills the layout's first placeholders, which stand on the right (a
    mirrored design)."""


@record(frozen=True)
class TablePlan:
    """A table (or one slide's part of a long one): texts, measured widths and heights in EMU."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[int, ...]
    heights: tuple[int, ...]
    """Height of the header row, then of each row (EMU)."""
    size: float
    """Font size of every cell, in points."""
    box: Box
    """Where the table's top-left corner goes and how wide it is (its height: ``heights``)."""
    caption: str | None = None
    caption_box: Box | None = None
    caption_size: float = 0.0


@record(frozen=True)
class ChartPlan:
    """A native chart in ``box``."""

    chart: Chart
    box: Box


@record(frozen=True)
class Countdown:
    """A question slide's native countdown: a bar that empties over the question's minutes."""

    minutes: float
    """How long the countdown runs, in minutes (the question's ``minutes``)."""
    description: str
    """Its alt text in the deck's language ("Countdown: 4 min")."""


@record(frozen=True)
class QrPlan:
    """A QR code of a web address, so participants scan it instead of typing it."""

    url: str
    alt: str
    """What the picture shows, for screen readers ("QR code: https://...")."""
    box: Box | None = None
    """Where the code goes (EMU), beside the body text; None until the slide is fitted."""


@record(frozen=True)
class SlidePlan:
    """One slide: role, texts and the sizes (points) that make them fit their boxes."""

    role: Role
    title: str
    body: tuple[Paragraph, ...] = ()
    aside: tuple[Paragraph, ...] = ()
    """Text of the second placeholder: the quote of a Quote slide, the meta line of a question."""
    image: Image | None = None
    notes: str = ""
    title_size: float = 0.0
    body_size: float = 0.0
    aside_size: float = 0.0
    paragraph_space: float = 0.0
    """Space above each top-level body paragraph after the first, in points; 0: the template's own
    (balancing spreads short text down its box)."""
    centred: bool = False
    """True: the body text is centred vertically in its box (too little to fill it otherwise)."""
    aside_centred: bool = False
    """True: the aside (a short pull quote) is centred vertically in its box."""
    continuation: bool = False
    """True for the "(cont.)" slides that carry the overflow of the slide before."""
    position: Position = Position()
    """Where the slide's item stands in the outline (for lints)."""
    title_language: str | None = None
    """The title's language when it differs from the deck's (a label such as "Agenda")."""
    layout: str | None = None
    """A layout of the template named by the outline (``layout:``), instead of the role's."""
    compare: ComparePlan | None = None
    table: TablePlan | None = None
    chart: ChartPlan | None = None
    label: str = ""
    """A label deckgen writes in the layout's label box (a question slide's "Discuss")."""
    columns: int = 1
    """Columns the body text flows in: 2 for an agenda or a vote too long for one column,
    which would otherwise continue on a "(cont.)" slide."""
    optional: bool = False
    """True for every slide of an optional point or question: a hidden slide the facilitator
    can unhide."""
    segment: int = 0
    """The part of the agenda the slide belongs to, a PowerPoint section of the deck: 0 the
    opening, 1 to n the outline's sections, n + 1 the discussion, n + 2 the closing."""
    countdown: Countdown | None = None
    """The countdown a question slide with minutes carries (the first of its slides only)."""

    qr: QrPlan | None = None
    """A QR code beside the body text (the References slide's, of the article's address)."""
    body_box: Box | None = None
    """The body text's own box where it differs from the layout's (narrowed beside a QR code)."""
    notes_size: float = 0.0
    """The size the speaker notes are set at, in points, so their page never clips them; 0:
    the notes master's own (no notes, or a template whose notes page is not known)."""
    notes_roomy: bool = False
    """True: the notes are too long for the notes master's box and take the page below a smaller
    image of the slide (:func:`deckgen.plan.notes.roomy_frame`)."""
    notes_columns: int = 1
    """Columns the notes flow in on a roomy page: 2 for notes too long for one column."""

@record(frozen=True)
class SlideGroup:
    """Some slides of a deck under one name: a PowerPoint section or a custom show."""

    name: str
    slides: tuple[int, ...]
    """Positions in :attr:`DeckPlan.slides` (0-based), in the order they are shown."""


@record(frozen=True)
class DeckPlan:
    """All slides of a deck in order, plus the metadata written into the file."""

    title: str
    slides: tuple[SlidePlan, ...]
    author: str | None = None
    subject: str | None = None
    language: str = "en"
    date: str | None = None
    """The outline's date; when it is an ISO date it becomes the deck's created/modified date."""
    warnings: tuple[Problem, ...] = ()
    """Lints found while planning (text shrunk below the template's floor ...)."""
    footer: str = ""
    """Footer text for every slide whose layout has a footer placeholder ("" for none)."""
    sections: tuple[SlideGroup, ...] = ()
    """The deck's PowerPoint sections, the agenda's parts: every slide in exactly one, in order."""
    shows: tuple[SlideGroup, ...] = ()
    """One custom show per ``shorter`` length: the slides of that shorter run."""
