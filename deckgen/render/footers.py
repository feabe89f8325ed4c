"""Slide numbers and footers on python-pptx slides (the strips themselves: :mod:`deckgen.render.numbers`)."""

from __future__ import annotations

from pptx.shapes.placeholder import SlidePlaceholder
from pptx.slide import Slide, SlideLayout

from deckgen.plan.bidi import is_right_to_left
from deckgen.render.bidi import inherited_alignment
from deckgen.render.numbers import FooterStrip, FooterStrips, add_footer, footer_strip, placeholder_of_type
from deckgen.render.ooxml import qn
from deckgen.render.pptx_compat import shape_tree
from deckgen.render.text import link_maker


class FooterWriter:
    """Adds the slide number and footer to each slide of one deck, as its layout places them.

    Each layout's two placeholders are made once, then copied to every slide. ``strips``
    may be shared by every deck built from the same template (the strips only depend on its
    layouts, the footer text and the language), so only the first such deck makes them.
    """

    def __init__(self, footer: str, language: str, strips: FooterStrips | None = None) -> None:
        self._footer = footer
        self._language = language
        self._strips = strips if strips is not None else {}

    def _strip(self, layout: SlideLayout) -> FooterStrip:
        key = (self._footer, self._language, str(layout.part.partname))
        strip = self._strips.get(key)
        if strip is None:
            strip = self._strips[key] = self._prepared(layout)
        return strip

    def _prepared(self, layout: SlideLayout) -> FooterStrip:
        tree = shape_tree(layout.shapes)
        number_shape, footer_shape = placeholder_of_type(tree, "sldNum"), placeholder_of_type(tree, "ftr")
        if footer_shape is None or not self._footer:
            return footer_strip(number_shape, None, self._footer, self._language, str, None)
        placeholder = SlidePlaceholder(footer_shape, layout.shapes)  # how the footer text is linked and aligned
        inherited = inherited_alignment(placeholder, title=True) if is_right_to_left(self._language) else None
        return footer_strip(number_shape, footer_shape, self._footer, self._language,
                            link_maker(placeholder.text_frame), inherited)

    def add(self, slide: Slide, layout: SlideLayout, number: int) -> None:
        """Number ``slide`` (its position in the deck, from 1) and give it the footer text."""
        add_footer(shape_tree(slide.shapes), self._strip(layout), number)


def slide_numbers(slide: Slide) -> list[str]:
    """The slide-number fields' texts on ``slide`` (for checks): ``["7"]`` or ``[]``."""
    return ["".join(t.text or "" for t in f.iter(qn("a:t")))
            for f in shape_tree(slide.shapes).iter(qn("a:fld")) if f.get("type") == "slidenum"]
