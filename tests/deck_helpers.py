"""Reading built decks the way users see them: slide text, levels, notes, pictures.

Shared by the render, template, validity and LibreOffice tests. Decks built with the
same inputs are cached per test session (bytes), so each is rendered once.
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject
from pptx.slide import Slide

from deckgen.app.build import deck_bytes
from deckgen.outline.inline import plain
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Outline
from deckgen.render.template.blueprint import PreparedTemplate
from tests.conftest import FIXTURES, OUTLINES

TEMPLATES = FIXTURES / "templates"
SPECS = FIXTURES / "specs"
BUNDLED_TEMPLATES = ("seminar", "classic")
THIRD_PARTY_TEMPLATES = {
    "python-pptx default": TEMPLATES / "python-pptx-default.pptx",
    "pandoc reference": TEMPLATES / "pandoc-reference.pptx",
    "LibreOffice Impress": TEMPLATES / "libreoffice-impress.pptx",
}
CORPUS_TEMPLATES = {
    "pandoc-written": TEMPLATES / "pandoc-written.pptx",
    "Quarto re-saved": TEMPLATES / "quarto-nord-theme.pptx",
    "md2pptx": TEMPLATES / "md2pptx-martin.pptx",
}
"""Templates other programs wrote, as users bring them (their sources: tests/fixtures/templates/README.md)."""
ALL_TEMPLATES = {**{name: name for name in BUNDLED_TEMPLATES}, **{k: str(v) for k, v in THIRD_PARTY_TEMPLATES.items()}}
BUNDLED_OUTLINES = tuple(sorted(OUTLINES.glob("*.yaml")))
READING = OUTLINES / "reading-a-policy-paper.yaml"
SORA_ZH = OUTLINES / "sora-china-ai.zh.yaml"
SPEC_OUTLINES = tuple(sorted(SPECS.glob("*.yaml")))

_SPACE = re.compile(r"\s+")


def opened_template(prepared: PreparedTemplate) -> PresentationObject:
    """The prepared (cleaned and repaired) template itself, opened with python-pptx."""
    return Presentation(io.BytesIO(prepared.package))


def fold(text: str) -> str:
    """White space folded the way a slide shows it."""
    return _SPACE.sub(" ", text).strip()


STRIP_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)
"""Footer, slide number and date: on the slide, but not its content."""


def text_shapes(slide: Slide) -> Iterator[object]:
    """Every shape of ``slide`` with a text frame (table cells included), in document (reading)
    order, but the footer strip."""
    for shape in slide.shapes:
        if shape.has_text_frame:
            if not (shape.is_placeholder and shape.placeholder_format.type in STRIP_TYPES):
                yield shape
        elif getattr(shape, "has_table", False):
            yield from (cell for row in shape.table.rows for cell in row.cells)  # type: ignore[attr-defined]


def paragraphs(slide: Slide) -> list[tuple[str, int]]:
    """Every non-empty paragraph on ``slide`` as (text, level)."""
    found = []
    for shape in text_shapes(slide):
        for paragraph in shape.text_frame.paragraphs:  # type: ignore[attr-defined]
            if paragraph.text.strip():
                found.append((paragraph.text, paragraph.level))
    return found


def slide_text(slide: Slide) -> str:
    """All text of ``slide``, one line per paragraph."""
    return "\n".join(text for text, _level in paragraphs(slide))


def deck_text(deck: PresentationObject) -> str:
    """All slide text of a deck (folded per paragraph), one line per paragraph."""
    return "\n".join(fold(text) for slide in deck.slides for text, _level in paragraphs(slide))


def title_of(slide: Slide) -> str:
    """The text of the slide's title placeholder ('' when it has none)."""
    title = slide.shapes.title
    return title.text_frame.text if title is not None else ""


def notes_of(slide: Slide) -> str:
    """Speaker notes text ('' when the slide has none)."""
    return slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""


def alt_texts(deck: PresentationObject) -> list[str]:
    """The ``descr`` of every picture in the deck, in slide order."""
    found = []
    for slide in deck.slides:
        for element in slide.shapes._spTree.iter(qn("p:pic")):
            found.append(element.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").get("descr"))
    return found


def outline_strings(outline: Outline) -> list[str]:
    """Every text of ``outline`` that SPEC section 3 puts on a slide (folded)."""
    strings = [outline.title, outline.subtitle or "", outline.thesis or "", *outline.takeaways, *outline.exit_ticket]
    for section in outline.sections:
        strings += [section.title, section.summary]
        for point in section.points:
            strings += [point.claim, *(bullet.text for bullet in point.evidence)]
            if point.quote is not None:
                strings += [point.quote.text, point.quote.by or ""]
            if point.compare is not None:
                for column in (point.compare.left, point.compare.right):
                    strings += [column.title, *(bullet.text for bullet in column.items)]
            if point.table is not None:
                strings += [*point.table.header, *(cell for row in point.table.rows for cell in row)]
                strings += [point.table.caption or ""]
    for question in outline.questions:
        strings += [question.prompt, *question.follow_ups]
    for source in ([outline.source] if outline.source else []) + list(outline.references):
        strings += [source.title, source.author or ""]
    return [fold(plain(s)) for s in strings if s and s.strip()]


def missing_strings(outline: Outline, deck: PresentationObject) -> list[str]:
    """Outline strings that appear nowhere on the deck's slides."""
    text = deck_text(deck)
    return [s for s in outline_strings(outline) if s not in text]


@functools.cache
def cached_deck_bytes(outline: Path, template: str | None = None, audience: str | None = None) -> bytes:
    """The .pptx bytes of an outline (variant) on a template, built once per session."""
    return deck_bytes(load_outline(outline, audience=audience), template)


def open_deck(data: bytes | Path) -> PresentationObject:
    """A built deck, opened with python-pptx."""
    return Presentation(io.BytesIO(data) if isinstance(data, bytes) else str(data))


def zip_part(data: bytes | Path, name: str) -> str:
    """The text of one part of a .pptx package."""
    source = io.BytesIO(data) if isinstance(data, bytes) else data
    with zipfile.ZipFile(source) as archive:
        return archive.read(name).decode("utf-8")
