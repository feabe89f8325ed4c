"""Stopping cleanly on SIGTERM (a CI job cancelled, a container stopped), as on Ctrl-C.

The handler raises :class:`Terminated` wherever the process is, so the usual unwinding
removes temporary files (see :func:`deckgen.app.output.write_atomically`) and kills
child processes. Worker processes inherit the handler when forked; a batch stops its
workers by sending them SIGTERM in turn.
"""

from __future__ import annotations

import signal
from types import FrameType

EXIT_CODE = 128 + signal.SIGTERM
"""143: what shells report for a process ended by SIGTERM."""


class Terminated(BaseException):
    """SIGTERM arrived. A BaseException, so no ``except Exception`` swallows it."""


def _raise_terminated(signum: int, frame: FrameType | None) -> None:
    raise Terminated()


def stop_on_sigterm() -> None:
    """From now on, SIGTERM raises :class:`Terminated` in this process (and forked children)."""
    signal.signal(signal.SIGTERM, _raise_terminated)
