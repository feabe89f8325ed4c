"""The facilitator kit (``build --kit``): guide, handout and PDFs beside each deck.

Beside ``<name>.pptx``: ``<name>-guide.md`` and ``<name>-guide.docx`` (the facilitator's
guide), ``<name>-handout.docx`` (for the start of the session), ``<name>-recap.docx`` (for
afterwards), and where LibreOffice is installed ``<name>.pdf`` (the slides),
``<name>-notes.pdf`` (one page per slide with its speaker notes) and ``<name>-handout.pdf``.
The names come from one place (:func:`guide_path`, :func:`handout_path`), which ``guide``
and ``handout`` use for their own files too. The Word files wear the deck's template's
fonts and brand colour. Every file is written atomically and recorded in the folder's
manifest, so an unchanged kit is not rebuilt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.app.document import Document
from deckgen.app.guide import guide_document
from deckgen.app.handout import handout_document
from deckgen.app.markdown import document_markdown
from deckgen.app.recap import recap_document
from deckgen.app.output import write_atomically
from deckgen.app.pdf import Conversion, PdfKind
from deckgen.app.word import document_docx
from deckgen.errors import UsageError
from deckgen.outline.model import Outline, Position
from deckgen.plan.slides import DeckPlan
from deckgen.plan.timing import first_slides

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PaperBrand

GUIDE_SUFFIXES = (".md", ".docx")
GUIDE_NAME = "{stem}-guide"
"""The facilitator guide's file name (without its suffix), beside the deck ``<stem>.pptx``."""
HANDOUT_NAME = "{stem}-handout"
"""The participant handout's file name (without its suffix)."""
RECAP_NAME = "{stem}-recap"
"""The recap's file name (without its suffix)."""


@dataclass(frozen=True)
class KitFile:
    """One file of a deck's kit: where it goes and what it is."""

    path: Path
    kind: str
    """``guide-md``, ``guide-docx``, ``handout-docx``, ``recap-docx``, or a PDF: ``slides``, ``notes``, ``handout-pdf``."""


def guide_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """Where the facilitator guide of the deck ``<stem>.pptx`` in ``folder`` goes."""
    return folder / (GUIDE_NAME.format(stem=stem) + suffix)


def handout_path(folder: Path, stem: str, suffix: str = ".docx", recap: bool = False) -> Path:
    """Where the participant handout (or ``recap``) of the deck ``<stem>.pptx`` in ``folder`` goes."""
    return folder / ((RECAP_NAME if recap else HANDOUT_NAME).format(stem=stem) + suffix)


def kit_documents(deck: Path) -> list[KitFile]:
    """The kit files written without LibreOffice, beside ``deck``."""
    folder, stem = deck.parent, deck.stem
    return [
        KitFile(guide_path(folder, stem, ".md"), "guide-md"),
        KitFile(guide_path(folder, stem, ".docx"), "guide-docx"),
        KitFile(handout_path(folder, stem, ".docx"), "handout-docx"),
        KitFile(handout_path(folder, stem, ".docx", recap=True), "recap-docx"),
    ]


def kit_pdfs(deck: Path, language: str = "en-US") -> list[tuple[KitFile, Conversion]]:
    """The kit's PDFs beside ``deck``, each with the LibreOffice conversion that makes it."""
    stem = deck.with_suffix("")
    handout = handout_path(deck.parent, deck.stem, ".docx")
    made: list[tuple[str, Path, Path, PdfKind]] = [
        ("slides", deck, deck.with_suffix(".pdf"), "slides"),
        ("notes", deck, stem.with_name(f"{stem.name}-notes.pdf"), "notes"),
        ("handout-pdf", handout, handout_path(deck.parent, deck.stem, ".pdf"), "document"),
    ]
    return [(KitFile(target, kind), Conversion(source, target, pdf_kind, language)) for kind, source, target, pdf_kind in made]


def slide_numbers(plan: DeckPlan) -> Mapping[Position, int]:
    """The first slide of each section, point and question of the deck ``plan``."""
    return first_slides([slide.position for slide in plan.slides])


def _when(outline: Outline, epoch: int | None) -> dt.datetime | None:
    """The documents' created/modified time: SOURCE_DATE_EPOCH, else the outline's ISO date."""
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc)
    try:
        return dt.datetime.fromisoformat(outline.date or "").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return None


def document_bytes(document: Document, suffix: str, outline: Outline, epoch: int | None = None,
                   template: str | Path | None = None) -> bytes:
    """``document`` as a .md or .docx file's bytes; Word in the brand of the deck's template
    (the outline's, or ``template``)."""
    if suffix == ".md":
        return document_markdown(document).encode("utf-8")
    return document_docx(document, _when(outline, epoch), _brand(outline, template))


def _brand(outline: Outline, template: str | Path | None) -> PaperBrand:
    """The fonts and colour of the deck's template, for its Word files."""
    from deckgen.app.templates import template_for

    return template_for(outline, template).blueprint.paper


def guide_bytes(outline: Outline, suffix: str, plan: DeckPlan | None = None, epoch: int | None = None,
                template: str | Path | None = None) -> bytes:
    """The facilitator guide as Markdown (``.md``) or Word (``.docx``); ``plan`` numbers the slides."""
    if suffix not in GUIDE_SUFFIXES:
        raise UsageError(f"a guide is written as .md or .docx, not '{suffix or 'no extension'}'; name the file guide.md or guide.docx")
    slides = slide_numbers(plan) if plan is not None else None
    return document_bytes(guide_document(outline, slides), suffix, outline, epoch, template)


def handout_bytes(outline: Outline, epoch: int | None = None, template: str | Path | None = None,
                  recap: bool = False) -> bytes:
    """The participant handout (or the ``recap`` for after the session) as a Word file."""
    document = recap_document(outline) if recap else handout_document(outline)
    return document_bytes(document, ".docx", outline, epoch, template)


def write_kit_documents(outline: Outline, deck: Path, plan: DeckPlan, epoch: int | None = None,
                        template: str | Path | None = None) -> dict[KitFile, bytes]:
    """Write the guide (.md, .docx), the handout and the recap (.docx) beside ``deck``, the
    Word files in the brand of the deck's template (``template`` replacing the outline's);
    return what was written."""
    guide = guide_document(outline, slide_numbers(plan))  # one document, written in both forms
    contents: dict[str, bytes] = {
        "guide-md": document_bytes(guide, ".md", outline, epoch),
        "guide-docx": document_bytes(guide, ".docx", outline, epoch, template),
        "handout-docx": handout_bytes(outline, epoch, template),
        "recap-docx": handout_bytes(outline, epoch, template, recap=True),
    }
    written: dict[KitFile, bytes] = {}
    for item in kit_documents(deck):
        write_atomically(item.path, contents[item.kind])
        written[item] = contents[item.kind]
    return written


def digest(data: bytes) -> str:
    """sha256 of written bytes, as the manifest records them."""
    return sha256(data).hexdigest()


def skipped_pdfs_message(paths: Sequence[Path]) -> str:
    """What the kit could not make without LibreOffice (or its Writer), and how to get it."""
    from deckgen.app.pdf import INSTALL_HINT, soffice_path

    shown = ", ".join(p.name for p in paths[:6]) + (f" and {len(paths) - 6} more" if len(paths) > 6 else "")
    if soffice_path() is not None:
        return (f"LibreOffice Writer is not installed: skipped {len(paths)} handout PDF(s) ({shown}); "
                "install it (e.g. apt-get install libreoffice-writer), then build again")
    return f"LibreOffice (soffice) is not installed: skipped {len(paths)} PDF(s) of the kit ({shown}); {INSTALL_HINT}, then build again"
