"""What a template's parts *do*: outside targets refused, active content removed.

A relationship's type says little about its use: a picture can take its image through a
relationship typed *hyperlink*, and a click action on a shape can run a program, a script
or open a file of whoever shows the deck. So each part that decks keep (everything but the
template's example slides and their notes) is read together with its relationships, and
every reference from the part to a relationship is judged by the element that makes it:

- a picture, sound or any other content taking its bytes from an outside address (``r:link``,
  ``r:embed``, ``r:id`` on anything but a click or hover link) is refused: every deck would
  fetch it when opened or converted to PDF, and a ``file:`` target would put a file of the
  build machine into every page;
- click and hover links (``a:hlinkClick``, ``a:hlinkHover``, ``a:hlinkMouseOver``) stay when
  they go to an http, https or mailto address, or jump within the show (next slide, a custom
  show); those that run a program or a macro, start an OLE object, open a file, or go to any
  other address (``javascript:``, ``file:``, a path) are removed;
- macros (a ``vbaProject`` part), embedded OLE objects and ActiveX controls are removed.

Removing them leaves a sound template (a shape without its click action, a layout without
its embedded object), so a template carrying them is accepted with one warning listing what
went. Nothing here inflates a part twice: the package's relationships are collected while it
is vetted, and only the few parts that need a change are read again.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from deckgen.errors import TemplateError, printable

_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_STRICT_R_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_O = "{urn:schemas-microsoft-com:office:office}"
_REFERENCE_PREFIXES = (f"{{{_R_NS}}}", f"{{{_STRICT_R_NS}}}")

_LINKS = frozenset(f"{_A}{name}" for name in ("hlinkClick", "hlinkHover", "hlinkMouseOver"))
"""Elements that are clicked or pointed at: the only ones that may use an outside address."""
_OLE = frozenset({f"{_P}oleObj", f"{_O}OLEObject"})
_CONTROLS = f"{_P}controls"
_SHAPE_TREES = frozenset({f"{_P}spTree", f"{_P}grpSp"})
_ACTIVE_TAGS = (*_LINKS, *_OLE, _CONTROLS)

_ALLOWED_ADDRESS = re.compile(r"(?i)(https?|mailto):")
"""Outside addresses a click may go to, as outline links allow."""
_HARMLESS_ACTIONS = tuple(f"ppaction://{kind}" for kind in ("hlinkshowjump", "hlinksldjump", "customshow",
                                                             "noaction", "media"))
"""Click actions that move within the show or play its media."""
_ACTIONS = {
    "ppaction://program": "that runs a program",
    "ppaction://macro": "that runs a macro",
    "ppaction://ole": "that starts an OLE object",
    "ppaction://hlinkfile": "that opens a file",
    "ppaction://hlinkpres": "that opens a file",
}
_HYPERLINK = "hyperlink"
_ACTIVE_TYPES = {
    "vbaProject": "macros",
    "oleObject": "an OLE object",
    "control": "an ActiveX control",
    "activeXControlBinary": "",
}
"""Relationship types (last segment) of active content, and what a user is told ("": nothing
of its own; an ActiveX control's binary goes with the control)."""
_WHAT = {"blip": "picture", "snd": "sound", "wavAudioFile": "sound", "audioFile": "audio", "videoFile": "video",
         "quickTimeFile": "video", "media": "media", "externalData": "chart data"}
"""How a refusal names the element that takes content from outside."""
_EMBED_INSTEAD = "embed it instead (in PowerPoint: Insert > Picture, not 'Link to File')"


def _type_of(relationship: etree._Element) -> str:
    return str(relationship.get("Type", "")).rsplit("/", 1)[-1]


def _is_external(relationship: etree._Element) -> bool:
    return str(relationship.get("TargetMode", "")) == "External"


def _shown(target: str) -> str:
    return printable(target[:80])


def source_of(rels_name: str) -> str:
    """The part a relationships part belongs to: ``a/_rels/b.xml.rels`` -> ``a/b.xml`` ("" for the package)."""
    folder, file = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), file[: -len(".rels")])


def target_part(source: str, relationship: etree._Element) -> str:
    """The part an internal relationship of ``source`` points at (no leading '/')."""
    target = str(relationship.get("Target", ""))
    base = posixpath.dirname("/" + source)
    return posixpath.normpath(posixpath.join(base, target)).lstrip("/")


def _action_of(link: etree._Element) -> str | None:
    """What a click action does, when it is more than a link or a move within the show; None otherwise."""
    action = str(link.get("action", ""))
    kind = action.lower()
    if not kind or kind.startswith(_HARMLESS_ACTIONS):
        return None
    for prefix, does in _ACTIONS.items():
        if kind.startswith(prefix):
            return does
    return f"'{_shown(action)}'"


def has_active_content(root: etree._Element) -> bool:
    """Whether a part holds OLE objects, ActiveX controls or click actions beyond links and jumps
    (a cheap look while the template is vetted; the part's relationships are judged apart)."""
    for element in root.iter(*_ACTIVE_TAGS):
        if element.tag not in _LINKS or _action_of(element) is not None:
            return True
    return False


def rels_need_review(source: str, rels: etree._Element, dropped: Callable[[str], bool], main: str) -> bool:
    """Whether ``source``'s relationships point outside, at active content, or at a part decks drop."""
    for relationship in rels.iter(f"{_REL_NS}Relationship"):
        if _is_external(relationship) or _type_of(relationship) in _ACTIVE_TYPES:
            return True
        if source != main and dropped(target_part(source, relationship)):
            return True
    return False


@dataclass
class Cleaned:
    """A part and its relationships after review: new bytes where something was removed."""

    part: bytes | None = None
    rels: bytes | None = None
    removed: list[str] = field(default_factory=list)
    """What went, for the user: ``an OLE object (in ppt/slideLayouts/slideLayout2.xml)``."""


@dataclass
class _Review:
    """One part under review: its XML (None for a binary part), relationships and removals."""

    path: Path
    source: str
    root: etree._Element | None
    rels: etree._Element
    dropped: Callable[[str], bool]
    main: str
    removed: list[str] = field(default_factory=list)
    part_changed: bool = False
    rels_changed: bool = False

    @property
    def relationships(self) -> dict[str, etree._Element]:
        return {str(r.get("Id", "")): r for r in self.rels.iter(f"{_REL_NS}Relationship")}

    def remove(self, element: etree._Element, what: str) -> None:
        """Take ``element`` out of the part; ``what`` ("" for nothing) tells the user."""
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
            self.part_changed = True
        if what:
            self.removed.append(f"{what} (in {self.source})")

    def goes_to_dropped_part(self, relationship: etree._Element) -> bool:
        """Whether an internal relationship of a part other than the presentation points at an example slide."""
        return (self.source != self.main and not _is_external(relationship)
                and self.dropped(target_part(self.source, relationship)))


def review_part(path: Path, source: str, root: etree._Element | None, rels: etree._Element | None,
                dropped: Callable[[str], bool], main: str) -> Cleaned:
    """Refuse outside content in ``source`` (a part decks keep) and remove its active content.

    ``root`` is the part's XML (None for a binary part), ``rels`` its relationships (None
    when it has none); ``dropped`` tells the parts deckgen removes (example slides); ``main``
    is the presentation part. Raises :class:`TemplateError` for outside content.
    """
    review = _Review(path, source, root, rels if rels is not None else etree.Element(f"{_REL_NS}Relationships"),
                     dropped, main)
    _refuse_outside_content(review)
    before = _referenced(root)
    if root is not None:
        _remove_active_elements(review, root)
        _remove_links(review, root)
        _forget_removed_shapes(review, root)
    _drop_relationships(review, before, _referenced(root))
    return Cleaned(_xml_bytes(root) if review.part_changed and root is not None else None,
                   _xml_bytes(review.rels) if review.rels_changed else None, review.removed)


def _xml_bytes(root: etree._Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _references(root: etree._Element | None) -> Iterable[tuple[etree._Element, str]]:
    """Every (element, relationship id) the part refers by, in document order."""
    if root is None:
        return
    for element in root.iter():
        for name, value in element.attrib.items():
            if str(name).startswith(_REFERENCE_PREFIXES) and value:
                yield element, str(value)


def _referenced(root: etree._Element | None) -> set[str]:
    return {rid for _element, rid in _references(root)}


def _refuse_outside_content(review: _Review) -> None:
    """Refuse a relationship to outside content, or a reference using an outside address as content."""
    relationships = review.relationships
    for relationship in relationships.values():
        if _is_external(relationship) and _type_of(relationship) != _HYPERLINK:
            _refuse(review, _type_of(relationship), relationship)
    for element, rid in _references(review.root):
        relationship = relationships.get(rid)
        if relationship is not None and _is_external(relationship) and element.tag not in _LINKS:
            local = etree.QName(element).localname
            _refuse(review, _WHAT.get(local, f"'{local}'"), relationship)


def _refuse(review: _Review, what: str, relationship: etree._Element) -> None:
    target = _shown(str(relationship.get("Target", "")))
    raise TemplateError.about(review.path, f"links its {what} to external content '{target}' (in '{review.source}'), "
                                           f"which every deck would fetch when opened or converted; {_EMBED_INSTEAD}")


def _remove_active_elements(review: _Review, root: etree._Element) -> None:
    """Remove OLE objects (their whole shape), ActiveX controls, and whatever else uses active content."""
    for element in list(root.iter(*_OLE)):
        if _attached(element, root):
            review.remove(_shape_of(element), "an OLE object")
    for controls in list(root.iter(_CONTROLS)):
        count = sum(1 for _control in controls.iter(f"{_P}control"))
        review.remove(controls, "an ActiveX control" if count == 1 else f"{count} ActiveX controls" if count else "")
    relationships = review.relationships
    for element, rid in list(_references(root)):
        relationship = relationships.get(rid)
        kind = _type_of(relationship) if relationship is not None else ""
        if kind in _ACTIVE_TYPES and element.tag not in _LINKS and _attached(element, root):
            review.remove(_shape_of(element), _ACTIVE_TYPES[kind] or "an ActiveX control")


def _attached(element: etree._Element, root: etree._Element) -> bool:
    """Whether ``element`` is still in ``root``'s tree (an earlier removal may have taken it)."""
    return element is root or any(ancestor is root for ancestor in element.iterancestors())


def _shape_of(element: etree._Element) -> etree._Element:
    """The shape in a shape tree that holds ``element`` (with its alternate-content wrapper), or itself."""
    for candidate in (element, *element.iterancestors()):
        parent = candidate.getparent()
        if parent is not None and parent.tag in _SHAPE_TREES:
            return candidate
    return element


def _forget_removed_shapes(review: _Review, root: etree._Element) -> None:
    """Drop the part's animations when they name a shape that was removed (they would point nowhere)."""
    timing = root.find(f"{_P}timing")
    if timing is None or not review.part_changed:
        return
    present = {str(e.get("id")) for e in root.iter(f"{_P}cNvPr")}
    if any(str(target.get("spid")) not in present for target in timing.iter(f"{_P}spTgt")):
        review.remove(timing, "")


def _remove_links(review: _Review, root: etree._Element) -> None:
    """Remove click and hover actions that do more than go to a web or mail address or move in the show."""
    relationships = review.relationships
    for link in list(root.iter(*_LINKS)):
        reason = _link_problem(review, link, relationships)
        if reason is not None:
            review.remove(link, f"a click action {reason}")


def _link_problem(review: _Review, link: etree._Element, relationships: Mapping[str, etree._Element]) -> str | None:
    """Why a click action must go (``that runs a program``, ``to 'file:///x'``); None when it may stay."""
    action = _action_of(link)
    if action is not None:
        return action
    rid = next((str(v) for k, v in link.attrib.items() if str(k).startswith(_REFERENCE_PREFIXES)), "")
    relationship = relationships.get(rid)
    if relationship is None:
        return None
    if _is_external(relationship):
        target = str(relationship.get("Target", ""))
        return None if _ALLOWED_ADDRESS.match(target) else f"to '{_shown(target)}'"
    if _type_of(relationship) in _ACTIVE_TYPES:
        return "that starts embedded content"
    return "to one of the template's example slides" if review.goes_to_dropped_part(relationship) else None


def _drop_relationships(review: _Review, before: set[str], after: set[str]) -> None:
    """Drop relationships to active content, to outside addresses no click may go to and to example
    slides, and those only removed elements used. One nothing ever used is told to the user here
    (the removal of an element that used one was told already)."""
    for rid, relationship in review.relationships.items():
        if rid in after:
            continue
        told: str | None = ""  # only removed elements used it
        if rid not in before:
            told = _told_alone(review, relationship)
            if told is None:
                continue
        if told:
            review.removed.append(told)
        relationship.getparent().remove(relationship)
        review.rels_changed = True


def _told_alone(review: _Review, relationship: etree._Element) -> str | None:
    """Why an unused relationship goes ("" when the user need not hear of it); None when it stays."""
    kind = _type_of(relationship)
    target = str(relationship.get("Target", ""))
    if kind == "vbaProject":
        return f"macros ({target_part(review.source, relationship)})"
    if kind in _ACTIVE_TYPES:
        return f"{_ACTIVE_TYPES[kind]} (in {review.source})" if _ACTIVE_TYPES[kind] else ""
    if _is_external(relationship):
        return None if _ALLOWED_ADDRESS.match(target) else f"a link to '{_shown(target)}' (in {review.source})"
    return "" if review.goes_to_dropped_part(relationship) else None


def summary(removed: Iterable[str]) -> str:
    """What was removed, each kind once with how often: ``an OLE object (in x.xml, 2 times)``."""
    counts = Counter(removed)
    return ", ".join(item if count == 1 else f"{item[:-1]}, {count} times)" for item, count in counts.items())
