"""The ``deckgen`` command line: click options over the use cases in :mod:`deckgen.app`."""

from __future__ import annotations

from deckgen.cli.collector import collect_cycles_less_often

collect_cycles_less_often()  # before the command's modules load: see deckgen.cli.collector

from deckgen.cli.main import main, run  # noqa: E402

__all__ = ["main", "run"]
