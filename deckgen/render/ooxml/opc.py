"""The package files of a .pptx, written as python-pptx writes them, without python-pptx.

Relationship files and ``[Content_Types].xml`` are plain text in a fixed form; both deck
writers produce them here, so the bytes agree whichever writer made a deck.
"""

from __future__ import annotations

import functools
import posixpath
import time
from collections.abc import Iterable, Mapping

from deckgen.records import record
from deckgen.render.ooxml.zipwriter import Stamp

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used when no ``SOURCE_DATE_EPOCH`` is set."""
_EARLIEST_ZIP_SECONDS = 315532800
CONTENT_TYPES = "[Content_Types].xml"
PACKAGE_RELS = "_rels/.rels"
_RELS_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)
_TYPES_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
)


def attribute(value: str) -> str:
    """``value`` escaped for a double-quoted XML attribute (what ``xml.sax.saxutils.escape``
    gives with ``"`` added, without importing it: it loads ``urllib.request``)."""
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;").replace('"', "&quot;")


def zip_time(epoch: int | None) -> Stamp:
    """Timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` (UTC) or 1980-01-01."""
    if epoch is None:
        return ZIP_EPOCH
    stamp = time.gmtime(max(epoch, _EARLIEST_ZIP_SECONDS))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


@record(frozen=True)
class Relation:
    """One relationship of a part: its id, type and target (a relative part name, or a URL)."""

    rid: str
    reltype: str
    target: str
    external: bool = False


def rid_order(rid: str) -> tuple[int, str]:
    """rIds in numerical order (rId2 before rId10), as python-pptx writes them."""
    return (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)


def next_rid(taken: Iterable[str]) -> str:
    """The rId python-pptx gives a new relationship: the highest free ``rIdN`` up to one past
    the count (so the gaps a dropped slide left are filled from the top)."""
    used = set(taken)
    for number in range(len(used) + 1, 0, -1):
        if f"rId{number}" not in used:
            return f"rId{number}"
    raise AssertionError("more distinct rIds than relationships")


def rels_xml(relations: Iterable[Relation]) -> bytes:
    """A part's relationships as a .rels stream, byte-identical to python-pptx's own."""
    items = [_RELS_HEAD]
    for rel in sorted(relations, key=lambda r: rid_order(r.rid)):
        mode = ' TargetMode="External"' if rel.external else ""
        items.append(f'<Relationship Id="{rel.rid}" Type="{rel.reltype}" Target="{attribute(rel.target)}"{mode}/>')
    items.append("</Relationships>")
    return "".join(items).encode("utf-8")


@functools.lru_cache(maxsize=4096)
def rels_member(partname: str) -> str:
    """The zip member holding ``partname``'s relationships (python-pptx's ``rels_uri``)."""
    folder, _, name = partname.rpartition("/")
    return f"{folder}/_rels/{name}.rels"[1:]


@functools.lru_cache(maxsize=4096)
def relative_ref(partname: str, base_uri: str) -> str:
    """``partname`` relative to the folder ``base_uri``, as python-pptx's ``relative_ref``."""
    return partname[1:] if base_uri == "/" else posixpath.relpath(partname, base_uri)


def content_types_xml(defaults: Mapping[str, str], overrides: Mapping[str, str]) -> bytes:
    """``[Content_Types].xml``: a Default per extension, an Override per part name, each sorted."""
    items = [_TYPES_HEAD]
    items += [f'<Default Extension="{attribute(ext)}" ContentType="{attribute(ct)}"/>' for ext, ct in sorted(defaults.items())]
    items += [f'<Override PartName="{attribute(name)}" ContentType="{attribute(ct)}"/>' for name, ct in sorted(overrides.items())]
    items.append("</Types>")
    return "".join(items).encode("utf-8")
