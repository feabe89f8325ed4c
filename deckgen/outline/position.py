"""Where a YAML node starts in its file: what every outline value keeps for its messages."""

from __future__ import annotations

from deckgen.records import record


@record(frozen=True)
class Position:
    """Where a YAML node starts in its file (1-based; 0 when not from a file)."""

    line: int = 0
    column: int = 0
