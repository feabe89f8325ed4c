"""deckgen: turn a YAML discussion-guide outline into a branded PowerPoint deck.

The public API is :func:`load_outline` and :func:`build_deck`::

    from deckgen import load_outline, build_deck
    outline = load_outline("outlines/sora-china-ai.yaml", audience="undergrad")
    build_deck(outline, "out.pptx", template="seminar")

They are imported on first use, so that the outline and plan layers can be used (and
tested) without loading python-pptx.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deckgen.errors import BuildError, DeckgenError, OutlineError, TemplateError

__version__ = "0.1.0"

if TYPE_CHECKING:
    from deckgen.build import build_deck
    from deckgen.loader import load_outline

__all__ = [
    "BuildError",
    "DeckgenError",
    "OutlineError",
    "TemplateError",
    "__version__",
    "build_deck",
    "load_outline",
]


def __getattr__(name: str) -> Any:
    """Import ``build_deck`` and ``load_outline`` lazily (PEP 562)."""
    if name == "build_deck":
        from deckgen.build import build_deck

        return build_deck
    if name == "load_outline":
        from deckgen.loader import load_outline

        return load_outline
    raise AttributeError(f"module 'deckgen' has no attribute {name!r}")
