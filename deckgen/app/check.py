"""``check``: everything build would reject, plus lint warnings, for outlines; writes nothing."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import field, replace
from pathlib import Path

from deckgen.errors import DeckgenError, Problem, ProblemsError
from deckgen.outline.audiences import emptied_audience
from deckgen.outline.loader import load_variants
from deckgen.outline.model import Outline
from deckgen.plan.notices import TemplateNotice, merged
from deckgen.records import record


@record(frozen=True)
class CheckResult:
    """The verdict on one outline file, all its audience variants included."""

    path: Path
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    notices: list[TemplateNotice] = field(default_factory=list)
    """What ``build`` would do to the template (roles without a layout, small placeholders,
    text contrast ...); a check of many outlines tells each once per template."""

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

    Lints are reported at the path as the user typed it, each once (:func:`tell`): a lint
    that only a variant has names its audience.
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
        tell(warnings, (replace(lint, path=path if lint.path else None) for lint in lints), outline.audience)
        warnings += [replace(warning, path=path) for warning in emptied_audience(outline)]
    return CheckResult(path, errors, [] if errors else warnings, [] if errors else merged(notices))


def tell(told: list[Problem], lints: Iterable[Problem], audience: str | None) -> list[Problem]:
    """Add to ``told`` those of ``lints`` (of an outline's deck, or of its ``audience``
    variant) it does not hold yet, and return them. A lint a variant shares with a deck told
    before it (its base deck comes first) is told once, as that deck's; a lint of the variant
    alone ends in ``(in audience 'x')``. ``check`` tells an outline's warnings so, and
    ``build`` the warnings of its decks."""
    fresh: list[Problem] = []
    for lint in lints:
        if audience and lint not in told:
            lint = _in_audience(lint, audience)
        if lint not in told:
            told.append(lint)
            fresh.append(lint)
    return fresh


def _in_audience(problem: Problem, audience: str) -> Problem:
    """``problem`` as an audience variant has it: its message names the audience."""
    return replace(problem, message=f"{problem.message} (in audience '{audience}')")


def _problems(error: DeckgenError, path: Path) -> list[Problem]:
    """The error's located problems; a plain error is about the outline file as a whole."""
    if isinstance(error, ProblemsError):
        return list(error.problems)
    return [Problem(path, 0, 0, error.message)]


def outline_lints(outline: Outline, template: str | None) -> tuple[list[Problem], tuple[TemplateNotice, ...]]:
    """What ``check`` and ``build`` warn about the outline on its template, each at its line;
    and what they tell about the template (roles without a layout, small placeholders, text
    contrast)."""
    from deckgen.app.templates import outline_warnings, planned, profile_for, template_notices

    profile = profile_for(outline, template)
    plan = planned(outline, profile, lenient=template is not None)  # --template may lack a layout: a warning
    return outline_warnings(outline, plan), template_notices(outline, profile, plan)
