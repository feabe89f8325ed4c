"""Which template an outline is built on, and what deckgen knows about it.

An outline names its template (or the CLI's ``--template`` overrides it); a problem with
that template is reported at the outline's ``template:`` line. ``check`` needs only the
template's profile, which comes from the on-disk cache without loading python-pptx;
``build`` needs the prepared template itself.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from deckgen.errors import OutlineError, Problem, TemplateError
from deckgen.outline.model import Outline
from deckgen.plan.deck import plan_deck
from deckgen.plan.lint import lint_outline
from deckgen.plan.profile import TemplateProfile
from deckgen.plan.slides import DeckPlan
from deckgen.render.template.catalog import TemplateChoice, resolve_template
from deckgen.render.template.prepared import prepared_template, template_profile

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PreparedTemplate

T = TypeVar("T")


def _for_outline(outline: Outline, override: str | Path | None, use: Callable[[TemplateChoice], T]) -> T:
    """``use`` applied to the outline's template: ``override`` (the CLI's --template) wins."""
    if override is not None:
        return use(resolve_template(override, Path.cwd()))
    try:
        return use(resolve_template(outline.template, outline.path.parent))
    except TemplateError as error:
        if outline.template is None:
            raise
        raise _at_template_key(outline, error) from None


def template_choice(outline: Outline, override: str | Path | None = None) -> TemplateChoice:
    """The template ``outline`` is built on (``override``, the CLI's --template, wins)."""
    return _for_outline(outline, override, lambda choice: choice)


def template_for(outline: Outline, override: str | Path | None = None) -> PreparedTemplate:
    """``outline``'s template ready to build on (python-pptx loads only when it is not cached)."""
    return _for_outline(outline, override, prepared_template)


def profile_for(outline: Outline, override: str | Path | None = None) -> TemplateProfile:
    """The profile of ``outline``'s template; python-pptx loads only when it is not cached."""
    return _for_outline(outline, override, template_profile)


def plan_outline(outline: Outline, template: str | Path | None = None) -> DeckPlan:
    """The deck plan of ``outline`` on its template (what ``check`` lints and ``build`` renders)."""
    return planned(outline, profile_for(outline, template))


def planned(outline: Outline, profile: TemplateProfile) -> DeckPlan:
    """The plan; problems only the template reveals (a ``layout:`` it lacks) name the outline as typed."""
    try:
        return plan_deck(outline, profile)
    except OutlineError as error:
        raise OutlineError([replace(p, path=_shown(p.path) if p.path else None) for p in error.problems]) from None


def template_warnings(profile: TemplateProfile) -> tuple[str, ...]:
    """What ``check`` and ``build`` tell about a template itself: roles it has no layout for,
    layout names several layouts share, active content removed, text colours of low contrast."""
    return profile.warnings + profile.lints


def outline_warnings(outline: Outline, plan: DeckPlan) -> list[Problem]:
    """What ``check`` and ``build`` warn about ``outline`` on its template, each at its line:
    the outline's lints (bullets, timing, objectives) and its plan's (text shrunk to fit, a
    ``layout:`` whose name several layouts share, a language without labels)."""
    return lint_outline(outline) + list(plan.warnings)


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
