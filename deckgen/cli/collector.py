"""How often the ``deckgen`` command runs Python's cycle collector.

A command makes tens of thousands of objects as it imports its modules and plans a deck,
nearly all of them kept to its end, so the default collector (every 700 new objects) walked
them again and again: 49 collections, 4 to 6 ms of a 80 ms ``check``. Few of them form
cycles, and those of a prepared template, which hold megabytes, are collected when the
template is dropped (``render/template/memo.py``). The command sets this before it imports
its modules; ``import deckgen`` as a library leaves the collector alone.
"""

from __future__ import annotations

import gc

NEW_OBJECTS_PER_COLLECTION = 50_000
"""Objects made between two collections of the youngest generation (Python's default: 700)."""


def collect_cycles_less_often() -> None:
    """Run the youngest generation's collection after :data:`NEW_OBJECTS_PER_COLLECTION` new objects."""
    gc.set_threshold(NEW_OBJECTS_PER_COLLECTION, *gc.get_threshold()[1:])
