"""Hostile templates, round three: what a template does, not only what it declares.

Each template is python-pptx's default (saved with a slide and speaker notes), edited part
by part, as :mod:`tests.test_hostile` makes its templates. The corpus, by class:

- external targets: a picture linked (``r:link`` or ``r:embed``) through a relationship
  typed *hyperlink*, to a web address or a ``file:`` path, in a layout or the master
- active content: a macro project related from a plain .pptx, an embedded OLE package in a
  layout, an ActiveX control, click actions that run a program, a script or open a file, a
  layout's jump to an example slide (decks carried that slide, unvetted, as a second part of
  its name)
- a slide master without a theme
- several layouts of one name, matched by a role or named by ``layout:``
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from pptx import Presentation

from tests.test_hostile import GOOD, Hostile, _mutated, _notes_template, assert_clean, deckgen
from tests.validators import deck_findings

Edit = Callable[[str, bytes], bytes]
Extra = tuple[tuple[str, bytes], ...]

_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_LAYOUT = "ppt/slideLayouts/slideLayout2.xml"
_MASTER = "ppt/slideMasters/slideMaster1.xml"
_PRESENTATION = "ppt/presentation.xml"
_TYPES = "[Content_Types].xml"


def _rels_of(part: str) -> str:
    folder, name = part.rsplit("/", 1)
    return f"{folder}/_rels/{name}.rels"


def _edits(*edits: Edit) -> Edit:
    """Several edits in turn."""
    def edit(name: str, data: bytes) -> bytes:
        for one in edits:
            data = one(name, data)
        return data
    return edit


def _relate(part: str, rid: str, kind: str, target: str, external: bool = True) -> Edit:
    """A relationship ``rid`` of ``part`` (``kind`` is the last segment of an Office type, or a full type)."""
    full = kind if "/" in kind else _RELS + kind
    mode = ' TargetMode="External"' if external else ""
    line = f'<Relationship Id="{rid}" Type="{full}" Target="{target}"{mode}/>'.encode()

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"</Relationships>", line + b"</Relationships>") if name == _rels_of(part) else data
    return edit


def _add_shape(part: str, shape: str) -> Edit:
    """``shape`` (XML in the p/a/r prefixes) appended to ``part``'s shape tree."""
    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"</p:spTree>", shape.encode() + b"</p:spTree>") if name == part else data
    return edit


def _declare(part: str, content_type: str) -> Edit:
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'.encode()

    def edit(name: str, data: bytes) -> bytes:
        return data.replace(b"</Types>", override + b"</Types>") if name == _TYPES else data
    return edit


def _picture(rid: str, attribute: str = "r:link", shape_id: int = 90) -> str:
    return (f'<p:pic><p:nvPicPr><p:cNvPr id="{shape_id}" name="Logo"/><p:cNvPicPr/><p:nvPr/></p:nvPicPr>'
            f'<p:blipFill><a:blip {attribute}="{rid}"/><a:stretch><a:fillRect/></a:stretch></p:blipFill>'
            '<p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></a:xfrm>'
            '<a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:pic>')


def _linked_through_hyperlink(part: str, target: str, attribute: str = "r:link") -> Edit:
    """A picture in ``part`` whose image comes through a relationship typed *hyperlink*."""
    return _edits(_add_shape(part, _picture("rId90", attribute)), _relate(part, "rId90", "hyperlink", target))


def _clickable(rid: str, action: str = "", shape_id: int = 91, name: str = "Button") -> str:
    """A rectangle in a shape tree with a click action."""
    act = f' action="{action}"' if action else ""
    return (f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name="{name}"><a:hlinkClick r:id="{rid}"{act}/></p:cNvPr>'
            '<p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="457200" cy="457200"/>'
            '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></p:spPr></p:sp>')


def _click_action(part: str, rid: str, target: str, action: str = "", shape_id: int = 91) -> Edit:
    edits = [_add_shape(part, _clickable(rid, action, shape_id))]
    if target:
        edits.append(_relate(part, rid, "hyperlink", target))
    return _edits(*edits)


_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_MACROS: Extra = (("ppt/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 macro project"),)
_with_macros = _edits(_relate(_PRESENTATION, "rId90", _VBA, "vbaProject.bin", external=False),
                      _declare("ppt/vbaProject.bin", "application/vnd.ms-office.vbaProject"))

_OLE_FRAME = ('<p:graphicFrame><p:nvGraphicFramePr><p:cNvPr id="92" name="Object 1"/><p:cNvGraphicFramePr/><p:nvPr/>'
              '</p:nvGraphicFramePr><p:xfrm><a:off x="0" y="0"/><a:ext cx="914400" cy="914400"/></p:xfrm>'
              '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/presentationml/2006/ole">'
              '<p:oleObj spid="_x0000_s1026" name="Packager Shell Object" r:id="rId92" imgW="100" imgH="100" '
              'progId="Package"><p:embed/></p:oleObj></a:graphicData></a:graphic></p:graphicFrame>')
_OLE: Extra = (("ppt/embeddings/oleObject1.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 packaged program"),)
_with_ole = _edits(_add_shape(_LAYOUT, _OLE_FRAME),
                   _relate(_LAYOUT, "rId92", "oleObject", "../embeddings/oleObject1.bin", external=False),
                   _declare("ppt/embeddings/oleObject1.bin", "application/vnd.openxmlformats-officedocument.oleObject"))

_ACTIVEX_XML = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ax:ocx '
                b'xmlns:ax="http://schemas.microsoft.com/office/2006/activeX" '
                b'ax:classid="{8BD21D40-EC42-11CE-9E0D-00AA006002F3}" ax:persistence="persistStreamInit"/>')
_ACTIVEX: Extra = (("ppt/activeX/activeX1.xml", _ACTIVEX_XML),)


def _with_control(name: str, data: bytes) -> bytes:
    """An ActiveX control in the master's common slide data (``p:controls`` follows the shape tree)."""
    if name == _MASTER:
        control = b'<p:controls><p:control spid="2049" name="CheckBox1" r:id="rId93" imgW="100" imgH="100"/></p:controls>'
        return data.replace(b"</p:spTree>", b"</p:spTree>" + control, 1)
    return data


_with_activex = _edits(_with_control, _relate(_MASTER, "rId93", "control", "../activeX/activeX1.xml", external=False),
                       _declare("ppt/activeX/activeX1.xml", "application/vnd.ms-office.activeX+xml"))
_run_program = _click_action(_MASTER, "rId94", "file:///usr/bin/xcalc", "ppaction://program")
_run_script = _click_action(_MASTER, "rId95", "javascript:alert(1)", shape_id=95)
_open_file = _click_action(_LAYOUT, "rId96", "file:///etc/passwd", shape_id=96)
_jump_to_example_slide = _edits(_add_shape(_LAYOUT, _clickable("rId80", "ppaction://hlinksldjump", 80)),
                                _relate(_LAYOUT, "rId80", "slide", "../slides/slide1.xml", external=False))
"""A layout's button jumping to the template's example slide, which decks would then carry unvetted."""
_fine_links = _edits(_click_action(_MASTER, "rId97", "https://example.org/brand", shape_id=97),
                     _click_action(_MASTER, "", "", "ppaction://hlinkshowjump?jump=nextslide", shape_id=98))
_everything_active = _edits(_with_macros, _with_ole, _with_activex, _run_program, _run_script, _open_file, _fine_links)


def _without_theme(name: str, data: bytes) -> bytes:
    """The master's theme relationship removed (the theme part stays, related from nowhere)."""
    if name == _rels_of(_MASTER):
        return re.sub(rb'<Relationship Id="[^"]+" Type="[^"]+/theme" Target="[^"]+"/>', b"", data)
    return data


def _renamed(layouts: dict[int, str]) -> Edit:
    """Layouts (by number in their part name) given another name."""
    def edit(name: str, data: bytes) -> bytes:
        number = re.fullmatch(r"ppt/slideLayouts/slideLayout(\d+)\.xml", name)
        if number and int(number.group(1)) in layouts:
            return re.sub(rb'<p:cSld name="[^"]*"', f'<p:cSld name="{layouts[int(number.group(1))]}"'.encode(), data)
        return data
    return edit


_TWO_CONTENT_LAYOUTS = _renamed({5: "Title and Content"})
"""Layout 5 (Comparison) renamed like layout 2, the one deckgen fills with content slides."""


def _template(edit: Edit, extra: Extra = (), outline: str = GOOD) -> Callable[[Path], None]:
    def setup(folder: Path) -> None:
        _mutated(_notes_template(folder), folder / "t.pptx", edit, extra)
        (folder / "in.yaml").write_text("template: t.pptx\n" + outline, encoding="utf-8")
    return setup


_BUILD = ("build", "in.yaml", "-o", "out")
_PDF = ("build", "in.yaml", "-o", "out", "--pdf")
_LAYOUT_BRAND_PHOTO = GOOD + "        layout: Brand Photo\n"
_TWO_BRAND_PHOTOS = _renamed({8: "Brand Photo", 9: "Brand Photo"})
"""Two layouts no role uses by name (Content with Caption, Picture with Caption) named alike."""

CORPUS: list[Hostile] = [
    # --- external targets through a relationship typed hyperlink
    Hostile("picture-linked-through-a-hyperlink", _template(_linked_through_hyperlink(_LAYOUT, "http://127.0.0.1:9/x.png")),
            _BUILD, 1, "links its picture to external content 'http://127.0.0.1:9/x.png' (in 'ppt/slideLayouts/slideLayout2.xml')"),
    Hostile("picture-linked-through-a-hyperlink-pdf",
            _template(_linked_through_hyperlink(_LAYOUT, "http://127.0.0.1:9/x.png")), _PDF, 1, "links its picture"),
    Hostile("picture-embedded-from-a-local-file", _template(_linked_through_hyperlink(_MASTER, "file:///etc/passwd", "r:embed")),
            _BUILD, 1, "links its picture to external content 'file:///etc/passwd' (in 'ppt/slideMasters/slideMaster1.xml')"),
    Hostile("picture-linked-through-a-hyperlink-inspect",
            _template(_linked_through_hyperlink(_LAYOUT, "file:///etc/passwd")), ("templates", "inspect", "t.pptx"), 1,
            "links its picture to external content"),
    # --- active content, stripped with one warning per template
    Hostile("macros-in-a-plain-pptx", _template(_with_macros, _MACROS), _BUILD, 0,
            "warning: template 't.pptx': removed active content that decks must not carry: macros (ppt/vbaProject.bin)"),
    Hostile("ole-package-in-a-layout", _template(_with_ole, _OLE), _BUILD, 0,
            "removed active content that decks must not carry: an OLE object (in ppt/slideLayouts/slideLayout2.xml)"),
    Hostile("activex-control-in-the-master", _template(_with_activex, _ACTIVEX), _BUILD, 0,
            "an ActiveX control (in ppt/slideMasters/slideMaster1.xml)"),
    Hostile("click-runs-a-program", _template(_run_program), _BUILD, 0,
            "a click action that runs a program (in ppt/slideMasters/slideMaster1.xml)"),
    Hostile("click-runs-a-script", _template(_run_script), _BUILD, 0,
            "a click action to 'javascript:alert(1)' (in ppt/slideMasters/slideMaster1.xml)"),
    Hostile("click-opens-a-local-file", _template(_open_file), _BUILD, 0,
            "a click action to 'file:///etc/passwd' (in ppt/slideLayouts/slideLayout2.xml)"),
    Hostile("layout-jumps-to-an-example-slide", _template(_jump_to_example_slide), _BUILD, 0,
            "a click action to one of the template's example slides (in ppt/slideLayouts/slideLayout2.xml)"),
    Hostile("all-active-content-at-once", _template(_everything_active, _MACROS + _OLE + _ACTIVEX), _PDF, 0,
            "removed active content that decks must not carry: macros (ppt/vbaProject.bin), an ActiveX control "
            "(in ppt/slideMasters/slideMaster1.xml), a click action that runs a program (in ppt/slideMasters/slideMaster1.xml), "
            "a click action to 'javascript:alert(1)' (in ppt/slideMasters/slideMaster1.xml), an OLE object "
            "(in ppt/slideLayouts/slideLayout2.xml), a click action to 'file:///etc/passwd' (in ppt/slideLayouts/slideLayout2.xml)"),
    Hostile("all-active-content-check", _template(_everything_active, _MACROS + _OLE + _ACTIVEX), ("check", "in.yaml"), 0,
            "warning: template 't.pptx': removed active content"),
    # --- a master without a theme gets the default Office theme
    Hostile("master-without-a-theme", _template(_without_theme), _BUILD, 0, "built out/in.pptx"),
    # --- several layouts of one name
    Hostile("two-layouts-match-the-content-role", _template(_TWO_CONTENT_LAYOUTS), _BUILD, 0,
            "warning: template 't.pptx' has 2 layouts named 'Title and Content' (positions 2 and 5); "
            "deckgen uses the first; rename the others"),
    Hostile("layout-named-twice-by-a-point", _template(_TWO_BRAND_PHOTOS, outline=_LAYOUT_BRAND_PHOTO), ("check", "in.yaml"), 0,
            "in.yaml:8:17: sections[0].points[0].layout: template 't.pptx' has 2 layouts named 'Brand Photo' "
            "(positions 8 and 9); deckgen uses the first; rename the others"),
    Hostile("layout-named-twice-by-a-point-build", _template(_TWO_BRAND_PHOTOS, outline=_LAYOUT_BRAND_PHOTO), _BUILD, 0,
            "warning: in.yaml:8:17: sections[0].points[0].layout: template 't.pptx' has 2 layouts named 'Brand Photo'"),
]


@pytest.mark.parametrize("case", CORPUS, ids=lambda case: case.name)
def test_hostile_template_gets_a_clear_answer(case: Hostile, tmp_path: Path) -> None:
    case.setup(tmp_path)
    result = deckgen(*case.args, cwd=tmp_path, env=case.env or None)
    assert result.returncode == case.exit_code, result.stdout + result.stderr
    assert case.message in result.stdout + result.stderr
    assert_clean(result, tmp_path)
    if case.exit_code:
        assert not (tmp_path / "out").exists(), "nothing is written for a refused template"


# --------------------------------------------------------------------------- the decks built


def _built(folder: Path, *options: str) -> Path:
    result = deckgen("build", "in.yaml", "-o", "out", *options, cwd=folder)
    assert result.returncode == 0, result.stdout + result.stderr
    assert_clean(result, folder)
    return folder / "out" / "in.pptx"


def _relationships(deck: Path) -> list[tuple[str, str, str]]:
    """Every relationship of the deck's package: (type's last segment, target, target mode)."""
    found = []
    with zipfile.ZipFile(deck) as package:
        for name in (n for n in package.namelist() if n.endswith(".rels")):
            for rel in re.finditer(rb"<Relationship [^>]*>", package.read(name)):
                attributes = dict(re.findall(r'(\w+)="([^"]*)"', rel.group().decode()))
                found.append((attributes["Type"].rsplit("/", 1)[-1], attributes["Target"], attributes.get("TargetMode", "")))
    return found


def test_a_deck_carries_none_of_its_templates_active_content_and_converts(tmp_path: Path, soffice: str) -> None:
    _template(_everything_active, _MACROS + _OLE + _ACTIVEX)(tmp_path)
    deck = _built(tmp_path, "--pdf")
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
        xml = b"".join(package.read(n) for n in names if n.endswith((".xml", ".rels")))
    assert not [n for n in names if re.search(r"vbaProject|embeddings/|activeX", n)], names
    for active in (b"oleObj", b"p:controls", b"ppaction://program", b"javascript:", b"file:", b"127.0.0.1"):
        assert active not in xml, active
    external = [(kind, target) for kind, target, mode in _relationships(deck) if mode == "External"]
    assert external == [("hyperlink", "https://example.org/brand")]
    assert b'action="ppaction://hlinkshowjump?jump=nextslide"' in xml  # moving within the show stays
    assert (tmp_path / "out" / "in.pdf").is_file()
    assert deck_findings(deck) == []


@pytest.mark.parametrize("edit, extra", [(_with_macros, _MACROS), (_with_ole, _OLE), (_with_activex, _ACTIVEX),
                                         (_run_program, ()), (_run_script, ()), (_open_file, ()),
                                         (_jump_to_example_slide, ())],
                         ids=["macros", "ole", "activex", "program", "script", "file", "jump-to-example-slide"])
def test_each_kind_of_active_content_leaves_a_valid_deck_without_outside_targets(
        edit: Edit, extra: Extra, tmp_path: Path) -> None:
    _template(edit, extra)(tmp_path)
    deck = _built(tmp_path)
    assert [r for r in _relationships(deck) if r[2] == "External"] == []
    with zipfile.ZipFile(deck) as package:
        names = package.namelist()
    assert len(names) == len(set(names)), "every part once"
    assert deck_findings(deck) == []


def test_links_to_the_web_and_jumps_within_the_show_stay_without_a_warning(tmp_path: Path) -> None:
    _template(_fine_links)(tmp_path)
    result = deckgen("build", "in.yaml", "-o", "out", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "removed" not in result.stderr
    master = Presentation(str(tmp_path / "out" / "in.pptx")).slide_masters[0]
    clicks = {shape.shape_id: shape.click_action for shape in master.shapes if shape.shape_id in (97, 98)}
    assert clicks[97].hyperlink.address == "https://example.org/brand"
    assert clicks[98].action == clicks[98].action.NEXT_SLIDE


def test_a_master_without_a_theme_gets_the_office_theme_and_the_deck_validates(tmp_path: Path) -> None:
    _template(_without_theme)(tmp_path)
    deck = _built(tmp_path)
    master = Presentation(str(deck)).slide_masters[0]
    assert any(rel.reltype.endswith("/theme") for rel in master.part.rels.values())
    assert deck_findings(deck) == []


def test_the_first_of_layouts_sharing_a_name_serves_its_role(tmp_path: Path) -> None:
    _template(_TWO_CONTENT_LAYOUTS)(tmp_path)
    presentation = Presentation(str(_built(tmp_path)))
    content = presentation.slides[-1]
    assert content.slide_layout.name == "Title and Content"
    assert content.slide_layout is presentation.slide_layouts[1]  # position 2, not the renamed Comparison at 5


def test_a_point_naming_a_shared_layout_name_gets_the_first(tmp_path: Path) -> None:
    _template(_TWO_BRAND_PHOTOS, outline=_LAYOUT_BRAND_PHOTO)(tmp_path)
    presentation = Presentation(str(_built(tmp_path)))
    assert presentation.slides[-1].slide_layout is presentation.slide_layouts[7]


def test_a_layout_name_shared_but_unused_gets_no_warning(tmp_path: Path) -> None:
    _template(_TWO_BRAND_PHOTOS)(tmp_path)
    result = deckgen("check", "in.yaml", cwd=tmp_path)
    assert result.returncode == 0 and "Brand Photo" not in result.stderr, result.stderr
