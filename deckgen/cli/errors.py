"""Turning library errors into terminal output: ``error: file:line:col: message`` and an exit code."""

from __future__ import annotations

from typing import Any

import click

from deckgen.errors import DeckgenError, UsageError


class ReportedError(click.ClickException):
    """A :class:`DeckgenError` on its way out: each problem on its own ``error:`` line, exit 1.

    The library's only other exit code, 2, belongs to :class:`UsageError`, which leaves as
    click's own usage error instead.
    """

    exit_code = 1

    def __init__(self, error: DeckgenError) -> None:
        super().__init__(error.message)
        self.error = error

    def show(self, file: Any = None) -> None:
        for problem in self.error.problems:
            click.echo(f"error: {problem}", err=True)


class DeckgenGroup(click.Group):
    """The top-level group: library errors raised by any command become click errors once, here."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise click.UsageError(error.message, ctx) from None
        except DeckgenError as error:
            raise ReportedError(error) from None
