"""The template opened once per process, and each deck's own package on top of it.

A deck differs from its template only in its presentation part (the slide list), its
document properties, and the slides and notes it adds. So the template is opened once
(the *host*), and each deck gets a new package and presentation part whose relationships
point at the host's masters, layouts, themes and media, which no deck changes. The writer
copies those shared parts' pre-compressed entries instead of serialising them again.
"""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass, field
from typing import Any

from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.package import Package
from pptx.parts.presentation import PresentationPart
from pptx.presentation import Presentation as PresentationObject

from deckgen.render.template.package import package_parts
from deckgen.render.template.pptx_compat import (
    new_relationship,
    package_relationships,
    part_element,
    raw_target,
    relationship_map,
)


@dataclass
class Host:
    """The opened template, and its parts by ``id`` (the ones decks may share)."""

    presentation: PresentationObject
    parts: dict[int, Any] = field(default_factory=dict)


def open_host(blob: bytes) -> Host:
    """Open the prepared template ``blob`` to build decks on."""
    presentation = Presentation(io.BytesIO(blob))
    host = Host(presentation)
    for part in package_parts(presentation.part.package):
        if part is not presentation.part:
            host.parts[id(part)] = part
    return host


def new_deck(host: Host) -> PresentationObject:
    """A fresh presentation to fill, sharing the host's unchanged parts.

    Its presentation part is a copy of the host's (same relationships, same XML), and its
    document properties are copies too (kept as bytes), since every deck sets its own.
    """
    source = host.presentation.part
    package = Package(io.BytesIO())  # never read: the deck is assembled, not loaded
    main = PresentationPart(source.partname, source.content_type, package, copy.deepcopy(part_element(source)))
    relationship_map(main.rels).update(relationship_map(source.rels))
    rels = relationship_map(package_relationships(package))
    for rid, rel in relationship_map(package_relationships(source.package)).items():
        target: Any = raw_target(rel)
        if target is source:
            target = main
        elif not rel.is_external and rel.reltype in (RT.CORE_PROPERTIES, RT.EXTENDED_PROPERTIES):
            target = Part(target.partname, target.content_type, package, target.blob)
        rels[rid] = rel if target is raw_target(rel) else new_relationship(rel, target)
    presentation: PresentationObject = main.presentation
    return presentation
