"""Build one deck: outline -> plan -> rendered bytes -> atomically written file.

This is the public API's engine (``build_deck``) and what the CLI calls per deck.
"""

from __future__ import annotations

import os
from pathlib import Path

from deckgen.app.epoch import source_date_epoch
from deckgen.app.output import write_atomically
from deckgen.app.templates import build_warnings, lean_template_for, planned, plan_outline, template_for
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Outline
from deckgen.render.lean import lean_deck
from deckgen.records import record

__all__ = ["RenderedDeck", "build_deck", "deck_bytes", "plan_outline", "render_outline", "source_date_epoch",
           "template_for"]



@record(frozen=True)
class RenderedDeck:
    """A finished deck in memory, with what the build reports about it."""

    data: bytes
    """The .pptx file's bytes."""
    slides: int
    template: Path
    """The template file it was built on."""
    warnings: tuple[str, ...]
    """Template fallbacks (a role without a layout of its own ...) and layouts named ambiguously."""


def render_outline(outline: Outline, template: str | Path | None = None) -> RenderedDeck:
    """Plan and render ``outline`` on its template (or ``template``), in memory.

    A deck the lean writer can write, on a template in the cache, is written without
    loading python-pptx; any other with it (the bytes are the same either way).
    """
    lean = lean_template_for(outline, template)
    plan, planned_on = None, None
    if lean is not None:
        planned_on = lean.profile
        plan = planned(outline, lean.profile)
        if lean.writes(plan):
            data = lean_deck(plan, lean, source_date_epoch())
            return RenderedDeck(data, len(plan.slides), lean.profile.path, build_warnings(outline, lean.profile))
    from deckgen.render.writer import render_deck  # loads python-pptx

    prepared = template_for(outline, template)
    if plan is None or prepared.profile != planned_on:  # else planned already, on the same cached profile
        plan = planned(outline, prepared.profile)
    data = render_deck(plan, prepared, source_date_epoch())
    return RenderedDeck(data, len(plan.slides), prepared.profile.path, build_warnings(outline, prepared.profile))


def deck_bytes(outline: Outline, template: str | Path | None = None) -> bytes:
    """The .pptx file of ``outline`` as bytes."""
    return render_outline(outline, template).data


def build_deck(
    outline: Outline | str | os.PathLike[str],
    output: str | os.PathLike[str],
    template: str | Path | None = None,
    audience: str | None = None,
) -> Path:
    """Build the deck of ``outline`` (a loaded outline or a path) into ``output``; return its path.

    ``audience`` picks a variant; for an outline already loaded as another variant, the
    file is loaded again for it.
    """
    if not isinstance(outline, Outline):
        outline = load_outline(outline, audience=audience)
    elif audience is not None and audience != outline.audience:
        outline = load_outline(outline.path, audience=audience)
    path = Path(output)
    write_atomically(path, deck_bytes(outline, template))
    return path
