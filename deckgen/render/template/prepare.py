"""Prepare a template: open it safely, drop its example slides, repair it, profile it, draft its blueprint.

The file is vetted first (:mod:`deckgen.render.template.untrusted`: zip bombs, other Office files,
DTDs, outside content, active content); only then does python-pptx read it. This is the
costly part of a build, done once per template: :mod:`deckgen.render.template.prepared` keeps the
result per process and in the on-disk cache.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PresentationObject

from deckgen.errors import DeckgenError, TemplateError
from deckgen.plan.profile import Role, Sizes, TemplateProfile
from deckgen.render.template.active import summary
from deckgen.render.template.artwork import Drawn, layout_artwork
from deckgen.render.template.blueprint import PreparedTemplate
from deckgen.render.template.clearing import clear_of_artwork
from deckgen.render.template.contrast import contrast_lints
from deckgen.render.template.drafting import draft_blueprint
from deckgen.render.template.layouts import (
    LayoutShape,
    choose_layouts,
    describe_layout,
    slots_by_layout,
    shared_name_warnings,
    shared_names,
    slots_for,
)
from deckgen.render.template.host import open_host
from deckgen.render.template.package import package_bytes, template_entries
from deckgen.render.template.parts import add_missing_parts
from deckgen.render.template.repair import give_body_bullets, repair_placeholder_ids
from deckgen.render.template.theme import theme_fonts
from deckgen.render.template.untrusted import SAVE_AS, vet_template
from deckgen.render.template.catalog import TemplateChoice
from deckgen.render.template.pptx_compat import slide_id_list


def _open(path: Path, data: bytes) -> tuple[PresentationObject, tuple[str, ...]]:
    """Open the template after :func:`vet_template` has vetted it as untrusted input; with
    what vetting removed from it (its active content, for the user's warning)."""
    vetted = vet_template(path, data)
    try:
        return Presentation(io.BytesIO(vetted.package)), vetted.removed
    except Exception as error:  # python-pptx raises many kinds on a damaged package
        raise TemplateError.about(path, f"cannot be opened as a presentation ({error}); {SAVE_AS}") from None


def _drop_slides(presentation: PresentationObject) -> None:
    """Remove the template's own example slides (their parts are not saved once unlinked)."""
    id_list = slide_id_list(presentation.slides)
    for slide_id in list(id_list):
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _profile(presentation: PresentationObject, choice: TemplateChoice, removed: tuple[str, ...] = ()) -> TemplateProfile:
    width = int(presentation.slide_width or 12192000)
    height = int(presentation.slide_height or 6858000)
    drawn: Drawn = {}
    shapes: list[LayoutShape] = [
        clear_of_artwork(describe_layout(layout, width, height, index), layout_artwork(layout, drawn))
        for index, layout in enumerate(presentation.slide_layouts)
    ]
    named = choice.brand.roles if choice.brand else None
    chosen, fallen_back = choose_layouts(shapes, named)
    if Role.CONTENT not in chosen:
        raise TemplateError.about(choice.file, "has no layout with a title placeholder; add a 'Title and Content' layout")
    warnings = _warnings(choice, shapes, [chosen[role] for role in Role], fallen_back, removed)
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
        shared_names=shared_names(shapes),
    )


def _warnings(choice: TemplateChoice, shapes: list[LayoutShape], chosen: list[LayoutShape], fallen_back: list[Role],
              removed: tuple[str, ...]) -> list[str]:
    """What a user of the template should know: roles without a layout of their own, layout
    names several layouts share, active content removed while it was vetted."""
    warnings = []
    if fallen_back:
        roles = ", ".join(r.value for r in fallen_back)
        warnings.append(f"template '{choice.name}' has no layout for {roles}; using related layouts instead")
    warnings += shared_name_warnings(choice.name, shapes, chosen)
    if removed:
        warnings.append(f"template '{choice.name}': removed active content that decks must not carry: {summary(removed)}")
    return warnings


def _stripped_blob(presentation: PresentationObject) -> bytes:
    """The cleaned template as an uncompressed zip: every deck opens it, and inflating its
    parts again for each deck took a third of the opening time."""
    return package_bytes(presentation, None, zipfile.ZIP_STORED)


def prepare(choice: TemplateChoice, template: bytes) -> PreparedTemplate:
    """``choice`` (whose file holds ``template``) made ready: vetted, opened, its example
    slides dropped, repaired, profiled and drafted into a blueprint."""
    presentation, removed = _open(choice.file, template)
    try:
        _drop_slides(presentation)
        repair_placeholder_ids(presentation)
        give_body_bullets(presentation)
        add_missing_parts(presentation)
        blob = _stripped_blob(presentation)
        host = open_host(blob)  # as each deck's host reads it
        entries = template_entries(host.presentation)
        blueprint = draft_blueprint(host, entries)
        if blueprint is None:
            raise TemplateError.about(choice.file, f"cannot be used as a template (its layouts could not be read); {SAVE_AS}")
        return PreparedTemplate(_profile(presentation, choice, removed), blob, entries, blueprint)
    except DeckgenError:
        raise
    except Exception as error:  # a damaged master or layout python-pptx trips over
        raise TemplateError.about(choice.file, f"cannot be used as a template ({type(error).__name__}: {error}); {SAVE_AS}") from None
