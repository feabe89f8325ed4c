"""``deckgen watch``: rebuild a deck (and its kit) whenever its outline or inputs are saved.

Uses watchfiles (an optional dependency: ``pip install 'deckgen[watch]'``), which waits for
file-system events rather than polling and groups the bursts of events an editor's save
makes into one change. The build itself is the ordinary incremental batch build, so a
save that changes nothing relevant rebuilds nothing.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from deckgen.errors import UsageError

INPUT_SUFFIXES = frozenset({".yaml", ".yml", ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".pptx", ".potx"})
"""Files whose change may change a deck: outlines, pictures, templates and brand files."""


def is_input_change(path: Path, outputs: Path) -> bool:
    """True for a change to a possible input; never for deckgen's own outputs or temporary files."""
    if path.name.startswith(".") or path.suffix.lower() not in INPUT_SUFFIXES:
        return False
    try:
        path.resolve().relative_to(outputs.resolve())
    except ValueError:
        return True
    return False


def watch_outline(
    outline: Path, outputs: Path, rebuild: Callable[[], None], stop: threading.Event | None = None,
) -> None:
    """Call ``rebuild`` now, then after every saved change in the outline's folder (until ``stop``)."""
    try:
        from watchfiles import watch
    except ImportError:
        raise UsageError("deckgen watch needs the watchfiles package: pip install 'deckgen[watch]'") from None
    rebuild()
    folder = outline.resolve().parent
    for changes in watch(folder, stop_event=stop, debounce=300, rust_timeout=500, yield_on_timeout=False):
        if any(is_input_change(Path(path), outputs) for _change, path in changes):
            rebuild()
