"""Finding outline files: the files named, and the outlines in the folders named.

Kept apart from :mod:`deckgen.app.batch` so that ``deckgen check`` finds its outlines
without loading what building needs (manifests, atomic output, processes).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

OUTLINE_SUFFIXES = (".yaml", ".yml")


def _in_folder(folder: Path) -> list[Path]:
    """Outlines below ``folder``, in sorted order, leaving out hidden folders (.git, .venv ...)."""
    return sorted(
        path for path in folder.rglob("*")
        if path.suffix.lower() in OUTLINE_SUFFIXES and path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(folder).parts)
    )


def find_outlines(inputs: Iterable[Path]) -> list[Path]:
    """Outline files named on the command line, folders searched recursively; each file once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for item in inputs:
        for path in _in_folder(item) if item.is_dir() else [item]:
            if path.resolve() not in seen:
                seen.add(path.resolve())
                found.append(path)
    return found
