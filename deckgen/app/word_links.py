"""Live links in a Word document: ``w:hyperlink`` elements with their relationships.

A link of the outline's Markdown and a web address shown in plain text (a citation's
``https://...``) both become live links, so a reader of the Word file or of its PDF can
follow them; each has the document's ``Hyperlink`` character style.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph as WordParagraph
from docx.text.run import Run as WordRun

from deckgen.app.markdown import InlineRun
from deckgen.app.word_brand import LINK_STYLE

ADDRESS = re.compile(r"https?://[^\s<>()\[\]\"“”‘’«»]+")
"""A web address in plain text, as far as it can be told from its surroundings."""


def addresses_linked(pieces: Sequence[InlineRun]) -> list[InlineRun]:
    """``pieces`` with each web address shown in plain text (a citation's ``https://...``) a
    live link of its own; a sentence's full stop after it stays outside."""
    shown: list[InlineRun] = []
    for piece in pieces:
        if piece.href is not None or piece.code:
            shown.append(piece)
            continue
        position = 0
        for found in ADDRESS.finditer(piece.text):
            address = found.group(0).rstrip(".,;:!?")
            if found.start() > position:
                shown.append(replace(piece, text=piece.text[position:found.start()]))
            shown.append(replace(piece, text=address, href=address))
            position = found.start() + len(address)
        if position < len(piece.text) or not piece.text:
            shown.append(replace(piece, text=piece.text[position:]))
    return shown


def linked(paragraph: WordParagraph, run: WordRun, address: str) -> None:
    """Make ``run`` part of a live link to ``address``: the paragraph's last link when that
    one goes there too (a link's text may be several runs), else a new ``w:hyperlink``."""
    element = run._r
    previous = element.getprevious()
    relation = paragraph.part.relate_to(address, RT.HYPERLINK, is_external=True)
    if previous is not None and previous.tag == qn("w:hyperlink") and previous.get(qn("r:id")) == relation:
        previous.append(element)
    else:
        link = OxmlElement("w:hyperlink")
        link.set(qn("r:id"), relation)
        link.set(qn("w:history"), "1")
        element.addprevious(link)
        link.append(element)
    run.style = LINK_STYLE
