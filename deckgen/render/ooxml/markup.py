"""The Office Open XML vocabulary deckgen writes, without python-pptx.

Namespaces, qualified names, the parser and the serialisation here are exactly python-pptx's
(same prefixes, same parser options, same XML declaration), so XML made with them is the XML
python-pptx would make. Modules that write slide XML use these, which lets a deck be written
from a cached template without loading python-pptx at all (see :mod:`deckgen.render.deck.writer`).
"""

from __future__ import annotations

from typing import Any

from lxml import etree

NAMESPACES = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "xsi": "http://www.w3.org/2001/XMLSchema-instance",
}
"""Prefix -> namespace, as python-pptx names them."""

_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_SLIDE = f"{_RELATIONSHIPS}/slide"
REL_SLIDE_LAYOUT = f"{_RELATIONSHIPS}/slideLayout"
REL_NOTES_SLIDE = f"{_RELATIONSHIPS}/notesSlide"
REL_NOTES_MASTER = f"{_RELATIONSHIPS}/notesMaster"
REL_HYPERLINK = f"{_RELATIONSHIPS}/hyperlink"
REL_IMAGE = f"{_RELATIONSHIPS}/image"
REL_CHART = f"{_RELATIONSHIPS}/chart"
REL_PACKAGE = f"{_RELATIONSHIPS}/package"
CONTENT_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.slide+xml"
CONTENT_NOTES_SLIDE = "application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml"
CONTENT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml"
CONTENT_WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
CONTENT_RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
CONTENT_XML = "application/xml"

DEFAULT_CONTENT_TYPES = frozenset({
    ("bin", "application/vnd.openxmlformats-officedocument.presentationml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"),
    ("bin", "application/vnd.openxmlformats-officedocument.wordprocessingml.printerSettings"),
    ("bmp", "image/bmp"), ("emf", "image/x-emf"), ("fntdata", "application/x-fontdata"), ("gif", "image/gif"),
    ("jpe", "image/jpeg"), ("jpeg", "image/jpeg"), ("jpg", "image/jpeg"), ("mov", "video/quicktime"),
    ("mp4", "video/mp4"), ("mpg", "video/mpeg"), ("png", "image/png"), ("rels", CONTENT_RELATIONSHIPS),
    ("tif", "image/tiff"), ("tiff", "image/tiff"), ("vid", "video/unknown"), ("wdp", "image/vnd.ms-photo"),
    ("wmf", "image/x-wmf"), ("wmv", "video/x-ms-wmv"), ("xlsx", CONTENT_WORKBOOK), ("xml", CONTENT_XML),
})
"""(extension, content type) pairs written as a Default of ``[Content_Types].xml`` rather than
an Override per part (python-pptx's ``default_content_types``)."""

Element = Any
"""An lxml element (lxml ships no type information)."""

SHAPE_TAGS = frozenset(f"{{{NAMESPACES['p']}}}{name}" for name in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic", "contentPart"))
"""The children of a ``p:spTree`` that are shapes (python-pptx's ``iter_shape_elms``)."""
P14 = "http://schemas.microsoft.com/office/powerpoint/2010/main"
"""PowerPoint 2010's namespace, in which a presentation's sections are written."""
SECTIONS_URI = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"
"""The presentation extension (``p:ext``) that holds PowerPoint's sections."""
FIRST_SLIDE_ID = 256
"""Slide ids start here (ECMA-376: 256 to 2147483647)."""

_PARSER = etree.XMLParser(remove_blank_text=True, resolve_entities=False)
"""python-pptx's parser options: the trees parsed here serialise as python-pptx's do."""
PLACEHOLDER = "{%s}nvSpPr/{%s}nvPr/{%s}ph" % ((NAMESPACES["p"],) * 3)
"""Where a shape's ``p:ph`` sits (``find`` path from a ``p:sp``): present only on placeholders."""
THEME_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
"""How a template's theme is read: entities never resolved, nothing fetched."""
_QUALIFIED: dict[str, str] = {}


def qn(tag: str) -> str:
    """``p:sp`` in Clark notation, ``{namespace}sp``."""
    found = _QUALIFIED.get(tag)
    if found is None:
        prefix, local = tag.split(":")
        found = _QUALIFIED[tag] = f"{{{NAMESPACES[prefix]}}}{local}"
    return found


def nsdecls(*prefixes: str) -> str:
    """``xmlns:p="..."`` declarations for ``prefixes``, to write into XML text."""
    return " ".join(f'xmlns:{prefix}="{NAMESPACES[prefix]}"' for prefix in prefixes)


def parse_xml(xml: str | bytes) -> Element:
    """The root element of ``xml`` (entities never resolved, blank text dropped)."""
    return etree.fromstring(xml, _PARSER)


def part_xml(element: Element) -> bytes:
    """A part's XML file: declaration, ``standalone="yes"``, UTF-8."""
    return bytes(etree.tostring(element, encoding="UTF-8", standalone=True))

