"""A prepared template as plain data: everything needed to write decks on it without python-pptx.

When a template is prepared (with python-pptx, once, then cached on disk), deckgen also
records what a deck built on it starts from: the XML of a new slide on each layout, of a
new notes page, of the presentation part and the document properties, the relationships
and the order python-pptx writes the parts in; and the fonts and colour of the Word files
beside its decks. :mod:`deckgen.render.deck.writer` writes decks
from this alone, byte for byte as the python-pptx writer does, so a build whose template
is cached need not load python-pptx (a third of a single-deck build's time).

Nothing here loads lxml: ``deckgen check`` reads cache entries holding blueprints.
"""

from __future__ import annotations


from typing import TYPE_CHECKING

from deckgen.plan.profile import TemplateProfile
from deckgen.records import record
from deckgen.render.ooxml.opc import Relation

if TYPE_CHECKING:
    from deckgen.render.ooxml.zipwriter import ZipEntry


@record(frozen=True)
class MarkColours:
    """Scheme colour names: the accent of band, disc and labels, and the "?" on the disc."""

    accent: str = "accent1"
    glyph: str = "bg1"
    text: str | None = None
    """The colour of deckgen's own text boxes (a caption, a column) where the theme's text colour
    would not read on the slide's background; None: they keep the theme's."""


@record(frozen=True)
class Backdrop:
    """A filled rectangle of a layout's (or its master's) artwork that text may sit on, in EMU."""

    left: int
    top: int
    width: int
    height: int

    def covers(self, left: int, top: int, width: int, height: int) -> bool:
        """Whether text in the box given lies on this rectangle: it holds the box's centre and
        at least half the box's area."""
        x, y = left + width / 2, top + height / 2
        if not (self.left <= x <= self.left + self.width and self.top <= y <= self.top + self.height):
            return False
        across = min(self.left + self.width, left + width) - max(self.left, left)
        down = min(self.top + self.height, top + height) - max(self.top, top)
        return 2 * max(across, 0) * max(down, 0) >= width * height


@record(frozen=True)
class LayoutBlueprint:
    """A new slide on one layout, and what deckgen fills and adds there."""

    partname: str
    slide: bytes
    """The ``p:sld`` of a new slide on the layout (its placeholders cloned), before any filling."""
    title: int | None
    """Position of the title placeholder among the slide's shapes."""
    texts: tuple[int, ...]
    """Positions of the text placeholders, in fill order."""
    pictures: tuple[int, ...]
    number: bytes | None
    """The layout's slide-number placeholder (``p:sp``), when it has one."""
    footer: bytes | None
    """The layout's footer placeholder (``p:sp``), when it has one."""
    mark: MarkColours
    """Theme colours of deckgen's question mark on this layout."""
    aligns: tuple[tuple[str | None, str | None], ...] = ()
    """The alignment the title and each text placeholder (in that order) inherit from the layout
    and master, as a title line and as body text: right-to-left text is set flush right
    where they leave it flush left."""
    frames: tuple[tuple[int | None, int | None, int | None, int | None], ...] = ()
    """Each text placeholder's position and size as inherited (left, top, width, height; EMU)."""
    footer_align: str | None = None
    """The alignment the footer placeholder inherits (for right-to-left footers)."""
    title_frame: tuple[int | None, int | None, int | None, int | None] | None = None
    """The title placeholder's position and size as inherited (left, top, width, height; EMU)."""
    master: int = 0
    """Position of the layout's master among the template's masters (``DeckBlueprint.own_boxes``)."""
    backdrops: tuple[Backdrop, ...] = ()
    """The filled rectangles of the layout's artwork, topmost first (for :attr:`recolours`)."""
    recolours: tuple[tuple[str | None, ...], ...] = ()
    """For the title and each text placeholder (in that order), the colour its text must take to
    read on each of :attr:`backdrops`, then on the slide's background; None where the template's
    reads (see :mod:`deckgen.render.template.textcolours`). Empty: the template's reads everywhere."""

    def recolour(self, index: int, frame: tuple[int, int, int, int]) -> str | None:
        """The colour placeholder ``index`` (0: the first of title and texts) must take in ``frame``."""
        if index >= len(self.recolours):
            return None
        under = next((n for n, backdrop in enumerate(self.backdrops) if backdrop.covers(*frame)), len(self.backdrops))
        return self.recolours[index][under]


@record(frozen=True)
class OwnBoxes:
    """deckgen's own title and body box (``p:sp`` XML) in one master's styles, for slides whose
    layout has no placeholder for their text (see :mod:`deckgen.render.template.ownboxes`)."""

    title: bytes
    body: bytes


@record(frozen=True)
class NotesBlueprint:
    """A new notes page (the notes master's placeholders cloned) and where its text goes."""

    page: bytes
    body: tuple[int, ...]
    """Child positions, from the root, of the body placeholder's ``p:txBody``."""
    master: str
    """Part name of the notes master."""


@record(frozen=True)
class PackagedPart:
    """A part of every deck, in writing order: ``kind`` says who writes it.

    ``shared``: the template's own, copied from its compressed entries (``rels`` names its
    relationships' entry, if any); ``presentation``, ``core`` and ``app``: written per deck.
    """

    partname: str
    kind: str
    rels: str | None = None


FALLBACK_COLOUR = "1F4E79"
"""A dark blue for a template whose brand colour cannot be resolved."""


@record(frozen=True)
class PaperBrand:
    """What the Word files beside a template's decks wear (guide, handout, recap); worked out
    once when the template is prepared (:mod:`deckgen.render.template.paperbrand`), so a kit
    built on a cached template reads it without python-pptx."""

    heading_font: str | None = None
    """Typeface of titles and headings (the theme's major font); None keeps Word's."""
    body_font: str | None = None
    """Typeface of text (the theme's minor font); None keeps Word's."""
    colour: str = FALLBACK_COLOUR
    """Headings, rules and table headers: ``RRGGBB``, readable on white paper."""


@record(frozen=True)
class DeckBlueprint:
    """What every deck on one prepared template starts from."""

    layouts: tuple[LayoutBlueprint | None, ...]
    """By position among every master's layouts in turn (``LayoutSlots.layout_index``); None for
    a layout no role and no ``layout:`` can use (another master's twin of a name), never drafted."""
    presentation: bytes
    """``presentation.xml`` with an empty slide list."""
    presentation_name: str
    presentation_rels: tuple[Relation, ...]
    """The presentation part's relationships, in the order python-pptx holds them."""
    package_rels: bytes
    """``_rels/.rels``, the same for every deck."""
    parts: tuple[PackagedPart, ...]
    slides_at: int
    """Where in ``parts`` the deck's slides and notes pages are written."""
    content_defaults: tuple[tuple[str, str], ...]
    """``[Content_Types].xml`` Defaults (extension, type) of a deck without slides."""
    content_overrides: tuple[tuple[str, str], ...]
    """Its Overrides (part name, type)."""
    core: bytes
    """The template's ``docProps/core.xml``."""
    theme: tuple[str, bytes] | None
    """The first master's theme (part name, XML), which East Asian decks rewrite."""
    notes: NotesBlueprint | None
    """None when the template has no notes master (python-pptx then adds one)."""
    images: tuple[tuple[str, str], ...] = ()
    """The template's pictures (part name, SHA-1): a deck reuses one instead of adding its twin."""
    own_boxes: tuple[OwnBoxes, ...] = ()
    """deckgen's own title and body boxes, by master position."""
    paper: PaperBrand = PaperBrand()
    """The brand of the Word files beside the decks: the theme's fonts and the brand colour."""

    def layout(self, index: int) -> LayoutBlueprint:
        """The layout at ``index`` (``LayoutSlots.layout_index``), which the profile's slots all name."""
        found = self.layouts[index]
        if found is None:
            raise KeyError(f"layout {index} was not drafted")
        return found


@record(frozen=True)
class PreparedTemplate:
    """A template made ready once (vetted, cleaned, profiled, drafted): everything a check
    or a build needs from it, and what the template cache stores."""

    profile: TemplateProfile
    package: bytes
    """The cleaned template (example slides dropped, missing parts added) as an uncompressed zip."""
    entries: dict[str, ZipEntry]
    """Its parts and their relationships as compressed zip entries, by member name."""
    blueprint: DeckBlueprint
    """What decks on it start from."""
