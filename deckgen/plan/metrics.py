"""How wide and how tall text is, from the real metrics of the fonts decks use.

Fitting needs a width for every run of text before any renderer sees it. deckgen ships
the advance widths of the open metric-compatible twins of the common Office fonts
(``deckgen/plan/data/metrics/*.json``, written by ``tools/make_metrics.py`` from the font files):
Carlito measures exactly like Calibri, Caladea like Cambria, Liberation Sans like Arial,
Liberation Serif like Times New Roman and Liberation Mono like Courier New. These are also
the fonts LibreOffice renders those names with, so measuring and rendering agree. Fonts
deckgen has no table for are measured with a conservative stand-in: for every character
the widest of the proportional tables, plus a margin.

Line height: PowerPoint sets single-spaced lines 1.2 times the font size apart, and so
does LibreOffice Impress (its "font-independent line spacing"; measured: 48 pt pitch at
40 pt for Carlito, Caladea, Liberation Sans/Serif/Mono and Noto Sans CJK alike). A font
whose own line (ascent + descent + line gap) is taller is given its own height, and
lines with CJK characters get the height of the East Asian fonts PowerPoint uses.
Units: sizes and widths in points, font data in ems.
"""

from __future__ import annotations

import functools
import json
import unicodedata
from collections.abc import Mapping
from dataclasses import field
from pathlib import Path
from typing import Any

from deckgen.records import record

_DATA = Path(__file__).resolve().parent / "data" / "metrics"
"""The bundled width tables (read as plain files: importlib.resources costs more to import)."""

SINGLE_LINE_EM = 1.2
"""Pitch of single-spaced lines in PowerPoint and LibreOffice Impress, in ems of the font size."""
EAST_ASIAN_LINE_EM = 1.32
"""Line pitch of CJK text in PowerPoint, which spaces East Asian fonts by their own metrics
(Microsoft YaHei: win ascent + descent = 2703 / 2048 em)."""
FULL_WIDTH_EM = 1.0
"""Advance of an ideograph, kana, hangul syllable or full-width form."""
MISSING_EM = 0.7
"""Advance assumed for a character no table covers (other scripts, symbols), in ems."""
UNKNOWN_FONT_MARGIN = 1.1
"""How much wider than the widest known table an unknown font is assumed to be."""
WIDTH_MARGIN = 1.01
"""Safety on every measured width: renderers position glyphs on a grid and round."""

_FAMILY_TABLES: dict[str, str] = {
    "calibri": "carlito",
    "calibri light": "carlito",
    "carlito": "carlito",
    "cambria": "caladea",
    "caladea": "caladea",
    "arial": "liberation-sans",
    "helvetica": "liberation-sans",
    "liberation sans": "liberation-sans",
    "arimo": "liberation-sans",
    "times new roman": "liberation-serif",
    "times": "liberation-serif",
    "liberation serif": "liberation-serif",
    "tinos": "liberation-serif",
    "courier new": "liberation-mono",
    "courier": "liberation-mono",
    "liberation mono": "liberation-mono",
    "cousine": "liberation-mono",
    "noto naskh arabic": "noto-naskh-arabic",
}
"""Font family names (lower case) -> bundled table."""
_TEXT_CACHE_LIMIT = 100_000
_PROPORTIONAL_TABLES = ("carlito", "caladea", "liberation-sans", "liberation-serif")
_STYLE_KEYS = {(False, False): "regular", (True, False): "bold", (False, True): "italic", (True, True): "bold-italic"}


_FIRST_WIDE = "\u1100"
"""No character before U+1100 (Hangul Jamo) is wide or full-width."""


def is_full_width(char: str) -> bool:
    """True for characters that East Asian typography sets one em wide (CJK, kana, hangul)."""
    return char >= _FIRST_WIDE and unicodedata.east_asian_width(char) in ("W", "F")


def all_narrow(text: str) -> bool:
    """True when no character of ``text`` can be full width (all before U+1100): a check at
    C speed that spares most Latin text the per-character :func:`is_full_width`."""
    return not text or max(text) < _FIRST_WIDE


def _is_ambiguous(char: str) -> bool:
    """Characters (curly quotes, dashes, dots) that an East Asian font sets full width."""
    return char > "\x7f" and unicodedata.east_asian_width(char) == "A"


def _is_zero_width(char: str) -> bool:
    return unicodedata.category(char) in ("Mn", "Me", "Cf") or char in "\u200b\u2060\ufeff"


@record(frozen=True)
class Face:
    """One style of a family: advance widths and natural line height, in ems."""

    widths: Mapping[int, float]
    """Code point -> advance width in ems."""
    line_em: float
    """Ascent + descent + line gap of the font, in ems."""
    _text_cache: dict[tuple[str, bool], float] = field(default_factory=dict, compare=False, repr=False)
    """Widths of words already measured: fitting measures the same words at many sizes."""

    def text_em(self, text: str, east_asian: bool = False) -> float:
        """Advance of ``text`` in ems (remembered, since fitting asks again for each size)."""
        key = (text, east_asian)
        width = self._text_cache.get(key)
        if width is None:
            if len(self._text_cache) > _TEXT_CACHE_LIMIT:
                self._text_cache.clear()
            width = self._text_cache[key] = sum(self.char_em(char, east_asian) for char in text)
        return width

    def char_em(self, char: str, east_asian: bool = False) -> float:
        """Advance of ``char`` in ems; ``east_asian`` sets ambiguous characters full width."""
        if is_full_width(char) or (east_asian and _is_ambiguous(char)):
            return FULL_WIDTH_EM
        width = self.widths.get(ord(char))
        if width is not None:
            return width
        return 0.0 if _is_zero_width(char) else MISSING_EM


@record(frozen=True)
class FontMetrics:
    """Measurements of one font family in its four styles."""

    family: str
    """The family name asked for (e.g. ``Calibri``)."""
    table: str
    """The bundled table it is measured with (``carlito``), or ``fallback`` for unknown fonts."""
    faces: Mapping[str, Face]
    """Style key (``regular``, ``bold``, ``italic``, ``bold-italic``) -> face."""

    def face(self, bold: bool = False, italic: bool = False) -> Face:
        """The face of the given style."""
        return self.faces[_STYLE_KEYS[(bold, italic)]]

    def width_pt(self, text: str, size_pt: float, bold: bool = False, italic: bool = False,
                 spacing_pt: float = 0.0, east_asian: bool = False) -> float:
        """Width of ``text`` set at ``size_pt`` points, in points.

        ``spacing_pt`` is letter spacing added after every character; ``east_asian`` measures
        ambiguous-width characters (quotes, dashes) full width, as CJK fonts set them.
        """
        ems = self.face(bold, italic).text_em(text, east_asian)
        return (ems * size_pt + spacing_pt * len(text)) * WIDTH_MARGIN

    def line_pitch_pt(self, size_pt: float, bold: bool = False, east_asian: bool = False) -> float:
        """Distance between baselines of single-spaced lines at ``size_pt``, in points."""
        em = max(SINGLE_LINE_EM, self.face(bold).line_em)
        if east_asian:
            em = max(em, EAST_ASIAN_LINE_EM)
        return em * size_pt


def _load(table: str) -> dict[str, Any]:
    data = (_DATA / f"{table}.json").read_text("ascii")
    loaded: dict[str, Any] = json.loads(data)
    return loaded


def _face(style: Mapping[str, Any], units_per_em: int) -> Face:
    widths: dict[int, float] = {}
    for first, advances in style["widths"]:
        for offset, advance in enumerate(advances):
            widths[first + offset] = advance / units_per_em
    line = style["ascent"] + style["descent"] + style["line_gap"]
    return Face(widths, line / units_per_em)


@functools.lru_cache(maxsize=None)
def _table(table: str) -> dict[str, Face]:
    data = _load(table)
    return {key: _face(style, data["units_per_em"]) for key, style in data["styles"].items()}


@functools.lru_cache(maxsize=None)
def _fallback() -> dict[str, Face]:
    """For each style and character, the widest proportional table, widened by a margin."""
    faces: dict[str, Face] = {}
    for key in _STYLE_KEYS.values():
        known = [_table(name)[key] for name in _PROPORTIONAL_TABLES]
        codes = set().union(*(face.widths for face in known))
        widths = {
            code: max(face.widths.get(code, 0.0) for face in known) * UNKNOWN_FONT_MARGIN for code in codes
        }
        faces[key] = Face(widths, max(face.line_em for face in known))
    return faces


def table_for(family: str | None) -> str | None:
    """The bundled table a family is measured with, or None when deckgen has none for it."""
    return _FAMILY_TABLES.get((family or "").strip().lower())


COMPLEX_SCRIPT_LINE_EM = 1.32
"""Tallest line pitch assumed for Arabic and Hebrew text, in ems. LibreOffice Impress sets
Noto Naskh Arabic lines 1.2 em apart like any other (measured: 28.8 pt at 24 pt), not at the
font's own 1.7 em; PowerPoint spaces by the font, and the Arabic fonts it substitutes
(Arial, Times New Roman, Segoe UI) stay within 1.32 em."""
_COMPLEX_SCRIPT_RANGES = ((0x0590, 0x08FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))
"""Hebrew and Arabic letters, which renderers set in the complex-script font (``a:cs``)."""


def _is_complex_script(code: int) -> bool:
    return any(first <= code <= last for first, last in _COMPLEX_SCRIPT_RANGES)


def _with_complex_script(latin: FontMetrics, complex_font: FontMetrics) -> FontMetrics:
    """``latin``'s faces, measuring Hebrew and Arabic letters in ``complex_font``'s."""
    faces = {}
    for key, face in latin.faces.items():
        other = complex_font.faces[key]
        widths = {code: width for code, width in face.widths.items() if not _is_complex_script(code)}
        widths.update((code, width) for code, width in other.widths.items() if _is_complex_script(code))
        faces[key] = Face(widths, max(face.line_em, min(other.line_em, COMPLEX_SCRIPT_LINE_EM)))
    return FontMetrics(f"{latin.family} + {complex_font.family}", latin.table, faces)


UPRIGHT_SUFFIX = " (upright)"
"""Ends a measured family name whose text is set upright, emphasis as weight (see
:func:`deckgen.plan.scripts.upright_profile`): its italic styles measure in its bold face."""


def metrics_for(family: str | None) -> FontMetrics:
    """Metrics for a font family; unknown families get a conservative (wide) model.

    ``"Calibri + Noto Naskh Arabic"`` names a Latin family and the complex-script font that
    sets a right-to-left language's letters (see :func:`deckgen.plan.bidi.measured_family`);
    ``"Calibri (upright)"`` a family whose italics are set bold (:data:`UPRIGHT_SUFFIX`).
    """
    if family and family.endswith(UPRIGHT_SUFFIX):
        return _upright(family[: -len(UPRIGHT_SUFFIX)])
    if family and " + " in family:
        latin, _, complex_font = family.partition(" + ")
        return _composite(latin.strip(), complex_font.strip())
    name = (family or "").strip() or "unknown"
    table = table_for(name)
    if table is None:
        return FontMetrics(name, "fallback", _fallback())
    return FontMetrics(name, table, _table(table))


@functools.lru_cache(maxsize=None)
def _composite(latin: str, complex_font: str) -> FontMetrics:
    return _with_complex_script(metrics_for(latin), metrics_for(complex_font))


@functools.lru_cache(maxsize=None)
def _upright(family: str) -> FontMetrics:
    metrics = metrics_for(family)
    faces = {key: metrics.face(key != "regular") for key in metrics.faces}
    return FontMetrics(f"{metrics.family}{UPRIGHT_SUFFIX}", metrics.table, faces)
