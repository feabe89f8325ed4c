"""Describe a template for users: its layouts, their placeholders, and the role mapping."""

from __future__ import annotations

import io
from collections.abc import Iterator

from deckgen.errors import printable
from deckgen.plan.notices import fallback_notice, lint_notices, note_notices
from deckgen.plan.profile import LayoutSlots, Role, TemplateProfile
from deckgen.render.template.blueprint import PreparedTemplate


def _placeholder_lines(prepared: PreparedTemplate) -> Iterator[str]:
    from pptx import Presentation  # reading a template: python-pptx's job

    presentation = Presentation(io.BytesIO(prepared.package))
    masters = list(presentation.slide_masters)
    for number, master in enumerate(masters, start=1):
        for layout in master.slide_layouts:
            kind = layout.element.get("type", "cust")
            yield f"  {layout.name} [{kind}]" + (f" (master {number})" if len(masters) > 1 else "")
            for placeholder in list(layout.placeholders):
                fmt = placeholder.placeholder_format
                yield f"    - {str(fmt.type).split(' ')[0].lower()} (idx {fmt.idx}): {placeholder.name}"


def _borrowed(profile: TemplateProfile, role: Role) -> str:
    """`` (no layout of its own ...)`` for a role that borrows another role's layout."""
    if role not in profile.fallbacks:
        return ""
    mark = "; deckgen draws its mark" if profile.slots[role].mark else ""
    return f" (no layout of its own{mark})"


def _served(slots: LayoutSlots) -> str:
    """The layout serving a role, and whether deckgen draws its own boxes on it."""
    if slots.own_title or slots.own_body:
        return f"{slots.layout} (deckgen's own title and text boxes)"
    return slots.layout


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
    masters = len(prepared.blueprint.own_boxes)
    for role in Role:
        slots = profile.slots[role]
        where = f" (master {prepared.blueprint.layout(slots.layout_index).master + 1})" if masters > 1 else ""
        lines.append(f"  {role.value:<11} -> {_served(slots)}{where}{_borrowed(profile, role)}")
    fallback = fallback_notice(profile, Role)
    told = ([fallback.message] if fallback else []) + [n.message for n in note_notices(profile) + lint_notices(profile)]
    lines += [f"warning: {w}" for w in told]
    return "\n".join(printable(line) for line in lines)
