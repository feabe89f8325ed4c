"""Document metadata from the outline, never from the template's authors or the clock.

The core properties (``docProps/core.xml``) are the template's with every property deckgen
knows set from the plan, in the order and form python-pptx's core-properties API writes
them; the extended properties (``docProps/app.xml``) are written new. Both writers of a
deck use these functions, so their metadata cannot drift apart.
"""

from __future__ import annotations

import datetime as dt

from lxml import etree

from deckgen.plan.slides import DeckPlan
from deckgen.render.ooxml.markup import NAMESPACES, Element, parse_xml, part_xml, qn

FALLBACK_DATE = dt.datetime(1980, 1, 1)
"""The document date when neither the outline nor ``SOURCE_DATE_EPOCH`` gives one."""
APP_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
CORE_PROPERTY_LIMIT = 255
"""Longest text Office (and python-pptx) accept in a core property such as the title."""
_DATED = ("created", "modified")
"""The date properties that carry ``xsi:type="dcterms:W3CDTF"``."""


def document_date(plan: DeckPlan, epoch: int | None) -> dt.datetime:
    """The deck's created/modified date: the outline's date, else the epoch, else 1980-01-01."""
    if plan.date:
        try:
            return dt.datetime.fromisoformat(plan.date[:10])
        except ValueError:
            pass
    if epoch is not None:
        return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)
    return FALLBACK_DATE


def app_xml(slide_count: int) -> bytes:
    """A fresh ``docProps/app.xml``: the template's lists its own slide titles and company."""
    root = etree.Element(f"{{{_APP_NS}}}Properties", nsmap={None: _APP_NS})
    for name, value in (("Application", "deckgen"), ("Slides", str(slide_count))):
        etree.SubElement(root, f"{{{_APP_NS}}}{name}").text = value
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _fitted(text: str) -> str:
    """``text`` cut to the core-property limit, ending in an ellipsis when cut (slides keep it whole)."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "\u2026"


def _language_tag(tag: str) -> str:
    """A language tag too long for the property keeps only its primary language (``en``)."""
    return tag if len(tag) <= CORE_PROPERTY_LIMIT else tag.split("-")[0][:8]


def _child(root: Element, tag: str) -> Element:
    """``root``'s ``tag`` child, appended when it has none (as python-pptx adds one)."""
    found = root.find(qn(tag))
    if found is None:  # made on its own, then appended: the namespace is declared where python-pptx declares it
        prefix = tag.split(":")[0]
        found = etree.Element(qn(tag), nsmap={prefix: NAMESPACES[prefix]})
        root.append(found)
    return found


def _set_date(root: Element, tag: str, when: dt.datetime) -> None:
    element = _child(root, tag)
    element.text = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    if tag.split(":")[1] in _DATED:
        root.set(qn("xsi:foo"), "bar")  # declares xsi on the root, not on each element
        element.set(qn("xsi:type"), "dcterms:W3CDTF")
        del root.attrib[qn("xsi:foo")]


def core_xml(template_core: bytes, plan: DeckPlan, epoch: int | None) -> bytes:
    """The deck's ``docProps/core.xml``: the template's, with title, author (the presenter),
    subject, language and dates from the plan and every other property emptied."""
    root = parse_xml(template_core)
    author = _fitted(plan.author or "")
    texts = (
        ("dc:title", _fitted(plan.title)), ("dc:creator", author), ("cp:lastModifiedBy", author),
        ("dc:subject", _fitted(plan.subject or "")), ("dc:language", _language_tag(plan.language)),
        ("cp:keywords", ""), ("dc:description", ""), ("cp:category", ""), ("cp:contentStatus", ""),
        ("dc:identifier", ""), ("cp:version", ""), ("cp:revision", "1"),
    )
    for tag, text in texts:
        _child(root, tag).text = text
    when = document_date(plan, epoch)
    for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
        _set_date(root, tag, when)
    return part_xml(root)
