"""Vetting a template file before python-pptx reads a byte of it.

Templates come from anywhere (a colleague's mail, a download), so a template file is
checked as untrusted input: it must be a zip (not an old binary .ppt, not encrypted),
its *declared* sizes and compression ratios must be sane (zip bombs are refused from the
central directory alone, without inflating anything), it must be a PowerPoint package
(``[Content_Types].xml`` declares a presentation or template main part and the package's
``officeDocument`` relationship points at it), and no XML part may carry a DOCTYPE
(OPC forbids DTDs; refusing them rules out external-entity and entity-expansion attacks
whatever parser reads the part later). Other Office files get a message saying what they are.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from deckgen.errors import TemplateError

MAX_TEMPLATE_BYTES = 200 * 1024 * 1024
"""Largest total declared uncompressed size of a template's parts."""
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
    """The bytes of the template at ``path`` as a .pptx package, once it passes every check.

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
        return _vetted_copy(path, archive)


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
    for info in infos:
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


def _is_xml(name: str) -> bool:
    return name.lower().endswith((".xml", ".rels", ".vml"))


def _vetted_copy(path: Path, archive: zipfile.ZipFile) -> bytes:
    """Copy the package (checking every XML part), relabelling a template/slide-show main part."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in archive.infolist():
            if info.is_dir():
                continue
            data = _read(path, archive, info.filename)
            if _is_xml(info.filename):
                _xml(path, info.filename, data)
            if info.filename == "[Content_Types].xml":
                for kind in _RELABELLED:
                    data = data.replace(kind.encode(), PRESENTATION_MAIN.encode())
            copy.writestr(info.filename, data)
    return out.getvalue()
