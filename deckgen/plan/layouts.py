"""Layouts named by points (``layout: Title Only``): each must be a layout of the template."""

from __future__ import annotations

from deckgen.errors import OutlineError, Problem, did_you_mean
from deckgen.outline.model import Outline
from deckgen.plan.profile import TemplateProfile


def layout_problems(outline: Outline, profile: TemplateProfile) -> list[Problem]:
    """A problem at each ``layout:`` line that names no layout of ``profile``'s template."""
    names = list(profile.by_layout)
    problems = []
    for s, section in enumerate(outline.sections):
        for p, point in enumerate(section.points):
            ref = point.layout
            if ref is None or ref.name in names:
                continue
            message = (f"template '{profile.name}' has no layout '{ref.name}'{did_you_mean(ref.name, names)}; "
                       f"its layouts: {', '.join(names)}")
            problems.append(Problem(outline.path, ref.position.line, ref.position.column, message,
                                    location=f"sections[{s}].points[{p}].layout"))
    return problems


def check_layouts(outline: Outline, profile: TemplateProfile) -> None:
    """Raise :class:`OutlineError` when a point names a layout the template does not have."""
    problems = layout_problems(outline, profile)
    if problems:
        raise OutlineError(problems)
