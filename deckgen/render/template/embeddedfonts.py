"""A template's embedded fonts: kept when a deck can carry them, left out when it cannot.

PowerPoint can embed the fonts a presentation uses (``p:embeddedFontLst``, each face a
``.fntdata`` part: an Embedded OpenType file around the font). Google Slides exports embed
each font as a *subset*, holding only the characters of the template's own text, and
compressed with MicroType Express. A deck's text is not the template's: on a machine without
the font, PowerPoint would set the deck's other characters in a fallback font, and file
checkers (openxml-audit) cannot read a compressed payload, so they report the deck as one
PowerPoint may have to repair. A face embedded whole and uncompressed (as PowerPoint embeds
"all characters") serves any text and is kept. A family any of whose faces cannot be kept
is left out of decks whole, and the user is told once which families to install instead.
"""

from __future__ import annotations

from pptx.oxml.ns import qn
from pptx.presentation import Presentation as PresentationObject

from deckgen.render.ooxml.markup import Element

_EOT_MAGIC = 0x504C
"""Embedded OpenType's magic number, at byte 34 of the file."""
_EOT_SUBSET = 0x1
"""EOT flag TTEMBED_SUBSET: the font holds only some of its characters."""
_EOT_COMPRESSED = 0x4
"""EOT flag TTEMBED_TTCOMPRESSED: the font data is compressed with MicroType Express."""
_FONT_SIGNATURES = (b"\x00\x01\x00\x00", b"OTTO", b"true", b"ttcf")
"""The first bytes of a TrueType or OpenType font (a payload stored without an EOT header)."""
_FACES = ("regular", "bold", "italic", "boldItalic")


def carries_any_text(payload: bytes) -> bool:
    """Whether an embedded face can set any text a deck holds: a whole, uncompressed font
    (in an EOT wrapper or bare)."""
    if len(payload) >= 36 and int.from_bytes(payload[34:36], "little") == _EOT_MAGIC:
        flags = int.from_bytes(payload[12:16], "little")
        return not flags & (_EOT_SUBSET | _EOT_COMPRESSED)
    return payload[:4] in _FONT_SIGNATURES


def _faces(font: Element) -> list[str]:
    """The relationship ids of an ``p:embeddedFont``'s faces."""
    found = (font.find(qn(f"p:{face}")) for face in _FACES)
    return [str(face.get(qn("r:id"))) for face in found if face is not None and face.get(qn("r:id"))]


def _kept(presentation: PresentationObject, font: Element) -> bool:
    part = presentation.part
    try:
        return all(carries_any_text(part.related_part(rid).blob) for rid in _faces(font))
    except KeyError:  # a face whose part is missing: nothing to keep
        return False


def drop_partial_fonts(presentation: PresentationObject) -> tuple[str, ...]:
    """Leave out of ``presentation`` every embedded font family a deck cannot carry (see the
    module's docstring); the typefaces left out, in the template's order."""
    fonts = presentation.element.find(qn("p:embeddedFontLst"))
    if fonts is None:
        return ()
    dropped = []
    for font in list(fonts.findall(qn("p:embeddedFont"))):
        if _kept(presentation, font):
            continue
        rids = _faces(font)
        fonts.remove(font)
        for rid in rids:
            presentation.part.drop_rel(rid)
        typeface = font.find(qn("p:font"))
        dropped.append(str(typeface.get("typeface", "")) if typeface is not None else "")
    if len(fonts) == 0:
        fonts.getparent().remove(fonts)
    return tuple(dropped)


def dropped_fonts_warning(template: str, typefaces: tuple[str, ...]) -> str:
    """What a user of the template is told once about the fonts left out of its decks."""
    names = ", ".join(f"'{name}'" for name in typefaces)
    return (f"template '{template}': its embedded fonts {names} hold only the template's own characters or are "
            "compressed, so decks leave them out; install the fonts where the deck is shown, or embed them "
            "in full from PowerPoint (Save options: embed all characters)")
