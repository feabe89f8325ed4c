"""Build one deck: outline -> plan -> rendered bytes -> atomically written file.

This is the public API's engine (``build_deck``) and what the CLI calls per deck.
"""

from __future__ import annotations

import os
from pathlib import Path

from deckgen.errors import BuildError
from deckgen.loader import load_outline
from deckgen.model import Outline
from deckgen.output import write_atomically
from deckgen.plan import plan_deck
from deckgen.render.prepare import PreparedTemplate, prepare_template
from deckgen.render.writer import render_deck
from deckgen.slides import DeckPlan
from deckgen.templates import resolve_template


def source_date_epoch() -> int | None:
    """``SOURCE_DATE_EPOCH`` from the environment (reproducible-builds convention), if set."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    if not value.isdigit():
        raise BuildError(f"SOURCE_DATE_EPOCH: '{value}' is not a whole number of seconds since 1970")
    return int(value)


def template_for(outline: Outline, override: str | Path | None = None) -> PreparedTemplate:
    """The prepared template for ``outline``: ``override`` (the CLI's --template) wins."""
    if override is not None:
        return prepare_template(resolve_template(override, Path.cwd()))
    return prepare_template(resolve_template(outline.template, outline.path.parent))


def plan_outline(outline: Outline, template: str | Path | None = None) -> DeckPlan:
    """The deck plan of ``outline`` on its template (what ``check`` lints and ``build`` renders)."""
    return plan_deck(outline, template_for(outline, template).profile)


def deck_bytes(outline: Outline, template: str | Path | None = None) -> bytes:
    """The .pptx file of ``outline`` as bytes."""
    prepared = template_for(outline, template)
    return render_deck(plan_deck(outline, prepared.profile), prepared, source_date_epoch())


def build_deck(
    outline: Outline | str | os.PathLike[str],
    output: str | os.PathLike[str],
    template: str | Path | None = None,
    audience: str | None = None,
) -> Path:
    """Build the deck of ``outline`` (a loaded outline or a path) into ``output``; return its path."""
    if not isinstance(outline, Outline):
        outline = load_outline(outline, audience=audience)
    path = Path(output)
    write_atomically(path, deck_bytes(outline, template))
    return path
