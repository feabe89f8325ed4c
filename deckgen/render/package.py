"""Write a presentation as a byte-for-byte reproducible .pptx: fixed entry order and times.

The parts are written in the order python-pptx's own package writer uses (the content
types, the package relationships, then every part reachable from the package, depth
first, each followed by its relationships), into zip entries whose timestamp and
attributes are fixed, so the same inputs always give the same bytes.

A deck shares its template's unchanged parts with every other deck built from it: those
are serialised and compressed once (:func:`template_entries`) and copied.
"""

from __future__ import annotations

import functools
import posixpath
import time
import zipfile
from collections.abc import Callable, Iterator, Mapping
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.spec import default_content_types
from pptx.presentation import Presentation as PresentationObject

from deckgen.render.zipwriter import Stamp, ZipEntry, make_entry, zip_bytes
from deckgen.render.pptx_compat import base_uri, package_relationships, relationship_map

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used when no ``SOURCE_DATE_EPOCH`` is set."""
_EARLIEST_ZIP_SECONDS = 315532800
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"


def zip_time(epoch: int | None) -> Stamp:
    """Timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` (UTC) or 1980-01-01."""
    if epoch is None:
        return ZIP_EPOCH
    stamp = time.gmtime(max(epoch, _EARLIEST_ZIP_SECONDS))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


_RELS_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


def _rid_order(rid: str) -> tuple[int, str]:
    """rIds in numerical order (rId2 before rId10), as python-pptx writes them."""
    return (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)


@functools.lru_cache(maxsize=4096)
def rels_member(partname: str) -> str:
    """The zip member holding ``partname``'s relationships (python-pptx's ``rels_uri``)."""
    folder, _, name = partname.rpartition("/")
    return f"{folder}/_rels/{name}.rels"[1:]


@functools.lru_cache(maxsize=4096)
def _relative_ref(partname: str, base_uri: str) -> str:
    """``partname`` relative to the folder ``base_uri``, as python-pptx's ``relative_ref``."""
    return partname[1:] if base_uri == "/" else posixpath.relpath(partname, base_uri)


def _attribute(value: str) -> str:
    return xml_escape(value, {'"': "&quot;"})


def rels_xml(rels: Any) -> bytes:
    """A part's relationships as a .rels stream, byte-identical to python-pptx's own."""
    items = [_RELS_HEAD]
    found = relationship_map(rels)
    for rid in sorted(found, key=_rid_order):
        rel = found[rid]
        if rel.is_external:
            target, mode = rel.target_ref, ' TargetMode="External"'
        else:
            target, mode = _relative_ref(str(rel.target_part.partname), base_uri(rel)), ""
        items.append(f'<Relationship Id="{rid}" Type="{rel.reltype}" Target="{_attribute(target)}"{mode}/>')
    items.append("</Relationships>")
    return "".join(items).encode("utf-8")


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
_TYPES_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
)


def content_types_xml(parts: list[Any]) -> bytes:
    """``[Content_Types].xml`` for ``parts``, byte-identical to python-pptx's: a Default per
    extension of a well-known type, an Override per other part, each list sorted."""
    defaults = {"rels": CT.OPC_RELATIONSHIPS, "xml": CT.XML}
    overrides: dict[str, str] = {}
    for part in parts:
        partname, content_type = str(part.partname), part.content_type
        ext = posixpath.splitext(partname)[1][1:]
        if (ext.lower(), content_type) in _DEFAULT_TYPES:
            defaults[ext.lower()] = content_type
        else:
            overrides[partname] = content_type
    items = [_TYPES_HEAD]
    items += [f'<Default Extension="{_attribute(ext)}" ContentType="{_attribute(ct)}"/>' for ext, ct in sorted(defaults.items())]
    items += [f'<Override PartName="{_attribute(name)}" ContentType="{_attribute(ct)}"/>' for name, ct in sorted(overrides.items())]
    items.append("</Types>")
    return "".join(items).encode("utf-8")


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

