"""Make a saved .pptx byte-for-byte reproducible: fixed zip timestamps and attributes."""

from __future__ import annotations

import io
import time
import zipfile

ZIP_EPOCH = (1980, 1, 1, 0, 0, 0)
"""The earliest time a zip entry can carry; used when no ``SOURCE_DATE_EPOCH`` is set."""


def zip_time(epoch: int | None) -> tuple[int, int, int, int, int, int]:
    """Timestamp of every zip entry: ``SOURCE_DATE_EPOCH`` (UTC) or 1980-01-01."""
    if epoch is None:
        return ZIP_EPOCH
    stamp = time.gmtime(max(epoch, 315532800))  # zip cannot store dates before 1980
    return (stamp.tm_year, stamp.tm_mon, stamp.tm_mday, stamp.tm_hour, stamp.tm_min, stamp.tm_sec)


def normalized_package(blob: bytes, epoch: int | None) -> bytes:
    """Rewrite the zip with the same entries in the same order and fixed metadata."""
    stamp = zip_time(epoch)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            entry = zipfile.ZipInfo(info.filename, date_time=stamp)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.create_system = 0
            entry.external_attr = 0o600 << 16
            target.writestr(entry, source.read(info.filename), compresslevel=6)
    return out.getvalue()
