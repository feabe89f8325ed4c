"""Which plural form a count takes in a language, by the rules of the Unicode CLDR.

A label with a count ("1 question", "8 minutes") has one text per plural category the
language distinguishes: English ``one`` and ``other``, Arabic ``zero``, ``one``, ``two``,
``few`` (3-10), ``many`` (11-99) and ``other``. The CLDR rules that sort a count into its
category come with Babel; ``tools/make_plurals.py`` copies the rules of the languages deckgen
has labels in to ``data/plurals.json``, so a command reads a few hundred bytes instead of a
locale's whole data, and Babel's rule engine (imported on the first count) evaluates them.
"""

from __future__ import annotations

import decimal
import functools
import json
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel.plural import PluralRule

RULES_FILE = Path(__file__).resolve().parent / "data" / "plurals.json"
"""CLDR plural rules by primary language subtag (read as a plain file, as the metrics are)."""

CATEGORIES = ("zero", "one", "two", "few", "many", "other")
"""CLDR's plural categories; every language has ``other``."""

Forms = Mapping[str, str]
"""A label's text per plural category: ``other`` alone for a text every count takes
("{} min"), else one for each category the language has."""


@functools.cache
def _rules() -> dict[str, dict[str, str]]:
    loaded: dict[str, dict[str, str]] = json.loads(RULES_FILE.read_text("utf-8"))
    return loaded


def rule_languages() -> frozenset[str]:
    """The primary language subtags whose plural rules deckgen carries."""
    return frozenset(_rules())


@functools.lru_cache(maxsize=64)  # a handful of languages per process
def _rule(language: str) -> PluralRule:
    from babel.plural import PluralRule  # loaded where a count is first written, not by every command

    primary = language.lower().replace("_", "-").split("-")[0]
    return PluralRule(_rules().get(primary, {}))


def category(language: str, count: float) -> str:
    """The CLDR plural category of ``count`` as deckgen writes it (``2.5`` has one visible
    decimal, which counts in some languages) in language ``language``; ``other`` for a
    language without rules."""
    return str(_rule(language)(decimal.Decimal(f"{count:g}")))


def plural(forms: Forms, language: str, count: float) -> str:
    """The text of ``forms`` for ``count`` in ``language`` (its ``other`` text when the
    category has none of its own)."""
    return forms.get(category(language, count), forms["other"])
