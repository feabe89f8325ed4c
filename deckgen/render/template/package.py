"""Write a presentation as a byte-for-byte reproducible .pptx: fixed entry order and times.

The parts are written in the order python-pptx's own package writer uses (the content
types, the package relationships, then every part reachable from the package, depth
first, each followed by its relationships), into zip entries whose timestamp and
attributes are fixed, so the same inputs always give the same bytes.

A deck shares its template's unchanged parts with every other deck built from it: those
are serialised and compressed once (:func:`template_entries`) and copied.
"""

from __future__ import annotations

import posixpath
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.spec import default_content_types
from pptx.presentation import Presentation as PresentationObject

from deckgen.render.ooxml import opc
from deckgen.render.ooxml.opc import CONTENT_TYPES, PACKAGE_RELS, ZIP_EPOCH, Relation, relative_ref, rels_member, zip_time
from deckgen.render.ooxml.zipwriter import ZipEntry, make_entry, zip_bytes
from deckgen.render.template.pptx_compat import base_uri, package_relationships, relationship_map

def relations(rels: Any) -> list[Relation]:
    """python-pptx relationships as plain records, in the order python-pptx holds them."""
    return [
        Relation(rid, rel.reltype, rel.target_ref, True) if rel.is_external
        else Relation(rid, rel.reltype, relative_ref(str(rel.target_part.partname), base_uri(rel)))
        for rid, rel in relationship_map(rels).items()
    ]


def rels_xml(rels: Any) -> bytes:
    """A part's relationships as a .rels stream, byte-identical to python-pptx's own."""
    return opc.rels_xml(relations(rels))


def package_parts(package: Any) -> list[Any]:
    """Every part reachable from ``package``, once each, depth first (python-pptx's order)."""
    parts: list[Any] = []
    seen: set[int] = set()

    def walk(rels: Any) -> None:
        for rel in rels.values():
            if rel.is_external:
                continue
            part = rel.target_part
            if id(part) in seen:
                continue
            seen.add(id(part))
            parts.append(part)
            walk(part.rels)

    walk(package_relationships(package))
    return parts


_DEFAULT_TYPES = frozenset(default_content_types)


def content_types(parts: list[Any]) -> tuple[dict[str, str], dict[str, str]]:
    """The Defaults (by extension) and Overrides (by part name) of ``parts``, as python-pptx
    sorts them: a Default per extension of a well-known type, an Override per other part."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        partname, content_type = str(part.partname), part.content_type
        ext = posixpath.splitext(partname)[1][1:]
        if (ext.lower(), content_type) in _DEFAULT_TYPES:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    return defaults, overrides


def content_types_xml(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``, byte-identical to python-pptx's."""
    return opc.content_types_xml(*content_types(parts))


def _entries(package: Any, parts: list[Any], entry: Callable[[str, Callable[[], bytes]], ZipEntry],
             shared: Mapping[int, Any] | None = None, done: Mapping[str, ZipEntry] | None = None,
             overrides: Mapping[str, bytes] | None = None) -> Iterator[ZipEntry]:
    """The zip entries of ``package`` in writing order.

    A part in ``shared`` (keyed by ``id``) is one of the template's own, unchanged: its
    entry and its relationships' entry come from ``done`` instead of being serialised and
    compressed again; ``overrides`` replaces the content of a shared part by part name.
    """
    shared = shared or {}
    done = done or {}
    overrides = overrides or {}
    yield entry(CONTENT_TYPES, lambda: content_types_xml(parts))
    yield entry(PACKAGE_RELS, lambda: rels_xml(package_relationships(package)))
    for part in parts:
        name = part.partname.membername
        reused = id(part) in shared and shared[id(part)] is part
        blob = overrides.get(part.partname)
        if reused and blob is None and name in done:
            yield done[name]
        else:
            yield entry(name, _blob_of(part, blob))
        if part.rels:
            rels_name = rels_member(str(part.partname))
            if reused and rels_name in done:
                yield done[rels_name]
            else:
                yield entry(rels_name, _rels_of(part))


def _blob_of(part: Any, blob: bytes | None) -> Callable[[], bytes]:
    return (lambda: part.blob) if blob is None else (lambda: blob)


def _rels_of(part: Any) -> Callable[[], bytes]:
    return lambda: rels_xml(part.rels)


def package_bytes(presentation: PresentationObject, epoch: int | None,
                  compression: int = zipfile.ZIP_DEFLATED, *, shared: Mapping[int, Any] | None = None,
                  done: Mapping[str, ZipEntry] | None = None, overrides: Mapping[str, bytes] | None = None) -> bytes:
    """The .pptx file of ``presentation``, with zip entries dated by ``epoch`` (or 1980).

    ``compression`` ``ZIP_STORED`` suits a package kept in memory and opened again and again.
    ``shared``, ``done`` and ``overrides``: see :func:`_entries`.
    """
    package = presentation.part.package
    parts = package_parts(package)

    def entry(name: str, raw: Callable[[], bytes]) -> ZipEntry:
        return make_entry(name, raw(), compression)

    return zip_bytes(_entries(package, parts, entry, shared, done, overrides), zip_time(epoch))


def template_entries(presentation: PresentationObject) -> dict[str, ZipEntry]:
    """Every part of the prepared template and its relationships, compressed for decks."""
    package = presentation.part.package
    found: dict[str, ZipEntry] = {}
    for part in package_parts(package):
        if part is presentation.part:
            continue  # every deck writes its own
        found[part.partname.membername] = make_entry(part.partname.membername, part.blob)
        if part.rels:
            name = rels_member(str(part.partname))
            found[name] = make_entry(name, rels_xml(part.rels))
    return found

