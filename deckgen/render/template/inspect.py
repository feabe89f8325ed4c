"""Describe a template for users: its layouts, their placeholders, and the role mapping."""

from __future__ import annotations

import io
from collections.abc import Iterator

from deckgen.errors import printable
from deckgen.plan.notices import fallback_notice, lint_notices, note_notices
from deckgen.plan.profile import Role, TemplateProfile
from deckgen.render.template.blueprint import PreparedTemplate


def _placeholder_lines(prepared: PreparedTemplate) -> Iterator[str]:
    from pptx import Presentation  # reading a template: python-pptx's job

    presentation = Presentation(io.BytesIO(prepared.package))
    for layout in presentation.slide_layouts:
        yield f"  {layout.name}"
        for placeholder in list(layout.placeholders):
            fmt = placeholder.placeholder_format
            kind = str(fmt.type).split(" ")[0].lower()
            yield f"    - {kind} (idx {fmt.idx}): {placeholder.name}"


def _borrowed(profile: TemplateProfile, role: Role) -> str:
    """`` (no layout of its own ...)`` for a role that borrows another role's layout."""
    if role not in profile.fallbacks:
        return ""
    mark = "; deckgen draws its mark" if profile.slots[role].mark else ""
    return f" (no layout of its own{mark})"


def describe_template(prepared: PreparedTemplate) -> str:
    """Text of ``deckgen templates inspect``: layouts, placeholders, role -> layout, warnings.

    Each line is made printable on its own: a layout or placeholder name is the template
    author's text, and a newline or escape sequence in it must not forge or hide a line.
    """
    profile = prepared.profile
    width_in, height_in = profile.slide_width / 914400, profile.slide_height / 914400
    lines = [
        f"template: {profile.name} ({profile.path})",
        f"slide size: {width_in:.2f} x {height_in:.2f} in",
        f"fonts: heading {profile.heading_font or '(theme default)'}, body {profile.body_font or '(theme default)'}",
        "layouts:",
        *_placeholder_lines(prepared),
        "roles (slide role -> layout deckgen uses):",
    ]
    lines += [f"  {role.value:<11} -> {profile.slots[role].layout}{_borrowed(profile, role)}" for role in Role]
    fallback = fallback_notice(profile, Role)
    told = ([fallback.message] if fallback else []) + [n.message for n in note_notices(profile) + lint_notices(profile)]
    lines += [f"warning: {w}" for w in told]
    return "\n".join(printable(line) for line in lines)
