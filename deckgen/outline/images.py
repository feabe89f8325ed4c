"""Checks that an outline's image path is safe and points at a usable picture.

An outline may come from someone else (a shared repo, a CI job), so an image path
must stay inside the outline's folder tree: no absolute paths, no ``..`` escapes,
no symlinks resolving elsewhere. The file must be one of the formats PowerPoint
decks can embed (python-pptx's list) and pass Pillow's ``verify()``, with Pillow's
decompression-bomb guard turned into an error instead of a warning.
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path, PurePosixPath, PureWindowsPath

from deckgen.errors import did_you_mean

PPTX_IMAGE_FORMATS = ("PNG", "JPEG", "GIF", "BMP", "TIFF", "WMF")
"""Pillow format names python-pptx can embed."""
MAX_IMAGE_BYTES = 50 * 1024 * 1024
"""Largest image file accepted: every deck holds its images in memory and in the .pptx."""


class ImageCheckError(Exception):
    """The image path is unusable; ``str(exc)`` says why and how to fix it."""


def resolve_image(raw: str, base_dir: Path) -> Path:
    """Resolve ``raw`` against ``base_dir`` and check it; return the absolute path."""
    relative = _relative(raw)
    try:
        base = base_dir.resolve()
        resolved = (base / relative).resolve()
    except (OSError, ValueError, RuntimeError) as exc:  # too long, NUL byte, symlink loop
        raise ImageCheckError(f"'{raw}' cannot be used as a file path ({exc})") from None
    if not resolved.is_relative_to(base):
        if ".." in relative.parts:
            raise ImageCheckError(f"'{raw}' leaves the outline's folder ('..'); put the image next to the outline")
        raise ImageCheckError(f"'{raw}' resolves outside the outline's folder (through a symlink); copy the image instead")
    try:
        _check_file(raw, resolved)
    except OSError as exc:
        raise ImageCheckError(f"'{raw}' cannot be read ({exc.strerror or exc})") from None
    verify_image(raw, resolved)
    return resolved


def _relative(raw: str) -> PurePosixPath:
    if "\x00" in raw:
        raise ImageCheckError("the image path contains a NUL character")
    posix = raw.replace("\\", "/")
    if PurePosixPath(posix).is_absolute() or PureWindowsPath(raw).anchor:
        raise ImageCheckError(f"'{raw}' is absolute; write the path relative to the outline's folder")
    return PurePosixPath(posix)


def _check_file(raw: str, resolved: Path) -> None:
    if resolved.is_dir():
        raise ImageCheckError(f"'{raw}' is a folder, not an image file")
    if resolved.exists() and not resolved.is_file():  # a FIFO would block, a device never ends
        raise ImageCheckError(f"'{raw}' is not a regular file (a pipe, socket or device); give an image file")
    if not resolved.is_file():
        raise ImageCheckError(f"no such file '{raw}'{_nearby(resolved)}")
    size = resolved.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageCheckError(f"'{raw}' is {size / (1024 * 1024):,.0f} MB; images are limited to "
                              f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB (export it smaller, e.g. as JPEG)")
    if not os.access(resolved, os.R_OK):
        raise ImageCheckError(f"'{raw}' is not readable (check its permissions)")


def _nearby(resolved: Path) -> str:
    try:
        names = [p.name for p in resolved.parent.iterdir()]
    except OSError:
        return " (its folder does not exist)"
    return did_you_mean(resolved.name, names)


def verify_image(raw: str, resolved: Path) -> None:
    """Open the image with Pillow and verify it; raise :class:`ImageCheckError` if unusable."""
    from PIL import Image as PILImage  # loaded only for outlines that have pictures
    from PIL import UnidentifiedImageError

    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            with PILImage.open(resolved) as image:
                found = image.format or "unknown"
                image.verify()
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise ImageCheckError(f"'{raw}' has too many pixels (a decompression bomb?); scale it down") from None
        except UnidentifiedImageError:
            raise ImageCheckError(f"'{raw}' is not an image ({_formats()} are supported)") from None
        except Exception as exc:  # Pillow raises many types for corrupt files
            raise ImageCheckError(f"'{raw}' is not a readable image ({type(exc).__name__}: {exc})") from None
    if found not in PPTX_IMAGE_FORMATS:
        raise ImageCheckError(f"'{raw}' is a {found} image, which decks cannot embed; convert it to PNG or JPEG")


def _formats() -> str:
    return ", ".join(PPTX_IMAGE_FORMATS)
