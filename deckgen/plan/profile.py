"""What the planner needs to know about a template, as plain data (no pptx objects).

A :class:`TemplateProfile` is made once per template by :mod:`deckgen.render.template.prepare`
and reused for every deck built with it. Lengths are EMU (914400 per inch, 12700 per point).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import field, replace
from enum import Enum
from pathlib import Path

from deckgen.records import record

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
    COMPARE = "compare"
    TABLE = "table"
    CHART = "chart"


@record(frozen=True)
class TextStyle:
    """How a template sets the paragraphs of one outline level in a box (its list styles, resolved)."""

    margin_left: int = 0
    """Where a paragraph's wrapped lines start, from the box's inner left edge (``marL``), EMU."""
    indent: int = 0
    """Where the first line starts relative to ``margin_left`` (negative: a hanging bullet), EMU."""
    space_before_pt: float = 0.0
    """Space above the paragraph in points (``spcBef``/``spcPts``)."""
    space_before_lines: float = 0.0
    """Space above the paragraph in single lines (``spcBef``/``spcPct``; 0.2 = 20 %)."""
    space_after_pt: float = 0.0
    """Space below the paragraph in points."""
    space_after_lines: float = 0.0
    """Space below the paragraph in single lines."""
    line_spacing: float = 1.0
    """Line spacing as a multiple of single spacing (``lnSpc``/``spcPct``; 0.9 = 90 %)."""
    line_spacing_pt: float = 0.0
    """Exact line pitch in points when the template fixes it (``lnSpc``/``spcPts``), else 0."""
    bold: bool = False
    italic: bool = False
    caps: bool = False
    """Set in capitals (``cap="all"``)."""
    letter_spacing_pt: float = 0.0
    """Extra space after every character, in points (``spc``)."""
    font: str | None = None
    """``"major"`` or ``"minor"`` for a theme font, a typeface name, or None (the box kind's theme font)."""


@record(frozen=True)
class Box:
    """A rectangle on the slide, in EMU, with its text insets and paragraph styles."""

    left: int
    top: int
    width: int
    height: int
    inset_left: int = 91440
    """Text insets in EMU (``bodyPr`` lIns/tIns/rIns/bIns; PowerPoint's defaults are 0.1 in, 0.05 in)."""
    inset_top: int = 45720
    inset_right: int = 91440
    inset_bottom: int = 45720
    levels: tuple[TextStyle, ...] = ()
    """Paragraph style of outline levels 0, 1, 2 ...; empty when unknown (then all defaults)."""

    @property
    def text_width_pt(self) -> float:
        """Width available to text, in points."""
        return max(self.width - self.inset_left - self.inset_right, 0) / EMU_PER_PT

    @property
    def text_height_pt(self) -> float:
        """Height available to text, in points."""
        return max(self.height - self.inset_top - self.inset_bottom, 0) / EMU_PER_PT


COLUMN_GAP = 1 / 25
"""Gap between two columns of text in one box, as a share of the box's width."""


def column_gap(box: Box) -> int:
    """The gap between two columns of text in ``box`` (EMU)."""
    return int(box.width * COLUMN_GAP)


@record(frozen=True)
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
    layout_index: int = 0
    """Position of the layout among the template's layouts (two layouts may share a name)."""
    texts: tuple[Box, ...] = ()
    """Every text placeholder of the layout in fill order (a comparison's headings and columns)."""
    label: Box | None = None
    """A third text placeholder for a short label (the Question layout's "Discuss")."""
    mark: bool = False
    """True when the role borrows another role's layout and deckgen marks the slide itself
    (a question slide on a template without a question layout)."""
    own_title: bool = False
    """True when the layout has no title placeholder: deckgen draws the title in its own box at ``title``."""
    own_body: bool = False
    """True when the layout has no text placeholder for the role's text: deckgen draws it in its own box at ``body``."""
    band: Box | None = None
    """Where deckgen's accent band goes on a marked slide (None: no band, the template's
    artwork leaves no clear strip for it)."""
    disc: Box | None = None
    """Where deckgen's disc with "?" goes on a marked slide, above the ``label``."""
    countdown: Box | None = None
    """Where a question slide's countdown bar runs: a thin strip along the slide's bottom edge,
    clear of the template's artwork (None for other roles)."""

    def with_boxes(self, change: Callable[[Box], Box]) -> LayoutSlots:
        """These slots with ``change`` made to each of their boxes."""
        def changed(box: Box | None) -> Box | None:
            return None if box is None else change(box)

        return replace(self, title=changed(self.title), body=changed(self.body), aside=changed(self.aside),
                       picture=changed(self.picture), texts=tuple(change(box) for box in self.texts),
                       label=changed(self.label), band=changed(self.band), disc=changed(self.disc),
                       countdown=changed(self.countdown))


@record(frozen=True)
class Sizes:
    """Starting, ceiling and floor font sizes in points."""

    title: float = 36.0
    body: float = 24.0
    min_title: float = 24.0
    min_body: float = 14.0
    max_body: float = 0.0
    """The largest size short body text of a point slide grows to; 0: 7/6 of ``body`` (28 for 24)."""

    @property
    def body_ceiling(self) -> float:
        """The size short point-slide text grows to, in points."""
        return self.max_body or round(self.body * 7 / 6)


@record(frozen=True)
class NotesFrame:
    """A template's notes page: its size, where the slide's image and the speaker notes go
    (EMU), and the size the notes are set at (points)."""

    page_width: int
    page_height: int
    body: Box
    """The notes' text box, with its insets."""
    image: Box | None = None
    """The slide's image above the notes (None: the notes master shows none)."""
    size: float = 12.0
    """The notes master's size for the notes' first level, in points."""


@record(frozen=True)
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
    """Things a user of this template should know whatever the outline (layout names several
    layouts share, active content removed); role fallbacks are in ``fallbacks``."""
    lints: tuple[str, ...] = field(default=())
    """Accessibility problems of the template itself (text colours below WCAG AA contrast)."""
    by_layout: Mapping[str, Mapping[Role, LayoutSlots]] = field(default_factory=dict)
    """Every layout of the template by name (the first of layouts sharing a name), as each
    role would use it: for points that name their layout (``layout: Title Only``)."""

    def slots_for(self, role: Role, layout: str | None = None) -> LayoutSlots:
        """Where ``role``'s texts go: on the named ``layout`` when given, else on the role's own."""
        if layout is not None and layout in self.by_layout:
            return self.by_layout[layout][role]
        return self.slots[role]

    def with_boxes(self, change: Callable[[Box], Box]) -> TemplateProfile:
        """This profile with ``change`` made to every box of every layout (how a language's
        script is measured, for one)."""
        return replace(self, slots={role: slots.with_boxes(change) for role, slots in self.slots.items()},
                       by_layout={name: {role: slots.with_boxes(change) for role, slots in roles.items()}
                                  for name, roles in self.by_layout.items()})
    footer: str = ""
    """The brand file's footer text, used when the outline sets none ("" for user templates)."""
    shared_names: Mapping[str, tuple[int, ...]] = field(default_factory=dict)
    """Layout names that several layouts share, with those layouts' positions (1-based, in the
    order ``deckgen templates inspect`` lists them); roles and ``layout:`` use the first."""
    fallbacks: tuple[Role, ...] = ()
    """Roles the template has no layout for, which borrow a related role's (see
    :mod:`deckgen.plan.notices`: a deck is told only of the ones it uses)."""
    layout_kinds: Mapping[str, str] = field(default_factory=dict)
    """The OOXML type of every layout in ``by_layout`` (``titleOnly``, ``obj`` ...), in the order
    an outline's ``layout:`` prefers them: what a type keyword or a name in another language finds."""
    notes: NotesFrame | None = None
    """The notes page speaker notes are fitted to (None: not known, notes keep the master's size)."""
    right_to_left: bool = False
    """Prepared for right-to-left decks: a bundled template's design is mirrored, and what
    deckgen arranges itself on any template (its question mark, a picture beside the body)."""
