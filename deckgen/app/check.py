"""``check``: everything build would reject, plus lint warnings, for outlines; writes nothing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import field, replace
from pathlib import Path

from deckgen.errors import DeckgenError, Problem, ProblemsError
from deckgen.outline.audiences import emptied_audience
from deckgen.outline.loader import load_variants
from deckgen.outline.model import Outline
from deckgen.plan.lint import lint_outline
from deckgen.plan.notices import TemplateNotice, lint_notices, merged
from deckgen.records import record


@record(frozen=True)
class CheckResult:
    """The verdict on one outline file, all its audience variants included."""

    path: Path
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notices: list[TemplateNotice] = field(default_factory=list)
    """What ``build`` would do to the template (roles without a layout, small placeholders ...);
    a check of many outlines tells each once per template."""

    def failed(self, strict: bool) -> bool:
        """Bad when it has errors, or warnings (or notices) that ``--strict`` counts as errors."""
        return bool(self.errors) or (strict and bool(self.warnings or self.notices))

    @property
    def all_warnings(self) -> list[str]:
        """Its warnings and notices as lines (for per-outline reports)."""
        return [str(p) for p in self.warnings] + [notice.message for notice in self.notices]


def notices_of(results: Sequence[CheckResult]) -> list[TemplateNotice]:
    """The notices of every result, merged into one per template and kind."""
    return merged(notice for result in results for notice in result.notices)


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
    notices: list[TemplateNotice] = []
    for outline in variants:  # each variant on its own template: report every bad one
        try:
            lints, found = outline_lints(outline, template)
        except DeckgenError as error:
            errors += [p for p in _problems(error, path) if p not in errors]
            continue
        notices += found
        for lint in lints:
            lint = replace(lint, path=path if lint.path else None)
            if outline.audience and lint not in warnings:
                lint = replace(lint, message=f"{lint.message} (in audience '{outline.audience}')")
            if lint not in warnings:
                warnings.append(lint)
        warnings += [replace(warning, path=path) for warning in emptied_audience(outline)]
    return CheckResult(path, errors, [] if errors else warnings, [] if errors else merged(notices))


def _problems(error: DeckgenError, path: Path) -> list[Problem]:
    """The error's located problems; a plain error is about the outline file as a whole."""
    if isinstance(error, ProblemsError):
        return list(error.problems)
    return [Problem(path, 0, 0, error.message)]


def outline_lints(outline: Outline, template: str | None) -> tuple[list[Problem], tuple[TemplateNotice, ...]]:
    """Lints of the outline and of its plan; and what building it would do to its template
    (roles without a layout, small placeholders, text contrast)."""
    from deckgen.app.templates import planned, profile_for, template_notices

    profile = profile_for(outline, template)
    plan = planned(outline, profile, lenient=template is not None)  # --template may lack a layout: a warning
    notices = template_notices(outline, profile, plan) + tuple(lint_notices(profile))
    return lint_outline(outline) + list(plan.warnings), notices
