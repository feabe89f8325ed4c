"""The direct package writer gives exactly the bytes python-pptx and zipfile would.

Decks copy their template's unchanged parts as entries compressed once, write the zip
themselves and serialise content types and relationships as strings; each of these is
compared here with the library code it stands in for, so decks stay byte-identical.
"""

from __future__ import annotations

import io
import zipfile

import pytest
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.serialized import _ContentTypesItem

from deckgen.app.build import template_for
from deckgen.outline.loader import load_outline
from deckgen.render.template.package import content_types_xml, package_parts, rels_member, zip_time
from deckgen.render.ooxml.zipwriter import ZipEntry, make_entry, zip_bytes
from tests.deck_helpers import opened_template
from tests.conftest import SORA, fixture_path


def _zipfile_bytes(files: list[tuple[str, bytes, int]], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name, data, method in files:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = method
            info.create_system = 0
            info.external_attr = 0o600 << 16
            archive.writestr(info, data, compresslevel=6)
    return out.getvalue()


@pytest.mark.parametrize("epoch", [None, 1700000000])
def test_the_zip_writer_matches_zipfile(epoch: int | None) -> None:
    files = [("[Content_Types].xml", b"<Types/>" * 50, zipfile.ZIP_DEFLATED),
             ("ppt/media/image1.png", bytes(range(256)) * 3, zipfile.ZIP_DEFLATED),
             ("ppt/slides/slide1.xml", b"", zipfile.ZIP_DEFLATED),
             ("stored.bin", b"kept as it is", zipfile.ZIP_STORED)]
    entries: list[ZipEntry] = [make_entry(name, data, method) for name, data, method in files]
    assert zip_bytes(entries, zip_time(epoch)) == _zipfile_bytes(files, zip_time(epoch))


@pytest.mark.parametrize("template", ["seminar", "classic", str(fixture_path("templates", "libreoffice-impress.pptx"))])
def test_content_types_match_python_pptx(template: str) -> None:
    presentation = opened_template(template_for(load_outline(SORA), template))
    parts = package_parts(presentation.part.package)
    assert content_types_xml(parts) == serialize_part_xml(_ContentTypesItem.xml_for(parts))
    assert [p.partname for p in parts] == [p.partname for p in presentation.part.package.iter_parts()]
    assert [rels_member(str(p.partname)) for p in parts] == [p.partname.rels_uri.membername for p in parts]


def test_building_decks_never_changes_the_template_parts_they_share() -> None:
    """Decks copy the template's parts as compressed once; a deck that changed one of them
    in place would lose the change (and pass it on to later decks). Build decks using many
    features, then check every shared part still has the bytes its entry was made from."""
    import zlib

    from deckgen.app.build import deck_bytes
    from tests.deck_helpers import READING, SORA_ZH, SPECS

    outlines = [load_outline(SORA), load_outline(SORA_ZH), load_outline(READING),
                *(load_outline(path) for path in sorted(SPECS.glob("*.yaml")))]
    templates = {}
    for outline in outlines:
        try:
            deck_bytes(outline)
        except Exception:  # a spec outline that is meant to fail is not the point here
            continue
        prepared = template_for(outline)
        templates[id(prepared)] = prepared
    assert templates
    for prepared in templates.values():
        with zipfile.ZipFile(io.BytesIO(prepared.package)) as package:
            for name, entry in prepared.entries.items():
                assert zlib.crc32(package.read(name)) == entry.crc, f"{name} changed while building decks"
