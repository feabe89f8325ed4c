"""A template's theme: reading its heading and body fonts, setting its East Asian font."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import SlideMaster

from deckgen.render.eastasian import A_NS, THEME_PARSER, with_east_asian_font

_NS = {"a": A_NS}


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


def east_asian_theme(master: SlideMaster, typeface: str) -> dict[str, bytes]:
    """The master's theme with ``typeface`` as its East Asian heading and body font (``a:ea``),
    by part name (empty when the master has no readable theme).

    Runs already name their East Asian font; the theme's font scheme says it too, so text
    a person adds to the deck later is set in the same font. The template's own theme part
    is left as it is (other decks share it); the deck writes this content in its place.
    """
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return {}
    theme = with_east_asian_font(part.blob, typeface)
    return {} if theme is None else {str(part.partname): theme}
