"""Prepare a template: open it safely, standardise its document properties, leave out embedded fonts
decks cannot carry, drop its example slides, repair it, profile it, draft its blueprint.

The file is vetted first (:mod:`deckgen.render.template.untrusted`: zip bombs, other Office files,
DTDs, outside content, active content); only then does python-pptx read it. This is the
costly part of a build, done once per template: :mod:`deckgen.render.template.prepared` keeps the
result per process and in the on-disk cache.
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import replace
from pathlib import Path

from pptx import Presentation
from pptx.presentation import Presentation as PresentationObject

from deckgen.errors import DeckgenError, TemplateError
from deckgen.plan.profile import Role, Sizes, TemplateProfile
from deckgen.render.template.active import summary
from deckgen.render.template.artwork import Drawn
from deckgen.render.template.blueprint import PreparedTemplate
from deckgen.render.template.contrast import contrast_lints
from deckgen.render.template.drafting import draft_blueprint
from deckgen.render.template.embeddedfonts import drop_partial_fonts, dropped_fonts_warning
from deckgen.render.template.layouts import (
    LayoutShape,
    describe_layout,
    layout_kinds,
    master_areas,
    slots_by_layout,
    shared_name_warnings,
    shared_names,
    slots_for,
)
from deckgen.render.template.roles import choose_layouts, preferred_order
from deckgen.render.template.host import open_host
from deckgen.render.template.mirror import mirror_design
from deckgen.render.template.notespage import notes_frame
from deckgen.render.template.package import package_bytes, template_entries
from deckgen.render.template.paperbrand import paper_brand
from deckgen.render.template.parts import add_missing_parts
from deckgen.render.template.properties import standard_properties
from deckgen.render.template.questionmarks import ask_with
from deckgen.render.template.repair import give_body_bullets, give_prompt_colours, repair_placeholder_ids
from deckgen.render.template.theme import theme_fonts
from deckgen.render.template.untrusted import SAVE_AS, vet_template
from deckgen.render.template.catalog import TemplateChoice
from deckgen.render.template.pptx_compat import part_element, slide_id_list
from deckgen.render.ooxml.markup import SECTIONS_URI, qn


def _open(path: Path, data: bytes) -> tuple[PresentationObject, tuple[str, ...]]:
    """Open the template after :func:`vet_template` has vetted it as untrusted input; with
    what vetting removed from it (its active content, for the user's warning)."""
    vetted = vet_template(path, data)
    try:
        return Presentation(io.BytesIO(vetted.package)), vetted.removed
    except Exception as error:  # python-pptx raises many kinds on a damaged package
        raise TemplateError.about(path, f"cannot be opened as a presentation ({error}); {SAVE_AS}") from None


def _drop_slides(presentation: PresentationObject) -> None:
    """Remove the template's own example slides (their parts are not saved once unlinked),
    with the custom shows and sections that list them: a custom show's reference would keep
    an example slide's part in every deck, beside the deck's own slide of that name."""
    root = part_element(presentation.part)
    for shows in root.findall(qn("p:custShowLst")):
        root.remove(shows)
    for extension in root.findall(f"{qn('p:extLst')}/{qn('p:ext')}"):
        if extension.get("uri") == SECTIONS_URI:
            extension.getparent().remove(extension)
    id_list = slide_id_list(presentation.slides)
    for slide_id in list(id_list):
        presentation.part.drop_rel(slide_id.rId)
        id_list.remove(slide_id)


def _profile(presentation: PresentationObject, choice: TemplateChoice, removed: tuple[str, ...] = (),
             fonts: tuple[str, ...] = ()) -> TemplateProfile:
    width = int(presentation.slide_width or 12192000)
    height = int(presentation.slide_height or 6858000)
    shapes = _layouts(presentation, width, height)
    if not shapes:
        raise TemplateError.about(choice.file, f"has no slide layout; {SAVE_AS}")
    named = choice.brand.roles if choice.brand else None
    chosen, fallen_back, own = choose_layouts(shapes, named)
    ordered = preferred_order(shapes, chosen[Role.CONTENT])
    warnings = _warnings(choice, shapes, chosen, own, removed)
    if fonts:
        warnings.append(dropped_fonts_warning(choice.name, fonts))
    heading, body = theme_fonts(chosen[Role.CONTENT].layout.slide_master)
    brand_fonts = choice.brand.fonts if choice.brand else {}
    return TemplateProfile(
        name=choice.name,
        path=choice.file,
        slots={role: slots_for(role, chosen[role], borrowed=role in fallen_back, own=role in own,
                               mirrored=choice.right_to_left) for role in Role},
        heading_font=brand_fonts.get("heading", heading),
        body_font=brand_fonts.get("body", body),
        sizes=choice.brand.sizes if choice.brand else Sizes(),
        slide_width=width,
        slide_height=height,
        warnings=tuple(warnings),
        lints=contrast_lints(choice.name, (chosen[role].layout for role in Role)),
        by_layout=slots_by_layout(ordered, mirrored=choice.right_to_left),
        layout_kinds=layout_kinds(ordered),
        footer=choice.brand.footer if choice.brand else "",
        shared_names=shared_names(shapes),
        fallbacks=tuple(role for role in fallen_back if role not in own),
        right_to_left=choice.right_to_left,
        notes=notes_frame(presentation),
    )


def _layouts(presentation: PresentationObject, width: int, height: int) -> list[LayoutShape]:
    """Every layout of every master, in the order the masters and their layouts are listed."""
    shapes: list[LayoutShape] = []
    drawn: Drawn = {}  # each master's artwork, drawn once for all its layouts
    for master_index, master in enumerate(presentation.slide_masters):
        areas = master_areas(master, width, height)
        for layout in master.slide_layouts:
            shapes.append(describe_layout(layout, width, height, len(shapes), master_index, areas, drawn))
    return shapes


def _warnings(choice: TemplateChoice, shapes: list[LayoutShape], chosen: dict[Role, LayoutShape],
              own: set[Role], removed: tuple[str, ...]) -> list[str]:
    """What a user of the template should know whatever the outline: no layout that holds slide
    text, layout names several layouts share, active content removed while it was vetted (role
    fallbacks depend on the roles a deck uses: :mod:`deckgen.plan.notices`)."""
    warnings = []
    if own:
        warnings.append(f"template '{choice.name}' has no layout with a title and text; deckgen draws its own "
                        f"title and text boxes on layout '{chosen[Role.CONTENT].name}'; add a 'Title and Content' "
                        "layout to choose them yourself")
    warnings += shared_name_warnings(choice.name, shapes, [chosen[role] for role in Role if role not in own])
    if removed:
        warnings.append(f"template '{choice.name}': removed active content that decks must not carry: {summary(removed)}")
    return warnings


def _used_layouts(profile: TemplateProfile) -> set[int]:
    """Positions of the layouts decks on ``profile`` may use: the roles' and every name's first."""
    named = (slots for by_role in profile.by_layout.values() for slots in by_role.values())
    return {slots.layout_index for slots in (*profile.slots.values(), *named)}


def _for_writing(presentation: PresentationObject, choice: TemplateChoice) -> None:
    """The template as decks in ``choice``'s writing see it: a bundled design mirrored for
    right-to-left decks, "?" decorations in the language's question mark."""
    if choice.right_to_left and choice.brand is not None:
        mirror_design(presentation)
    ask_with(presentation, choice.question_mark)


def _stripped_blob(presentation: PresentationObject) -> bytes:
    """The cleaned template as an uncompressed zip: every deck opens it, and inflating its
    parts again for each deck took a third of the opening time."""
    return package_bytes(presentation, None, zipfile.ZIP_STORED)


def prepare(choice: TemplateChoice, template: bytes) -> PreparedTemplate:
    """``choice`` (whose file holds ``template``) made ready: vetted, opened, its example
    slides dropped, repaired, profiled and drafted into a blueprint."""
    presentation, removed = _open(choice.file, template)
    try:
        standard_properties(presentation)
        fonts = drop_partial_fonts(presentation)
        _drop_slides(presentation)
        repair_placeholder_ids(presentation)
        give_body_bullets(presentation)
        give_prompt_colours(presentation)
        add_missing_parts(presentation)
        _for_writing(presentation, choice)
        blob = _stripped_blob(presentation)
        profile = _profile(presentation, choice, removed, fonts)
        host = open_host(blob)  # as each deck's host reads it
        entries = template_entries(host.presentation)
        blueprint = draft_blueprint(host, entries, _used_layouts(profile))
        if blueprint is None:
            raise TemplateError.about(choice.file, f"cannot be used as a template (its layouts could not be read); {SAVE_AS}")
        return PreparedTemplate(profile, blob, entries, replace(blueprint, paper=paper_brand(profile, blueprint)))
    except DeckgenError:
        raise
    except Exception as error:  # a damaged master or layout python-pptx trips over
        raise TemplateError.about(choice.file, f"cannot be used as a template ({type(error).__name__}: {error}); {SAVE_AS}") from None
