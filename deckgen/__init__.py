"""deckgen: turn a YAML discussion-guide outline into a branded PowerPoint deck.

The public API::

    from deckgen import load_outline, build_deck, Outline, DeckgenError, Problem
    outline = load_outline("outlines/sora-china-ai.yaml", audience="undergrad")
    build_deck(outline, "out.pptx", template="seminar")

The layers below it are folders, each importing only the ones before it:
``outline`` (YAML to a validated model), ``plan`` (model to slide plans, pure),
``render`` (plans to .pptx; the only layer that imports python-pptx), ``app`` (use cases:
build, batch, check, companions) and ``cli`` (the click command). Names are imported on
first use so that ``import deckgen`` stays cheap and python-pptx loads only to write decks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from deckgen.errors import BuildError, DeckgenError, OutlineError, Problem, TemplateError
from deckgen.version import __version__

if TYPE_CHECKING:
    from deckgen.app.build import build_deck
    from deckgen.outline.loader import load_outline
    from deckgen.outline.model import Outline

__all__ = [
    "BuildError",
    "DeckgenError",
    "Outline",
    "OutlineError",
    "Problem",
    "TemplateError",
    "__version__",
    "build_deck",
    "load_outline",
]

_LAZY = {
    "build_deck": "deckgen.app.build",
    "load_outline": "deckgen.outline.loader",
    "Outline": "deckgen.outline.model",
}


def __getattr__(name: str) -> Any:
    """Import the public names that need heavier modules lazily (PEP 562)."""
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'deckgen' has no attribute {name!r}")
