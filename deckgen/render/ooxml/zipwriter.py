"""Writing .pptx zip files directly: entries compressed once, copied into every deck.

A template's unchanged parts are the same in every deck built from it, so they are
compressed once (when the template is prepared) and their compressed bytes are copied
into each deck. The bytes written are exactly those of :mod:`zipfile` writing the same
entries with :meth:`zipfile.ZipFile.writestr` at ``compresslevel`` 6, with fixed
timestamps and attributes; tests compare the two.
"""

from __future__ import annotations

import io
import zlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from deckgen.records import record

if TYPE_CHECKING:
    import zipfile

COMPRESS_LEVEL = 6
Stamp = tuple[int, int, int, int, int, int]
ZIP_STORED = 0
"""``zipfile.ZIP_STORED``; :mod:`zipfile` itself is imported only to write a zip, so that
reading a cached template (``deckgen check``) does not load it."""
ZIP_DEFLATED = 8
"""``zipfile.ZIP_DEFLATED``."""


@record(frozen=True)
class ZipEntry:
    """One file of a zip, ready to copy: its name, its size, CRC and (compressed) bytes."""

    name: str
    size: int
    crc: int
    method: int
    """``zipfile.ZIP_DEFLATED`` or ``zipfile.ZIP_STORED``."""
    data: bytes
    """The bytes as stored in the zip (compressed for ``ZIP_DEFLATED``)."""


def make_entry(name: str, raw: bytes, method: int = ZIP_DEFLATED) -> ZipEntry:
    """``raw`` as the entry ``name``, compressed as :mod:`zipfile` would compress it."""
    if method == ZIP_DEFLATED:
        compressor = zlib.compressobj(COMPRESS_LEVEL, zlib.DEFLATED, -15)
        data = compressor.compress(raw) + compressor.flush()
    else:
        data = raw
    return ZipEntry(name, len(raw), zlib.crc32(raw), method, data)


def _info(entry: ZipEntry, stamp: Stamp, offset: int) -> zipfile.ZipInfo:
    import zipfile

    info = zipfile.ZipInfo(entry.name, date_time=stamp)
    info.compress_type = entry.method
    info.create_system = 0
    info.external_attr = 0o600 << 16
    info.file_size = entry.size
    info.compress_size = len(entry.data)
    info.CRC = entry.crc
    info.header_offset = offset
    return info


def zip_bytes(entries: Iterable[ZipEntry], stamp: Stamp) -> bytes:
    """A zip of ``entries`` in the given order, every entry dated ``stamp``.

    Local headers and data are written here; :mod:`zipfile` writes the central directory
    from the same :class:`zipfile.ZipInfo` records, so the two cannot disagree.
    """
    import zipfile

    out = io.BytesIO()
    archive = zipfile.ZipFile(out, "w")
    for entry in entries:
        info = _info(entry, stamp, out.tell())
        out.write(info.FileHeader(False))
        out.write(entry.data)
        archive.filelist.append(info)
        archive.NameToInfo[info.filename] = info
    archive.start_dir = out.tell()
    archive.close()
    return out.getvalue()
