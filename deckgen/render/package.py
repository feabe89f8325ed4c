"""Write a presentation as a byte-for-byte reproducible .pptx: fixed entry order and times.

python-pptx stamps every zip entry with the current time. deckgen writes the same parts
in the same order through python-pptx's own package writer, but into zip entries whose
timestamp and attributes are fixed, so the same inputs always give the same bytes.
"""

from __future__ import annotations

import io
import time
import zipfile
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from pptx.opc.packuri import PackURI
from pptx.opc.serialized import PackageWriter
from pptx.presentation import Presentation as PresentationObject

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used when no ``SOURCE_DATE_EPOCH`` is set."""
_EARLIEST_ZIP_SECONDS = 315532800
_COMPRESS_LEVEL = 6


def zip_time(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    """Timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` (UTC) or 1980-01-01."""
    if epoch is None:
        return ZIP_EPOCH
    stamp = time.gmtime(max(epoch, _EARLIEST_ZIP_SECONDS))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


class _FixedTimeZipWriter:
    """The physical writer python-pptx's PackageWriter expects, with fixed entry metadata."""

    def __init__(self, stream: io.BytesIO, stamp: tuple[int, int, int, int, int, int], compression: int) -> None:
        self._zip = zipfile.ZipFile(stream, "w")
        self._stamp = stamp
        self._compression = compression

    def __enter__(self) -> _FixedTimeZipWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self._zip.close()

    def write(self, pack_uri: PackURI, blob: bytes) -> None:
        """Add one part (``pack_uri`` names it) as an entry."""
        entry = zipfile.ZipInfo(pack_uri.membername, date_time=self._stamp)
        entry.compress_type = self._compression
        entry.create_system = 0
        entry.external_attr = 0o600 << 16
        self._zip.writestr(entry, blob, compresslevel=_COMPRESS_LEVEL)


class _ReproduciblePackageWriter(PackageWriter):
    """python-pptx's package writer, writing through :class:`_FixedTimeZipWriter`."""

    def __init__(self, out: io.BytesIO, package: Any, stamp: tuple[int, int, int, int, int, int],
                 compression: int) -> None:
        super().__init__(out, package._rels, tuple(package.iter_parts()))
        self._out = out
        self._stamp = stamp
        self._compression = compression

    def _write(self) -> None:
        writer: Any = _FixedTimeZipWriter(self._out, self._stamp, self._compression)
        with writer:
            self._write_content_types_stream(writer)
            self._write_pkg_rels(writer)
            self._write_parts(writer)

    def _write_parts(self, phys_writer: Any) -> None:
        """Each part and its .rels, the rels serialised directly (python-pptx builds a tree)."""
        for part in self._parts:
            phys_writer.write(part.partname, part.blob)
            if part._rels:
                phys_writer.write(part.partname.rels_uri, rels_xml(part.rels))


_RELS_HEAD = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
)


def _rid_order(rid: str) -> tuple[int, str]:
    """rIds in numerical order (rId2 before rId10), as python-pptx writes them."""
    return (int(rid[3:]) if rid.startswith("rId") and rid[3:].isdigit() else 0, rid)


def rels_xml(rels: Any) -> bytes:
    """A part's relationships as a .rels stream, byte-identical to python-pptx's own."""
    items = [_RELS_HEAD]
    for rid in sorted(rels.keys(), key=_rid_order):
        rel = rels[rid]
        mode = ' TargetMode="External"' if rel.is_external else ""
        target = xml_escape(rel.target_ref, {'"': "&quot;"})
        items.append(f'<Relationship Id="{rid}" Type="{rel.reltype}" Target="{target}"{mode}/>')
    items.append("</Relationships>")
    return "".join(items).encode("utf-8")


def package_bytes(presentation: PresentationObject, epoch: int | None,
                  compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    """The .pptx file of ``presentation``, with zip entries dated by ``epoch`` (or 1980).

    ``compression`` ``ZIP_STORED`` suits a package kept in memory and opened again and again.
    """
    out = io.BytesIO()
    _ReproduciblePackageWriter(out, presentation.part.package, zip_time(epoch), compression)._write()
    return out.getvalue()
