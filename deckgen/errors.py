"""Errors users see: one line each, ``file:line:col: location: message``, and an exit code.

These are plain exceptions, free of any CLI framework, so the library can be used and
tested on its own: an error carries its :class:`Problem` records as data, and only
``deckgen.cli`` turns them into terminal output and an exit status.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.records import record

if TYPE_CHECKING:
    from typing_extensions import Self


_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_HIDDEN = frozenset(("Cc", "Cf", "Cs", "Cn", "Zl", "Zp"))
"""What a message escapes: control characters (they could forge a second ``error:`` line, move
the cursor or colour the terminal), format characters (zero-width spaces and joiners, bidi
controls, the byte order mark, tag characters: they hide text or reorder what users read),
line and paragraph separators, lone surrogates (a file name that is not UTF-8) and
unassigned code points (a terminal shows them as nothing or a box). Letters of any script,
other spaces (no-break, ideographic) and private-use characters stay as they are."""
_VISIBLE_FORMAT = frozenset("\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u0890\u0891\u08e2\U000110bd\U000110cd")
"""Format characters drawn as a sign (the Arabic number sign, end of ayah ...): part of text, not hiding any."""
_JOINERS = frozenset("\u200c\u200d")
"""Zero-width non-joiner and joiner: spelling inside Arabic, Persian and Indic words, and
the glue of emoji sequences; anywhere else they only hide a difference between two names."""


def printable(text: str) -> str:
    """``text`` with every character that could hide or forge text escaped (``\\n``, ``\\x1b``,
    ``\\u200b``), safe to print as one line; readable text of any script is left alone."""
    if text.isprintable():  # every character escaped is one str.isprintable() rejects
        return text
    return "".join(char if char.isprintable() or _shown(text, index) else _escape(char)
                   for index, char in enumerate(text))


def _shown(text: str, index: int) -> bool:
    """Whether the non-printable character at ``index`` is still printed as it is."""
    import unicodedata  # only for text that is not plainly printable

    char = text[index]
    if char in _VISIBLE_FORMAT:
        return True
    if char in _JOINERS:
        return 0 < index < len(text) - 1 and _joinable(text[index - 1]) and _joinable(text[index + 1])
    return unicodedata.category(char) not in _HIDDEN


def _joinable(char: str) -> bool:
    """A character a joiner may sit beside: a letter or mark of a script that joins or forms
    conjuncts (Hebrew to Mongolian, Arabic presentation forms), or an emoji."""
    import unicodedata

    category = unicodedata.category(char)
    code = ord(char)
    if category in ("So", "Sk") or char == "\ufe0f":  # emoji, skin tones, emoji presentation
        return True
    in_script = 0x0590 <= code < 0x1D00 or 0xA800 <= code < 0xABFF or 0xFB1D <= code < 0xFF00 or 0x10800 <= code < 0x1F000
    return in_script and category[0] in "LM"


def _escape(char: str) -> str:
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


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

        Control and invisible characters are escaped (:func:`printable`): the text is one
        line, safe to print to a terminal, and shows every character that makes a name differ.
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
