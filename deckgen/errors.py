"""Errors users see: one line each, ``file:line:col: location: message``, and an exit code.

These are plain exceptions, free of any CLI framework, so the library can be used and
tested on its own: an error carries its :class:`Problem` records as data, and only
``deckgen.cli`` turns them into terminal output and an exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.records import record

if TYPE_CHECKING:
    from typing_extensions import Self


_UNPRINTABLE = "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]"
"""Control characters, line separators and bidi overrides: in a message they could forge a
second ``error:`` line, move the cursor, colour the terminal or reorder what users read.
Lone surrogates (a file name that is not UTF-8) cannot be printed at all. Compiled on first
use: most runs print only ordinary text."""


@functools.cache
def _unprintable() -> re.Pattern[str]:
    return re.compile(_UNPRINTABLE)


def printable(text: str) -> str:
    """``text`` with every control character escaped (``\\n``, ``\\x1b``, ``\\u202e``), safe to print."""
    if text.isprintable():  # every character the pattern matches is one str.isprintable() rejects
        return text
    return _unprintable().sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    named = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
    if char in named:
        return named[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


@record(frozen=True)
class Problem:
    """One thing wrong with an input file, located precisely enough to fix it."""

    path: Path | None
    """The file the problem is in (None when no file is involved)."""
    line: int
    """1-based line; 0 when unknown."""
    column: int
    """1-based column; 0 when unknown."""
    message: str
    """What is wrong and what is allowed, e.g. ``'analyse' is not one of ...``."""
    location: str = ""
    """Where in the outline, as a field path such as ``questions[2].kind`` ("" for the whole file)."""
    hint: str = ""
    """How to fix it, when the message does not already say so."""

    @property
    def text(self) -> str:
        """The location, message and hint as one phrase, without the file position.

        Control characters are escaped: the text is one line, safe to print to a terminal.
        """
        text = f"{self.location}: {self.message}" if self.location else self.message
        return printable(f"{text}; {self.hint}" if self.hint else text)

    def __str__(self) -> str:
        if self.path is None:
            return self.text
        path = printable(str(self.path))
        if self.line <= 0:
            return f"{path}: {self.text}"
        return f"{path}:{self.line}:{self.column}: {self.text}"


class DeckgenError(Exception):
    """Base of every error deckgen raises on bad input or a failed build.

    ``problems`` holds what went wrong as data; ``exit_code`` is what the CLI exits with.
    """

    exit_code: int = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = (Problem(None, 0, 0, message),)

    @property
    def message(self) -> str:
        """Every problem, one per line."""
        return "\n".join(str(p) for p in self.problems)

    def __str__(self) -> str:
        return self.message


class ProblemsError(DeckgenError):
    """An error made of one or more located problems, reported all at once."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("")
        self.problems = tuple(problems)

    @classmethod
    def about(cls, path: Path | None, message: str) -> Self:
        """An error with one problem about a whole file (``path: message``)."""
        return cls([Problem(path, 0, 0, message)])


class OutlineError(ProblemsError):
    """An outline is invalid: bad YAML, a schema violation, a missing image."""


class TemplateError(ProblemsError):
    """A template cannot be used: not a .pptx/.potx, unsafe, or unknown by name."""


class BuildError(DeckgenError):
    """Writing a deck failed for a reason outside the outline (e.g. an unwritable folder)."""


class UsageError(DeckgenError):
    """The request itself is contradictory (e.g. several decks to one file); exit code 2."""

    exit_code = 2


def did_you_mean(value: str, choices: Iterable[str]) -> str:
    """Return ``" (did you mean 'x'?)"`` for a near miss among ``choices``, else ``""``."""
    from difflib import get_close_matches  # only for a mistake: difflib costs every start-up otherwise

    matches = get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{matches[0]}'?)" if matches else ""


def one_of(value: str, choices: Sequence[str]) -> str:
    """Describe a bad choice: ``'analyse' is not one of a, b, c (did you mean 'analysis'?)``."""
    return f"'{value}' is not one of {', '.join(choices)}{did_you_mean(value, choices)}"
