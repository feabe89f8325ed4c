"""Build one deck: outline -> plan -> rendered bytes -> atomically written file.

This is the public API's engine (``build_deck``) and what the CLI calls per deck.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

from deckgen.app.epoch import source_date_epoch
from deckgen.errors import OutlineError, Problem, TemplateError
from deckgen.outline.loader import load_outline
from deckgen.outline.model import Outline
from deckgen.app.output import write_atomically
from deckgen.plan.deck import plan_deck
from deckgen.render.prepare import PreparedTemplate, prepare_template
from deckgen.render.writer import render_deck
from deckgen.plan.slides import DeckPlan
from deckgen.render.catalog import resolve_template

def template_for(outline: Outline, override: str | Path | None = None) -> PreparedTemplate:
    """The prepared template for ``outline``: ``override`` (the CLI's --template) wins."""
    if override is not None:
        return prepare_template(resolve_template(override, Path.cwd()))
    try:
        return prepare_template(resolve_template(outline.template, outline.path.parent))
    except TemplateError as error:
        if outline.template is None:
            raise
        raise _at_template_key(outline, error) from None


def _at_template_key(outline: Outline, error: TemplateError) -> TemplateError:
    """``error`` located at the outline's ``template:`` line (the template came from there)."""
    position = outline.template_position
    return TemplateError([
        Problem(_shown(outline.path), position.line, position.column, f"template: {_located_message(outline, p)}")
        for p in error.problems
    ])


def _located_message(outline: Outline, problem: Problem) -> str:
    if problem.path is not None:  # a problem of the file: name it as the outline does
        return f"'{outline.template}' {problem.text}"
    text = problem.text
    return text[len("template "):] if text.startswith("template ") else text


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when inside it (as users usually name outlines)."""
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def plan_outline(outline: Outline, template: str | Path | None = None) -> DeckPlan:
    """The deck plan of ``outline`` on its template (what ``check`` lints and ``build`` renders)."""
    return _planned(outline, template_for(outline, template))


def _planned(outline: Outline, prepared: PreparedTemplate) -> DeckPlan:
    """The plan; problems only the template reveals (a ``layout:`` it lacks) name the outline as typed."""
    try:
        return plan_deck(outline, prepared.profile)
    except OutlineError as error:
        raise OutlineError([replace(p, path=_shown(p.path) if p.path else None) for p in error.problems]) from None


@dataclass(frozen=True)
class RenderedDeck:
    """A finished deck in memory, with what the build reports about it."""

    data: bytes
    """The .pptx file's bytes."""
    slides: int
    template: Path
    """The template file it was built on."""
    warnings: tuple[str, ...]
    """Template fallbacks (a role without a layout of its own ...)."""


def render_outline(outline: Outline, template: str | Path | None = None) -> RenderedDeck:
    """Plan and render ``outline`` on its template (or ``template``), in memory."""
    prepared = template_for(outline, template)
    plan = _planned(outline, prepared)
    data = render_deck(plan, prepared, source_date_epoch())
    return RenderedDeck(data, len(plan.slides), prepared.profile.path, prepared.profile.warnings)


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
