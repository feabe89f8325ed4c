"""Writing output files atomically: a failed build never leaves a half-written or lost deck."""

from __future__ import annotations

import os
import signal
import stat
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from deckgen.errors import BuildError

TEMP_PREFIX = "."
TEMP_SUFFIX = ".tmp"
"""Temporary files are ``.<name>.<random>.tmp`` next to the target (removed on any failure)."""


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    An earlier file at ``path`` stays intact until the new one is complete; on any failure
    the temporary file is removed and a :class:`BuildError` (``path: what went wrong; how
    to fix it``) is raised.
    """
    _replace(Path(path), lambda stream: stream.write(data))


def copy_atomically(source: BinaryIO, path: Path) -> None:
    """Copy what is left to read in ``source`` to ``path`` as :func:`write_atomically` writes,
    a block at a time (a file another program made may be large)."""
    _replace(Path(path), lambda stream: shutil.copyfileobj(source, stream))


def _replace(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Fill a temporary file beside ``path`` with ``write``, then rename it to ``path``."""
    folder = path.parent
    _make_folder(path, folder)
    if os.path.isdir(path):
        raise BuildError(f"{path}: is a folder; give a file name ending in .pptx or a different -o")
    held = _hold_stop_signals()  # a stop between creating the file and guarding it would leave it behind
    try:
        handle, temporary = tempfile.mkstemp(prefix=f"{TEMP_PREFIX}{path.name}.", suffix=TEMP_SUFFIX, dir=folder)
    except (OSError, ValueError) as error:
        _release_stop_signals(held)
        raise BuildError(f"{path}: cannot write in '{folder}' ({_reason(error)}); check the file name and the folder's permissions, or choose another -o") from None
    try:
        stream = os.fdopen(handle, "wb")
        _release_stop_signals(held)  # a stop that came meanwhile arrives here, inside the guard
        with stream:
            write(stream)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise BuildError(f"{path}: cannot write ({_reason(error)}); check the path and free space") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


_STOP_SIGNALS = frozenset(getattr(signal, name) for name in ("SIGTERM", "SIGINT") if hasattr(signal, name))


def _hold_stop_signals() -> set[int | signal.Signals] | None:
    """Hold SIGTERM and SIGINT back (where the platform can), returning the mask to restore."""
    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)


def _release_stop_signals(held: set[int | signal.Signals] | None) -> None:
    """Restore the mask: a signal held meanwhile is delivered now."""
    if held is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def refuse_inputs(path: Path, inputs: Iterable[Path]) -> None:
    """Raise :class:`BuildError` when ``path`` is one of ``inputs`` (the outline, an image, the
    template): writing the output there would destroy what it is made from."""
    for item in inputs:
        if _same_file(path, item):
            raise BuildError(f"{path}: is an input of this build ({item}); writing there would overwrite it; choose another -o")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return False


def _make_folder(path: Path, folder: Path) -> None:
    blocker = _file_in_the_way(folder)
    if blocker is not None:
        raise BuildError(f"{path}: '{blocker}' is a file, not a folder; choose another -o")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except (OSError, ValueError) as error:
        raise BuildError(f"{path}: cannot create folder '{folder}' ({_reason(error)}); choose another -o") from None


def _file_in_the_way(folder: Path) -> Path | None:
    """The nearest existing ancestor of ``folder`` (itself included) if it is not a folder."""
    try:
        for candidate in (folder, *folder.parents):
            if candidate.exists() or candidate.is_symlink():
                return None if candidate.is_dir() else candidate
    except (OSError, ValueError):
        return None  # mkdir reports it
    return None


def _reason(error: Exception) -> str:
    return getattr(error, "strerror", None) or str(error)


def open_regular_file(path: Path, follow_links: bool = True) -> BinaryIO:
    """``path`` opened for reading only if it is a regular file, never blocking on a FIFO or a
    device (a manifest, a PDF LibreOffice left); ``follow_links`` False also refuses a link.
    Raises OSError otherwise."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if not follow_links:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    descriptor = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(descriptor).st_mode):
            raise OSError(f"{path}: not a regular file")
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise
