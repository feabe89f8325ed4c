"""A deck's custom shows and PowerPoint sections, written into its presentation part.

Each shorter run of the plan becomes a ``p:custShow`` listing its slides by relationship id
(Slide Show > Custom Slide Show in PowerPoint); the agenda's parts become the sections of
PowerPoint's slide sorter (``p14:sectionLst``, in the presentation's extension list), each
listing its slides by id. The template's own custom shows and sections named its example
slides, which a deck does not keep, so they are replaced.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from deckgen.plan.slides import DeckPlan, SlideGroup
from deckgen.render.ooxml.markup import P14, SECTIONS_URI, Element, qn

_AFTER_CUSTOM_SHOWS = tuple(qn(f"p:{tag}") for tag in (
    "photoAlbum", "custDataLst", "kinsoku", "defaultTextStyle", "modifyVerifier", "extLst"))
"""The children ECMA-376 puts after ``p:custShowLst`` in ``p:presentation``."""
_SECTION_IDS = uuid.UUID("6f1c3d2e-7a4b-5c8d-9e0f-1a2b3c4d5e6f")
"""Namespace of the sections' ids: the same deck gets the same ids, so the same bytes."""


def write_shows_and_sections(presentation: Element, plan: DeckPlan, slide_ids: Sequence[int], rids: Sequence[str]) -> None:
    """Give ``presentation`` the custom shows and sections of ``plan``, whose slides have the
    ids ``slide_ids`` and the presentation's relationships ``rids``, in the plan's order."""
    _replace_custom_shows(presentation, plan.shows, rids)
    _replace_sections(presentation, plan, slide_ids)


def _replace_custom_shows(presentation: Element, shows: Sequence[SlideGroup], rids: Sequence[str]) -> None:
    for old in presentation.findall(qn("p:custShowLst")):
        presentation.remove(old)
    if not shows:
        return
    shows_list = presentation.makeelement(qn("p:custShowLst"), {})
    for number, show in enumerate(shows):
        element = _child(shows_list, "p:custShow", name=show.name, id=str(number))
        slides = _child(element, "p:sldLst")
        for index in show.slides:
            _child(slides, "p:sld").set(qn("r:id"), rids[index])
    later = next((child for child in presentation if child.tag in _AFTER_CUSTOM_SHOWS), None)
    if later is None:
        presentation.append(shows_list)
    else:
        later.addprevious(shows_list)


def _replace_sections(presentation: Element, plan: DeckPlan, slide_ids: Sequence[int]) -> None:
    extensions = presentation.find(qn("p:extLst"))
    if extensions is None:
        extensions = _child(presentation, "p:extLst")
    for old in extensions.findall(qn("p:ext")):
        if old.get("uri") == SECTIONS_URI:
            extensions.remove(old)
    if not plan.sections:
        if not len(extensions):
            presentation.remove(extensions)
        return
    extension = extensions.makeelement(qn("p:ext"), {"uri": SECTIONS_URI})
    extensions.insert(0, extension)
    sections = extension.makeelement(f"{{{P14}}}sectionLst", {}, nsmap={"p14": P14})
    extension.append(sections)
    for number, group in enumerate(plan.sections):
        section = sections.makeelement(f"{{{P14}}}section", {"name": group.name, "id": section_id(plan.title, number, group.name)})
        sections.append(section)
        listed = section.makeelement(f"{{{P14}}}sldIdLst", {})
        section.append(listed)
        for index in group.slides:
            listed.append(listed.makeelement(f"{{{P14}}}sldId", {"id": str(slide_ids[index])}))


def section_id(deck: str, number: int, name: str) -> str:
    """The GUID of the ``number``-th section, ``name``, of the deck titled ``deck``:
    ``{8C1D...}``, the same for the same deck."""
    return "{%s}" % str(uuid.uuid5(_SECTION_IDS, f"{deck}\n{number}\n{name}")).upper()


def _child(parent: Element, tag: str, **attributes: str) -> Element:
    child = parent.makeelement(qn(tag), attributes)
    parent.append(child)
    return child
