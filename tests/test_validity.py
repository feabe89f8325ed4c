"""Every kind of deck deckgen makes is valid Open XML that PowerPoint opens without repairing.

Checked by two independent readers (``tests/validators.py``): openxml-audit (no error-severity
finding, no PowerPoint app-compat finding: those predict a repair dialog or rewrite) and
ooxml-integrity's package checks (one part per name, content types, relationships), which
stricter readers apply and openxml-audit does not.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import FIXTURES, OUTLINES, SORA
from tests.deck_helpers import (
    BUNDLED_OUTLINES,
    BUNDLED_TEMPLATES,
    CORPUS_TEMPLATES,
    READING,
    SORA_ZH,
    SPECS,
    TEMPLATES,
    THIRD_PARTY_TEMPLATES,
    cached_deck_bytes,
)
from tests.validators import audit_findings, deck_findings, package_findings

_LO = str(THIRD_PARTY_TEMPLATES["LibreOffice Impress"])
RICH_EXAMPLE = OUTLINES / "sora-responses-compared.yaml"
RICH_CORPUS = Path(__file__).resolve().parent.parent / "tools" / "corpus" / "rich-outline.yaml"
ARABIC = OUTLINES / "sora-china-ai.ar.yaml"
LIBRARIES = FIXTURES / "outlines" / "scripts"


def _case(outline: Path, template: str | None, audience: str | None = None, name: str = "") -> object:
    """One deck to validate (a LibreOffice-saved template has no viewProps part: deckgen must add one)."""
    label = name or f"{outline.stem}-{audience or 'base'}-on-{Path(template).stem if template else 'own'}"
    return pytest.param(outline, template, audience, id=label)


CASES = [
    # each bundled outline on each bundled template
    *[_case(o, t) for o in BUNDLED_OUTLINES for t in BUNDLED_TEMPLATES],
    # each third-party template, with an image (reading), Chinese text and long text
    *[_case(READING, str(t)) for t in THIRD_PARTY_TEMPLATES.values()],
    _case(SORA_ZH, str(THIRD_PARTY_TEMPLATES["python-pptx default"])),
    _case(SORA_ZH, _LO),
    _case(SPECS / "long-text.yaml", str(THIRD_PARTY_TEMPLATES["pandoc reference"])),
    # rich content (inline formatting, comparison, table, chart, layout, right to left) on pandoc's template
    *[_case(o, str(THIRD_PARTY_TEMPLATES["pandoc reference"])) for o in (RICH_EXAMPLE, ARABIC, SPECS / "rich-content.yaml")],
    _case(SPECS / "rich-content.yaml", None),
    _case(SPECS / "rich-content.yaml", "classic"),
    # outlines written from the spec: every field (image, quote, three levels), minimal, continuation slides
    *[_case(SPECS / "every-field.yaml", t) for t in (*BUNDLED_TEMPLATES, str(THIRD_PARTY_TEMPLATES["pandoc reference"]))],
    _case(SPECS / "minimal.yaml", None),
    _case(SPECS / "long-text.yaml", None),
    # templates that need deckgen's own boxes, boxes moved to the master's areas, two columns
    *[_case(SORA, str(TEMPLATES / f"roles-{name}.pptx")) for name in ("theme-only", "title-slide-only", "midnightblue")],
    _case(SPECS / "rich-content.yaml", str(TEMPLATES / "roles-spanish.pptx")),
    # audience variants (own template, language switch to Chinese)
    _case(SORA, None, "undergrad"),
    _case(SORA, None, "policy"),
    _case(SORA_ZH, None, "policy"),
    _case(SPECS / "every-field.yaml", None, "undergrad"),
    # templates pandoc, Quarto and md2pptx users bring: the Sora guide and the corpus's rich outline
    *[_case(o, str(t)) for o in (SORA, RICH_CORPUS) for t in CORPUS_TEMPLATES.values()],
    # right-to-left decks in Hebrew, Persian and Urdu: mirrored bundled designs, deckgen's mark turned
    *[_case(LIBRARIES / f"libraries.{language}.yaml", t) for language in ("he", "fa", "ur") for t in BUNDLED_TEMPLATES],
    _case(LIBRARIES / "libraries.ur.yaml", str(THIRD_PARTY_TEMPLATES["pandoc reference"])),
    # charts of every type turned right to left
    *[_case(LIBRARIES / "charts.ar.yaml", t) for t in BUNDLED_TEMPLATES],
]


@pytest.mark.parametrize(("outline", "template", "audience"), CASES)
def test_deck_opens_cleanly_in_powerpoint(tmp_path: Path, outline: Path, template: str | None, audience: str | None) -> None:
    deck = tmp_path / f"{outline.stem}.pptx"
    deck.write_bytes(cached_deck_bytes(outline, template, audience))
    assert deck_findings(deck) == []


def test_the_validator_does_find_repair_triggers(tmp_path: Path) -> None:
    """Guard against a silently passing check: a damaged deck must be reported."""
    import zipfile

    good = cached_deck_bytes(SPECS / "minimal.yaml")
    bad = tmp_path / "bad.pptx"
    source = tmp_path / "good.pptx"
    source.write_bytes(good)
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bad, "w") as copy:
        for info in original.infolist():
            if info.filename != "ppt/viewProps.xml":
                copy.writestr(info.filename, original.read(info.filename))
    assert audit_findings(bad) != []


def test_the_package_check_finds_two_parts_of_one_name(tmp_path: Path) -> None:
    """Guard: a second ``docProps/app.xml`` passes openxml-audit, so ooxml-integrity must catch it."""
    import warnings
    import zipfile

    source = tmp_path / "good.pptx"
    source.write_bytes(cached_deck_bytes(SPECS / "minimal.yaml"))
    bad = tmp_path / "twice.pptx"
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(bad, "w") as copy, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        for info in original.infolist():
            copy.writestr(info.filename, original.read(info.filename))
        copy.writestr("docProps/app.xml", original.read("docProps/app.xml"))
    assert package_findings(source) == []
    assert any("PKG008" in finding for finding in package_findings(bad))


WORD_CASES = [OUTLINES / "sora-china-ai.yaml", OUTLINES / "sora-china-ai.zh.yaml", ARABIC, SPECS / "rich-content.yaml",
              *[LIBRARIES / f"libraries.{language}.yaml" for language in ("he", "fa", "ur")],
              Path(__file__).resolve().parent / "fixtures" / "outlines" / "handout.yaml"]


@pytest.mark.parametrize("outline", WORD_CASES, ids=lambda p: p.stem)
def test_guide_handout_and_recap_are_valid_word_files(tmp_path: Path, outline: Path) -> None:
    """Schema order and values of what deckgen adds to python-docx's documents (right to
    left, fonts, tables); python-docx's own template carries a stylesWithEffects part that
    the validator's semantic check dislikes, so only schema findings count."""
    from openxml_audit import OpenXmlValidator
    from openxml_audit.errors import ValidationSeverity

    from deckgen.app.kit import guide_bytes, handout_bytes
    from deckgen.outline.loader import load_outline

    loaded = load_outline(outline)
    made = (("guide", guide_bytes(loaded, ".docx")), ("handout", handout_bytes(loaded)),
            ("recap", handout_bytes(loaded, recap=True)))
    for name, data in made:
        path = tmp_path / f"{name}.docx"
        path.write_bytes(data)
        result = OpenXmlValidator().validate(path)
        assert [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR and "[schema]" in str(e)] == []
