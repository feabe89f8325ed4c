"""Document metadata from the outline, never from the template's authors or the clock."""

from __future__ import annotations

import datetime as dt

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObject

from deckgen.plan.slides import DeckPlan
from deckgen.render.pptx_compat import set_blob

FALLBACK_DATE = dt.datetime(1980, 1, 1)
"""The document date when neither the outline nor ``SOURCE_DATE_EPOCH`` gives one."""
_APP_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
_APP_NS = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"


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


def _app_xml(slide_count: int) -> bytes:
    root = etree.Element(f"{{{_APP_NS}}}Properties", nsmap={None: _APP_NS})
    for name, value in (("Application", "deckgen"), ("Slides", str(slide_count))):
        etree.SubElement(root, f"{{{_APP_NS}}}{name}").text = value
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _replace_app_properties(presentation: PresentationObject) -> None:
    """A fresh docProps/app.xml: the template's lists its own slide titles and company."""
    package = presentation.part.package
    blob = _app_xml(len(presentation.slides))
    try:
        set_blob(package.part_related_by(RT.EXTENDED_PROPERTIES), blob)
        return
    except KeyError:
        pass
    part = Part(PackURI("/docProps/app.xml"), _APP_CONTENT_TYPE, package, blob)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


CORE_PROPERTY_LIMIT = 255
"""Longest text python-pptx (and Office) accept in a core property such as the title."""


def _fitted(text: str) -> str:
    """``text`` cut to the core-property limit, ending in an ellipsis when cut (slides keep it whole)."""
    if len(text) <= CORE_PROPERTY_LIMIT:
        return text
    return text[: CORE_PROPERTY_LIMIT - 1].rstrip() + "\u2026"


def _language_tag(tag: str) -> str:
    """A language tag too long for the property keeps only its primary language (``en``)."""
    return tag if len(tag) <= CORE_PROPERTY_LIMIT else tag.split("-")[0][:8]


def set_metadata(presentation: PresentationObject, plan: DeckPlan, epoch: int | None) -> None:
    """Title, author (the presenter), subject, language and dates of the deck."""
    core = presentation.core_properties
    when = document_date(plan, epoch)
    core.title = _fitted(plan.title)
    core.author = _fitted(plan.author or "")
    core.last_modified_by = _fitted(plan.author or "")
    core.subject = _fitted(plan.subject or "")
    core.language = _language_tag(plan.language)
    core.keywords = ""
    core.comments = ""
    core.category = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    core.created = when
    core.modified = when
    core.last_printed = when
    _replace_app_properties(presentation)
