"""Prepare a template once: open it safely, drop its example slides, profile it.

The file is vetted first (:mod:`deckgen.render.untrusted`: zip bombs, other Office files,
DTDs); only then does python-pptx read it.

Opening and profiling a template is the costly part of a build; a batch of decks with
the same template reuses one :class:`PreparedTemplate` (see :func:`prepare_template`),
and a new process finds it in the on-disk cache (:mod:`deckgen.render.cache`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PresentationObject

from deckgen.errors import DeckgenError, TemplateError
from deckgen.plan.profile import Role, Sizes, TemplateProfile
from deckgen.render import cache
from deckgen.render.cache import StoredTemplate, read_template_file
from deckgen.render.contrast import contrast_lints
from deckgen.render.drafting import draft_blueprint
from deckgen.render.factory import Prototypes
from deckgen.render.layouts import (
    LayoutShape,
    choose_layouts,
    describe_layout,
    slots_by_layout,
    slots_for,
)
from deckgen.render.host import Host, open_host
from deckgen.render.memo import TemplateMemo, entries_size, make_room
from deckgen.render.package import package_bytes, template_entries
from deckgen.render.zipwriter import ZipEntry
from deckgen.render.numbers import FooterStrips
from deckgen.render.parts import add_missing_parts
from deckgen.render.repair import give_body_bullets, repair_placeholder_ids
from deckgen.render.theme import theme_fonts
from deckgen.render.untrusted import SAVE_AS, read_template_package
from deckgen.render.catalog import TemplateChoice
from deckgen.render.pptx_compat import slide_id_list


@dataclass(frozen=True)
class PreparedTemplate:
    """A template ready to build decks from: its profile, its bytes without example slides,
    and its parts compressed for copying into decks."""

    profile: TemplateProfile
    blob: bytes
    entries: Mapping[str, ZipEntry] = field(default_factory=dict, compare=False)
    """The zip entries of the template's parts (and their relationships), by member name."""
    prototypes: Prototypes = field(default_factory=Prototypes, compare=False)
    """Cloned placeholder XML shared by every deck built from this template in this process."""
    footers: FooterStrips = field(default_factory=dict, compare=False, repr=False)
    """Slide-number and footer placeholders per layout, shared like ``prototypes``."""
    _host: list[Host] = field(default_factory=list, compare=False, repr=False)

    def open(self) -> PresentationObject:
        """A fresh presentation of the prepared template, independent of any deck."""
        return Presentation(io.BytesIO(self.blob))

    def host(self) -> Host:
        """The template opened once in this process, which every deck shares parts with."""
        if not self._host:
            self._host.append(open_host(self.blob))
        return self._host[0]



def _open(path: Path, data: bytes) -> PresentationObject:
    """Open the template after :func:`read_template_package` has vetted it as untrusted input."""
    blob = read_template_package(path, data)
    try:
        return Presentation(io.BytesIO(blob))
    except Exception as error:  # python-pptx raises many kinds on a damaged package
        raise TemplateError.about(path, f"cannot be opened as a presentation ({error}); {SAVE_AS}") from None


def _drop_slides(presentation: PresentationObject) -> None:
    """Remove the template's own example slides (their parts are not saved once unlinked)."""
    id_list = slide_id_list(presentation.slides)
    for slide_id in list(id_list):
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _profile(presentation: PresentationObject, choice: TemplateChoice) -> TemplateProfile:
    width = int(presentation.slide_width or 12192000)
    height = int(presentation.slide_height or 6858000)
    shapes: list[LayoutShape] = [
        describe_layout(layout, width, height, index) for index, layout in enumerate(presentation.slide_layouts)
    ]
    named = choice.brand.roles if choice.brand else None
    chosen, fallen_back = choose_layouts(shapes, named)
    if Role.CONTENT not in chosen:
        raise TemplateError.about(choice.file, "has no layout with a title placeholder; add a 'Title and Content' layout")
    warnings = []
    if fallen_back:
        roles = ", ".join(r.value for r in fallen_back)
        warnings.append(f"template '{choice.name}' has no layout for {roles}; using related layouts instead")
    heading, body = theme_fonts(presentation.slide_master)
    brand_fonts = choice.brand.fonts if choice.brand else {}
    return TemplateProfile(
        name=choice.name,
        path=choice.file,
        slots={role: slots_for(role, chosen[role], borrowed=role in fallen_back) for role in Role},
        heading_font=brand_fonts.get("heading", heading),
        body_font=brand_fonts.get("body", body),
        sizes=choice.brand.sizes if choice.brand else Sizes(),
        slide_width=width,
        slide_height=height,
        warnings=tuple(warnings),
        lints=contrast_lints(choice.name, (chosen[role].layout for role in Role)),
        by_layout=slots_by_layout(shapes),
        footer=choice.brand.footer if choice.brand else "",
    )


def _stripped_blob(presentation: PresentationObject) -> bytes:
    """The cleaned template as an uncompressed zip: every deck opens it, and inflating its
    parts again for each deck took a third of the opening time."""
    return package_bytes(presentation, None, zipfile.ZIP_STORED)


_CACHE: TemplateMemo[tuple[Path, int, int, str], PreparedTemplate] = TemplateMemo()


def prepare_template(choice: TemplateChoice) -> PreparedTemplate:
    """Open, clean and profile ``choice``; kept per process by path, size, mtime and name,
    and on disk by content (see :mod:`deckgen.render.cache`)."""
    path = choice.file
    try:
        status = path.stat()
    except OSError as error:
        raise TemplateError.about(path, f"cannot be read ({error.strerror})") from None
    key = (path, status.st_size, status.st_mtime_ns, choice.name)
    kept = _CACHE.get(key)
    if kept is not None:
        return kept
    make_room(status.st_size)
    stored = stored_template(choice)
    size = 2 * len(stored.package) + entries_size(stored.entries.values())  # the package, opened once too
    return _CACHE.put(key, PreparedTemplate(stored.profile, stored.package, stored.entries), size)


def stored_template(choice: TemplateChoice) -> StoredTemplate:
    """``choice`` prepared: from the on-disk cache, or prepared now and stored there."""
    template = read_template_file(choice.file)
    key = cache.entry_key(choice, template)
    stored = cache.load(choice, key)
    if stored is None:
        stored = _prepare(choice, template)
        cache.store(key, stored)
    return stored


def _prepare(choice: TemplateChoice, template: bytes) -> StoredTemplate:
    presentation = _open(choice.file, template)
    try:
        _drop_slides(presentation)
        repair_placeholder_ids(presentation)
        give_body_bullets(presentation)
        add_missing_parts(presentation)
        blob = _stripped_blob(presentation)
        host = open_host(blob)  # as each deck's host reads it
        entries = template_entries(host.presentation)
        return StoredTemplate(_profile(presentation, choice), blob, entries, draft_blueprint(host, entries))
    except DeckgenError:
        raise
    except Exception as error:  # a damaged master or layout python-pptx trips over
        raise TemplateError.about(choice.file, f"cannot be used as a template ({type(error).__name__}: {error}); {SAVE_AS}") from None
