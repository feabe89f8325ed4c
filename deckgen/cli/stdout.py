"""Standard output that cannot lose a guide silently.

``deckgen guide`` (and ``schema``, ``help``, ``templates``) print their product on standard
output, and ``build`` its ``built ...`` lines. When standard output is a full device, a
closed descriptor (``>&-``) or a pipe whose reader has gone (``| head -1``), a write fails.
Like the GNU tools, deckgen notices the first failed write, carries on with its work (a
build still writes its decks), and reports it when it exits:

- a full device or any other write error: ``error: cannot write to standard output (No
  space left on device)``, exit 1;
- a closed standard output, once something is written to it: the same line saying it is
  closed, exit 1;
- a closed pipe: nothing printed (its reader asked for no more) and exit 141, the status of
  a command stopped by SIGPIPE, as ``cat`` or ``git log`` give in ``| head -1``.
"""

from __future__ import annotations

import errno
import io
import os
import select
import sys

import click

from deckgen.errors import printable

BROKEN_PIPE_EXIT = 128 + 13
"""Exit status after a closed pipe: what a shell shows for a command stopped by SIGPIPE."""


class _Descriptor(io.RawIOBase):
    """File descriptor 1, written with ``os.write``; a failed write is kept, not raised."""

    def __init__(self, closed_at_start: bool) -> None:
        super().__init__()
        self.closed_at_start = closed_at_start
        self.failure: OSError | None = None

    def writable(self) -> bool:
        return True

    def fileno(self) -> int:
        return 1

    def isatty(self) -> bool:
        return not self.closed_at_start and os.isatty(1)

    def write(self, data: bytes | bytearray | memoryview) -> int:  # type: ignore[override]
        """Write ``data``; after a failure, take everything and drop it (it has nowhere to go)."""
        if self.failure is None and self.closed_at_start:
            self.failure = OSError(errno.EBADF, os.strerror(errno.EBADF))
        while self.failure is None:
            try:
                return os.write(1, data)
            except BlockingIOError:  # a non-blocking descriptor (a terminal shared with node ...)
                select.select([], [1], [])
            except OSError as error:
                self.failure = error
        return len(data)

    def close(self) -> None:
        """Never close descriptor 1: children (LibreOffice) and the interpreter share it."""
        self.flush()


_descriptor: _Descriptor | None = None


def guard_stdout(closed_at_start: bool) -> None:
    """Make ``sys.stdout`` a stream whose failed writes are kept for :func:`final_status`.

    ``closed_at_start``: standard output was closed when deckgen started (descriptor 1 now
    holds /dev/null, so that no deck is ever opened on it).
    """
    global _descriptor
    current = sys.stdout  # None when started with standard output closed
    _descriptor = _Descriptor(closed_at_start)
    sys.stdout = io.TextIOWrapper(
        io.BufferedWriter(_descriptor),
        encoding=current.encoding if current is not None else "utf-8",
        errors=current.errors if current is not None else "strict",
        line_buffering=_descriptor.isatty(),
    )


def final_status(status: int) -> int:
    """The exit status once standard output is flushed: ``status``, unless a write failed.

    A failed write is reported on standard error and makes a successful run exit 1; a
    closed pipe is quiet and exits :data:`BROKEN_PIPE_EXIT`. A run that failed anyway
    keeps its own status.
    """
    failure = _flushed()
    if failure is None:
        return status
    if failure.errno == errno.EPIPE:
        return status or BROKEN_PIPE_EXIT
    reason = "it is closed" if failure.errno == errno.EBADF else failure.strerror or str(failure)
    hint = "; redirect it to a file or to /dev/null" if failure.errno == errno.EBADF else ""
    click.echo(printable(f"error: cannot write to standard output ({reason}){hint}"), err=True)
    return status or 1


def _flushed() -> OSError | None:
    """Flush standard output; the error of its first failed write, if any."""
    if _descriptor is None:
        return None
    sys.stdout.flush()
    return _descriptor.failure
