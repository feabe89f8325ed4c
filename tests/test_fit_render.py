"""Fitting checked by a real renderer: LibreOffice draws every word inside its own box.

Decks full of deliberately long text (tests/fixtures/fit/) are built on both bundled
templates and on pandoc's reference.pptx, converted to PDF by LibreOffice once per session,
and read back with ``pdftotext -bbox-layout``. Every word drawn for a slide's text must lie
inside the box of a shape holding that word, and every paragraph of the outline must appear
in the PDF. Skipped where soffice or pdftotext is missing (CI installs both, and the fonts).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pptx import Presentation

from deckgen.app.build import build_deck, plan_outline
from deckgen.app.pdf import export_filter
from deckgen.plan.linebreak import NO_LINE_START as HANGING
from deckgen.plan.metrics import is_full_width
from deckgen.outline.inline import plain
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Bullet, Outline
from deckgen.plan.profile import Role, Sizes
from deckgen.render.template.catalog import resolve_template
from tests.conftest import FIXTURES, require_metric_fonts

FIT = FIXTURES / "fit"
OUTLINES = {"english": FIT / "long-english.yaml", "chinese": FIT / "long-chinese.yaml", "formatted": FIT / "long-rich.yaml"}
TEMPLATES = {
    "seminar": "seminar",
    "classic": "classic",
    "pandoc": str(FIXTURES / "templates" / "pandoc-reference.pptx"),
}
CASES = [(outline, template) for outline in OUTLINES for template in TEMPLATES]
EMU_PER_PT = 12700
TOLERANCE_PT = 1.5
"""How far a word's box may stray outside its shape (rounding of positions and glyph boxes)."""

_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', re.S
)
_PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)
_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class Rect:
    """A rectangle in PDF points, y growing downwards (as pdftotext reports)."""

    left: float
    top: float
    right: float
    bottom: float


@dataclass(frozen=True)
class Word:
    """One word pdftotext found on a page, with its box."""

    text: str
    box: Rect

    def core(self) -> Rect:
        """The box without pdftotext's generous ascender/descender allowance (it assumes
        0.95 em above and 0.35 em below the baseline for every font): x-height to just
        below the baseline. A line that does not fit is a whole line (1.2 em) out.

        East Asian punctuation that ends a line may hang past the margin (``hangingPunct``,
        as CJK typesetting does); its em is not counted.
        """
        height = self.box.bottom - self.box.top
        right = self.box.right
        if len(self.text) > 1 and self.text[-1] in HANGING and is_full_width(self.text[-1]):
            right -= height / 1.3
        return Rect(self.box.left, self.box.top + 0.2 * height, right, self.box.bottom - 0.22 * height)


@dataclass(frozen=True)
class Shape:
    """A text shape of a slide: its box in PDF points and its text without white space."""

    name: str
    box: Rect
    text: str

    def overlaps(self, rect: Rect) -> bool:
        return (rect.left < self.box.right and rect.right > self.box.left
                and rect.top < self.box.bottom and rect.bottom > self.box.top)

    def contains(self, rect: Rect) -> bool:
        return (rect.left >= self.box.left - TOLERANCE_PT and rect.right <= self.box.right + TOLERANCE_PT
                and rect.top >= self.box.top - TOLERANCE_PT and rect.bottom <= self.box.bottom + TOLERANCE_PT)


def squash(text: str) -> str:
    """Text without white space or case (templates may set text in capitals), for comparing."""
    return _SPACE.sub("", text).casefold()


def _pages(bbox_html: str) -> list[tuple[float, list[Word]]]:
    """Per page: its width in points and its words."""
    pages = []
    for width, _height, body in _PAGE.findall(bbox_html):
        words = [Word(html.unescape(text), Rect(float(x0), float(y0), float(x1), float(y1)))
                 for x0, y0, x1, y1, text in _WORD.findall(body)]
        pages.append((float(width), words))
    return pages


def _text_shapes(shapes: Iterable[Any], scale: float) -> list[Shape]:
    """Shapes with text, their boxes scaled to PDF points (``scale``: points per EMU)."""
    found = []
    for shape in shapes:
        if not shape.has_text_frame or not shape.text_frame.text.strip():
            continue
        left, top = int(shape.left) * scale, int(shape.top) * scale
        box = Rect(left, top, left + int(shape.width) * scale, top + int(shape.height) * scale)
        found.append(Shape(shape.name, box, squash(shape.text_frame.text)))
    return found


def _shapes(deck: Path, page_width: float) -> list[tuple[list[Shape], list[Shape]]]:
    """Per slide: its text shapes, and the text decorations of its layout and master (footer, "?")."""
    presentation = Presentation(str(deck))
    scale = page_width / int(presentation.slide_width)
    slides = []
    for slide in presentation.slides:
        layout = slide.slide_layout
        static = [s for s in [*layout.shapes, *layout.slide_master.shapes] if not s.is_placeholder]
        slides.append((_text_shapes(slide.shapes, scale), _text_shapes(static, scale)))
    return slides


def _outline_paragraphs(outline: Outline) -> Iterator[str]:
    """Every text of the outline that must be on a slide, as it reads without Markdown markers."""
    return (plain(text) for text in _outline_sources(outline))


def _outline_sources(outline: Outline) -> Iterator[str]:
    yield outline.title
    if outline.thesis:
        yield outline.thesis
    for section in outline.sections:
        yield section.title
        if section.summary:
            yield section.summary
        for point in section.points:
            yield point.claim
            yield from (bullet.text for bullet in point.evidence if isinstance(bullet, Bullet))
            if point.quote:
                yield point.quote.text
            if point.compare:
                for column in (point.compare.left, point.compare.right):
                    yield column.title
                    yield from (bullet.text for bullet in column.items)
    for question in outline.questions:
        yield question.prompt
        yield from question.follow_ups
    yield from outline.takeaways


@dataclass(frozen=True)
class Rendered:
    """A built deck and what LibreOffice drew for it."""

    outline: Outline
    deck: Path
    pages: list[tuple[float, list[Word]]]


@pytest.fixture(scope="session")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Rendered]:
    """Every case built and converted to PDF with one LibreOffice run, then read with pdftotext."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    if soffice is None or pdftotext is None:
        pytest.skip("needs LibreOffice (soffice) and poppler's pdftotext")
    require_metric_fonts()
    folder = tmp_path_factory.mktemp("fit-render")
    decks = {}
    for outline_name, template in CASES:
        outline = load_outline(OUTLINES[outline_name])
        deck = folder / f"{outline_name}-{template}.pptx"
        build_deck(outline, deck, template=TEMPLATES[template])
        decks[(outline_name, template)] = (outline, deck)
    profile = (folder / "profile").as_uri()
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", export_filter("slides"),
                    "--outdir", str(folder), *(str(deck) for _, deck in decks.values())],
                   check=True, capture_output=True, timeout=600)
    found = {}
    for key, (outline, deck) in decks.items():
        pdf = deck.with_suffix(".pdf")
        bbox = subprocess.run([pdftotext, "-bbox-layout", str(pdf), "-"], check=True, capture_output=True,
                              text=True, timeout=120).stdout
        found[key] = Rendered(outline, deck, _pages(bbox))
    return found


def _stray_words(result: Rendered) -> list[str]:
    """Words drawn outside every shape of their slide that holds them."""
    page_width = result.pages[0][0]
    stray = []
    slides = _shapes(result.deck, page_width)
    for number, ((_, words), (shapes, decorations)) in enumerate(zip(result.pages, slides), start=1):
        for word in words:
            owners = [shape for shape in shapes if squash(word.text) in shape.text]
            if any(d.overlaps(word.box) and squash(word.text) in d.text for d in decorations):
                continue
            if owners and not any(shape.contains(word.core()) for shape in owners):
                where = ", ".join(f"{s.name} {s.box}" for s in owners)
                stray.append(f"slide {number}: {word.text!r} at {word.box} outside {where}")
    return stray


@pytest.mark.parametrize(("outline", "template"), CASES)
def test_every_word_is_drawn_inside_its_shape(rendered: dict[tuple[str, str], Rendered], outline: str,
                                              template: str) -> None:
    result = rendered[(outline, template)]
    assert len(result.pages) == len(Presentation(str(result.deck)).slides)
    assert _stray_words(result) == []


@pytest.mark.parametrize(("outline", "template"), CASES)
def test_no_word_of_the_outline_is_lost(rendered: dict[tuple[str, str], Rendered], outline: str,
                                        template: str) -> None:
    result = rendered[(outline, template)]
    drawn = squash("".join(word.text for _, words in result.pages for word in words))
    missing = [text for text in _outline_paragraphs(result.outline) if squash(text) not in drawn]
    assert missing == []


@pytest.mark.parametrize("template", TEMPLATES)
def test_fifteen_long_bullets_continue_on_cont_slides_above_the_floor(template: str) -> None:
    outline = load_outline(OUTLINES["english"])
    plan = plan_outline(outline, TEMPLATES[template])
    claim = outline.sections[0].points[0].claim
    slides = [slide for slide in plan.slides if slide.title.startswith(claim)]
    assert len(slides) > 1 and all(s.title.endswith("(cont.)") for s in slides[1:])
    choice = resolve_template(TEMPLATES[template])
    floor = (choice.brand.sizes if choice.brand else Sizes()).min_body
    assert all(slide.body_size >= floor for slide in slides if slide.role is Role.CONTENT)
