"""Audience variants: one outline, several decks (first-years, executives ...).

A variant is made in two steps. Before validation, :func:`merge_tree` deep-merges
the audience's ``set`` over the top-level YAML nodes and appends its ``questions``,
so the merged document is validated exactly like a plain outline and every error
still points at the line the user wrote. After validation, :func:`apply_audience`
sets the audience's template and language and filters points and questions by tag.
Sections are never dropped: a section may end up with no points (its divider stays).
An audience whose tags leave no point and no question at all is almost always a mistyped
tag; :func:`emptied_audience` warns about it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from deckgen.errors import Problem
from deckgen.outline.model import Audience, Outline, Point, Section
from deckgen.outline.yamlnodes import NULL, YMap, YNode, YScalar, YSeq


def merge_tree(root: YMap, audience: YMap) -> YMap:
    """The outline document as this audience sees it (without the ``audiences`` block)."""
    entries = {k: v for k, v in root.entries.items() if k != "audiences"}
    merged = YMap(entries, root.path, root.position)
    overrides = audience.value("set")
    if isinstance(overrides, YMap):
        merged = _merge_maps(merged, overrides)
    extra = audience.value("questions")
    if isinstance(extra, YSeq):
        merged = _append_questions(merged, extra)
    return merged



def _deep_merge(base: YNode, override: YNode) -> YNode:
    """Mappings merge key by key (recursively); anything else is replaced by ``override``."""
    if not (isinstance(base, YMap) and isinstance(override, YMap)):
        return override
    return _merge_maps(base, override)


def _merge_maps(base: YMap, override: YMap) -> YMap:
    entries = dict(base.entries)
    for key, (key_node, value) in override.entries.items():
        if key in entries:
            entries[key] = (entries[key][0], _deep_merge(entries[key][1], value))
        else:
            entries[key] = (key_node, value)
    return YMap(entries, base.path, base.position)


def _append_questions(merged: YMap, extra: YSeq) -> YMap:
    entry = merged.entries.get("questions")
    base = entry[1] if entry else None
    if isinstance(base, YScalar) and base.tag == NULL:
        base = None
    if base is not None and not isinstance(base, YSeq):
        return merged  # a type problem already reported for the base outline
    items = (base.items if base else ()) + extra.items
    where = base or extra
    key_node = entry[0] if entry else YScalar("questions", "", "questions", "questions", extra.position)
    questions = YSeq(items, where.path if base else "questions", where.position)
    return YMap({**merged.entries, "questions": (key_node, questions)}, merged.path, merged.position)


def apply_audience(outline: Outline, audience: Audience) -> Outline:
    """Apply ``audience``'s template, language and tag filters to the merged ``outline``."""
    sections = tuple(_filter_section(s, audience) for s in outline.sections)
    questions = tuple(q for q in outline.questions if keeps(audience, q.tags))
    return dataclasses.replace(
        outline,
        sections=sections,
        questions=questions,
        template=audience.template or outline.template,
        language=audience.language or outline.language,
        audience=audience.name,
    )


def _filter_section(section: Section, audience: Audience) -> Section:
    points: tuple[Point, ...] = tuple(p for p in section.points if keeps(audience, p.tags))
    return dataclasses.replace(section, points=points)


def keeps(audience: Audience, tags: Iterable[str]) -> bool:
    """Whether an item with ``tags`` belongs in ``audience``'s deck.

    ``exclude_tags`` wins; then a non-empty ``include_tags`` keeps untagged items
    and items carrying at least one of its tags.
    """
    tags = tuple(tags)
    if any(t in audience.exclude_tags for t in tags):
        return False
    if audience.include_tags and tags:
        return any(t in audience.include_tags for t in tags)
    return True



def emptied_audience(outline: Outline) -> list[Problem]:
    """A warning, at the audience's key, when ``outline`` is an audience variant whose tag
    filters left no point and no question: its deck would be a title, the section dividers
    and the closing slides, which ``build`` would otherwise write without a word."""
    audience = outline.audiences.get(outline.audience) if outline.audience else None
    if audience is None or not (audience.exclude_tags or audience.include_tags):
        return []
    if outline.questions or any(section.points for section in outline.sections):
        return []
    message = ("its tags leave no point and no question; the deck would hold only the title, "
               "section and closing slides")
    hint = "check include_tags and exclude_tags against the tags of the points and questions"
    return [Problem(outline.path, audience.position.line, audience.position.column, message,
                    location=f"audiences.{audience.name}", hint=hint)]
