"""Document metadata of a python-pptx presentation (what is written: :mod:`deckgen.render.docprops`)."""

from __future__ import annotations

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.parts.coreprops import CorePropertiesPart
from pptx.presentation import Presentation as PresentationObject

from deckgen.plan.slides import DeckPlan
from deckgen.render.docprops import APP_CONTENT_TYPE, app_xml, core_xml
from deckgen.render.pptx_compat import set_blob


def _replace_app_properties(presentation: PresentationObject) -> None:
    """A fresh docProps/app.xml: the template's lists its own slide titles and company."""
    package = presentation.part.package
    blob = app_xml(len(presentation.slides))
    try:
        set_blob(package.part_related_by(RT.EXTENDED_PROPERTIES), blob)
        return
    except KeyError:
        pass
    part = Part(PackURI("/docProps/app.xml"), APP_CONTENT_TYPE, package, blob)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)


def set_metadata(presentation: PresentationObject, plan: DeckPlan, epoch: int | None) -> None:
    """Title, author (the presenter), subject, language and dates of the deck."""
    package = presentation.part.package
    try:
        core = package.part_related_by(RT.CORE_PROPERTIES)
        set_blob(core, core_xml(core.blob, plan, epoch))
    except KeyError:  # a template without core properties: start from python-pptx's defaults
        blob = core_xml(CorePropertiesPart.default(package).blob, plan, epoch)
        package.relate_to(Part(PackURI("/docProps/core.xml"), CT.OPC_CORE_PROPERTIES, package, blob), RT.CORE_PROPERTIES)
    _replace_app_properties(presentation)
