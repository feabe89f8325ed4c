"""What independent readers of a .pptx say about a deck: openxml-audit and ooxml-integrity.

openxml-audit (the validator behind ``openxml-audit FILE``) checks the XML against the
schemas and predicts PowerPoint's repair dialog; ooxml-integrity checks the package the way
stricter readers open it (one part per name, content types, relationships that resolve),
which openxml-audit does not: a deck holding two ``docProps/app.xml`` entries passes
openxml-audit and is refused by ooxml-integrity (PKG008) and by commercial pptx libraries.
Shared by ``tests/test_validity.py`` and ``tools/template_corpus.py``.
"""

from __future__ import annotations

from pathlib import Path

from ooxml_integrity import ERROR, Inspector, check_pptx
from openxml_audit import validate_pptx
from openxml_audit.errors import SourceClass, ValidationSeverity
from openxml_audit.verdict import AppPrediction, predict

_DOCX_ONLY = {"PKG006"}
"""ooxml-integrity's Word checks: a presentation's main part is no ``w:document``."""


def audit_findings(path: Path) -> list[str]:
    """openxml-audit's errors and PowerPoint app-compat findings (those predict a repair
    dialog or rewrite), and its verdict when it is not "opens clean"."""
    result = validate_pptx(path)
    errors = [str(e) for e in result.errors if e.severity == ValidationSeverity.ERROR]
    compat = [str(e) for e in result.errors if e.source_class is SourceClass.POWERPOINT_APP_COMPAT]
    verdict = predict(result)
    return sorted(set(errors + compat)) + ([] if verdict.prediction is AppPrediction.OPENS_CLEAN else [verdict.headline])


def package_findings(path: Path) -> list[str]:
    """ooxml-integrity's package checks: the archive (PKG001-009: one part per name, sane
    names and sizes), content types (PKG003-005, PKG011-012) and relationships (REL001,
    REL002, REL004), as errors. Its text-fitting checks (PPT*) measure differently from
    deckgen and are left out."""
    found = [str(f) for f in check_pptx(path) if not f.code.startswith("PPT")]
    inspector = Inspector(path)
    if inspector.load():
        inspector.check_content_types()
        inspector.check_relationships()
    found += [str(f) for f in inspector.findings if f.severity == ERROR and f.code not in _DOCX_ONLY]
    return sorted(set(found))


def deck_findings(path: Path) -> list[str]:
    """Everything either reader finds wrong with the deck at ``path`` ([] for a valid deck)."""
    return audit_findings(path) + package_findings(path)
