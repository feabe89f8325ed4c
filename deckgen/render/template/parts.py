"""Parts PowerPoint expects in every presentation, added when a template lacks them.

ECMA-376 makes presProps, viewProps and tableStyles optional, but PowerPoint shows its
"repair" dialog when presProps or viewProps are missing, and templates saved by other
programs (LibreOffice, Google Slides) often leave them out. A notes master is added too
(python-pptx's default, with its theme): every deck with speaker notes needs one, and
made once with the template it is the same in every deck instead of being made anew for
each deck's first notes page. A master without a theme (PowerPoint and validators require
one; other programs may leave it out) gets the default Office theme python-pptx gives its
notes masters.
"""

from __future__ import annotations

from importlib.resources import files

from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.presentation import Presentation as PresentationObject

_NAMESPACES = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)
_HEADER = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

PRES_PROPS = f"{_HEADER}<p:presentationPr {_NAMESPACES}/>".encode()
VIEW_PROPS = (
    f"{_HEADER}<p:viewPr {_NAMESPACES}><p:normalViewPr><p:restoredLeft sz=\"15620\"/>"
    '<p:restoredTop sz="94660"/></p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'
).encode()
TABLE_STYLES = (
    f'{_HEADER}<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'
).encode()

REQUIRED_PARTS = (
    (RT.PRES_PROPS, CT.PML_PRES_PROPS, "/ppt/presProps.xml", PRES_PROPS),
    (RT.VIEW_PROPS, CT.PML_VIEW_PROPS, "/ppt/viewProps.xml", VIEW_PROPS),
    (RT.TABLE_STYLES, CT.PML_TABLE_STYLES, "/ppt/tableStyles.xml", TABLE_STYLES),
)


def add_missing_parts(presentation: PresentationObject) -> list[str]:
    """Add presProps, viewProps, tableStyles, a notes master and masters' themes where missing;
    the names of those added."""
    main = presentation.part
    added = _add_master_themes(presentation)
    for reltype, content_type, name, blob in REQUIRED_PARTS:
        try:
            main.part_related_by(reltype)
        except KeyError:
            part = Part(PackURI(name), content_type, main.package, blob)
            main.relate_to(part, reltype)
            added.append(name.rsplit("/", 1)[-1])
    try:
        main.part_related_by(RT.NOTES_MASTER)
    except KeyError:
        added.append(main.notes_master_part.partname.rsplit("/", 1)[-1])  # python-pptx adds its default
    return added


_MASTERS = (RT.SLIDE_MASTER, RT.NOTES_MASTER, RT.HANDOUT_MASTER)


def _add_master_themes(presentation: PresentationObject) -> list[str]:
    """Give every slide, notes and handout master without a theme the default Office theme."""
    added = []
    masters = [rel.target_part for rel in presentation.part.rels.values()
               if not rel.is_external and rel.reltype in _MASTERS]
    for master in masters:
        try:
            master.part_related_by(RT.THEME)
        except KeyError:
            name = master.package.next_partname("/ppt/theme/theme%d.xml")
            master.relate_to(Part(name, CT.OFC_THEME, master.package, _default_theme()), RT.THEME)
            added.append(name.rsplit("/", 1)[-1])
    return added


def _default_theme() -> bytes:
    """python-pptx's Office theme (the one its notes masters get)."""
    return files("pptx").joinpath("templates").joinpath("theme.xml").read_bytes()
