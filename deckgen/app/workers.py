"""How many worker processes a batch may use, given the size of the templates it builds on.

Each worker prepares or loads its own copy of a template, and holds several copies of its
parts at once while it does (the file, the opened package, the parts to copy into decks, the
deck being written): about :data:`COPIES` times the template's size. A bundled template is
under a megabyte, but a user's template may carry up to 100 MB of pictures, and four
workers preparing one of 95 MB took 4 GB. So the batch runs no more workers than
:data:`MEMORY_BUDGET` allows for its largest template, and says so.

Only outlines that may name a template file are loaded here, to learn which one they use:
a template file's name ends in .pptx or .potx, so an outline whose text holds neither (nor
a ``${var}`` or a YAML escape that could spell one) is built on a bundled template, and
loading it would only cost the batch time before its first deck. An outline or template
that cannot be read is left to its job, which reports the problem.
"""

from __future__ import annotations

import os
import stat
import zipfile
from collections.abc import Iterable
from pathlib import Path

from deckgen.app.templates import template_choice
from deckgen.errors import DeckgenError
from deckgen.outline.loader import load_outline
from deckgen.outline.yamlnodes import read_outline_text
from deckgen.render.template.catalog import TEMPLATE_SUFFIXES, resolve_template
from deckgen.render.template.memo import READING_COPIES
from deckgen.render.template.untrusted import MAX_TEMPLATE_BYTES

MB = 1024 * 1024
MEMORY_BUDGET = 1200 * MB
"""What all workers of a batch may use together (the main process needs under 100 MB more)."""
WORKER_BASE = 64 * MB
"""What a worker uses before it reads a template (Python, lxml, python-pptx, an outline)."""
COPIES = READING_COPIES
"""A worker preparing a template holds about this many times the size of its parts (and keeps
no other large template meanwhile: see :mod:`deckgen.render.template.memo`)."""
BIG_TEMPLATE = 16 * MB
"""Templates smaller than this never limit the workers."""

Deck = tuple[Path, str | None, str | None]
"""What a deck is built from: the outline, its audience (or None), the --template (or None)."""


def workers_for(decks: Iterable[Deck], workers: int) -> tuple[int, str]:
    """``workers``, or fewer when the largest template of ``decks`` needs it; and a note saying so."""
    largest, name = 0, ""
    for file in {file for deck in decks if (file := _template_file(*deck)) is not None}:
        size = template_size(file)
        if size > largest:
            largest, name = size, file.name
    if largest < BIG_TEMPLATE:
        return workers, ""
    fitting = max(1, MEMORY_BUDGET // (WORKER_BASE + COPIES * largest))
    if fitting >= workers:
        return workers, ""
    return fitting, (f"template '{name}' holds {largest / MB:,.0f} MB; building with {fitting} "
                     f"worker{'s' if fitting > 1 else ''} rather than {workers}, so memory stays within "
                     f"{MEMORY_BUDGET / MB / 1024:.1f} GB")


def _template_file(outline: Path, audience: str | None, template: str | None) -> Path | None:
    """The user template a deck is built on; None for a bundled one, or when only its job can tell."""
    try:
        if template is not None:
            choice = resolve_template(template, Path.cwd())
        elif not may_name_a_file(read_outline_text(outline)):
            return None  # a bundled template
        else:
            choice = template_choice(load_outline(outline, audience=audience))
    except (DeckgenError, OSError):
        return None
    return None if choice.brand is not None else choice.file


def may_name_a_file(text: str) -> bool:
    """Whether an outline's ``text`` may name a template file (see the module's docstring)."""
    if "${" in text or "\\" in text:
        return True  # what they spell is known only once the outline is loaded
    lowered = text.lower()
    return "template" in text and any(suffix in lowered for suffix in TEMPLATE_SUFFIXES)


def template_size(file: Path) -> int:
    """Bytes of a template's parts, as its zip declares them (at least the file's size); 0 for
    anything but a regular file, and the file's size for a declared size past the template
    limit (its job refuses it before reading a part)."""
    try:
        status = os.stat(file)
        if not stat.S_ISREG(status.st_mode):
            return 0
        with zipfile.ZipFile(file) as package:
            declared = sum(info.file_size for info in package.infolist())
    except (OSError, zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
        return 0
    return max(status.st_size, declared if declared <= MAX_TEMPLATE_BYTES else 0)
