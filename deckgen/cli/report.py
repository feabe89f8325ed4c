"""How a batch talks to the user: a progress bar on a terminal, plain lines in CI, a summary."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click

from deckgen.errors import Problem, printable

if TYPE_CHECKING:
    from deckgen.app.jobs import Result


def is_interactive() -> bool:
    """A progress bar only makes sense on a terminal that is not a CI log."""
    ci = os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")
    stream = sys.stderr  # None when started with stderr closed (2>&-)
    return stream is not None and stream.isatty() and not ci


class Reporter:
    """Prints each result as it arrives: errors always, progress unless quiet.

    A deck's warnings are the ones ``check`` shows for its outline, each once per build, as
    ``check`` tells them (:func:`deckgen.app.check.tell`): a lint an audience variant shares
    with its base deck (built first) once, as the base deck's; a lint of the variant alone
    names its audience. Template warnings are told after the decks, once per template.
    """

    def __init__(self, total: int, quiet: bool) -> None:
        self.quiet = quiet
        self.told: list[Problem] = []
        self.bar: Any = None
        if not quiet and is_interactive() and total > 1:
            self.bar = click.progressbar(length=total, label="building", file=sys.stderr)
            self.bar.__enter__()

    def __call__(self, result: Result) -> None:
        for line in result.errors:
            self._echo(f"error: {line}", err=True)
        for line in self._warnings(result) if not self.quiet else ():
            self._echo(f"warning: {line}", err=True)
        if result.status == "built" and not self.quiet and self.bar is None:
            self._echo(f"built {result.job.output} ({result.slides} slides)")
        elif result.status == "skipped" and not self.quiet and self.bar is None:
            self._echo(f"skipped {result.job.output} (unchanged)")
        if self.bar is not None:
            self.bar.update(1)

    def _warnings(self, result: Result) -> list[str]:
        """The result's own warnings, and its lints not told yet in this build."""
        from deckgen.app.check import tell

        return [*result.warnings, *map(str, tell(self.told, result.lints, result.job.audience))]

    def _echo(self, text: str, err: bool = False) -> None:
        if self.bar is not None:
            click.echo("", err=True)  # leave the bar's line before printing
        click.echo(printable(text), err=err)

    def close(self) -> None:
        """Finish the progress bar, if any."""
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def summary(results: Sequence[Result], extra_failures: int, seconds: float) -> str:
    """``3 built, 1 skipped, 0 failed in 2.4 s``."""
    counts = Counter(r.status for r in results)
    failed = counts["failed"] + extra_failures
    return f"{counts['built']} built, {counts['skipped']} skipped, {failed} failed in {seconds:.1f} s"
