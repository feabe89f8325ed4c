"""A Word document in its deck's brand: the template's theme fonts and brand colour.

python-docx starts every document from its own template: Calibri text, Cambria-and-blue
headings (Office 2007's theme). A kit's guide, handout and recap should look made for the
deck instead, so the styles they use are rewritten here: text in the template's body font,
the title and headings in its heading font and brand colour (the title's rule too), and
links in the brand colour, underlined. The names are written into the styles themselves
(``w:ascii``/``w:hAnsi``, ``w:color``) and into the document's theme (its major and minor
Latin fonts, ``accent1`` and ``hlink``), so Word, LibreOffice and any style that follows the
theme agree. East Asian and complex-script fonts stay :mod:`deckgen.app.word_language`'s.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.document import Document as WordDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import RGBColor

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PaperBrand

HEADING_STYLES = ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4")
"""The styles a guide, handout or recap uses for its title and headings."""
LINK_STYLE = "Hyperlink"
"""The character style of a live link."""
_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme")


def apply_brand(word: WordDocument, brand: PaperBrand) -> None:
    """Set the document's styles in ``brand``'s fonts and colour."""
    _latin_font(_default_run_properties(word), brand.body_font)
    for name in HEADING_STYLES:
        style = word.styles[name]
        _latin_font(style.element.get_or_add_rPr(), brand.heading_font)
        style.font.color.rgb = RGBColor.from_string(brand.colour)  # also drops the theme colour Word prefers
        for border in style.element.xpath("./w:pPr/w:pBdr/*"):
            border.set(qn("w:color"), brand.colour)
            border.attrib.pop(qn("w:themeColor"), None)


def _default_run_properties(word: WordDocument) -> BaseOxmlElement:
    """The document defaults' run properties (``w:docDefaults/w:rPrDefault/w:rPr``)."""
    found: list[BaseOxmlElement] = word.styles.element.xpath("./w:docDefaults/w:rPrDefault/w:rPr")
    return found[0]


def _latin_font(rpr: BaseOxmlElement, typeface: str | None) -> None:
    """Name ``typeface`` for Latin text in ``rpr`` instead of a theme font."""
    if typeface is None:
        return
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME_FONT_ATTRIBUTES:
        fonts.attrib.pop(qn(attribute), None)
    fonts.set(qn("w:ascii"), typeface)
    fonts.set(qn("w:hAnsi"), typeface)


def add_link_style(word: WordDocument, colour: str) -> None:
    """Add the ``Hyperlink`` character style: ``colour`` (``RRGGBB``), underlined."""
    style = word.styles.add_style(LINK_STYLE, WD_STYLE_TYPE.CHARACTER)
    style.font.color.rgb = RGBColor.from_string(colour)
    style.font.underline = True


def branded_theme(theme: bytes, brand: PaperBrand) -> bytes:
    """``theme`` with ``brand``'s fonts as its major and minor Latin fonts and its colour as
    ``accent1`` and ``hlink`` (what Word's own styles and table styles follow)."""
    root = parse_xml(theme)
    fonts = {"majorFont": brand.heading_font, "minorFont": brand.body_font}
    for kind, typeface in fonts.items():
        if typeface:
            for latin in root.iterfind(f".//{{{_DRAWING}}}fontScheme/{{{_DRAWING}}}{kind}/{{{_DRAWING}}}latin"):
                latin.set("typeface", typeface)
    for slot in ("accent1", "hlink"):
        for element in root.iterfind(f".//{{{_DRAWING}}}clrScheme/{{{_DRAWING}}}{slot}"):
            for child in list(element):
                element.remove(child)
            colour = element.makeelement(f"{{{_DRAWING}}}srgbClr", {"val": brand.colour})
            element.append(colour)
    return serialize_part_xml(root)
