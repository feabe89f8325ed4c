"""A template's theme: its heading and body fonts."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import SlideMaster

from deckgen.render.ooxml.markup import NAMESPACES, THEME_PARSER

_NS = {"a": NAMESPACES["a"]}


def theme_xml(master: SlideMaster) -> etree._Element | None:
    """The master's theme as XML; None when it has none or it is damaged (then Office defaults
    apply, as in PowerPoint). Entities are never resolved."""
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    try:
        return etree.fromstring(part.blob, THEME_PARSER)
    except etree.XMLSyntaxError:
        return None


def theme_fonts(master: SlideMaster) -> tuple[str | None, str | None]:
    """The theme's major (heading) and minor (body) Latin typefaces, when it names them."""
    theme = theme_xml(master)
    if theme is None:
        return None, None

    def typeface(kind: str) -> str | None:
        found = theme.xpath(f"//a:fontScheme/a:{kind}/a:latin/@typeface", namespaces=_NS)
        return str(found[0]) if found and str(found[0]) else None

    return typeface("majorFont"), typeface("minorFont")
