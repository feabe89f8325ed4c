"""Layouts named by points (``layout: Title Only``): each must be a layout of the template, and
a name several layouts share gets a warning naming their positions."""

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


def shared_layout_message(template: str, name: str, positions: tuple[int, ...]) -> str:
    """The warning for a layout name several layouts of ``template`` share (positions 1-based)."""
    listed = ", ".join(str(p) for p in positions[:-1]) + f" and {positions[-1]}"
    return (f"template '{template}' has {len(positions)} layouts named '{name}' (positions {listed}); "
            "deckgen uses the first; rename the others")


def layout_warnings(outline: Outline, profile: TemplateProfile) -> list[Problem]:
    """A warning at the first ``layout:`` line naming each layout name several layouts share.

    Names a slide role uses already have the template's own warning, so they are not repeated.
    """
    told = {slots.layout for slots in profile.slots.values()}
    problems = []
    for s, section in enumerate(outline.sections):
        for p, point in enumerate(section.points):
            ref = point.layout
            if ref is None or ref.name not in profile.shared_names or ref.name in told:
                continue
            told.add(ref.name)
            message = shared_layout_message(profile.name, ref.name, tuple(profile.shared_names[ref.name]))
            problems.append(Problem(outline.path, ref.position.line, ref.position.column, message,
                                    location=f"sections[{s}].points[{p}].layout"))
    return problems
