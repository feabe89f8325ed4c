"""Which way a piece of text reads, cut into runs of one direction, and the mark that
keeps it in order inside a line reading the other way.

A Latin title quoted in an Arabic sentence, or an English label in a Hebrew document,
reads left to right inside a right-to-left line. Renderers order such lines with the
Unicode bidirectional algorithm, which places the spaces, punctuation and digits between
the two directions by what surrounds them, so "Ambitions (2024)." can lose its full stop
to the far end of the line. Each piece of text deckgen writes (a label, a title, a cell)
is treated as an isolate: it reads the line's way when it has a letter of the line's
script ("Sora של OpenAI" in a Hebrew document), and the other way only when all its
letters are of the other direction (an English citation there). Its runs are cut where the
direction changes (a word processor sets right-to-left runs apart, ``w:rtl``), and a piece
reading against the line ends with a mark of its own direction (U+200E LEFT-TO-RIGHT MARK,
U+200F RIGHT-TO-LEFT MARK), so its last punctuation stays with it.
"""

from __future__ import annotations

import unicodedata

LEFT_TO_RIGHT_MARK = "\u200e"
RIGHT_TO_LEFT_MARK = "\u200f"

_RIGHT_TO_LEFT_CLASSES = ("R", "AL")
"""Bidirectional classes of letters written right to left (Hebrew; Arabic, Persian, Urdu)."""


def _strong(char: str) -> bool | None:
    """True for a right-to-left letter, False for a left-to-right one, None for the rest
    (spaces, punctuation, digits), which take the direction of what surrounds them."""
    kind = unicodedata.bidirectional(char)
    if kind in _RIGHT_TO_LEFT_CLASSES:
        return True
    return False if kind == "L" else None


def reads_right_to_left(text: str, line_right_to_left: bool) -> bool:
    """True when ``text`` reads right to left inside a line that does (``line_right_to_left``)
    or does not: it reads against the line only when it has letters, all of the other direction."""
    letters = {_strong(char) for char in text} - {None}
    return not line_right_to_left if letters == {not line_right_to_left} else line_right_to_left


def direction_runs(text: str, own: bool) -> list[tuple[str, bool]]:
    """``text``, reading right to left when ``own`` (see :func:`reads_right_to_left`), cut
    into runs of one direction, each with True when it reads right to left.

    Spaces, punctuation and digits between two letters of one direction join them; between
    the two directions, and at either end, they take the text's own direction, as the
    bidirectional algorithm resolves them inside an isolate.
    """
    if not text:
        return [(text, own)]
    resolved = _resolve_neutrals([_strong(char) for char in text], own)
    runs: list[tuple[str, bool]] = []
    start = 0
    for index in range(1, len(text) + 1):
        if index == len(text) or resolved[index] != resolved[start]:
            runs.append((text[start:index], resolved[start]))
            start = index
    return runs


def _resolve_neutrals(strong: list[bool | None], own: bool) -> list[bool]:
    """Each character's direction: its own for a letter; for a stretch of others, the
    direction of the letters on both sides when they agree, else ``own``."""
    resolved: list[bool] = []
    index = 0
    while index < len(strong):
        direction = strong[index]
        if direction is not None:
            resolved.append(direction)
            index += 1
            continue
        end = index
        while end < len(strong) and strong[end] is None:
            end += 1
        before = resolved[-1] if resolved else own
        after = strong[end] if end < len(strong) else own
        resolved.extend([before if before == after else own] * (end - index))
        index = end
    return resolved


def closing_mark(text: str, line_right_to_left: bool) -> str:
    """The mark to write after ``text`` inside a line reading right to left
    (``line_right_to_left``) or not: "" when it reads as the line does."""
    if reads_right_to_left(text, line_right_to_left) == line_right_to_left:
        return ""
    return LEFT_TO_RIGHT_MARK if line_right_to_left else RIGHT_TO_LEFT_MARK
