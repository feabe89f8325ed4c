"""Templates with artwork where deckgen's text would go, made from python-pptx's default template.

The default template (4:3, Office's default accents, black titles, no question layout) gets
pieces of artwork on its master: a logo square in the top left corner (under the start of
every title), a stripe down the right edge (under the end of every body line), and titles
set in coral. Shared by the artwork, marks and brand colour tests.
"""

from __future__ import annotations

from pathlib import Path

from pptx import Presentation
from pptx.oxml import parse_xml
from pptx.oxml.ns import nsdecls, qn

from tests.deck_helpers import TEMPLATES

CORAL = "E05A4F"
"""The titles' colour of the decorated template."""
PURPLE = "6A1B9A"
"""The artwork's colour."""
LOGO = (0, 0, 1371600, 1371600)
"""The logo square: left, top, width, height (EMU)."""
STRIPE = (8382000, 1524000, 762000, 5334000)
"""The stripe down the right edge."""


def _rectangle(shape_id: int, name: str, frame: tuple[int, int, int, int], fill: str) -> object:
    left, top, width, height = frame
    return parse_xml(
        f'<p:sp {nsdecls("a", "p")}><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr>'
        f'<p:spPr><a:xfrm><a:off x="{left}" y="{top}"/><a:ext cx="{width}" cy="{height}"/></a:xfrm>'
        f'<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>{fill}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>')


def decorated_template(folder: Path, *, logo: bool = True, flush_left: bool = False,
                       picture_background: bool = False, title_colour: str = CORAL) -> Path:
    """The default template with a stripe down the right edge, titles in ``title_colour`` (hex,
    or a scheme colour's name) and, when asked, the logo square, title and body flush with the
    slide's left edge, or a picture background."""
    deck = Presentation(str(TEMPLATES / "python-pptx-default.pptx"))
    master = deck.slide_master
    tree = master.shapes._spTree
    fill = f'<a:solidFill><a:srgbClr val="{PURPLE}"/></a:solidFill>'
    tree.append(_rectangle(90, "Stripe", STRIPE, fill))
    if logo:
        tree.append(_rectangle(91, "Logo", LOGO, fill))
    title_run = master.element.find(f"{qn('p:txStyles')}/{qn('p:titleStyle')}/{qn('a:lvl1pPr')}/{qn('a:defRPr')}")
    for old in title_run.findall(qn("a:solidFill")):
        title_run.remove(old)
    colour = f'<a:schemeClr val="{title_colour}"/>' if title_colour.startswith("accent") else f'<a:srgbClr val="{title_colour}"/>'
    title_run.insert(0, parse_xml(f'<a:solidFill {nsdecls("a")}>{colour}</a:solidFill>'))
    if flush_left:
        for placeholder in master.placeholders:
            placeholder.left = 0
    if picture_background:
        background = parse_xml(f'<p:bg {nsdecls("a", "p", "r")}><p:bgPr><a:blipFill><a:blip r:embed="rId99"/>'
                               '<a:stretch><a:fillRect/></a:stretch></a:blipFill><a:effectLst/></p:bgPr></p:bg>')
        master.element.find(qn("p:cSld")).insert(0, background)
    path = folder / f"decorated-{title_colour}{'-logo' if logo else ''}{'-flush' if flush_left else ''}.pptx"
    deck.save(str(path))
    return path
