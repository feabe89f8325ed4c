"""A Word document's language: its tags, a font for each script, and its direction.

Word chooses a font for each character by its script: ``w:ascii``/``w:hAnsi`` for Latin,
``w:eastAsia`` for Chinese, Japanese and Korean, ``w:cs`` for complex scripts (Arabic,
Hebrew); the language tags say which language each script's text is in (spelling, screen
readers, a PDF's /Lang, which forms of Han characters a font shows). The Normal style
names them for every paragraph, and the theme's font scheme for the styles that name theme
fonts instead (the title and headings), so no text is left to a renderer's fallback. A
right-to-left document sets its section and its paragraphs right to left (``w:bidi``),
which also right-aligns them and puts bullets and indents on the right.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document as WordDocument
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml

from deckgen.plan.bidi import complex_script_font, is_right_to_left
from deckgen.plan.languages import free_east_asian_font
from deckgen.plan.scripts import is_upright

_DRAWING = "http://schemas.openxmlformats.org/drawingml/2006/main"
_PPR_AFTER_BIDI = ("w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                   "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                   "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                   "w:pPrChange")
"""What follows ``w:bidi`` in a paragraph's properties, as the schema orders them."""
_SECTPR_AFTER_BIDI = ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange")
"""What follows ``w:bidi`` in a section's properties."""


@dataclass(frozen=True)
class WordLanguage:
    """What a document's language asks of the Word file."""

    tag: str
    """The BCP-47 tag of the document's text."""
    right_to_left: bool
    """True for Arabic, Hebrew, Persian and Urdu: the section and paragraphs read right to left."""
    east_asian_font: str | None
    """The font for Chinese, Japanese and Korean characters, where the language needs one."""
    complex_script_font: str | None
    """The font for Arabic and Hebrew letters, where the language needs one."""
    upright: bool = False
    """True where letters join or have no italics (Arabic, Hebrew, CJK): emphasis is bold, no style slants."""


def word_language(tag: str) -> WordLanguage:
    """The language settings of a document in language ``tag``."""
    return WordLanguage(tag, is_right_to_left(tag), free_east_asian_font(tag), complex_script_font(tag),
                        is_upright(tag))


def apply_language(word: WordDocument, language: WordLanguage) -> None:
    """Tag the document's text with its language, name its fonts, and set its direction."""
    _tags_and_fonts(word, language)
    if language.right_to_left:
        _right_to_left(word)
    if language.upright:
        _upright_styles(word)


def _upright_styles(word: WordDocument) -> None:
    """No style slants its text (Quote, Subtitle, Emphasis ...): a renderer would slant letters
    that join or have no italics itself, a faux italic."""
    for style in word.styles:
        properties = style.element.rPr
        for tag in ("w:i", "w:iCs"):
            found = properties.find(qn(tag)) if properties is not None else None
            if found is not None:
                found.set(qn("w:val"), "0")


def _tags_and_fonts(word: WordDocument, language: WordLanguage) -> None:
    """The Normal style's language tags and fonts (spelling, screen readers, PDF /Lang)."""
    rpr = word.styles["Normal"].element.get_or_add_rPr()
    if language.east_asian_font or language.complex_script_font:
        fonts = rpr.get_or_add_rFonts()
        if language.east_asian_font:
            fonts.set(qn("w:eastAsia"), language.east_asian_font)
        if language.complex_script_font:
            fonts.set(qn("w:cs"), language.complex_script_font)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language.tag)
    lang.set(qn("w:eastAsia"), language.tag if language.east_asian_font else "zh-CN")
    if language.right_to_left:
        lang.set(qn("w:bidi"), language.tag)
    rpr.append(lang)


def _right_to_left(word: WordDocument) -> None:
    """The section (page order, columns) and every paragraph (through the Normal style,
    which all others are based on) read right to left."""
    word.element.body.sectPr.insert_element_before(OxmlElement("w:bidi"), *_SECTPR_AFTER_BIDI)
    properties = word.styles["Normal"].element.get_or_add_pPr()
    properties.insert_element_before(OxmlElement("w:bidi"), *_PPR_AFTER_BIDI)


def theme_part(word: WordDocument) -> tuple[str, bytes]:
    """The document's theme: its name in the package (no leading slash) and its XML."""
    part = word.part.part_related_by(RT.THEME)
    return str(part.partname).lstrip("/"), part.blob


def themed(theme: bytes, language: WordLanguage) -> bytes | None:
    """``theme`` with the language's East Asian and complex-script fonts as its heading and
    body fonts (``a:ea``, ``a:cs``); None when the language needs neither."""
    fonts = {"ea": language.east_asian_font, "cs": language.complex_script_font}
    if not any(fonts.values()):
        return None
    root = parse_xml(theme)
    for slot, typeface in fonts.items():
        if typeface:
            for element in root.iterfind(f".//{{{_DRAWING}}}fontScheme/*/{{{_DRAWING}}}{slot}"):
                element.set("typeface", typeface)
    return serialize_part_xml(root)
