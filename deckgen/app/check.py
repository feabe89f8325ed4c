"""``check``: everything build would reject, plus lint warnings, for outlines; writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path

from deckgen.errors import DeckgenError, Problem, ProblemsError
from deckgen.outline.audiences import emptied_audience
from deckgen.outline.loader import load_variants
from deckgen.outline.model import Outline
from deckgen.records import record


@record(frozen=True)
class CheckResult:
    """The verdict on one outline file, all its audience variants included."""

    path: Path
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def failed(self, strict: bool) -> bool:
        """Bad when it has errors, or warnings that ``--strict`` counts as errors."""
        return bool(self.errors) or (strict and bool(self.warnings))


def check_outlines(paths: Sequence[Path], template: str | None = None) -> list[CheckResult]:
    """Check each outline in turn (``template`` overrides the outlines' own)."""
    return [check_outline(path, template) for path in paths]


def check_outline(path: Path, template: str | None = None) -> CheckResult:
    """Errors and lint warnings of one outline and each of its audience variants.

    Lints are reported at the path as the user typed it; a lint that only a variant has
    names its audience.
    """
    try:
        variants = load_variants(path)
    except DeckgenError as error:
        return CheckResult(path, errors=_problems(error, path))
    errors: list[Problem] = []
    warnings: list[Problem] = []
    for outline in variants:  # each variant on its own template: report every bad one
        try:
            lints = outline_lints(outline, template)
        except DeckgenError as error:
            errors += [p for p in _problems(error, path) if p not in errors]
            continue
        for lint in lints:
            lint = replace(lint, path=path if lint.path else None)
            if outline.audience and lint not in warnings:
                lint = in_audience(lint, outline.audience)
            if lint not in warnings:
                warnings.append(lint)
        warnings += [replace(warning, path=path) for warning in emptied_audience(outline)]
    return CheckResult(path, errors, [] if errors else warnings)


def in_audience(problem: Problem, audience: str) -> Problem:
    """``problem`` as an audience variant has it: its message names the audience."""
    return replace(problem, message=f"{problem.message} (in audience '{audience}')")


def _problems(error: DeckgenError, path: Path) -> list[Problem]:
    """The error's located problems; a plain error is about the outline file as a whole."""
    if isinstance(error, ProblemsError):
        return list(error.problems)
    return [Problem(path, 0, 0, error.message)]


def outline_lints(outline: Outline, template: str | None) -> list[Problem]:
    """Lints of the outline, of its plan, and the template's role fallbacks and text contrast:
    what ``build`` shows too."""
    from deckgen.app.templates import outline_warnings, plan_outline, profile_for, template_warnings

    plan = plan_outline(outline, template)
    profile = profile_for(outline, template)
    return outline_warnings(outline, plan) + [Problem(None, 0, 0, w) for w in template_warnings(profile)]
