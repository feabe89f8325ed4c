"""Slide numbers and footers: every slide but the title slide is numbered; `footer:` sets the footer."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn
from pptx.slide import Slide

from deckgen.app.build import deck_bytes
from deckgen.app.pdf import export_filter
from deckgen.outline.loader import load_outline
from deckgen.render.template.catalog import bundled_templates_dir
from tests.conftest import SORA
from tests.deck_helpers import BUNDLED_TEMPLATES, SORA_ZH, THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck

NUMBERED_TEMPLATES = {
    **{name: name for name in BUNDLED_TEMPLATES},
    "pandoc reference": str(THIRD_PARTY_TEMPLATES["pandoc reference"]),
    "python-pptx default": str(THIRD_PARTY_TEMPLATES["python-pptx default"]),
    "LibreOffice Impress": str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"]),
}

_OUTLINE = """\
title: Footers
footer: POLS 210 · Week 6
sections:
  - title: One
    points:
      - claim: A point
        evidence: [A fact]
questions:
  - prompt: Why?
"""


def slide_numbers(slide: Slide) -> list[str]:
    """The slide-number fields' texts on ``slide``: ``["7"]`` or ``[]``."""
    return ["".join(t.text or "" for t in field.iter(qn("a:t")))
            for field in slide.shapes._spTree.iter(qn("a:fld")) if field.get("type") == "slidenum"]


def _footer_texts(slide: Slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.placeholders
            if shape.placeholder_format.type == PP_PLACEHOLDER.FOOTER]


@pytest.mark.parametrize("template", list(NUMBERED_TEMPLATES.values()), ids=list(NUMBERED_TEMPLATES))
def test_every_slide_but_the_title_slide_carries_its_number_as_a_field(template: str) -> None:
    deck = open_deck(cached_deck_bytes(SORA, template))
    numbers = [slide_numbers(slide) for slide in deck.slides]
    assert numbers[0] == []
    assert numbers[1:] == [[str(n)] for n in range(2, len(numbers) + 1)]


def test_the_number_is_a_slide_number_placeholder_inheriting_the_layout_position() -> None:
    deck = open_deck(cached_deck_bytes(SORA, "seminar"))
    slide = deck.slides[4]
    number = [s for s in slide.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
    assert len(number) == 1
    layout_number = [s for s in slide.slide_layout.placeholders if s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER]
    assert (number[0].left, number[0].top) == (layout_number[0].left, layout_number[0].top)
    field = number[0]._element.find(f".//{qn('a:fld')}")
    assert field.get("type") == "slidenum" and field.get("id")


@pytest.mark.parametrize("template", ["seminar", "classic"])
def test_bundled_layouts_carry_number_and_footer_placeholders(template: str) -> None:
    deck = open_deck(bundled_templates_dir() / f"{template}.pptx")
    for layout in deck.slide_layouts:
        kinds = {p.placeholder_format.type for p in layout.placeholders}
        if layout.name == "Title":
            assert PP_PLACEHOLDER.SLIDE_NUMBER not in kinds
        else:
            assert PP_PLACEHOLDER.SLIDE_NUMBER in kinds, layout.name
        if layout.name not in ("Title", "Section", "Question"):
            assert PP_PLACEHOLDER.FOOTER in kinds, layout.name
    master_kinds = {p.placeholder_format.type for p in deck.slide_master.placeholders}
    assert {PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.FOOTER} <= master_kinds


@pytest.mark.parametrize("template", ["seminar", str(THIRD_PARTY_TEMPLATES["pandoc reference"])],
                         ids=["seminar", "pandoc"])
def test_the_outline_footer_is_written_on_every_slide_that_shows_a_footer(
    template: str, write_outline: Callable[[str], Path]
) -> None:
    deck = open_deck(deck_bytes(load_outline(write_outline(_OUTLINE)), template))
    footers = [_footer_texts(slide) for slide in deck.slides]
    assert footers[0] == []  # the title slide
    assert ["POLS 210 · Week 6"] in footers
    assert all(f in ([], ["POLS 210 · Week 6"]) for f in footers)
    content = [f for slide, f in zip(deck.slides, footers) if slide.slide_layout.name in ("Content", "Title and Content")]
    assert content and all(f == ["POLS 210 · Week 6"] for f in content)


@pytest.mark.parametrize("template", ["seminar", str(THIRD_PARTY_TEMPLATES["pandoc reference"])],
                         ids=["seminar", "pandoc"])
def test_a_link_in_the_footer_is_related_from_every_slide_that_shows_it(
    template: str, write_outline: Callable[[str], Path]
) -> None:
    outline = _OUTLINE.replace("footer: POLS 210 · Week 6", 'footer: "See [the syllabus](https://example.org/pols210)"')
    deck = open_deck(deck_bytes(load_outline(write_outline(outline)), template))
    linked = 0
    for slide in deck.slides:
        for link in slide.shapes._spTree.iter(qn("a:hlinkClick")):
            relationship = slide.part.rels[link.get(qn("r:id"))]
            assert relationship.is_external and relationship.target_ref == "https://example.org/pols210"
            linked += 1
    assert linked >= 1


def test_without_footer_the_bundled_templates_show_the_brand_footer() -> None:
    deck = open_deck(cached_deck_bytes(SORA, "classic"))
    assert _footer_texts(deck.slides[4]) == ["Discussion guide"]


def test_the_default_footer_is_in_the_deck_s_language() -> None:
    deck = open_deck(cached_deck_bytes(SORA_ZH, "seminar"))
    assert _footer_texts(deck.slides[4]) == ["讨论指南"]


def test_a_user_template_without_footer_text_gets_no_empty_footer() -> None:
    deck = open_deck(cached_deck_bytes(SORA, str(THIRD_PARTY_TEMPLATES["pandoc reference"])))
    assert all(_footer_texts(slide) == [] for slide in deck.slides)


def test_footer_and_number_runs_carry_the_deck_language() -> None:
    deck = open_deck(cached_deck_bytes(SORA_ZH, "seminar"))
    slide = deck.slides[3]
    strip = [s for s in slide.placeholders
             if s.placeholder_format.type in (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)]
    languages = {r.get("lang") for s in strip for r in s._element.iter(qn("a:rPr"))}
    assert languages == {"zh-CN"}


def test_libreoffice_shows_each_slide_s_number_on_its_page(soffice: str, tmp_path: Path) -> None:
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler-utils (pdftotext) is not installed")
    deck = tmp_path / "sora.pptx"
    deck.write_bytes(cached_deck_bytes(SORA, str(THIRD_PARTY_TEMPLATES["pandoc reference"])))
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", export_filter("slides"), "--outdir", str(tmp_path), str(deck)],
                   check=True, capture_output=True, timeout=300)
    pages = len(open_deck(deck).slides)
    for page in (1, 2, 7, pages):
        text = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), str(tmp_path / "sora.pdf"), "-"],
                              check=True, capture_output=True, text=True).stdout
        lines = [line.strip() for line in text.splitlines()]
        assert (str(page) in lines) == (page > 1), (page, lines[-5:])


def test_an_audience_can_set_its_own_footer(write_outline: Callable[[str], Path]) -> None:
    text = _OUTLINE + "audiences:\n  week7:\n    set: {footer: POLS 210 · Week 7}\n"
    outline = load_outline(write_outline(text), audience="week7")
    deck = open_deck(deck_bytes(outline, "seminar"))
    assert ["POLS 210 · Week 7"] in [_footer_texts(slide) for slide in deck.slides]
