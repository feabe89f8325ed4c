"""The brand a template gives the Word files beside its decks: theme fonts and brand colour.

A kit's guide, handout and recap should look made for the deck they go with: headings in
the theme's heading (major) font, text in its body (minor) font, and headings, rules and
table headers in the colour deckgen's own marks wear on the deck's question slides
(:mod:`deckgen.render.template.markcolours`). Paper is white whatever the slides'
background, so a colour too light to read on white (a dark design's bright accent) is
darkened until it reads as body text must (WCAG 4.5:1).

This runs once, when a template is prepared; the result is kept on its blueprint
(:class:`~deckgen.render.template.blueprint.PaperBrand`) and cached with it.
"""

from __future__ import annotations

import colorsys

from lxml import etree
from pptx.oxml.ns import qn

from deckgen.plan.profile import Role, TemplateProfile
from deckgen.render.ooxml.markup import THEME_PARSER
from deckgen.render.template.blueprint import FALLBACK_COLOUR, DeckBlueprint, PaperBrand
from deckgen.render.template.colours import RGB, Palette, colour_child, contrast_ratio, hex_of, resolve_colour, rgb_from_hex

PAPER = (1.0, 1.0, 1.0)
"""White paper."""
TEXT_CONTRAST = 4.5
"""WCAG's contrast for body text: the brand colour is darkened on paper until it has this."""
_SLOTS = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2"}
"""Scheme colour names as the usual colour map gives them the theme's slots."""


def paper_brand(profile: TemplateProfile, blueprint: DeckBlueprint) -> PaperBrand:
    """The brand of the Word files beside decks on the template ``profile`` and ``blueprint`` describe."""
    accent = blueprint.layout(profile.slots[Role.QUESTION].layout_index).mark.accent
    colour = _resolved(accent, blueprint.theme[1] if blueprint.theme else None)
    readable = _on_paper(colour) if colour is not None else None
    return PaperBrand(profile.heading_font, profile.body_font, hex_of(readable)[1:] if readable else FALLBACK_COLOUR)


def _resolved(name: str, theme: bytes | None) -> RGB | None:
    """A mark colour (a scheme name such as ``accent2``, or ``#RRGGBB``) as sRGB."""
    if name.startswith("#"):
        return rgb_from_hex(name)
    if theme is None:
        return None
    try:
        root = etree.fromstring(theme, THEME_PARSER)
    except etree.XMLSyntaxError:
        return None
    slot = root.find(f".//{qn('a:clrScheme')}/{qn('a:' + _SLOTS.get(name, name))}")
    return resolve_colour(colour_child(slot), Palette({}, {})) if slot is not None else None


def _on_paper(colour: RGB) -> RGB:
    """``colour``, darkened in its own hue until it reads on white paper."""
    hue, lightness, saturation = colorsys.rgb_to_hls(*colour)
    while contrast_ratio(colour, PAPER) < TEXT_CONTRAST and lightness > 0:
        lightness = max(0.0, lightness - 0.02)
        colour = colorsys.hls_to_rgb(hue, lightness, saturation)
    return colour
