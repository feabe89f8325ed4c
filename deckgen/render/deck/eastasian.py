"""A theme's font scheme with an East Asian font, from the theme's XML alone."""

from __future__ import annotations

from lxml import etree

from deckgen.render.ooxml.markup import NAMESPACES, THEME_PARSER

_NS = {"a": NAMESPACES["a"]}


def with_east_asian_font(theme: bytes, typeface: str) -> bytes | None:
    """``theme`` with ``typeface`` as its East Asian heading and body font (``a:ea``); None when
    the theme cannot be read (Office defaults then apply, as in PowerPoint)."""
    try:
        root = etree.fromstring(theme, THEME_PARSER)
    except etree.XMLSyntaxError:
        return None
    for east_asian in root.xpath("//a:fontScheme/*/a:ea", namespaces=_NS):
        east_asian.set("typeface", typeface)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))
