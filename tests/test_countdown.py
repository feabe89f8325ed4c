"""Question slides with minutes count them down: a bar that empties by itself, in PowerPoint and LibreOffice."""

from __future__ import annotations

import re
import subprocess
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn
from pptx.slide import Slide

from deckgen.app.build import deck_bytes
from deckgen.app.pdf import export_filter
from deckgen.outline.loader import load_outline
from deckgen.render.template.countdownstrip import BAR_SHARE
from tests.conftest import OUTLINES, SORA
from tests.deck_helpers import THIRD_PARTY_TEMPLATES, cached_deck_bytes, open_deck, title_of, zip_part
from tests.validators import deck_findings

ARABIC = OUTLINES / "sora-china-ai.ar.yaml"
DEFAULT_TEMPLATE = THIRD_PARTY_TEMPLATES["python-pptx default"]
PANDOC = str(THIRD_PARTY_TEMPLATES["pandoc reference"])
_OUTLINE = """\
title: Timed questions
sections:
  - title: One
    id: one
    points:
      - claim: A point
        evidence: [A fact]
questions:
  - prompt: How long is two and a half minutes?
    after: one
    minutes: 2.5
  - prompt: Is a question without minutes timed?
"""


def _bar(slide: Slide) -> object | None:
    return next((shape for shape in slide.shapes if shape.name == "Countdown"), None)


def _timing(slide: Slide) -> object | None:
    return slide.element.find(qn("p:timing"))


def _counting(data: bytes) -> list[Slide]:
    return [slide for slide in open_deck(data).slides if _bar(slide) is not None]


def _effect(slide: Slide) -> object:
    """The one effect of the slide's main sequence (its ``p:cTn`` with a preset)."""
    timing = _timing(slide)
    assert timing is not None
    effects = [node for node in timing.iter(qn("p:cTn")) if node.get("presetID") is not None]
    assert len(effects) == 1
    return effects[0]


def _colour(shape: object, theme: str) -> str:
    """The hex colour a shape is filled with, a theme colour looked up in ``theme`` (its XML)."""
    fill = shape._element.find(f"{qn('p:spPr')}/{qn('a:solidFill')}")[0]  # type: ignore[attr-defined]
    if fill.tag == qn("a:srgbClr"):
        return str(fill.get("val"))
    found = re.search(rf'<a:{fill.get("val")}><a:srgbClr val="([0-9A-Fa-f]{{6}})"', theme)
    assert found is not None
    return found.group(1)


def _written(tmp_path: Path, text: str, template: str | None = None, name: str = "timed") -> bytes:
    source = tmp_path / f"{name}.yaml"
    source.write_text(text, encoding="utf-8")
    return deck_bytes(load_outline(source), template)


def test_each_question_with_minutes_has_one_bar_and_nothing_else_does() -> None:
    deck = open_deck(cached_deck_bytes(SORA))
    outline = load_outline(SORA)
    timed = [q.prompt for q in outline.questions if q.minutes]
    counting = [title_of(slide) for slide in deck.slides if _bar(slide) is not None]
    assert counting == timed and len(timed) > 3
    assert all(_timing(slide) is None for slide in deck.slides if _bar(slide) is None)


def test_the_bar_runs_along_the_bottom_edge_below_the_slide_number_in_the_marks_colour() -> None:
    deck = open_deck(cached_deck_bytes(SORA))
    width, height = deck.slide_width, deck.slide_height
    theme = zip_part(cached_deck_bytes(SORA), "ppt/theme/theme1.xml")
    for slide in [s for s in deck.slides if _bar(s) is not None]:
        bar = _bar(slide)
        assert (bar.left, bar.width) == (0, width)
        assert (bar.top + bar.height, bar.height) == (height, height // BAR_SHARE)
        assert not bar.has_text_frame or bar.text_frame.text == ""
        others = [shape for shape in slide.shapes if shape.name != "Countdown" and shape.top is not None]
        assert all(shape.top + shape.height <= bar.top for shape in others)  # footer, number, logo, text
        disc = next(s for s in slide.slide_layout.shapes if s.name == "Question Disc")  # the design's brand colour
        assert _colour(bar, theme) == _colour(disc, theme)


def test_the_bar_wears_the_band_s_colour_where_deckgen_marks_the_question() -> None:
    slides = _counting(cached_deck_bytes(SORA, PANDOC))
    assert slides
    for slide in slides:
        band = next(s for s in slide.shapes if s.name == "Question Band")
        colour = [e.get("val") for e in (band._element, _bar(slide)._element)
                  for e in e.iter(qn("a:schemeClr"), qn("a:srgbClr"))]
        assert colour[0] == colour[1]


def test_the_bar_has_alt_text_in_the_deck_s_language() -> None:
    assert {_bar(s)._element.find(f".//{qn('p:cNvPr')}").get("descr") for s in _counting(cached_deck_bytes(SORA))} \
        >= {"Countdown: 4 min", "Countdown: 5 min"}
    arabic = {_bar(s)._element.find(f".//{qn('p:cNvPr')}").get("descr") for s in _counting(cached_deck_bytes(ARABIC))}
    assert arabic and all(text.startswith("العد التنازلي: ") for text in arabic)


def test_the_animation_starts_by_itself_and_lasts_exactly_the_minutes(tmp_path: Path) -> None:
    slide = _counting(_written(tmp_path, _OUTLINE))[0]
    assert title_of(slide) == "How long is two and a half minutes?"
    effect = _effect(slide)
    assert (effect.get("presetID"), effect.get("presetClass"), effect.get("nodeType")) == ("22", "exit", "afterEffect")
    assert effect.find(f"{qn('p:stCondLst')}/{qn('p:cond')}").get("delay") == "0"
    group = slide.element.find(f".//{qn('p:seq')}/{qn('p:cTn')}/{qn('p:childTnLst')}/{qn('p:par')}/{qn('p:cTn')}")
    begin = group.find(f"{qn('p:stCondLst')}/{qn('p:cond')}[@evt='onBegin']")
    assert begin is not None and begin.get("delay") == "0"  # no click: the sequence's start starts it
    wipe = effect.find(f".//{qn('p:animEffect')}")
    assert (wipe.get("transition"), wipe.find(f".//{qn('p:cTn')}").get("dur")) == ("out", "150000")
    hide = effect.find(f".//{qn('p:set')}")
    assert hide.find(f".//{qn('p:cond')}").get("delay") == "149999"
    assert hide.find(f".//{qn('p:strVal')}").get("val") == "hidden"
    targets = {node.get("spid") for node in slide.element.iter(qn("p:spTgt"), qn("p:bldP"))}
    assert targets == {str(_bar(slide).shape_id)}


def test_the_bar_empties_toward_where_the_deck_starts_reading() -> None:
    english = _effect(_counting(cached_deck_bytes(SORA))[0])
    arabic = _effect(_counting(cached_deck_bytes(ARABIC))[0])
    assert (english.get("presetSubtype"), english.find(f".//{qn('p:animEffect')}").get("filter")) == ("2", "wipe(left)")
    assert (arabic.get("presetSubtype"), arabic.find(f".//{qn('p:animEffect')}").get("filter")) == ("8", "wipe(right)")


def test_countdown_false_writes_no_bar_and_no_timing() -> None:
    data = deck_bytes(replace(load_outline(SORA), countdown=False))
    deck = open_deck(data)
    assert all(_bar(slide) is None and _timing(slide) is None for slide in deck.slides)
    assert len(deck.slides) == len(open_deck(cached_deck_bytes(SORA)).slides)


def test_an_audience_can_turn_countdowns_off(tmp_path: Path) -> None:
    text = _OUTLINE + "audiences:\n  quiet:\n    set: {countdown: false}\n"
    source = tmp_path / "audiences.yaml"
    source.write_text(text, encoding="utf-8")
    assert _counting(deck_bytes(load_outline(source)))
    assert not _counting(deck_bytes(load_outline(source, audience="quiet")))


def _template_with(folder: Path, name: str, *frames: tuple[float, float, float, float]) -> str:
    """python-pptx's default template with rectangles of artwork on its master, each given as
    shares of the slide (left, top, width, height)."""
    deck = Presentation(str(DEFAULT_TEMPLATE))
    width, height = deck.slide_width, deck.slide_height
    tree = deck.slide_master.shapes._spTree
    for number, (left, top, across, down) in enumerate(frames):
        tree.append(parse_xml(
            f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{90 + number}" name="Art {number}"/><p:cNvSpPr/><p:nvPr/>'
            f'</p:nvSpPr><p:spPr><a:xfrm><a:off x="{round(left * width)}" y="{round(top * height)}"/>'
            f'<a:ext cx="{round(across * width)}" cy="{round(down * height)}"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="6A1B9A"/></a:solidFill>'
            '</p:spPr></p:sp>'))
    path = folder / f"{name}.pptx"
    deck.save(str(path))
    return str(path)


def _bar_on(tmp_path: Path, name: str, *frames: tuple[float, float, float, float]) -> tuple[int, int, int, int]:
    bar = _bar(_counting(_written(tmp_path, _OUTLINE, _template_with(tmp_path, name, *frames), name=name))[0])
    return bar.left, bar.top, bar.width, bar.height


def test_the_bar_keeps_clear_of_artwork_along_the_bottom_edge(tmp_path: Path) -> None:
    deck = Presentation(str(DEFAULT_TEMPLATE))
    width, height = deck.slide_width, deck.slide_height
    thin = height // BAR_SHARE
    # a logo in the bottom right corner: the bar stops short of it, on the bottom edge
    left, top, across, down = _bar_on(tmp_path, "logo", (0.9, 0.9, 0.1, 0.1))
    assert (left, top + down, down) == (0, height, thin) and width * 0.85 <= across <= width * 0.9
    # a band along the bottom: the bar runs just above it, the whole width
    left, top, across, down = _bar_on(tmp_path, "band", (0, 0.95, 1, 0.05))
    assert (left, across) == (0, width) and height * 0.9 < top + down <= height * 0.95
    # a band too tall to rise over: the top edge, when that is clear
    assert _bar_on(tmp_path, "tall", (0, 0.7, 1, 0.3)) == (0, 0, width, thin)
    # nothing clear: the bottom edge all the same
    assert _bar_on(tmp_path, "boxed", (0, 0.7, 1, 0.3), (0, 0, 1, 0.05)) == (0, height - thin, width, thin)


def test_the_bar_stops_short_of_a_slide_number_set_on_the_bottom_edge(tmp_path: Path) -> None:
    deck = Presentation(str(DEFAULT_TEMPLATE))
    width, height = deck.slide_width, deck.slide_height
    number = next(p for p in deck.slide_master.placeholders if p.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER)
    number.left, number.top, number.width, number.height = width * 4 // 5, height * 19 // 20, width // 5, height // 20
    for layout in deck.slide_layouts:  # the layouts' own copies follow the master's
        for placeholder in layout.placeholders:
            frame = placeholder._element.spPr.find(qn("a:xfrm"))
            if placeholder.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER and frame is not None:
                placeholder._element.spPr.remove(frame)
    path = tmp_path / "number-on-edge.pptx"
    deck.save(str(path))
    slide = _counting(_written(tmp_path, _OUTLINE, str(path)))[0]
    bar = _bar(slide)
    shown = next(s for s in slide.shapes if s.is_placeholder and s.placeholder_format.type == PP_PLACEHOLDER.SLIDE_NUMBER)
    assert bar.top + bar.height == height and bar.left == 0
    assert bar.left + bar.width <= shown.left and bar.width >= width * 0.75


def test_decks_with_countdowns_build_the_same_bytes_twice(tmp_path: Path) -> None:
    assert _written(tmp_path, _OUTLINE, PANDOC) == _written(tmp_path, _OUTLINE, PANDOC, name="timed")


@pytest.mark.parametrize(("outline", "template"), [(SORA, None), (SORA, PANDOC), (ARABIC, PANDOC), (ARABIC, "classic")],
                         ids=["sora-own", "sora-pandoc", "arabic-pandoc", "arabic-classic"])
def test_decks_with_countdowns_open_cleanly_in_powerpoint(tmp_path: Path, outline: Path, template: str | None) -> None:
    deck = tmp_path / "deck.pptx"
    deck.write_bytes(cached_deck_bytes(outline, template))
    assert _counting(deck.read_bytes())
    assert deck_findings(deck) == []


def test_libreoffice_imports_each_countdown_and_renders_page_for_page(soffice: str, tmp_path: Path) -> None:
    deck = tmp_path / "sora.pptx"
    data = cached_deck_bytes(SORA)
    deck.write_bytes(data)
    profile = (tmp_path / "profile").as_uri()
    for kind in ("odp", export_filter("slides")):  # hidden slides too, as deckgen exports them
        subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", kind,
                        "--outdir", str(tmp_path), str(deck)], check=True, capture_output=True, timeout=300)
    with zipfile.ZipFile(tmp_path / "sora.odp") as archive:
        content = archive.read("content.xml").decode("utf-8")
    minutes = [q.minutes for q in load_outline(SORA).questions if q.minutes]
    wipes = re.findall(r'<anim:transitionFilter smil:dur="([0-9.]+)s"[^>]*smil:mode="out"', content)
    assert [float(seconds) for seconds in wipes] == [m * 60 for m in minutes]
    assert content.count('presentation:node-type="after-previous"') == len(minutes)
    info = subprocess.run(["pdfinfo", str(tmp_path / "sora.pdf")], check=True, capture_output=True, text=True).stdout
    assert int(re.search(r"Pages:\s+(\d+)", info).group(1)) == len(open_deck(data).slides)
