"""The reference documents deckgen carries with it, for ``deckgen help TOPIC``.

The outline format reference (``docs/outline-format.md``) is built into the wheel as
``deckgen/_docs/``; in a source checkout it is read from ``docs/``. Either way a user can
read it wherever deckgen is installed, which is where the starter outline points.
"""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DeckgenError, UsageError

_PACKAGE_DIR = Path(__file__).resolve().parent.parent
TOPICS: dict[str, str] = {"format": "outline-format.md"}
"""Help topic -> document file name."""


def _docs_dir() -> Path:
    """Where the documents live: inside an installed wheel, or the source checkout."""
    installed = _PACKAGE_DIR / "_docs"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "docs"


def help_text(topic: str) -> str:
    """The document for ``topic`` (``format``: the outline format reference), as Markdown text."""
    name = TOPICS.get(topic)
    if name is None:
        raise UsageError(f"no help on '{topic}'; topics: {', '.join(sorted(TOPICS))}")
    path = _docs_dir() / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError as error:
        raise DeckgenError(f"the {topic} reference is missing from this installation ({path}: "
                         f"{error.strerror}); reinstall deckgen") from None
