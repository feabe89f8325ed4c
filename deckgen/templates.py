"""Finding templates: bundled names, brand files, and user .pptx/.potx paths.

No pptx here: this module only resolves what the user asked for into files on disk,
so the CLI can list templates and the planner can be tested without python-pptx.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from deckgen.errors import Problem, TemplateError, one_of
from deckgen.profile import Role, Sizes

DEFAULT_TEMPLATE = "seminar"
TEMPLATE_SUFFIXES = (".pptx", ".potx")
_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_templates_dir() -> Path:
    """Where the bundled templates live: inside an installed wheel, or the source checkout."""
    installed = _PACKAGE_DIR / "_bundled_templates"
    return installed if installed.is_dir() else _PACKAGE_DIR.parent / "templates"


@dataclass(frozen=True)
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


def load_brand(path: Path) -> Brand:
    """Read a brand file (``templates/<name>.yaml``)."""
    raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
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


def bundled_brands() -> dict[str, Brand]:
    """Every bundled template by name, sorted by name."""
    folder = bundled_templates_dir()
    brands = (load_brand(p) for p in sorted(folder.glob("*.yaml")))
    return {b.name: b for b in brands if b.file.is_file()}


@dataclass(frozen=True)
class TemplateChoice:
    """A resolved template: the .pptx/.potx file, and its brand file if it is bundled."""

    file: Path
    brand: Brand | None = None

    @property
    def name(self) -> str:
        """The bundled name, or the file name of a user template."""
        return self.brand.name if self.brand else self.file.name


def resolve_template(spec: str | Path | None, relative_to: Path | None = None) -> TemplateChoice:
    """Resolve a template name or path (relative paths are relative to ``relative_to``)."""
    text = str(spec) if spec is not None else DEFAULT_TEMPLATE
    brands = bundled_brands()
    if text in brands:
        return TemplateChoice(brands[text].file, brands[text])
    path = Path(text).expanduser()
    if not path.is_absolute() and relative_to is not None:
        path = relative_to / path
    if path.suffix.lower() in TEMPLATE_SUFFIXES:
        if not path.is_file():
            raise TemplateError([Problem(None, 0, 0, f"template file '{text}' does not exist")])
        return TemplateChoice(path.resolve())
    hint = one_of(text, sorted(brands))
    message = f"unknown template {hint}; or give a path to a .pptx/.potx file"
    raise TemplateError([Problem(None, 0, 0, message)])
