"""A prepared template as plain data: everything needed to write decks on it without python-pptx.

When a template is prepared (with python-pptx, once, then cached on disk), deckgen also
records what a deck built on it starts from: the XML of a new slide on each layout, of a
new notes page, of the presentation part and the document properties, the relationships
and the order python-pptx writes the parts in. :mod:`deckgen.render.deck.writer` writes decks
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


@record(frozen=True)
class DeckBlueprint:
    """What every deck on one prepared template starts from."""

    layouts: tuple[LayoutBlueprint, ...]
    """By position in the first master's layout list (``LayoutSlots.layout_index``)."""
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
