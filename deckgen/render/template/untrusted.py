"""Vetting a template file before python-pptx reads a byte of it.

Templates come from anywhere (a colleague's mail, a download), so a template file is
checked as untrusted input: it must be a zip (not an old binary .ppt, not encrypted),
its *declared* sizes and compression ratios must be sane (zip bombs are refused from the
central directory alone, without inflating anything), it must be a PowerPoint package
(``[Content_Types].xml`` declares a presentation or template main part and the package's
``officeDocument`` relationship points at it), and no XML part may carry a DOCTYPE
(OPC forbids DTDs; refusing them rules out external-entity and entity-expansion attacks
whatever parser reads the part later). Other Office files get a message saying what they are.
What the parts decks keep *do* is judged too (:mod:`deckgen.render.template.active`): content taken
from an outside address is refused; macros, OLE objects, ActiveX controls and click actions
beyond links and jumps are removed, and the caller tells the user what went.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from deckgen.errors import TemplateError
from deckgen.render.template import active

MAX_TEMPLATE_BYTES = 100 * 1024 * 1024
"""Largest total declared uncompressed size of a template's parts (a build holds several
copies of a template in memory: 200 MB took over 800 MB)."""
MAX_PARTS = 10_000
"""Most files in a template package; real templates have tens to a few hundred."""
MAX_RATIO = 100
"""Largest compression ratio of a part bigger than :data:`RATIO_FLOOR` (XML packs ~10:1)."""
RATIO_FLOOR = 1024 * 1024
"""Parts up to this size may have any ratio (a small run of zeros is harmless)."""

_CT = "application/vnd.openxmlformats-officedocument."
PRESENTATION_MAIN = _CT + "presentationml.presentation.main+xml"
_RELABELLED = (_CT + "presentationml.template.main+xml", _CT + "presentationml.slideshow.main+xml")
_WORD = "give a PowerPoint file (.pptx/.potx) instead"
_MACROS = "save it from PowerPoint without macros as .pptx or .potx"
_OTHER_KINDS = {
    _CT + "wordprocessingml.document.main+xml": ("a Word document", _WORD),
    _CT + "wordprocessingml.template.main+xml": ("a Word template", _WORD),
    "application/vnd.ms-word.document.macroEnabled.main+xml": ("a Word document", _WORD),
    _CT + "spreadsheetml.sheet.main+xml": ("an Excel workbook", _WORD),
    _CT + "spreadsheetml.template.main+xml": ("an Excel template", _WORD),
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": ("an Excel workbook", _WORD),
    "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml": ("a macro-enabled presentation (.pptm)", _MACROS),
    "application/vnd.ms-powerpoint.template.macroEnabled.main+xml": ("a macro-enabled template (.potm)", _MACROS),
    "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml": ("a macro-enabled slide show (.ppsm)", _MACROS),
}
_OFFICE_DOCUMENT = "/relationships/officeDocument"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SAVE_AS = "open it in PowerPoint or LibreOffice Impress and save it as .pptx or .potx"

_DOCTYPE_MARKS = tuple("<!DOCTYPE".encode(codec) for codec in ("utf-8", "utf-16-le", "utf-16-be"))
_PARSER = etree.XMLParser(
    resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False,
)
"""Never fetches, loads or expands anything: a part with a DTD is refused after parsing."""



def read_template_package(path: Path, data: bytes | None = None) -> bytes:
    """The bytes of the template at ``path`` as a .pptx package, once it passes every check
    (see :func:`vet_template`)."""
    return vet_template(path, data).package


def vet_template(path: Path, data: bytes | None = None) -> VettedTemplate:
    """The template at ``path`` as a .pptx package without active content, once it passes every check.

    ``data`` is the file's content when the caller has read it already (``path`` then
    only names the file in messages). A .potx (or .ppsx) main part is relabelled as a presentation so python-pptx opens it.
    Raises :class:`TemplateError` saying what the file is and what to do instead.
    """
    archive = _open_zip(path, data)
    with archive:
        _check_sizes(path, archive)
        main, content_type = _main_part(path, archive)
        if content_type != PRESENTATION_MAIN and content_type not in _RELABELLED:
            raise TemplateError.about(path, _not_powerpoint(content_type))
        if main not in archive.NameToInfo:
            raise TemplateError.about(path, f"is damaged: its main part '{main}' is missing; {SAVE_AS}")
        return _vetted_copy(path, archive, main)


def _open_zip(path: Path, data: bytes | None) -> zipfile.ZipFile:
    head = data[:8] if data is not None else b""
    try:
        if data is not None:
            return zipfile.ZipFile(io.BytesIO(data))
        with path.open("rb") as stream:
            head = stream.read(8)
        return zipfile.ZipFile(path)
    except OSError as error:
        raise TemplateError.about(path, f"cannot be read ({error.strerror or error})") from None
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
        if head == _OLE_MAGIC:
            what = "an old binary PowerPoint file (.ppt) or a password-protected file"
            raise TemplateError.about(path, f"is {what}, not a .pptx/.potx; {SAVE_AS} without a password") from None
        raise TemplateError.about(path, f"is not a .pptx/.potx file (not a zip package); {SAVE_AS}") from None


def _check_sizes(path: Path, archive: zipfile.ZipFile) -> None:
    """Refuse zip bombs and oddities from the central directory alone (nothing is inflated)."""
    infos = archive.infolist()
    if len(infos) > MAX_PARTS:
        raise TemplateError.about(path, f"holds {len(infos):,} files (more than {MAX_PARTS:,}); refusing it as a possible zip bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_TEMPLATE_BYTES:
        raise TemplateError.about(path, f"declares {_mb(total)} of content (more than {_mb(MAX_TEMPLATE_BYTES)}); "
                           "refusing it as a possible zip bomb")
    names: set[str] = set()
    for info in infos:
        if info.filename in names:
            raise TemplateError.about(path, f"is damaged: it holds two parts named '{info.filename}'; {SAVE_AS}")
        names.add(info.filename)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise TemplateError.about(path, f"has a part '{info.filename}' that packs {_mb(info.file_size)} into {info.compress_size:,} bytes; "
                               "refusing it as a possible zip bomb")
        if info.flag_bits & 0x1:
            raise TemplateError.about(path, f"is password-protected; {SAVE_AS} without a password")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise TemplateError.about(path, f"has a part '{info.filename}' packed with a method Office files never use; {SAVE_AS}")


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):,.0f} MB"


def _main_part(path: Path, archive: zipfile.ZipFile) -> tuple[str, str]:
    """The package's main part name (no leading '/') and its declared content type."""
    names = set(archive.NameToInfo)
    if "[Content_Types].xml" not in names:
        if "mimetype" in names and b"presentation" in _read(path, archive, "mimetype")[:100]:
            raise TemplateError.about(path, "is an OpenDocument presentation (.odp), not a .pptx/.potx; "
                               "in LibreOffice use File > Save As > PowerPoint (.pptx)")
        raise TemplateError.about(path, f"is a zip file but not an Office document (no [Content_Types].xml); {SAVE_AS}")
    types = _parse(path, archive, "[Content_Types].xml")
    overrides = {
        str(o.get("PartName", "")).lstrip("/"): str(o.get("ContentType", ""))
        for o in types.iter(f"{_CT_NS}Override")
    }
    main = _office_document_target(path, archive)
    if main is None:
        mains = [name for name, kind in overrides.items() if kind.endswith(".main+xml")]
        if not mains:
            raise TemplateError.about(path, f"is a zip file but not a PowerPoint template (no presentation part); {SAVE_AS}")
        if overrides[mains[0]] in _OTHER_KINDS:
            raise TemplateError.about(path, _not_powerpoint(overrides[mains[0]]))
        raise TemplateError.about(path, f"is damaged: no relationship points at its main part '{mains[0]}'; {SAVE_AS}")
    if main not in overrides:
        raise TemplateError.about(path, f"is damaged: [Content_Types].xml declares no type for its main part '{main}'; {SAVE_AS}")
    return main, overrides[main]


def _office_document_target(path: Path, archive: zipfile.ZipFile) -> str | None:
    if "_rels/.rels" not in archive.NameToInfo:
        return None
    for rel in _parse(path, archive, "_rels/.rels").iter(f"{_REL_NS}Relationship"):
        if str(rel.get("Type", "")).endswith(_OFFICE_DOCUMENT) and rel.get("TargetMode") != "External":
            return posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
    return None


def _not_powerpoint(content_type: str) -> str:
    what, hint = _OTHER_KINDS.get(content_type, (f"a package whose main part is '{content_type}'", SAVE_AS))
    return f"is {what}, not a PowerPoint template; {hint}"


def _read(path: Path, archive: zipfile.ZipFile, name: str) -> bytes:
    """A part's bytes; a part larger or different than its header declares is refused."""
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, ValueError, EOFError, NotImplementedError, RuntimeError) as error:
        raise TemplateError.about(path, f"is damaged: part '{name}' cannot be unpacked ({error}); {SAVE_AS}") from None


def _parse(path: Path, archive: zipfile.ZipFile, name: str) -> etree._Element:
    return _xml(path, name, _read(path, archive, name))


def _xml(path: Path, name: str, data: bytes) -> etree._Element:
    """Parse an XML part safely; refuse a part that is not XML or declares a DOCTYPE."""
    if any(mark in data for mark in _DOCTYPE_MARKS):
        raise _doctype(path, name)
    try:
        root = etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as error:
        raise TemplateError.about(path, f"is damaged: part '{name}' is not well-formed XML ({error}); {SAVE_AS}") from None
    info = root.getroottree().docinfo
    if info.doctype or info.internalDTD is not None or info.externalDTD is not None:
        raise _doctype(path, name)
    return root


def _doctype(path: Path, name: str) -> TemplateError:
    return TemplateError.about(path, f"has a part '{name}' with a DOCTYPE, which Office files never contain "
                        "(a possible XML entity attack); refusing it")


def _is_xml(name: str, content_type: str) -> bool:
    """An XML part by its declared content type (``.../xml``, ``...+xml``) or by its name."""
    kind = content_type.split(";")[0].strip().lower()
    return kind.endswith(("/xml", "+xml")) or name.lower().endswith((".xml", ".rels", ".vml"))


class _ContentTypes:
    """A package's ``[Content_Types].xml``: the declared type of each part."""

    def __init__(self, root: etree._Element) -> None:
        self.defaults = {
            str(d.get("Extension", "")).lower(): str(d.get("ContentType", "")) for d in root.iter(f"{_CT_NS}Default")
        }
        self.overrides = {
            str(o.get("PartName", "")).lstrip("/").lower(): str(o.get("ContentType", "")) for o in root.iter(f"{_CT_NS}Override")
        }

    def of(self, name: str) -> str:
        """The content type of part ``name`` (no leading '/'), "" when undeclared."""
        if name.lower() in self.overrides:
            return self.overrides[name.lower()]
        return self.defaults.get(posixpath.splitext(name)[1].lstrip(".").lower(), "")


_P_NS = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_PML = _CT + "presentationml."
_NEEDS_CSLD = {_PML + kind + "+xml" for kind in ("slideMaster", "slideLayout", "notesMaster", "handoutMaster")}
"""Parts that keep their shapes in ``<p:cSld>``; without it python-pptx cannot read them."""
_DROPPED = {_PML + "slide+xml", _PML + "notesSlide+xml"}
"""Parts deckgen removes from a template (its example slides and their notes)."""
_PLACEHOLDER_VALUES = {
    "type": frozenset({"title", "body", "ctrTitle", "subTitle", "dt", "sldNum", "ftr", "hdr", "obj", "chart",
                       "tbl", "clipArt", "dgm", "media", "sldImg", "pic"}),
    "orient": frozenset({"horz", "vert"}),
    "sz": frozenset({"full", "half", "quarter"}),
}
_MAX_INDEX = 2**32 - 1


_SLIDE_SIDE_EMU = (914400, 51206400)
"""The slide width and height PowerPoint allows: 1 to 56 inches (ECMA-376 ST_SlideSizeCoordinate)."""


def _check_slide_size(path: Path, root: etree._Element) -> None:
    size = root.find(f"{_P_NS}sldSz")
    if size is None:
        return
    for attribute in ("cx", "cy"):
        value = str(size.get(attribute, ""))
        ok = value.isascii() and value.isdigit() and _SLIDE_SIDE_EMU[0] <= int(value) <= _SLIDE_SIDE_EMU[1]
        if not ok:
            raise TemplateError.about(path, f"is damaged: its slide {'width' if attribute == 'cx' else 'height'} "
                                            f"'{value[:20]}' is not between 1 and 56 inches; {SAVE_AS}")


def _check_part(path: Path, name: str, content_type: str, root: etree._Element) -> None:
    """Refuse what python-pptx would stumble over later: a master or layout without
    ``<p:cSld>``, a placeholder whose idx is not a number or whose type is unknown, a slide
    size PowerPoint cannot show."""
    if content_type == PRESENTATION_MAIN or content_type in _RELABELLED:
        _check_slide_size(path, root)
    if content_type in _NEEDS_CSLD and root.find(f"{_P_NS}cSld") is None:
        raise TemplateError.about(path, f"is damaged: part '{name}' has no shape tree (<p:cSld>); {SAVE_AS}")
    for placeholder in root.iter(f"{_P_NS}ph"):
        index = placeholder.get("idx")
        if index is not None and not (index.isascii() and index.isdigit() and int(index) <= _MAX_INDEX):
            raise TemplateError.about(path, f"is damaged: part '{name}' has a placeholder with idx '{index[:20]}', "
                                            f"not a number; {SAVE_AS}")
        for attribute, allowed in _PLACEHOLDER_VALUES.items():
            value = placeholder.get(attribute)
            if value is not None and value not in allowed:
                raise TemplateError.about(path, f"is damaged: part '{name}' has a placeholder with {attribute} "
                                                f"'{value[:20]}', which Office does not know; {SAVE_AS}")


MAX_LAYOUTS = 1000
"""Most masters and layouts in a template; real ones have one or two masters and tens of layouts."""
MAX_SHAPES = 5_000
"""Most shapes over all masters and layouts: python-pptx looks through a layout's shapes
for each of its placeholders, so tens of thousands of shapes take minutes."""
MAX_PLACEHOLDERS = 50
"""Most placeholders in one master or layout (real ones have under 15; 9,000 took hours)."""


class _Budget:
    """Counts masters, layouts and their shapes while a template is vetted."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.layouts = 0
        self.shapes = 0

    def count(self, content_type: str, root: etree._Element) -> None:
        if content_type not in _NEEDS_CSLD:
            return
        self.layouts += 1
        self.shapes += sum(1 for _ in root.iter(f"{_P_NS}cNvPr"))
        placeholders = sum(1 for _ in root.iter(f"{_P_NS}ph"))
        if placeholders > MAX_PLACEHOLDERS:
            raise TemplateError.about(self.path, f"has a master or layout with {placeholders:,} placeholders "
                                                 f"(more than {MAX_PLACEHOLDERS}); real ones have under 15")
        if self.layouts > MAX_LAYOUTS:
            raise TemplateError.about(self.path, f"has more than {MAX_LAYOUTS:,} masters and layouts; "
                                                 "real templates have tens; remove the unused ones")
        if self.shapes > MAX_SHAPES:
            raise TemplateError.about(self.path, f"has more than {MAX_SHAPES:,} shapes in its masters and layouts; "
                                                 "real templates have hundreds; remove the unused ones")


@dataclass(frozen=True)
class VettedTemplate:
    """A template package that passed vetting, with what was removed from it."""

    package: bytes
    """The package python-pptx may read: a presentation main part, no active content."""
    removed: tuple[str, ...] = ()
    """Active content taken out, for the user (``macros (ppt/vbaProject.bin)`` ...)."""


def _vetted_copy(path: Path, archive: zipfile.ZipFile, main: str) -> VettedTemplate:
    """Copy the package, checking every XML part, removing active content and relabelling a
    template/slide-show main part."""
    types = _ContentTypes(_parse(path, archive, "[Content_Types].xml"))
    rels, suspects = _vet_parts(path, archive, types)
    cleaned = _cleaned_parts(path, archive, types, rels, suspects, main)
    replaced = {name: data for item in cleaned for name, data in item[0].items()}
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            if info.is_dir():
                continue
            data = replaced.get(info.filename) or _read(path, archive, info.filename)
            if info.filename == "[Content_Types].xml":
                for kind in _RELABELLED:
                    data = data.replace(kind.encode(), PRESENTATION_MAIN.encode())
            copy.writestr(info.filename, data)
    return VettedTemplate(out.getvalue(), tuple(removed for item in cleaned for removed in item[1]))


def _kept(types: _ContentTypes, name: str) -> bool:
    """Whether decks keep part ``name`` (all but the example slides and their notes)."""
    return types.of(name) not in _DROPPED


def _vet_parts(path: Path, archive: zipfile.ZipFile, types: _ContentTypes) -> tuple[dict[str, etree._Element], set[str]]:
    """Check every XML part; the relationships of the parts decks keep, by the part they belong
    to, and the kept parts holding active content."""
    budget = _Budget(path)
    rels: dict[str, etree._Element] = {}
    suspects: set[str] = set()
    for info in archive.infolist():
        if info.is_dir():
            continue
        data = _read(path, archive, info.filename)
        content_type = types.of(info.filename)
        if _is_xml(info.filename, content_type) or info.filename == "[Content_Types].xml":
            root = _xml(path, info.filename, data)
            _check_part(path, info.filename, content_type, root)
            budget.count(content_type, root)
            source = active.source_of(info.filename) if info.filename.endswith(".rels") else None
            if source is not None and _kept(types, source):
                rels[source] = root
            elif source is None and _kept(types, info.filename) and active.has_active_content(root):
                suspects.add(info.filename)
        elif any(mark in data for mark in _DOCTYPE_MARKS) and data.lstrip()[:1] == b"<":
            raise _doctype(path, info.filename)  # XML under an undeclared type
    return rels, suspects


def _cleaned_parts(path: Path, archive: zipfile.ZipFile, types: _ContentTypes, rels: dict[str, etree._Element],
                   suspects: set[str], main: str) -> list[tuple[dict[str, bytes], list[str]]]:
    """Review the parts whose content or relationships may be active or reach outside (see
    :mod:`deckgen.render.template.active`): per part, its new bytes by member name and what was removed."""
    def dropped(name: str) -> bool:
        return not _kept(types, name)

    review = suspects | {source for source, root in rels.items() if active.rels_need_review(source, root, dropped, main)}
    in_order = dict.fromkeys(active.source_of(name) if name.endswith(".rels") else name for name in archive.NameToInfo)
    cleaned = []
    for source in (name for name in in_order if name in review):
        xml = source in archive.NameToInfo and _is_xml(source, types.of(source))
        result = active.review_part(path, source, _parse(path, archive, source) if xml else None, rels.get(source),
                                    dropped, main)
        rels_name = posixpath.join(posixpath.dirname(source), "_rels", posixpath.basename(source) + ".rels")
        new = {rels_name: result.rels} if result.rels is not None else {}
        if result.part is not None:
            new[source] = result.part
        cleaned.append((new, result.removed))
    return cleaned
