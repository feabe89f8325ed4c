"""Write ``deckgen/plan/data/plurals.json``: the CLDR plural rules of every language deckgen has labels in.

deckgen picks the plural form of a counted label ("1 question", Arabic "سؤالان") with
Babel's rule engine; this script copies the rules themselves from Babel's CLDR data, so a
command reads a small file instead of loading a locale's whole data. Run it from the
repository root after adding a language to ``deckgen/plan/labels.py`` or upgrading Babel::

    python tools/make_plurals.py

tests/test_plurals.py fails while the file and the installed Babel disagree. The output is
deterministic.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel.core import Locale

from deckgen.plan.labels import translated_languages

OUT = Path(__file__).resolve().parent.parent / "deckgen" / "plan" / "data" / "plurals.json"


def cldr_rules() -> dict[str, dict[str, str]]:
    """Primary language subtag -> {category: CLDR rule}, for every language with labels."""
    primaries = sorted({tag.lower().split("-")[0] for tag in translated_languages()})
    return {primary: dict(sorted(Locale.parse(primary).plural_form.rules.items())) for primary in primaries}


def main() -> None:
    OUT.write_text(json.dumps(cldr_rules(), ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
