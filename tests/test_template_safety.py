"""Templates are untrusted input: vetted before python-pptx reads them, refused with a clear reason."""

from __future__ import annotations

import io
import struct
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from pptx.oxml import parse_xml

import deckgen.render.template.prepare as prepare
from deckgen.app.build import template_for
from deckgen.cli.main import main
from deckgen.errors import TemplateError
from deckgen.outline.loader import load_outline
from deckgen.render.template import untrusted
from deckgen.render.template.prepared import prepared_template
from deckgen.render.template.untrusted import PRESENTATION_MAIN, read_template_package
from deckgen.render.template.catalog import TemplateChoice, bundled_brands, resolve_template
from tests.deck_helpers import opened_template
from tests.conftest import FIXTURES

BAD_TEMPLATES = FIXTURES / "bad" / "templates"
GOOD_TEMPLATES = [*(b.file for b in bundled_brands().values()), *sorted((FIXTURES / "templates").glob("*.pptx"))]
OUTLINE = "title: T\nsections:\n  - title: S\n"


def rewrite(source: Path, target: Path, edit: dict[str, bytes | None]) -> Path:
    """Copy the package ``source`` to ``target``, replacing (or with None, dropping) parts."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in original.infolist():
            data = edit.get(info.filename, original.read(info.filename))
            if data is not None:
                copy.writestr(info.filename, data)
        for name, data in edit.items():
            if name not in original.NameToInfo and data is not None:
                copy.writestr(name, data)
    return target


def message_of(error: pytest.ExceptionInfo[TemplateError]) -> str:
    return str(error.value.problems[0])


# --- good templates pass --------------------------------------------------------------


@pytest.mark.parametrize("template", GOOD_TEMPLATES, ids=lambda p: p.name)
def test_real_templates_pass_the_vetting(template: Path) -> None:
    with zipfile.ZipFile(io.BytesIO(read_template_package(template))) as package:
        assert PRESENTATION_MAIN.encode() in package.read("[Content_Types].xml")


def test_a_potx_is_accepted_and_relabelled(tmp_path: Path) -> None:
    seminar = bundled_brands()["seminar"].file
    with zipfile.ZipFile(seminar) as package:
        types = package.read("[Content_Types].xml").replace(b"presentation.main+xml", b"template.main+xml")
    potx = rewrite(seminar, tmp_path / "brand.potx", {"[Content_Types].xml": types})
    prepared = prepared_template(resolve_template(potx))
    assert prepared.profile.name == "brand.potx"
    assert opened_template(prepared).slide_layouts


# --- refusals, each saying what the file is ---------------------------------------------


@pytest.mark.parametrize(("name", "message"), [
    ("not-a-zip.pptx", "is not a .pptx/.potx file (not a zip package); open it in PowerPoint or LibreOffice Impress and save it as .pptx"),
    ("word-renamed.pptx", "is a Word document, not a PowerPoint template; give a PowerPoint file (.pptx/.potx) instead"),
    ("excel-renamed.potx", "is an Excel workbook, not a PowerPoint template"),
    ("plain-zip.pptx", "is a zip file but not an Office document (no [Content_Types].xml)"),
    ("macros.pptx", "is a macro-enabled presentation (.pptm), not a PowerPoint template; save it from PowerPoint without macros"),
    ("old-binary.pptx", "is an old binary PowerPoint file (.ppt) or a password-protected file"),
    ("zip-bomb.pptx", "has a part 'ppt/media/zeros.bin' that packs 20 MB into"),
    ("declared-huge.pptx", "declares 4,096 MB of content (more than 100 MB); refusing it as a possible zip bomb"),
    ("xxe.pptx", "has a part 'ppt/slideLayouts/slideLayout1.xml' with a DOCTYPE"),
])
def test_bad_template_files_are_refused_as_file_colon_message(name: str, message: str) -> None:
    path = BAD_TEMPLATES / name
    with pytest.raises(TemplateError) as error:
        read_template_package(path)
    assert message_of(error) == f"{path}: {message}" or message_of(error).startswith(f"{path}: {message}")


def test_an_odp_gets_libreoffice_advice(tmp_path: Path) -> None:
    path = tmp_path / "slides.pptx"
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("mimetype", "application/vnd.oasis.opendocument.presentation")
        package.writestr("content.xml", "<office:document-content/>")
    with pytest.raises(TemplateError) as error:
        read_template_package(path)
    assert "is an OpenDocument presentation (.odp)" in message_of(error)
    assert "File > Save As > PowerPoint (.pptx)" in message_of(error)


def test_the_main_part_must_be_declared_and_related(tmp_path: Path) -> None:
    seminar = bundled_brands()["seminar"].file
    no_rel = rewrite(seminar, tmp_path / "no-rel.pptx", {"_rels/.rels": None})
    with pytest.raises(TemplateError) as error:
        read_template_package(no_rel)
    assert "is damaged: no relationship points at its main part 'ppt/presentation.xml'" in message_of(error)
    no_main = rewrite(seminar, tmp_path / "no-main.pptx", {"ppt/presentation.xml": None})
    with pytest.raises(TemplateError) as error:
        read_template_package(no_main)
    assert "is damaged: its main part 'ppt/presentation.xml' is missing" in message_of(error)


def test_a_part_larger_than_declared_is_refused(tmp_path: Path) -> None:
    """zipfile stops at the declared size, so a lying header cannot inflate more than it declares."""
    data = bytearray(rewrite(bundled_brands()["seminar"].file, tmp_path / "x.pptx", {}).read_bytes())
    offset = data.find(b"PK\x01\x02")  # first central-directory entry: declare 10 bytes
    struct.pack_into("<I", data, offset + 24, 10)
    liar = tmp_path / "liar.pptx"
    liar.write_bytes(bytes(data))
    with pytest.raises(TemplateError) as error:
        read_template_package(liar)
    assert "is damaged" in message_of(error)


def test_encrypted_parts_and_too_many_parts_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = bytearray((BAD_TEMPLATES / "word-renamed.pptx").read_bytes())
    offset = data.find(b"PK\x01\x02")
    struct.pack_into("<H", data, offset + 8, struct.unpack_from("<H", data, offset + 8)[0] | 1)
    locked = tmp_path / "locked.pptx"
    locked.write_bytes(bytes(data))
    with pytest.raises(TemplateError, match="is password-protected"):
        read_template_package(locked)
    monkeypatch.setattr(untrusted, "MAX_PARTS", 5)
    with pytest.raises(TemplateError, match="files \\(more than 5\\); refusing it as a possible zip bomb"):
        read_template_package(bundled_brands()["seminar"].file)


@pytest.mark.parametrize("name", ["zip-bomb.pptx", "declared-huge.pptx"])
def test_zip_bombs_are_refused_before_python_pptx_sees_them(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object) -> None:
        raise AssertionError("python-pptx must not read a refused template")

    monkeypatch.setattr(prepare, "Presentation", fail)
    with pytest.raises(TemplateError, match="possible zip bomb"):
        prepared_template(TemplateChoice(BAD_TEMPLATES / name))


# --- XML entities ----------------------------------------------------------------------

SECRET = "deckgen-secret-7f3a9c"


def xxe_template(tmp_path: Path, secret_file: Path) -> Path:
    source = FIXTURES / "templates" / "python-pptx-default.pptx"
    with zipfile.ZipFile(source) as package:
        layout = package.read("ppt/slideLayouts/slideLayout2.xml").decode("utf-8")
    end = layout.index("?>") + 2
    start = layout.index("<a:t>") + len("<a:t>")
    layout = (layout[:end] + f'<!DOCTYPE p:sldLayout [<!ENTITY secret SYSTEM "file://{secret_file}">]>'
              + layout[end:start] + "&secret;" + layout[layout.index("</a:t>", start):])
    return rewrite(source, tmp_path / "xxe.pptx", {"ppt/slideLayouts/slideLayout2.xml": layout.encode("utf-8")})


def test_a_template_with_an_external_entity_is_refused_and_the_file_never_read(tmp_path: Path, runner: CliRunner) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    template = xxe_template(tmp_path, secret)
    outline = tmp_path / "o.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    result = runner.invoke(main, ["build", str(outline), "--template", str(template), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert f"error: {template}: has a part 'ppt/slideLayouts/slideLayout2.xml' with a DOCTYPE" in result.output
    assert SECRET not in result.output
    assert not list((tmp_path / "out").glob("*.pptx")) if (tmp_path / "out").exists() else True


def test_python_pptx_parser_does_not_expand_external_entities(tmp_path: Path) -> None:
    """Defence in depth: even a part that slipped through would not pull in a local file."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    xml = f'<!DOCTYPE r [<!ENTITY s SYSTEM "file://{secret}">]><r xmlns="urn:x">&s;</r>'.encode()
    assert SECRET not in etree.tostring(parse_xml(xml)).decode()


def test_a_billion_laughs_dtd_is_refused_quickly(tmp_path: Path) -> None:
    entities = '<!ENTITY a "lol">' + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9))
    layout = f'<?xml version="1.0"?><!DOCTYPE r [{entities}]><r>&j;</r>'.encode()
    template = rewrite(bundled_brands()["seminar"].file, tmp_path / "laughs.pptx", {"ppt/slideLayouts/slideLayout1.xml": layout})
    with pytest.raises(TemplateError, match="with a DOCTYPE"):
        read_template_package(template)


# --- where template errors point ---------------------------------------------------------


def test_a_bad_template_from_the_outline_points_at_its_template_line(tmp_path: Path) -> None:
    (tmp_path / "brand.pptx").write_text("not a zip")
    outline = tmp_path / "o.yaml"
    outline.write_text("title: T\ntemplate: brand.pptx\n" + OUTLINE[9:], encoding="utf-8")
    with pytest.raises(TemplateError) as error:
        template_for(load_outline(outline))
    assert message_of(error).startswith(f"{outline}:2:11: template: 'brand.pptx' is not a .pptx/.potx file")


def test_an_audience_template_points_at_the_audience_or_its_set(tmp_path: Path) -> None:
    (tmp_path / "brand.pptx").write_text("not a zip")
    outline = tmp_path / "o.yaml"
    outline.write_text(OUTLINE + "audiences:\n  own: {template: brand.pptx}\n  via_set:\n    set: {template: nope}\n", encoding="utf-8")
    with pytest.raises(TemplateError) as own:
        template_for(load_outline(outline, audience="own"))
    assert message_of(own).startswith(f"{outline}:5:19: template: 'brand.pptx' is not")
    with pytest.raises(TemplateError) as via_set:
        template_for(load_outline(outline, audience="via_set"))
    assert message_of(via_set).startswith(f"{outline}:7:21: template: unknown template 'nope'")


def test_a_bad_cli_template_is_named_by_its_file(tmp_path: Path, runner: CliRunner) -> None:
    outline = tmp_path / "o.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    word = BAD_TEMPLATES / "word-renamed.pptx"
    for command in (["check", str(outline)], ["build", str(outline), "-o", str(tmp_path / "out")]):
        result = runner.invoke(main, [command[0], "--template", str(word), *command[1:]])
        assert result.exit_code == 1
        assert f"error: {word}: is a Word document, not a PowerPoint template" in result.output
        assert "Traceback" not in result.output


def test_templates_inspect_refuses_a_bad_file_without_traceback(runner: CliRunner) -> None:
    result = runner.invoke(main, ["templates", "inspect", str(BAD_TEMPLATES / "zip-bomb.pptx")])
    assert result.exit_code == 1
    assert "possible zip bomb" in result.output
    assert "Traceback" not in result.output


def test_missing_template_file_suggests_a_near_name(tmp_path: Path) -> None:
    (tmp_path / "brand.pptx").write_bytes(b"")
    with pytest.raises(TemplateError) as error:
        resolve_template("brnad.pptx", tmp_path)
    assert message_of(error) == f"template file 'brnad.pptx' does not exist (did you mean 'brand.pptx'?); looked for {tmp_path / 'brnad.pptx'}"


def test_check_reports_the_bad_template_of_every_audience(tmp_path: Path, runner: CliRunner) -> None:
    (tmp_path / "brand.pptx").write_text("not a zip")
    outline = tmp_path / "o.yaml"
    outline.write_text(OUTLINE + "audiences:\n  one: {template: brand.pptx}\n  two: {template: nope}\n", encoding="utf-8")
    result = runner.invoke(main, ["check", str(outline)])
    assert result.exit_code == 1
    assert f"error: {outline}:5:19: template: 'brand.pptx' is not a .pptx/.potx file" in result.output
    assert f"error: {outline}:6:19: template: unknown template 'nope'" in result.output
