"""Turning library errors into terminal output: ``error: file:line:col: message`` and an exit code."""

from __future__ import annotations

from typing import Any

import click

from deckgen.errors import DeckgenError, UsageError, printable


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
            click.echo(printable(f"error: {problem}"), err=True)


class DeckgenGroup(click.Group):
    """The top-level group: library errors raised by any command become click errors once, here,
    and every click error is made printable (click quotes file names and values as given)."""

    def make_context(self, info_name: str | None, args: list[str], parent: click.Context | None = None,
                     **extra: Any) -> click.Context:
        try:
            return super().make_context(info_name, args, parent, **extra)
        except click.ClickException as error:
            raise _printable(error) from None

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except UsageError as error:
            raise click.UsageError(error.message, ctx) from None
        except DeckgenError as error:
            raise ReportedError(error) from None
        except click.ClickException as error:
            raise _printable(error) from None


def _printable(error: click.ClickException) -> click.ClickException:
    """``error`` with its message escaped: a name with a newline or an escape sequence in an
    option's value (``-o $'a\\nb.md'``) must not forge a line or drive the terminal."""
    setattr(error, "message", printable(error.message))  # click declares it Final; its show() reads it
    return error
