"""How wide text is: character advance widths, in ems, for the fonts decks use.

Fitting needs a width for every run of text before any renderer sees it. The table
here is a conservative approximation of Calibri/Carlito-class sans fonts; unknown fonts
get a wider factor so that text measured here never turns out wider on screen.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_NARROW = set("iljtfrI.,;:'!|()[]{}\"` ")
_WIDE = set("mwMW@%&")
_CAPITAL_EM = 0.62
_LOWER_EM = 0.50
_DIGIT_EM = 0.51
_NARROW_EM = 0.27
_WIDE_EM = 0.86
_FULL_WIDTH_EM = 1.0


def is_full_width(char: str) -> bool:
    """True for characters that East Asian typography sets one em wide (CJK, kana, hangul)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def _char_em(char: str) -> float:
    """Advance width of one character in ems for a Calibri-class font."""
    if is_full_width(char):
        return _FULL_WIDTH_EM
    if char in _NARROW:
        return _NARROW_EM
    if char in _WIDE:
        return _WIDE_EM
    if char.isdigit():
        return _DIGIT_EM
    if char.isupper():
        return _CAPITAL_EM
    return _LOWER_EM


@dataclass(frozen=True)
class FontMetrics:
    """Width model of one font family: ``scale`` widens or narrows the base table."""

    family: str
    scale: float = 1.0
    """Multiplier on the Calibri-class table (Arial-class fonts are about 1.1x wider)."""
    line_height: float = 1.2
    """Line pitch as a multiple of the font size."""

    def width_pt(self, text: str, size_pt: float) -> float:
        """Width of ``text`` set at ``size_pt`` points, in points."""
        ems = sum(_char_em(c) if is_full_width(c) else _char_em(c) * self.scale for c in text)
        return ems * size_pt


_KNOWN_SCALES: dict[str, float] = {
    "calibri": 1.0,
    "carlito": 1.0,
    "cambria": 1.08,
    "caladea": 1.08,
    "arial": 1.12,
    "liberation sans": 1.12,
    "helvetica": 1.12,
    "times new roman": 1.0,
    "liberation serif": 1.0,
    "georgia": 1.15,
}
_UNKNOWN_SCALE = 1.2


def metrics_for(family: str | None) -> FontMetrics:
    """Metrics for a theme font family; unknown families get a conservative (wide) model."""
    name = (family or "").strip()
    return FontMetrics(name or "unknown", _KNOWN_SCALES.get(name.lower(), _UNKNOWN_SCALE))
