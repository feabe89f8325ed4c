"""``load_outline()``: an outline file -> a validated :class:`~deckgen.outline.model.Outline`.

The only entry point of the outline layer. It reads the file safely
(:mod:`deckgen.outline.yamlnodes`), validates the document along :data:`deckgen.outline.fields.OUTLINE`
(:mod:`deckgen.outline.validate`), validates every audience variant too, and raises one
:class:`~deckgen.errors.OutlineError` listing all problems, sorted by line.
A file is valid or not as a whole: errors in any audience fail every load of it.
"""

from __future__ import annotations

import dataclasses
import os
import re
from pathlib import Path
from typing import Any

from deckgen.outline import fields as F
from deckgen.outline.audiences import apply_audience, merge_tree
from deckgen.errors import OutlineError, Problem, one_of
from deckgen.outline.model import Audience, Outline, Position
from deckgen.outline.validate import INVALID, Context, check, check_entry, check_rules, field_values
from deckgen.outline.yamlnodes import (
    YMap,
    YNode,
    YScalar,
    YSeq,
    compose,
    is_null,
    read_outline_text,
)

_AUDIENCES = F.OUTLINE.field("audiences")
assert _AUDIENCES is not None and isinstance(_AUDIENCES.type, F.MapOf)
AUDIENCES_TYPE: F.MapOf = _AUDIENCES.type
MAX_OUTLINE_IMAGE_BYTES = 200 * 1024 * 1024
"""Most bytes of images one deck may embed (each image is also limited on its own)."""
MAX_AUDIENCES = 100
"""Most audience variants in one outline: every load validates each of them."""
_VARS = F.OUTLINE.field("vars")
assert _VARS is not None and isinstance(_VARS.type, F.MapOf)
_VARS_TYPE: F.MapOf = _VARS.type


def load_outline(path: str | os.PathLike[str], audience: str | None = None) -> Outline:
    """Load and validate the outline at ``path``; with ``audience``, build that variant.

    Raises :class:`~deckgen.errors.OutlineError` with every problem of the file
    (YAML syntax, schema, images, every audience), each at its line and column.
    """
    file = Path(path)
    text = read_outline_text(file)
    return load_outline_text(text, file, audience)


def load_variants(path: str | os.PathLike[str]) -> list[Outline]:
    """The outline at ``path`` and each of its audience variants (base first), validated once."""
    file = Path(path)
    root = compose(read_outline_text(file), file)
    if not isinstance(root, YMap):
        raise OutlineError([_not_a_mapping(root, file)])
    return _Load(root, file).run_all()


def load_outline_text(text: str, file: Path, audience: str | None = None) -> Outline:
    """Like :func:`load_outline` for text already read; images are relative to ``file``'s folder."""
    root = compose(text, file)
    if not isinstance(root, YMap):
        raise OutlineError([_not_a_mapping(root, file)])
    return _Load(root, file).run(audience)


def _not_a_mapping(root: YNode | None, file: Path) -> Problem:
    if root is None:
        return Problem(file, 0, 0, "the outline is empty; it needs at least a title and sections")
    what = "a list" if isinstance(root, YSeq) else "a single value"
    return Problem(file, root.position.line, root.position.column, f"the outline must be a mapping with title and sections, not {what}")


class _Load:
    """One load of one file: the base document, then every audience variant."""

    def __init__(self, root: YMap, file: Path) -> None:
        self.root = root
        self.file = file
        self.ctx = Context(file, file.absolute().parent)
        self.variants: dict[str, dict[str, Any] | object] = {}
        self.audiences: dict[str, Audience] = {}

    def run(self, audience: str | None) -> Outline:
        base = self._validate()
        if audience is not None:
            self._check_audience_name(audience)
        self._raise_problems()
        return self._outline(base, audience)

    def run_all(self) -> list[Outline]:
        """The base outline and every audience variant, from one validation of the file."""
        base = self._validate()
        self._raise_problems()
        return [self._outline(base, None)] + [self._outline(base, name) for name in self.audiences]

    def _validate(self) -> dict[str, Any] | object:
        base = check_document(self.root, self.ctx)
        self.audiences = self._audiences()
        nodes = self._audience_nodes()
        for name, node in nodes.items() if len(nodes) <= MAX_AUDIENCES else ():
            self.variants[name] = self._variant(name, node)
        return base

    def _raise_problems(self) -> None:
        self._check_image_total()
        if self.ctx.problems:
            raise OutlineError(_sorted_unique(self.ctx.problems))

    def _check_image_total(self) -> None:
        """All images of the outline together stay within :data:`MAX_OUTLINE_IMAGE_BYTES`."""
        files = {value for value in self.ctx.image_cache.values() if isinstance(value, Path)}
        try:
            total = sum(path.stat().st_size for path in files)
        except OSError:
            return  # a file vanished since it was checked: the build reports it
        if total > MAX_OUTLINE_IMAGE_BYTES:
            self.ctx.problems.append(Problem(self.file, 0, 0, f"its images add up to {total // (1024 * 1024):,} MB; "
                                             f"an outline's images are limited to {MAX_OUTLINE_IMAGE_BYTES // (1024 * 1024)} MB "
                                             "(export them smaller, e.g. as JPEG)"))

    def _outline(self, base: dict[str, Any] | object, audience: str | None) -> Outline:
        values = base if audience is None else self.variants[audience]
        assert isinstance(values, dict)
        positions = {name: key.position for name, (key, _value) in self.root.entries.items()}
        outline = Outline(path=self.file.absolute(), audiences=self.audiences, positions=positions, **values)
        if audience is not None:
            outline = apply_audience(outline, self.audiences[audience])
        return dataclasses.replace(outline, template_position=self._template_position(audience))

    def _template_position(self, audience: str | None) -> Position:
        """Where the variant's ``template`` was written: the audience's own key wins over ``set``."""
        trees: list[YMap] = [self.root]
        if audience is not None:
            node = self._audience_nodes()[audience]
            trees = [node, merge_tree(self.root, node)]
        for tree in trees:
            value = tree.value("template")
            if isinstance(value, YScalar) and not is_null(value):
                return value.position
        return Position()

    def _audience_nodes(self) -> dict[str, YMap]:
        node = self.root.value("audiences")
        if not isinstance(node, YMap):
            return {}
        return {k: v for k, (_key, v) in node.entries.items() if isinstance(v, YMap) and re.fullmatch(F.ID_PATTERN, k)}

    def _audiences(self) -> dict[str, Audience]:
        """Validate the ``audiences`` block; each audience's strings see its own ``set.vars``."""
        node = self.root.value("audiences")
        if node is None or is_null(node):
            return {}
        if not isinstance(node, YMap):
            check(node, AUDIENCES_TYPE, self.ctx)
            return {}
        if len(node.entries) > MAX_AUDIENCES:
            self.ctx.report(node, f"{len(node.entries):,} audiences; an outline may have at most {MAX_AUDIENCES} "
                                  "(each is validated and built as a whole deck); split the outline")
            return {}
        audiences: dict[str, Audience] = {}
        for name, (key_node, value_node) in node.entries.items():
            overrides = value_node.value("set") if isinstance(value_node, YMap) else None
            vars_ = {**self.ctx.vars, **_lenient_vars(overrides)}
            ctx = dataclasses.replace(self.ctx, vars=vars_)
            if not re.fullmatch(AUDIENCES_TYPE.key_pattern, name):
                self.ctx.report(key_node, f"'{name}' is not a valid audience name; use {AUDIENCES_TYPE.key_hint}")
                continue
            value = check_entry(key_node, value_node, AUDIENCES_TYPE, ctx)
            if isinstance(value, Audience):
                audiences[name] = dataclasses.replace(value, include_tags=value.include_tags or None)
        return audiences

    def _variant(self, name: str, node: YMap) -> dict[str, Any] | object:
        """Validate the merged document of audience ``name``; new problems name the audience.

        A spot already reported by the base pass is not reported again (the base
        message is the more direct one, e.g. an unknown key in ``set``).
        """
        ctx = Context(self.file, self.ctx.base_dir, image_cache=self.ctx.image_cache)
        values = check_document(merge_tree(self.root, node), ctx)
        known = {(p.line, p.column) for p in self.ctx.problems}
        for problem in ctx.problems:
            if (problem.line, problem.column) not in known:
                message = f"{problem.message} (in audience '{name}')"
                self.ctx.problems.append(dataclasses.replace(problem, message=message))
        return values

    def _check_audience_name(self, audience: str) -> None:
        names = sorted(self._audience_nodes())
        if audience in names:
            return
        entry = self.root.entries.get("audiences")
        line, column = (entry[0].position.line, entry[0].position.column) if entry else (0, 0)
        if names:
            message = f"audience: {one_of(audience, names)}"
        else:
            message = f"audience: '{audience}' is not defined; this outline has no audiences"
        self.ctx.problems.append(Problem(self.file, line, column, message))


def check_document(tree: YMap, ctx: Context) -> dict[str, Any] | object:
    """Validate a whole outline document (without its ``audiences``); return model values.

    The outline's rules (unique ids, ``after`` and ``serves`` naming what exists) run
    whatever else is wrong, so one load reports every problem of the file.
    """
    vars_node = tree.value("vars")
    if vars_node is not None and not is_null(vars_node):
        values = check(vars_node, _VARS_TYPE, ctx)
        ctx.vars = values if isinstance(values, dict) else _lenient_vars(tree)
    result, _ok = field_values(tree, F.OUTLINE, ctx, skip=("vars", "audiences"))
    result["vars"] = dict(ctx.vars)
    check_rules(tree, F.OUTLINE, result, ctx)
    return INVALID if ctx.problems else result


def _lenient_vars(node: YNode | None) -> dict[str, str]:
    """The usable ``vars`` of a mapping, ignoring bad entries (they are reported elsewhere)."""
    vars_node = node.value("vars") if isinstance(node, YMap) else None
    if not isinstance(vars_node, YMap):
        return {}
    return {
        k: ("" if is_null(v) else v.value)
        for k, (_key, v) in vars_node.entries.items()
        if isinstance(v, YScalar) and re.fullmatch(F.VAR_PATTERN, k)
    }


def _sorted_unique(problems: list[Problem]) -> list[Problem]:
    unique = {(p.line, p.column, p.location, p.message): p for p in problems}
    return sorted(unique.values(), key=lambda p: (p.line, p.column))
