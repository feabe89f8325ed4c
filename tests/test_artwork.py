"""What lies under a layout's text boxes: the artwork of the layout and its master."""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.slide import SlideLayout

from deckgen.plan.profile import Box
from deckgen.render.template.artwork import artwork_share, layout_artwork
from deckgen.render.template.layouts import describe_layout
from tests.artwork_helpers import decorated_template
from tests.deck_helpers import TEMPLATES

FOCUS = TEMPLATES / "artwork-focus.pptx"


def _content_layout(path: Path, master: int = 0) -> SlideLayout:
    deck = Presentation(str(path))
    return next(layout for layout in deck.slide_masters[master].slide_layouts if layout.name == "Title, Content")


def _body(layout: SlideLayout) -> Box:
    body = next(p for p in layout.placeholders if "OBJECT" in str(p.placeholder_format.type))
    return Box(int(body.left), int(body.top), int(body.width), int(body.height))


# -- measuring ------------------------------------------------------------------------------


def test_the_plain_master_of_focus_measures_less_artwork_than_its_decorative_one() -> None:
    shares = [artwork_share(layout, _body(layout)) for layout in (_content_layout(FOCUS, m) for m in range(4))]
    assert shares[0] > 0.5  # triangles under most of the body
    assert shares[3] < 0.05  # the plain master's triangles only touch its corners
    assert shares == sorted(shares, reverse=True)


def test_a_layout_without_artwork_measures_none() -> None:
    layout = _content_layout(TEMPLATES / "libreoffice-impress.pptx")
    assert artwork_share(layout, _body(layout)) == 0.0


def test_a_picture_background_covers_every_box(tmp_path: Path) -> None:
    deck = Presentation(str(decorated_template(tmp_path, logo=False, picture_background=True)))
    layout = deck.slide_layouts[1]
    shape = describe_layout(layout, int(deck.slide_width or 0), int(deck.slide_height or 0))
    assert shape.title is not None
    assert artwork_share(layout, shape.title) == 1.0
    assert artwork_share(layout, shape.texts[0]) == 1.0


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
