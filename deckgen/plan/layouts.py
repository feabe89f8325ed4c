"""Layouts named by points (``layout: Title Only``): each must be a layout of the template, and
a name several layouts share gets a warning naming their positions.

A point names a layout by its name in the template, by that name in another language
PowerPoint uses ("Title Only" finds "Solo el título"), or by a type keyword
(``title-only``); :func:`resolve_layout` finds the layout each means. A layout no template
layout answers to is an error at its ``layout:`` line, with a did-you-mean among the
layouts that can hold a point; when the command line's ``--template`` replaced the
outline's own (``lenient``), it is a warning and the slide takes its role's usual layout.
"""

from __future__ import annotations

from deckgen.errors import OutlineError, Problem, did_you_mean
from deckgen.outline.model import Outline
from deckgen.plan.layoutkinds import KEYWORDS, keyword_kind, kind_of_name, normalized
from deckgen.plan.profile import Role, TemplateProfile


def resolve_layout(value: str, profile: TemplateProfile) -> str | None:
    """The name of the layout of ``profile``'s template that ``value`` means: its own name (as
    typed, then ignoring case and accents), a type keyword, or a name in another language for
    the same type. None when no layout answers to it."""
    if value in profile.by_layout:
        return value
    wanted = normalized(value)
    for name in profile.by_layout:
        if normalized(name) == wanted:
            return name
    kind = keyword_kind(value) or kind_of_name(value)
    if kind is None:
        return None
    return next((name for name, found in profile.layout_kinds.items() if found == kind), None)


def _serving(profile: TemplateProfile) -> list[str]:
    """What a did-you-mean may propose: layouts with a title placeholder that are not a title
    slide's, and the type keywords of the template's layouts."""
    names = [name for name, slots in profile.by_layout.items()
             if not slots[Role.CONTENT].own_title and profile.layout_kinds.get(name) != "title"]
    kinds = set(profile.layout_kinds.values())
    return names + [keyword for keyword, kind in KEYWORDS.items() if kind in kinds and kind != "title"]


def _missing(profile: TemplateProfile, value: str) -> str:
    keywords = sorted({k for k, kind in KEYWORDS.items() if kind in set(profile.layout_kinds.values())})
    typed = f"; or a type: {', '.join(keywords)}" if keywords else ""
    return (f"template '{profile.name}' has no layout '{value}'{did_you_mean(value, _serving(profile))}; "
            f"its layouts: {', '.join(profile.by_layout)}{typed}")


def _unresolved(outline: Outline, profile: TemplateProfile) -> list[Problem]:
    """A problem at each ``layout:`` line that no layout of ``profile``'s template answers to."""
    problems = []
    for s, section in enumerate(outline.sections):
        for p, point in enumerate(section.points):
            ref = point.layout
            if ref is None or resolve_layout(ref.name, profile) is not None:
                continue
            problems.append(Problem(outline.path, ref.position.line, ref.position.column, _missing(profile, ref.name),
                                    location=f"sections[{s}].points[{p}].layout"))
    return problems


def layout_problems(outline: Outline, profile: TemplateProfile) -> list[Problem]:
    """A problem at each ``layout:`` line that names no layout of ``profile``'s template."""
    return _unresolved(outline, profile)


def check_layouts(outline: Outline, profile: TemplateProfile, lenient: bool = False) -> None:
    """Raise :class:`OutlineError` when a point names a layout the template does not have
    (unless ``lenient``: the template replaced the outline's own, and a warning tells)."""
    problems = [] if lenient else layout_problems(outline, profile)
    if problems:
        raise OutlineError(problems)


def shared_layout_message(template: str, name: str, positions: tuple[int, ...]) -> str:
    """The warning for a layout name several layouts of ``template`` share (positions 1-based)."""
    listed = ", ".join(str(p) for p in positions[:-1]) + f" and {positions[-1]}"
    return (f"template '{template}' has {len(positions)} layouts named '{name}' (positions {listed}); "
            "deckgen uses the first; rename the others")


def _lenient_warnings(outline: Outline, profile: TemplateProfile) -> list[Problem]:
    """``layout:`` lines the replacing template has no layout for: their slides take their usual layout."""
    return [Problem(p.path, p.line, p.column, f"{p.message.split('; its layouts')[0]}; the slide takes its "
                    "usual layout", location=p.location) for p in _unresolved(outline, profile)]


def layout_warnings(outline: Outline, profile: TemplateProfile, lenient: bool = False) -> list[Problem]:
    """A warning at the first ``layout:`` line naming each layout name several layouts share;
    when ``lenient``, one at each ``layout:`` line the template has no layout for.

    Names a slide role uses already have the template's own warning, so they are not repeated.
    """
    told = {slots.layout for slots in profile.slots.values()}
    problems = _lenient_warnings(outline, profile) if lenient else []
    for s, section in enumerate(outline.sections):
        for p, point in enumerate(section.points):
            ref = point.layout
            name = resolve_layout(ref.name, profile) if ref is not None else None
            if ref is None or name is None or name not in profile.shared_names or name in told:
                continue
            told.add(name)
            message = shared_layout_message(profile.name, name, tuple(profile.shared_names[name]))
            problems.append(Problem(outline.path, ref.position.line, ref.position.column, message,
                                    location=f"sections[{s}].points[{p}].layout"))
    return problems
