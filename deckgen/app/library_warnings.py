"""Warnings of the libraries a build uses, as deckgen's own one-line warnings.

python-pptx, XlsxWriter, python-docx and Pillow report oddities with Python's
``warnings.warn``, which prints two raw lines: the library's source file and the
warning's text, which can quote an outline's words, line breaks and all (a label ending in
a line that reads like deckgen's own ``error:``). A build catches them instead and reports
each once, with the deck's other warnings, escaped onto one line and cut short.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from contextlib import contextmanager

from deckgen.errors import printable

QUOTED_CHARACTERS = 200
"""How much of a warning's text is shown; the rest is cut (it may quote a long label)."""


def warning_line(category: type[Warning], message: Warning | str) -> str:
    """One printable line for a library's warning: its kind and its text, cut short."""
    text = str(message)
    if len(text) > QUOTED_CHARACTERS:
        text = text[:QUOTED_CHARACTERS] + "…"
    return printable(f"a library warned ({category.__name__}): {text}")


@contextmanager
def caught_warnings() -> Iterator[list[str]]:
    """Catch every warning raised in the block; when it ends, the list holds them as lines, each once."""
    lines: list[str] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield lines
        finally:
            lines.extend(dict.fromkeys(warning_line(warning.category, warning.message) for warning in caught))
