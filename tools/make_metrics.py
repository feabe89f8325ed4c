"""Write the bundled font metrics in ``deckgen/plan/data/metrics/`` from installed font files.

deckgen measures text with these tables at run time, so every machine measures alike and
no font needs to be installed to build a deck. They come from the open, metric-compatible
twins of the fonts the bundled templates and most Office templates name (Carlito has
Calibri's advance widths, Caladea Cambria's, Liberation Sans Arial's, ...), which is also
what LibreOffice renders with. Run from the repository root when the tables must change::

    pip install fonttools    # a tool for this script only; deckgen itself never needs it
    python tools/make_metrics.py

Fonts are found with ``fc-list`` (Debian/Ubuntu: fonts-crosextra-carlito,
fonts-crosextra-caladea, fonts-liberation2, fonts-noto-core). The output is deterministic.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from fontTools.ttLib import TTFont

OUT = Path(__file__).resolve().parent.parent / "deckgen" / "plan" / "data" / "metrics"

FAMILIES = {
    "carlito": "Carlito",
    "caladea": "Caladea",
    "liberation-sans": "Liberation Sans",
    "liberation-serif": "Liberation Serif",
    "liberation-mono": "Liberation Mono",
    "noto-naskh-arabic": "Noto Naskh Arabic",
}
"""Output file stem -> fontconfig family name."""

STYLES = {"regular": "Regular", "bold": "Bold", "italic": "Italic", "bold-italic": "Bold Italic"}

RANGES = [
    (0x0020, 0x007E),  # Basic Latin
    (0x00A0, 0x024F),  # Latin-1 Supplement, Latin Extended-A and -B
    (0x02B0, 0x02FF),  # spacing modifier letters
    (0x0370, 0x03FF),  # Greek
    (0x0400, 0x04FF),  # Cyrillic
    (0x0590, 0x05FF),  # Hebrew
    (0x0600, 0x06FF),  # Arabic (Persian and Urdu letters included)
    (0x0750, 0x077F),  # Arabic Supplement
    (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
    (0x2000, 0x206F),  # General Punctuation (dashes, quotes, bullet, ellipsis)
    (0x20A0, 0x20CF),  # currency symbols
    (0x2100, 0x215F),  # letterlike symbols, number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # mathematical operators
    (0x25A0, 0x25FF),  # geometric shapes (bullets)
    (0xFB1D, 0xFB4F),  # Hebrew presentation forms
    (0xFB50, 0xFDFF),  # Arabic presentation forms A
    (0xFE70, 0xFEFF),  # Arabic presentation forms B
]

def font_file(family: str, style: str) -> Path:
    """The installed file of ``family`` in ``style``, asked of fontconfig."""
    pattern = f"{family}:style={style}"
    found = subprocess.run(["fc-match", "-f", "%{family}\t%{file}", pattern],
                           check=True, capture_output=True, text=True).stdout
    name, _, path = found.partition("\t")
    if family.lower() not in name.lower():
        raise SystemExit(f"font '{family}' ({style}) is not installed; see this script's docstring")
    return Path(path)


def vertical(font: TTFont) -> dict[str, int]:
    """Vertical metrics in font units: hhea (what LibreOffice uses on Linux), OS/2 win and typo."""
    hhea, os2 = font["hhea"], font["OS/2"]
    return {
        "ascent": hhea.ascent, "descent": -hhea.descent, "line_gap": hhea.lineGap,
        "win_ascent": os2.usWinAscent, "win_descent": os2.usWinDescent,
        "typo_ascent": os2.sTypoAscender, "typo_descent": -os2.sTypoDescender,
        "typo_line_gap": os2.sTypoLineGap, "use_typo_metrics": int(bool(os2.fsSelection & 0x80)),
    }


def widths(font: TTFont) -> list[list[Any]]:
    """Advance widths (font units) as runs ``[first code point, [width, ...]]``; gaps where unmapped."""
    cmap, hmtx = font.getBestCmap(), font["hmtx"]
    runs: list[list[Any]] = []
    for first, last in RANGES:
        for code in range(first, last + 1):
            glyph = cmap.get(code)
            if glyph is None:
                continue
            advance = hmtx[glyph][0]
            if runs and runs[-1][0] + len(runs[-1][1]) == code:
                runs[-1][1].append(advance)
            else:
                runs.append([code, [advance]])
    return runs


def family_table(family: str) -> dict[str, Any]:
    table: dict[str, Any] = {"family": family, "styles": {}}
    for key, style in STYLES.items():
        path = font_file(family, style)
        font = TTFont(path, lazy=True)
        table["units_per_em"] = font["head"].unitsPerEm
        version = (font["name"].getDebugName(5) or "").split(";")[0]
        table["styles"][key] = {"file": path.name, "version": version, **vertical(font), "widths": widths(font)}
    return table


def dump(path: Path, table: dict[str, Any]) -> None:
    text = json.dumps(table, separators=(",", ":"), sort_keys=True, ensure_ascii=True)
    path.write_text(text + "\n", encoding="ascii")
    print(f"wrote {path} ({path.stat().st_size} bytes)")


def main() -> int:
    OUT.mkdir(exist_ok=True)
    for stem, family in FAMILIES.items():
        dump(OUT / f"{stem}.json", family_table(family))
    return 0


if __name__ == "__main__":
    sys.exit(main())
