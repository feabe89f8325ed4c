"""Text clear of artwork: what lies under a layout's text boxes, and boxes moved off it."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image
from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls
from pptx.slide import SlideLayout

from deckgen.plan.profile import Box, Role
from deckgen.render.template.artwork import CELLS_ACROSS, artwork_share, covered, layout_artwork
from deckgen.render.template.catalog import resolve_template
from deckgen.render.template.clearance import KEEP, SLIVER, largest_clear
from deckgen.render.template.clearing import clear_of_artwork
from deckgen.render.template.layouts import describe_layout
from deckgen.render.template.prepared import prepared_template
from tests.artwork_helpers import LOGO, STRIPE, decorated_template
from tests.conftest import SORA
from tests.deck_helpers import BUNDLED_TEMPLATES, TEMPLATES, cached_deck_bytes, open_deck

FOCUS = TEMPLATES / "artwork-focus.pptx"


def _content_layout(path: Path, master: int = 0) -> SlideLayout:
    deck = Presentation(str(path))
    return next(layout for layout in deck.slide_masters[master].slide_layouts if layout.name == "Title, Content")


def _body(layout: SlideLayout) -> Box:
    body = next(p for p in layout.placeholders if "OBJECT" in str(p.placeholder_format.type))
    return Box(int(body.left), int(body.top), int(body.width), int(body.height))


def _obstructed(layout: SlideLayout, box: Box) -> float:
    artwork = layout_artwork(layout)
    return covered(artwork.obstacles(box), artwork.region(box))


def _overlap(first: tuple[int, int, int, int], second: tuple[int, int, int, int]) -> int:
    width = min(first[0] + first[2], second[0] + second[2]) - max(first[0], second[0])
    height = min(first[1] + first[3], second[1] + second[3]) - max(first[1], second[1])
    return max(width, 0) * max(height, 0)


def _frame(shape: object) -> tuple[int, int, int, int]:
    return int(shape.left), int(shape.top), int(shape.width), int(shape.height)  # type: ignore[attr-defined]


def _text_area(shape: object, slide_width: int) -> tuple[int, int, int, int]:
    """Where a shape's text goes (its frame within its insets), less the artwork mask's precision
    (one cell) along each edge."""
    left, top, width, height = _frame(shape)
    frame = shape.text_frame  # type: ignore[attr-defined]
    cell = -(-slide_width // CELLS_ACROSS)
    return (left + frame.margin_left + cell, top + frame.margin_top + cell,
            width - frame.margin_left - frame.margin_right - 2 * cell, height - frame.margin_top - frame.margin_bottom - 2 * cell)


# -- measuring ------------------------------------------------------------------------------


def test_the_plain_master_of_focus_measures_less_artwork_than_its_decorative_one() -> None:
    shares = [artwork_share(layout, _body(layout)) for layout in (_content_layout(FOCUS, m) for m in range(4))]
    assert shares[0] > 0.5  # triangles under most of the body
    assert shares[3] < 0.05  # the plain master's triangles only touch its corners
    assert shares == sorted(shares, reverse=True)


def test_a_layout_without_artwork_measures_none() -> None:
    layout = _content_layout(TEMPLATES / "libreoffice-impress.pptx")
    assert artwork_share(layout, _body(layout)) == 0.0


def test_a_picture_background_covers_every_box_but_holds_it_in_place(tmp_path: Path) -> None:
    deck = Presentation(str(decorated_template(tmp_path, logo=False, picture_background=True)))
    layout = deck.slide_layouts[1]
    shape = describe_layout(layout, int(deck.slide_width or 0), int(deck.slide_height or 0))
    assert shape.title is not None
    assert artwork_share(layout, shape.title) == 1.0
    # the picture lies under the whole slide: nowhere is clearer, the title stays
    assert clear_of_artwork(shape).title == shape.title


def test_a_triangle_counts_by_its_outline_not_its_frame() -> None:
    layout = _content_layout(FOCUS, 0)
    artwork = layout_artwork(layout)
    first = artwork.pieces[0]  # the red triangle in the top left corner, drawn as a custom path
    frame = Box(0, 0, 4860000, 2880000)
    assert 0.3 < first.share(artwork.region(frame)) < 0.7


def test_the_logo_and_the_stripe_are_measured_where_they_cross_the_boxes(tmp_path: Path) -> None:
    deck = Presentation(str(decorated_template(tmp_path)))
    layout = deck.slide_layouts[1]
    shape = describe_layout(layout, int(deck.slide_width or 0), int(deck.slide_height or 0))
    assert shape.title is not None
    assert 0.05 < artwork_share(layout, shape.title) < 0.3  # the logo under the title's start
    assert 0.01 < artwork_share(layout, shape.texts[0]) < 0.1  # the stripe under the body's end


# -- clearing -------------------------------------------------------------------------------


def _brute_force(cells: set[tuple[int, int]], size: tuple[int, int], least: tuple[int, int]) -> int:
    """The largest clear area at least ``least`` in size, by trying every rectangle."""
    width, height = size
    best = 0
    for top in range(height):
        for bottom in range(top + least[1], height + 1):
            for left in range(width):
                for right in range(left + least[0], width + 1):
                    area = (right - left) * (bottom - top)
                    if area > best and not any(left <= x < right and top <= y < bottom for x, y in cells):
                        best = area
    return best


@settings(max_examples=80, deadline=None)
@given(st.sets(st.tuples(st.integers(0, 7), st.integers(0, 5)), max_size=10), st.integers(1, 3), st.integers(1, 3))
def test_the_largest_clear_rectangle_is_clear_and_as_large_as_any(cells: set[tuple[int, int]], columns: int,
                                                                     rows: int) -> None:
    mask = Image.new("1", (8, 6), 0)
    for cell in cells:
        mask.putpixel(cell, 255)
    found = largest_clear(mask, (0, 0, 8, 6), (columns, rows))
    area = 0 if found is None else (found[2] - found[0]) * (found[3] - found[1])
    assert area == _brute_force(cells, (8, 6), (columns, rows))
    if found is not None:
        assert found[2] - found[0] >= columns and found[3] - found[1] >= rows
        assert not any(found[0] <= x < found[2] and found[1] <= y < found[3] for x, y in cells)


@pytest.mark.parametrize("master", [1, 2, 3])
def test_boxes_on_focus_masters_are_moved_clear_of_the_triangles(master: int) -> None:
    deck = Presentation(str(FOCUS))
    layout = _content_layout(FOCUS, master)
    shape = describe_layout(layout, int(deck.slide_width or 0), int(deck.slide_height or 0))
    cleared = clear_of_artwork(shape)
    assert cleared.title is not None and shape.title is not None
    for before, after in ((shape.title, cleared.title), (shape.texts[0], cleared.texts[0])):
        assert _obstructed(layout, after) < SLIVER
        assert after.width >= before.width * KEEP and after.height >= before.height * KEEP
        assert after.levels == before.levels  # the text keeps its styles
    assert _overlap(_frame(cleared.title), _frame(cleared.texts[0])) == 0


def test_boxes_with_no_clear_part_stay_where_the_layout_puts_them() -> None:
    deck = Presentation(str(FOCUS))
    layout = _content_layout(FOCUS, 0)  # triangles everywhere
    shape = describe_layout(layout, int(deck.slide_width or 0), int(deck.slide_height or 0))
    assert clear_of_artwork(shape) == shape


@pytest.mark.parametrize("template", BUNDLED_TEMPLATES)
def test_bundled_templates_keep_every_box_where_their_layouts_put_it(template: str) -> None:
    prepared = prepared_template(resolve_template(template))
    for role in Role:
        slots = prepared.profile.slots[role]
        layout = prepared.blueprint.layout(slots.layout_index)
        if slots.title is not None and not slots.mark:
            assert (slots.title.left, slots.title.top, slots.title.width, slots.title.height) == layout.title_frame
        for box, frame in zip(slots.texts, layout.frames):
            assert (box.left, box.top, box.width, box.height) == frame


def test_deck_text_keeps_clear_of_the_logo_and_the_stripe(tmp_path: Path) -> None:
    template = decorated_template(tmp_path)
    deck = open_deck(cached_deck_bytes(SORA, str(template)))
    checked = 0
    for slide in deck.slides:
        for shape in slide.shapes:
            if shape.has_text_frame and shape.text_frame.text.strip() and shape.name != "Question Disc":
                if shape.is_placeholder and "SLIDE_NUMBER" in str(shape.placeholder_format.type):
                    continue
                checked += 1
                area = _text_area(shape, int(deck.slide_width or 0))
                assert _overlap(area, LOGO) == 0, (shape.name, shape.text_frame.text)
                assert _overlap(area, STRIPE) == 0, (shape.name, shape.text_frame.text)
    assert checked > 40


@pytest.mark.parametrize(("offset", "extent", "rotation"), [
    ((10**30, 0), (10**30, 5), 0),
    ((-10**25, -10**25), (1, 1), 5400000),
    ((0, 0), (0, 0), 0),
    ((100, 100), (10**12, 10**12), 10**9),
], ids=["far-off", "far-before", "empty", "huge-rotated"])
def test_damaged_artwork_is_measured_without_failing(offset: tuple[int, int], extent: tuple[int, int],
                                                     rotation: int) -> None:
    deck = Presentation(str(TEMPLATES / "python-pptx-default.pptx"))
    deck.slide_master.shapes._spTree.append(parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="80" name="Damaged"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm rot="{rotation}"><a:off x="{offset[0]}" y="{offset[1]}"/>'
        f'<a:ext cx="{extent[0]}" cy="{extent[1]}"/></a:xfrm><a:custGeom><a:pathLst><a:path w="0" h="0">'
        '<a:moveTo><a:pt x="0" y="0"/></a:moveTo><a:lnTo><a:pt x="5" y="9"/></a:lnTo>'
        '<a:arcTo wR="99999999999" hR="1" stAng="0" swAng="21600000"/><a:close/></a:path></a:pathLst></a:custGeom>'
        '<a:solidFill><a:srgbClr val="FF0000"/></a:solidFill><a:ln w="999999999999"/></p:spPr></p:sp>'))
    layout = deck.slide_layouts[1]
    share = artwork_share(layout, Box(0, 0, int(deck.slide_width or 0), int(deck.slide_height or 0)))
    assert 0.0 <= share <= 1.0


def _title_slide_with_a_caption_under_its_subtitle(folder: Path) -> Path:
    """python-pptx's default template whose Title Slide layout carries a text box of its own over
    the lower part of the subtitle box, as the Spanish university template carries its event's name."""
    deck = Presentation(str(TEMPLATES / "python-pptx-default.pptx"))
    layout = deck.slide_layouts[0]
    subtitle = next(p for p in layout.placeholders if "SUBTITLE" in str(p.placeholder_format.type))
    top = int(subtitle.top) + int(subtitle.height) * 3 // 4
    layout.shapes._spTree.append(parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="90" name="Event"/><p:cNvSpPr txBox="1"/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{int(subtitle.left)}" y="{top}"/><a:ext cx="{int(subtitle.width)}" cy="640080"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></p:spPr>'
        '<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="es"/><a:t>Jornadas de Investigación</a:t></a:r></a:p>'
        '</p:txBody></p:sp>'))
    path = folder / "title-slide-caption.pptx"
    deck.save(str(path))
    return path


def test_a_subtitle_moved_off_artwork_keeps_clear_of_the_title(tmp_path: Path) -> None:
    deck = open_deck(cached_deck_bytes(SORA, str(_title_slide_with_a_caption_under_its_subtitle(tmp_path))))
    first = deck.slides[0]
    title = _frame(first.shapes.title)
    (subtitle,) = [s for s in first.placeholders if "SUBTITLE" in str(s.placeholder_format.type)]
    cell = int(deck.slide_width) // CELLS_ACROSS  # the artwork grid's precision
    assert _frame(subtitle)[1] >= title[1] + title[3] - cell
