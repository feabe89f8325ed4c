"""Build one deck: outline -> plan -> rendered bytes -> atomically written file.

This is the public API's engine (``build_deck``) and what the CLI calls per deck.
"""

from __future__ import annotations

import os
from pathlib import Path

from deckgen.app.epoch import source_date_epoch
from deckgen.app.output import write_atomically
from deckgen.app.templates import outline_warnings, planned, plan_outline, template_for, template_notices
from deckgen.errors import Problem
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Outline
from deckgen.plan.notices import TemplateNotice
from deckgen.plan.slides import DeckPlan
from deckgen.render.deck.writer import write_deck
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
    lints: tuple[Problem, ...]
    """What ``check`` warns about the outline on this template, each at its line (the plan
    running past its duration, text shrunk to fit, a ``layout:`` several layouts answer to ...)."""
    plan: DeckPlan
    """What the deck holds, slide by slide (the kit's guide names its slide numbers)."""
    notices: tuple[TemplateNotice, ...] = ()
    """What ``check`` tells about the template (roles without a layout, small placeholders,
    text contrast ...), which a run over many decks tells once per template."""


def render_outline(outline: Outline, template: str | Path | None = None) -> RenderedDeck:
    """Plan and render ``outline`` on its template (or ``template``), in memory. A template in
    the cache is used without loading python-pptx."""
    prepared = template_for(outline, template)
    lenient = template is not None  # a template replacing the outline's may lack its layouts
    plan = planned(outline, prepared.profile, lenient)
    data = write_deck(plan, prepared, source_date_epoch())
    return RenderedDeck(data, len(plan.slides), prepared.profile.path, tuple(outline_warnings(outline, plan)), plan,
                        template_notices(outline, prepared.profile, plan))


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
