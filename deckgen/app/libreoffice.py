"""Running ``soffice``: the calls of one PDF export share one deadline and end together.

LibreOffice can hang: a dialog no one sees, a damaged installation, a file it chokes on.
So an export (every PDF of a build, or the one PDF of a preview or handout) has one time
limit for all its calls together, ``DECKGEN_SOFFICE_TIMEOUT`` seconds or a generous default
that grows with the number of PDFs, and no call may run past it. When the build stops
(SIGTERM, Ctrl-C, a failing caller) :meth:`Office.stop` kills every running call's process
group at once and refuses to start another, so no LibreOffice outlives deckgen.
"""

from __future__ import annotations

import math
import os
import signal
import subprocess
import threading
import time
from collections.abc import Sequence
from typing import Literal

from deckgen.errors import BuildError, printable
from deckgen.records import record

TIMEOUT_ENV = "DECKGEN_SOFFICE_TIMEOUT"
TIMEOUT_BASE_S = 300
TIMEOUT_PER_FILE_S = 20
"""Without ``DECKGEN_SOFFICE_TIMEOUT``, an export of N PDFs may take 300 s + 20 s x N in all
(LibreOffice converts a deck in a few seconds once it runs)."""
LONGEST_TIMEOUT_S = 86_400
"""The largest ``DECKGEN_SOFFICE_TIMEOUT`` accepted: one day."""

Ending = Literal["done", "failed", "timeout", "deadline", "stopped"]
"""How a call ended: exited 0; exited otherwise (or could not start); ran past its own
timeout; reached the export's deadline (or was not started after it); ended by :meth:`Office.stop`."""


@record(frozen=True)
class Call:
    """What one ``soffice`` call came to."""

    ending: Ending
    reason: str = ""
    """Why it failed, as a phrase (``LibreOffice exited with status 1``); "" when done."""
    seconds: float = 0.0
    """The time it was allowed (for a call that timed out)."""


def time_limit(files: int) -> float:
    """Seconds an export of ``files`` PDFs may take in all: ``DECKGEN_SOFFICE_TIMEOUT`` when
    set, else :data:`TIMEOUT_BASE_S` plus :data:`TIMEOUT_PER_FILE_S` per PDF.

    Raises :class:`BuildError` for a setting that is not a number of seconds.
    """
    setting = os.environ.get(TIMEOUT_ENV, "").strip()
    if not setting:
        return float(TIMEOUT_BASE_S + TIMEOUT_PER_FILE_S * files)
    return _seconds(setting)


def _seconds(setting: str) -> float:
    try:
        value = float(setting) if setting.isascii() else math.nan
    except ValueError:
        value = math.nan
    if not 0 < value <= LONGEST_TIMEOUT_S:  # also refuses nan and inf
        raise BuildError(f"{TIMEOUT_ENV}: '{printable(setting[:40])}' is not a number of seconds between 0 and "
                         f"{LONGEST_TIMEOUT_S}; unset it for the default, or set e.g. {TIMEOUT_ENV}=900")
    return value


class Office:
    """The ``soffice`` calls of one export: none runs past the deadline, :meth:`stop` ends them all.

    Calls may run in several threads at once; the one that stops them is usually the main
    thread, on its way out with SIGTERM or Ctrl-C.
    """

    def __init__(self, soffice: str, seconds: float) -> None:
        self.soffice = soffice
        self.seconds = seconds
        """The export's time limit."""
        self._deadline = time.monotonic() + seconds
        self._lock = threading.Lock()
        self._running: set[subprocess.Popen[bytes]] = set()
        self._stopped = False

    @property
    def stopped(self) -> bool:
        """True once :meth:`stop` was called: no call starts any more."""
        return self._stopped

    def remaining(self) -> float:
        """Seconds left before the export's deadline (negative once it has passed)."""
        return self._deadline - time.monotonic()

    def run(self, arguments: Sequence[str], timeout: float) -> Call:
        """Run ``soffice ARGUMENTS`` for at most ``timeout`` seconds, and never past the deadline."""
        limit = min(timeout, self.remaining())
        if limit <= 0:
            return Call("deadline", "the export's time limit had passed before LibreOffice could start", self.seconds)
        started = self._start(arguments)
        if isinstance(started, Call):
            return started
        try:
            status = started.wait(timeout=limit)
        except subprocess.TimeoutExpired:
            self._kill(started)
            ending: Ending = "deadline" if limit < timeout else "timeout"
            return Call(ending, f"LibreOffice did not finish within {limit:g} s", limit)
        except BaseException:  # SIGTERM or Ctrl-C reached this thread: take LibreOffice along
            self._kill(started)
            raise
        finally:
            with self._lock:
                self._running.discard(started)
        if self._stopped:
            return Call("stopped", "LibreOffice was stopped")
        return Call("done") if status == 0 else Call("failed", f"LibreOffice exited with status {status}")

    def stop(self) -> None:
        """Kill every running call (its whole process group) and start no other."""
        with self._lock:
            self._stopped = True
            running = list(self._running)
        for process in running:
            self._kill(process)

    def _start(self, arguments: Sequence[str]) -> subprocess.Popen[bytes] | Call:
        """Start one call in a session of its own, unless the export has stopped."""
        with self._lock:  # so stop() either sees the new process or prevents it
            if self._stopped:
                return Call("stopped", "LibreOffice was stopped")
            try:
                process = subprocess.Popen([self.soffice, *arguments], stdin=subprocess.DEVNULL,
                                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                           start_new_session=True)
            except OSError as error:
                return Call("failed", f"LibreOffice could not start ({error.strerror or error})")
            self._running.add(process)
            return process

    @staticmethod
    def _kill(process: subprocess.Popen[bytes]) -> None:
        """End a call and the processes it started (``soffice`` is a launcher whose office
        process would otherwise live on, holding its profile), then reap it."""
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except (OSError, AttributeError):  # already gone, or no process groups (Windows)
                process.kill()
        process.wait()
