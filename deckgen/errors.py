"""Errors users see: one line each, ``file:line:col: message``, and an exit code.

The hierarchy is rooted in :class:`click.ClickException` so the CLI shows the message
without a traceback and exits 1, while API users can catch :class:`DeckgenError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import get_close_matches
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from typing_extensions import Self

import click


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located precisely enough to fix it."""

    path: Path | None
    """The file the problem is in (None when no file is involved)."""
    line: int
    """1-based line; 0 when unknown."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    """What is wrong and how to fix it, e.g. ``questions[2].kind: 'analyse' is not one of ...``."""

    def __str__(self) -> str:
        if self.path is None:
            return self.message
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.column}: {self.message}"


class DeckgenError(click.ClickException):
    """Base of every error deckgen raises on bad input; exit code 1, no traceback."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)

    def show(self, file: object = None) -> None:  # pragma: no cover - exercised through the CLI
        click.echo(f"error: {self.format_message()}", err=True)


class ProblemsError(DeckgenError):
    """An error made of one or more located problems, reported all at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @classmethod
    def about(cls, path: Path | None, message: str) -> Self:
        """An error with one problem about a whole file (``path: message``)."""
        return cls([Problem(path, 0, 0, message)])

    def show(self, file: object = None) -> None:  # pragma: no cover - exercised through the CLI
        for problem in self.problems:
            click.echo(f"error: {problem}", err=True)


class OutlineError(ProblemsError):
    """An outline is invalid: bad YAML, a schema violation, a missing image."""


class TemplateError(ProblemsError):
    """A template cannot be used: not a .pptx/.potx, unsafe, or unknown by name."""


class BuildError(DeckgenError):
    """Writing a deck failed for a reason outside the outline (e.g. an unwritable folder)."""


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for a near miss among ``choices``, else ``""``."""
    matches = get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def one_of(value: str, choices: Sequence[str]) -> str:
    """Describe a bad choice: ``'analyse' is not one of a, b, c (did you mean 'analysis'?)``."""
    return f"'{value}' is not one of {', '.join(choices)}{did_you_mean(value, choices)}"
