"""The ``deckgen`` command line: click options over the use cases in :mod:`deckgen.app`."""

from __future__ import annotations

from deckgen.cli.main import main, run

__all__ = ["main", "run"]
