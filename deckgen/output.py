"""Writing output files atomically: a failed build never leaves a half-written or lost deck."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from deckgen.errors import BuildError


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    An earlier file at ``path`` stays intact until the new one is complete; on any failure
    the temporary file is removed and a :class:`BuildError` says what went wrong.
    """
    folder = path.parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BuildError(f"{path}: cannot create folder '{folder}' ({error.strerror}); choose another -o") from None
    if path.is_dir():
        raise BuildError(f"{path}: is a folder; give a file name ending in .pptx or a different -o")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:
        raise BuildError(f"{path}: cannot write in '{folder}' ({error.strerror}); check its permissions") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise BuildError(f"{path}: cannot write ({error.strerror}); check the path and free space") from None
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
