"""Finding templates: bundled names, brand files, and user .pptx/.potx paths.

No pptx here: this module only resolves what the user asked for into files on disk,
so the CLI can list templates and the planner can be tested without python-pptx.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import TemplateError, one_of
from deckgen.plan.bidi import is_right_to_left
from deckgen.plan.profile import Role, Sizes
from deckgen.plan.scripts import QUESTION_MARK, question_mark
from deckgen.records import record

DEFAULT_TEMPLATE = "seminar"
TEMPLATE_SUFFIXES = (".pptx", ".potx")
_PACKAGE_DIR = Path(__file__).resolve().parents[2]


def bundled_templates_dir() -> Path:
    """Where the bundled templates live: inside an installed wheel, or the source checkout."""
    installed = _PACKAGE_DIR / "_bundled_templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


@record(frozen=True)
class Brand:
    """A bundled template's brand file: its .pptx, fonts, colours and role -> layout map."""

    name: str
    file: Path
    description: str = ""
    fonts: Mapping[str, str] = field(default_factory=dict)
    colors: Mapping[str, str] = field(default_factory=dict)
    footer: str = ""
    sizes: Sizes = Sizes()
    roles: Mapping[Role, str] = field(default_factory=dict)


def _brand_sizes(raw: Mapping[str, Any]) -> Sizes:
    return Sizes(**{k: float(v) for k, v in raw.items() if k in Sizes.__dataclass_fields__})


_SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML has it: the pure-Python one costs more than the rest
of ``deckgen check`` for the bundled brand files."""


def load_brand(path: Path) -> Brand:
    """Read a brand file (``templates/<name>.yaml``)."""
    raw = yaml.load(path.read_text(encoding="utf-8"), Loader=_SAFE_LOADER) or {}
    roles = {Role(k): str(v) for k, v in (raw.get("roles") or {}).items() if k in Role._value2member_map_}
    return Brand(
        name=str(raw.get("name", path.stem)),
        file=path.parent / str(raw.get("file", f"{path.stem}.pptx")),
        description=str(raw.get("description", "")),
        fonts={str(k): str(v) for k, v in (raw.get("fonts") or {}).items()},
        colors={str(k): str(v) for k, v in (raw.get("colors") or {}).items()},
        footer=str(raw.get("footer", "")),
        sizes=_brand_sizes(raw.get("sizes") or {}),
        roles=roles,
    )


@cache
def bundled_brands() -> dict[str, Brand]:
    """Every bundled template by name, sorted by name (read once per process)."""
    folder = bundled_templates_dir()
    brands = (load_brand(p) for p in sorted(folder.glob("*.yaml")))
    return {b.name: b for b in brands if b.file.is_file()}


@record(frozen=True)
class TemplateChoice:
    """A resolved template: the .pptx/.potx file, its brand file if it is bundled, and the
    writing of the decks it serves (each writing is prepared and cached on its own)."""

    file: Path
    brand: Brand | None = None
    right_to_left: bool = False
    """For right-to-left decks: a bundled template's design is mirrored, and deckgen's own marks
    on any template (see :mod:`deckgen.render.template.mirror`)."""
    question_mark: str = QUESTION_MARK
    """The question mark the template's "?" decorations show (the deck language's own)."""

    @property
    def name(self) -> str:
        """The bundled name, or the file name of a user template."""
        return self.brand.name if self.brand else self.file.name

    def for_language(self, language: str) -> TemplateChoice:
        """This template as decks in ``language`` (a BCP-47 tag) use it."""
        return replace(self, right_to_left=is_right_to_left(language), question_mark=question_mark(language))


_OTHER_SUFFIXES = {
    ".ppt": "an old binary PowerPoint file; open it in PowerPoint and save it as .pptx",
    ".pps": "an old binary PowerPoint file; open it in PowerPoint and save it as .pptx",
    ".pot": "an old binary PowerPoint template; open it in PowerPoint and save it as .potx",
    ".pptm": "macro-enabled; save it without macros as .pptx",
    ".potm": "macro-enabled; save it without macros as .potx",
    ".odp": "an OpenDocument presentation; in LibreOffice use File > Save As > PowerPoint (.pptx)",
    ".otp": "an OpenDocument template; in LibreOffice use File > Save As > PowerPoint (.pptx)",
    ".docx": "a Word document, not a presentation; use a .pptx or .potx",
    ".xlsx": "an Excel workbook, not a presentation; use a .pptx or .potx",
    ".key": "a Keynote file; export it from Keynote as PowerPoint (.pptx)",
}


def resolve_template(spec: str | Path | None, relative_to: Path | None = None) -> TemplateChoice:
    """Resolve a template name or path (relative paths are relative to ``relative_to``).

    Raises :class:`TemplateError` for an unknown name (listing the bundled ones), a
    missing file, or a file that is not a .pptx/.potx by its name.
    """
    text = str(spec) if spec is not None else DEFAULT_TEMPLATE
    brands = bundled_brands()
    if text in brands:
        return TemplateChoice(brands[text].file, brands[text])
    try:
        path = Path(text).expanduser()
    except RuntimeError:  # '~name' of no such user, or no home folder: take it literally
        path = Path(text)
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    try:
        return _resolve_path(text, path, brands)
    except (OSError, ValueError) as error:  # a name too long, a NUL byte
        reason = getattr(error, "strerror", None) or str(error)
        raise TemplateError.about(None, f"template '{text[:80]}' cannot be used as a file path ({reason})") from None


def _resolve_path(text: str, path: Path, brands: Mapping[str, Brand]) -> TemplateChoice:
    suffix = path.suffix.lower()
    if suffix in TEMPLATE_SUFFIXES:
        return TemplateChoice(_existing_file(text, path).resolve())
    if path.is_dir():
        raise TemplateError.about(None, f"template '{text}' is a folder; give a .pptx/.potx file (or one of {', '.join(brands)})")
    if suffix in _OTHER_SUFFIXES:
        raise TemplateError.about(None, f"template '{text}' is {_OTHER_SUFFIXES[suffix]}")
    if suffix and (path.exists() or "/" in text or "\\" in text):
        raise TemplateError.about(None, f"template '{text}' is not a .pptx/.potx file; give a PowerPoint template or one of {', '.join(brands)}")
    hint = one_of(text, sorted(brands))
    raise TemplateError.about(None, f"unknown template {hint}; or give a path to a .pptx/.potx file")


def _existing_file(text: str, path: Path) -> Path:
    if path.is_dir():
        raise TemplateError.about(None, f"template '{text}' is a folder; give a .pptx/.potx file inside it")
    if path.exists() and not path.is_file():  # a FIFO would block, a device never ends
        raise TemplateError.about(None, f"template '{text}' is not a regular file (a pipe, socket or device); "
                                        "give a .pptx/.potx file")
    if not path.is_file():
        raise TemplateError.about(None, f"template file '{text}' does not exist{_nearby_templates(path)}; looked for {path}")
    return path


def _nearby_templates(path: Path) -> str:
    """`` (did you mean 'brand.pptx'?)`` for a template file with a similar name, else ``""``."""
    try:
        names = {p.stem: p.name for p in path.parent.iterdir() if p.suffix.lower() in TEMPLATE_SUFFIXES}
    except OSError:
        return ""
    from difflib import get_close_matches  # only for a mistake: not worth importing on every start-up

    matches = get_close_matches(path.stem, list(names), n=1, cutoff=0.6)
    return f" (did you mean '{names[matches[0]]}'?)" if matches else ""


