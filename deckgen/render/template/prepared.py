"""A template ready to build on: from this process's memo, the on-disk cache, or prepared now.

Each template file is read and hashed once per process (per path, size, modification time
and name): a batch of decks on one template prepares it at most once, and a new process
finds it in the cache (:mod:`deckgen.render.template.cache`), which only stores and loads. What a
miss means is decided here: the template is prepared (:mod:`deckgen.render.template.prepare`, the
one place python-pptx reads a template) and stored. ``check`` needs only the profile,
which the cache gives without loading python-pptx or lxml.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from deckgen.errors import TemplateError
from deckgen.plan.profile import TemplateProfile
from deckgen.render.template import cache
from deckgen.render.template.catalog import TemplateChoice
from deckgen.render.template.memo import TemplateMemo, entries_size, make_room

if TYPE_CHECKING:
    from deckgen.render.template.blueprint import PreparedTemplate

_Key = tuple[Path, int, int, str, bool, str]
_MEMO: TemplateMemo[_Key, PreparedTemplate | TemplateProfile] = TemplateMemo()
"""What this process knows of each template: all of it, or (after a check) its profile;
within the memory budget of :mod:`deckgen.render.template.memo`."""


def _memo_key(choice: TemplateChoice) -> _Key:
    try:
        status = choice.file.stat()
    except OSError as error:
        raise TemplateError.about(choice.file, f"cannot be read ({error.strerror or error})") from None
    return choice.file, status.st_size, status.st_mtime_ns, choice.name, choice.right_to_left, choice.question_mark


def _template_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise TemplateError.about(path, f"cannot be read ({error.strerror or error})") from None


def prepared_template(choice: TemplateChoice) -> PreparedTemplate:
    """``choice`` ready to build decks on (python-pptx loads only when it must be prepared)."""
    from deckgen.render.template.blueprint import PreparedTemplate

    key = _memo_key(choice)
    known = _MEMO.get(key)
    if isinstance(known, PreparedTemplate):
        return known
    make_room(key[1])
    prepared = load_or_prepare(choice)
    size = len(prepared.package) + entries_size(prepared.entries.values())
    _MEMO.put(key, prepared, size)
    return prepared


def load_or_prepare(choice: TemplateChoice) -> PreparedTemplate:
    """``choice`` from the on-disk cache, or prepared now and stored there (no process memo)."""
    data = _template_bytes(choice.file)
    entry = cache.entry_key(choice, data)
    found = cache.load(entry, choice.file)
    if found is None:
        from deckgen.render.template.prepare import prepare  # loads python-pptx

        found = prepare(choice, data)
        cache.store(entry, found)
    return found


def template_profile(choice: TemplateChoice) -> TemplateProfile:
    """``choice``'s profile (layouts, fallbacks, contrast lints): from this process or the
    cache without loading python-pptx or lxml; otherwise the template is prepared now."""
    key = _memo_key(choice)
    known = _MEMO.get(key)
    if isinstance(known, TemplateProfile):
        return known
    if known is not None:
        return known.profile
    profile = cache.load_profile(cache.entry_key(choice, _template_bytes(choice.file)), choice.file)
    if profile is None:
        return prepared_template(choice).profile
    _MEMO.put(key, profile, 0)
    return profile
