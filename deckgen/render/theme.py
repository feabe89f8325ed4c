"""Reading a template's theme: its heading and body fonts."""

from __future__ import annotations

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.slide import SlideMaster

A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"
_NS = {"a": A_NS}


def _theme_xml(master: SlideMaster) -> etree._Element | None:
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return None
    return etree.fromstring(part.blob)


def theme_fonts(master: SlideMaster) -> tuple[str | None, str | None]:
    """The theme's major (heading) and minor (body) Latin typefaces, when it names them."""
    theme = _theme_xml(master)
    if theme is None:
        return None, None

    def typeface(kind: str) -> str | None:
        found = theme.xpath(f"//a:fontScheme/a:{kind}/a:latin/@typeface", namespaces=_NS)
        return str(found[0]) if found and str(found[0]) else None

    return typeface("majorFont"), typeface("minorFont")
