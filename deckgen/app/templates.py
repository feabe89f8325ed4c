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
from deckgen.plan.notices import (TemplateNotice, fallback_notice, lint_notices, note_notices, roles_used, small_notice,
                                  small_roles)
from deckgen.plan.profile import Role, TemplateProfile
from deckgen.plan.slides import DeckPlan
from deckgen.render.template.catalog import DEFAULT_TEMPLATE, TemplateChoice, bundled_brands, resolve_template
from deckgen.render.template.prepared import prepared_template, template_profile

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PreparedTemplate

T = TypeVar("T")


def _for_outline(outline: Outline, override: str | Path | None, use: Callable[[TemplateChoice], T]) -> T:
    """``use`` applied to the outline's template, as decks in the outline's language use it:
    ``override`` (the CLI's --template) wins."""
    if override is not None:
        return use(resolve_template(override, Path.cwd()).for_language(outline.language))
    try:
        return use(resolve_template(outline.template, outline.path.parent).for_language(outline.language))
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
    return planned(outline, profile_for(outline, template), lenient=template is not None)


def planned(outline: Outline, profile: TemplateProfile, lenient: bool = False) -> DeckPlan:
    """The plan; problems only the template reveals (a ``layout:`` it lacks) name the outline as
    typed. ``lenient``: the template replaces the outline's own (``--template``), so a layout
    it lacks is a warning, not an error."""
    try:
        return plan_deck(outline, profile, lenient)
    except OutlineError as error:
        raise OutlineError([replace(p, path=_shown(p.path) if p.path else None) for p in error.problems]) from None


def outline_warnings(outline: Outline, plan: DeckPlan) -> list[Problem]:
    """What ``check`` and ``build`` warn about ``outline`` on its template, each at its line:
    the outline's lints (bullets, timing, objectives) and its plan's (text shrunk to fit, a
    ``layout:`` whose name several layouts share or, on a template replacing the outline's own,
    that it lacks; a language without labels)."""
    return lint_outline(outline) + list(plan.warnings)


def template_notices(outline: Outline, profile: TemplateProfile, plan: DeckPlan) -> tuple[TemplateNotice, ...]:
    """What ``check`` and ``build`` tell about the template of ``plan`` (``outline`` on ``profile``):
    the roles the deck uses that borrow another role's layout, those whose text placeholders
    are much smaller than on a bundled template (with both decks' slide counts), the
    template's other warnings and its text colours of low contrast. A run tells each once
    per template (:func:`deckgen.plan.notices.merged`)."""
    used = roles_used(plan)
    found = [fallback_notice(profile, used), _small_notice(outline, profile, plan, used)]
    notes = note_notices(profile) + lint_notices(profile)
    return tuple(notice for notice in found if notice is not None) + tuple(notes)


def _small_notice(outline: Outline, profile: TemplateProfile, plan: DeckPlan, used: set[Role]) -> TemplateNotice | None:
    """Roles with small placeholders, measured against the bundled template the outline names
    (else the default one); None for a bundled template, the yardstick of the others."""
    if _is_bundled(profile):
        return None
    yardstick = template_profile(resolve_template(_yardstick_name(outline)))
    small = small_roles(profile, yardstick, used)
    if not small:
        return None
    try:
        compared = plan_deck(outline, yardstick)
    except OutlineError:  # a layout: only the user's template has: no count to compare
        return small_notice(profile, outline.stem, plan, small, yardstick, None)
    return small_notice(profile, outline.stem, plan, small, yardstick, compared)


def _is_bundled(profile: TemplateProfile) -> bool:
    brand = bundled_brands().get(profile.name)
    return brand is not None and brand.file == profile.path


def _yardstick_name(outline: Outline) -> str:
    """The bundled template a deck's slide count is compared with."""
    named = outline.template
    return named if named is not None and named in bundled_brands() else DEFAULT_TEMPLATE


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
