"""A template's document properties as Office reads them: one core and one extended-properties part.

pandoc writes ``docProps/app.xml`` under a relationship type of its own
(``.../package/2006/relationships/metadata/extended-properties``), and so do Quarto and
R Markdown, which write PowerPoint through pandoc. Office and python-pptx look for the
standard type only: such a template seems to have no extended properties, and a deck that
added them as ``docProps/app.xml`` would hold two parts of one name, which strict readers
refuse. A file pandoc wrote and PowerPoint saved again has both: PowerPoint's own
``docProps/app.xml`` under the standard type and pandoc's, renamed ``docProps/app0.xml``,
under pandoc's. While a template is prepared, each such relationship takes the standard
type, a second part of either kind is dropped, and a template without one gets an empty
extended-properties part (every deck writes its own).

A template's custom properties (``docProps/custom.xml``: pandoc's copy of its document's
metadata, a company's document-management fields) describe the template's own document and
its authors. A deck's metadata comes from its outline only, so they are dropped as well.
"""

from __future__ import annotations

from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObject

from deckgen.render.ooxml.opc import rid_order
from deckgen.render.template.pptx_compat import package_relationships, relationship_map

PANDOC_EXTENDED_PROPERTIES = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/extended-properties"
"""The type pandoc (and Quarto and R Markdown through it) relates ``docProps/app.xml`` by."""
STANDARD_TYPES = {PANDOC_EXTENDED_PROPERTIES: RT.EXTENDED_PROPERTIES}
"""Relationship types other programs write for a document-properties part -> the type Office reads."""
EMPTY_EXTENDED_PROPERTIES = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    b'<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"/>'
)


def standard_properties(presentation: PresentationObject) -> list[str]:
    """Give ``presentation``'s package one core and one extended-properties part under the
    standard types; what was changed, as short notes (for tests and debugging)."""
    package = presentation.part.package
    rels = package_relationships(package)
    changed = _retyped(rels) + _dropped_seconds(rels) + _dropped_custom(rels)
    try:
        package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        presentation.core_properties  # python-pptx adds its default core properties part
        changed.append("added core properties")
    try:
        package.part_related_by(RT.EXTENDED_PROPERTIES)
    except KeyError:
        name = _free_name(package, "/docProps/app.xml", "/docProps/app%d.xml")
        package.relate_to(Part(name, CT.OFC_EXTENDED_PROPERTIES, package, EMPTY_EXTENDED_PROPERTIES),
                          RT.EXTENDED_PROPERTIES)
        changed.append(f"added {name}")
    return changed


def _retyped(rels: Any) -> list[str]:
    """Relate each part another program related by its own type by the standard type instead."""
    changed = []
    for rid, rel in sorted(relationship_map(rels).items(), key=lambda item: rid_order(item[0])):
        standard = STANDARD_TYPES.get(rel.reltype)
        if standard is None or rel.is_external:
            continue
        target = rel.target_part
        rels.pop(rid)
        rels.get_or_add(standard, target)
        changed.append(f"retyped {target.partname}")
    return changed


def _dropped_seconds(rels: Any) -> list[str]:
    """Unrelate every document-properties part after the first of its kind (it is then not saved)."""
    changed = []
    for reltype in (RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES):
        found = sorted((rid for rid, rel in relationship_map(rels).items() if rel.reltype == reltype), key=rid_order)
        for rid in found[1:]:
            changed.append(f"dropped {rels.pop(rid).target_part.partname}")
    return changed


def _dropped_custom(rels: Any) -> list[str]:
    """Unrelate the template's custom-properties parts (they are then not saved)."""
    found = sorted((rid for rid, rel in relationship_map(rels).items() if rel.reltype == RT.CUSTOM_PROPERTIES),
                   key=rid_order)
    return [f"dropped {rels.pop(rid).target_part.partname}" for rid in found]


def _free_name(package: Any, wanted: str, numbered: str) -> PackURI:
    """``wanted`` when no part of ``package`` has that name, else the next free ``numbered`` name."""
    taken = {str(part.partname) for part in package.iter_parts()}
    if wanted not in taken:
        return PackURI(wanted)
    found: PackURI = package.next_partname(numbered)
    return found
